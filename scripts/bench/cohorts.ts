// Retention endpoints in `npm run bench:insights`: the same answers computed from the raw
// orders, sales and line items in the same run (the baseline every timing is compared
// with), fed through the endpoints' own shaping so the two answers must be identical.
import type { PrismaClient } from "@prisma/client";
import {
  cohortsFromRows,
  firstProductsFrom,
  getCohorts,
  getFirstProducts,
  getRepeatPurchase,
  parseCohortParams,
  repeatPurchaseFrom,
  type CohortMonthRow,
  type CohortRange,
  type FirstProductDbRow,
} from "../../app/insights/cohorts";
import type { InsightsShop } from "../../app/insights";

/** Every customer's first and second order (local dates) and first order id, from the raw orders. */
const FIRSTS = `
  tz AS (SELECT iana_timezone AS zone FROM shop WHERE id = $1),
  ranked AS (
    SELECT o.customer_id, o.id, ((o.processed_at AT TIME ZONE 'UTC') AT TIME ZONE tz.zone)::date AS local_date,
      row_number() OVER (PARTITION BY o.customer_id ORDER BY o.processed_at, o.id) AS n
    FROM "order" o, tz WHERE o.shop_id = $1 AND NOT o.test AND o.customer_id IS NOT NULL
  ),
  firsts AS (
    SELECT customer_id, min(local_date) FILTER (WHERE n = 1) AS first_date,
      min(local_date) FILTER (WHERE n = 2) AS second_date, min(id) FILTER (WHERE n = 1) AS first_order_id,
      date_trunc('month', min(local_date) FILTER (WHERE n = 1))::date AS cohort_month
    FROM ranked WHERE n <= 2 GROUP BY customer_id
  ),
  acquired AS (SELECT * FROM firsts WHERE cohort_month BETWEEN $2::date AND $3::date)`;

async function rawCohortRows(db: PrismaClient, shop: InsightsShop, range: CohortRange): Promise<CohortMonthRow[]> {
  return db.$queryRawUnsafe<CohortMonthRow[]>(
    `WITH ${FIRSTS},
    activity AS (
      SELECT a.customer_id, a.cohort_month,
        date_trunc('month', (o.processed_at AT TIME ZONE 'UTC') AT TIME ZONE tz.zone)::date AS month,
        1 AS orders, 0::numeric AS net
      FROM acquired a JOIN "order" o ON o.shop_id = $1 AND o.customer_id = a.customer_id, tz WHERE NOT o.test
      UNION ALL
      SELECT a.customer_id, a.cohort_month,
        date_trunc('month', (s.happened_at AT TIME ZONE 'UTC') AT TIME ZONE tz.zone)::date, 0, s.total_amount - s.total_tax
      FROM acquired a JOIN "order" o ON o.shop_id = $1 AND o.customer_id = a.customer_id
      JOIN sale s ON s.shop_id = $1 AND s.order_id = o.id, tz
      WHERE NOT o.test AND s.action_type IN ('ORDER', 'RETURN', 'UPDATE') AND s.line_type IN ('PRODUCT', 'ADJUSTMENT')
    ),
    per_customer AS (
      SELECT customer_id, cohort_month, month, sum(orders) AS orders, sum(net) AS net FROM activity GROUP BY 1, 2, 3
    )
    SELECT cohort_month::text AS cohort_month,
      ((extract(year FROM month) - extract(year FROM cohort_month)) * 12
        + extract(month FROM month) - extract(month FROM cohort_month))::int AS month_offset,
      (count(*) FILTER (WHERE orders > 0))::int AS active_customers, sum(net)::text AS net_sales
    FROM per_customer GROUP BY 1, 2 ORDER BY 1, 2`,
    shop.id,
    range.firstMonth,
    range.lastMonth,
  );
}

async function rawRepeatPurchase(db: PrismaClient, shop: InsightsShop, range: CohortRange) {
  const gaps = await db.$queryRawUnsafe<{ gap_days: number; customers: number; acquired: number }[]>(
    `WITH ${FIRSTS}
    SELECT second_date - first_date AS gap_days, count(*)::int AS customers,
      (SELECT count(*) FROM acquired)::int AS acquired
    FROM acquired GROUP BY 1 ORDER BY 1`,
    shop.id,
    range.firstMonth,
    range.lastMonth,
  );
  const acquired = gaps[0]?.acquired ?? 0;
  return repeatPurchaseFrom(
    acquired,
    gaps.filter((g) => g.gap_days !== null),
    shop,
    range,
  );
}

async function rawFirstProducts(db: PrismaClient, shop: InsightsShop, range: CohortRange) {
  const rows = await db.$queryRawUnsafe<FirstProductDbRow[]>(
    `WITH ${FIRSTS},
    products AS (
      SELECT DISTINCT a.customer_id, li.product_id, a.second_date - a.first_date AS gap
      FROM acquired a JOIN order_line_item li ON li.shop_id = $1 AND li.order_id = a.first_order_id
      WHERE li.product_id IS NOT NULL
    ),
    per_product AS (
      SELECT product_id, count(*)::int AS customers, (count(*) FILTER (WHERE gap <= 30))::int AS within_30,
        (count(*) FILTER (WHERE gap <= 60))::int AS within_60, (count(*) FILTER (WHERE gap <= 90))::int AS within_90,
        (count(*) FILTER (WHERE gap <= 180))::int AS within_180
      FROM products GROUP BY product_id ORDER BY customers DESC, product_id ASC LIMIT $4
    )
    SELECT r.product_id::text AS id, p.title, p.handle, r.customers, r.within_30, r.within_60, r.within_90, r.within_180
    FROM per_product r LEFT JOIN product p ON p.shop_id = $1 AND p.id = r.product_id
    ORDER BY r.customers DESC, r.product_id ASC`,
    shop.id,
    range.firstMonth,
    range.lastMonth,
    range.limit,
  );
  return firstProductsFrom(rows, shop, range);
}

/** The three retention endpoints over the 12 cohort months ending at `to`, rollups vs raw. */
export function cohortBenchCases(db: PrismaClient, shop: InsightsShop, to: string, now: Date) {
  const parsed = parseCohortParams(new URLSearchParams({ to }), { timeZone: shop.ianaTimezone, now });
  if (!parsed.ok) throw new Error(parsed.error);
  const range = parsed.value;
  return [
    {
      name: "cohorts (12 months)",
      insights: () => getCohorts(db, shop, range),
      raw: async () => cohortsFromRows(await rawCohortRows(db, shop, range), shop, range),
    },
    {
      name: "repeat-purchase (12 months)",
      insights: () => getRepeatPurchase(db, shop, range),
      raw: () => rawRepeatPurchase(db, shop, range),
    },
    {
      name: "first-product (12 months, 20)",
      insights: () => getFirstProducts(db, shop, range),
      raw: () => rawFirstProducts(db, shop, range),
    },
  ];
}
