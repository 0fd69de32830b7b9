// Read side: every dashboard answer from the rollup tables (never the raw orders), so
// a 365-day range reads at most ~365 shop-day rows (plus customer/product days for the
// top lists). Definitions: docs/metrics.md. Money leaves here as rounded strings.
import { Prisma, type PrismaClient } from "@prisma/client";
import { addDays, previousRange, wholeMonthsWithin, type Granularity } from "./dates";
import { Decimal, averageMoney, currencyMinorUnits, roundMoney, roundRate, toDecimal } from "./money";
import type { RangeParams } from "./params";
import { anyMonthDeeperThan, spendCandidateCtes, spendThreshold } from "./top-spend";

export type InsightsDb = Pick<PrismaClient, "$queryRaw">;

/** The tenant as the insights functions need it. */
export interface InsightsShop {
  id: number;
  domain: string;
  currencyCode: string;
  ianaTimezone: string;
}

export interface SummaryTotals {
  orders: number;
  grossSales: string;
  discounts: string;
  returns: string;
  netSales: string;
  shipping: string;
  duties: string;
  additionalFees: string;
  taxes: string;
  totalSales: string;
  tips: string;
  giftCardSales: string;
  averageOrderValue: string;
  customers: number;
  newCustomers: number;
  returningCustomerRate: number;
}

export interface Summary {
  shop: string;
  currency: string;
  timezone: string;
  from: string;
  to: string;
  totals: SummaryTotals;
  previous: SummaryTotals & { from: string; to: string };
}

const MONEY_COLUMNS = [
  "gross_sales",
  "discounts",
  "returns",
  "shipping",
  "taxes",
  "duties",
  "additional_fees",
  "tips",
  "gift_card_sales",
] as const;
type MoneyColumn = (typeof MONEY_COLUMNS)[number];

type TotalsRow = Record<MoneyColumn, string> & {
  orders: number;
  customers: number;
  new_customers: number;
  once_customers: number;
};

/** Exact money components of a period, before rounding (docs/metrics.md). */
interface Components {
  orders: number;
  gross: Decimal;
  discounts: Decimal;
  returns: Decimal;
  shipping: Decimal;
  taxes: Decimal;
  duties: Decimal;
  additionalFees: Decimal;
  tips: Decimal;
  giftCardSales: Decimal;
}

function components(row: Pick<TotalsRow, MoneyColumn | "orders">): Components {
  return {
    orders: Number(row.orders),
    gross: toDecimal(row.gross_sales),
    discounts: toDecimal(row.discounts),
    returns: toDecimal(row.returns),
    shipping: toDecimal(row.shipping),
    taxes: toDecimal(row.taxes),
    duties: toDecimal(row.duties),
    additionalFees: toDecimal(row.additional_fees),
    tips: toDecimal(row.tips),
    giftCardSales: toDecimal(row.gift_card_sales),
  };
}

const netSalesOf = (c: Components) => c.gross.minus(c.discounts).minus(c.returns);
const totalSalesOf = (c: Components) =>
  netSalesOf(c).plus(c.shipping).plus(c.duties).plus(c.additionalFees).plus(c.taxes);

/** `coalesce(sum(d.<column>), 0)::text AS <column>` for every money column. */
const moneySums = Prisma.raw(MONEY_COLUMNS.map((c) => `coalesce(sum(d.${c}), 0)::text AS ${c}`).join(",\n      "));

/** Totals of several periods in one round trip (summary: the range and the one before). */
async function periodTotals(db: InsightsDb, shop: InsightsShop, ranges: RangeParams[]): Promise<SummaryTotals[]> {
  const froms = ranges.map((r) => r.from);
  const tos = ranges.map((r) => r.to);
  const rows = await db.$queryRaw<(TotalsRow & { period: number })[]>`
    WITH periods AS (
      SELECT (ordinality - 1)::int AS period, f AS from_date, t AS to_date
      FROM unnest(${froms}::date[], ${tos}::date[]) WITH ORDINALITY AS p(f, t)
    )
    SELECT p.period,
      coalesce(sum(d.orders), 0)::int AS orders,
      ${moneySums},
      -- each customer counted once: on their first order day inside the range
      coalesce(sum(coalesce(d.customers_by_gap[(d.local_date - p.from_date) + 1], d.new_customers)), 0)::int AS customers,
      coalesce(sum(d.new_customers), 0)::int AS new_customers,
      -- new customers whose only order on or before the range end is their first one
      coalesce(sum(coalesce(d.once_customers_by_next_gap[(p.to_date - d.local_date) + 1], d.once_customers_no_next)), 0)::int AS once_customers
    FROM periods p
    LEFT JOIN insights_shop_day d ON d.shop_id = ${shop.id} AND d.local_date BETWEEN p.from_date AND p.to_date
    GROUP BY p.period`;
  const byPeriod = new Map(rows.map((row) => [Number(row.period), row]));
  return ranges.map((_, index) => totalsOf(byPeriod.get(index)!, shop.currencyCode));
}

