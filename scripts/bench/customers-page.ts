// The Customers page at scale: every sort the page offers (both directions, first page
// and page 40; the figure sorts also over 14 and 7 days) and the loader's whole data
// (default view), each against a plain page of customers timed alternately in the same run. bench-insights.ts runs it on its shop;
// standalone, on a shop a `bench-insights.ts --keep` run left:
//   DATABASE_URL=postgresql://…/db npx tsx scripts/bench/customers-page.ts --orders 1000000 [--runs 40]
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import {
  addDays,
  CUSTOMER_SORTS,
  listCustomers,
  loadCustomersPage,
  type CustomerSort,
  type InsightsShop,
  type SortDirection,
} from "../../app/insights";

export interface CustomersPageRow {
  view: string;
  p50: number;
  p95: number;
  baselineP50: number;
  baselineP95: number;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** p50/p95 of `view` and of the plain page, run alternately (same load for both). */
async function measure(view: () => Promise<unknown>, plain: () => Promise<unknown>, runs: number) {
  await view(); // warm-up (plans, connection)
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(await timed(view));
    base.push(await timed(plain));
  }
  return {
    p50: percentile(ours, 50),
    p95: percentile(ours, 95),
    baselineP50: percentile(base, 50),
    baselineP95: percentile(base, 95),
  };
}

/** The page's views on `shop`, the last 30 days ending `to` (the page's default range). */
export async function runCustomersPageBench(
  prisma: PrismaClient,
  shop: InsightsShop,
  options: { to: string; runs: number },
): Promise<CustomersPageRow[]> {
  // c.id, not id: a bare `id` names the output column id::text, and sorting by that text
  // reads and sorts every customer (what the earlier baseline of 57–68 ms measured).
  const plain = () =>
    prisma.$queryRaw`SELECT c.id::text AS id, c.first_name, c.last_name, c.email FROM customer c
      WHERE c.shop_id = ${shop.id} ORDER BY c.id LIMIT 25`;
  const rows: CustomersPageRow[] = [];
  // The loader's data as a merchant opens the page: default range (last 30 days), sort and page.
  const now = new Date(`${options.to}T12:00:00Z`);
  rows.push({
    view: "loader data, default view",
    ...(await measure(() => loadCustomersPage(prisma, shop, new URLSearchParams(), now), plain, options.runs)),
  });
  // Every sort in both directions, first page and page 40, over the default 30 days; the
  // figure sorts also over shorter ranges (the threshold path needs 28 days or more).
  const views: [CustomerSort, SortDirection, number, number][] = [];
  for (const sort of CUSTOMER_SORTS)
    for (const direction of ["desc", "asc"] as const)
      for (const page of [1, 40]) views.push([sort, direction, page, 30]);
  for (const sort of ["totalSpent", "orders"] as const)
    for (const direction of ["desc", "asc"] as const) views.push([sort, direction, 1, 14], [sort, direction, 1, 7]);
  for (const [sort, direction, page, days] of views) {
    const view = () =>
      listCustomers(prisma, shop, {
        from: addDays(options.to, 1 - days),
        to: options.to,
        sort,
        direction,
        page,
        pageSize: 25,
      });
    rows.push({
      view: `${sort} ${direction}, page ${page}${days === 30 ? "" : `, ${days} days`}`,
      ...(await measure(view, plain, options.runs)),
    });
  }
  return rows;
}

export function customersPageTable(rows: CustomersPageRow[]) {
  return rows.map((r) => ({
    "Customers page (30 days unless said)": r.view,
    "p50 / p95 ms": `${r.p50.toFixed(1)} / ${r.p95.toFixed(1)}`,
    "plain page p50 / p95 ms": `${r.baselineP50.toFixed(1)} / ${r.baselineP95.toFixed(1)}`,
    "ratio (p95)": `${(r.p95 / r.baselineP95).toFixed(1)}x`,
    "p95 < 100 ms": r.p95 < 100 ? "yes" : "NO",
  }));
}

async function main() {
  const { values } = parseArgs({
    options: {
      orders: { type: "string", default: "1000000" },
      runs: { type: "string", default: "40" },
      to: { type: "string", default: "2026-11-28" }, // bench-insights.ts's END_DATE
    },
  });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL: the database a `bench-insights.ts --keep` run left");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const row = await prisma.shop.findFirst({
      where: { domain: { startsWith: `bench-${values.orders}-` } },
      orderBy: { id: "desc" },
    });
    if (!row) throw new Error(`no bench-${values.orders}-… shop in this database`);
    const shop: InsightsShop = { id: row.id, domain: row.domain, currencyCode: "USD", ianaTimezone: row.ianaTimezone };
    const load = () =>
      loadavg()
        .map((n) => n.toFixed(1))
        .join(" ");
    console.log(`Customers page on shop ${shop.id} (${values.orders} orders), ${values.runs} runs; load ${load()}`);
    const rows = await runCustomersPageBench(prisma, shop, { to: values.to!, runs: Number(values.runs) });
    console.table(customersPageTable(rows));
    console.log(`load average after: ${load()}`);
  } finally {
    await prisma.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
