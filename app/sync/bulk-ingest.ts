// Ingest of one bulk result (JSONL lines → records → set-based upserts), the heart of
// a backfill. Apart from backfill.ts so the same code runs on a recorded file in the
// ingest benchmark (scripts/bench/ingest.ts) as on a live export.
//
// Lines are collected into bounded batches (roots and children each on their own, see
// store.ts "Children written on their own"); each batch is mapped and written in one
// go, parents first. `writeResumePoint` writes the batch's resume point in the batch's
// own transaction (the batch and its resume point commit together or not at all);
// `onBatchCommitted` runs after the commit, in the same lane task.
//
// Round trips: on a busy machine each statement's round trip costs more than most
// statements' own work (profiled at 10k orders: 12.5 s inside the batches'
// transactions, 5.4 s of it in the server), so a batch sends as few as it can: the
// commit mode and the redaction lock in one statement, the erase statements only when
// the shop has redactions (store.ts RedactionMode "guarded"), the resume point inside
// the transaction instead of a second one after it.
//
// Reading and writing overlap: while batch n is written, batch n+1 is read and mapped
// (profiled: parsing and mapping took about as long as the database work, and each
// waited for the other). At most one write is in flight, so memory stays at two
// batches and batches commit in file order.
//
// Statistics: a backfill grows its tables from (nearly) empty, and every statement of a
// batch probes what earlier batches wrote (the parents a child needs, the agreement a
// sale takes its facts from, the foreign keys' checks, the orders' redacted-customer
// join). Planned with the statistics of an empty table, those probes became scans of
// the shop's whole table, so each batch cost more than the one before (profiled with
// auto_explain at 10k orders: the sale insert hashed all 10,771 stored agreements,
// the line items' parent check all 10,000 orders, and each foreign-key check of an
// order read 48 buffers through an index whose leading columns do not bound the key;
// sale 65 → 347 ms and order_line_item 63 → 228 ms per batch at 50k). Autovacuum may be
// off or behind (it is off on our CI's PostgreSQL), so the ingest analyzes the tables
// that later batches probe itself, whenever what it wrote doubled (after the 1st, 2nd,
// 4th, 8th… batch: log2 of the batches), and every table it wrote once at the end, for
// the rollup rebuild and the readers that follow. ANALYZE also invalidates the cached
// plans of the pool's sessions (the foreign-key checks' plans too).
import { Prisma, type PrismaClient } from "@prisma/client";
import type { BulkRecord, JsonlPosition } from "./bulk";
import type { SerialLane } from "./context";
import { mapBulkChildren, mapGraphqlNodes, writeBulkChildren, writeBulkRoots } from "./record-writer";
import type { SyncResource } from "./records";
import { parseShopifyId } from "./mapping";
import { isLedgerLine, mapLedgerLines } from "./sales-ledger";
import { clearExportedLedgers, upsertLedgerLines } from "./sales-store";
import { redactionLockShared } from "./redaction";
import { analyzeTables, type ChildWriteGuard } from "./store";
import { batchPoolOf, inlineIntegers, poolTransaction, type RawTransactionClient } from "./batch-connection";

const TRANSACTION_OPTIONS = { timeout: 120_000, maxWait: 60_000 } as const;

/** Records read between two turns of the event loop (see the read loop). */
const YIELD_EVERY = 32;

/** The tables each export writes (all analyzed at the end of its ingest). */
export const WRITTEN_TABLES: Record<SyncResource, readonly string[]> = {
  customers: ["customer"],
  products: ["product", "product_variant"],
  orders: ["order", "order_line_item", "refund", "refund_line_item", "sale_agreement", "sale"],
};

/** Of those, the ones the export's later batches look rows up in (analyzed as they grow). */
export const PROBED_TABLES: Record<SyncResource, readonly string[]> = {
  customers: ["customer"],
  products: ["product"],
  orders: ["order", "sale_agreement"],
};

