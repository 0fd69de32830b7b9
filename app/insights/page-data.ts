// What the Overview, Customers and Products pages load, in one place, so their Remix
// loaders stay thin: resolve the range (preset or from/to), then ask the queries.
import type { PrismaClient } from "@prisma/client";
import { answerKey, cachedAnswer, stringBytes } from "./answer-cache";
import { localToday } from "./dates";
import { CUSTOMER_SORTS, PRODUCT_SORTS, listCustomers, listProducts, type SortDirection } from "./lists";
import { parseInsightsParams, type InsightsParams } from "./params";
import { isDatePreset, presetOf, resolvePreset, type DatePreset } from "./presets";
import {
  getAverageOrderValueByDate,
  getNewCustomersByDate,
  getOrdersByDate,
  getSummary,
  getTopCustomers,
  getTopProducts,
  type InsightsShop,
} from "./queries";
import { getBackfillProgress } from "./sync-status";

export interface PageRange {
  from: string;
  to: string;
  preset: DatePreset;
  today: string;
}

/** `?preset=last7` wins over from/to; bad values fall back to the last 30 days plus an error to show. */
export function resolvePageRange(search: URLSearchParams, shop: InsightsShop, now?: Date) {
  const today = localToday(shop.ianaTimezone, now);
  const preset = search.get("preset");
  if (isDatePreset(preset) && preset !== "custom") {
    return { range: { ...resolvePreset(preset, today), preset, today }, error: null };
  }
  const parsed = parseInsightsParams(search, { timeZone: shop.ianaTimezone, now });
  if (!parsed.ok) {
    return { range: { ...resolvePreset("last30", today), preset: "last30" as const, today }, error: parsed.error };
  }
  const { from, to, granularity } = parsed.value;
  return { range: { from, to, preset: presetOf({ from, to }, today), today }, granularity, error: null };
}

export function granularityOf(search: URLSearchParams): "day" | "week" | "month" {
  const value = search.get("granularity");
  return value === "week" || value === "month" ? value : "day";
}

async function hasRollups(prisma: PrismaClient, shopId: number): Promise<boolean> {
  return (await prisma.insightsShopDay.findFirst({ where: { shopId }, select: { shopId: true } })) !== null;
}

export async function loadOverview(prisma: PrismaClient, shop: InsightsShop, search: URLSearchParams, now?: Date) {
  const { range, error } = resolvePageRange(search, shop, now);
  const granularity = granularityOf(search);
  // The import's progress is not an answer of the rollups (no version covers it): read every time.
  const [sync, hasData] = await Promise.all([
    getBackfillProgress(prisma, shop.id),
    cachedAnswer(
      shop,
      () => answerKey(shop, range.today, "page/has-rollups", {}),
      () => hasRollups(prisma, shop.id),
      { size: () => 64 },
    ),
  ]);
  if (!hasData && !sync.completed) {
    return { shop, range, granularity, error, sync, ready: false as const };
  }
  const params = { from: range.from, to: range.to, granularity, limit: 5 };
  // The dashboard endpoints' six answers, cached together (one entry per range and granularity).
  const figures = await cachedAnswer(
    shop,
    () => answerKey(shop, range.today, "page/overview", params),
    () => overviewFigures(prisma, shop, params),
    { size: (value) => stringBytes(JSON.stringify(value)) },
  );
  return { shop, range, granularity, error, sync, ready: true as const, ...figures };
}

async function overviewFigures(prisma: PrismaClient, shop: InsightsShop, params: InsightsParams) {
  const [summary, orders, averageOrderValue, newCustomers, topCustomers, topProducts] = await Promise.all([
    getSummary(prisma, shop, params),
    getOrdersByDate(prisma, shop, params),
    getAverageOrderValueByDate(prisma, shop, params),
    getNewCustomersByDate(prisma, shop, params),
    getTopCustomers(prisma, shop, params),
    getTopProducts(prisma, shop, params),
  ]);
  return {
    summary,
    orders: orders.series,
    averageOrderValue: averageOrderValue.series,
    newCustomers: newCustomers.series,
    topCustomers: topCustomers.customers,
    topProducts: topProducts.products,
  };
}

export const PAGE_SIZE = 25;

function listOptions<Sort extends string>(search: URLSearchParams, sorts: readonly Sort[], defaultSort: Sort) {
  const rawSort = search.get("sort");
  const sort = sorts.includes(rawSort as Sort) ? (rawSort as Sort) : defaultSort;
  const direction: SortDirection = search.get("direction") === "asc" ? "asc" : "desc";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(search.get("page") ?? "1", 10) || 1));
  const q = (search.get("q") ?? "").slice(0, 200);
  return { sort, direction, page, q };
}

export async function loadCustomersPage(prisma: PrismaClient, shop: InsightsShop, search: URLSearchParams, now?: Date) {
  const { range, error } = resolvePageRange(search, shop, now);
  const { sort, direction, page, q } = listOptions(search, CUSTOMER_SORTS, "totalSpent");
  const [sync, list] = await Promise.all([
    getBackfillProgress(prisma, shop.id),
    listCustomers(prisma, shop, {
      from: range.from,
      to: range.to,
      search: q,
      sort,
      direction,
      page,
      pageSize: PAGE_SIZE,
    }),
  ]);
  return { shop, range, error, sync, q, sort, direction, list };
}

export async function loadProductsPage(prisma: PrismaClient, shop: InsightsShop, search: URLSearchParams, now?: Date) {
  const { range, error } = resolvePageRange(search, shop, now);
  const { sort, direction, page, q } = listOptions(search, PRODUCT_SORTS, "netSales");
  const [sync, list] = await Promise.all([
    getBackfillProgress(prisma, shop.id),
    listProducts(prisma, shop, {
      from: range.from,
      to: range.to,
      search: q,
      sort,
      direction,
      page,
      pageSize: PAGE_SIZE,
    }),
  ]);
  return { shop, range, error, sync, q, sort, direction, list };
}
