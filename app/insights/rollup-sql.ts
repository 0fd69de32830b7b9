// What the incremental refresh (rollups.ts, cohort-rollups.ts) and the full rebuild
// (rollup-rebuild.ts) share: the sale filters of every figure (docs/metrics.md), local
// dates in SQL, the customer-day statements, the shop-day insert, the shop's rollup lock
// and the step timings.
import { Prisma } from "@prisma/client";

export type Tx = Prisma.TransactionClient;

/** Gaps longer than the longest queryable range behave alike; capping bounds array size. */
export const MAX_GAP_DAYS = 1827;

// Sales of an action or line type Shopify adds later (UNKNOWN) count nowhere until they are defined.
/** Line types whose sales make up total sales (tips and gift cards are reported apart). */
export const TOTAL_SALES_LINES = Prisma.raw(`('PRODUCT', 'ADJUSTMENT', 'SHIPPING', 'DUTY', 'ADDITIONAL_FEE', 'FEE')`);
export const KNOWN_ACTION = Prisma.raw(`s.action_type IN ('ORDER', 'RETURN', 'UPDATE')`);
export const SOLD = Prisma.raw(`s.action_type IN ('ORDER', 'UPDATE')`);
/** Line types of net sales (retention): PRODUCT and ADJUSTMENT. */
export const NET_SALES_LINES = Prisma.raw(`('PRODUCT', 'ADJUSTMENT')`);

/** `days` CTE: each local date with its UTC [lo, hi) bounds (processed_at etc. are UTC timestamps). */
// MATERIALIZED: lo/hi computed once per day, so the planner probes the processed_at
// index per day instead of evaluating AT TIME ZONE for every (order, day) pair.
export function daysCte(shopId: number, dates: readonly string[]): Prisma.Sql {
  return Prisma.sql`days AS MATERIALIZED (
    SELECT d AS local_date,
      ((d::timestamp) AT TIME ZONE s.iana_timezone) AT TIME ZONE 'UTC' AS lo,
      (((d + 1)::timestamp) AT TIME ZONE s.iana_timezone) AT TIME ZONE 'UTC' AS hi
    FROM shop s CROSS JOIN unnest(${dates}::date[]) AS d
    WHERE s.id = ${shopId}
  )`;
}

/** Local calendar date (zone `tz`) of a UTC timestamp column: the day whose daysCte bounds hold it. */
export function localDateSql(column: string, tz: string): Prisma.Sql {
  return Prisma.sql`((${Prisma.raw(column)} AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date`;
}

/**
 * Refill insights_customer_day's rows of `dates` (deleted before): per customer and day
 * the orders processed, the total sales of their sales that happened (a refund days
 * later gives a row with orders = 0) and the net sales for retention (null when the day
 * has neither an order nor a net-sales sale: no retention day), each customer written
 * also into the work table `affected` (customer_id primary key).
 */
export function refillCustomerDaysSql(shopId: number, dates: readonly string[], affected: string): Prisma.Sql {
  return Prisma.sql`
    WITH ${daysCte(shopId, dates)},
    ordered AS (
      SELECT o.customer_id, days.local_date, count(*)::int AS orders, 0::numeric AS total, 0::numeric AS net,
        true AS retention
      FROM days
      JOIN "order" o ON o.shop_id = ${shopId} AND o.processed_at >= days.lo AND o.processed_at < days.hi
      WHERE o.test = false AND o.customer_id IS NOT NULL
      GROUP BY o.customer_id, days.local_date
    ),
    spent AS (
      SELECT o.customer_id, days.local_date, 0 AS orders, sum(s.total_amount) AS total,
        coalesce(sum(s.total_amount - s.total_tax) FILTER (WHERE s.line_type IN ${NET_SALES_LINES}), 0) AS net,
        bool_or(s.line_type IN ${NET_SALES_LINES}) AS retention
      FROM days
      JOIN sale s ON s.shop_id = ${shopId} AND s.happened_at >= days.lo AND s.happened_at < days.hi
      JOIN "order" o ON o.shop_id = ${shopId} AND o.id = s.order_id
      WHERE o.test = false AND o.customer_id IS NOT NULL AND ${KNOWN_ACTION} AND s.line_type IN ${TOTAL_SALES_LINES}
      GROUP BY o.customer_id, days.local_date
    ),
    inserted AS (
      INSERT INTO insights_customer_day (shop_id, customer_id, local_date, orders, net_total, net_sales)
      SELECT ${shopId}, customer_id, local_date, sum(orders)::int, sum(total),
        CASE WHEN bool_or(retention) THEN sum(net) END
      FROM (SELECT * FROM ordered UNION ALL SELECT * FROM spent) AS movements
      GROUP BY customer_id, local_date
      RETURNING customer_id
    )
    INSERT INTO ${Prisma.raw(affected)} SELECT DISTINCT customer_id FROM inserted
    ON CONFLICT DO NOTHING`;
}