function totalsOf(row: TotalsRow, currency: string): SummaryTotals {
  const c = components(row);
  const customers = Number(row.customers);
  return {
    orders: c.orders,
    grossSales: roundMoney(c.gross, currency),
    discounts: roundMoney(c.discounts, currency),
    returns: roundMoney(c.returns, currency),
    netSales: roundMoney(netSalesOf(c), currency),
    shipping: roundMoney(c.shipping, currency),
    duties: roundMoney(c.duties, currency),
    additionalFees: roundMoney(c.additionalFees, currency),
    taxes: roundMoney(c.taxes, currency),
    totalSales: roundMoney(totalSalesOf(c), currency),
    tips: roundMoney(c.tips, currency),
    giftCardSales: roundMoney(c.giftCardSales, currency),
    averageOrderValue: averageMoney(c.gross.minus(c.discounts), c.orders, currency),
    customers,
    newCustomers: Number(row.new_customers),
    returningCustomerRate: roundRate(customers - Number(row.once_customers), customers),
  };
}

/** Summary of from..to and of the period of equal length just before it. */
export async function getSummary(db: InsightsDb, shop: InsightsShop, range: RangeParams): Promise<Summary> {
  const prev = previousRange(range.from, range.to);
  const [totals, previous] = await periodTotals(db, shop, [range, prev]);
  return {
    shop: shop.domain,
    currency: shop.currencyCode,
    timezone: shop.ianaTimezone,
    from: range.from,
    to: range.to,
    totals,
    previous: { ...previous, from: prev.from, to: prev.to },
  };
}

interface BucketRow {
  date: string;
  orders: number;
  net_sales: string;
  total_sales: string;
  average_order_value: string;
  new_customers: number;
}

/**
 * Every bucket overlapping the range (zero-filled by generate_series), with final
 * values computed and rounded in SQL: PostgreSQL's round(numeric, n) rounds half away
 * from zero, like roundMoney, and doing it there keeps a 365-point series cheap.
 */
async function bucketRows(
  db: InsightsDb,
  shop: InsightsShop,
  range: RangeParams,
  granularity: Granularity,
): Promise<BucketRow[]> {
  const unit = Prisma.raw(`'${granularity}'`); // from a closed enum, never user text
  const step = Prisma.raw(`'1 ${granularity}'`);
  const digits = currencyMinorUnits(shop.currencyCode);
  return db.$queryRaw<BucketRow[]>`
    WITH buckets AS (
      SELECT b::date AS bucket
      FROM generate_series(date_trunc(${unit}, ${range.from}::date::timestamp), ${range.to}::date::timestamp, ${step}::interval) AS b
    ),
    sums AS (
      SELECT date_trunc(${unit}, local_date::timestamp)::date AS bucket,
        sum(orders) AS orders,
        sum(gross_sales) - sum(discounts) AS after_discounts,
        sum(gross_sales) - sum(discounts) - sum(returns) AS net_sales,
        sum(shipping) + sum(duties) + sum(additional_fees) + sum(taxes) AS charges, -- shipping, duties, additional fees and taxes
        sum(new_customers) AS new_customers
      FROM insights_shop_day
      WHERE shop_id = ${shop.id} AND local_date BETWEEN ${range.from}::date AND ${range.to}::date
      GROUP BY 1
    )
    SELECT b.bucket::text AS date,
      coalesce(s.orders, 0)::int AS orders,
      round(coalesce(s.net_sales, 0), ${digits}::int)::text AS net_sales,
      round(coalesce(s.net_sales + s.charges, 0), ${digits}::int)::text AS total_sales,
      round(CASE WHEN coalesce(s.orders, 0) = 0 THEN 0 ELSE s.after_discounts / s.orders END, ${digits}::int)::text AS average_order_value,
      coalesce(s.new_customers, 0)::int AS new_customers
    FROM buckets b LEFT JOIN sums s ON s.bucket = b.bucket
    ORDER BY b.bucket`;
}

