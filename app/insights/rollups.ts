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
import { rebuildCohortRollups, refreshCohortRollups } from "./cohort-rollups";
import { localDateOf } from "./dates";

/** Gaps longer than the longest queryable range behave alike; capping bounds array size. */
const MAX_GAP_DAYS = 1827;

type Tx = Prisma.TransactionClient;

// Sale filters shared by every rollup (docs/metrics.md). Sales of an action or line type
// Shopify adds later (UNKNOWN) count nowhere until they are defined.
/** Line types whose sales make up total sales (tips and gift cards are reported apart). */
const TOTAL_SALES_LINES = Prisma.raw(`('PRODUCT', 'ADJUSTMENT', 'SHIPPING', 'DUTY', 'ADDITIONAL_FEE', 'FEE')`);
const KNOWN_ACTION = Prisma.raw(`s.action_type IN ('ORDER', 'RETURN', 'UPDATE')`);
const SOLD = Prisma.raw(`s.action_type IN ('ORDER', 'UPDATE')`);

/** Batches touching more days than this refresh planner statistics mid-transaction. */
const LARGE_BATCH_DAYS = 62;

/** `days` CTE: each local date with its UTC [lo, hi) bounds (processed_at etc. are UTC timestamps). */
// MATERIALIZED: lo/hi computed once per day, so the planner probes the processed_at
// index per day instead of evaluating AT TIME ZONE for every (order, day) pair.
function daysCte(shopId: number, dates: string[]): Prisma.Sql {
  return Prisma.sql`days AS MATERIALIZED (
    SELECT d AS local_date,
      ((d::timestamp) AT TIME ZONE s.iana_timezone) AT TIME ZONE 'UTC' AS lo,
      (((d + 1)::timestamp) AT TIME ZONE s.iana_timezone) AT TIME ZONE 'UTC' AS hi
    FROM shop s CROSS JOIN unnest(${dates}::date[]) AS d
    WHERE s.id = ${shopId}
  )`;
}

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
      return { days: shopDays.length };
    },
    { timeout: options.timeoutMs ?? 10 * 60_000, maxWait: 60_000 },
  );
}

let profileLog: ((line: string) => void) | null = null;

/**
 * Print how long each step of a recomputation takes (the app turns it on with
 * INSIGHTS_PROFILE through its configuration; benchmarks may call it directly).
 */
export function profileRollups(log: ((line: string) => void) | null): void {
  profileLog = log;
}

async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const log = profileLog;
  if (!log) return step();
  const start = performance.now();
  try {
    return await step();
  } finally {
    log(`[insights] ${label}: ${(performance.now() - start).toFixed(0)} ms`);
  }
}

