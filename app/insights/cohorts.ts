// Retention read side: the cohort triangle, repeat purchase and time to second order,
// and repeat rates by first product — each from the cohort rollups (cohort-rollups.ts),
// a few hundred rows at most, never the raw orders. Definitions: docs/metrics.md
// (Retention). Cohorts are whole local months: `from` and `to` pick the months holding them.
import { DateTime } from "luxon";
import { localToday } from "./dates";
import { Decimal, roundMoney, roundRate, toDecimal } from "./money";
import { toCsv, type CsvValue } from "./csv";
import { jsonAnswer, type EndpointResponse } from "./endpoints";
import { parseInsightsParams, wantsCsv, type ParamsResult } from "./params";
import type { InsightsDb, InsightsShop } from "./queries";

/** Cohort months shown when `from` is not given: the month of `to` and the 11 before it. */
export const DEFAULT_COHORT_MONTHS = 12;
/** Products listed by default on the first-product table. */
export const DEFAULT_FIRST_PRODUCTS = 20;
/** Windows (days after the first order) of the first-product repeat rates. */
export const REPEAT_WINDOWS = [30, 60, 90, 180] as const;

/** Time-to-second-order buckets (inclusive day bounds; the last is open-ended). */
export const GAP_BUCKETS: readonly { label: string; min: number; max: number | null }[] = [
  { label: "0", min: 0, max: 0 },
  { label: "1-7", min: 1, max: 7 },
  { label: "8-14", min: 8, max: 14 },
  { label: "15-30", min: 15, max: 30 },
  { label: "31-60", min: 31, max: 60 },
  { label: "61-90", min: 61, max: 90 },
  { label: "91-180", min: 91, max: 180 },
  { label: "181-365", min: 181, max: 365 },
  { label: "366+", min: 366, max: null },
];

export interface CohortRange {
  from: string;
  to: string;
  /** First days of the first and last cohort month. */
  firstMonth: string;
  lastMonth: string;
  /** The shop's current local month (first day): cells after it do not exist yet. */
  currentMonth: string;
  limit: number;
}

const monthOf = (date: string) => `${date.slice(0, 7)}-01`;
const plusMonths = (month: string, n: number) =>
  DateTime.fromISO(month, { zone: "UTC" }).plus({ months: n }).toISODate()!;
const monthsBetween = (a: string, b: string) =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));

/**
 * from/to as the dashboard endpoints take them (dates 1970–2100, from ≤ to, at most five
 * years, 400 naming the parameter), with a default of the last 12 cohort months.
 */
export function parseCohortParams(
  search: URLSearchParams,
  options: { timeZone: string; now?: Date; defaultLimit?: number },
): ParamsResult<CohortRange> {
  const today = localToday(options.timeZone, options.now);
  const withDefault = new URLSearchParams(search);
  if (!search.has("from")) {
    const to = search.get("to");
    // A bad `to` is reported by the parser below; only a valid one anchors the default.
    const anchor = to !== null && /^\d{4}-\d{2}-\d{2}$/.test(to) ? to : today;
    const from = plusMonths(monthOf(anchor), -(DEFAULT_COHORT_MONTHS - 1));
    if (DateTime.fromISO(from).isValid) withDefault.set("from", from < "1970-01-01" ? "1970-01-01" : from);
  }
  const parsed = parseInsightsParams(withDefault, {
    timeZone: options.timeZone,
    now: options.now,
    defaultLimit: options.defaultLimit ?? DEFAULT_FIRST_PRODUCTS,
  });
  if (!parsed.ok) return parsed;
  const { from, to, limit } = parsed.value;
  return {
    ok: true,
    value: { from, to, firstMonth: monthOf(from), lastMonth: monthOf(to), currentMonth: monthOf(today), limit },
  };
}

export interface CohortCell {
  /** Months after the cohort month (0 = the cohort month). */
  offset: number;
  month: string;
  activeCustomers: number;
  retention: number;
  /** Net sales booked up to the end of this month (cumulative). */
  netSales: string;
  /** netSales / cohort size. */
  lifetimeValue: string;
}

export interface Cohort {
  /** YYYY-MM */
  cohort: string;
  customers: number;
  cells: CohortCell[];
}

export interface CohortsResult {
  currency: string;
  timezone: string;
  from: string;
  to: string;
  cohorts: Cohort[];
}

/** insights_cohort_month rows (or the same figures computed from the raw tables: the benchmark's baseline). */
export interface CohortMonthRow {
  cohort_month: string;
  month_offset: number;
  active_customers: number;
  net_sales: string;
}

/** Every cohort month of the range (zero-filled), each with its cells up to the current month. */
export async function getCohorts(db: InsightsDb, shop: InsightsShop, range: CohortRange): Promise<CohortsResult> {
  const rows = await db.$queryRaw<CohortMonthRow[]>`
    SELECT cohort_month::text AS cohort_month, month_offset, active_customers, net_sales::text AS net_sales
    FROM insights_cohort_month
    WHERE shop_id = ${shop.id} AND cohort_month BETWEEN ${range.firstMonth}::date AND ${range.lastMonth}::date
    ORDER BY cohort_month, month_offset`;
  return cohortsFromRows(rows, shop, range);
}

