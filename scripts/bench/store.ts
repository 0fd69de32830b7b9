// The reads at store scale for `npm run bench`: a SQL-generated store of N orders
// (generate.ts, the store npm run bench:insights measures) in a database of its own,
// then on it
//   - the full rollup rebuild, against one aggregate scan of the same orders and lines,
//     with the rebuild's own step timings (app/insights profileRollups) for the table's why;
//   - the Customers page as a merchant opens it, against a plain page of customers;
//   - the three retention endpoints' answers, against the same answers computed from the
//     raw orders, sales and line items (both must be identical);
//   - every dashboard and retention endpoint answered in-process (no HTTP), which the
//     dashboard-over-HTTP rows are read against.
// The store is kept between runs (generating 1M orders takes minutes); a store is only
// reused once complete, and --fresh-store generates it again.
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { PrismaClient } from "@prisma/client";
import { applyMigrations } from "../../app/db/migrate.server";
import { addDays, loadCustomersPage, profileRollups, recomputeAllRollups, type InsightsShop } from "../../app/insights";
import { RETENTION_ENDPOINTS, answerRetentionEndpoint } from "../../app/insights/cohorts";
import { DASHBOARD_ENDPOINTS, answerDashboardEndpoint } from "../../app/insights/endpoints";
import { cohortBenchCases } from "./cohorts";
import { benchPrisma, createBenchShop, quantile } from "./db";
import { generatedStoreSpec, generateStore } from "./generate";

const SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const TIMEZONE = "America/New_York";
const DOMAIN = "bench-store.myshopify.com";
/** The app's 10-minute rebuild transaction is too short for a 10M store on a busy machine. */
const REBUILD_TIMEOUT_MS = 3 * 60 * 60_000;
const GENERATING = "bench-store-generating.myshopify.com";

/** One database per store size, next to the bench database (BENCH_DATABASE_URL's server, name + `_store_N`). */
export function storeDatabaseUrl(benchUrl: string, orders: number): string {
  const url = new URL(benchUrl);
  url.pathname = `${url.pathname.replace(/^\//, "") || "storepulse_bench_run"}_store_${orders}`;
  return url.toString();
}

export interface BenchStore {
  url: string;
  prisma: PrismaClient;
  shop: InsightsShop;
  orders: number;
  /** The 365-day range the reads ask for (ends at the store's last day). */
  range: { from: string; to: string };
  /** Seconds spent generating it in this run; null when a complete store was reused. */
  generatedSeconds: number | null;
  /** Its rollups are as the last rebuild left them (false only right after generation). */
  rollupsBuilt: boolean;
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const server = new URL(url);
  server.pathname = "/postgres";
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The store of `orders` orders: reused when a previous run completed it, generated otherwise. */
export async function ensureStore(
  benchUrl: string,
  orders: number,
  options: { fresh: boolean; log: (line: string) => void },
): Promise<BenchStore> {
  const url = storeDatabaseUrl(benchUrl ?? SERVER, orders);
  const name = new URL(url).pathname.slice(1);
  const spec = generatedStoreSpec(orders);
  const range = { from: addDays(spec.endDate, -364), to: spec.endDate };
  const exists = await admin(
    url,
    async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1,
  );
  if (exists && !options.fresh) {
    // Migrations added since the store was generated apply to it as to any existing shop.
    await applyMigrations(url);
    const prisma = benchPrisma(url);
    // A failed read is an error, not "no store": regenerating would drop a kept store
    // (hours of generation at 10M) over, say, a client that is ahead of the database.
    const shop = await prisma.shop.findUnique({ where: { domain: DOMAIN } });
    if (shop) {
      options.log(`store: reusing the ${orders.toLocaleString("en")}-order store in ${name}`);
      return { url, prisma, shop: toInsightsShop(shop), orders, range, generatedSeconds: null, rollupsBuilt: true };
    }
    await prisma.$disconnect();
  }
  // A new database: dropping a store is faster than deleting its rows.
  await admin(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  await applyMigrations(url);
  const prisma = benchPrisma(url);
  options.log(
    `store: generating ${orders.toLocaleString("en")} orders, ${spec.customers.toLocaleString("en")} customers, ${spec.products} products in ${name}…`,
  );
  const started = performance.now();
  const created = await createBenchShop(prisma, GENERATING, TIMEZONE);
  await generateStore(prisma, created.id, spec);
  // Named only once complete: an interrupted generation is never reused.
  const shop = await prisma.shop.update({ where: { id: created.id }, data: { domain: DOMAIN } });
  const generatedSeconds = (performance.now() - started) / 1000;
  options.log(`  generated in ${generatedSeconds.toFixed(0)} s`);
  return { url, prisma, shop: toInsightsShop(shop), orders, range, generatedSeconds, rollupsBuilt: false };
}

function toInsightsShop(shop: {
  id: number;
  domain: string;
  currencyCode: string;
  ianaTimezone: string;
}): InsightsShop {
  return { id: shop.id, domain: shop.domain, currencyCode: shop.currencyCode, ianaTimezone: shop.ianaTimezone };
}

export interface RebuildFigures {
  seconds: number;
  secondsPer1M: number;
  scanSeconds: number;
  days: number;
  /** The rebuild's steps (profileRollups), longest first. */
  steps: { label: string; ms: number }[];
}

/** The full rollup rebuild, against what any rebuild must at least do: read every order line once, by local day. */
export async function runRebuild(store: BenchStore): Promise<RebuildFigures> {
  const { prisma, shop } = store;
  const scanStarted = performance.now();
  await prisma.$queryRaw`
    SELECT ((o.processed_at AT TIME ZONE 'UTC') AT TIME ZONE s.iana_timezone)::date AS d,
      count(DISTINCT o.id), sum(li.original_unit_price * li.quantity - li.total_discount)
    FROM "order" o JOIN shop s ON s.id = o.shop_id
    JOIN order_line_item li ON li.shop_id = o.shop_id AND li.order_id = o.id
    WHERE o.shop_id = ${shop.id} GROUP BY 1`;
  const scanSeconds = (performance.now() - scanStarted) / 1000;
  const steps: { label: string; ms: number }[] = [];
  profileRollups((line) => {
    const m = /^\[insights\] (.*): (\d+) ms$/.exec(line);
    if (m) steps.push({ label: m[1]!, ms: Number(m[2]) });
  });
  const started = performance.now();
  let days: number;
  try {
    days = (await recomputeAllRollups(prisma, shop.id, { timeoutMs: REBUILD_TIMEOUT_MS })).days;
  } finally {
    profileRollups(null);
  }
  const seconds = (performance.now() - started) / 1000;
  await analyzeRollups(prisma);
  store.rollupsBuilt = true;
  steps.sort((a, b) => b.ms - a.ms);
  return { seconds, secondsPer1M: (seconds * 1e6) / store.orders, scanSeconds, days, steps };
}

async function analyzeRollups(prisma: PrismaClient) {
  await prisma.$executeRawUnsafe(
    `ANALYZE insights_shop_day, insights_customer_day, insights_product_day, insights_customer_month, insights_product_month`,
  );
}

/** Rollups for a store generated in this run whose rebuild is not measured (--only dashboard). */
export async function ensureRollups(store: BenchStore): Promise<void> {
  if (store.rollupsBuilt) return;
  await recomputeAllRollups(store.prisma, store.shop.id, { timeoutMs: REBUILD_TIMEOUT_MS });
  await analyzeRollups(store.prisma);
  store.rollupsBuilt = true;
}

export interface PageFigures {
  p50: number;
  p95: number;
  baselineP50: number;
  baselineP95: number;
  runs: number;
}

async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up (plans, connection)
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times;
}

/** The Customers page as a merchant opens it (default range and sort, at the store's last day). */
export async function runCustomersPage(store: BenchStore, runs: number): Promise<PageFigures> {
  const { prisma, shop } = store;
  const now = new Date(`${store.range.to}T12:00:00Z`);
  const page = () => loadCustomersPage(prisma, shop, new URLSearchParams(), now);
  const plain = () => prisma.$queryRaw`
    SELECT c.id::text AS id, c.first_name, c.last_name, c.email FROM customer c
    WHERE c.shop_id = ${shop.id} ORDER BY c.id LIMIT 50`; // c.id: a bare id sorts by the id::text output column (every row)
  await page();
  await plain();
  const times: number[] = [];
  const base: number[] = [];
  // Interleaved, so a burst of load on the shared machine hits both alike.
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await page();
    times.push(performance.now() - t);
    t = performance.now();
    await plain();
    base.push(performance.now() - t);
  }
  return {
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    baselineP50: quantile(base, 0.5),
    baselineP95: quantile(base, 0.95),
    runs,
  };
}

