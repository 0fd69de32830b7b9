// Webhook intake, measured outside the test suite (tests assert behaviour, not speed):
//   npm run bench:webhooks [-- --deliveries 600 --concurrency 32 --database postgresql|embedded|both
//                             --topology split|single --server server.mjs|remix-serve
//                             --client http|fetch --no-build]
// --server remix-serve: the app behind remix-serve as before server.mjs (for comparison).
// --client: how this process sends (both the baseline and the deliveries): node:http with
// keep-alive sockets (default; Shopify's senders are not on our machine, so the load
// generator should take as little of the shared cores as it can) or the global fetch
// (undici; what the benchmark used before, ≈1.1 ms of CPU per request here).
// BENCH_CPU_PROF=<dir> writes a CPU profile per app process (node --cpu-prof) when it stops.
// scripts/bench.ts calls runWebhookBench() for its table.
//
// The simulator (Shopify) produces real, signed-shape deliveries for a seeded run of
// changes; they are replayed with fresh event ids to a fresh tenant of the built app:
// - burst: all deliveries at concurrency 32 — acknowledged per second and p50/p95/p99 of
//   the acknowledgement, next to GET /healthz at the same concurrency in the same run
//   (the baseline: one database round trip through the same server), and next to the
//   durability floor: a one-row INSERT committed alone on its own connection, again and
//   again while the burst runs (an acknowledgement waits for its row's commit, and on a
//   shared server every commit waits for the WAL flush of everything written before it);
// - applied: time from the burst's first request until the queue shows nothing pending,
//   and loss (acknowledged events not applied; orders of the deliveries not stored);
// - isolation: a second shop's trickle of single webhooks, time from acknowledgement to
//   applied (webhook_event received_at → processed_at), alone vs during another shop's burst.
// - intake writers: the intake's batcher alone, in this process, at the same concurrency,
//   writing through the app's Prisma client or a pg pool (what the web process uses on
//   PostgreSQL), interleaved rounds: CPU per event and latency of each, same run.
// Database: PostgreSQL (BENCH_DATABASE_URL or `storepulse_bench_run` on 127.0.0.1:5432,
// scripts/bench/db.ts) and/or an embedded PGlite.
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import getPort from "get-port";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { startSimulator } from "../simulator/src/index";
import { startEmbeddedPostgres } from "../app/db/embedded-postgres.server";
import { applyMigrations } from "../app/db/migrate.server";
import { createKeyring, seal, unseal } from "../app/security/crypto";
import { createWebhookIntake, webhookQueueStatus, type IntakeDatabase } from "../app/sync/webhook-queue";
import { benchDatabaseUrl, quantile } from "./bench/db";

export interface WebhookBenchOptions {
  databases: ("postgresql" | "embedded")[];
  /** Deliveries in the burst (about one per change). */
  deliveries: number;
  concurrency: number;
  /** Build the app first (bench.ts has built it already). */
  build: boolean;
  /** Give up after this long per database. */
  timeoutMs?: number;
  /** "split" (default): a web process without workers plus a worker process; "single": one process. */
  topology?: Topology;
  /** The production server (default) or remix-serve, which served the app before it. */
  server?: AppServer;
  /** How the load generator sends (default "http"). */
  client?: LoadClient;
}

export type LoadClient = "http" | "fetch";

export type AppServer = "server.mjs" | "remix-serve";

export type Topology = "split" | "single";

interface Summary {
  p50: number;
  p95: number;
  p99: number;
}