export function cohortsFromRows(rows: CohortMonthRow[], shop: InsightsShop, range: CohortRange): CohortsResult {
  const byCohort = new Map<string, CohortMonthRow[]>();
  for (const row of rows) byCohort.set(row.cohort_month, [...(byCohort.get(row.cohort_month) ?? []), row]);
  const cohorts: Cohort[] = [];
  for (let month = range.firstMonth; month <= range.lastMonth; month = plusMonths(month, 1)) {
    const cohortRows = byCohort.get(month) ?? [];
    const size = Number(cohortRows.find((r) => r.month_offset === 0)?.active_customers ?? 0);
    const last = Math.max(monthsBetween(month, range.currentMonth), -1);
    const cells: CohortCell[] = [];
    let cumulative = new Decimal(0);
    for (const row of cohortRows) if (row.month_offset < 0) cumulative = cumulative.plus(toDecimal(row.net_sales));
    for (let offset = 0; offset <= last; offset++) {
      const row = cohortRows.find((r) => r.month_offset === offset);
      cumulative = cumulative.plus(toDecimal(row?.net_sales));
      const active = Number(row?.active_customers ?? 0);
      cells.push({
        offset,
        month: plusMonths(month, offset).slice(0, 7),
        activeCustomers: active,
        retention: roundRate(active, size),
        netSales: roundMoney(cumulative, shop.currencyCode),
        lifetimeValue: roundMoney(size === 0 ? 0 : cumulative.div(size), shop.currencyCode),
      });
    }
    cohorts.push({ cohort: month.slice(0, 7), customers: size, cells });
  }
  return { currency: shop.currencyCode, timezone: shop.ianaTimezone, from: range.from, to: range.to, cohorts };
}

export interface RepeatPurchaseResult {
  timezone: string;
  from: string;
  to: string;
  /** Customers whose first order is in a cohort month of the range. */
  customers: number;
  /** Of those, customers with a second order (at any time). */
  repeatCustomers: number;
  repeatPurchaseRate: number;
  /** Median days from first to second order; null when nobody ordered twice. */
  medianDaysToSecondOrder: number | null;
  timeToSecondOrder: { bucket: string; minDays: number; maxDays: number | null; customers: number; share: number }[];
}

export async function getRepeatPurchase(
  db: InsightsDb,
  shop: InsightsShop,
  range: CohortRange,
): Promise<RepeatPurchaseResult> {
  const [sizes, gaps] = await Promise.all([
    db.$queryRaw<{ customers: number }[]>`
      SELECT coalesce(sum(active_customers), 0)::int AS customers FROM insights_cohort_month
      WHERE shop_id = ${shop.id} AND month_offset = 0
        AND cohort_month BETWEEN ${range.firstMonth}::date AND ${range.lastMonth}::date`,
    db.$queryRaw<{ gap_days: number; customers: number }[]>`
      SELECT gap_days, sum(customers)::int AS customers FROM insights_cohort_gap
      WHERE shop_id = ${shop.id} AND cohort_month BETWEEN ${range.firstMonth}::date AND ${range.lastMonth}::date
      GROUP BY gap_days ORDER BY gap_days`,
  ]);
  return repeatPurchaseFrom(Number(sizes[0]?.customers ?? 0), gaps, shop, range);
}

/** The answer from the range's number of acquired customers and its days-to-second-order counts. */
export function repeatPurchaseFrom(
  customers: number,
  gaps: { gap_days: number; customers: number }[],
  shop: InsightsShop,
  range: CohortRange,
): RepeatPurchaseResult {
  const repeat = gaps.reduce((n, g) => n + Number(g.customers), 0);
  return {
    timezone: shop.ianaTimezone,
    from: range.from,
    to: range.to,
    customers,
    repeatCustomers: repeat,
    repeatPurchaseRate: roundRate(repeat, customers),
    medianDaysToSecondOrder: median(gaps.map((g) => ({ value: Number(g.gap_days), count: Number(g.customers) }))),
    timeToSecondOrder: GAP_BUCKETS.map((b) => {
      const n = gaps
        .filter((g) => g.gap_days >= b.min && (b.max === null || g.gap_days <= b.max))
        .reduce((sum, g) => sum + Number(g.customers), 0);
      return { bucket: b.label, minDays: b.min, maxDays: b.max, customers: n, share: roundRate(n, repeat) };
    }),
  };
}