export async function lockShop(tx: Tx, shopId: number): Promise<void> {
  // Two recomputations of one shop at once could interleave delete/insert; serialise them.
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${7_349_120}::int, ${shopId}::int)) AS l`;
}

/**
 * Rebuild insights_customer_day for `dates`, then re-link prev/next order days of every
 * customer who had or has an order on those dates. Returns the other days whose rows'
 * links changed (their shop-day customer figures must be recomputed too).
 */
async function recomputeCustomerDays(tx: Tx, shopId: number, dates: string[]): Promise<string[]> {
  await tx.$executeRaw`CREATE TEMP TABLE insights_affected_customer (customer_id bigint PRIMARY KEY) ON COMMIT DROP`;
  await tx.$executeRaw`
    WITH removed AS (
      DELETE FROM insights_customer_day
      WHERE shop_id = ${shopId} AND local_date = ANY(${dates}::date[])
      RETURNING customer_id
    )
    INSERT INTO insights_affected_customer SELECT DISTINCT customer_id FROM removed
    ON CONFLICT DO NOTHING`;
  // Order days (orders processed) and spending days (their sales that happened) of
  // each customer; a refund days later gives a row with orders = 0.
  await tx.$executeRaw`
    WITH ${daysCte(shopId, dates)},
    ordered AS (
      SELECT o.customer_id, days.local_date, count(*)::int AS orders, 0::numeric AS net_total
      FROM days
      JOIN "order" o ON o.shop_id = ${shopId} AND o.processed_at >= days.lo AND o.processed_at < days.hi
      WHERE o.test = false AND o.customer_id IS NOT NULL
      GROUP BY o.customer_id, days.local_date
    ),
    spent AS (
      SELECT o.customer_id, days.local_date, 0 AS orders, sum(s.total_amount) AS net_total
      FROM days
      JOIN sale s ON s.shop_id = ${shopId} AND s.happened_at >= days.lo AND s.happened_at < days.hi
      JOIN "order" o ON o.shop_id = ${shopId} AND o.id = s.order_id
      WHERE o.test = false AND o.customer_id IS NOT NULL AND ${KNOWN_ACTION} AND s.line_type IN ${TOTAL_SALES_LINES}
      GROUP BY o.customer_id, days.local_date
    ),
    inserted AS (
      INSERT INTO insights_customer_day (shop_id, customer_id, local_date, orders, net_total)
      SELECT ${shopId}, customer_id, local_date, sum(orders)::int, sum(net_total)
      FROM (SELECT * FROM ordered UNION ALL SELECT * FROM spent) AS movements
      GROUP BY customer_id, local_date
      RETURNING customer_id
    )
    INSERT INTO insights_affected_customer SELECT DISTINCT customer_id FROM inserted
    ON CONFLICT DO NOTHING`;
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

/** Month sums of the customers whose days were just rebuilt (insights_affected_customer). */
async function recomputeCustomerMonths(tx: Tx, shopId: number, months: string[]): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM insights_customer_month
    WHERE shop_id = ${shopId} AND month = ANY(${months}::date[])
      AND customer_id IN (SELECT customer_id FROM insights_affected_customer)`;
  await tx.$executeRaw`
    INSERT INTO insights_customer_month (shop_id, customer_id, month, orders, net_total, upper_bound)
    SELECT ${shopId}, cd.customer_id, date_trunc('month', cd.local_date)::date, sum(cd.orders)::int,
      sum(cd.net_total), sum(greatest(cd.net_total, 0))
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
  await tx.$executeRaw`
    INSERT INTO insights_product_month (shop_id, product_id, month, units_sold, units_refunded, net_sales)
    SELECT ${shopId}, pd.product_id, date_trunc('month', pd.local_date)::date,
      sum(pd.units_sold)::int, sum(pd.units_refunded)::int, sum(pd.net_sales)
    FROM insights_product_day pd
    WHERE pd.shop_id = ${shopId}
      AND pd.local_date >= ${months[0]}::date
      AND pd.local_date < (${months[months.length - 1]}::date + interval '1 month')
      AND date_trunc('month', pd.local_date)::date = ANY(${months}::date[])
    GROUP BY pd.product_id, date_trunc('month', pd.local_date)::date`;
}

// Each figure's sale fields and filters: docs/metrics.md.
const SALE_DAY_FIGURES = Prisma.sql`
        sum(s.total_amount - s.total_tax + s.total_discount_before_taxes)
          FILTER (WHERE s.line_type = 'PRODUCT' AND ${SOLD}) AS gross_sales,
        sum(s.total_discount_before_taxes) FILTER (WHERE s.line_type = 'PRODUCT' AND ${SOLD}) AS discounts,
        -sum(s.total_amount - s.total_tax)
          FILTER (WHERE (s.line_type = 'PRODUCT' AND s.action_type = 'RETURN') OR s.line_type = 'ADJUSTMENT') AS returns,
        sum(s.total_amount - s.total_tax) FILTER (WHERE s.line_type = 'SHIPPING') AS shipping,
        sum(s.total_tax) FILTER (WHERE s.line_type IN ${TOTAL_SALES_LINES}) AS taxes,
        sum(s.total_amount - s.total_tax) FILTER (WHERE s.line_type = 'DUTY') AS duties,
        sum(s.total_amount - s.total_tax) FILTER (WHERE s.line_type IN ('ADDITIONAL_FEE', 'FEE')) AS additional_fees,
        sum(s.total_amount) FILTER (WHERE s.line_type = 'TIP') AS tips,
        sum(s.total_amount) FILTER (WHERE s.line_type = 'GIFT_CARD') AS gift_card_sales`;

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
 * Insert shop-day rows (none may exist yet for their dates) from `sources`: CTE
 * definitions of `days` (the local dates written), `order_day` (orders per local date),
 * `sale_day` (SALE_DAY_FIGURES per local date) and `cd` (the customer-day rows with
 * orders of those dates).
 */
async function insertShopDays(tx: Tx, shopId: number, sources: Prisma.Sql): Promise<void> {
  await tx.$executeRaw`
    WITH ${sources},
    customer_day AS (
      SELECT local_date,
        count(*)::int AS customers,
        count(*) FILTER (WHERE prev_date IS NULL)::int AS new_customers,
        count(*) FILTER (WHERE prev_date IS NULL AND orders = 1 AND next_date IS NULL)::int AS once_no_next
      FROM cd GROUP BY local_date
    ),
    -- customers_by_gap[k+1] = new customers + customers whose previous order day is > k days back
    gap_hist AS (
      SELECT local_date, least(local_date - prev_date, ${MAX_GAP_DAYS}::int) AS gap, count(*)::int AS n
      FROM cd WHERE prev_date IS NOT NULL GROUP BY 1, 2
    ),
    gap_cum AS (
      SELECT m.local_date, k,
        sum(coalesce(h.n, 0)) OVER (PARTITION BY m.local_date ORDER BY k DESC) AS older
      FROM (SELECT local_date, max(gap) AS max_gap FROM gap_hist GROUP BY local_date) m
      CROSS JOIN LATERAL generate_series(0, m.max_gap - 1) AS k
      LEFT JOIN gap_hist h ON h.local_date = m.local_date AND h.gap = k + 1
    ),
    gap_arr AS (
      SELECT g.local_date, array_agg((c.new_customers + g.older)::int ORDER BY g.k) AS arr
      FROM gap_cum g JOIN customer_day c ON c.local_date = g.local_date
      GROUP BY g.local_date
    ),
    -- once_customers_by_next_gap[k+1] = once customers without a next order + those whose next order is > k days later
    next_hist AS (
      SELECT local_date, least(next_date - local_date, ${MAX_GAP_DAYS}::int) AS gap, count(*)::int AS n
      FROM cd WHERE prev_date IS NULL AND orders = 1 AND next_date IS NOT NULL GROUP BY 1, 2
    ),
    next_cum AS (
      SELECT m.local_date, k,
        sum(coalesce(h.n, 0)) OVER (PARTITION BY m.local_date ORDER BY k DESC) AS later
      FROM (SELECT local_date, max(gap) AS max_gap FROM next_hist GROUP BY local_date) m
      CROSS JOIN LATERAL generate_series(0, m.max_gap - 1) AS k
      LEFT JOIN next_hist h ON h.local_date = m.local_date AND h.gap = k + 1
    ),
    next_arr AS (
      SELECT n.local_date, array_agg((c.once_no_next + n.later)::int ORDER BY n.k) AS arr
      FROM next_cum n JOIN customer_day c ON c.local_date = n.local_date
      GROUP BY n.local_date
    )
    INSERT INTO insights_shop_day (
      shop_id, local_date, orders, gross_sales, discounts, returns, shipping, taxes, duties,
      additional_fees, tips, gift_card_sales, customers, new_customers, customers_by_gap,
      once_customers_by_next_gap, once_customers_no_next)
    SELECT ${shopId}, days.local_date,
      coalesce(od.orders, 0), coalesce(sd.gross_sales, 0), coalesce(sd.discounts, 0),
      coalesce(sd.returns, 0), coalesce(sd.shipping, 0), coalesce(sd.taxes, 0), coalesce(sd.duties, 0),
      coalesce(sd.additional_fees, 0), coalesce(sd.tips, 0), coalesce(sd.gift_card_sales, 0),
      coalesce(c.customers, 0), coalesce(c.new_customers, 0), coalesce(ga.arr, '{}'),
      coalesce(na.arr, '{}'), coalesce(c.once_no_next, 0)
    FROM days
    LEFT JOIN order_day od ON od.local_date = days.local_date
    LEFT JOIN sale_day sd ON sd.local_date = days.local_date
    LEFT JOIN customer_day c ON c.local_date = days.local_date
    LEFT JOIN gap_arr ga ON ga.local_date = days.local_date
    LEFT JOIN next_arr na ON na.local_date = days.local_date
    WHERE od.local_date IS NOT NULL OR sd.local_date IS NOT NULL OR c.local_date IS NOT NULL`;
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

/**
 * Rebuild all rollups of a shop from scratch (after a backfill, a time-zone change, or
 * to repair): every row of the shop is deleted and each table is refilled by one
 * GROUP BY pass over the shop's orders and sales, by local date — never day by day —
 * and the month tables from the day tables. Gives exactly what recomputeRollups gives
 * for every day (tests/insights-rollups.test.ts compares the two).
 */
export async function recomputeAllRollups(
  prisma: PrismaClient,
  shopId: number,
  options: { timeoutMs?: number } = {},
): Promise<{ days: number }> {
  return prisma.$transaction(
    async (tx) => {
      await lockShop(tx, shopId);
      await tx.$executeRawUnsafe(`SET LOCAL jit = off`);
      // The aggregates and the customer window sort hold every order/sale of the shop:
      // in memory they take seconds, spilled to disk in 4 MB runs several times that.
      await tx.$executeRawUnsafe(`SET LOCAL work_mem = '256MB'`);
      const [shop] = await tx.$queryRaw<{ tz: string }[]>`SELECT iana_timezone AS tz FROM shop WHERE id = ${shopId}`;
      if (!shop) return { days: 0 };
      for (const table of ROLLUP_TABLES) {
        await tx.$executeRawUnsafe(`DELETE FROM ${table} WHERE shop_id = $1`, shopId);
      }
      await timed("all customer days", () => rebuildCustomerDays(tx, shopId, shop.tz));
      await timed("all shop days", () => rebuildShopDays(tx, shopId, shop.tz));
      await timed("all product days", () => rebuildProductDays(tx, shopId, shop.tz));
      await timed("all months", () => rebuildMonths(tx, shopId));
      await timed("all cohorts", () => rebuildCohortRollups(tx, shopId));
      const [row] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM insights_shop_day WHERE shop_id = ${shopId}`;
      return { days: row?.n ?? 0 };
    },
    { timeout: options.timeoutMs ?? 10 * 60_000, maxWait: 60_000 },
  );
}