export interface WebhookBenchFigures {
  database: "postgresql" | "embedded";
  concurrency: number;
  deliveries: number;
  topology: Topology;
  server: AppServer;
  client: LoadClient;
  /** 1-minute load average when the burst ended. */
  loadAverage: number;
  baseline: {
    healthzPerSecond: number;
    healthzConcurrentMs: Summary;
    /** CPU ms per GET /healthz: the app process, PostgreSQL's backends of the bench database. */
    cpuMsPerRequest: { web: number; database: number; loadGenerator: number };
  };
  /**
   * CPU ms per burst event (Linux /proc; PostgreSQL only for the database): the receiving
   * process and the database while the burst was acknowledged; the worker process and
   * everything until all were applied.
   */
  cpuMsPerEvent: {
    webUntilAcknowledged: number;
    databaseUntilAcknowledged: number;
    /** This process (HMAC signing, HTTP client): it shares the machine with the app. */
    loadGeneratorUntilAcknowledged: number;
    workersUntilApplied: number;
    allUntilApplied: number;
  };
  burst: {
    acknowledgedPerSecond: number;
    ackMs: Summary;
    /** One-row INSERT commits on their own connection, one after another, during the burst. */
    commitFloorMs: Summary;
    /**
     * The app's own handling time (Server-Timing: body read to answer), so a slow
     * acknowledgement can be told apart from time spent queued outside the handler
     * (accept backlog, the shared cores).
     */
    handlingMs: Summary;
    /** Non-200 answers. */
    refused: number;
    /** Acknowledged events not applied, plus orders of the deliveries not stored. */
    lost: number;
    /** From the burst's first request until nothing was pending. */
    allAppliedSeconds: number;
  };
  isolation: {
    /** A quiet shop's single webhooks: acknowledgement → applied, ms. */
    aloneMs: Summary;
    duringOtherShopsBurstMs: Summary;
    samples: number;
  };
  /** The intake batcher alone, by writer (interleaved rounds of the burst's deliveries). */
  intakeWriters: { writer: "prisma" | "pg pool"; perSecond: number; ms: Summary; cpuMsPerEvent: number }[];
}

const apiKey = "storepulse-bench-api-key";
const apiSecret = "storepulse-bench-api-secret";
const scopes = "read_customers,read_orders,read_all_orders,read_products";

const summary = (ms: number[]): Summary => ({
  p50: quantile(ms, 0.5),
  p95: quantile(ms, 0.95),
  p99: quantile(ms, 0.99),
});

interface Answer {
  status: number;
  serverTiming: string;
}

/**
 * One request with node:http over keep-alive sockets (at most `sockets` open): about a
 * third of the fetch client's CPU per request, which matters when the load generator
 * shares two cores with the app, its worker and PostgreSQL.
 */
function httpSender(sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  return {
    send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
      return new Promise<Answer>((resolve, reject) => {
        const headers = { ...init.headers };
        if (init.body !== undefined) headers["content-length"] = String(Buffer.byteLength(init.body));
        const req = http.request(url, { method: init.method ?? "GET", headers, agent }, (res) => {
          res.on("data", () => {}); // read to the end so the socket is reused
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, serverTiming: String(res.headers["server-timing"] ?? "") }),
          );
          res.on("error", reject);
        });
        req.on("error", reject);
        req.end(init.body);
      });
    },
    close: () => agent.destroy(),
  };
}

function fetchSender() {
  return {
    async send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
      const response = await fetch(url, init);
      await response.arrayBuffer();
      return { status: response.status, serverTiming: response.headers.get("server-timing") ?? "" };
    },
    close: () => {},
  };
}

/**
 * The durability floor, measured while `until` is pending: a one-row INSERT committed
 * alone, one after another, on a connection of its own (a table created for it and
 * dropped after). No acknowledgement that waits for its row's commit can be faster.
 */
async function probeCommits(databaseUrl: string, until: Promise<unknown>): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const ms: number[] = [];
  try {
    await client.query("CREATE TABLE IF NOT EXISTS bench_commit_probe (id bigserial PRIMARY KEY, at timestamptz)");
    let done = false;
    void until.finally(() => (done = true));
    while (!done) {
      const started = performance.now();
      await client.query("INSERT INTO bench_commit_probe (at) VALUES (now())");
      ms.push(performance.now() - started);
    }
    await client.query("DROP TABLE bench_commit_probe");
  } finally {
    await client.end();
  }
  return ms;
}

async function buildApp(): Promise<void> {
  const code = await new Promise<number | null>((resolve) =>
    spawn("npx", ["remix", "vite:build"], { stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } }).on(
      "exit",
      resolve,
    ),
  );
  if (code !== 0) throw new Error(`build failed (${code})`);
}

interface Delivery {
  topic: string;
  body: string;
}

