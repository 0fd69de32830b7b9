// Rollups: per shop x local day (and per customer/product x local day) aggregates of
// the raw tables, recomputed with set-based SQL for exactly the local days a sync batch
// touched. Recomputing (never incrementing) means a rollup can't drift from the raw
// rows, and replaying a batch is harmless.
//
// Money comes from the sales ledger (`sale`, Shopify's Order.agreements → sales) by the
// local date of the sale's happened_at; order counts and customers from the orders by
// processed_at. Definitions: docs/metrics.md (text: definitions.ts).
//
// Local day = calendar date in shop.iana_timezone. A day's UTC bounds are computed in
// SQL (local midnight AT TIME ZONE), so 23- and 25-hour DST days are right and the
// (shop_id, processed_at) / (shop_id, happened_at) indexes are used.
import { Prisma, type PrismaClient } from "@prisma/client";
import { bumpAnswerVersion } from "./answer-version";
import { refreshCohortRollups } from "./cohort-rollups";
import { localDateOf } from "./dates";
import { clearTakenRollupDays, takePendingRollupDays } from "./rollup-pending";
import {
  KNOWN_ACTION,
  SALE_DAY_FIGURES,
  SOLD,
  daysCte,
  insertProductMonthsSql,
  insertShopDays,
  lockShop,
  refillCustomerDaysSql,
  timed,
  type Tx,
} from "./rollup-sql";

export { lockShop, profileRollups } from "./rollup-sql";
export { recomputeAllRollups } from "./rollup-rebuild";

/** Batches touching more days than this refresh planner statistics mid-transaction. */
const LARGE_BATCH_DAYS = 62;

function uniqueSorted(dates: Iterable<string>): string[] {
  return [...new Set(dates)].sort();
}

/**
 * Recompute every rollup row of the given local dates (YYYY-MM-DD in the shop's zone)
 * from the raw tables. Call it after a batch is committed, with the dates the batch
 * touched (see touchedLocalDates / storedLocalDates): old and new processedAt dates of
 * changed orders and old and new createdAt dates of changed refunds. Customer first /
 * next-order links of the customers involved are re-derived here, including the days
 * of their other orders that this changes, so callers need not know about them.
 * Concurrent calls for one shop are serialised (transaction-scoped advisory lock).
 */
export async function recomputeRollups(
  prisma: PrismaClient,
  shopId: number,
  localDates: readonly string[],
  options: { timeoutMs?: number } = {},
): Promise<{ days: number }> {
  const dates = uniqueSorted(localDates);
  if (dates.length === 0) return { days: 0 };
  return prisma.$transaction(
    async (tx) => {
      await lockShop(tx, shopId);
      // Before any read: the writes whose marks this returns are visible to the reads below.
      const taken = await takePendingRollupDays(tx, shopId, dates);
      // Cost estimates of these statements are high enough to trigger JIT compilation,
      // which costs far more (hundreds of ms per statement) than running them.
      await tx.$executeRawUnsafe(`SET LOCAL jit = off`);
      if (dates.length <= LARGE_BATCH_DAYS) {
        // A sync batch touches a few days: a few thousand rows reached through the
        // (shop_id, processed_at / order_id / refund_id) indexes. The planner cannot see
        // how narrow a day's [lo, hi) bounds are and would hash-join whole tables
        // (seconds on 1M orders); nested loops over the indexes take milliseconds.
        await tx.$executeRawUnsafe(`SET LOCAL enable_hashjoin = off`);
        await tx.$executeRawUnsafe(`SET LOCAL enable_mergejoin = off`);
        await tx.$executeRawUnsafe(`SET LOCAL enable_seqscan = off`);
      }
      const linkedDays = await timed("customer days", () => recomputeCustomerDays(tx, shopId, dates));
      const months = uniqueSorted(dates.map((date) => `${date.slice(0, 7)}-01`));
      await timed("customer months", () => recomputeCustomerMonths(tx, shopId, months));
      const shopDays = uniqueSorted([...dates, ...linkedDays]);
      await timed(`shop days (${shopDays.length})`, () => recomputeShopDays(tx, shopId, shopDays));
      await timed("product days", () => recomputeProductDays(tx, shopId, dates));
      await timed("product months", () => recomputeProductMonths(tx, shopId, months));
      await timed("cohorts", () => refreshCohortRollups(tx, shopId, dates));
      await clearTakenRollupDays(tx, shopId, taken);
      await bumpAnswerVersion(tx, shopId);
      return { days: shopDays.length };
    },
    { timeout: options.timeoutMs ?? 10 * 60_000, maxWait: 60_000 },
  );
}

