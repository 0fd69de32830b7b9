// The shared write path of ingestion: webhooks, bulk backfill and incremental sync
// all write through these functions, so every source gets the same rules:
//
// - Set-based: one INSERT … SELECT FROM unnest(<column arrays>) per table and batch
//   (up to BATCH_SIZE records), never one statement per row.
// - Newer wins: a row is written only if its shopify_updated_at is later than the
//   stored one. An older payload (a reordered webhook, a bulk snapshot taken before a
//   webhook) changes nothing; an equal one is a no-op (idempotent retries).
// - Orders own their line items and refunds: an applied order replaces them in the
//   same transaction, so a reader never sees an order with half its children.
// - Deleted ids are remembered (deleted_record) and skipped for good.
// - Redacted customers/orders (customers/redact) never get personal data back — also
//   those the redaction named before we held them (tombstones, redaction.ts).
// - After the commit, rollups are recomputed for the local days the batch touched:
//   the old and the new processedAt day of each applied order and the days of its
//   old and new refunds (or the caller takes the dates and recomputes once, for a
//   backfill). Concurrent writers of one shop share recompute passes (rollup-coalescer).
import { Prisma, type PrismaClient } from "@prisma/client";
import { bumpAnswerVersion } from "~/insights/answer-version";
import { adjustCustomerTotal } from "~/insights/customer-summary";
import { storedLocalDates } from "~/insights/rollups";
import { markRollupDaysPending } from "~/insights/rollup-pending";
import { eraseRedactedCustomers, eraseRedactedOrders } from "./redaction";
import { recomputeRollupsCoalesced } from "./rollup-coalescer";
import type {
  CustomerRecord,
  OrderLineItemRecord,
  OrderRecord,
  ProductRecord,
  ProductVariantRecord,
  RefundRecord,
  SyncResource,
  WriteResult,
} from "./records";

type Tx = Prisma.TransactionClient;

/** Records per transaction: large enough for set-based speed, small enough to keep locks short. */
export const BATCH_SIZE = 1000;

const TRANSACTION_OPTIONS = { timeout: 120_000, maxWait: 60_000 } as const;

export interface WriteOptions {
  /**
   * "now" (default): recompute rollups for the touched local days after the commit.
   * "defer": skip it and return the dates; the caller recomputes.
   * "rebuild": skip it and do not even collect the dates: the caller rebuilds every
   * day of the shop afterwards (a backfill), so the two date queries per batch are saved.
   */
  rollups?: "now" | "defer" | "rebuild";
}

export interface OrderWriteResult extends WriteResult {
  /** Local days (shop time zone) whose rollups the write changed (empty with rollups "rebuild"). */
  localDates: string[];
  /** Ids whose stored version was strictly newer than the one given (they keep their own children). */
  storedNewer: string[];
  /** Ids that were not stored before this write (they have no children and no sales ledger yet). */
  inserted: string[];
}

export interface DeleteResult {
  deleted: number;
  localDates: string[];
}

// ---------------------------------------------------------------------------
// Helpers

function chunks<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Keep the newest version of each id (a batch may carry one record twice). */
export function newestById<T extends { id: string; shopifyUpdatedAt: string }>(records: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const record of records) {
    const seen = byId.get(record.id);
    if (!seen || seen.shopifyUpdatedAt < record.shopifyUpdatedAt) byId.set(record.id, record);
  }
  // Sorted by id: concurrent batches lock rows in the same order (no deadlocks).
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}