export interface RetentionFigures {
  name: string;
  p50: number;
  p95: number;
  rawP50: number;
  rawRuns: number;
  sameAnswer: boolean;
}

/** The retention endpoints' answers from the cohort tables vs from the raw rows (12 cohort months). */
export async function runRetention(store: BenchStore, runs: number, rawRuns: number): Promise<RetentionFigures[]> {
  const now = new Date(`${store.range.to}T12:00:00Z`);
  const out: RetentionFigures[] = [];
  for (const c of cohortBenchCases(store.prisma, store.shop, store.range.to, now)) {
    const fast = await timeRuns(runs, c.insights);
    const slow: number[] = [];
    let raw: unknown;
    for (let i = 0; i < rawRuns; i++) {
      const t = performance.now();
      raw = await c.raw();
      slow.push(performance.now() - t);
    }
    const same = JSON.stringify(await c.insights()) === JSON.stringify(raw);
    out.push({
      name: c.name,
      p50: quantile(fast, 0.5),
      p95: quantile(fast, 0.95),
      rawP50: quantile(slow, 0.5),
      rawRuns,
      sameAnswer: same,
    });
  }
  return out;
}

/** Each endpoint's answer in-process (the work behind the HTTP figures, without server or token check). */
export async function runInProcess(
  store: BenchStore,
  runs: number,
): Promise<Record<string, { p50: number; p95: number }>> {
  const { prisma, shop } = store;
  const query = `from=${store.range.from}&to=${store.range.to}`;
  const now = new Date(`${store.range.to}T12:00:00Z`);
  const out: Record<string, { p50: number; p95: number }> = {};
  const answer = async (run: () => Promise<{ status: number }>, name: string) => {
    const times = await timeRuns(runs, async () => {
      const a = await run();
      if (a.status !== 200) throw new Error(`${name} answered ${a.status}`);
    });
    out[name] = { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
  };
  for (const endpoint of DASHBOARD_ENDPOINTS) {
    const url = new URL(`http://bench/api/dashboard/${endpoint}?${query}`);
    await answer(() => answerDashboardEndpoint(prisma, shop, endpoint, url, null), endpoint);
  }
  for (const endpoint of RETENTION_ENDPOINTS) {
    const url = new URL(`http://bench/api/insights/${endpoint}?${query}`);
    await answer(() => answerRetentionEndpoint(prisma, shop, endpoint, url, null, now), endpoint);
  }
  return out;
}
