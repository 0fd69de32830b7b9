// Keeping the sales ledger current after webhooks. REST webhook payloads carry no
// agreements, so an orders/* or refunds/create webhook only marks the order
// (`requestLedgerRefresh`, in the webhook's own handling: persisted before the event
// counts as processed, so a crash loses nothing) and a drain reads the marked orders'
// ledgers from the Admin API:
// - a small backlog: `nodes(ids:)` batches sized by the query cost (ledger-fetch.ts);
// - a large one (LEDGER_BULK_THRESHOLD orders or more): one bulk export of the orders
//   updated since the oldest marked one (`updated_at:>=`), written line by line like the
//   backfill.
// A mark is cleared only by a read that started after it (database clock), so a change
// that lands while its order is being read is read again.
//
// Who drains: whichever process applied the webhook (inline today, a queue worker
// later) when it runs a refresher (`startLedgerRefresher`, woken by the marks it
// makes), and every scheduled sync pass (shop-sync.ts) as the safety net.
import type { PrismaClient } from "@prisma/client";
import {
  BulkLimitReachedError,
  bulkRecords,
  readJsonl,
  startBulkQuery,
  waitForBulkOperation,
  type BulkRecord,
} from "./bulk";
import { tuning, type SerialLane, type SyncContext } from "./context";
import type { AdminGraphql } from "./graphql-client";
import { initialLedgerCostModel, ledgerBatchSize, readLedgersByIds } from "./ledger-fetch";
import { parseShopifyId, isoInstant } from "./mapping";
import { bulkOrderLedgersQuery } from "./queries";
import { recomputeRollupsCoalesced } from "./rollup-coalescer";
import { isLedgerLine, mapLedgerLines } from "./sales-ledger";
import {
  clearLedgerMarks,
  clearLedgersForExport,
  databaseNow,
  ledgerBacklog,
  markedLedgerOrders,
  markLedgersStale,
  replaceOrderLedgers,
  upsertLedgerLines,
} from "./sales-store";
import { storedNewerIds } from "./store";

/** From this many marked orders on, one bulk export beats the `nodes(ids:)` batches. */
export const LEDGER_BULK_THRESHOLD = 2000;

// ---------------------------------------------------------------------------
// Marks and the process's wake-up call

type Listener = (shopId: number) => void;
const listeners = new Set<Listener>();

/** Mark orders whose ledger changed (a webhook applied) and wake this process's refresher. */
export async function requestLedgerRefresh(
  prisma: Pick<PrismaClient, "$queryRaw" | "$executeRaw">,
  shopId: number,
  orderIds: readonly string[],
): Promise<void> {
  const marked = await markLedgersStale(prisma, shopId, orderIds);
  if (marked > 0) for (const listener of listeners) listener(shopId);
}

// ---------------------------------------------------------------------------
// The drain

export interface LedgerDrainResult {
  mode: "none" | "batches" | "bulk";
  orders: number;
  queries: number;
  /** Orders per `nodes(ids:)` call, in call order (cost-aware sizing, observable). */
  batchSizes: number[];
}

export interface LedgerDrainOptions {
  signal?: AbortSignal;
  lane?: SerialLane;
  /** Backlog size from which a bulk export is used (default LEDGER_BULK_THRESHOLD). */
  bulkThreshold?: number;
}

const direct: SerialLane = (task) => task();

/** Read the ledgers of every order marked for the shop (when it started) and write them. */
export async function drainLedgerRefresh(
  ctx: SyncContext,
  shop: { id: number; domain: string },
  client: AdminGraphql,
  options: LedgerDrainOptions = {},
): Promise<LedgerDrainResult> {
  const lane = options.lane ?? direct;
  const backlog = await lane(() => ledgerBacklog(ctx.prisma, shop.id));
  if (backlog.orders === 0) return { mode: "none", orders: 0, queries: 0, batchSizes: [] };
  if (backlog.orders >= (options.bulkThreshold ?? LEDGER_BULK_THRESHOLD) && backlog.oldestOrderUpdate) {
    try {
      return await drainWithBulk(ctx, shop, client, backlog.oldestOrderUpdate, options);
    } catch (error) {
      if (!(error instanceof BulkLimitReachedError)) throw error;
      // Every bulk slot is busy (a backfill): batches still make progress.
      ctx.log.warn("ledger refresh: bulk slots busy, reading in batches", { shop: shop.domain });
    }
  }
  return drainInBatches(ctx, shop, client, options);
}