function uniqueById<T extends { id: string }>(records: readonly T[]): T[] {
  return [...new Map(records.map((r) => [r.id, r])).values()];
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function union(...lists: readonly string[][]): string[] {
  return [...new Set(lists.flat())].sort();
}

/** Ids of `resource` deleted in Shopify, among `ids`. */
async function deletedIds(tx: Tx, shopId: number, resource: SyncResource, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM deleted_record
    WHERE shop_id = ${shopId} AND resource = ${resource} AND id = ANY(${ids}::bigint[])`;
  return new Set(rows.map((r) => r.id));
}

/** The records of `batch` whose ids were not deleted in Shopify (deleted ids are skipped for good). */
async function withoutDeleted<T extends { id: string }>(
  tx: Tx,
  shopId: number,
  resource: SyncResource,
  batch: readonly T[],
): Promise<T[]> {
  const deleted = await deletedIds(
    tx,
    shopId,
    resource,
    batch.map((r) => r.id),
  );
  return batch.filter((r) => !deleted.has(r.id));
}

async function finishRollups(prisma: PrismaClient, shopId: number, dates: string[], options: WriteOptions) {
  if ((options.rollups ?? "now") === "now") await recomputeRollupsCoalesced(prisma, shopId, dates);
}

// ---------------------------------------------------------------------------
// Customers

export async function upsertCustomers(
  prisma: PrismaClient,
  shopId: number,
  records: readonly CustomerRecord[],
): Promise<WriteResult> {
  const result: WriteResult = { applied: 0, stale: 0 };
  for (const batch of chunks(newestById(records))) {
    const applied = await prisma.$transaction((tx) => writeCustomerBatch(tx, shopId, batch), TRANSACTION_OPTIONS);
    result.applied += applied;
    result.stale += batch.length - applied;
  }
  return result;
}

/** One batch of customers (newest per id, sorted by id) in the caller's transaction; returns the rows applied. */
export async function writeCustomerBatch(tx: Tx, shopId: number, batch: readonly CustomerRecord[]): Promise<number> {
  const rows = await withoutDeleted(tx, shopId, "customers", batch);
  if (rows.length === 0) return 0;
  const written = await tx.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO customer (shop_id, id, first_name, last_name, email, phone, state, tags,
      number_of_orders, amount_spent, shopify_created_at, shopify_updated_at, updated_at)
    SELECT ${shopId}, i.id, i.first_name, i.last_name, i.email, i.phone, i.state,
      ARRAY(SELECT jsonb_array_elements_text(i.tags::jsonb)),
      i.number_of_orders, i.amount_spent,
      i.created_at AT TIME ZONE 'UTC', i.updated_at AT TIME ZONE 'UTC', now()
    FROM unnest(
      ${rows.map((c) => c.id)}::bigint[],
      ${rows.map((c) => c.firstName)}::text[],
      ${rows.map((c) => c.lastName)}::text[],
      ${rows.map((c) => c.email)}::text[],
      ${rows.map((c) => c.phone)}::text[],
      ${rows.map((c) => c.state)}::text[],
      ${rows.map((c) => JSON.stringify(c.tags))}::text[],
      ${rows.map((c) => c.numberOfOrders)}::int[],
      ${rows.map((c) => c.amountSpent)}::numeric[],
      ${rows.map((c) => c.shopifyCreatedAt)}::timestamptz[],
      ${rows.map((c) => c.shopifyUpdatedAt)}::timestamptz[]
    ) AS i(id, first_name, last_name, email, phone, state, tags, number_of_orders, amount_spent, created_at, updated_at)
    ORDER BY i.id
    ON CONFLICT (shop_id, id) DO UPDATE SET
      -- A redacted customer's personal data stays erased whatever arrives later.
      first_name = CASE WHEN customer.redacted_at IS NULL THEN EXCLUDED.first_name END,
      last_name = CASE WHEN customer.redacted_at IS NULL THEN EXCLUDED.last_name END,
      email = CASE WHEN customer.redacted_at IS NULL THEN EXCLUDED.email END,
      phone = CASE WHEN customer.redacted_at IS NULL THEN EXCLUDED.phone END,
      tags = CASE WHEN customer.redacted_at IS NULL THEN EXCLUDED.tags ELSE '{}' END,
      state = EXCLUDED.state,
      -- Sources that do not carry the statistics leave the stored ones alone.
      number_of_orders = coalesce(EXCLUDED.number_of_orders, customer.number_of_orders),
      amount_spent = coalesce(EXCLUDED.amount_spent, customer.amount_spent),
      shopify_created_at = coalesce(EXCLUDED.shopify_created_at, customer.shopify_created_at),
      shopify_updated_at = EXCLUDED.shopify_updated_at,
      updated_at = now()
    WHERE customer.shopify_updated_at < EXCLUDED.shopify_updated_at
    RETURNING (xmax = 0) AS inserted`; // xmax = 0: a new row (the customer total counts it)
  await eraseRedactedCustomers(
    tx,
    shopId,
    rows.map((c) => c.id),
  );
  await adjustCustomerTotal(tx, shopId, written.filter((row) => row.inserted).length);
  if (written.length > 0) await bumpAnswerVersion(tx, shopId); // names and emails in top-customers answers
  return written.length;
}

// ---------------------------------------------------------------------------
// Products (with their variants)

export async function upsertProducts(
  prisma: PrismaClient,
  shopId: number,
  records: readonly ProductRecord[],
): Promise<WriteResult> {
  const result: WriteResult = { applied: 0, stale: 0 };
  for (const batch of chunks(newestById(records))) {
    const applied = await prisma.$transaction((tx) => writeProductBatch(tx, shopId, batch), TRANSACTION_OPTIONS);
    result.applied += applied;
    result.stale += batch.length - applied;
  }
  return result;
}

/** One batch of products (newest per id, sorted by id) in the caller's transaction; returns the rows applied. */
export async function writeProductBatch(tx: Tx, shopId: number, batch: readonly ProductRecord[]): Promise<number> {
  const rows = await withoutDeleted(tx, shopId, "products", batch);
  if (rows.length === 0) return 0;
  const appliedRows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO product (shop_id, id, title, handle, status, vendor, product_type,
      shopify_created_at, shopify_updated_at, updated_at)
    SELECT ${shopId}, i.id, i.title, i.handle, i.status, i.vendor, i.product_type,
      i.created_at AT TIME ZONE 'UTC', i.updated_at AT TIME ZONE 'UTC', now()
    FROM unnest(
      ${rows.map((p) => p.id)}::bigint[],
      ${rows.map((p) => p.title)}::text[],
      ${rows.map((p) => p.handle)}::text[],
      ${rows.map((p) => p.status)}::text[],
      ${rows.map((p) => p.vendor)}::text[],
      ${rows.map((p) => p.productType)}::text[],
      ${rows.map((p) => p.shopifyCreatedAt)}::timestamptz[],
      ${rows.map((p) => p.shopifyUpdatedAt)}::timestamptz[]
    ) AS i(id, title, handle, status, vendor, product_type, created_at, updated_at)
    ORDER BY i.id
    ON CONFLICT (shop_id, id) DO UPDATE SET
      title = EXCLUDED.title, handle = EXCLUDED.handle, status = EXCLUDED.status,
      vendor = EXCLUDED.vendor, product_type = EXCLUDED.product_type,
      shopify_created_at = coalesce(EXCLUDED.shopify_created_at, product.shopify_created_at),
      shopify_updated_at = EXCLUDED.shopify_updated_at, updated_at = now()
    WHERE product.shopify_updated_at < EXCLUDED.shopify_updated_at
    RETURNING id::text AS id`;
  const appliedIds = new Set(appliedRows.map((r) => r.id));
  if (appliedIds.size === 0) return 0;
  const ids = [...appliedIds];
  // The record's variant list is complete: variants gone from it were deleted.
  await tx.$executeRaw`DELETE FROM product_variant WHERE shop_id = ${shopId} AND product_id = ANY(${ids}::bigint[])`;
  const variants = uniqueById(rows.filter((p) => appliedIds.has(p.id)).flatMap((p) => p.variants));
  if (variants.length > 0) {
    await tx.$executeRaw`
      INSERT INTO product_variant (shop_id, id, product_id, title, sku, price, updated_at)
      SELECT ${shopId}, v.id, v.product_id, v.title, v.sku, v.price, now()
      FROM unnest(
        ${variants.map((v) => v.id)}::bigint[],
        ${variants.map((v) => v.productId)}::bigint[],
        ${variants.map((v) => v.title)}::text[],
        ${variants.map((v) => v.sku)}::text[],
        ${variants.map((v) => v.price)}::numeric[]
      ) AS v(id, product_id, title, sku, price)
      ON CONFLICT (shop_id, id) DO UPDATE SET product_id = EXCLUDED.product_id,
        title = EXCLUDED.title, sku = EXCLUDED.sku, price = EXCLUDED.price, updated_at = now()`;
  }
  await bumpAnswerVersion(tx, shopId); // titles in top-products and first-product answers
  return appliedIds.size;
}

// ---------------------------------------------------------------------------
// Orders (with line items, refunds, refund line items)

/** A refund written again replaces the stored one (writeOrderBatch's refunds, insertRefunds "replace"). */
const REFUND_REPLACE_CONFLICT = Prisma.sql`ON CONFLICT (shop_id, id) DO UPDATE SET order_id = EXCLUDED.order_id,
  shopify_created_at = EXCLUDED.shopify_created_at, note = EXCLUDED.note,
  shipping_refund = EXCLUDED.shipping_refund, shipping_tax_refund = EXCLUDED.shipping_tax_refund`;

const REFUND_LINE_CONFLICT = Prisma.sql`ON CONFLICT (shop_id, id) DO UPDATE SET refund_id = EXCLUDED.refund_id,
  line_item_id = EXCLUDED.line_item_id, quantity = EXCLUDED.quantity, subtotal = EXCLUDED.subtotal,
  total_tax = EXCLUDED.total_tax`;

export async function upsertOrders(
  prisma: PrismaClient,
  shopId: number,
  records: readonly OrderRecord[],
  options: WriteOptions = {},
): Promise<OrderWriteResult> {
  const result: OrderWriteResult = { applied: 0, stale: 0, localDates: [], storedNewer: [], inserted: [] };
  const collectDates = options.rollups !== "rebuild";
  for (const batch of chunks(newestById(records))) {
    const { applied, localDates, storedNewer, inserted } = await prisma.$transaction(async (tx) => {
      const written = await writeOrderBatch(tx, shopId, batch, collectDates);
      await markRollupDaysPending(tx, shopId, written.localDates);
      return written;
    }, TRANSACTION_OPTIONS);
    result.applied += applied;
    result.stale += batch.length - applied;
    result.localDates = union(result.localDates, localDates);
    result.storedNewer.push(...storedNewer);
    result.inserted.push(...inserted);
  }
  await finishRollups(prisma, shopId, result.localDates, options);
  return result;
}

/**
 * How a batch of orders keeps redactions (redaction.ts): "erase" runs the erase
 * statements after every write; "guarded" runs them only when the shop has tombstones
 * or the batch replaces an order already redacted — the caller must hold the shop's
 * redaction lock shared (redactionLockShared) from a statement before this call.
 */
export type RedactionMode = "erase" | "guarded";

/** One batch of orders (newest per id, sorted by id) in the caller's transaction. */
export async function writeOrderBatch(
  tx: Tx,
  shopId: number,
  batch: readonly OrderRecord[],
  collectDates: boolean,
  redaction: RedactionMode = "erase",
) {
  const ids = batch.map((o) => o.id);
  const guarded = redaction === "guarded";
  // Lock the stored versions first (in id order), then decide: the decision and the
  // old local days read here cannot change under us before the write. The ids deleted
  // in Shopify come back in the same round trip (updated_ms null), and, guarded, whether
  // the shop has redaction tombstones (a row with a null id). Read after the caller took
  // the redaction lock, in a statement of its own: this statement's snapshot is taken
  // after the lock was granted, so it sees every redaction that committed before.
  const lockedOrDeleted = await tx.$queryRaw<{ id: string | null; updated_ms: string | null; redacted: boolean }[]>`
    WITH locked AS (
      SELECT id, shopify_updated_at, redacted_at FROM "order"
      WHERE shop_id = ${shopId} AND id = ANY(${ids}::bigint[])
      ORDER BY id FOR UPDATE
    )
    SELECT id::text AS id, floor(extract(epoch FROM shopify_updated_at) * 1000)::bigint::text AS updated_ms,
      redacted_at IS NOT NULL AS redacted FROM locked
    UNION ALL
    SELECT id::text, NULL, false FROM deleted_record
    WHERE shop_id = ${shopId} AND resource = 'orders' AND id = ANY(${ids}::bigint[])
    UNION ALL
    SELECT NULL, NULL, true WHERE ${guarded} AND EXISTS (SELECT 1 FROM redaction_tombstone WHERE shop_id = ${shopId})`;
  // Guarded: the erase statements can change nothing when no redaction named anything
  // of the shop (every customers/redact records its tombstones) and no order of the
  // batch is redacted already (its new refunds' notes must go).
  const mustErase = !guarded || lockedOrDeleted.some((r) => r.redacted);
  const deleted = new Set(
    lockedOrDeleted.filter((r) => r.id !== null && r.updated_ms === null).map((r) => r.id as string),
  );
  const stored = lockedOrDeleted.filter(
    (r): r is { id: string; updated_ms: string; redacted: boolean } => r.id !== null && r.updated_ms !== null,
  );
  const storedUpdatedAt = new Map(stored.map((r) => [r.id, Number(r.updated_ms)]));
  const storedNewer = batch
    .filter((o) => (storedUpdatedAt.get(o.id) ?? -Infinity) > Date.parse(o.shopifyUpdatedAt))
    .map((o) => o.id);
  const candidates = batch.filter((o) => {
    if (deleted.has(o.id)) return false;
    const current = storedUpdatedAt.get(o.id);
    return current === undefined || current < Date.parse(o.shopifyUpdatedAt);
  });
  if (candidates.length === 0) return { applied: 0, localDates: [], storedNewer, inserted: [] };

  const candidateIds = candidates.map((o) => o.id);
  const oldDates = collectDates
    ? await storedLocalDates(tx, shopId, { orderIds: candidateIds.filter((id) => storedUpdatedAt.has(id)) })
    : [];
  // The WHERE guard still applies: a concurrent writer may have inserted a newer
  // version of a new id between the lock query and this statement.
  //
  // The refunds of the orders this statement inserts go in the same statement (a
  // data-modifying CTE joined to the order rows it returned: a round trip less per batch,
  // and a backfill's orders are nearly all new). An inserted order has no stored refunds
  // to replace; the refunds of a replaced order follow below, after its old ones are
  // deleted. Refund lines (webhooks carry them, a bulk export does not) go with their refund.
  const newRefunds = uniqueById(candidates.flatMap((o) => o.refunds));
  const newRefundLines = uniqueById(newRefunds.flatMap((r) => r.lineItems));
  const appliedRows = await tx.$queryRaw<{ id: string; inserted: boolean }[]>`
    WITH o AS (
    INSERT INTO "order" (shop_id, id, name, email, customer_id, processed_at, cancelled_at, test,
      currency_code, presentment_currency_code, total_price, subtotal_price, total_discounts,
      total_tax, total_shipping, total_refunded, total_price_presentment,
      shopify_created_at, shopify_updated_at, updated_at)
    SELECT ${shopId}, i.id, i.name,
      -- An order of a redacted customer gets no personal fields.
      CASE WHEN rc.id IS NULL THEN i.email END,
      i.customer_id, i.processed_at AT TIME ZONE 'UTC', i.cancelled_at AT TIME ZONE 'UTC', i.test,
      i.currency_code, i.presentment_currency_code, i.total_price, i.subtotal_price,
      i.total_discounts, i.total_tax, i.total_shipping, i.total_refunded, i.total_price_presentment,
      i.created_at AT TIME ZONE 'UTC', i.updated_at AT TIME ZONE 'UTC', now()
    FROM unnest(
      ${candidateIds}::bigint[],
      ${candidates.map((o) => o.name)}::text[],
      ${candidates.map((o) => o.email)}::text[],
      ${candidates.map((o) => o.customerId)}::bigint[],
      ${candidates.map((o) => o.processedAt)}::timestamptz[],
      ${candidates.map((o) => o.cancelledAt)}::timestamptz[],
      ${candidates.map((o) => o.test)}::boolean[],
      ${candidates.map((o) => o.currencyCode)}::text[],
      ${candidates.map((o) => o.presentmentCurrencyCode)}::text[],
      ${candidates.map((o) => o.totalPrice)}::numeric[],
      ${candidates.map((o) => o.subtotalPrice)}::numeric[],
      ${candidates.map((o) => o.totalDiscounts)}::numeric[],
      ${candidates.map((o) => o.totalTax)}::numeric[],
      ${candidates.map((o) => o.totalShipping)}::numeric[],
      ${candidates.map((o) => o.totalRefunded)}::numeric[],
      ${candidates.map((o) => o.totalPricePresentment)}::numeric[],
      ${candidates.map((o) => o.shopifyCreatedAt)}::timestamptz[],
      ${candidates.map((o) => o.shopifyUpdatedAt)}::timestamptz[]
    ) AS i(id, name, email, customer_id, processed_at, cancelled_at, test, currency_code,
      presentment_currency_code, total_price, subtotal_price, total_discounts, total_tax,
      total_shipping, total_refunded, total_price_presentment, created_at, updated_at)
    LEFT JOIN customer rc ON rc.shop_id = ${shopId} AND rc.id = i.customer_id AND rc.redacted_at IS NOT NULL
    ORDER BY i.id
    ON CONFLICT (shop_id, id) DO UPDATE SET
      name = EXCLUDED.name,
      email = CASE WHEN "order".redacted_at IS NULL THEN EXCLUDED.email END,
      customer_id = EXCLUDED.customer_id, processed_at = EXCLUDED.processed_at,
      cancelled_at = EXCLUDED.cancelled_at, test = EXCLUDED.test,
      currency_code = EXCLUDED.currency_code, presentment_currency_code = EXCLUDED.presentment_currency_code,
      total_price = EXCLUDED.total_price, subtotal_price = EXCLUDED.subtotal_price,
      total_discounts = EXCLUDED.total_discounts, total_tax = EXCLUDED.total_tax,
      total_shipping = EXCLUDED.total_shipping, total_refunded = EXCLUDED.total_refunded,
      total_price_presentment = EXCLUDED.total_price_presentment,
      shopify_created_at = EXCLUDED.shopify_created_at, shopify_updated_at = EXCLUDED.shopify_updated_at,
      updated_at = now()
    WHERE "order".shopify_updated_at < EXCLUDED.shopify_updated_at
    RETURNING id, (xmax = 0) AS inserted
    ), written_refunds AS (
      INSERT INTO refund (shop_id, id, order_id, shopify_created_at, note, shipping_refund, shipping_tax_refund)
      SELECT ${shopId}, r.id, r.order_id, r.created_at AT TIME ZONE 'UTC', r.note, r.shipping_refund, r.shipping_tax_refund
      FROM unnest(
        ${newRefunds.map((r) => r.id)}::bigint[],
        ${newRefunds.map((r) => r.orderId)}::bigint[],
        ${newRefunds.map((r) => r.shopifyCreatedAt)}::timestamptz[],
        ${newRefunds.map((r) => r.note)}::text[],
        ${newRefunds.map((r) => r.shippingRefund)}::numeric[],
        ${newRefunds.map((r) => r.shippingTaxRefund)}::numeric[]
      ) AS r(id, order_id, created_at, note, shipping_refund, shipping_tax_refund)
      JOIN o ON o.id = r.order_id AND o.inserted
      ORDER BY r.id
      ${REFUND_REPLACE_CONFLICT}
      RETURNING id
    ), rl AS (
      INSERT INTO refund_line_item (shop_id, id, refund_id, line_item_id, quantity, subtotal, total_tax)
      SELECT ${shopId}, x.id, x.refund_id, x.line_item_id, x.quantity, x.subtotal, x.total_tax
      FROM unnest(
        ${newRefundLines.map((x) => x.id)}::bigint[],
        ${newRefundLines.map((x) => x.refundId)}::bigint[],
        ${newRefundLines.map((x) => x.lineItemId)}::bigint[],
        ${newRefundLines.map((x) => x.quantity)}::int[],
        ${newRefundLines.map((x) => x.subtotal)}::numeric[],
        ${newRefundLines.map((x) => x.totalTax)}::numeric[]
      ) AS x(id, refund_id, line_item_id, quantity, subtotal, total_tax)
      JOIN written_refunds w ON w.id = x.refund_id
      ORDER BY x.id
      ${REFUND_LINE_CONFLICT}
    )
    SELECT id::text AS id, inserted FROM o`;
  const appliedIds = new Set(appliedRows.map((r) => r.id));
  if (appliedIds.size === 0) return { applied: 0, localDates: oldDates, storedNewer, inserted: [] };
  const applied = candidates.filter((o) => appliedIds.has(o.id));
  const orderIds = applied.map((o) => o.id);

  // Replace the children of the applied orders (refund line items cascade with refunds).
  // Only an order that was stored before can have children (foreign keys): a freshly
  // inserted row (xmax = 0, even when a concurrent writer's row appeared after the lock
  // query it is an update) has none, so an import of new orders skips both statements.
  const replaced = appliedRows.filter((r) => !r.inserted).map((r) => r.id);
  const inserted = appliedRows.filter((r) => r.inserted).map((r) => r.id);
  if (replaced.length > 0) {
    await tx.$executeRaw`DELETE FROM order_line_item WHERE shop_id = ${shopId} AND order_id = ANY(${replaced}::bigint[])`;
    await tx.$executeRaw`DELETE FROM refund WHERE shop_id = ${shopId} AND order_id = ANY(${replaced}::bigint[])`;
  }
  await insertLineItems(tx, shopId, applied);
  // The inserted orders' refunds went in with them (above).
  if (replaced.length > 0) {
    const replacedIds = new Set(replaced);
    await insertRefunds(
      tx,
      shopId,
      applied.filter((o) => replacedIds.has(o.id)).flatMap((o) => o.refunds),
      "replace",
    );
  }
  if (mustErase) await eraseRedactedOrders(tx, shopId, orderIds);

  const newDates = collectDates ? await storedLocalDates(tx, shopId, { orderIds }) : [];
  return { applied: appliedIds.size, localDates: union(oldDates, newDates), storedNewer, inserted };
}

async function insertLineItems(tx: Tx, shopId: number, orders: OrderRecord[]): Promise<void> {
  const lines = uniqueById(orders.flatMap((o) => o.lineItems));
  if (lines.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO order_line_item (shop_id, id, order_id, product_id, variant_id, title, sku, quantity,
      original_unit_price, total_discount, is_gift_card)
    SELECT ${shopId}, l.* FROM unnest(
      ${lines.map((l) => l.id)}::bigint[],
      ${lines.map((l) => l.orderId)}::bigint[],
      ${lines.map((l) => l.productId)}::bigint[],
      ${lines.map((l) => l.variantId)}::bigint[],
      ${lines.map((l) => l.title)}::text[],
      ${lines.map((l) => l.sku)}::text[],
      ${lines.map((l) => l.quantity)}::int[],
      ${lines.map((l) => l.originalUnitPrice)}::numeric[],
      ${lines.map((l) => l.totalDiscount)}::numeric[],
      ${lines.map((l) => l.isGiftCard)}::boolean[]
    ) AS l
    ON CONFLICT (shop_id, id) DO UPDATE SET order_id = EXCLUDED.order_id, product_id = EXCLUDED.product_id,
      variant_id = EXCLUDED.variant_id, title = EXCLUDED.title, sku = EXCLUDED.sku,
      quantity = EXCLUDED.quantity, original_unit_price = EXCLUDED.original_unit_price,
      total_discount = EXCLUDED.total_discount, is_gift_card = EXCLUDED.is_gift_card`;
}

/**
 * Insert refunds with their lines. "replace": the caller deleted the order's refunds
 * first (a conflict means a duplicate, which overwrites). "add-missing": refunds
 * already stored are left alone (refunds/create after orders/updated carried them).
 * Returns the ids inserted.
 */
async function insertRefunds(
  tx: Tx,
  shopId: number,
  refunds: RefundRecord[],
  mode: "replace" | "add-missing",
): Promise<string[]> {
  const unique = uniqueById(refunds);
  if (unique.length === 0) return [];
  const conflict = mode === "replace" ? REFUND_REPLACE_CONFLICT : Prisma.sql`ON CONFLICT (shop_id, id) DO NOTHING`;
  // add-missing: only for orders we hold (a refund of an unknown order waits for the
  // order itself, which carries its refunds).
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO refund (shop_id, id, order_id, shopify_created_at, note, shipping_refund, shipping_tax_refund)
    SELECT ${shopId}, r.id, r.order_id, r.created_at AT TIME ZONE 'UTC', r.note, r.shipping_refund, r.shipping_tax_refund
    FROM unnest(
      ${unique.map((r) => r.id)}::bigint[],
      ${unique.map((r) => r.orderId)}::bigint[],
      ${unique.map((r) => r.shopifyCreatedAt)}::timestamptz[],
      ${unique.map((r) => r.note)}::text[],
      ${unique.map((r) => r.shippingRefund)}::numeric[],
      ${unique.map((r) => r.shippingTaxRefund)}::numeric[]
    ) AS r(id, order_id, created_at, note, shipping_refund, shipping_tax_refund)
    WHERE EXISTS (SELECT 1 FROM "order" o WHERE o.shop_id = ${shopId} AND o.id = r.order_id)
    ${conflict}
    RETURNING id::text AS id`;
  const insertedIds = new Set(inserted.map((r) => r.id));
  const lines = uniqueById(unique.filter((r) => insertedIds.has(r.id)).flatMap((r) => r.lineItems));
  if (lines.length > 0) {
    await tx.$executeRaw`
      INSERT INTO refund_line_item (shop_id, id, refund_id, line_item_id, quantity, subtotal, total_tax)
      SELECT ${shopId}, x.* FROM unnest(
        ${lines.map((x) => x.id)}::bigint[],
        ${lines.map((x) => x.refundId)}::bigint[],
        ${lines.map((x) => x.lineItemId)}::bigint[],
        ${lines.map((x) => x.quantity)}::int[],
        ${lines.map((x) => x.subtotal)}::numeric[],
        ${lines.map((x) => x.totalTax)}::numeric[]
      ) AS x
      ${REFUND_LINE_CONFLICT}`;
  }
  return [...insertedIds];
}

/**
 * refunds/create: add refunds not stored yet to orders we hold. Refunds are immutable
 * in Shopify, so a stored one is left as is; the order's totals arrive with its own
 * orders/updated (which also carries the refund, whichever comes first).
 */
export async function addRefunds(
  prisma: PrismaClient,
  shopId: number,
  refunds: readonly RefundRecord[],
  options: WriteOptions = {},
): Promise<OrderWriteResult> {
  const result: OrderWriteResult = { applied: 0, stale: 0, localDates: [], storedNewer: [], inserted: [] };
  for (const batch of chunks(uniqueById(refunds))) {
    const inserted = await prisma.$transaction(async (tx) => {
      // Lock the orders so a concurrent order write cannot replace refunds mid-way.
      await tx.$queryRaw`SELECT 1 AS locked FROM "order" WHERE shop_id = ${shopId}
        AND id = ANY(${batch.map((r) => r.orderId)}::bigint[]) ORDER BY id FOR UPDATE`;
      const ids = await insertRefunds(tx, shopId, batch, "add-missing");
      if (ids.length > 0) await eraseRedactedOrders(tx, shopId, [...new Set(batch.map((r) => r.orderId))]);
      const localDates = ids.length > 0 ? await storedLocalDates(tx, shopId, { refundIds: ids }) : [];
      await markRollupDaysPending(tx, shopId, localDates);
      return { count: ids.length, localDates };
    }, TRANSACTION_OPTIONS);
    result.applied += inserted.count;
    result.stale += batch.length - inserted.count;
    result.localDates = union(result.localDates, inserted.localDates);
  }
  await finishRollups(prisma, shopId, result.localDates, options);
  return result;
}

// ---------------------------------------------------------------------------
// Children written on their own (bulk backfill)
//
// A bulk result lists a parent's children on their own lines, anywhere after the
// parent (ungrouped output). The backfill writes the parent first (with an empty child
// list, which clears the children of an applied version) and each child when its line
// comes, keyed by its parent's id. A child is written only under a parent version the
// export wrote or matched:
// - the parent row exists (a deleted or unknown parent takes no children);
// - the caller names the parents whose stored version was newer than the export's
//   (`skipParents`): their children came with that newer version;
// - the parent's stored version is not later than the export's end (`exportedUntil`):
//   a version written afterwards (a webhook) carried its own children.

export interface ChildWriteGuard {
  skipParents: ReadonlySet<string>;
  exportedUntil: Date;
}

/**
 * Refresh the planner's statistics of these tables (bulk-ingest.ts: a backfill grows
 * them from empty). SKIP_LOCKED: an ANALYZE already running on a table (another shop's
 * backfill, autovacuum) does the same job, so it is not waited for.
 */
export async function analyzeTables(
  prisma: Pick<PrismaClient, "$executeRawUnsafe">,
  tables: readonly string[],
): Promise<void> {
  if (tables.length === 0) return;
  // Names from the caller's fixed list, quoted as identifiers.
  const list = tables.map((t) => `"${t.replaceAll('"', '""')}"`).join(", ");
  await prisma.$executeRawUnsafe(`ANALYZE (SKIP_LOCKED) ${list}`);
}

/** Ids among `versions` whose stored row is strictly newer than the given version. */
export async function storedNewerIds(
  prisma: Pick<PrismaClient, "$queryRaw">,
  shopId: number,
  resource: "orders" | "products",
  versions: readonly { id: string; shopifyUpdatedAt: string }[],
): Promise<string[]> {
  if (versions.length === 0) return [];
  const table = resource === "orders" ? Prisma.sql`"order"` : Prisma.sql`product`;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT t.id::text AS id FROM ${table} t
    JOIN unnest(${versions.map((v) => v.id)}::bigint[], ${versions.map((v) => v.shopifyUpdatedAt)}::timestamptz[]) AS v(id, updated_at)
      ON t.id = v.id
    WHERE t.shop_id = ${shopId} AND t.shopify_updated_at > v.updated_at`;
  return rows.map((r) => r.id);
}

export async function upsertOrderLineItems(
  prisma: Pick<PrismaClient, "$executeRaw">,
  shopId: number,
  records: readonly OrderLineItemRecord[],
  guard: ChildWriteGuard,
): Promise<number> {
  let written = 0;
  for (const batch of chunks(uniqueById(records).filter((l) => !guard.skipParents.has(l.orderId)))) {
    written += await prisma.$executeRaw`
      INSERT INTO order_line_item (shop_id, id, order_id, product_id, variant_id, title, sku, quantity,
        original_unit_price, total_discount, is_gift_card)
      SELECT ${shopId}::int, l.* FROM unnest(
        ${batch.map((l) => l.id)}::bigint[],
        ${batch.map((l) => l.orderId)}::bigint[],
        ${batch.map((l) => l.productId)}::bigint[],
        ${batch.map((l) => l.variantId)}::bigint[],
        ${batch.map((l) => l.title)}::text[],
        ${batch.map((l) => l.sku)}::text[],
        ${batch.map((l) => l.quantity)}::int[],
        ${batch.map((l) => l.originalUnitPrice)}::numeric[],
        ${batch.map((l) => l.totalDiscount)}::numeric[],
        ${batch.map((l) => l.isGiftCard)}::boolean[]
      ) AS l(id, order_id, product_id, variant_id, title, sku, quantity, original_unit_price, total_discount, is_gift_card)
      WHERE EXISTS (SELECT 1 FROM "order" o WHERE o.shop_id = ${shopId} AND o.id = l.order_id
        AND o.shopify_updated_at <= ${guard.exportedUntil})
      ORDER BY l.id
      ON CONFLICT (shop_id, id) DO UPDATE SET order_id = EXCLUDED.order_id, product_id = EXCLUDED.product_id,
        variant_id = EXCLUDED.variant_id, title = EXCLUDED.title, sku = EXCLUDED.sku,
        quantity = EXCLUDED.quantity, original_unit_price = EXCLUDED.original_unit_price,
        total_discount = EXCLUDED.total_discount, is_gift_card = EXCLUDED.is_gift_card`;
  }
  return written;
}

export async function upsertProductVariants(
  prisma: Pick<PrismaClient, "$executeRaw">,
  shopId: number,
  records: readonly ProductVariantRecord[],
  guard: ChildWriteGuard,
): Promise<number> {
  let written = 0;
  for (const batch of chunks(uniqueById(records).filter((v) => !guard.skipParents.has(v.productId)))) {
    written += await prisma.$executeRaw`
      INSERT INTO product_variant (shop_id, id, product_id, title, sku, price, updated_at)
      SELECT ${shopId}::int, v.id, v.product_id, v.title, v.sku, v.price, now()
      FROM unnest(
        ${batch.map((v) => v.id)}::bigint[],
        ${batch.map((v) => v.productId)}::bigint[],
        ${batch.map((v) => v.title)}::text[],
        ${batch.map((v) => v.sku)}::text[],
        ${batch.map((v) => v.price)}::numeric[]
      ) AS v(id, product_id, title, sku, price)
      WHERE EXISTS (SELECT 1 FROM product p WHERE p.shop_id = ${shopId} AND p.id = v.product_id
        AND p.shopify_updated_at <= ${guard.exportedUntil})
      ORDER BY v.id
      ON CONFLICT (shop_id, id) DO UPDATE SET product_id = EXCLUDED.product_id,
        title = EXCLUDED.title, sku = EXCLUDED.sku, price = EXCLUDED.price, updated_at = now()`;
  }
  return written;
}

/**
 * Refund details read after the orders export: the refunds' shipping amounts and line
 * items, for refunds we hold (refunds are immutable in Shopify, so this only completes
 * what the export's refund scalars started). Returns the refunds completed.
 */
export async function completeRefundDetails(
  prisma: PrismaClient,
  shopId: number,
  refunds: readonly RefundRecord[],
): Promise<number> {
  let completed = 0;
  for (const batch of chunks(uniqueById(refunds))) {
    completed += await prisma.$transaction(async (tx) => {
      const updated = await tx.$queryRaw<{ id: string }[]>`
        UPDATE refund SET shipping_refund = r.shipping_refund, shipping_tax_refund = r.shipping_tax_refund
        FROM unnest(
          ${batch.map((r) => r.id)}::bigint[],
          ${batch.map((r) => r.shippingRefund)}::numeric[],
          ${batch.map((r) => r.shippingTaxRefund)}::numeric[]
        ) AS r(id, shipping_refund, shipping_tax_refund)
        WHERE refund.shop_id = ${shopId} AND refund.id = r.id
        RETURNING refund.id::text AS id`;
      const held = new Set(updated.map((r) => r.id));
      const lines = uniqueById(batch.filter((r) => held.has(r.id)).flatMap((r) => r.lineItems));
      if (lines.length > 0) {
        await tx.$executeRaw`
          INSERT INTO refund_line_item (shop_id, id, refund_id, line_item_id, quantity, subtotal, total_tax)
          SELECT ${shopId}::int, x.* FROM unnest(
            ${lines.map((x) => x.id)}::bigint[],
            ${lines.map((x) => x.refundId)}::bigint[],
            ${lines.map((x) => x.lineItemId)}::bigint[],
            ${lines.map((x) => x.quantity)}::int[],
            ${lines.map((x) => x.subtotal)}::numeric[],
            ${lines.map((x) => x.totalTax)}::numeric[]
          ) AS x(id, refund_id, line_item_id, quantity, subtotal, total_tax)
          ORDER BY x.id
          ON CONFLICT (shop_id, id) DO UPDATE SET refund_id = EXCLUDED.refund_id, line_item_id = EXCLUDED.line_item_id,
            quantity = EXCLUDED.quantity, subtotal = EXCLUDED.subtotal, total_tax = EXCLUDED.total_tax`;
      }
      return held.size;
    }, TRANSACTION_OPTIONS);
  }
  return completed;
}

/** Order ids (ascending, after `afterId`) that have refunds: the refund-details pass's work list. */
export async function orderIdsWithRefunds(
  prisma: PrismaClient,
  shopId: number,
  afterId: string,
  limit: number,
): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT order_id::text AS id, order_id FROM refund
    WHERE shop_id = ${shopId} AND order_id > ${afterId}::bigint
    ORDER BY order_id LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/** Refund ids held for these orders, by order id. */
export async function storedRefundIds(
  prisma: PrismaClient,
  shopId: number,
  orderIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await prisma.$queryRaw<{ order_id: string; id: string }[]>`
    SELECT order_id::text AS order_id, id::text AS id FROM refund
    WHERE shop_id = ${shopId} AND order_id = ANY(${orderIds}::bigint[]) ORDER BY id`;
  const byOrder = new Map<string, string[]>();
  for (const row of rows) byOrder.set(row.order_id, [...(byOrder.get(row.order_id) ?? []), row.id]);
  return byOrder;
}

// ---------------------------------------------------------------------------
// Deletes

const DELETE_TABLE: Record<SyncResource, Prisma.Sql> = {
  customers: Prisma.sql`customer`,
  products: Prisma.sql`product`,
  orders: Prisma.sql`"order"`,
};

/**
 * Delete records deleted in Shopify and remember their ids, so no later payload can
 * bring them back. Orders take their lines and refunds along (cascade) and their days'
 * rollups are recomputed; a deleted customer keeps its orders (as in Shopify).
 */
export async function deleteRecords(
  prisma: PrismaClient,
  shopId: number,
  resource: SyncResource,
  ids: readonly string[],
  options: WriteOptions = {},
): Promise<DeleteResult> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { deleted: 0, localDates: [] };
  const result = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO deleted_record (shop_id, resource, id)
      SELECT ${shopId}, ${resource}, id FROM unnest(${unique}::bigint[]) AS id
      ON CONFLICT DO NOTHING`;
    const localDates = resource === "orders" ? await storedLocalDates(tx, shopId, { orderIds: unique }) : [];
    const deleted = await tx.$executeRaw`
      DELETE FROM ${DELETE_TABLE[resource]} WHERE shop_id = ${shopId} AND id = ANY(${unique}::bigint[])`;
    if (resource === "customers") await adjustCustomerTotal(tx, shopId, -deleted);
    await markRollupDaysPending(tx, shopId, localDates);
    if (deleted > 0) await bumpAnswerVersion(tx, shopId); // names and titles the answers showed
    return { deleted, localDates };
  }, TRANSACTION_OPTIONS);
  await finishRollups(prisma, shopId, result.localDates, options);
  return result;
}