/**
 * The full rebuilds' one pass over the shop's orders and sales by customer and local day:
 * work tables (dropped at commit, unlogged, unindexed) that every customer table of
 * the rebuild is then filled from, instead of each reading the orders and sales again.
 * `rebuild_customer_day`: per customer x local day the orders processed, total sales
 * (net_total) and net sales (net_sales of insights_customer_day), in_cohort when the day
 * has an order or a net-sales sale (a retention day: net_sales not null).
 * `rebuild_customer_month`: the same by local month, net_sales summed over the retention
 * days only (null without one: insights_customer_month.net_sales).
 */
export async function stageCustomerDays(tx: Tx, shopId: number, tz: string): Promise<void> {
  await tx.$executeRawUnsafe(`DO $$ BEGIN
    DROP TABLE IF EXISTS pg_temp.rebuild_customer_day;
    DROP TABLE IF EXISTS pg_temp.rebuild_customer_month;
    CREATE TEMP TABLE rebuild_customer_day (
      customer_id bigint, local_date date, orders int, net_total numeric, net_sales numeric, in_cohort boolean
    ) ON COMMIT DROP;
    CREATE TEMP TABLE rebuild_customer_month (
      customer_id bigint, month date, orders int, net_total numeric, upper_bound numeric, net_sales numeric
    ) ON COMMIT DROP;
  END $$`);
  // One aggregation over the orders (one order each) and their sales (their amounts)
  // together: cheaper than grouping each side and then the union.
  await tx.$executeRaw`
    INSERT INTO rebuild_customer_day (customer_id, local_date, orders, net_total, net_sales, in_cohort)
    SELECT customer_id, local_date, sum(orders)::int, sum(total), sum(net), bool_or(in_cohort)
    FROM (
      SELECT o.customer_id, ${localDateSql("o.processed_at", tz)} AS local_date, 1 AS orders,
        0::numeric AS total, 0::numeric AS net, true AS in_cohort
      FROM "order" o
      WHERE o.shop_id = ${shopId} AND o.test = false AND o.customer_id IS NOT NULL
      UNION ALL
      SELECT o.customer_id, ${localDateSql("s.happened_at", tz)}, 0, s.total_amount,
        CASE WHEN s.line_type IN ${NET_SALES_LINES} THEN s.total_amount - s.total_tax ELSE 0 END,
        s.line_type IN ${NET_SALES_LINES}
      FROM sale s
      JOIN "order" o ON o.shop_id = s.shop_id AND o.id = s.order_id
      WHERE s.shop_id = ${shopId} AND o.test = false AND o.customer_id IS NOT NULL AND ${KNOWN_ACTION}
        AND s.line_type IN ${TOTAL_SALES_LINES}
    ) AS movements
    GROUP BY customer_id, local_date`;
  await tx.$executeRaw`
    INSERT INTO rebuild_customer_month
    SELECT customer_id, date_trunc('month', local_date)::date, sum(orders)::int, sum(net_total),
      sum(greatest(net_total, 0)), sum(net_sales) FILTER (WHERE in_cohort)
    FROM rebuild_customer_day
    GROUP BY customer_id, date_trunc('month', local_date)::date`;
  await tx.$executeRawUnsafe(`DO $$ BEGIN ANALYZE rebuild_customer_day; ANALYZE rebuild_customer_month; END $$`);
}

