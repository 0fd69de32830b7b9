// Per-shop work lease in sync_state, so that one sync pass at a time runs for a shop —
// across app instances and across the entry points of one instance (cron, "Sync now",
// install) — and a crashed holder's lease simply expires.
//
// Each claim is one pass: it gets a fresh random token, stored with the lease. The
// claim only succeeds when the rows are free or expired — never because the same
// worker id already holds them (a second pass of this process must not enter). Renewal,
// release and the write fence (holdsShopLease) all check the token, so a pass whose
// lease expired and was taken over cannot renew it, release the new holder's lease, or
// go on writing.
//
// The claim is one conditional UPDATE over the shop's sync_state rows. PostgreSQL
// re-checks that condition on the latest row version after waiting for a concurrent
// writer's row lock, so of two racing claims exactly one sees the rows free. Every row
// of a shop always carries the same lease (claimed, renewed and released together), so
// a claim is all rows or none. A single statement (no interactive transaction) is also
// what the embedded PGlite needs: it has one backend shared by all connections. Times
// are the database's now(), so clocks of different instances do not matter.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@prisma/client";

export const DEFAULT_LEASE_MS = 90_000;

/** One pass's hold on a shop. */
export interface ShopLease {
  shopId: number;
  owner: string;
  token: string;
}

/** Claim the shop for one pass; null when a live lease (anyone's, ours included) holds it. */
export async function claimShopLease(
  prisma: PrismaClient,
  shopId: number,
  owner: string,
  leaseMs: number = DEFAULT_LEASE_MS,
): Promise<ShopLease | null> {
  const token = randomBytes(16).toString("hex");
  const claimed = await prisma.$queryRaw<{ resource: string }[]>`
    UPDATE sync_state
    SET lease_owner = ${owner}, lease_token = ${token},
        lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000}::double precision)
    WHERE shop_id = ${shopId}
      AND (lease_expires_at IS NULL OR lease_expires_at < now())
    RETURNING resource`;
  if (claimed.length === 0) return null;
  const lease = { shopId, owner, token };
  const total = await prisma.syncState.count({ where: { shopId } });
  if (claimed.length < total) {
    // Only reachable if rows were leased separately (not by this module): give back.
    await releaseShopLease(prisma, lease);
    return null;
  }
  return lease;
}

/** Extend our lease; false when it is no longer ours (expired and taken over, or released). */
export async function renewShopLease(
  prisma: PrismaClient,
  lease: ShopLease,
  leaseMs: number = DEFAULT_LEASE_MS,
): Promise<boolean> {
  const renewed = await prisma.$executeRaw`
    UPDATE sync_state
    SET lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000}::double precision)
    WHERE shop_id = ${lease.shopId} AND lease_token = ${lease.token}`;
  return renewed > 0;
}

/**
 * The write fence: is the lease still this pass's? An expired lease that nobody took
 * over still counts (nobody else can have written); one taken over does not.
 */
export async function holdsShopLease(prisma: PrismaClient, lease: ShopLease): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ held: boolean }[]>`
    SELECT count(*) > 0 AS held FROM sync_state WHERE shop_id = ${lease.shopId} AND lease_token = ${lease.token}`;
  return rows[0]?.held === true;
}

export async function releaseShopLease(prisma: PrismaClient, lease: ShopLease): Promise<void> {
  await prisma.$executeRaw`
    UPDATE sync_state SET lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL
    WHERE shop_id = ${lease.shopId} AND lease_token = ${lease.token}`;
}

/** Whether a live lease holds the shop (a pass runs somewhere). */
export async function shopLeaseHeld(prisma: PrismaClient, shopId: number): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ held: boolean }[]>`
    SELECT count(*) > 0 AS held FROM sync_state
    WHERE shop_id = ${shopId} AND lease_expires_at >= now()`;
  return rows[0]?.held === true;
}