/**
 * Rebuild insights_customer_day for `dates`, then re-link prev/next order days of every
 * customer who had or has an order on those dates. Returns the other days whose rows'
 * links changed (their shop-day customer figures must be recomputed too).
 */
async function recomputeCustomerDays(tx: Tx, shopId: number, dates: string[]): Promise<string[]> {
  // insights_replaced_customer_month: the retention refresh (cohort-rollups.ts) takes the
  // replaced month rows' contribution out of the cohort tables (recomputeCustomerMonths).
  await tx.$executeRawUnsafe(`DO $$ BEGIN
    CREATE TEMP TABLE insights_affected_customer (customer_id bigint PRIMARY KEY) ON COMMIT DROP;
    CREATE TEMP TABLE insights_replaced_customer_month (customer_id bigint, month date, orders int, net_sales numeric)
      ON COMMIT DROP;
  END $$`);
  await tx.$executeRaw`
    WITH removed AS (
      DELETE FROM insights_customer_day
      WHERE shop_id = ${shopId} AND local_date = ANY(${dates}::date[])
      RETURNING customer_id
    )
    INSERT INTO insights_affected_customer SELECT DISTINCT customer_id FROM removed
    ON CONFLICT DO NOTHING`;
  // Order days (orders processed) and spending days (their sales that happened) of
  // each customer, with the retention figures; a refund days later gives a row with orders = 0.
  await tx.$executeRaw(refillCustomerDaysSql(shopId, dates, "insights_affected_customer"));
  if (dates.length > LARGE_BATCH_DAYS) {
    // A large rebuild changes the table's size by orders of magnitude; without fresh
    // statistics the planner expects a handful of rows and re-links quadratically.
    await tx.$executeRawUnsafe(`ANALYZE insights_customer_day`);
    await tx.$executeRawUnsafe(`ANALYZE insights_affected_customer`);
  }
  if (dates.length > LARGE_BATCH_DAYS) return relinkAllDaysOfAffected(tx, shopId);
  return relinkNeighboursOfDates(tx, shopId, dates);
}

/** Large rebuilds: re-link every day of the affected customers with window functions. */
async function relinkAllDaysOfAffected(tx: Tx, shopId: number): Promise<string[]> {
  const changed = await tx.$queryRaw<{ local_date: string }[]>`
    WITH linked AS MATERIALIZED (
      SELECT cd.customer_id, cd.local_date,
        lag(cd.local_date) OVER w AS prev_date,
        lead(cd.local_date) OVER w AS next_date
      FROM insights_customer_day cd
      WHERE cd.shop_id = ${shopId} AND cd.customer_id IN (SELECT customer_id FROM insights_affected_customer)
        AND cd.orders > 0
      WINDOW w AS (PARTITION BY cd.customer_id ORDER BY cd.local_date)
    ),
    updated AS (
      UPDATE insights_customer_day cd
      SET prev_date = linked.prev_date, next_date = linked.next_date
      FROM linked
      WHERE cd.shop_id = ${shopId} AND cd.customer_id = linked.customer_id AND cd.local_date = linked.local_date
        AND (cd.prev_date IS DISTINCT FROM linked.prev_date OR cd.next_date IS DISTINCT FROM linked.next_date)
      RETURNING cd.local_date
    )
    SELECT DISTINCT local_date::text AS local_date FROM updated`;
  return changed.map((row) => row.local_date);
}