const ROLLUP_TABLES = [
  "insights_shop_day",
  "insights_customer_day",
  "insights_product_day",
  "insights_customer_month",
  "insights_product_month",
] as const;

/** Local calendar date (zone `tz`) of a UTC timestamp column: the day whose daysCte bounds hold it. */
function localDateSql(column: string, tz: string): Prisma.Sql {
  return Prisma.sql`((${Prisma.raw(column)} AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date`;
}

/**
 * Every customer day of the shop in one pass, with the prev/next order-day links from
 * window functions (rows with orders = 0 are not order days: no links, as the
 * incremental path leaves them).
 */
async function rebuildCustomerDays(tx: Tx, shopId: number, tz: string): Promise<void> {
  // One aggregation over the orders (one order each) and their sales (their amounts)
  // together: cheaper than grouping each side and then the union.
  await tx.$executeRaw`
    WITH movements AS (
      SELECT o.customer_id, ${localDateSql("o.processed_at", tz)} AS local_date, 1 AS orders, 0::numeric AS amount
      FROM "order" o
      WHERE o.shop_id = ${shopId} AND o.test = false AND o.customer_id IS NOT NULL
      UNION ALL
      SELECT o.customer_id, ${localDateSql("s.happened_at", tz)}, 0, s.total_amount
      FROM sale s
      JOIN "order" o ON o.shop_id = s.shop_id AND o.id = s.order_id
      WHERE s.shop_id = ${shopId} AND o.test = false AND o.customer_id IS NOT NULL AND ${KNOWN_ACTION}
        AND s.line_type IN ${TOTAL_SALES_LINES}
    ),
    days AS (
      SELECT customer_id, local_date, sum(orders)::int AS orders, sum(amount) AS net_total
      FROM movements
      GROUP BY customer_id, local_date
    )
    INSERT INTO insights_customer_day (shop_id, customer_id, local_date, orders, net_total, prev_date, next_date)
    SELECT ${shopId}, customer_id, local_date, orders, net_total,
      CASE WHEN orders > 0 THEN lag(local_date) OVER w END,
      CASE WHEN orders > 0 THEN lead(local_date) OVER w END
    FROM days
    WINDOW w AS (PARTITION BY customer_id, orders > 0 ORDER BY local_date)
    -- Date order, as rows arrive day by day in a live shop: range reads (Customers page,
    -- top customers' partial months) then read a few pages per day, not most of the table.
    ORDER BY local_date, customer_id`;
  // Fresh statistics: the shop-day pass below reads these rows.
  await tx.$executeRawUnsafe(`ANALYZE insights_customer_day`);
}

