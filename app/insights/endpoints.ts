// The six dashboard endpoints as one framework-free function: parameters in, a
// status + body out (JSON or CSV). The Remix routes only authenticate and resolve the
// tenant; everything else about the HTTP answer is decided (and tested) here.
import { answerKey, cachedAnswer, stringBytes } from "./answer-cache";
import { toCsv, type CsvValue } from "./csv";
import { localToday } from "./dates";
import { parseInsightsParams, wantsCsv, type InsightsParams } from "./params";
import {
  getAverageOrderValueByDate,
  getNewCustomersByDate,
  getOrdersByDate,
  getSummary,
  getTopCustomers,
  getTopProducts,
  type InsightsDb,
  type InsightsShop,
  type SummaryTotals,
} from "./queries";

export const DASHBOARD_ENDPOINTS = [
  "summary",
  "orders-by-date",
  "top-customers",
  "new-customers-by-date",
  "avg-order-value-by-date",
  "top-products",
] as const;
export type DashboardEndpoint = (typeof DASHBOARD_ENDPOINTS)[number];

export interface EndpointResponse {
  status: number;
  contentType: string;
  body: string;
  /** Suggested download name for CSV answers. */
  filename?: string;
}

const TOTAL_KEYS: (keyof SummaryTotals)[] = [
  "orders",
  "grossSales",
  "discounts",
  "returns",
  "netSales",
  "shipping",
  "taxes",
  "totalSales",
  "averageOrderValue",
  "customers",
  "newCustomers",
  "returningCustomerRate",
  // Added with the ledger figures; appended so existing CSV consumers keep their columns.
  "duties",
  "additionalFees",
  "tips",
  "giftCardSales",
];

export function jsonAnswer(status: number, value: unknown): EndpointResponse {
  return { status, contentType: "application/json; charset=utf-8", body: JSON.stringify(value) };
}

function csv(
  endpoint: DashboardEndpoint,
  from: string,
  to: string,
  columns: string[],
  rows: Record<string, CsvValue>[],
): EndpointResponse {
  return {
    status: 200,
    contentType: "text/csv; charset=utf-8",
    body: toCsv(columns, rows),
    filename: `${endpoint}_${from}_${to}.csv`,
  };
}

/**
 * Answer one dashboard endpoint for `shop` (already resolved from a verified session
 * token: nothing in `url` can choose the tenant). Through the answer cache when the
 * shop was read with its answer version (shop.ts): keyed by the resolved dates, so a
 * default "last 30 days" is a new key after the shop's midnight.
 */
export async function answerDashboardEndpoint(
  db: InsightsDb,
  shop: InsightsShop,
  endpoint: DashboardEndpoint,
  url: URL,
  accept: string | null,
  now?: Date,
): Promise<EndpointResponse> {
  const params = parseInsightsParams(url.searchParams, { timeZone: shop.ianaTimezone, now, defaultLimit: 5 });
  if (!params.ok) return jsonAnswer(400, { error: params.error, parameter: params.parameter });
  const asCsv = wantsCsv(url.searchParams, accept);
  if (!asCsv.ok) return jsonAnswer(400, { error: asCsv.error, parameter: asCsv.parameter });
  const { from, to, granularity, limit } = params.value;
  const today = localToday(shop.ianaTimezone, now);
  return cachedAnswer(
    shop,
    () => answerKey(shop, today, `api/dashboard/${endpoint}`, { from, to, granularity, limit, csv: asCsv.value }),
    () => computeDashboardAnswer(db, shop, endpoint, params.value, asCsv.value),
    { size: (answer) => stringBytes(answer.body), keep: (answer) => answer.status === 200 },
  );
}

async function computeDashboardAnswer(
  db: InsightsDb,
  shop: InsightsShop,
  endpoint: DashboardEndpoint,
  params: InsightsParams,
  asCsv: boolean,
): Promise<EndpointResponse> {
  const { from, to } = params;
  switch (endpoint) {
    case "summary": {
      const summary = await getSummary(db, shop, params);
      if (!asCsv) return jsonAnswer(200, summary);
      const columns = ["period", "from", "to", "currency", ...TOTAL_KEYS];
      return csv(endpoint, from, to, columns, [
        { period: "current", from, to, currency: summary.currency, ...summary.totals },
        { period: "previous", currency: summary.currency, ...summary.previous },
      ]);
    }
    case "orders-by-date": {
      const result = await getOrdersByDate(db, shop, params);
      if (!asCsv) return jsonAnswer(200, result);
      return csv(
        endpoint,
        from,
        to,
        ["date", "orders", "totalSales", "netSales"],
        result.series.map((p) => ({ ...p })),
      );
    }
    case "new-customers-by-date": {
      const result = await getNewCustomersByDate(db, shop, params);
      if (!asCsv) return jsonAnswer(200, result);
      return csv(
        endpoint,
        from,
        to,
        ["date", "newCustomers"],
        result.series.map((p) => ({ ...p })),
      );
    }
    case "avg-order-value-by-date": {
      const result = await getAverageOrderValueByDate(db, shop, params);
      if (!asCsv) return jsonAnswer(200, result);
      return csv(
        endpoint,
        from,
        to,
        ["date", "averageOrderValue", "orders"],
        result.series.map((p) => ({ ...p })),
      );
    }
    case "top-customers": {
      const result = await getTopCustomers(db, shop, params);
      if (!asCsv) return jsonAnswer(200, result);
      return csv(
        endpoint,
        from,
        to,
        ["id", "name", "email", "orders", "totalSpent"],
        result.customers.map((c) => ({ ...c })),
      );
    }
    case "top-products": {
      const result = await getTopProducts(db, shop, params);
      if (!asCsv) return jsonAnswer(200, result);
      return csv(
        endpoint,
        from,
        to,
        ["id", "title", "unitsSold", "netSales"],
        result.products.map((p) => ({ ...p })),
      );
    }
  }
}