/** Real delivery bodies from the simulator for a seeded run of changes (no app involved). */
async function recordDeliveries(count: number): Promise<Delivery[]> {
  const shop = `bench-hooks-src-${Date.now().toString(36)}.myshopify.com`;
  // The simulator posts to an app that is not there: the bodies are what we keep.
  const sim = await startSimulator({
    port: 0,
    appToml: path.resolve("shopify.app.toml"),
    shops: [{ domain: shop, size: "empty", ianaTimezone: "America/New_York" }],
    app: { apiKey, apiSecret, appUrl: "http://127.0.0.1:9", scopes: scopes.split(",") },
    webhooks: { retryBaseMs: 10, maxAttempts: 1, timeoutMs: 200 },
  });
  try {
    sim.control.install(shop);
    const c = sim.control;
    for (let i = 0; c.webhookDeliveries({ shop }).filter((d) => !d.topic.startsWith("app/")).length < count; i++) {
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
    return c
      .webhookDeliveries({ shop })
      .filter((d) => !d.topic.startsWith("app/"))
      .slice(0, count)
      .map((d) => ({ topic: d.topic, body: d.body }));
  } finally {
    await sim.close();
  }
}

function startApp(
  databaseUrl: string,
  simulatorUrl: string,
  port: number,
  role: { workers: number; label: string } = { workers: 4, label: "app" },
  server: AppServer = "server.mjs",
) {
  let output = "";
  // BENCH_CPU_PROF=<dir>: each app process writes a V8 CPU profile there when it stops.
  // The profile is written on a normal exit: SIGUSR2 (handled by the preload) exits.
  const profile = process.env.BENCH_CPU_PROF
    ? [
        "--cpu-prof",
        `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`,
        `--cpu-prof-name=${role.label}-${port}.cpuprofile`,
        `--import=data:text/javascript,process.on("SIGUSR2",()=>process.exit(0))`,
      ]
    : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...profile,
      path.resolve(server === "server.mjs" ? "server.mjs" : "node_modules/@remix-run/serve/dist/cli.js"),
      "build/server/index.js",
    ],
    {
      env: {
        STOREPULSE_WEBHOOK_WORKERS: String(role.workers),
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "test",
        PORT: String(port),
        HOST: "127.0.0.1",
        SHOPIFY_API_KEY: apiKey,
        SHOPIFY_API_SECRET: apiSecret,
        SHOPIFY_APP_URL: `http://127.0.0.1:${port}`,
        SCOPES: scopes,
        SHOPIFY_SIMULATOR_URL: simulatorUrl,
        DATABASE_URL: databaseUrl,
        SYNC_CRON: "off",
        STOREPULSE_ENCRYPTION_KEY: Buffer.from("storepulse-bench-encryption-key!", "utf8").toString("base64"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill(process.env.BENCH_CPU_PROF ? "SIGUSR2" : "SIGTERM");
      const forced = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(forced);
    },
  };
}

// CPU time (user + system) of processes from /proc, so a figure can say what a request
// costs whatever share of the (shared) machine it got. Linux only; elsewhere 0.
const TICK_MS = 10; // USER_HZ = 100 on Linux
function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
  } catch {
    return 0;
  }
}
/** PostgreSQL backends serving `database` (process titles "postgres: … user database host…"). */
function backendCpu(database: string): Map<number, number> {
  const cpu = new Map<number, number>();
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return cpu; // no /proc: not Linux
  }
  for (const pid of pids) {
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (title.startsWith("postgres:") && title.split(" ").includes(database))
        cpu.set(Number(pid), cpuMs(Number(pid)));
    } catch {
      // gone meanwhile
    }
  }
  return cpu;
}
interface CpuMeter {
  /** CPU ms since `start()`: per app process (in startApp order) and the database's backends. */
  read(): { apps: number[]; database: number };
}
function cpuMeter(pids: (number | undefined)[], database: string | null): CpuMeter {
  const apps = pids.map(cpuMs);
  const backends = database ? backendCpu(database) : new Map<number, number>();
  return {
    read() {
      let db = 0;
      // Backends that exited meanwhile are missed (the pools keep theirs open through a run).
      if (database) for (const [pid, ms] of backendCpu(database)) db += ms - (backends.get(pid) ?? 0);
      return { apps: pids.map((pid, i) => cpuMs(pid) - apps[i]!), database: db };
    },
  };
}