/**
 * Small batches: only rows whose links can have changed — the affected customers' rows
 * on the touched dates and their nearest days before and after each touched date (a
 * row added or removed on day t changes only its neighbours' links) — each re-linked
 * by two index lookups. Heavy customers have thousands of days; this stays small.
 */
async function relinkNeighboursOfDates(tx: Tx, shopId: number, dates: string[]): Promise<string[]> {
  const changed = await tx.$queryRaw<{ local_date: string }[]>`
    WITH touched AS (
      SELECT a.customer_id, t AS local_date
      FROM insights_affected_customer a CROSS JOIN unnest(${dates}::date[]) AS t
    ),
    targets AS (
      SELECT cd.customer_id, cd.local_date
      FROM touched t
      JOIN insights_customer_day cd ON cd.shop_id = ${shopId} AND cd.customer_id = t.customer_id AND cd.local_date = t.local_date
      WHERE cd.orders > 0
      UNION
      SELECT t.customer_id, before.local_date
      FROM touched t CROSS JOIN LATERAL (
        SELECT local_date FROM insights_customer_day
        WHERE shop_id = ${shopId} AND customer_id = t.customer_id AND local_date < t.local_date AND orders > 0
        ORDER BY local_date DESC LIMIT 1
      ) before
      UNION
      SELECT t.customer_id, after.local_date
      FROM touched t CROSS JOIN LATERAL (
        SELECT local_date FROM insights_customer_day
        WHERE shop_id = ${shopId} AND customer_id = t.customer_id AND local_date > t.local_date AND orders > 0
        ORDER BY local_date ASC LIMIT 1
      ) after
    ),
    linked AS MATERIALIZED (
      SELECT g.customer_id, g.local_date,
        (SELECT max(local_date) FROM insights_customer_day
         WHERE shop_id = ${shopId} AND customer_id = g.customer_id AND local_date < g.local_date AND orders > 0) AS prev_date,
        (SELECT min(local_date) FROM insights_customer_day
         WHERE shop_id = ${shopId} AND customer_id = g.customer_id AND local_date > g.local_date AND orders > 0) AS next_date
      FROM targets g
    ),
    updated AS (
      UPDATE insights_customer_day cd
      SET prev_date = linked.prev_date, next_date = linked.next_date
      FROM linked
      WHERE cd.shop_id = ${shopId} AND cd.customer_id = linked.customer_id AND cd.local_date = linked.local_date
        AND (cd.prev_date IS DISTINCT FROM linked.prev_date OR cd.next_date IS DISTINCT FROM linked.next_date)
      RETURNING cd.local_date
    )
    SELECT DISTINCT local_date::text AS local_date FROM updated`;
  return changed.map((row) => row.local_date);
}

/**
 * Month sums of the customers whose days were just rebuilt (insights_affected_customer),
 * the retention figure too (net_sales: null without a retention day); the replaced
 * retention months (net_sales not null) are kept in insights_replaced_customer_month.
 */
async function recomputeCustomerMonths(tx: Tx, shopId: number, months: string[]): Promise<void> {
  await tx.$executeRaw`
    WITH removed AS (
      DELETE FROM insights_customer_month
      WHERE shop_id = ${shopId} AND month = ANY(${months}::date[])
        AND customer_id IN (SELECT customer_id FROM insights_affected_customer)
      RETURNING customer_id, month, orders, net_sales
    )
    INSERT INTO insights_replaced_customer_month SELECT * FROM removed WHERE net_sales IS NOT NULL`;
  await tx.$executeRaw`
    INSERT INTO insights_customer_month (shop_id, customer_id, month, orders, net_total, upper_bound, net_sales)
    SELECT ${shopId}, cd.customer_id, date_trunc('month', cd.local_date)::date, sum(cd.orders)::int,
      sum(cd.net_total), sum(greatest(cd.net_total, 0)), sum(cd.net_sales)
    FROM insights_customer_day cd
    WHERE cd.shop_id = ${shopId}
      AND cd.customer_id IN (SELECT customer_id FROM insights_affected_customer)
      AND cd.local_date >= ${months[0]}::date
      AND cd.local_date < (${months[months.length - 1]}::date + interval '1 month')
      AND date_trunc('month', cd.local_date)::date = ANY(${months}::date[])
    GROUP BY cd.customer_id, date_trunc('month', cd.local_date)::date`;
}