/**
 * Sales of the shop's non-test orders (alias s): an anti-join on the few test orders
 * (a small hash) instead of joining every order for its test flag.
 */
function liveSales(shopId: number): Prisma.Sql {
  return Prisma.sql`sale s
      WHERE s.shop_id = ${shopId} AND ${KNOWN_ACTION}
        AND NOT EXISTS (SELECT 1 FROM "order" t WHERE t.shop_id = ${shopId} AND t.id = s.order_id AND t.test)`;
}

async function rebuildShopDays(tx: Tx, shopId: number, tz: string): Promise<void> {
  await insertShopDays(
    tx,
    shopId,
    Prisma.sql`order_day AS (
      SELECT ${localDateSql("o.processed_at", tz)} AS local_date, count(*)::int AS orders
      FROM "order" o
      WHERE o.shop_id = ${shopId} AND o.test = false
      GROUP BY 1
    ),
    sale_day AS (
      SELECT ${localDateSql("s.happened_at", tz)} AS local_date, ${SALE_DAY_FIGURES}
      FROM ${liveSales(shopId)}
      GROUP BY 1
    ),
    cd AS (SELECT * FROM insights_customer_day WHERE shop_id = ${shopId} AND orders > 0),
    days AS (
      SELECT local_date FROM order_day UNION SELECT local_date FROM sale_day UNION SELECT DISTINCT local_date FROM cd
    )`,
  );
}