async function benchOne(
  database: "postgresql" | "embedded",
  deliveries: Delivery[],
  concurrency: number,
  topology: Topology,
  server: AppServer,
  clientKind: LoadClient,
): Promise<WebhookBenchFigures> {
  let databaseUrl: string;
  let stopDatabase = async () => {};
  if (database === "postgresql") databaseUrl = await benchDatabaseUrl();
  else {
    const embedded = await startEmbeddedPostgres({ dataDir: mkdtempSync(path.join(os.tmpdir(), "storepulse-bench-")) });
    databaseUrl = embedded.connectionString;
    stopDatabase = () => embedded.stop();
    await applyMigrations(databaseUrl);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 4 }) });
  // The app maps shop domains to a simulator in this mode; nothing here calls it, but the
  // ledger refresher would: a simulator without these shops answers it (and it gives up).
  const sim = await startSimulator({ port: 0, appToml: path.resolve("shopify.app.toml"), shops: [] });
  const port = await getPort({ host: "127.0.0.1" });
  const appUrl = `http://127.0.0.1:${port}`;
  // split: the production layout of docs/architecture.md — the web process records and
  // acknowledges (STOREPULSE_WEBHOOK_WORKERS=0), a worker process applies. single: one
  // process does both.
  const apps =
    topology === "split"
      ? [
          startApp(databaseUrl, sim.url, port, { workers: 0, label: "web" }, server),
          startApp(databaseUrl, sim.url, await getPort({ host: "127.0.0.1" }), { workers: 4, label: "worker" }, server),
        ]
      : [startApp(databaseUrl, sim.url, port, { workers: 4, label: "app" }, server)];
  const run = Date.now().toString(36);
  const client = clientKind === "http" ? httpSender(concurrency) : fetchSender();
  try {
    for (const app of apps) {
      const deadline = Date.now() + 120_000;
      while (
        !(await fetch(`${app.url}/healthz`)
          .then((r) => r.ok)
          .catch(() => false))
      ) {
        if (app.child.exitCode !== null || Date.now() > deadline)
          throw new Error(`the app did not become healthy\n${app.output().slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const tenant = async (label: string) => {
      const domain = `bench-${label}-${run}.myshopify.com`;
      const row = await prisma.shop.create({
        data: { domain, ianaTimezone: "America/New_York", installedAt: new Date() },
      });
      return { domain, id: row.id };
    };
    let sent = 0;
    const post = async (domain: string, d: Delivery) => {
      const eventId = `bench-${run}-${sent++}`;
      const started = performance.now();
      const response = await client.send(`${appUrl}/webhooks/${d.topic}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-shopify-topic": d.topic,
          "x-shopify-shop-domain": domain,
          "x-shopify-hmac-sha256": createHmac("sha256", apiSecret).update(d.body).digest("base64"),
          "x-shopify-api-version": "2026-10",
          "x-shopify-webhook-id": eventId,
          "x-shopify-event-id": eventId,
          "x-shopify-triggered-at": new Date().toISOString(),
        },
        body: d.body,
      });
      const handling = /webhook;dur=([\d.]+)/.exec(response.serverTiming);
      return {
        ms: performance.now() - started,
        ok: response.status === 200,
        handlingMs: handling ? Number(handling[1]) : Number.NaN,
      };
    };
    const atConcurrency = async <T>(count: number, task: (i: number) => Promise<T>) => {
      const results: T[] = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < count) results.push(await task(next++));
        }),
      );
      return { results, seconds: (performance.now() - started) / 1000 };
    };
    const drained = async (shopId: number, timeoutMs = 300_000) => {
      const until = Date.now() + timeoutMs;
      while ((await webhookQueueStatus(prisma, shopId)).pending > 0) {
        if (Date.now() > until) throw new Error("queued webhooks were not applied in time");
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const applyLatencies = async (shopId: number) =>
      (
        await prisma.webhookEvent.findMany({
          where: { shopId, processedAt: { not: null } },
          select: { receivedAt: true, processedAt: true },
        })
      ).map((e) => e.processedAt!.getTime() - e.receivedAt.getTime());

    // Warm-up (JIT, pools, the queue's first job) on a shop of its own.
    const warm = await tenant("warm");
    await atConcurrency(Math.min(64, deliveries.length), (i) => post(warm.domain, deliveries[i]!));
    await drained(warm.id);

    const dbName = database === "postgresql" ? new URL(databaseUrl).pathname.slice(1) : null;
    const pids = apps.map((a) => a.child.pid);
    // Baseline: GET /healthz at the same concurrency, same count, same server.
    const healthMeter = cpuMeter(pids, dbName);
    const healthClient = process.cpuUsage();
    const health = await atConcurrency(deliveries.length, async () => {
      const started = performance.now();
      await client.send(`${appUrl}/healthz`);
      return performance.now() - started;
    });

    const healthCpu = healthMeter.read();
    const healthClientCpu = process.cpuUsage(healthClient);

    // The burst.
    const burstShop = await tenant("burst");
    const burstMeter = cpuMeter(pids, dbName);
    const burstClient = process.cpuUsage();
    const burstStarted = performance.now();
    const burstDone = atConcurrency(deliveries.length, (i) => post(burstShop.domain, deliveries[i]!));
    const commitFloor = probeCommits(databaseUrl, burstDone);
    const burst = await burstDone;
    const ackCpu = burstMeter.read();
    const commitFloorMs = await commitFloor;
    const ackClientCpu = process.cpuUsage(burstClient);
    await drained(burstShop.id);
    const appliedCpu = burstMeter.read();
    const allAppliedSeconds = (performance.now() - burstStarted) / 1000;
    const loadAverage = os.loadavg()[0]!;
    const acknowledged = burst.results.filter((r) => r.ok).length;
    const processed = await prisma.webhookEvent.count({ where: { shopId: burstShop.id, processedAt: { not: null } } });
    const orderIds = new Set(
      deliveries.filter((d) => d.topic.startsWith("orders/")).map((d) => (JSON.parse(d.body) as { id: number }).id),
    );
    const ordersStored = await prisma.order.count({ where: { shopId: burstShop.id } });

    // Isolation: a quiet shop's single webhooks, alone and during another shop's burst.
    const trickle = async (shop: { domain: string; id: number }, count: number, during?: Promise<unknown>) => {
      for (let i = 0; i < count; i++) {
        await post(shop.domain, deliveries[i % deliveries.length]!);
        await new Promise((r) => setTimeout(r, 50));
      }
      await during;
      await drained(shop.id);
      return applyLatencies(shop.id);
    };
    const samples = 20;
    const aloneMs = await trickle(await tenant("quiet-alone"), samples);
    const noisy = await tenant("noisy");
    const noisyBurst = atConcurrency(deliveries.length, (i) => post(noisy.domain, deliveries[i]!));
    const duringMs = await trickle(await tenant("quiet-during"), samples, noisyBurst);
    await drained(noisy.id);

    // The intake's batcher alone, through each writer: rounds alternate so both meet the
    // same machine. Its events are the writers shop's, deleted afterwards (unapplied).
    const writersShop = await tenant("writers");
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    const keyring = createKeyring(Buffer.from("storepulse-bench-intake-writers!", "utf8"));
    const sealer = {
      seal: (text: string) => seal(keyring, text, "webhook_event.payload"),
      open: (text: string) => unseal(keyring, text, "webhook_event.payload"),
    };
    const writers = { prisma: prisma as IntakeDatabase, "pg pool": pool as IntakeDatabase };
    const byWriter = new Map<keyof typeof writers, { ms: number[]; seconds: number; cpuMs: number; events: number }>();
    let written = 0;
    try {
      for (let round = 0; round < 3; round++) {
        for (const name of round % 2 === 0 ? (["prisma", "pg pool"] as const) : (["pg pool", "prisma"] as const)) {
          const intake = createWebhookIntake(writers[name], sealer);
          const cpu = process.cpuUsage();
          const timed = await atConcurrency(deliveries.length, async (i) => {
            const started = performance.now();
            await intake.enqueue({
              shopId: writersShop.id,
              topic: deliveries[i]!.topic.toUpperCase().replace("/", "_"),
              eventId: `writers-${run}-${written++}`,
              body: deliveries[i]!.body,
            });
            return performance.now() - started;
          });
          const used = process.cpuUsage(cpu);
          const entry = byWriter.get(name) ?? { ms: [], seconds: 0, cpuMs: 0, events: 0 };
          entry.ms.push(...timed.results);
          entry.seconds += timed.seconds;
          entry.cpuMs += (used.user + used.system) / 1000;
          entry.events += deliveries.length;
          byWriter.set(name, entry);
        }
      }
    } finally {
      await pool.end();
      await prisma.shop.delete({ where: { id: writersShop.id } });
    }

    return {
      intakeWriters: [...byWriter].map(([writer, e]) => ({
        writer,
        perSecond: e.events / e.seconds,
        ms: summary(e.ms),
        cpuMsPerEvent: e.cpuMs / e.events,
      })),
      database,
      concurrency,
      deliveries: deliveries.length,
      topology,
      server,
      client: clientKind,
      loadAverage,
      baseline: {
        healthzPerSecond: deliveries.length / health.seconds,
        healthzConcurrentMs: summary(health.results),
        cpuMsPerRequest: {
          web: healthCpu.apps[0]! / deliveries.length,
          database: healthCpu.database / deliveries.length,
          loadGenerator: (healthClientCpu.user + healthClientCpu.system) / 1000 / deliveries.length,
        },
      },
      cpuMsPerEvent: {
        webUntilAcknowledged: ackCpu.apps[0]! / deliveries.length,
        databaseUntilAcknowledged: ackCpu.database / deliveries.length,
        loadGeneratorUntilAcknowledged: (ackClientCpu.user + ackClientCpu.system) / 1000 / deliveries.length,
        workersUntilApplied: (apps.length > 1 ? appliedCpu.apps[1]! : 0) / deliveries.length,
        allUntilApplied: (appliedCpu.apps.reduce((a, b) => a + b, 0) + appliedCpu.database) / deliveries.length,
      },
      burst: {
        acknowledgedPerSecond: acknowledged / burst.seconds,
        ackMs: summary(burst.results.map((r) => r.ms)),
        commitFloorMs: summary(commitFloorMs),
        handlingMs: summary(burst.results.map((r) => r.handlingMs).filter((ms) => !Number.isNaN(ms))),
        refused: deliveries.length - acknowledged,
        lost: acknowledged - processed + (orderIds.size - ordersStored),
        allAppliedSeconds,
      },
      isolation: { aloneMs: summary(aloneMs), duringOtherShopsBurstMs: summary(duringMs), samples },
    };
  } finally {
    client.close();
    await Promise.all(apps.map((app) => app.stop()));
    await sim.close();
    await prisma.$disconnect();
    await stopDatabase();
  }
}