/** Month sums of every product in `months`, from the product days. */
async function recomputeProductMonths(tx: Tx, shopId: number, months: string[]): Promise<void> {
  await tx.$executeRaw`DELETE FROM insights_product_month WHERE shop_id = ${shopId} AND month = ANY(${months}::date[])`;
  await tx.$executeRaw(insertProductMonthsSql(shopId, months));
}

/** Rebuild insights_shop_day rows of `dates` (money from the ledger, orders and customers from orders/customer days). */
async function recomputeShopDays(tx: Tx, shopId: number, dates: string[]): Promise<void> {
  await tx.$executeRaw`DELETE FROM insights_shop_day WHERE shop_id = ${shopId} AND local_date = ANY(${dates}::date[])`;
  await insertShopDays(
    tx,
    shopId,
    Prisma.sql`${daysCte(shopId, dates)},
    order_day AS (
      SELECT days.local_date, count(*)::int AS orders
      FROM days
      JOIN "order" o ON o.shop_id = ${shopId} AND o.processed_at >= days.lo AND o.processed_at < days.hi
      WHERE o.test = false
      GROUP BY days.local_date
    ),
    sale_day AS (
      SELECT days.local_date, ${SALE_DAY_FIGURES}
      FROM days
      JOIN sale s ON s.shop_id = ${shopId} AND s.happened_at >= days.lo AND s.happened_at < days.hi
      JOIN "order" o ON o.shop_id = ${shopId} AND o.id = s.order_id
      WHERE o.test = false AND ${KNOWN_ACTION}
      GROUP BY days.local_date
    ),
    cd AS (
      SELECT * FROM insights_customer_day
      WHERE shop_id = ${shopId} AND local_date = ANY(${dates}::date[]) AND orders > 0
    )`,
  );
}

/**
 * Rebuild insights_product_day rows of `dates` from the product sales that happened
 * those days: units sold by ORDER/UPDATE sales, units returned by RETURN sales (counted
 * by magnitude, whatever sign the quantity carries), net sales after discounts before tax.
 */
async function recomputeProductDays(tx: Tx, shopId: number, dates: string[]): Promise<void> {
  await tx.$executeRaw`DELETE FROM insights_product_day WHERE shop_id = ${shopId} AND local_date = ANY(${dates}::date[])`;
  await tx.$executeRaw`
    WITH ${daysCte(shopId, dates)}
    INSERT INTO insights_product_day (shop_id, product_id, local_date, units_sold, units_refunded, net_sales)
    SELECT ${shopId}, s.product_id, days.local_date,
      coalesce(sum(s.quantity) FILTER (WHERE ${SOLD}), 0)::int,
      coalesce(sum(abs(s.quantity)) FILTER (WHERE s.action_type = 'RETURN'), 0)::int,
      sum(s.total_amount - s.total_tax)
    FROM days
    JOIN sale s ON s.shop_id = ${shopId} AND s.happened_at >= days.lo AND s.happened_at < days.hi
    JOIN "order" o ON o.shop_id = ${shopId} AND o.id = s.order_id
    WHERE o.test = false AND s.line_type = 'PRODUCT' AND ${KNOWN_ACTION} AND s.product_id IS NOT NULL
    GROUP BY s.product_id, days.local_date`;
}

