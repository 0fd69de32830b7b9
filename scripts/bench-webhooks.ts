// Webhook handling time, measured outside the test suite (tests assert behaviour, not speed):
//   npm run bench:webhooks [-- --changes 300 --concurrency 8 --no-build]
// The simulator (Shopify) delivers real webhooks for a seeded run of changes to the built
// app; those signed deliveries are then replayed to a fresh tenant one by one and at a
// given concurrency. Baseline in the same run: GET /healthz (one database round trip) on
// the same server, so the ratio says what handling a webhook costs over a trivial request.
// Database: BENCH_DATABASE_URL (a PostgreSQL database; migrated here) or an embedded PGlite.
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import getPort from "get-port";
import { startSimulator } from "../simulator/src/index";
import { startEmbeddedPostgres } from "../app/db/embedded-postgres.server";
import { applyMigrations } from "../app/db/migrate.server";

const { values } = parseArgs({
  options: {
    changes: { type: "string", default: "300" },
    concurrency: { type: "string", default: "8" },
    "no-build": { type: "boolean", default: false },
  },
});

const apiKey = "storepulse-bench-api-key";
const apiSecret = "storepulse-bench-api-secret";
const scopes = "read_customers,read_orders,read_all_orders,read_products";

let databaseUrl = process.env.BENCH_DATABASE_URL;
let stopDatabase = async () => {};
if (!databaseUrl) {
  const embedded = await startEmbeddedPostgres({ dataDir: mkdtempSync(path.join(os.tmpdir(), "storepulse-bench-")) });
  databaseUrl = embedded.connectionString;
  stopDatabase = () => embedded.stop();
}
await applyMigrations(databaseUrl);

if (!values["no-build"]) {
  const code = await new Promise<number | null>((resolve) =>
    spawn("npx", ["remix", "vite:build"], { stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } }).on(
      "exit",
      resolve,
    ),
  );
  if (code !== 0) throw new Error(`build failed (${code})`);
}

const port = await getPort({ host: "127.0.0.1" });
const appUrl = `http://127.0.0.1:${port}`;
const shop = `bench-hooks-${Date.now().toString(36)}.myshopify.com`;
const sim = await startSimulator({
  port: 0,
  appToml: path.resolve("shopify.app.toml"),
  shops: [{ domain: shop, size: "empty", ianaTimezone: "America/New_York" }],
  app: { apiKey, apiSecret, appUrl, scopes: scopes.split(",") },
});

let output = "";
const app: ChildProcess = spawn(
  process.execPath,
  [path.resolve("node_modules/@remix-run/serve/dist/cli.js"), "build/server/index.js"],
  {
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      SHOPIFY_API_KEY: apiKey,
      SHOPIFY_API_SECRET: apiSecret,
      SHOPIFY_APP_URL: appUrl,
      SCOPES: scopes,
      SHOPIFY_SIMULATOR_URL: sim.url,
      DATABASE_URL: databaseUrl,
      SYNC_CRON: "off",
      STOREPULSE_ENCRYPTION_KEY: Buffer.from("storepulse-bench-encryption-key!", "utf8").toString("base64"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  },
);
app.stdout!.on("data", (c) => (output += c));
app.stderr!.on("data", (c) => (output += c));

async function until(what: string, probe: () => Promise<boolean>, ms = 120_000) {
  const deadline = Date.now() + ms;
  while (!(await probe().catch(() => false))) {
    if (app.exitCode !== null || Date.now() > deadline)
      throw new Error(`gave up waiting for ${what}\n${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)]!;
const summary = (ms: number[]) => ({ p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), p99: quantile(ms, 0.99) });
const fmt = (n: number) => n.toFixed(1).padStart(8);

try {
  await until("the app to be healthy", async () => (await fetch(`${appUrl}/healthz`)).ok);
  sim.control.install(shop);
  // A seeded run of changes: customers, products, orders with refunds and cancellations.
  const c = sim.control;
  const count = Number(values.changes);
  for (let i = 0; i < count; i++) {
    const customers = c.store(shop).list("customers");
    const products = c.store(shop).list("products");
    if (customers.length < 5 || i % 10 === 0)
      c.createCustomer(shop, { firstName: `F${i}`, lastName: `L${i}`, email: `c${i}@example.com` });
    else if (products.length < 3 || i % 15 === 0)
      c.createProduct(shop, {
        title: `P${i}`,
        vendor: "Acme",
        productType: "Mugs",
        variants: [{ title: "V", sku: `P${i}`, price: "12.50" }],
      });
    else
      c.createOrder(shop, {
        customerId: customers[i % customers.length]!.id,
        lineItems: [{ variantId: products[i % products.length]!.variants[0]!.id, quantity: 1 + (i % 3) }],
      });
  }
  await c.webhooksIdle();
  const deliveries = c.webhookDeliveries({ shop }).filter((d) => !d.topic.startsWith("app/"));

  // Replays go to fresh tenants (the app needs their Shop row: the install hook's job).
  const tenant = async (label: string) => {
    const domain = `${label}-${shop}`;
    const { PrismaClient } = await import("@prisma/client");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
    await prisma.shop.create({ data: { domain, ianaTimezone: "America/New_York", installedAt: new Date() } });
    await prisma.$disconnect();
    return domain;
  };
  const post = async (domain: string, d: (typeof deliveries)[number], i: number) => {
    const started = performance.now();
    const response = await fetch(`${appUrl}/webhooks/${d.topic}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-shopify-topic": d.topic,
        "x-shopify-shop-domain": domain,
        "x-shopify-hmac-sha256": createHmac("sha256", apiSecret).update(d.body).digest("base64"),
        "x-shopify-api-version": "2026-10",
        "x-shopify-webhook-id": `bench-${i}-${domain}`,
        "x-shopify-event-id": `bench-${i}-${domain}`,
        "x-shopify-triggered-at": new Date().toISOString(),
      },
      body: d.body,
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${d.topic} answered ${response.status}`);
    return performance.now() - started;
  };
  const health: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await (await fetch(`${appUrl}/healthz`)).arrayBuffer();
    health.push(performance.now() - started);
  }
  const sequentialShop = await tenant("seq");
  const sequential: number[] = [];
  for (const [i, d] of deliveries.entries()) sequential.push(await post(sequentialShop, d, i));
  const concurrentShop = await tenant("conc");
  const concurrent: number[] = [];
  const width = Number(values.concurrency);
  const wallStarted = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < deliveries.length) {
        const i = next++;
        concurrent.push(await post(concurrentShop, deliveries[i]!, i));
      }
    }),
  );
  const wallSeconds = (performance.now() - wallStarted) / 1000;

  const base = summary(health);
  console.log(
    `\nwebhook handling (${deliveries.length} real deliveries; ${process.env.BENCH_DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}; ${os.cpus().length} cores)`,
  );
  console.log(`${"figure".padEnd(34)}      p50      p95      p99   p50 ratio to /healthz`);
  const row = (name: string, s: ReturnType<typeof summary>) =>
    console.log(`${name.padEnd(34)}${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.p99)}   ${(s.p50 / base.p50).toFixed(1)}x`);
  row("baseline GET /healthz (ms)", base);
  row("webhook, one at a time (ms)", summary(sequential));
  row(`webhook, concurrency ${width} (ms)`, summary(concurrent));
  console.log(
    `throughput at concurrency ${width}: ${(deliveries.length / wallSeconds).toFixed(1)} acknowledged/s; Shopify's deadline: 5000 ms`,
  );
} finally {
  app.kill("SIGTERM");
  await sim.close();
  await stopDatabase();
}