/** Median of a counted distribution (sorted by value): the middle value, or the mean of the two middle values. */
function median(distribution: { value: number; count: number }[]): number | null {
  const total = distribution.reduce((n, d) => n + d.count, 0);
  if (total === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const d of distribution) {
      seen += d.count;
      if (index < seen) return d.value;
    }
    return distribution.at(-1)!.value;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

export interface FirstProductRow {
  id: string;
  title: string | null;
  /** The product's handle: unique in the shop, so it tells products with the same title apart. */
  handle: string | null;
  customers: number;
  within30: number;
  within60: number;
  within90: number;
  within180: number;
  rate30: number;
  rate60: number;
  rate90: number;
  rate180: number;
}

export interface FirstProductsResult {
  timezone: string;
  from: string;
  to: string;
  products: FirstProductRow[];
}

export async function getFirstProducts(
  db: InsightsDb,
  shop: InsightsShop,
  range: CohortRange,
): Promise<FirstProductsResult> {
  const rows = await db.$queryRaw<FirstProductDbRow[]>`
    WITH ranked AS (
      SELECT product_id, sum(customers)::int AS customers, sum(within_30)::int AS within_30,
        sum(within_60)::int AS within_60, sum(within_90)::int AS within_90, sum(within_180)::int AS within_180
      FROM insights_cohort_product
      WHERE shop_id = ${shop.id} AND cohort_month BETWEEN ${range.firstMonth}::date AND ${range.lastMonth}::date
      GROUP BY product_id
      ORDER BY customers DESC, product_id ASC
      LIMIT ${range.limit}
    )
    SELECT r.product_id::text AS id, p.title, p.handle, r.customers, r.within_30, r.within_60, r.within_90, r.within_180
    FROM ranked r LEFT JOIN product p ON p.shop_id = ${shop.id} AND p.id = r.product_id
    ORDER BY r.customers DESC, r.product_id ASC`;
  return firstProductsFrom(rows, shop, range);
}

export interface FirstProductDbRow {
  id: string;
  title: string | null;
  handle: string | null;
  customers: number;
  within_30: number;
  within_60: number;
  within_90: number;
  within_180: number;
}

export function firstProductsFrom(
  rows: FirstProductDbRow[],
  shop: InsightsShop,
  range: CohortRange,
): FirstProductsResult {
  return {
    timezone: shop.ianaTimezone,
    from: range.from,
    to: range.to,
    products: rows.map((r) => ({
      id: r.id,
      title: r.title,
      handle: r.handle,
      customers: r.customers,
      within30: r.within_30,
      within60: r.within_60,
      within90: r.within_90,
      within180: r.within_180,
      rate30: roundRate(r.within_30, r.customers),
      rate60: roundRate(r.within_60, r.customers),
      rate90: roundRate(r.within_90, r.customers),
      rate180: roundRate(r.within_180, r.customers),
    })),
  };
}

// ---------------------------------------------------------------------------------
// HTTP answers (status + body), as answerDashboardEndpoint gives them.

export const RETENTION_ENDPOINTS = ["cohorts", "repeat-purchase", "first-product"] as const;
export type RetentionEndpoint = (typeof RETENTION_ENDPOINTS)[number];

/** One retention endpoint for `shop` (resolved from a verified session token only). */
export async function answerRetentionEndpoint(
  db: InsightsDb,
  shop: InsightsShop,
  endpoint: RetentionEndpoint,
  url: URL,
  accept: string | null,
  now?: Date,
): Promise<EndpointResponse> {
  const params = parseCohortParams(url.searchParams, { timeZone: shop.ianaTimezone, now });
  if (!params.ok) return jsonAnswer(400, { error: params.error, parameter: params.parameter });
  const asCsv = wantsCsv(url.searchParams, accept);
  if (!asCsv.ok) return jsonAnswer(400, { error: asCsv.error, parameter: asCsv.parameter });
  const range = params.value;
  const csv = (columns: string[], rows: Record<string, CsvValue>[]): EndpointResponse => ({
    status: 200,
    contentType: "text/csv; charset=utf-8",
    body: toCsv(columns, rows),
    filename: `${endpoint}_${range.from}_${range.to}.csv`,
  });
  switch (endpoint) {
    case "cohorts": {
      const result = await getCohorts(db, shop, range);
      if (!asCsv.value) return jsonAnswer(200, result);
      const columns = ["cohort", "customers", "offset", "month", "activeCustomers", "retention", "netSales"];
      const rows = result.cohorts.flatMap((c) =>
        c.cells.map((cell) => ({ cohort: c.cohort, customers: c.customers, ...cell })),
      );
      return csv([...columns, "lifetimeValue"], rows);
    }
    case "repeat-purchase": {
      const result = await getRepeatPurchase(db, shop, range);
      if (!asCsv.value) return jsonAnswer(200, result);
      const columns = ["bucket", "minDays", "maxDays", "customers", "share"];
      return csv(
        columns,
        result.timeToSecondOrder.map((b) => ({ ...b })),
      );
    }
    case "first-product": {
      const result = await getFirstProducts(db, shop, range);
      if (!asCsv.value) return jsonAnswer(200, result);
      const columns = [
        "id",
        "title",
        "handle",
        "customers",
        ...REPEAT_WINDOWS.flatMap((d) => [`within${d}`, `rate${d}`]),
      ];
      return csv(
        columns,
        result.products.map((p) => ({ ...p })),
      );
    }
  }
}