export interface SeriesResponse<Point> {
  from: string;
  to: string;
  granularity: Granularity;
  series: Point[];
}

export interface OrdersPoint {
  date: string;
  orders: number;
  totalSales: string;
  netSales: string;
}

export async function getOrdersByDate(
  db: InsightsDb,
  shop: InsightsShop,
  params: RangeParams & { granularity: Granularity },
): Promise<SeriesResponse<OrdersPoint>> {
  const buckets = await bucketRows(db, shop, params, params.granularity);
  return {
    from: params.from,
    to: params.to,
    granularity: params.granularity,
    series: buckets.map((b) => ({ date: b.date, orders: b.orders, totalSales: b.total_sales, netSales: b.net_sales })),
  };
}

export interface NewCustomersPoint {
  date: string;
  newCustomers: number;
}

export async function getNewCustomersByDate(
  db: InsightsDb,
  shop: InsightsShop,
  params: RangeParams & { granularity: Granularity },
): Promise<SeriesResponse<NewCustomersPoint>> {
  const buckets = await bucketRows(db, shop, params, params.granularity);
  return {
    from: params.from,
    to: params.to,
    granularity: params.granularity,
    series: buckets.map((b) => ({ date: b.date, newCustomers: b.new_customers })),
  };
}

export interface AverageOrderValuePoint {
  date: string;
  averageOrderValue: string;
  orders: number;
}

export async function getAverageOrderValueByDate(
  db: InsightsDb,
  shop: InsightsShop,
  params: RangeParams & { granularity: Granularity },
): Promise<SeriesResponse<AverageOrderValuePoint>> {
  const buckets = await bucketRows(db, shop, params, params.granularity);
  return {
    from: params.from,
    to: params.to,
    granularity: params.granularity,
    series: buckets.map((b) => ({ date: b.date, averageOrderValue: b.average_order_value, orders: b.orders })),
  };
}

export interface TopCustomer {
  id: string;
  name: string | null;
  email: string | null;
  orders: number;
  totalSpent: string;
}

interface RankedCustomer {
  customer_id: string;
  orders: number;
  total: string;
  name: string | null;
  email: string | null;
  threshold: string;
}

/** Deepest per-month candidate list tried before aggregating every customer. */
const MAX_CANDIDATE_DEPTH = 6400;

/**
 * Exact top customers without aggregating every customer of a long range: the threshold
 * algorithm of top-spend.ts, one statement per attempt. Otherwise deepen; as a last
 * resort aggregate everyone.
 */
