// Retention rollups: each customer's first and second order, their orders and net sales
// per local month, and per cohort month the triangle (active customers and net sales per
// month offset), the days to the second order and the first-order products. Refreshed
// inside recomputeRollups' transaction for the customers a batch touched, then every
// cohort month those customers were or are in is re-aggregated from the per-customer
// rows — recomputed, never incremented, like the other rollups (docs/metrics.md,
// Retention; docs/decisions/retention-cohorts.md).
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
  await tx.$executeRawUnsafe(
    `CREATE TEMP TABLE IF NOT EXISTS cohort_affected (customer_id bigint PRIMARY KEY) ON COMMIT DROP`,
  );
  await tx.$executeRawUnsafe(
    `CREATE TEMP TABLE IF NOT EXISTS cohort_touched (cohort_month date PRIMARY KEY) ON COMMIT DROP`,
  );
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

  await refreshCustomers(tx, shopId);
  await refreshCohorts(tx, shopId);
}

/** Per-customer rows of the affected customers; collects their old and new cohort months. */
async function refreshCustomers(tx: Tx, shopId: number): Promise<void> {
  await tx.$executeRaw`
    WITH removed AS (
      DELETE FROM insights_customer_cohort
      WHERE shop_id = ${shopId} AND customer_id IN (SELECT customer_id FROM cohort_affected)
      RETURNING cohort_month
    ),
    removed_months AS (
      DELETE FROM insights_customer_cohort_month
      WHERE shop_id = ${shopId} AND customer_id IN (SELECT customer_id FROM cohort_affected)
    )
    INSERT INTO cohort_touched SELECT DISTINCT cohort_month FROM removed ON CONFLICT DO NOTHING`;
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
    ),
    inserted AS (
      INSERT INTO insights_customer_cohort (shop_id, customer_id, cohort_month, first_date, second_date, first_order_id)
      SELECT ${shopId}, customer_id,
        date_trunc('month', min(local_date) FILTER (WHERE n = 1))::date,
        min(local_date) FILTER (WHERE n = 1),
        min(local_date) FILTER (WHERE n = 2),
        min(id) FILTER (WHERE n = 1)
      FROM ranked WHERE n <= 2
      GROUP BY customer_id
      RETURNING cohort_month
    )
    INSERT INTO cohort_touched SELECT DISTINCT cohort_month FROM inserted ON CONFLICT DO NOTHING`;
}

/** Re-aggregate every touched cohort month from the per-customer rows (insights_customer_cohort*). */
async function refreshCohorts(tx: Tx, shopId: number): Promise<void> {
  await tx.$executeRaw`
    WITH months AS (
      DELETE FROM insights_cohort_month
      WHERE shop_id = ${shopId} AND cohort_month IN (SELECT cohort_month FROM cohort_touched)
    ),
    gaps AS (
      DELETE FROM insights_cohort_gap
      WHERE shop_id = ${shopId} AND cohort_month IN (SELECT cohort_month FROM cohort_touched)
    )
    DELETE FROM insights_cohort_product
    WHERE shop_id = ${shopId} AND cohort_month IN (SELECT cohort_month FROM cohort_touched)`;
  await tx.$executeRaw`
    WITH members AS MATERIALIZED (
      SELECT c.* FROM cohort_touched t
      JOIN insights_customer_cohort c ON c.shop_id = ${shopId} AND c.cohort_month = t.cohort_month
    ),
    months AS (
      INSERT INTO insights_cohort_month (shop_id, cohort_month, month_offset, active_customers, net_sales)
      SELECT ${shopId}, c.cohort_month,
        ((extract(year FROM m.month) - extract(year FROM c.cohort_month)) * 12
          + extract(month FROM m.month) - extract(month FROM c.cohort_month))::int AS month_offset,
        count(*) FILTER (WHERE m.orders > 0)::int, sum(m.net_sales)
      FROM members c
      JOIN insights_customer_cohort_month m ON m.shop_id = ${shopId} AND m.customer_id = c.customer_id
      GROUP BY c.cohort_month, month_offset
    ),
    gaps AS (
      INSERT INTO insights_cohort_gap (shop_id, cohort_month, gap_days, customers)
      SELECT ${shopId}, c.cohort_month, c.second_date - c.first_date AS gap_days, count(*)::int
      FROM members c
      WHERE c.second_date IS NOT NULL
      GROUP BY c.cohort_month, gap_days
    )
    -- Each product once per customer, however many lines of it the first order has.
    INSERT INTO insights_cohort_product
      (shop_id, cohort_month, product_id, customers, within_30, within_60, within_90, within_180)
    SELECT ${shopId}, c.cohort_month, p.product_id, count(*)::int,
      count(*) FILTER (WHERE c.second_date - c.first_date <= 30)::int,
      count(*) FILTER (WHERE c.second_date - c.first_date <= 60)::int,
      count(*) FILTER (WHERE c.second_date - c.first_date <= 90)::int,
      count(*) FILTER (WHERE c.second_date - c.first_date <= 180)::int
    FROM members c
    CROSS JOIN LATERAL (
      SELECT DISTINCT li.product_id FROM order_line_item li
      WHERE li.shop_id = ${shopId} AND li.order_id = c.first_order_id AND li.product_id IS NOT NULL
    ) p
    GROUP BY c.cohort_month, p.product_id`;
}
