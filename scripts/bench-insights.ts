// `npm run bench:insights [-- --orders 1000000 --runs 40 --raw-runs 5 --keep | --reuse] [--http] [--rebuild]`
//
// Generates a shop with N orders and their sales ledger (`sale`: placements, order
// edits, refunds with shipping, tips, duties, fees) on PostgreSQL (DATABASE_URL;
// default: a database `storepulse_bench` on 127.0.0.1:5432, created and migrated if
// missing) with set-based SQL, builds the insights rollups, then times every endpoint's
// insights function for a 365-day range (p50/p95) against computing the same answer from
// the raw sales and orders in the same run, checks both answers are identical, times the
// recomputation a sync batch triggers (3 local days) and the Customers page (every
// sort, against a plain page of customers: scripts/bench/customers-page.ts), and prints a table.
// --rebuild: time the full rollup rebuild again on a reused shop (against one aggregate
// scan of the same orders). --http: the dashboard endpoints over HTTP on the built app at
// concurrency 1 and 16 against GET /healthz (scripts/bench/dashboard.ts), as `npm run
// bench` measures them; the opt-in way to measure them at 10M orders, which does not fit
// that command's 20 minutes: `npm run bench:insights -- --orders 10000000 --http --keep`.
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@prisma/client";
import { applyMigrations } from "../app/db/migrate.server";
import { appPoolConfig } from "../app/db/pool-config";
import { buildApp, runDashboardBench } from "./bench/dashboard";
import {
  addDays,
  averageMoney,
  bucketStarts,
  getAverageOrderValueByDate,
  getNewCustomersByDate,
  getOrdersByDate,
  getSummary,
  getTopCustomers,
  getTopProducts,
  previousRange,
  profileRollups,
  recomputeAllRollups,
  recomputeRollups,
  roundMoney,
  roundRate,
  toDecimal,
  type Granularity,
  type InsightsShop,
  type SummaryTotals,
} from "../app/insights";
import { cohortBenchCases } from "./bench/cohorts";
import { generatedStoreSpec, generateStore } from "./bench/generate";
import { runCustomersPageBench } from "./bench/customers-page";

const { values: args } = parseArgs({
  options: {
    orders: { type: "string", default: "1000000" },
    runs: { type: "string", default: "40" },
    "raw-runs": { type: "string", default: "5" },
    keep: { type: "boolean", default: false },
    // Reuse a shop a previous `--keep` run left (same --orders): skips generation and rollups.
    reuse: { type: "boolean", default: false },
    rebuild: { type: "boolean", default: false },
    http: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
  },
});
const ORDERS = Number(args.orders);
const RUNS = Number(args.runs);
const RAW_RUNS = Number(args["raw-runs"]);
const SPEC = generatedStoreSpec(ORDERS);
const TIMEZONE = "America/New_York";

async function ensureDatabase(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const server = "postgresql://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'storepulse_bench'");
  if (exists.rowCount === 0) await admin.query("CREATE DATABASE storepulse_bench");
  await admin.end();
  const url = "postgresql://postgres@127.0.0.1:5432/storepulse_bench";
  await applyMigrations(url);
  return url;
}

/** What any rebuild must at least do: read every order line once, grouped by local day (as scripts/bench/ingest.ts). */
async function aggregateScan(prisma: PrismaClient, shopId: number): Promise<number> {
  const [, ms] = await timed(
    () => prisma.$queryRaw`
      SELECT ((o.processed_at AT TIME ZONE 'UTC') AT TIME ZONE s.iana_timezone)::date AS d,
        count(DISTINCT o.id), sum(li.original_unit_price * li.quantity - li.total_discount)
      FROM "order" o JOIN shop s ON s.id = o.shop_id
      JOIN order_line_item li ON li.shop_id = o.shop_id AND li.order_id = o.id
      WHERE o.shop_id = ${shopId} GROUP BY 1`,
  );
  return ms;
}

