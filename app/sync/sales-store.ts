// Writes of the sales ledger (`sale_agreement`, `sale`) and the set of orders whose
// ledger must be read again (`order_ledger_refresh`). Set-based like store.ts: one
// statement per table and batch, arrays through unnest.
//
// Nothing is double-counted when an order is read again:
// - a complete ledger (incremental pages, `nodes(ids:)` refreshes) replaces the order's
//   agreements and sales in one transaction (delete by order, insert), under a lock on
//   the order row, and only when the read is not older than the stored order (a read
//   that started before a change we already hold would put back an older ledger; the
//   change's webhook marks the order for another read);
// - the bulk export's lines come one by one (ungrouped output): an order's ledger is
//   cleared when the export's order line is written, and each agreement and sale is
//   upserted by id when its line comes. A sale line names only its agreement, so the
//   sale takes its order, kind and happenedAt from the stored agreement (its line came
//   earlier: Shopify writes a child after its parent). Orders whose stored version is
//   newer than the export's keep their ledger (`skipParents`, as for line items). Unlike
//   line items, no "exported until" bound is needed: sales are immutable and a ledger
//   only grows (agreements are added, never changed), so an exported sale written under
//   a newer order version is one that version's ledger holds too — and that version's
//   webhook has marked the order for a complete read anyway.
// Sales of an order we do not hold (deleted, tombstoned, never seen) are never written
// (the foreign key to "order" would refuse them anyway); deleting an order cascades.
import type { Prisma, PrismaClient } from "@prisma/client";
import { markRollupDaysPending } from "~/insights/rollup-pending";
import { recomputeRollupsCoalesced } from "./rollup-coalescer";
import type { AgreementRecord, OrderLedger, SaleRecord } from "./sales-ledger";
import type { WriteOptions } from "./store";

type Tx = Prisma.TransactionClient;
type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

/** Orders per transaction (each carries a handful of agreements and a few dozen sales). */
export const LEDGER_BATCH_ORDERS = 200;

const TRANSACTION_OPTIONS = { timeout: 120_000, maxWait: 60_000 } as const;