/** Every product day of the shop in one pass, written in (date, product) order as the range reads scan them. */
async function rebuildProductDays(tx: Tx, shopId: number, tz: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO insights_product_day (shop_id, product_id, local_date, units_sold, units_refunded, net_sales)
    SELECT ${shopId}, product_id, local_date, units_sold, units_refunded, net_sales
    FROM (
      SELECT s.product_id, ${localDateSql("s.happened_at", tz)} AS local_date,
        coalesce(sum(s.quantity) FILTER (WHERE ${SOLD}), 0)::int AS units_sold,
        coalesce(sum(abs(s.quantity)) FILTER (WHERE s.action_type = 'RETURN'), 0)::int AS units_refunded,
        sum(s.total_amount - s.total_tax) AS net_sales
      FROM ${liveSales(shopId)} AND s.line_type = 'PRODUCT' AND s.product_id IS NOT NULL
      GROUP BY 1, 2
    ) AS g
    ORDER BY local_date, product_id`;
}

/**
 * Month tables of the shop from its day tables, inserted in primary-key order: the
 * shop's rows then extend the key index page by page instead of dirtying pages all over
 * it (random-order inserts of ~1M rows evict and rewrite index pages many times).
 */
async function rebuildMonths(tx: Tx, shopId: number): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO insights_customer_month (shop_id, customer_id, month, orders, net_total, upper_bound)
    SELECT ${shopId}, cd.customer_id, date_trunc('month', cd.local_date)::date, sum(cd.orders)::int,
      sum(cd.net_total), sum(greatest(cd.net_total, 0))
    FROM insights_customer_day cd
    WHERE cd.shop_id = ${shopId}
    GROUP BY cd.customer_id, date_trunc('month', cd.local_date)::date
    ORDER BY cd.customer_id, 3`;
  await tx.$executeRaw`
    INSERT INTO insights_product_month (shop_id, product_id, month, units_sold, units_refunded, net_sales)
    SELECT ${shopId}, pd.product_id, date_trunc('month', pd.local_date)::date,
      sum(pd.units_sold)::int, sum(pd.units_refunded)::int, sum(pd.net_sales)
    FROM insights_product_day pd
    WHERE pd.shop_id = ${shopId}
    GROUP BY pd.product_id, date_trunc('month', pd.local_date)::date
    ORDER BY pd.product_id, 3`;
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