async function rebuildRollups(prisma: PrismaClient, shopId: number) {
  const scanMs = await aggregateScan(prisma, shopId);
  const [rollup, rollupMs] = await timed(() => recomputeAllRollups(prisma, shopId));
  await prisma.$executeRawUnsafe(
    `ANALYZE insights_shop_day, insights_customer_day, insights_product_day, insights_customer_month, insights_product_month`,
  );
  console.log(
    `  rollups for ${rollup.days} local days built in ${(rollupMs / 1000).toFixed(1)} s ` +
      `(${((rollupMs / 1000) * (1e6 / ORDERS)).toFixed(1)} s per 1M orders; one aggregate scan of the orders and lines: ` +
      `${(scanMs / 1000).toFixed(1)} s, ratio ${(rollupMs / scanMs).toFixed(1)}x; load average ${loadAverage()})`,
  );
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// ---- The same answers computed from the raw rows (no rollups) ----------------------
// Straight from docs/metrics.md: money sums sales of non-test orders by happened_at,
// counts come from the orders by processed_at.

interface RawTotals {
  orders: number;
  gross: string;
  disc: string;
  returns: string;
  shipping: string;
  taxes: string;
  duties: string;
  fees: string;
  tips: string;
  gift_cards: string;
  customers: number;
  new_customers: number;
  returning: number;
}

/** Money figures of a set of sales `x` (columns named as in RawTotals). */
const SALE_FIGURES = Prisma.raw(`
  coalesce(sum(x.total_amount - x.total_tax + x.total_discount_before_taxes) FILTER (WHERE x.line_type = 'PRODUCT' AND x.action_type IN ('ORDER', 'UPDATE')), 0)::text AS gross,
  coalesce(sum(x.total_discount_before_taxes) FILTER (WHERE x.line_type = 'PRODUCT' AND x.action_type IN ('ORDER', 'UPDATE')), 0)::text AS disc,
  coalesce(-sum(x.total_amount - x.total_tax) FILTER (WHERE (x.line_type = 'PRODUCT' AND x.action_type = 'RETURN') OR x.line_type = 'ADJUSTMENT'), 0)::text AS returns,
  coalesce(sum(x.total_amount - x.total_tax) FILTER (WHERE x.line_type = 'SHIPPING'), 0)::text AS shipping,
  coalesce(sum(x.total_tax) FILTER (WHERE x.line_type NOT IN ('TIP', 'GIFT_CARD')), 0)::text AS taxes,
  coalesce(sum(x.total_amount - x.total_tax) FILTER (WHERE x.line_type = 'DUTY'), 0)::text AS duties,
  coalesce(sum(x.total_amount - x.total_tax) FILTER (WHERE x.line_type IN ('ADDITIONAL_FEE', 'FEE')), 0)::text AS fees,
  coalesce(sum(x.total_amount) FILTER (WHERE x.line_type = 'TIP'), 0)::text AS tips,
  coalesce(sum(x.total_amount) FILTER (WHERE x.line_type = 'GIFT_CARD'), 0)::text AS gift_cards`);

type RawMoney = Pick<
  RawTotals,
  "gross" | "disc" | "returns" | "shipping" | "taxes" | "duties" | "fees" | "tips" | "gift_cards"
>;

function rawFigures(r: RawMoney | undefined) {
  const gross = toDecimal(r?.gross);
  const disc = toDecimal(r?.disc);
  const net = gross.minus(disc).minus(toDecimal(r?.returns));
  const total = net
    .plus(toDecimal(r?.shipping))
    .plus(toDecimal(r?.duties))
    .plus(toDecimal(r?.fees))
    .plus(toDecimal(r?.taxes));
  return { gross, disc, net, total };
}

async function rawTotals(db: PrismaClient, shop: InsightsShop, from: string, to: string): Promise<SummaryTotals> {
  const [row] = await db.$queryRaw<RawTotals[]>`
    WITH b AS (
      SELECT (${from}::date::timestamp AT TIME ZONE ${shop.ianaTimezone}) AT TIME ZONE 'UTC' AS lo,
             ((${to}::date + 1)::timestamp AT TIME ZONE ${shop.ianaTimezone}) AT TIME ZONE 'UTC' AS hi
    ),
    o AS (SELECT o.* FROM "order" o, b WHERE o.shop_id = ${shop.id} AND NOT o.test AND o.processed_at >= b.lo AND o.processed_at < b.hi),
    money AS (
      SELECT ${SALE_FIGURES}
      FROM sale x JOIN "order" xo ON xo.shop_id = x.shop_id AND xo.id = x.order_id, b
      WHERE x.shop_id = ${shop.id} AND NOT xo.test AND x.happened_at >= b.lo AND x.happened_at < b.hi
        AND x.action_type <> 'UNKNOWN' AND x.line_type <> 'UNKNOWN'
    ),
    firsts AS (SELECT customer_id, min(processed_at) AS first_at FROM "order"
               WHERE shop_id = ${shop.id} AND NOT test AND customer_id IS NOT NULL GROUP BY customer_id),
    cust AS (SELECT DISTINCT customer_id FROM o WHERE customer_id IS NOT NULL),
    repeaters AS (SELECT c.customer_id FROM cust c JOIN "order" x ON x.shop_id = ${shop.id} AND x.customer_id = c.customer_id AND NOT x.test, b
                  WHERE x.processed_at < b.hi GROUP BY c.customer_id HAVING count(*) >= 2)
    SELECT (SELECT count(*) FROM o)::int AS orders, money.*,
      (SELECT count(*) FROM cust)::int AS customers,
      (SELECT count(*) FROM firsts, b WHERE first_at >= b.lo AND first_at < b.hi)::int AS new_customers,
      (SELECT count(*) FROM repeaters)::int AS returning
    FROM money`;
  const r = row!;
  const c = shop.currencyCode;
  const { gross, disc, net, total } = rawFigures(r);
  return {
    orders: r.orders,
    grossSales: roundMoney(gross, c),
    discounts: roundMoney(disc, c),
    returns: roundMoney(toDecimal(r.returns), c),
    netSales: roundMoney(net, c),
    shipping: roundMoney(toDecimal(r.shipping), c),
    duties: roundMoney(toDecimal(r.duties), c),
    additionalFees: roundMoney(toDecimal(r.fees), c),
    taxes: roundMoney(toDecimal(r.taxes), c),
    totalSales: roundMoney(total, c),
    tips: roundMoney(toDecimal(r.tips), c),
    giftCardSales: roundMoney(toDecimal(r.gift_cards), c),
    averageOrderValue: averageMoney(gross.minus(disc), r.orders, c),
    customers: r.customers,
    newCustomers: r.new_customers,
    returningCustomerRate: roundRate(r.returning, r.customers),
  };
}

async function rawSummary(db: PrismaClient, shop: InsightsShop, from: string, to: string) {
  const prev = previousRange(from, to);
  const [totals, previous] = await Promise.all([
    rawTotals(db, shop, from, to),
    rawTotals(db, shop, prev.from, prev.to),
  ]);
  return {
    shop: shop.domain,
    currency: shop.currencyCode,
    timezone: shop.ianaTimezone,
    from,
    to,
    totals,
    previous: { ...previous, ...prev },
  };
}

type RawBucket = RawMoney & { bucket: string; orders: number; new_customers: number };

async function rawBuckets(db: PrismaClient, shop: InsightsShop, from: string, to: string, g: Granularity) {
  const unit = g;
  const tz = shop.ianaTimezone;
  const rows = await db.$queryRaw<RawBucket[]>`
    WITH b AS (
      SELECT (${from}::date::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC' AS lo,
             ((${to}::date + 1)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC' AS hi
    ),
    ob AS (SELECT date_trunc(${unit}, (o.processed_at AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date AS bucket, count(*)::int AS orders
           FROM "order" o, b WHERE o.shop_id = ${shop.id} AND NOT o.test AND o.processed_at >= b.lo AND o.processed_at < b.hi
           GROUP BY 1),
    sb AS (SELECT date_trunc(${unit}, (x.happened_at AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date AS bucket, ${SALE_FIGURES}
           FROM sale x JOIN "order" xo ON xo.shop_id = x.shop_id AND xo.id = x.order_id, b
           WHERE x.shop_id = ${shop.id} AND NOT xo.test AND x.happened_at >= b.lo AND x.happened_at < b.hi
             AND x.action_type <> 'UNKNOWN' AND x.line_type <> 'UNKNOWN'
           GROUP BY 1),
    nb AS (SELECT date_trunc(${unit}, (first_at AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date AS bucket, count(*)::int AS new_customers
           FROM (SELECT min(processed_at) AS first_at FROM "order" WHERE shop_id = ${shop.id} AND NOT test AND customer_id IS NOT NULL GROUP BY customer_id) f, b
           WHERE first_at >= b.lo AND first_at < b.hi GROUP BY 1),
    buckets AS (SELECT bucket FROM ob UNION SELECT bucket FROM sb UNION SELECT bucket FROM nb)
    SELECT k.bucket::text AS bucket, coalesce(ob.orders, 0) AS orders, sb.gross, sb.disc, sb.returns, sb.shipping, sb.taxes,
      sb.duties, sb.fees, sb.tips, sb.gift_cards, coalesce(nb.new_customers, 0) AS new_customers
    FROM buckets k LEFT JOIN ob USING (bucket) LEFT JOIN sb USING (bucket) LEFT JOIN nb USING (bucket)`;
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  return bucketStarts(from, to, g).map((date) => {
    const r = byBucket.get(date);
    return { date, orders: r?.orders ?? 0, ...rawFigures(r), newCustomers: r?.new_customers ?? 0 };
  });
}

async function rawTopCustomers(db: PrismaClient, shop: InsightsShop, from: string, to: string, limit: number) {
  const tz = shop.ianaTimezone;
  const rows = await db.$queryRaw<
    { id: string; name: string | null; email: string | null; orders: number; total: string }[]
  >`
    WITH b AS (
      SELECT (${from}::date::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC' AS lo,
             ((${to}::date + 1)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC' AS hi
    ),
    moves AS (
      SELECT o.customer_id, 1 AS orders, 0 AS total
      FROM "order" o, b WHERE o.shop_id = ${shop.id} AND NOT o.test AND o.customer_id IS NOT NULL
        AND o.processed_at >= b.lo AND o.processed_at < b.hi
      UNION ALL
      SELECT o.customer_id, 0, x.total_amount
      FROM sale x JOIN "order" o ON o.shop_id = x.shop_id AND o.id = x.order_id, b
      WHERE x.shop_id = ${shop.id} AND NOT o.test AND o.customer_id IS NOT NULL
        AND x.happened_at >= b.lo AND x.happened_at < b.hi AND x.action_type <> 'UNKNOWN'
        AND x.line_type IN ('PRODUCT', 'ADJUSTMENT', 'SHIPPING', 'DUTY', 'ADDITIONAL_FEE', 'FEE')
    ),
    ranked AS (
      SELECT customer_id, sum(orders)::int AS orders, sum(total) AS total FROM moves
      GROUP BY customer_id ORDER BY total DESC, customer_id ASC LIMIT ${limit}
    )
    SELECT r.customer_id::text AS id, nullif(concat_ws(' ', c.first_name, c.last_name), '') AS name, c.email, r.orders, r.total::text AS total
    FROM ranked r LEFT JOIN customer c ON c.shop_id = ${shop.id} AND c.id = r.customer_id
    ORDER BY r.total DESC, r.customer_id ASC`;
  return {
    customers: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      orders: r.orders,
      totalSpent: roundMoney(toDecimal(r.total), shop.currencyCode),
    })),
  };
}