/** What a batch changed, before and after (any side may be missing: creates, deletes). */
export interface RollupChange {
  /** Order: processedAt before and after the change. */
  previousProcessedAt?: Date | string | null;
  processedAt?: Date | string | null;
  /** Refund: createdAt before and after the change. */
  previousCreatedAt?: Date | string | null;
  createdAt?: Date | string | null;
  /** Sale (ledger): happenedAt of its agreement before and after the change. */
  previousHappenedAt?: Date | string | null;
  happenedAt?: Date | string | null;
}

/**
 * The local dates (shop time zone) a set of changed orders/refunds touches: old and
 * new processedAt of orders, old and new createdAt of refunds, old and new happenedAt
 * of sales. A new or changed refund
 * also changes its order's totalRefunded: pass the order as a change too (its
 * processedAt), as the order row is written by the same batch.
 */
export function touchedLocalDates(timeZone: string, changes: Iterable<RollupChange>): string[] {
  const dates = new Set<string>();
  for (const change of changes) {
    for (const instant of [
      change.previousProcessedAt,
      change.processedAt,
      change.previousCreatedAt,
      change.createdAt,
      change.previousHappenedAt,
      change.happenedAt,
    ]) {
      if (instant) dates.add(localDateOf(instant, timeZone));
    }
  }
  return [...dates].sort();
}

/**
 * The local dates the stored rows of these orders/refunds currently sit on: orders'
 * processedAt dates and their refunds' createdAt dates, refunds' createdAt dates and
 * their orders' processedAt dates, and the happenedAt dates of all those orders' sales
 * (the ledger). Call it before a batch writes (old dates, including rows about to be
 * deleted) and after (new dates), and recompute the union; a writer of an order's sales
 * alone passes the order's id.
 */
export async function storedLocalDates(
  prisma: Pick<PrismaClient, "$queryRaw">,
  shopId: number,
  ids: { orderIds?: readonly (bigint | number | string)[]; refundIds?: readonly (bigint | number | string)[] },
): Promise<string[]> {
  const orderIds = (ids.orderIds ?? []).map(String);
  const refundIds = (ids.refundIds ?? []).map(String);
  if (orderIds.length === 0 && refundIds.length === 0) return [];
  const rows = await prisma.$queryRaw<{ local_date: string }[]>`
    WITH s AS (SELECT iana_timezone AS tz FROM shop WHERE id = ${shopId}),
    orders AS (
      SELECT id, processed_at FROM "order" WHERE shop_id = ${shopId} AND id = ANY(${orderIds}::bigint[])
      UNION
      SELECT o.id, o.processed_at FROM "order" o JOIN refund r ON r.shop_id = o.shop_id AND r.order_id = o.id
      WHERE r.shop_id = ${shopId} AND r.id = ANY(${refundIds}::bigint[])
    ),
    refunds AS (
      SELECT shopify_created_at FROM refund WHERE shop_id = ${shopId} AND id = ANY(${refundIds}::bigint[])
      UNION ALL
      SELECT shopify_created_at FROM refund WHERE shop_id = ${shopId} AND order_id = ANY(${orderIds}::bigint[])
    ),
    sales AS (
      SELECT x.happened_at FROM orders JOIN sale x ON x.shop_id = ${shopId} AND x.order_id = orders.id
    )
    SELECT DISTINCT ((processed_at AT TIME ZONE 'UTC') AT TIME ZONE s.tz)::date::text AS local_date FROM orders, s
    UNION
    SELECT DISTINCT ((shopify_created_at AT TIME ZONE 'UTC') AT TIME ZONE s.tz)::date::text FROM refunds, s
    UNION
    SELECT DISTINCT ((happened_at AT TIME ZONE 'UTC') AT TIME ZONE s.tz)::date::text FROM sales, s`;
  return rows.map((row) => row.local_date).sort();
}
