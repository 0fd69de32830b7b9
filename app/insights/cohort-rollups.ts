// Retention rollups: each customer's first and second order, their orders and net sales
// per local month, and per cohort month the triangle (active customers and net sales per
// month offset), the days to the second order and the first-order products. Refreshed
// inside recomputeRollups' transaction: the per-customer rows of the customers a batch
// touched are recomputed from the raw tables, and the cohort tables (sums over customers)
// get each of those customers' new contribution minus their old one, read from the rows
// replaced — so a batch costs its customers, not their cohorts' size, and replaying it
// changes nothing (docs/metrics.md, Retention; docs/decisions/retention-cohorts.md).
import { Prisma } from "@prisma/client";

type Tx = Prisma.TransactionClient;

/** Same threshold as the day rollups: bigger batches get fresh planner statistics. */
const LARGE_BATCH_DAYS = 62;

/** Sales in net sales (docs/metrics.md): PRODUCT and ADJUSTMENT sales of a known action type. */
const NET_SALES = Prisma.raw(
  `s.action_type IN ('ORDER', 'RETURN', 'UPDATE') AND s.line_type IN ('PRODUCT', 'ADJUSTMENT')`,
);

/** processed_at / happened_at (UTC timestamps) → the shop's local timestamp. */
const local = (column: string) => Prisma.raw(`((${column} AT TIME ZONE 'UTC') AT TIME ZONE tz.zone)`);

/**
 * Refresh the retention rollups of the customers whose orders or sales sit on `localDates`
 * (and, inside recomputeRollups, every customer it re-derived: `insights_affected_customer`
 * holds the customers of those days before and after the batch, so customers whose only
 * order on a day was deleted or moved are refreshed too). Call it in the rollups'
 * transaction, after the customer days are rebuilt.
 */
export async function refreshCohortRollups(tx: Tx, shopId: number, localDates: readonly string[]): Promise<void> {
  const dates = [...new Set(localDates)].sort();
  if (dates.length === 0) return;
  const months = [...new Set(dates.map((d) => `${d.slice(0, 7)}-01`))];
  const large = dates.length > LARGE_BATCH_DAYS;
  // Each statement counts (a sync batch's statements are budgeted: tests/store-writes.test.ts),
  // hence the combined statements below. ON COMMIT DROP: one refresh per transaction.
  await createWorkTables(tx);
  await tx.$executeRawUnsafe(`DO $$ BEGIN
    IF to_regclass('pg_temp.insights_affected_customer') IS NOT NULL THEN
      INSERT INTO cohort_affected SELECT customer_id FROM insights_affected_customer ON CONFLICT DO NOTHING;
    END IF;
  END $$`);
  // Customers with an order processed, or a sale booked, on the dates (UTC bounds per local day).
  await tx.$executeRaw`
    WITH days AS MATERIALIZED (
      SELECT ((d::timestamp) AT TIME ZONE s.iana_timezone) AT TIME ZONE 'UTC' AS lo,
        (((d + 1)::timestamp) AT TIME ZONE s.iana_timezone) AT TIME ZONE 'UTC' AS hi
      FROM shop s CROSS JOIN unnest(${dates}::date[]) AS d WHERE s.id = ${shopId}
    )
    INSERT INTO cohort_affected
    SELECT o.customer_id FROM days
    JOIN "order" o ON o.shop_id = ${shopId} AND o.processed_at >= days.lo AND o.processed_at < days.hi
    WHERE o.customer_id IS NOT NULL
    UNION
    SELECT o.customer_id FROM days
    JOIN sale s ON s.shop_id = ${shopId} AND s.happened_at >= days.lo AND s.happened_at < days.hi
    JOIN "order" o ON o.shop_id = ${shopId} AND o.id = s.order_id
    WHERE o.customer_id IS NOT NULL
    ON CONFLICT DO NOTHING`;
  if (large) {
    // A rebuild (recomputeAllRollups) also drops customers whose orders are all gone.
    await tx.$executeRaw`
      INSERT INTO cohort_affected
      SELECT customer_id FROM insights_customer_cohort
      WHERE shop_id = ${shopId} AND cohort_month = ANY(${months}::date[])
      ON CONFLICT DO NOTHING`;
    await tx.$executeRawUnsafe(`ANALYZE cohort_affected`);
  }

  await replaceCustomers(tx, shopId);
  await applyDeltas(tx, shopId);
}

/** The refresh's work tables (one refresh per transaction: dropped at commit). */
async function createWorkTables(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(
    `CREATE TEMP TABLE IF NOT EXISTS cohort_affected (customer_id bigint PRIMARY KEY) ON COMMIT DROP`,
  );
  // Contributions to the cohort tables: kind 1 = triangle cell (key = month offset), 2 = days
  // to the second order (key = days), 3 = first-order product (key = product id).
  await tx.$executeRawUnsafe(`CREATE TEMP TABLE IF NOT EXISTS cohort_delta (
    kind smallint, cohort_month date, key bigint, n int, net numeric, w30 int, w60 int, w90 int, w180 int
  ) ON COMMIT DROP`);
}

