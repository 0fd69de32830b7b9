// Dashboard endpoints over HTTP on the built app (server.mjs, as in production),
// with App Bridge session tokens signed as Shopify signs them, on a store already in
// the benchmark database. p50/p95/p99 at concurrency 1 and 16; baseline in the same
// run: GET /healthz (one database round trip) on the same server at the same
// concurrency. Every request of a row asks the same answer, so after the warm-up the app
// serves it from its answer cache (app/insights/answer-cache.ts: one read of the shop and
// its answer version instead of the answer's queries); what a miss costs is the
// in-process answer time of the store rows.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import getPort from "get-port";
import type { PrismaClient } from "@prisma/client";
import { RETENTION_ENDPOINTS } from "../../app/insights/cohorts";
import { DASHBOARD_ENDPOINTS } from "../../app/insights/endpoints";
import { sessionToken } from "../../tests/helpers/shopify-signing";
import { quantile } from "./db";

export const BENCH_APP = {
  apiKey: "storepulse-bench-api-key",
  apiSecret: "storepulse-bench-api-secret",
  scopes: "read_customers,read_orders,read_all_orders,read_products",
  encryptionKey: Buffer.from("storepulse-bench-encryption-key!", "utf8").toString("base64"),
};

// A browser's user agent: the library answers 410 to self-identified bots such as "node".
const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

export async function buildApp(): Promise<void> {
  const code = await new Promise<number | null>((resolve) =>
    spawn("npx", ["remix", "vite:build"], { stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } }).on(
      "exit",
      resolve,
    ),
  );
  if (code !== 0) throw new Error(`build failed (${code})`);
}

export interface RunningBenchApp {
  url: string;
  stop(): Promise<void>;
}

export async function startBenchApp(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<RunningBenchApp> {
  const port = await getPort({ host: "127.0.0.1" });
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const app: ChildProcess = spawn(process.execPath, [path.resolve("server.mjs"), "build/server/index.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      SHOPIFY_API_KEY: BENCH_APP.apiKey,
      SHOPIFY_API_SECRET: BENCH_APP.apiSecret,
      SHOPIFY_APP_URL: url,
      SCOPES: BENCH_APP.scopes,
      DATABASE_URL: databaseUrl,
      SYNC_CRON: "off",
      STOREPULSE_ENCRYPTION_KEY: BENCH_APP.encryptionKey,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout!.on("data", (c) => (output += c));
  app.stderr!.on("data", (c) => (output += c));
  const exited = new Promise((resolve) => app.on("exit", resolve));
  const deadline = Date.now() + 120_000;
  while (
    !(await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (app.exitCode !== null || Date.now() > deadline) {
      app.kill("SIGKILL");
      throw new Error(`the app did not become healthy\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async stop() {
      if (app.exitCode === null) {
        app.kill("SIGTERM");
        await exited;
      }
    },
  };
}

export interface LatencyFigures {
  p50: number;
  p95: number;
  p99: number;
  requests: number;
}

export interface DashboardFigures {
  orders: number;
  range: { from: string; to: string };
  rows: { endpoint: string; concurrency: number; ours: LatencyFigures; baseline: LatencyFigures }[];
}

async function load(width: number, count: number, request: (i: number) => Promise<void>): Promise<LatencyFigures> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await request(i);
        times.push(performance.now() - t);
      }
    }),
  );
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99), requests: count };
}

export async function runDashboardBench(options: {
  prisma: PrismaClient;
  databaseUrl: string;
  shopDomain: string;
  orders: number;
  range: { from: string; to: string };
  requests: { 1: number; 16: number };
}): Promise<DashboardFigures> {
  const { prisma, shopDomain } = options;
  // An offline session as the install leaves it, so no token exchange is needed.
  await prisma.session.upsert({
    where: { id: `offline_${shopDomain}` },
    create: {
      id: `offline_${shopDomain}`,
      shop: shopDomain,
      state: "installed",
      isOnline: false,
      scope: BENCH_APP.scopes,
      accessToken: "shpat_bench",
    },
    update: {},
  });
  const app = await startBenchApp(options.databaseUrl);
  try {
    // Tokens signed up front (a minute's lifetime is plenty; signing is not what is measured).
    const tokens = await Promise.all(
      Array.from({ length: 64 }, () =>
        sessionToken({
          shop: shopDomain,
          apiKey: BENCH_APP.apiKey,
          secret: BENCH_APP.apiSecret,
          expiresInSeconds: 600,
        }),
      ),
    );
    const get = async (pathAndQuery: string, i: number) => {
      const response = await fetch(`${app.url}${pathAndQuery}`, {
        headers: { "User-Agent": BROWSER_UA, Authorization: `Bearer ${tokens[i % tokens.length]}` },
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${pathAndQuery} answered ${response.status}`);
    };
    const query = `from=${options.range.from}&to=${options.range.to}`;
    const rows: DashboardFigures["rows"] = [];
    for (const width of [1, 16] as const) {
      const count = options.requests[width];
      const baseline = await load(width, count, (i) => get("/healthz", i));
      const paths = [
        ...DASHBOARD_ENDPOINTS.map((endpoint) => ({ endpoint, path: `/api/dashboard/${endpoint}` })),
        ...RETENTION_ENDPOINTS.map((endpoint) => ({ endpoint, path: `/api/insights/${endpoint}` })),
      ];
      for (const { endpoint, path } of paths) {
        await get(`${path}?${query}`, 0); // warm-up
        const ours = await load(width, count, (i) => get(`${path}?${query}`, i));
        rows.push({ endpoint, concurrency: width, ours, baseline });
      }
    }
    return { orders: options.orders, range: options.range, rows };
  } finally {
    await app.stop();
  }
}