export async function runWebhookBench(options: WebhookBenchOptions): Promise<WebhookBenchFigures[]> {
  if (options.build) await buildApp();
  const deliveries = await recordDeliveries(options.deliveries);
  const figures: WebhookBenchFigures[] = [];
  for (const database of options.databases) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`webhook benchmark (${database}) exceeded ${options.timeoutMs ?? 600_000} ms`)),
        options.timeoutMs ?? 600_000,
      );
    });
    try {
      // The embedded database is served by the process that opens it: one process there.
      const topology = database === "embedded" ? "single" : (options.topology ?? "split");
      figures.push(
        await Promise.race([
          benchOne(
            database,
            deliveries,
            options.concurrency,
            topology,
            options.server ?? "server.mjs",
            options.client ?? "http",
          ),
          timeout,
        ]),
      );
    } finally {
      clearTimeout(timer);
    }
  }
  return figures;
}

export function formatWebhookFigures(f: WebhookBenchFigures): string {
  const fmt = (n: number) => n.toFixed(1).padStart(8);
  const row = (name: string, s: Summary, base?: Summary) =>
    `${name.padEnd(44)}${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.p99)}${base ? `   ${(s.p99 / base.p99).toFixed(1)}x` : ""}`;
  return [
    `webhook intake (${f.deliveries} real deliveries; ${f.database}; ${f.server}; ${f.client} client; ${f.topology === "split" ? "web process without workers + worker process" : "one process"}; ${os.cpus().length} cores; load ${f.loadAverage.toFixed(1)}; concurrency ${f.concurrency})`,
    `${"figure".padEnd(44)}     p50      p95      p99   p99 ratio`,
    row("baseline GET /healthz (ms)", f.baseline.healthzConcurrentMs),
    row("webhook acknowledgement (ms)", f.burst.ackMs, f.baseline.healthzConcurrentMs),
    row("  of which handled in the app (ms)", f.burst.handlingMs),
    row("durability floor: lone commit during it (ms)", f.burst.commitFloorMs),
    row(`quiet shop, ack → applied, alone (ms)`, f.isolation.aloneMs),
    row(`quiet shop, ack → applied, other's burst (ms)`, f.isolation.duringOtherShopsBurstMs, f.isolation.aloneMs),
    `acknowledged/s: ${f.burst.acknowledgedPerSecond.toFixed(1)} (GET /healthz/s: ${f.baseline.healthzPerSecond.toFixed(1)}; ratio ${(f.burst.acknowledgedPerSecond / f.baseline.healthzPerSecond).toFixed(2)}x); ` +
      `acknowledgement p99 / lone-commit p99 during the burst: ${(f.burst.ackMs.p99 / f.burst.commitFloorMs.p99).toFixed(1)}x`,
    `all ${f.deliveries} applied ${f.burst.allAppliedSeconds.toFixed(1)} s after the burst started; refused ${f.burst.refused}; lost ${f.burst.lost}`,
    `CPU ms per request: GET /healthz ${f.baseline.cpuMsPerRequest.web.toFixed(2)} app + ${f.baseline.cpuMsPerRequest.database.toFixed(2)} database + ${f.baseline.cpuMsPerRequest.loadGenerator.toFixed(2)} load generator; ` +
      `webhook ${f.cpuMsPerEvent.webUntilAcknowledged.toFixed(2)} receiving process + ${f.cpuMsPerEvent.databaseUntilAcknowledged.toFixed(2)} database + ${f.cpuMsPerEvent.loadGeneratorUntilAcknowledged.toFixed(2)} load generator until acknowledged, ` +
      `${f.cpuMsPerEvent.workersUntilApplied.toFixed(2)} worker process, ${f.cpuMsPerEvent.allUntilApplied.toFixed(2)} in all until applied`,
    ...f.intakeWriters.map(
      (w) =>
        `${`intake alone through ${w.writer} (ms)`.padEnd(44)}${fmt(w.ms.p50)} ${fmt(w.ms.p95)} ${fmt(w.ms.p99)}   ` +
        `${w.perSecond.toFixed(0)}/s, ${w.cpuMsPerEvent.toFixed(3)} CPU ms per event` +
        (w.writer === "pg pool"
          ? ` (${(w.cpuMsPerEvent / f.intakeWriters.find((p) => p.writer === "prisma")!.cpuMsPerEvent).toFixed(2)}x Prisma's)`
          : ""),
    ),
  ].join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      deliveries: { type: "string", default: "600" },
      concurrency: { type: "string", default: "32" },
      database: { type: "string", default: "both" },
      topology: { type: "string", default: "split" },
      server: { type: "string", default: "server.mjs" },
      client: { type: "string", default: "http" },
      "no-build": { type: "boolean", default: false },
    },
  });
  const databases =
    values.database === "both" ? (["postgresql", "embedded"] as const) : ([values.database] as ["postgresql"]);
  const figures = await runWebhookBench({
    databases: [...databases],
    deliveries: Number(values.deliveries),
    concurrency: Number(values.concurrency),
    build: !values["no-build"],
    topology: values.topology === "single" ? "single" : "split",
    server: values.server === "remix-serve" ? "remix-serve" : "server.mjs",
    client: values.client === "fetch" ? "fetch" : "http",
  });
  for (const f of figures) console.log(`\n${formatWebhookFigures(f)}`);
  process.exit(0);
}
