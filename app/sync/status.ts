// Sync status of one shop, for the Sync page and GET /api/sync/status: per resource
// the records stored, backfill progress, last successful sync, lag, last error; and
// the "Sync now" request.
import type { PrismaClient, SyncStatus } from "@prisma/client";
import { hasScope } from "./backfill";
import { backfillProgress, type BackfillView } from "./progress";
import type { SyncResource } from "./records";
import { webhookQueueStatus, type WebhookQueueStatus } from "./webhook-queue";

export interface ResourceSyncStatus {
  resource: SyncResource;
  status: SyncStatus;
  /** Rows of this resource stored for the shop now. */
  recordsStored: number;
  backfill: {
    status: BackfillView;
    processed: number;
    expected: number | null;
    /** 0..1 when known. */
    progress: number | null;
    /** Orders only: history starts here (no read_all_orders). */
    since: string | null;
  };
  lastSuccessAt: string | null;
  /** Seconds since the last successful sync (how stale the data may be). */
  lagSeconds: number | null;
  lastError: string | null;
  nextRunAt: string | null;
  running: boolean;
}

export interface ShopSyncStatus {
  shop: string;
  installed: boolean;
  needsReauth: boolean;
  /** Set when orders are limited to the last 60 days (read_all_orders not granted). */
  historyLimitedNote: string | null;
  backfillProgress: number | null;
  backfillCompleted: boolean;
  resources: ResourceSyncStatus[];
  /** Queued webhooks: pending, retrying, dead-lettered. */
  webhooks: WebhookQueueStatus;
}

async function countRows(prisma: PrismaClient, shopId: number): Promise<Record<SyncResource, number>> {
  const [customers, products, orders] = await Promise.all([
    prisma.customer.count({ where: { shopId } }),
    prisma.product.count({ where: { shopId } }),
    prisma.order.count({ where: { shopId } }),
  ]);
  return { customers, products, orders };
}

export async function getShopSyncStatus(
  prisma: PrismaClient,
  shopDomain: string,
  now: Date = new Date(),
): Promise<ShopSyncStatus | null> {
  const shop = await prisma.shop.findUnique({ where: { domain: shopDomain }, include: { syncStates: true } });
  if (!shop) return null;
  const counts = await countRows(prisma, shop.id);
  const overall = backfillProgress(shop.syncStates);
  const resources = overall.resources.map((r): ResourceSyncStatus => {
    const state = shop.syncStates.find((s) => s.resource === r.resource);
    return {
      resource: r.resource,
      status: r.status,
      recordsStored: counts[r.resource],
      backfill: {
        status: r.backfill,
        processed: r.processed,
        expected: r.expected,
        progress: r.progress,
        since: state?.backfillSince?.toISOString() ?? null,
      },
      lastSuccessAt: state?.lastSuccessAt?.toISOString() ?? null,
      lagSeconds: state?.lastSuccessAt
        ? Math.max(0, Math.round((now.getTime() - state.lastSuccessAt.getTime()) / 1000))
        : null,
      lastError: r.lastError,
      nextRunAt: state?.nextRunAt?.toISOString() ?? null,
      running: !!state?.leaseExpiresAt && state.leaseExpiresAt > now,
    };
  });
  const ordersState = shop.syncStates.find((s) => s.resource === "orders");
  const limited = !hasScope(shop.grantedScopes, "read_all_orders") || !!ordersState?.backfillSince;
  return {
    shop: shop.domain,
    installed: shop.uninstalledAt === null,
    needsReauth: overall.needsReauth,
    historyLimitedNote: limited
      ? `Orders are limited to the last 60 days${ordersState?.backfillSince ? ` (since ${ordersState.backfillSince.toISOString().slice(0, 10)})` : ""}: the app was not granted read_all_orders.`
      : null,
    backfillProgress: overall.progress,
    backfillCompleted: overall.completed,
    resources,
    webhooks: await webhookQueueStatus(prisma, shop.id),
  };
}

/** "Sync now": make every resource due at once (clears the error backoff). */
export async function requestSyncNow(prisma: PrismaClient, shopDomain: string): Promise<boolean> {
  const shop = await prisma.shop.findUnique({
    where: { domain: shopDomain },
    select: { id: true, uninstalledAt: true },
  });
  if (!shop || shop.uninstalledAt) return false;
  await prisma.syncState.updateMany({ where: { shopId: shop.id }, data: { nextRunAt: new Date() } });
  return true;
}