/**
 * Rebuild the shop's retention rollups from scratch (recomputeAllRollups): every customer
 * with an order is refreshed against empty tables, so the contributions are the sums.
 */
export async function rebuildCohortRollups(tx: Tx, shopId: number): Promise<void> {
  await tx.$executeRaw`
    WITH a AS (DELETE FROM insights_customer_cohort WHERE shop_id = ${shopId}),
    b AS (DELETE FROM insights_customer_cohort_month WHERE shop_id = ${shopId}),
    c AS (DELETE FROM insights_cohort_month WHERE shop_id = ${shopId}),
    d AS (DELETE FROM insights_cohort_gap WHERE shop_id = ${shopId})
    DELETE FROM insights_cohort_product WHERE shop_id = ${shopId}`;
  await createWorkTables(tx);
  await tx.$executeRaw`
    INSERT INTO cohort_affected
    SELECT DISTINCT customer_id FROM "order" WHERE shop_id = ${shopId} AND customer_id IS NOT NULL`;
  await tx.$executeRawUnsafe(`ANALYZE cohort_affected`);
  await replaceCustomers(tx, shopId);
  await applyDeltas(tx, shopId);
}

/**
 * One customer's contribution rows (kinds 2 and 3) from customer rows `c` (first/second
 * date, first products), signed: -1 for the rows replaced, +1 for their replacements.
 */
function customerContributions(rows: string, sign: 1 | -1): Prisma.Sql {
  const c = Prisma.raw(rows);
  const within = (days: number) => Prisma.raw(`${sign} * (c.second_date - c.first_date <= ${days})::int`);
  return Prisma.sql`
    SELECT 2::smallint, c.cohort_month, (c.second_date - c.first_date)::bigint, ${sign}::int, 0::numeric, 0, 0, 0, 0
    FROM ${c} c WHERE c.second_date IS NOT NULL
    UNION ALL
    SELECT 3::smallint, c.cohort_month, p.product_id, ${sign}::int, 0::numeric,
      coalesce(${within(30)}, 0), coalesce(${within(60)}, 0), coalesce(${within(90)}, 0), coalesce(${within(180)}, 0)
    FROM ${c} c CROSS JOIN unnest(c.first_products) AS p(product_id)`;
}

/** Triangle-cell contribution rows of customer-month rows `m` whose customers' cohort rows are in the table. */
function cellContributions(shopId: number, months: string, sign: 1 | -1): Prisma.Sql {
  const m = Prisma.raw(months);
  return Prisma.sql`
    SELECT 1::smallint, c.cohort_month,
      ((extract(year FROM m.month) - extract(year FROM c.cohort_month)) * 12
        + extract(month FROM m.month) - extract(month FROM c.cohort_month))::bigint,
      ${sign} * (m.orders > 0)::int, ${sign} * m.net_sales, 0, 0, 0, 0
    FROM ${m} m
    JOIN insights_customer_cohort c ON c.shop_id = ${shopId} AND c.customer_id = m.customer_id`;
}