async function drainInBatches(
  ctx: SyncContext,
  shop: { id: number; domain: string },
  client: AdminGraphql,
  options: LedgerDrainOptions,
): Promise<LedgerDrainResult> {
  const { prisma } = ctx;
  const lane = options.lane ?? direct;
  const cost = initialLedgerCostModel();
  const result: LedgerDrainResult = { mode: "batches", orders: 0, queries: 0, batchSizes: [] };
  // In id order, each marked order once per drain (an order marked again meanwhile
  // waits for the next drain, which its mark's wake-up call starts).
  let after = "0";
  for (;;) {
    options.signal?.throwIfAborted();
    const size = ledgerBatchSize(cost.costPerOrder, cost.maximumAvailable);
    const ids = await lane(() => markedLedgerOrders(prisma, shop.id, after, size));
    if (ids.length === 0) return result;
    const startedAt = await lane(() => databaseNow(prisma));
    const read = await readLedgersByIds(client, ids, cost, options.signal);
    result.queries += 1;
    result.batchSizes.push(ids.length);
    await lane(async () => {
      const written = await replaceOrderLedgers(prisma, shop.id, read.ledgers);
      // A read older than the stored order stays marked: the next drain reads it again.
      const older = new Set(written.older);
      await clearLedgerMarks(
        prisma,
        shop.id,
        ids.filter((id) => !older.has(id)),
        startedAt,
      );
    });
    result.orders += ids.length;
    after = ids.at(-1)!;
  }
}

async function drainWithBulk(
  ctx: SyncContext,
  shop: { id: number; domain: string },
  client: AdminGraphql,
  oldestOrderUpdate: Date,
  options: LedgerDrainOptions,
): Promise<LedgerDrainResult> {
  const { prisma } = ctx;
  const lane = options.lane ?? direct;
  const config = tuning(ctx);
  const startedAt = await lane(() => databaseNow(prisma));
  // The oldest marked order's stored updatedAt, less the incremental sync's overlap (clock skew).
  const since = new Date(oldestOrderUpdate.getTime() - config.incrementalOverlapMs).toISOString();
  const search = `updated_at:>='${since}'`;
  const started = await startBulkQuery(client, bulkOrderLedgersQuery(search), options.signal);
  ctx.log.info("ledger refresh: bulk export started", { shop: shop.domain, operation: started.id });
  const finished = await waitForBulkOperation(client, started.id, {
    signal: options.signal,
    minPollMs: config.bulkMinPollMs,
    maxPollMs: config.bulkMaxPollMs,
  });
  if (finished.status !== "COMPLETED")
    throw new Error(
      `ledger bulk export ended ${finished.status}${finished.errorCode ? ` (${finished.errorCode})` : ""}`,
    );
  const result: LedgerDrainResult = { mode: "bulk", orders: 0, queries: 1, batchSizes: [] };
  const dates = new Set<string>();
  if (finished.url) {
    const skipParents = new Set<string>();
    let batch: BulkRecord[] = [];
    const flush = async () => {
      const lines = batch;
      batch = [];
      if (lines.length === 0) return;
      const written = await lane(() => writeLedgerExportBatch(prisma, shop.id, lines, skipParents, dates));
      result.orders += written.orders;
      if (written.failures.length > 0)
        ctx.log.warn("ledger lines could not be read", { shop: shop.domain, first: written.failures[0] });
    };
    for await (const record of bulkRecords(readJsonl(ctx.fetch, finished.url, { signal: options.signal }))) {
      batch.push(record);
      if (batch.length >= config.backfillBatchSize) await flush();
    }
    await flush();
  }
  await lane(async () => {
    await recomputeRollupsCoalesced(prisma, shop.id, [...dates]);
    // The export started after every mark up to `startedAt`; orders it did not list
    // were not updated since the oldest mark (or are deleted, which their webhook handles).
    await clearLedgerMarks(prisma, shop.id, null, startedAt);
  });
  return result;
}

