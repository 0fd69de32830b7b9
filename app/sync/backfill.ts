// Initial backfill of one shop with bulk query operations: one bulk export per
// resource (customers, products with variants, orders with lines and refunds), all
// started at once (API 2026-10 runs up to five bulk queries per app × shop).
//
// The result's lines are written as they come, roots and children each on their own
// (children keyed by their __parentId; see store.ts "Children written on their own"),
// so memory is bounded by one batch whatever the store size and wherever Shopify puts
// a child after its parent. Orders then get their refunds' details (refund-details.ts:
// a bulk query cannot select connections inside the refunds list), and the rollups
// are recomputed once over everything written.
//
// Resumable after a crash, per resource, from what sync_state records:
// - backfill_status = completed → the resource is never exported or downloaded again;
// - bulk_operation_id set → the same export is awaited / read again instead of a new
//   one; backfill_cursor ("line:byte" after the last committed batch) says where
//   reading continues, so a restart writes no record twice (and the writes are
//   idempotent upserts anyway: no duplicates even if a batch is replayed); once the
//   file is read, "refunds:<order id>" says how far the refund details got.
// The cursor moves only after the batch's write committed.
//
// Without read_all_orders Shopify shows only the last 60 days of orders: the export
// asks for exactly that and backfill_since records it for the sync status.
import type { PrismaClient, SyncState } from "@prisma/client";
import { recomputeAllRollups } from "~/insights/rollups";
import {
  bulkRecords,
  BulkLimitReachedError,
  getBulkOperation,
  readJsonl,
  startBulkQuery,
  waitForBulkOperation,
  type BulkOperationInfo,
  type JsonlPosition,
} from "./bulk";
import { ingestBulkRecords, writeBackfillResumePoint } from "./bulk-ingest";
import { createSerialLane, tuning, type SerialLane, type SyncContext } from "./context";
import { abortableSleep, type AdminGraphql } from "./graphql-client";
import { BULK_CUSTOMERS, BULK_PRODUCTS, bulkOrdersQuery } from "./queries";
import type { SyncResource } from "./records";
import { readRefundDetails } from "./refund-details";

export const SYNC_RESOURCES: readonly SyncResource[] = ["customers", "products", "orders"];

/** Shopify's limit for orders without read_all_orders. */
export const LIMITED_ORDER_HISTORY_DAYS = 60;

export interface SyncShop {
  id: number;
  domain: string;
  grantedScopes: string;
}

export function hasScope(grantedScopes: string, scope: string): boolean {
  return grantedScopes
    .split(",")
    .map((s) => s.trim())
    .includes(scope);
}

/** Create the per-resource rows of a shop (idempotent). */
export async function ensureSyncStates(prisma: PrismaClient, shopId: number): Promise<void> {
  await prisma.syncState.createMany({
    data: SYNC_RESOURCES.map((resource) => ({ shopId, resource })),
    skipDuplicates: true,
  });
}

export function encodeCursor(position: JsonlPosition): string {
  return `${position.line}:${position.byte}`;
}

const REFUNDS_PHASE = "refunds:";

/** The cursor of the refund-details step: the last order id whose refunds were completed. */
export function refundsCursor(afterOrderId: string): string {
  return `${REFUNDS_PHASE}${afterOrderId}`;
}

function refundsPhaseAfter(cursor: string | null): string | null {
  return cursor?.startsWith(REFUNDS_PHASE) ? cursor.slice(REFUNDS_PHASE.length) : null;
}

export function decodeCursor(cursor: string | null): JsonlPosition {
  const match = cursor ? /^(\d+):(\d+)$/.exec(cursor) : null;
  return match ? { line: Number(match[1]), byte: Number(match[2]) } : { line: 0, byte: 0 };
}

function exportQuery(resource: SyncResource, since: Date | null): string {
  switch (resource) {
    case "customers":
      return BULK_CUSTOMERS;
    case "products":
      return BULK_PRODUCTS;
    case "orders":
      return bulkOrdersQuery(since ? `processed_at:>='${since.toISOString()}'` : null);
  }
}

export interface ResourceBackfillResult {
  resource: SyncResource;
  records: number;
  /** False when the resource was already complete (nothing exported or downloaded). */
  ran: boolean;
  mappingFailures: number;
}

export type ResourceBackfillOutcome = { resource: SyncResource } & (
  { ok: true; result: ResourceBackfillResult } | { ok: false; error: unknown }
);

/**
 * Backfill every resource of the shop that is not complete yet, concurrently. A
 * resource's failure is its own: the others finish, and the caller records each.
 */
export async function backfillShop(
  ctx: SyncContext,
  shop: SyncShop,
  client: AdminGraphql,
  signal?: AbortSignal,
  lane: SerialLane = createSerialLane(),
): Promise<ResourceBackfillOutcome[]> {
  await lane(() => ensureSyncStates(ctx.prisma, shop.id));
  const settled = await Promise.allSettled(
    SYNC_RESOURCES.map((resource) => backfillResource(ctx, shop, client, resource, signal, lane)),
  );
  return settled.map((s, i) =>
    s.status === "fulfilled"
      ? { resource: SYNC_RESOURCES[i]!, ok: true, result: s.value }
      : { resource: SYNC_RESOURCES[i]!, ok: false, error: s.reason },
  );
}