async function rankTopCustomers(
  db: InsightsDb,
  shop: InsightsShop,
  params: RangeParams & { limit: number },
): Promise<RankedCustomer[]> {
  for (let depth = Math.max(20, params.limit * 4); depth <= MAX_CANDIDATE_DEPTH; depth *= 4) {
    const rows = await db.$queryRaw<RankedCustomer[]>`
      WITH ${spendCandidateCtes(shop.id, params, depth)},
      ranked AS (
        SELECT customer_id, sum(orders)::int AS orders, sum(net_total) AS total
        FROM parts GROUP BY customer_id
        ORDER BY total DESC, customer_id ASC
        LIMIT ${params.limit}
      )
      SELECT r.customer_id::text AS customer_id, r.orders, r.total::text AS total,
        nullif(concat_ws(' ', c.first_name, c.last_name), '') AS name, c.email,
        ${spendThreshold(depth)}::text AS threshold
      FROM ranked r
      LEFT JOIN customer c ON c.shop_id = ${shop.id} AND c.id = r.customer_id
      ORDER BY r.total DESC, r.customer_id ASC`;
    if (rows.length === 0) {
      if (!(await anyMonthDeeperThan(db, shop.id, params, depth))) return [];
      continue;
    }
    const threshold = toDecimal(rows[0]!.threshold);
    const last = rows[rows.length - 1]!;
    if (rows.length === params.limit && toDecimal(last.total).greaterThan(threshold)) return rows;
    if (threshold.isZero() && !(await anyMonthDeeperThan(db, shop.id, params, depth))) return rows; // everyone was a candidate
  }
  return db.$queryRaw<RankedCustomer[]>`
    WITH ranked AS (
      SELECT customer_id, sum(orders)::int AS orders, sum(net_total) AS total
      FROM insights_customer_day
      WHERE shop_id = ${shop.id} AND local_date BETWEEN ${params.from}::date AND ${params.to}::date
      GROUP BY customer_id
      ORDER BY total DESC, customer_id ASC
      LIMIT ${params.limit}
    )
    SELECT r.customer_id::text AS customer_id, r.orders, r.total::text AS total,
      nullif(concat_ws(' ', c.first_name, c.last_name), '') AS name, c.email, '0' AS threshold
    FROM ranked r
    LEFT JOIN customer c ON c.shop_id = ${shop.id} AND c.id = r.customer_id
    ORDER BY r.total DESC, r.customer_id ASC`;
}

/** Customers ranked by the total sales of their orders' sales in range (docs/metrics.md), ties by id. */
export async function getTopCustomers(
  db: InsightsDb,
  shop: InsightsShop,
  params: RangeParams & { limit: number },
): Promise<{ customers: TopCustomer[] }> {
  const ranked = await rankTopCustomers(db, shop, params);
  return {
    customers: ranked.map((r) => ({
      id: r.customer_id,
      name: r.name,
      email: r.email,
      orders: Number(r.orders),
      totalSpent: roundMoney(toDecimal(r.total), shop.currencyCode),
    })),
  };
}

export interface TopProduct {
  id: string;
  title: string | null;
  unitsSold: number;
  netSales: string;
}

/** Products ranked by net sales of their sales in range (returns taken off), ties by id. */
export async function getTopProducts(
  db: InsightsDb,
  shop: InsightsShop,
  params: RangeParams & { limit: number },
): Promise<{ products: TopProduct[] }> {
  // Whole months from the month rollup, the partial months at either end from days.
  const whole = wholeMonthsWithin(params.from, params.to) ?? { start: addDays(params.to, 1), end: params.to };
  const rows = await db.$queryRaw<{ id: string; title: string | null; units: number; net: string }[]>`
    WITH movements AS (
      SELECT product_id, units_sold - units_refunded AS units, net_sales
      FROM insights_product_month
      WHERE shop_id = ${shop.id} AND month >= ${whole.start}::date AND month <= ${whole.end}::date
      UNION ALL
      SELECT product_id, units_sold - units_refunded, net_sales
      FROM insights_product_day
      WHERE shop_id = ${shop.id} AND local_date >= ${params.from}::date AND local_date < ${whole.start}::date
      UNION ALL
      SELECT product_id, units_sold - units_refunded, net_sales
      FROM insights_product_day
      WHERE shop_id = ${shop.id} AND local_date > ${whole.end}::date AND local_date <= ${params.to}::date
    ),
    ranked AS (
      SELECT product_id, sum(units)::int AS units, sum(net_sales) AS net
      FROM movements
      GROUP BY product_id
      ORDER BY net DESC, product_id ASC
      LIMIT ${params.limit}
    )
    SELECT r.product_id::text AS id,
      coalesce(p.title, (SELECT li.title FROM order_line_item li
                         WHERE li.shop_id = ${shop.id} AND li.product_id = r.product_id AND li.title IS NOT NULL
                         LIMIT 1)) AS title,
      r.units, r.net::text AS net
    FROM ranked r
    LEFT JOIN product p ON p.shop_id = ${shop.id} AND p.id = r.product_id
    ORDER BY r.net DESC, r.product_id ASC`;
  return {
    products: rows.map((row) => ({
      id: row.id,
      title: row.title,
      unitsSold: Number(row.units),
      netSales: roundMoney(toDecimal(row.net), shop.currencyCode),
    })),
  };
}