export interface LedgerWriteResult {
  /** Orders whose ledger was replaced. */
  written: string[];
  /** The read is older than the stored order: not written (the order stays to be read again). */
  older: string[];
  /** Orders we do not hold. */
  missing: string[];
  /** Local days (shop zone) of the sales removed or added. */
  localDates: string[];
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function uniqueById<T extends { id: string }>(records: readonly T[]): T[] {
  return [...new Map(records.map((r) => [r.id, r])).values()].sort((a, b) => compareIds(a.id, b.id));
}

/** Local days of the stored sales of these orders. */
async function saleLocalDates(db: Db, shopId: number, orderIds: readonly string[]): Promise<string[]> {
  if (orderIds.length === 0) return [];
  const rows = await db.$queryRaw<{ local_date: string }[]>`
    SELECT DISTINCT ((s.happened_at AT TIME ZONE 'UTC') AT TIME ZONE shop.iana_timezone)::date::text AS local_date
    FROM sale s JOIN shop ON shop.id = s.shop_id
    WHERE s.shop_id = ${shopId} AND s.order_id = ANY(${orderIds}::bigint[])`;
  return rows.map((r) => r.local_date);
}

async function deleteLedgers(db: Db, shopId: number, orderIds: readonly string[]): Promise<void> {
  if (orderIds.length === 0) return;
  await db.$executeRaw`DELETE FROM sale WHERE shop_id = ${shopId} AND order_id = ANY(${orderIds}::bigint[])`;
  await db.$executeRaw`DELETE FROM sale_agreement WHERE shop_id = ${shopId} AND order_id = ANY(${orderIds}::bigint[])`;
}

/** Insert agreements of orders we hold. */
async function insertAgreements(db: Db, shopId: number, agreements: readonly AgreementRecord[]): Promise<number> {
  if (agreements.length === 0) return 0;
  return db.$executeRaw`
    INSERT INTO sale_agreement (shop_id, id, order_id, kind, happened_at)
    SELECT ${shopId}::int, a.id, a.order_id, a.kind::"SalesAgreementKind", a.happened_at AT TIME ZONE 'UTC'
    FROM unnest(
      ${agreements.map((a) => a.id)}::bigint[],
      ${agreements.map((a) => a.orderId)}::bigint[],
      ${agreements.map((a) => a.kind)}::text[],
      ${agreements.map((a) => a.happenedAt)}::timestamptz[]
    ) AS a(id, order_id, kind, happened_at)
    WHERE EXISTS (SELECT 1 FROM "order" o WHERE o.shop_id = ${shopId} AND o.id = a.order_id)
    ORDER BY a.id
    ON CONFLICT (shop_id, id) DO UPDATE SET order_id = EXCLUDED.order_id, kind = EXCLUDED.kind,
      happened_at = EXCLUDED.happened_at`;
}

/**
 * Insert sales under their stored agreement, which gives the order, kind and
 * happenedAt. `skipOrders`: orders whose stored ledger is newer than the source.
 */
async function insertSales(
  db: Db,
  shopId: number,
  sales: readonly SaleRecord[],
  skipOrders: readonly string[],
): Promise<number> {
  if (sales.length === 0) return 0;
  return db.$executeRaw`
    INSERT INTO sale (shop_id, id, order_id, agreement_id, agreement_kind, happened_at, action_type, line_type,
      line_item_id, product_id, quantity, total_amount, total_discount_before_taxes, total_discount_after_taxes,
      total_tax)
    SELECT ${shopId}::int, s.id, a.order_id, a.id, a.kind, a.happened_at, s.action_type::"SaleActionType",
      s.line_type::"SaleLineType", s.line_item_id, s.product_id, s.quantity, s.total_amount,
      s.discount_before, s.discount_after, s.total_tax
    FROM unnest(
      ${sales.map((s) => s.id)}::bigint[],
      ${sales.map((s) => s.agreementId)}::bigint[],
      ${sales.map((s) => s.actionType)}::text[],
      ${sales.map((s) => s.lineType)}::text[],
      ${sales.map((s) => s.lineItemId)}::bigint[],
      ${sales.map((s) => s.productId)}::bigint[],
      ${sales.map((s) => s.quantity)}::int[],
      ${sales.map((s) => s.totalAmount)}::numeric[],
      ${sales.map((s) => s.totalDiscountBeforeTaxes)}::numeric[],
      ${sales.map((s) => s.totalDiscountAfterTaxes)}::numeric[],
      ${sales.map((s) => s.totalTax)}::numeric[]
    ) AS s(id, agreement_id, action_type, line_type, line_item_id, product_id, quantity, total_amount,
      discount_before, discount_after, total_tax)
    -- The agreement's row exists only for an order we hold (its foreign key).
    JOIN sale_agreement a ON a.shop_id = ${shopId} AND a.id = s.agreement_id
    WHERE NOT (a.order_id = ANY(${skipOrders}::bigint[]))
    ORDER BY s.id
    ON CONFLICT (shop_id, id) DO UPDATE SET order_id = EXCLUDED.order_id, agreement_id = EXCLUDED.agreement_id,
      agreement_kind = EXCLUDED.agreement_kind, happened_at = EXCLUDED.happened_at,
      action_type = EXCLUDED.action_type, line_type = EXCLUDED.line_type, line_item_id = EXCLUDED.line_item_id,
      product_id = EXCLUDED.product_id, quantity = EXCLUDED.quantity, total_amount = EXCLUDED.total_amount,
      total_discount_before_taxes = EXCLUDED.total_discount_before_taxes,
      total_discount_after_taxes = EXCLUDED.total_discount_after_taxes, total_tax = EXCLUDED.total_tax`;
}

// ---------------------------------------------------------------------------
// Complete ledgers (incremental pages, refreshes)

/** Replace the ledgers of these orders with the ones read (see the rules at the top). */
export async function replaceOrderLedgers(
  prisma: PrismaClient,
  shopId: number,
  ledgers: readonly OrderLedger[],
  options: WriteOptions = {},
): Promise<LedgerWriteResult> {
  // One ledger per order: the latest read.
  const byOrder = new Map<string, OrderLedger>();
  for (const ledger of ledgers) {
    const seen = byOrder.get(ledger.orderId);
    if (!seen || Date.parse(seen.orderUpdatedAt) <= Date.parse(ledger.orderUpdatedAt))
      byOrder.set(ledger.orderId, ledger);
  }
  const sorted = [...byOrder.values()].sort((a, b) => compareIds(a.orderId, b.orderId));
  const result: LedgerWriteResult = { written: [], older: [], missing: [], localDates: [] };
  for (const batch of chunks(sorted, LEDGER_BATCH_ORDERS)) {
    const part = await prisma.$transaction((tx) => replaceBatch(tx, shopId, batch), TRANSACTION_OPTIONS);
    result.written.push(...part.written);
    result.older.push(...part.older);
    result.missing.push(...part.missing);
    result.localDates.push(...part.localDates);
  }
  result.localDates = [...new Set(result.localDates)].sort();
  if ((options.rollups ?? "now") === "now") await recomputeRollupsCoalesced(prisma, shopId, result.localDates);
  return result;
}

async function replaceBatch(tx: Tx, shopId: number, batch: OrderLedger[]): Promise<LedgerWriteResult> {
  const ids = batch.map((l) => l.orderId);
  // Lock the orders (in id order: no deadlock with store.ts's order writes) so no
  // other ledger write or order write interleaves with this replacement.
  const stored = await tx.$queryRaw<{ id: string; updated_ms: string }[]>`
    SELECT id::text AS id, floor(extract(epoch FROM shopify_updated_at) * 1000)::bigint::text AS updated_ms
    FROM "order" WHERE shop_id = ${shopId} AND id = ANY(${ids}::bigint[]) ORDER BY id FOR UPDATE`;
  const storedMs = new Map(stored.map((r) => [r.id, Number(r.updated_ms)]));
  const result: LedgerWriteResult = { written: [], older: [], missing: [], localDates: [] };
  const writable: OrderLedger[] = [];
  for (const ledger of batch) {
    const current = storedMs.get(ledger.orderId);
    if (current === undefined) result.missing.push(ledger.orderId);
    else if (current > Date.parse(ledger.orderUpdatedAt)) result.older.push(ledger.orderId);
    else writable.push(ledger);
  }
  if (writable.length === 0) return result;
  result.written = writable.map((l) => l.orderId);
  const oldDates = await saleLocalDates(tx, shopId, result.written);
  await deleteLedgers(tx, shopId, result.written);
  await insertAgreements(tx, shopId, uniqueById(writable.flatMap((l) => l.agreements)));
  await insertSales(tx, shopId, uniqueById(writable.flatMap((l) => l.sales)), []);
  const newDates = await saleLocalDates(tx, shopId, result.written);
  result.localDates = [...new Set([...oldDates, ...newDates])];
  await markRollupDaysPending(tx, shopId, result.localDates);
  return result;
}

// ---------------------------------------------------------------------------
// Bulk export lines

/**
 * The export listed these orders: clear their stored ledgers, which the export's
 * agreement and sale lines (all after the order's line) now rebuild. Orders in
 * `skipParents` keep theirs (a newer version is stored, with its own ledger).
 * Returns the local days of the sales removed.
 */
export async function clearLedgersForExport(
  prisma: PrismaClient,
  shopId: number,
  orderIds: readonly string[],
  skipParents: ReadonlySet<string>,
): Promise<string[]> {
  const ids = [...new Set(orderIds)].filter((id) => !skipParents.has(id));
  if (ids.length === 0) return [];
  return prisma.$transaction((tx) => clearExportedLedgers(tx, shopId, ids, "collect"), TRANSACTION_OPTIONS);
}

/** clearLedgersForExport's work in the caller's transaction (`ids` already without the skipped ones). */
export async function clearExportedLedgers(
  tx: Db,
  shopId: number,
  ids: readonly string[],
  dates: "collect" | "skip",
): Promise<string[]> {
  if (ids.length === 0) return [];
  const held = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM "order" WHERE shop_id = ${shopId} AND id = ANY(${ids}::bigint[])
    ORDER BY id FOR UPDATE`;
  const heldIds = held.map((r) => r.id);
  const localDates = dates === "collect" ? await saleLocalDates(tx, shopId, heldIds) : [];
  await deleteLedgers(tx, shopId, heldIds);
  return localDates;
}

/**
 * Agreement and sale lines of a bulk export, written by id (not under `skipParents`). Agreements
 * first: a sale of this batch may belong to an agreement of this batch. Returns the
 * rows written and the local days of the sales written.
 */
export async function upsertLedgerLines(
  prisma: Db,
  shopId: number,
  lines: { agreements: readonly AgreementRecord[]; sales: readonly SaleRecord[] },
  skipParents: ReadonlySet<string>,
  /** "skip": the caller rebuilds every day's rollups afterwards (a backfill), so no dates are read. */
  dates: "collect" | "skip" = "collect",
): Promise<{ agreements: number; sales: number; localDates: string[] }> {
  const skip = [...skipParents];
  let agreements = 0;
  let sales = 0;
  const localDates = new Set<string>();
  for (const batch of chunks(
    uniqueById(lines.agreements).filter((a) => !skipParents.has(a.orderId)),
    1000,
  )) {
    agreements += await insertAgreements(prisma, shopId, batch);
  }
  for (const batch of chunks(uniqueById(lines.sales), 1000)) {
    sales += await insertSales(prisma, shopId, batch, skip);
    if (dates === "skip") continue;
    const rows = await prisma.$queryRaw<{ local_date: string }[]>`
      SELECT DISTINCT ((s.happened_at AT TIME ZONE 'UTC') AT TIME ZONE shop.iana_timezone)::date::text AS local_date
      FROM sale s JOIN shop ON shop.id = s.shop_id
      WHERE s.shop_id = ${shopId} AND s.id = ANY(${batch.map((s) => s.id)}::bigint[])`;
    for (const r of rows) localDates.add(r.local_date);
  }
  return { agreements, sales, localDates: [...localDates].sort() };
}

// ---------------------------------------------------------------------------
// Orders whose ledger must be read again

/**
 * Mark orders we hold for a ledger read (idempotent; a new mark moves the time on, so a
 * read that started before it does not clear it). Unknown orders are not marked: their
 * own create webhook or the incremental sync brings them with their ledger.
 */
export async function markLedgersStale(db: Db, shopId: number, orderIds: readonly string[]): Promise<number> {
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) return 0;
  return db.$executeRaw`
    INSERT INTO order_ledger_refresh (shop_id, order_id, requested_at)
    SELECT ${shopId}::int, o.id, now() FROM "order" o
    WHERE o.shop_id = ${shopId} AND o.id = ANY(${ids}::bigint[])
    ORDER BY o.id
    ON CONFLICT (shop_id, order_id) DO UPDATE SET requested_at = GREATEST(order_ledger_refresh.requested_at, now())`;
}

/** The next marked orders, in id order after `afterId`. */
export async function markedLedgerOrders(
  prisma: PrismaClient,
  shopId: number,
  afterId: string,
  limit: number,
): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT order_id::text AS id FROM order_ledger_refresh
    WHERE shop_id = ${shopId} AND order_id > ${afterId}::bigint ORDER BY order_id LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

export interface LedgerBacklog {
  orders: number;
  /** The oldest stored Shopify updatedAt among the marked orders (for a bulk `updated_at:>=` search). */
  oldestOrderUpdate: Date | null;
}

export async function ledgerBacklog(prisma: PrismaClient, shopId: number): Promise<LedgerBacklog> {
  const [row] = await prisma.$queryRaw<{ orders: number; oldest: Date | null }[]>`
    SELECT count(*)::int AS orders, min(o.shopify_updated_at) AS oldest
    FROM order_ledger_refresh r JOIN "order" o ON o.shop_id = r.shop_id AND o.id = r.order_id
    WHERE r.shop_id = ${shopId}`;
  return { orders: row?.orders ?? 0, oldestOrderUpdate: row?.oldest ?? null };
}

/**
 * The database's clock, as exact text (microseconds): marks and the reads that clear
 * them are compared on this one clock, without a round trip through JS dates.
 */
export async function databaseNow(prisma: Pick<PrismaClient, "$queryRaw">): Promise<string> {
  const [row] = await prisma.$queryRaw<{ now: string }[]>`SELECT clock_timestamp()::text AS now`;
  return row!.now;
}

/**
 * Clear the marks a read that started at `readStartedAt` answered: of `orderIds` (all
 * marked orders when null), those marked no later than the read's start.
 */
export async function clearLedgerMarks(
  prisma: PrismaClient,
  shopId: number,
  orderIds: readonly string[] | null,
  readStartedAt: string,
): Promise<number> {
  if (orderIds === null)
    return prisma.$executeRaw`
      DELETE FROM order_ledger_refresh WHERE shop_id = ${shopId} AND requested_at <= ${readStartedAt}::timestamptz`;
  if (orderIds.length === 0) return 0;
  return prisma.$executeRaw`
    DELETE FROM order_ledger_refresh WHERE shop_id = ${shopId} AND order_id = ANY(${[...orderIds]}::bigint[])
      AND requested_at <= ${readStartedAt}::timestamptz`;
}
