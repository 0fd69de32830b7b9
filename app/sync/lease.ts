// Per-shop work lease in sync_state, so that several app instances (or the cron and
// an install running in one instance) never sync the same shop at once, and a
// crashed holder's lease simply expires.
//
// The claim is one conditional UPDATE over the shop's sync_state rows: each row is
// taken only if it is free, expired or already ours. PostgreSQL re-checks that
// condition on the latest row version after waiting for a concurrent writer's row
// lock, so of two racing claims exactly one sees the rows free. Every row of a shop
// always carries the same lease (claimed, renewed and released together), so a claim
// is all rows or none. A single statement (no interactive transaction) is also what
// the embedded PGlite needs: it has one backend shared by all connections. Times are
// the database's now(), so clocks of different instances do not matter.
import type { PrismaClient } from "@prisma/client";

export const DEFAULT_LEASE_MS = 90_000;

export async function claimShopLease(
  prisma: PrismaClient,
  shopId: number,
  owner: string,
  leaseMs: number = DEFAULT_LEASE_MS,
): Promise<boolean> {
  const claimed = await prisma.$queryRaw<{ resource: string }[]>`
    UPDATE sync_state
    SET lease_owner = ${owner},
        lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000}::double precision)
    WHERE shop_id = ${shopId}
      AND (lease_owner IS NULL OR lease_expires_at IS NULL OR lease_expires_at < now() OR lease_owner = ${owner})
    RETURNING resource`;
  if (claimed.length === 0) return false;
  const total = await prisma.syncState.count({ where: { shopId } });
  if (claimed.length < total) {
    // Only reachable if rows were leased separately (not by this module): give back.
    await releaseShopLease(prisma, shopId, owner);
    return false;
  }
  return true;
}

/** Extend our lease; false when it is no longer ours (expired and taken over). */
export async function renewShopLease(
  prisma: PrismaClient,
  shopId: number,
  owner: string,
  leaseMs: number = DEFAULT_LEASE_MS,
): Promise<boolean> {
  const renewed = await prisma.$executeRaw`
    UPDATE sync_state
    SET lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000}::double precision)
    WHERE shop_id = ${shopId} AND lease_owner = ${owner}`;
  return renewed > 0;
}

export async function releaseShopLease(prisma: PrismaClient, shopId: number, owner: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE sync_state SET lease_owner = NULL, lease_expires_at = NULL
    WHERE shop_id = ${shopId} AND lease_owner = ${owner}`;
}