// Each figure's sale fields and filters: docs/metrics.md.
export const SALE_DAY_FIGURES = Prisma.sql`
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

/**
 * Insert shop-day rows (none may exist yet for their dates) from `sources`: CTE
 * definitions of `days` (the local dates written), `order_day` (orders per local date),
 * `sale_day` (SALE_DAY_FIGURES per local date) and `cd` (the customer-day rows with
 * orders of those dates).
 */
export async function insertShopDays(tx: Tx, shopId: number, sources: Prisma.Sql): Promise<void> {
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
    ${gapArrayCtes("gap", Prisma.sql`local_date - prev_date`, Prisma.sql`prev_date IS NOT NULL`, Prisma.raw("new_customers"))},
    -- once_customers_by_next_gap[k+1] = once customers without a next order + those whose next order is > k days later
    ${gapArrayCtes(
      "next",
      Prisma.sql`next_date - local_date`,
      Prisma.sql`prev_date IS NULL AND orders = 1 AND next_date IS NOT NULL`,
      Prisma.raw("once_no_next"),
    )}
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
 * `<name>_hist`, `<name>_steps` and `<name>_arr` CTEs: per local date the array whose
 * element k+1 is `base` (a customer_day column) plus the `cd` rows matching `rows` whose
 * `gap` (days, capped at MAX_GAP_DAYS) is more than k, up to that date's largest gap:
 * the customers_by_gap and once_customers_by_next_gap arrays. The array is a step
 * function of k: between two adjacent gaps of the histogram it is constant (base plus
 * the rows with the larger gap or more), so each histogram row contributes one run of
 * equal elements (array_fill), joined in gap order — no row per element to sort.
 */
function gapArrayCtes(name: "gap" | "next", gap: Prisma.Sql, rows: Prisma.Sql, base: Prisma.Sql): Prisma.Sql {
  const hist = Prisma.raw(`${name}_hist`);
  const steps = Prisma.raw(`${name}_steps`);
  const arr = Prisma.raw(`${name}_arr`);
  return Prisma.sql`${hist} AS (
      SELECT local_date, least(${gap}, ${MAX_GAP_DAYS}::int) AS gap, count(*)::int AS n
      FROM cd WHERE ${rows} GROUP BY 1, 2
    ),
    ${steps} AS (
      SELECT local_date, gap,
        sum(n) OVER w AS at_least,
        lead(gap, 1, 0) OVER w AS below
      FROM ${hist}
      WINDOW w AS (PARTITION BY local_date ORDER BY gap DESC)
    ),
    ${arr} AS (
      SELECT g.local_date,
        ('{' || string_agg(array_to_string(array_fill((c.${base} + g.at_least)::int, ARRAY[g.gap - g.below]), ','), ','
          ORDER BY g.gap) || '}')::int[] AS arr
      FROM ${steps} g JOIN customer_day c ON c.local_date = g.local_date
      GROUP BY g.local_date
    )`;
}

/**
 * Month sums of every product in `months` (none may exist yet), from the product days;
 * null: every month of the shop, inserted in primary-key order (rollup-rebuild.ts).
 */
export function insertProductMonthsSql(shopId: number, months: readonly string[] | null): Prisma.Sql {
  const which = months
    ? Prisma.sql`AND pd.local_date >= ${months[0]}::date
      AND pd.local_date < (${months[months.length - 1]}::date + interval '1 month')
      AND date_trunc('month', pd.local_date)::date = ANY(${months}::date[])`
    : Prisma.empty;
  return Prisma.sql`
    INSERT INTO insights_product_month (shop_id, product_id, month, units_sold, units_refunded, net_sales)
    SELECT ${shopId}, pd.product_id, date_trunc('month', pd.local_date)::date,
      sum(pd.units_sold)::int, sum(pd.units_refunded)::int, sum(pd.net_sales)
    FROM insights_product_day pd
    WHERE pd.shop_id = ${shopId} ${which}
    GROUP BY pd.product_id, date_trunc('month', pd.local_date)::date
    ${months ? Prisma.empty : Prisma.sql`ORDER BY pd.product_id, 3`}`;
}

export async function lockShop(tx: Tx, shopId: number): Promise<void> {
  // Two recomputations of one shop at once could interleave delete/insert; serialise them.
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${7_349_120}::int, ${shopId}::int)) AS l`;
}

let profileLog: ((line: string) => void) | null = null;

/**
 * Print how long each step of a recomputation takes (the app turns it on with
 * INSIGHTS_PROFILE through its configuration; benchmarks may call it directly).
 */
export function profileRollups(log: ((line: string) => void) | null): void {
  profileLog = log;
}

export async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const log = profileLog;
  if (!log) return step();
  const start = performance.now();
  try {
    return await step();
  } finally {
    log(`[insights] ${label}: ${(performance.now() - start).toFixed(0)} ms`);
  }
}