/**
 * One batch of a ledger export's lines (orders with id and updatedAt, agreements, sales):
 * orders not newer in the store have their ledger cleared, then agreements and sales
 * are written by id. Used by the backfill's orders export and the large-backlog refresh.
 * Returns the number of order lines and the lines that could not be read.
 */
export async function writeLedgerExportBatch(
  prisma: PrismaClient,
  shopId: number,
  lines: readonly BulkRecord[],
  skipParents: Set<string>,
  dates: Set<string>,
): Promise<{ orders: number; failures: string[] }> {
  const orders = lines
    .filter((l) => l.parentId === null)
    .map((l) => ({
      id: parseShopifyId(l.node.id, "order.id"),
      shopifyUpdatedAt: isoInstant(l.node.updatedAt, "order.updatedAt"),
    }));
  for (const id of await storedNewerIds(prisma, shopId, "orders", orders)) skipParents.add(id);
  for (const d of await clearLedgersForExport(
    prisma,
    shopId,
    orders.map((o) => o.id),
    skipParents,
  ))
    dates.add(d);
  const mapped = mapLedgerLines(lines.filter((l) => l.parentId !== null && isLedgerLine(l.node)));
  const written = await upsertLedgerLines(prisma, shopId, mapped, skipParents);
  for (const d of written.localDates) dates.add(d);
  return { orders: orders.length, failures: mapped.failures };
}

// ---------------------------------------------------------------------------
// A process's refresher: drains a shop soon after its orders are marked

export interface LedgerRefresher {
  /** Resolves when no drain is running or scheduled. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function startLedgerRefresher(ctx: SyncContext, options: { debounceMs?: number } = {}): LedgerRefresher {
  const debounceMs = options.debounceMs ?? 250;
  // Per shop: a drain scheduled (timer) or running; `again` when marks came during a drain.
  interface ShopState {
    timer: NodeJS.Timeout | null;
    running: Promise<void> | null;
    again: boolean;
  }
  const shops = new Map<number, ShopState>();
  let stopped = false;

  const drainShop = async (shopId: number) => {
    try {
      const shop = await ctx.prisma.shop.findUnique({ where: { id: shopId } });
      if (!shop || shop.uninstalledAt) return;
      const client = await ctx.clientFor(shop.domain);
      await drainLedgerRefresh(ctx, shop, client);
    } catch (error) {
      // The marks stay; the next wake-up or the scheduled pass reads them.
      ctx.log.warn("ledger refresh failed", { shopId, error: (error as Error).message });
    }
  };

  // A timer is set only while no drain runs; a drain that ends either schedules the
  // next one (marks came meanwhile) or forgets the shop.
  const start = (shopId: number, state: ShopState) => {
    state.timer = null;
    state.running = drainShop(shopId).finally(() => {
      state.running = null;
      if (state.again && !stopped) {
        state.again = false;
        state.timer = setTimeout(() => start(shopId, state), debounceMs);
      } else shops.delete(shopId);
    });
  };

  const listener: Listener = (shopId) => {
    if (stopped) return;
    let state = shops.get(shopId);
    if (!state) shops.set(shopId, (state = { timer: null, running: null, again: false }));
    if (state.running) state.again = true;
    // Debounced: a burst of webhooks for one shop is read in one drain.
    else state.timer ??= setTimeout(() => start(shopId, state), debounceMs);
  };
  listeners.add(listener);

  return {
    async idle() {
      while (shops.size > 0) {
        await Promise.all(
          [...shops.values()].map((s) => s.running ?? new Promise((resolve) => setTimeout(resolve, debounceMs))),
        );
      }
    },
    async stop() {
      stopped = true;
      listeners.delete(listener);
      for (const s of shops.values()) if (s.timer) clearTimeout(s.timer);
      await Promise.all([...shops.values()].map((s) => s.running));
      shops.clear();
    },
  };
}