async function rawTopProducts(db: PrismaClient, shop: InsightsShop, from: string, to: string, limit: number) {
  const tz = shop.ianaTimezone;
  const rows = await db.$queryRaw<{ id: string; title: string | null; units: number; net: string }[]>`
    WITH b AS (
      SELECT (${from}::date::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC' AS lo,
             ((${to}::date + 1)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC' AS hi
    ),
    moves AS (
      SELECT x.product_id,
        CASE WHEN x.action_type = 'RETURN' THEN -abs(x.quantity) ELSE x.quantity END AS units,
        x.total_amount - x.total_tax AS net
      FROM sale x JOIN "order" o ON o.shop_id = x.shop_id AND o.id = x.order_id, b
      WHERE x.shop_id = ${shop.id} AND NOT o.test AND x.line_type = 'PRODUCT' AND x.action_type <> 'UNKNOWN'
        AND x.product_id IS NOT NULL AND x.happened_at >= b.lo AND x.happened_at < b.hi
    ),
    ranked AS (SELECT product_id, sum(units)::int AS units, sum(net) AS net FROM moves GROUP BY product_id ORDER BY net DESC, product_id ASC LIMIT ${limit})
    SELECT r.product_id::text AS id, p.title, r.units, r.net::text AS net
    FROM ranked r LEFT JOIN product p ON p.shop_id = ${shop.id} AND p.id = r.product_id ORDER BY r.net DESC, r.product_id ASC`;
  return {
    products: rows.map((r) => ({
      id: r.id,
      title: r.title,
      unitsSold: r.units,
      netSales: roundMoney(toDecimal(r.net), shop.currencyCode),
    })),
  };
}