/** Replace the affected customers' rows, recording their old and new contributions in cohort_delta. */
async function replaceCustomers(tx: Tx, shopId: number): Promise<void> {
  // The sibling CTEs see the rows as they were before this statement: the old cohort rows
  // are still joined to the old month rows being deleted.
  await tx.$executeRaw`
    WITH removed AS (
      DELETE FROM insights_customer_cohort
      WHERE shop_id = ${shopId} AND customer_id IN (SELECT customer_id FROM cohort_affected)
      RETURNING cohort_month, first_date, second_date, first_products
    ),
    removed_months AS (
      DELETE FROM insights_customer_cohort_month
      WHERE shop_id = ${shopId} AND customer_id IN (SELECT customer_id FROM cohort_affected)
      RETURNING customer_id, month, orders, net_sales
    )
    INSERT INTO cohort_delta
    ${customerContributions("removed", -1)}
    UNION ALL
    ${cellContributions(shopId, "removed_months", -1)}`;
  // First and second order by (processed_at, id): the order Shopify lists a customer's orders in.
  await tx.$executeRaw`
    WITH tz AS (SELECT iana_timezone AS zone FROM shop WHERE id = ${shopId}),
    ranked AS (
      SELECT o.customer_id, o.id, ${local("o.processed_at")}::date AS local_date,
        row_number() OVER (PARTITION BY o.customer_id ORDER BY o.processed_at, o.id) AS n
      FROM cohort_affected a
      JOIN "order" o ON o.shop_id = ${shopId} AND o.customer_id = a.customer_id
      CROSS JOIN tz
      WHERE o.test = false
    ),
    firsts AS (
      SELECT customer_id, min(local_date) FILTER (WHERE n = 1) AS first_date,
        min(local_date) FILTER (WHERE n = 2) AS second_date, min(id) FILTER (WHERE n = 1) AS first_order_id
      FROM ranked WHERE n <= 2
      GROUP BY customer_id
    ),
    inserted AS (
      INSERT INTO insights_customer_cohort
        (shop_id, customer_id, cohort_month, first_date, second_date, first_order_id, first_products)
      SELECT ${shopId}, f.customer_id, date_trunc('month', f.first_date)::date, f.first_date, f.second_date,
        f.first_order_id,
        ARRAY(SELECT DISTINCT li.product_id FROM order_line_item li
          WHERE li.shop_id = ${shopId} AND li.order_id = f.first_order_id AND li.product_id IS NOT NULL
          ORDER BY 1)
      FROM firsts f
      RETURNING cohort_month, first_date, second_date, first_products
    )
    INSERT INTO cohort_delta ${customerContributions("inserted", 1)}`;
  // Months in their own statement: their cells join the cohort rows just written.
  await tx.$executeRaw`
    WITH tz AS (SELECT iana_timezone AS zone FROM shop WHERE id = ${shopId}),
    ordered AS (
      SELECT o.customer_id, date_trunc('month', ${local("o.processed_at")})::date AS month,
        count(*)::int AS orders, 0::numeric AS net_sales
      FROM cohort_affected a
      JOIN "order" o ON o.shop_id = ${shopId} AND o.customer_id = a.customer_id
      CROSS JOIN tz
      WHERE o.test = false
      GROUP BY 1, 2
    ),
    sold AS (
      SELECT o.customer_id, date_trunc('month', ${local("s.happened_at")})::date AS month,
        0 AS orders, sum(s.total_amount - s.total_tax) AS net_sales
      FROM cohort_affected a
      JOIN "order" o ON o.shop_id = ${shopId} AND o.customer_id = a.customer_id
      JOIN sale s ON s.shop_id = ${shopId} AND s.order_id = o.id
      CROSS JOIN tz
      WHERE o.test = false AND ${NET_SALES}
      GROUP BY 1, 2
    ),
    months AS (
      INSERT INTO insights_customer_cohort_month (shop_id, customer_id, month, orders, net_sales)
      SELECT ${shopId}, customer_id, month, sum(orders)::int, sum(net_sales)
      FROM (SELECT * FROM ordered UNION ALL SELECT * FROM sold) AS movements
      GROUP BY customer_id, month
      RETURNING customer_id, month, orders, net_sales
    )
    INSERT INTO cohort_delta ${cellContributions(shopId, "months", 1)}`;
}

/** Add the summed contributions to the cohort tables, then drop the rows left at zero. */
async function applyDeltas(tx: Tx, shopId: number): Promise<void> {
  await tx.$executeRaw`
    WITH d AS MATERIALIZED (
      SELECT kind, cohort_month, key, sum(n)::int AS n, sum(net) AS net,
        sum(w30)::int AS w30, sum(w60)::int AS w60, sum(w90)::int AS w90, sum(w180)::int AS w180
      FROM cohort_delta GROUP BY kind, cohort_month, key
      HAVING sum(n) <> 0 OR sum(net) <> 0 OR sum(w30) <> 0 OR sum(w60) <> 0 OR sum(w90) <> 0 OR sum(w180) <> 0
    ),
    cells AS (
      INSERT INTO insights_cohort_month AS t (shop_id, cohort_month, month_offset, active_customers, net_sales)
      SELECT ${shopId}, cohort_month, key::int, n, net FROM d WHERE kind = 1
      ON CONFLICT (shop_id, cohort_month, month_offset) DO UPDATE
      SET active_customers = t.active_customers + excluded.active_customers,
        net_sales = t.net_sales + excluded.net_sales
    ),
    gaps AS (
      INSERT INTO insights_cohort_gap AS t (shop_id, cohort_month, gap_days, customers)
      SELECT ${shopId}, cohort_month, key::int, n FROM d WHERE kind = 2
      ON CONFLICT (shop_id, cohort_month, gap_days) DO UPDATE SET customers = t.customers + excluded.customers
    )
    INSERT INTO insights_cohort_product AS t
      (shop_id, cohort_month, product_id, customers, within_30, within_60, within_90, within_180)
    SELECT ${shopId}, cohort_month, key, n, w30, w60, w90, w180 FROM d WHERE kind = 3
    ON CONFLICT (shop_id, cohort_month, product_id) DO UPDATE
    SET customers = t.customers + excluded.customers, within_30 = t.within_30 + excluded.within_30,
      within_60 = t.within_60 + excluded.within_60, within_90 = t.within_90 + excluded.within_90,
      within_180 = t.within_180 + excluded.within_180`;
  // A cell nobody contributes to any more (a customer's cohort moved, an order was deleted).
  await tx.$executeRaw`
    WITH touched AS MATERIALIZED (SELECT DISTINCT cohort_month FROM cohort_delta),
    cells AS (
      DELETE FROM insights_cohort_month
      WHERE shop_id = ${shopId} AND cohort_month IN (SELECT cohort_month FROM touched)
        AND active_customers = 0 AND net_sales = 0
    ),
    gaps AS (
      DELETE FROM insights_cohort_gap
      WHERE shop_id = ${shopId} AND cohort_month IN (SELECT cohort_month FROM touched) AND customers = 0
    )
    DELETE FROM insights_cohort_product
    WHERE shop_id = ${shopId} AND cohort_month IN (SELECT cohort_month FROM touched) AND customers = 0`;
}