export interface BulkIngestOptions {
  prisma: PrismaClient;
  shopId: number;
  resource: SyncResource;
  /** When the export finished: a parent stored with a later version keeps its own children. */
  exportedUntil: Date;
  /** Lines (roots + children) per batch. */
  batchSize: number;
  /** Where the database work runs (a backfill shares one lane per pass). */
  lane: SerialLane;
  /** The batch's resume point, written in the batch's transaction: `end` is where to read on, `roots` the records in it. */
  writeResumePoint?: (tx: RawTransactionClient, end: JsonlPosition, roots: number) => Promise<void>;
  /** After a batch committed, inside its lane task. */
  onBatchCommitted?: (end: JsonlPosition, roots: number) => Promise<void>;
  /** Records that could not be read (reported, not written; the rest go on). */
  onMappingFailures?: (failures: string[]) => void;
}

/** Write every record of a bulk result; returns the number of root records read. */
export async function ingestBulkRecords(
  records: AsyncIterable<BulkRecord>,
  options: BulkIngestOptions,
): Promise<number> {
  const { prisma, shopId, resource, lane } = options;
  // On PostgreSQL the batches run over plain pg when the client has a pool (batch-connection.ts).
  const pool = batchPoolOf(prisma);
  const skipParents = new Set<string>();
  const guard: ChildWriteGuard = { skipParents, exportedUntil: options.exportedUntil };
  let total = 0;
  let roots: unknown[] = [];
  let children: BulkRecord[] = [];
  // Orders export: the order lines again and the sales ledger's lines (ledger-refresh.ts).
  let ledger: BulkRecord[] = [];
  let batchEnd: JsonlPosition | null = null;
  let writing: Promise<void> = Promise.resolve();
  // Lines written by this ingest, and when the statistics are refreshed next (doubling).
  let linesWritten = 0;
  let analyzeAt = 1;
  const flush = async () => {
    if (!batchEnd || roots.length + children.length + ledger.length === 0) return;
    const mapped = mapGraphqlNodes(resource, roots);
    const mappedChildren = mapBulkChildren(resource, children);
    const failures = [...mapped.failures, ...mappedChildren.failures];
    if (failures.length > 0) options.onMappingFailures?.(failures);
    const end = batchEnd;
    const count = roots.length;
    const lines = roots.length + children.length + ledger.length;
    // Orders export: the order ids of the batch and its agreement and sale lines.
    let ledgerLines: (ReturnType<typeof mapLedgerLines> & { orderIds: string[] }) | null = null;
    if (ledger.length > 0) {
      const mappedLedger = mapLedgerLines(ledger.filter((l) => l.parentId !== null));
      if (mappedLedger.failures.length > 0) options.onMappingFailures?.(mappedLedger.failures);
      const orderIds = ledger.filter((l) => l.parentId === null).map((l) => parseShopifyId(l.node.id, "order.id"));
      ledgerLines = { ...mappedLedger, orderIds };
    }
    roots = [];
    children = [];
    ledger = [];
    // The previous batch must have committed before this one starts (resume points in order).
    await writing;
    const write = lane(async () => {
      // The whole batch and its resume point in one transaction that does not wait for
      // its WAL flush: a crash (of the database) loses at most the last batches together
      // with their resume points, which are read again from the older one (idempotent
      // upserts); the backfill's end (a normal commit) flushes them all. One commit per
      // batch, not one per statement.
      const work = async (tx: Prisma.TransactionClient) => {
        // Parents first: a child in this batch may belong to a root of this batch.
        const written = await writeBulkRoots(tx, shopId, resource, mapped.records, "guarded");
        // A parent whose stored version is newer than the export's keeps that version's children.
        for (const id of written.storedNewer) skipParents.add(id);
        await writeBulkChildren(tx, shopId, mappedChildren.records, guard);
        if (ledgerLines) {
          // As ledger-refresh.ts's writeLedgerExportBatch, knowing what the order write just
          // did: the stored-newer orders are in skipParents already, an order this batch
          // inserted has no ledger to clear (its sales need the order row), and no days
          // are collected (the rollups are rebuilt over everything at the end of a backfill).
          const inserted = new Set(written.inserted);
          const cleared = ledgerLines.orderIds.filter((id) => !inserted.has(id) && !skipParents.has(id));
          await clearExportedLedgers(tx, shopId, [...new Set(cleared)], "skip");
          await upsertLedgerLines(tx, shopId, ledgerLines, skipParents, "skip");
        }
        await options.writeResumePoint?.(tx, end, count);
      };
      // The commit mode (SET LOCAL) and the shop's redaction lock (redaction.ts) in one
      // statement, before any row is read or locked.
      const ready = Prisma.sql`SELECT 1 AS ready FROM (SELECT set_config('synchronous_commit', 'off', true),
          ${redactionLockShared(shopId)}) AS s`;
      if (pool) {
        // PostgreSQL: plain pg (batch-connection.ts), BEGIN and the first statement in one round trip.
        // Prisma's transaction timeout does not apply here: the server ends a statement, or
        // a transaction left idle, after the same 120 s, so a stuck batch cannot hold its
        // row locks and the shop's redaction lock indefinitely.
        const guarded = Prisma.sql`SELECT 1 AS ready FROM (SELECT set_config('statement_timeout', '120s', true),
            set_config('idle_in_transaction_session_timeout', '120s', true)) AS t, (${ready}) AS r`;
        await poolTransaction(pool, inlineIntegers(guarded), work);
      } else {
        await prisma.$transaction(async (tx) => {
          await tx.$queryRaw(ready);
          await work(tx);
        }, TRANSACTION_OPTIONS);
      }
      await options.onBatchCommitted?.(end, count);
      total += count;
      linesWritten += lines;
      if (linesWritten >= analyzeAt) {
        await analyzeTables(prisma, PROBED_TABLES[resource]);
        analyzeAt = 2 * linesWritten;
      }
    });
    // Handled here so a failure while the next batch is read is not "unhandled"; it is
    // rethrown by the next `await writing`.
    write.catch(() => {});
    writing = write;
  };
  let sinceYield = 0;
  try {
    for await (const record of records) {
      // Reading runs on microtasks only while the file's buffered chunk lasts (a 1 MB
      // chunk is hundreds of lines), so the write's next statement waited for it: each
      // database answer was handled only after the reader ran dry (profiled at 10k
      // orders: 12.5 s of transactions of which 5.4 s in the server). Giving the event
      // loop a turn every few records lets an answer through at once, so the database
      // is kept busy and the reading fills the time it works.
      if (++sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (record.parentId === null) roots.push(record.node);
      else if (!isLedgerLine(record.node)) children.push(record);
      if (resource === "orders" && (record.parentId === null || isLedgerLine(record.node))) ledger.push(record);
      batchEnd = record.end;
      if (roots.length + children.length + ledger.length >= options.batchSize) await flush();
    }
    await flush();
  } finally {
    // Never leave a write running behind the caller's back (also when reading failed).
    await writing.catch(() => {});
  }
  await writing;
  if (linesWritten > 0) await lane(() => analyzeTables(prisma, WRITTEN_TABLES[resource]));
  return total;
}

/**
 * A backfill's resume point (sync_state), in the batch's transaction. Raw SQL: on
 * PostgreSQL the batch runs over plain pg (batch-connection.ts), where Prisma's model
 * calls are not available. Throws when the row is gone (as Prisma's update would), so
 * the batch rolls back.
 */
export async function writeBackfillResumePoint(
  tx: RawTransactionClient,
  shopId: number,
  resource: SyncResource,
  cursor: string,
  recordsStored: number,
): Promise<void> {
  const updated = await tx.$executeRaw`
    UPDATE sync_state SET backfill_cursor = ${cursor}, records_stored = ${recordsStored}::int, updated_at = now()
    WHERE shop_id = ${shopId} AND resource = ${resource}`;
  if (updated !== 1)
    throw new Error(`no sync state of shop ${shopId} for ${resource}: the resume point was not written`);
}