// ---- Run ----------------------------------------------------------------------------

async function main() {
  const url = await ensureDatabase();
  // The app's pool settings (app/db/pool-config.ts), so these timings are the app's.
  const prisma = new PrismaClient({ adapter: new PrismaPg(appPoolConfig(url)) });
  // INSIGHTS_PROFILE=1: where the rebuild's and the recomputation's time goes, step by step.
  if (process.env.INSIGHTS_PROFILE) profileRollups((line) => console.log(line));
  const existing = args.reuse
    ? await prisma.shop.findFirst({ where: { domain: { startsWith: `bench-${ORDERS}-` } }, orderBy: { id: "desc" } })
    : null;
  const domain = existing?.domain ?? `bench-${ORDERS}-${Date.now().toString(36)}.myshopify.com`;
  const created =
    existing ?? (await prisma.shop.create({ data: { domain, currencyCode: "USD", ianaTimezone: TIMEZONE } }));
  const shop: InsightsShop = { id: created.id, domain, currencyCode: "USD", ianaTimezone: TIMEZONE };
  const keep = args.keep || existing !== null;
  try {
    if (existing) {
      console.log(`Reusing shop ${shop.id} (${domain}) and its rollups`);
    } else {
      console.log(
        `Generating ${ORDERS.toLocaleString("en")} orders, ${SPEC.customers.toLocaleString("en")} customers, ${SPEC.products} products (shop ${shop.id})…`,
      );
      const [, genMs] = await timed(() => generateStore(prisma, shop.id, SPEC));
      console.log(`  generated in ${(genMs / 1000).toFixed(1)} s`);
      await rebuildRollups(prisma, shop.id);
    }
    if (existing && args.rebuild) await rebuildRollups(prisma, shop.id);

    const to = SPEC.endDate;
    const from = addDays(to, -364);
    const range = { from, to };
    const cases: { name: string; insights: () => Promise<unknown>; raw: () => Promise<unknown> }[] = [
      {
        name: "summary",
        insights: () => getSummary(prisma, shop, range),
        raw: () => rawSummary(prisma, shop, from, to),
      },
      {
        name: "orders-by-date (day)",
        insights: () => getOrdersByDate(prisma, shop, { ...range, granularity: "day" }),
        raw: async () => ({
          from,
          to,
          granularity: "day",
          series: (await rawBuckets(prisma, shop, from, to, "day")).map((p) => ({
            date: p.date,
            orders: p.orders,
            totalSales: roundMoney(p.total, "USD"),
            netSales: roundMoney(p.net, "USD"),
          })),
        }),
      },
      {
        name: "new-customers-by-date (week)",
        insights: () => getNewCustomersByDate(prisma, shop, { ...range, granularity: "week" }),
        raw: async () => ({
          from,
          to,
          granularity: "week",
          series: (await rawBuckets(prisma, shop, from, to, "week")).map((p) => ({
            date: p.date,
            newCustomers: p.newCustomers,
          })),
        }),
      },
      {
        name: "avg-order-value-by-date (month)",
        insights: () => getAverageOrderValueByDate(prisma, shop, { ...range, granularity: "month" }),
        raw: async () => ({
          from,
          to,
          granularity: "month",
          series: (await rawBuckets(prisma, shop, from, to, "month")).map((p) => ({
            date: p.date,
            averageOrderValue: averageMoney(p.gross.minus(p.disc), p.orders, "USD"),
            orders: p.orders,
          })),
        }),
      },
      {
        name: "top-customers (5)",
        insights: () => getTopCustomers(prisma, shop, { ...range, limit: 5 }),
        raw: () => rawTopCustomers(prisma, shop, from, to, 5),
      },
      {
        name: "top-products (5)",
        insights: () => getTopProducts(prisma, shop, { ...range, limit: 5 }),
        raw: () => rawTopProducts(prisma, shop, from, to, 5),
      },
      // Retention (/api/insights/*): 12 cohort months ending at `to`.
      ...cohortBenchCases(prisma, shop, to, new Date(`${to}T12:00:00Z`)),
    ];

    const table: Record<string, string | number>[] = [];
    let allMatch = true;
    for (const c of cases) {
      await c.insights(); // warm-up (plans, connection)
      const fast: number[] = [];
      let fastAnswer: unknown;
      for (let i = 0; i < RUNS; i++) {
        const [answer, ms] = await timed(c.insights);
        fast.push(ms);
        fastAnswer = answer;
      }
      const slow: number[] = [];
      let rawAnswer: unknown;
      for (let i = 0; i < RAW_RUNS; i++) {
        const [answer, ms] = await timed(c.raw);
        slow.push(ms);
        rawAnswer = answer;
      }
      const same = JSON.stringify(fastAnswer) === JSON.stringify(rawAnswer);
      allMatch &&= same;
      if (!same)
        console.error(
          `MISMATCH ${c.name}\n rollups: ${JSON.stringify(fastAnswer).slice(0, 600)}\n raw:     ${JSON.stringify(rawAnswer).slice(0, 600)}`,
        );
      table.push({
        endpoint: c.name,
        "rollups p50 ms": +percentile(fast, 50).toFixed(1),
        "rollups p95 ms": +percentile(fast, 95).toFixed(1),
        "raw p50 ms": +percentile(slow, 50).toFixed(1),
        "raw p95 ms": +percentile(slow, 95).toFixed(1),
        "speed-up (p50)": `${(percentile(slow, 50) / percentile(fast, 50)).toFixed(0)}x`,
        "same answer": same ? "yes" : "NO",
        "p95 < 50 ms": percentile(fast, 95) < 50 ? "yes" : "NO",
      });
    }
    // What a sync batch costs on top: recomputing the rollups of the local days it touched
    // (three days: a new order, an edit a month later, a refund of an old order).
    const batchDays = [to, addDays(to, -30), addDays(to, -200)];
    const recompute: number[] = [];
    for (let i = 0; i < Math.max(5, Math.round(RUNS / 4)); i++) {
      recompute.push((await timed(() => recomputeRollups(prisma, shop.id, batchDays)))[1]);
    }
    table.push({
      endpoint: "recompute 3 days (sync batch)",
      "rollups p50 ms": +percentile(recompute, 50).toFixed(1),
      "rollups p95 ms": +percentile(recompute, 95).toFixed(1),
    });
    // The Customers page: every sort and the loader's data, against a plain page of
    // customers (scripts/bench/customers-page.ts).
    for (const r of await runCustomersPageBench(prisma, shop, { to, runs: RUNS })) {
      table.push({
        endpoint: `Customers page: ${r.view} (raw: plain page; 30 days unless said)`,
        "rollups p50 ms": +r.p50.toFixed(1),
        "rollups p95 ms": +r.p95.toFixed(1),
        "raw p50 ms": +r.baselineP50.toFixed(1),
        "raw p95 ms": +r.baselineP95.toFixed(1),
        "p95 < 50 ms": r.p95 < 100 ? "(< 100: yes)" : "(< 100: NO)",
      });
    }
    console.log(
      `\n365-day range ${from}..${to}, ${ORDERS.toLocaleString("en")} orders, ${RUNS} runs (raw: ${RAW_RUNS} runs), load average ${loadAverage()}`,
    );
    console.table(table);
    if (!allMatch) process.exitCode = 1;
    if (args.http) {
      if (!args["no-build"]) {
        console.log("Building the app…");
        await buildApp();
      }
      const dashboard = await runDashboardBench({
        prisma,
        databaseUrl: url,
        shopDomain: domain,
        orders: ORDERS,
        range,
        requests: { 1: RUNS, 16: RUNS * 4 },
      });
      console.log(
        `\nOver HTTP (p50 / p95 / p99 ms; baseline GET /healthz at the same concurrency), load average ${loadAverage()}`,
      );
      console.table(
        dashboard.rows.map((r) => ({
          endpoint: r.endpoint,
          concurrency: r.concurrency,
          ours: [r.ours.p50, r.ours.p95, r.ours.p99].map((n) => n.toFixed(1)).join(" / "),
          healthz: [r.baseline.p50, r.baseline.p95, r.baseline.p99].map((n) => n.toFixed(1)).join(" / "),
          "ratio (p95)": `${(r.ours.p95 / r.baseline.p95).toFixed(1)}x`,
          "p95 < 50 ms": r.ours.p95 < 50 ? "yes" : "NO",
        })),
      );
    }
  } finally {
    if (!keep) {
      console.log("Removing the benchmark shop…");
      await prisma.shop.delete({ where: { id: shop.id } });
    }
    await prisma.$disconnect();
  }
}

await main();