async function startExport(
  ctx: SyncContext,
  client: AdminGraphql,
  query: string,
  signal?: AbortSignal,
): Promise<{ id: string; createdAt: string }> {
  // Another app process (or a leftover export of ours) may hold the bulk slots
  // briefly; wait for one to free up rather than failing the pass.
  for (let attempt = 0; ; attempt++) {
    try {
      return await startBulkQuery(client, query, signal);
    } catch (error) {
      if (!(error instanceof BulkLimitReachedError) || attempt >= 20) throw error;
      ctx.log.warn("bulk query slots busy; waiting", { shop: client.shop });
      await abortableSleep(Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 5)), signal);
    }
  }
}

export async function backfillResource(
  ctx: SyncContext,
  shop: SyncShop,
  client: AdminGraphql,
  resource: SyncResource,
  signal?: AbortSignal,
  lane: SerialLane = createSerialLane(),
): Promise<ResourceBackfillResult> {
  const { prisma } = ctx;
  const config = tuning(ctx);
  const where = { shopId_resource: { shopId: shop.id, resource } };
  let state: SyncState = await lane(() => prisma.syncState.findUniqueOrThrow({ where }));
  if (state.backfillStatus === "completed") return { resource, records: 0, ran: false, mappingFailures: 0 };

  let operation: BulkOperationInfo | null = null;
  if (state.bulkOperationId) {
    operation = await getBulkOperation(client, state.bulkOperationId, signal);
    if (!operation || ["FAILED", "CANCELED", "CANCELING", "EXPIRED"].includes(operation.status)) operation = null;
  }
  if (!operation) {
    const since =
      resource === "orders" && !hasScope(shop.grantedScopes, "read_all_orders")
        ? new Date(Date.now() - LIMITED_ORDER_HISTORY_DAYS * 24 * 3600 * 1000)
        : null;
    const started = await startExport(ctx, client, exportQuery(resource, since), signal);
    state = await lane(() =>
      prisma.syncState.update({
        where,
        data: {
          bulkOperationId: started.id,
          backfillStatus: "running",
          status: "backfilling",
          backfillCursor: null,
          backfillSince: since,
          recordsStored: 0,
          recordsExpected: null,
          lastError: null,
        },
      }),
    );
    ctx.log.info("bulk export started", { shop: shop.domain, resource, operation: started.id });
    operation = { id: started.id, status: "CREATED", createdAt: started.createdAt } as BulkOperationInfo;
  } else if (state.backfillStatus !== "running" || state.status !== "backfilling") {
    state = await lane(() =>
      prisma.syncState.update({ where, data: { backfillStatus: "running", status: "backfilling" } }),
    );
  }

  const finished = await waitForBulkOperation(client, operation.id, {
    signal,
    minPollMs: config.bulkMinPollMs,
    maxPollMs: config.bulkMaxPollMs,
  });
  if (finished.status !== "COMPLETED") {
    // The next pass starts a fresh export.
    await lane(() => prisma.syncState.update({ where, data: { bulkOperationId: null, backfillCursor: null } }));
    throw new Error(
      `bulk export of ${resource} ended ${finished.status}${finished.errorCode ? ` (${finished.errorCode})` : ""}`,
    );
  }
  const expected = Number(finished.rootObjectCount);
  if (state.recordsExpected !== expected) {
    state = await lane(() => prisma.syncState.update({ where, data: { recordsExpected: expected } }));
  }

  let stored = state.recordsStored;
  let mappingFailures = 0;
  let firstMappingError: string | null = null;
  const noteFailures = (failures: string[]) => {
    mappingFailures += failures.length;
    firstMappingError ??= failures[0] ?? null;
  };
  let refundsAfter = refundsPhaseAfter(state.backfillCursor);
  if (finished.url && refundsAfter === null) {
    const lines = readJsonl(ctx.fetch, finished.url, { from: decodeCursor(state.backfillCursor), signal });
    await ingestBulkRecords(bulkRecords(lines), {
      prisma,
      shopId: shop.id,
      resource,
      exportedUntil: new Date(finished.completedAt ?? Date.now()),
      batchSize: config.backfillBatchSize,
      lane,
      onMappingFailures: noteFailures,
      writeResumePoint: async (tx, end, count) => {
        // In the batch's transaction: the resume point moves exactly when the batch commits.
        await writeBackfillResumePoint(tx, shop.id, resource, encodeCursor(end), stored + count);
      },
      onBatchCommitted: async (_end, count) => {
        stored += count;
      },
    });
    if (resource === "orders") {
      refundsAfter = "0";
      await lane(() => prisma.syncState.update({ where, data: { backfillCursor: refundsCursor("0") } }));
    }
  }
  if (resource === "orders" && refundsAfter !== null) {
    await readRefundDetails(ctx, shop, client, {
      afterOrderId: refundsAfter,
      lane,
      signal,
      onBatchWritten: async (last) => {
        await prisma.syncState.update({ where, data: { backfillCursor: refundsCursor(last) } });
      },
    });
  }

  await lane(async () => {
    if (resource === "orders") {
      // All days, not just this run's batches: a resumed backfill's earlier batches count too.
      await recomputeAllRollups(prisma, shop.id);
    }
    await prisma.syncState.update({
      where,
      data: {
        backfillStatus: "completed",
        backfillCursor: null,
        // Changes made after the export started are picked up by the incremental sync.
        watermark: new Date(finished.createdAt),
        lastSuccessAt: new Date(),
        lastError: mappingFailures > 0 ? `${mappingFailures} record(s) could not be read: ${firstMappingError}` : null,
        recordsStored: stored,
      },
    });
  });
  ctx.log.info("backfill completed", { shop: shop.domain, resource, records: stored });
  return { resource, records: stored, ran: true, mappingFailures };
}
