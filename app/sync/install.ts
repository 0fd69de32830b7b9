// On install (and every re-authentication): make sure the Shop row exists with the
// granted scopes (a reinstall after an uninstall restarts the import from scratch), then — in the background, the admin page must not wait — refresh
// it from Shopify's `shop` query (name, currency, IANA time zone, plan) and run a
// sync pass, which starts (or resumes) the backfill. The pass goes through the pass
// runner like every other (one per shop, the process's cap): if one is already running
// for the shop (a re-authentication mid-pass), that pass is the sync.
import type { PrismaClient, Shop } from "@prisma/client";
import { ensureSyncStates } from "./backfill";
import type { SyncContext } from "./context";
import type { AdminGraphql } from "./graphql-client";
import { SHOP_QUERY } from "./queries";
import { passRunner } from "./pass-runner";
import type { PassOutcome } from "./shop-sync";
import type { StorepulseShopQuery } from "../types/admin.generated";

/** Create or refresh the tenant row from a verified install (fast: database only). */
export async function recordShopInstall(prisma: PrismaClient, domain: string, grantedScopes: string): Promise<Shop> {
  const before = await prisma.shop.findUnique({ where: { domain }, select: { id: true, uninstalledAt: true } });
  if (before?.uninstalledAt) await restartSyncFromScratch(prisma, before.id);
  const shop = await prisma.shop.upsert({
    where: { domain },
    create: { domain, grantedScopes, installedAt: new Date() },
    // installedAt moves with every verified (re)install: an app/uninstalled or shop/redact
    // triggered before it is superseded (app/webhooks/trust.ts).
    update: { grantedScopes, uninstalledAt: null, installedAt: new Date() },
  });
  await ensureSyncStates(prisma, shop.id);
  // A reinstall or re-authentication resumes at once: no leftover backoff, no
  // "stopped" / "needs re-auth" state from before.
  await prisma.syncState.updateMany({
    where: { shopId: shop.id },
    data: { nextRunAt: new Date(), consecutiveFailures: 0 },
  });
  await prisma.syncState.updateMany({
    where: { shopId: shop.id, status: { in: ["stopped", "error", "needs_reauth"] } },
    data: { status: "idle", lastError: null },
  });
  return shop;
}

/**
 * A reinstall starts the import clean. While the app was uninstalled no webhook reached
 * us, and the incremental sync sees changes, not deletions: what was deleted in between
 * would stay as orphaned rows. An interrupted backfill's export predates the gap too (and
 * may hold records deleted since). So the synced copy goes (order lines, refunds and sales
 * cascade from their order, variants from their product) and every resource is exported
 * afresh. Tombstones, the webhook ledger and data requests stay: they are not a copy of
 * Shopify's data. (Fault suite: tests/reliability/admin-api-faults.test.ts.)
 */
async function restartSyncFromScratch(prisma: PrismaClient, shopId: number): Promise<void> {
  const where = { where: { shopId } };
  await prisma.$transaction([
    prisma.order.deleteMany(where),
    prisma.product.deleteMany(where),
    prisma.customer.deleteMany(where),
    prisma.customerTotal.deleteMany(where), // no stored total: counted until the import writes one
    prisma.insightsShopDay.deleteMany(where),
    prisma.insightsCustomerDay.deleteMany(where),
    prisma.insightsProductDay.deleteMany(where),
    prisma.insightsCustomerMonth.deleteMany(where),
    prisma.insightsProductMonth.deleteMany(where),
    prisma.insightsCustomerCohort.deleteMany(where),
    prisma.insightsCohortMonth.deleteMany(where),
    prisma.insightsCohortProduct.deleteMany(where),
    prisma.insightsCohortGap.deleteMany(where),
    prisma.insightsCohortBuild.deleteMany(where),
    prisma.syncState.updateMany({
      where: { shopId },
      data: {
        backfillStatus: "pending",
        bulkOperationId: null,
        backfillCursor: null,
        backfillSince: null,
        recordsStored: 0,
        recordsExpected: null,
        watermark: null,
        lastSuccessAt: null,
      },
    }),
  ]);
}

/** Name, currency, time zone and plan from Shopify. */
export async function refreshShopDetails(prisma: PrismaClient, client: AdminGraphql, domain: string): Promise<Shop> {
  const { shop } = await client.request<StorepulseShopQuery>(SHOP_QUERY);
  return prisma.shop.update({
    where: { domain },
    data: {
      name: shop.name,
      email: shop.email,
      currencyCode: shop.currencyCode,
      ianaTimezone: shop.ianaTimezone,
      planName: shop.plan?.publicDisplayName ?? shop.plan?.displayName ?? null,
    },
  });
}

const background = new Set<Promise<unknown>>();

/** Resolves when every background install task of this process has ended (tests, shutdown). */
export async function backgroundInstallsSettled(): Promise<void> {
  while (background.size > 0) await Promise.allSettled([...background]);
}

/**
 * afterAuth: record the install, then refresh the shop and sync in the background.
 * Returns once the row is written; `done` settles when the background work ends.
 */
export async function handleInstall(
  ctx: SyncContext,
  domain: string,
  grantedScopes: string,
): Promise<{ shop: Shop; done: Promise<PassOutcome | null> }> {
  const shop = await recordShopInstall(ctx.prisma, domain, grantedScopes);
  const done = (async () => {
    try {
      try {
        await refreshShopDetails(ctx.prisma, await ctx.clientFor(domain), domain);
      } catch (error) {
        // The pass below records the failure (e.g. needs re-auth) in the sync status.
        ctx.log.warn("shop details refresh failed", { shop: domain, error: (error as Error).message });
      }
      return await passRunner(ctx).submit(domain, "install").done;
    } catch (error) {
      ctx.log.warn("install sync failed", { shop: domain, error: (error as Error).message });
      return null;
    }
  })();
  background.add(done);
  void done.finally(() => background.delete(done));
  return { shop, done };
}
