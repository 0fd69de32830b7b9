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
import { Prisma, type PrismaClient } from "@prisma/client";

export const DEFAULT_LEASE_MS = 90_000;

/** One pass's hold on a shop. */
export interface ShopLease {
  shopId: number;
  owner: string;
  token: string;
}

/** A sync_state row as the claim returns it (what a pass needs to plan its work). */
export interface LeasedState {
  resource: string;
  backfillStatus: string;
  watermark: Date | null;
}

export interface LeaseClaim {
  /** The shop as the claim read it; null when there is no such shop. */
  shop: { id: number; domain: string; grantedScopes: string | null; uninstalledAt: Date | null } | null;
  /** Null when a live lease (anyone's, ours included) holds the shop, it has no rows or is uninstalled. */
  lease: ShopLease | null;
  /** The rows claimed, as they are now (empty without a lease). */
  states: LeasedState[];
  /** sync_state rows the shop has: fewer than its resources on its first pass. */
  rows: number;
}

/**
 * Claim a shop (by id or domain) for one pass, reading the shop and its rows in the same
 * round trip: an empty pass of a thousand shops per tick is mostly round trips. An
 * uninstalled shop is not claimed.
 */
export async function claimShopLeaseWithStates(
  prisma: PrismaClient,
  shop: { id: number } | { domain: string },
  owner: string,
  leaseMs: number = DEFAULT_LEASE_MS,
): Promise<LeaseClaim> {
  const token = randomBytes(16).toString("hex");
  const which = "id" in shop ? Prisma.sql`id = ${shop.id}` : Prisma.sql`domain = ${shop.domain}`;
  // The count reads the snapshot before the UPDATE: the same rows (an UPDATE adds none).
  const result = await prisma.$queryRaw<
    {
      id: number;
      domain: string;
      granted_scopes: string | null;
      uninstalled_at: Date | null;
      rows: number;
      resource: string | null;
      backfill_status: string | null;
      watermark: Date | null;
    }[]
  >`
    WITH s AS (SELECT id, domain, granted_scopes, uninstalled_at FROM shop WHERE ${which}),
    claimed AS (
      UPDATE sync_state
      SET lease_owner = ${owner}, lease_token = ${token},
          lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000}::double precision)
      WHERE shop_id = (SELECT id FROM s WHERE uninstalled_at IS NULL)
        AND (lease_expires_at IS NULL OR lease_expires_at < now())
      RETURNING resource, backfill_status::text AS backfill_status, watermark)
    SELECT s.id, s.domain, s.granted_scopes, s.uninstalled_at,
           (SELECT count(*)::int FROM sync_state WHERE shop_id = s.id) AS rows,
           claimed.resource, claimed.backfill_status, claimed.watermark
    FROM s LEFT JOIN claimed ON true`;
  const first = result[0];
  if (!first) return { shop: null, lease: null, states: [], rows: 0 };
  const found = {
    id: first.id,
    domain: first.domain,
    grantedScopes: first.granted_scopes,
    uninstalledAt: first.uninstalled_at,
  };
  const states = result.flatMap((r) =>
    r.resource === null ? [] : [{ resource: r.resource, backfillStatus: r.backfill_status!, watermark: r.watermark }],
  );
  if (states.length === 0) return { shop: found, lease: null, states: [], rows: first.rows };
  const lease = { shopId: found.id, owner, token };
  if (states.length < first.rows) {
    // Only reachable if rows were leased separately (not by this module): give back.
    await releaseShopLease(prisma, lease);
    return { shop: found, lease: null, states: [], rows: first.rows };
  }
  return { shop: found, lease, states, rows: first.rows };
}

/** Claim the shop for one pass; null when a live lease (anyone's, ours included) holds it. */
export async function claimShopLease(
  prisma: PrismaClient,
  shopId: number,
  owner: string,
  leaseMs: number = DEFAULT_LEASE_MS,
): Promise<ShopLease | null> {
  return (await claimShopLeaseWithStates(prisma, { id: shopId }, owner, leaseMs)).lease;
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

/**
 * Give the lease back. With `stopIfUninstalled`, rows of a shop uninstalled meanwhile
 * are left "stopped" in the same statement (the end of a pass: one round trip).
 */
export async function releaseShopLease(
  prisma: PrismaClient,
  lease: ShopLease,
  options: { stopIfUninstalled?: boolean } = {},
): Promise<void> {
  const stop = options.stopIfUninstalled === true;
  await prisma.$executeRaw`
    UPDATE sync_state SET lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
      status = CASE
        WHEN ${stop} AND (SELECT uninstalled_at FROM shop WHERE id = ${lease.shopId}) IS NOT NULL THEN 'stopped'
        ELSE status END
    WHERE shop_id = ${lease.shopId} AND lease_token = ${lease.token}`;
}

/** Whether a live lease holds the shop (a pass runs somewhere). */
export async function shopLeaseHeld(prisma: PrismaClient, shopId: number): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ held: boolean }[]>`
    SELECT count(*) > 0 AS held FROM sync_state
    WHERE shop_id = ${shopId} AND lease_expires_at >= now()`;
  return rows[0]?.held === true;
}
