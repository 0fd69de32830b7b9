// Measures the pull side of ingestion against the simulator:
//   npx tsx scripts/bench-sync.ts [--size medium] [--bulk-speed 1000000] [--passes 5]
// 1. install + bulk backfill of a generated store (time, records/s, rows/s);
// 2. the cron's pass for the same shop, unchanged (median of several passes).
// Database: BENCH_DATABASE_URL (a PostgreSQL database to use; tables must be
// migrated) or, by default, a throwaway embedded PGlite in memory.
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { startSimulator } from "../simulator/src/index";
import { startEmbeddedPostgres } from "../app/db/embedded-postgres.server";
import { applyMigrations } from "../app/db/migrate.server";
import { silentSyncLogger, type SyncContext } from "../app/sync/context";
import { createAdminGraphql } from "../app/sync/graphql-client";
import { handleInstall } from "../app/sync/install";
import { ADMIN_API_VERSION } from "../app/sync/queries";
import { runShopPass } from "../app/sync/shop-sync";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "medium" },
    "bulk-speed": { type: "string", default: "1000000" },
    passes: { type: "string", default: "5" },
  },
});

let connectionString = process.env.BENCH_DATABASE_URL;
let stopDatabase = async () => {};
if (!connectionString) {
  const embedded = await startEmbeddedPostgres({ dataDir: "memory://" });
  connectionString = embedded.connectionString;
  stopDatabase = () => embedded.stop();
  await applyMigrations(connectionString);
}
const embedded = !process.env.BENCH_DATABASE_URL;
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, ...(embedded ? { max: 1 } : {}) }) });

const generated = performance.now();
const domain = `bench-${Date.now().toString(36)}.myshopify.com`;
const sim = await startSimulator({
  port: 0,
  appToml: false,
  shops: [{ domain, seed: 7, size: values.size as "small" | "medium" | "large" }],
  bulk: { objectsPerSecond: Number(values["bulk-speed"]) },
});
console.log(`simulator with the ${values.size} store ready in ${Math.round(performance.now() - generated)} ms`);
const { accessToken, scope } = sim.control.install(domain);
const toSim: typeof fetch = (input, init) =>
  fetch(
    String(input instanceof Request ? input.url : input).replace(/^https:\/\/[^/]+\.myshopify\.com/, sim.url),
    init,
  );
let throttled = 0;
const ctx: SyncContext = {
  prisma,
  clientFor: async (shop) =>
    createAdminGraphql({
      shop,
      apiVersion: ADMIN_API_VERSION,
      fetch: toSim,
      accessToken: async () => accessToken,
      onThrottled: () => (throttled += 1),
    }),
  fetch: toSim,
  workerId: "bench",
  log: silentSyncLogger,
};

try {
  const started = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 100);
  const { shop, done } = await handleInstall(ctx, domain, scope);
  const outcome = await done;
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (outcome?.status !== "succeeded") throw new Error(`backfill failed: ${JSON.stringify(outcome)}`);
  const [customers, products, variants, orders, lines, refunds, refundLines] = await Promise.all([
    prisma.customer.count({ where: { shopId: shop.id } }),
    prisma.product.count({ where: { shopId: shop.id } }),
    prisma.productVariant.count({ where: { shopId: shop.id } }),
    prisma.order.count({ where: { shopId: shop.id } }),
    prisma.orderLineItem.count({ where: { shopId: shop.id } }),
    prisma.refund.count({ where: { shopId: shop.id } }),
    prisma.refundLineItem.count({ where: { shopId: shop.id } }),
  ]);
  const records = customers + products + orders;
  const rows = records + variants + lines + refunds + refundLines;
  const ops = sim.simulator.bulk.views(sim.control.store(domain));
  const exportSeconds =
    Math.max(...ops.map((o) => Date.parse(o.completedAt!))) / 1000 -
    Math.min(...ops.map((o) => Date.parse(o.createdAt))) / 1000;
  console.log(
    `backfill (${embedded ? "embedded PGlite" : "PostgreSQL"}): ${seconds.toFixed(1)} s for ${records} records ` +
      `(${customers} customers, ${products} products, ${orders} orders) = ${Math.round(records / seconds)} records/s; ` +
      `${rows} rows incl. variants/lines/refunds = ${Math.round(rows / seconds)} rows/s; ` +
      `bulk exports took ≈${exportSeconds.toFixed(0)} s of it at ${values["bulk-speed"]} objects/s; ` +
      `heap +${Math.round((peakHeap - heapBefore) / 1e6)} MB peak; THROTTLED ${throttled}×`,
  );

  const passes: number[] = [];
  for (let i = 0; i < Number(values.passes); i++) {
    const t = performance.now();
    const pass = await runShopPass(ctx, domain, { trigger: "scheduled" });
    if (pass.status !== "succeeded") throw new Error(`pass failed: ${JSON.stringify(pass)}`);
    passes.push(performance.now() - t);
  }
  passes.sort((a, b) => a - b);
  console.log(
    `cron pass, unchanged shop: median ${Math.round(passes[Math.floor(passes.length / 2)]!)} ms ` +
      `(min ${Math.round(passes[0]!)}, max ${Math.round(passes.at(-1)!)}; ${passes.length} passes, 3 Admin API calls each)`,
  );
} finally {
  await sim.close();
  await prisma.$disconnect();
  await stopDatabase();
}
