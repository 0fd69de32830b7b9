// `npm run demo`: the whole product on one machine with nothing configured — the
// Shopify store simulator with a generated store, and a production build of the
// app pointed at it (embedded database in .data/pglite). Open the printed admin URL.
// (For editing code with hot reload use `npm run dev` with the variables in README.)
//
// `npm run demo -- --check`: the same, as a smoke test (CI runs it): install the app
// through the simulator's admin page the way a browser does, wait for the initial
// sync, check the Overview shows the store's numbers, shut down, exit 0 — or exit
// non-zero with the reason and the app's last log lines.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import getPort from "get-port";
import { startSimulator, type RunningSimulator } from "../simulator/src/index";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    "sim-port": { type: "string" },
    seed: { type: "string", default: "1" },
    size: { type: "string", default: "small" },
    check: { type: "boolean", default: false },
    // Seconds the check may take in all (build excluded): boot, install, sync, Overview.
    timeout: { type: "string", default: "300" },
  },
});
const check = values.check;

// Demo-only credentials shared by the two local processes; not a real app's.
const apiKey = "storepulse-demo-api-key";
const apiSecret = "storepulse-demo-api-secret";
const scopes = "read_customers,read_orders,read_all_orders,read_products";
// Any current browser; the app treats bot user agents differently.
const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

// The check uses free ports and a throw-away database so it never meets a running demo.
const port = values.port ?? (check ? String(await getPort({ host: "127.0.0.1" })) : (process.env.PORT ?? "3000"));
const simPort = values["sim-port"] ?? (check ? "0" : "8787");
const dataDir = check ? mkdtempSync(path.join(os.tmpdir(), "storepulse-demo-check-")) : undefined;
// Same host as the simulator's admin page, so the app iframe is not a third-party
// context (browsers restrict storage there).
const appUrl = `http://127.0.0.1:${port}`;

/** The last lines a child printed, for the failure report. */
class LogTail {
  private lines: string[] = [];
  constructor(private readonly max = 60) {}
  push(chunk: Buffer | string) {
    this.lines.push(
      ...String(chunk)
        .split("\n")
        .filter((line) => line.length > 0),
    );
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }
  toString() {
    return this.lines.map((line) => `  | ${line}`).join("\n");
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, tail: LogTail, echo: boolean): ChildProcess {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env });
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on("data", (chunk: Buffer) => {
      tail.push(chunk);
      if (echo) (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
    });
  }
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

let sim: RunningSimulator | undefined;
let app: ChildProcess | undefined = undefined;
const appLog = new LogTail();

async function shutdown() {
  if (app && app.exitCode === null && app.signalCode === null) {
    app.kill("SIGTERM");
    const killer = setTimeout(() => app?.kill("SIGKILL"), 10_000);
    await exited(app);
    clearTimeout(killer);
  }
  await sim?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

async function fail(message: string): Promise<never> {
  console.error(`\n✗ demo${check ? " check" : ""} failed: ${message}`);
  const tail = appLog.toString();
  if (tail) console.error(`\nLast lines of the app's log:\n${tail}\n`);
  await shutdown().catch((error: unknown) => console.error(`(while shutting down: ${String(error)})`));
  process.exit(1);
}

// Anything unexpected still shuts the app down (it would outlive us) and exits non-zero.
process.on(
  "unhandledRejection",
  (error) => void fail(`unexpected error: ${error instanceof Error ? error.message : String(error)}`),
);
process.on("uncaughtException", (error) => void fail(`unexpected error: ${error.message}`));

// Set when the app starts: --timeout bounds boot, install, sync and the Overview, not the build.
let deadline = Number.POSITIVE_INFINITY;
// No single request may hang the run past its deadline.
const REQUEST_TIMEOUT_MS = 30_000;

/** Polls `probe` until it returns a value (not undefined), the app dies, or the deadline passes. */
async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, detail = () => ""): Promise<T> {
  for (;;) {
    if (app && (app.exitCode !== null || app.signalCode !== null)) {
      return fail(`the app exited (${app.exitCode ?? app.signalCode}) while waiting for ${what}`);
    }
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) return fail(`timed out after ${values.timeout} s waiting for ${what}${detail()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

try {
  sim = await startSimulator({
    port: Number(simPort),
    host: "127.0.0.1",
    seed: Number(values.seed),
    size: values.size as "small" | "medium" | "large",
    appToml: path.resolve("shopify.app.toml"),
    app: { apiKey, apiSecret, appUrl, scopes: scopes.split(",") },
  });
} catch (error) {
  await fail(`the simulator did not start: ${error instanceof Error ? error.message : String(error)}`);
}
const simulator = sim!;
const shop = simulator.shops[0]!.domain;
process.once("SIGINT", () => void shutdown().then(() => process.exit(130)));
process.once("SIGTERM", () => void shutdown().then(() => process.exit(143)));

console.log("Building the app …");
const buildLog = new LogTail();
const buildCode = await exited(
  run("npx", ["remix", "vite:build"], { ...process.env, NODE_ENV: "production" }, buildLog, !check),
);
if (buildCode !== 0) {
  console.error(buildLog.toString());
  await fail(`the build failed (exit code ${buildCode})`);
}

console.log("Starting the app …");
deadline = Date.now() + Number(values.timeout) * 1000;
app = run(
  process.execPath,
  ["server.mjs", "build/server/index.js"],
  {
    ...process.env,
    PORT: port,
    HOST: "127.0.0.1",
    SHOPIFY_API_KEY: apiKey,
    SHOPIFY_API_SECRET: apiSecret,
    SHOPIFY_APP_URL: appUrl,
    SCOPES: scopes,
    SHOPIFY_SIMULATOR_URL: simulator.url,
    // Not "production": the app refuses to talk to a simulator in production. Not
    // "development" either: that is Vite's dev server's mode.
    NODE_ENV: "test",
    // The fallback sync is off by default under NODE_ENV=test (test suites share a database).
    SYNC_CRON: "on",
    ...(dataDir ? { STOREPULSE_DATA_DIR: dataDir } : {}),
  },
  appLog,
  !check,
);

// Healthy once /healthz answers 200 (boot includes the embedded database's migrations).
let lastHealth = "no answer";
await waitUntil(
  "the app to become healthy (GET /healthz)",
  async () => {
    const response = await fetch(`${appUrl}/healthz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    lastHealth = `${response.status} ${await response.text()}`;
    return response.ok ? true : undefined;
  },
  () => `; last answer: ${lastHealth.slice(0, 200)}`,
);
const adminUrl = simulator.adminUrl(shop);
console.log(`
Storepulse demo — healthy
  simulator:  ${simulator.url}  (store ${shop})
  app:        ${appUrl}
  open:       ${adminUrl}
`);

if (!check) {
  // Keep serving until Ctrl-C; if the app dies, say so and exit with its code.
  const code = await exited(app);
  await fail(`the app exited (${code ?? app.signalCode})`);
}

// ---- the smoke check ----------------------------------------------------------

/** What the admin page does: frame the app with a fresh session token (id_token). */
async function appFrameUrl(): Promise<URL> {
  const response = await fetch(adminUrl, {
    headers: { "User-Agent": BROWSER_USER_AGENT },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) await fail(`the admin page answered ${response.status}`);
  const html = await response.text();
  const src = /<iframe[^>]*id="sim-app-frame"[^>]*\ssrc="([^"]+)"/.exec(html)?.[1];
  if (!src) return fail("the admin page has no app frame (#sim-app-frame)");
  const url = new URL(
    src.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replaceAll("&amp;", "&"),
  );
  if (!url.searchParams.get("id_token")) return fail(`the app frame carries no id_token: ${url.pathname}`);
  return url;
}

/** App Bridge's authenticated fetch: a fresh session token from the admin page, as a bearer token. */
async function apiGet(pathname: string): Promise<Response> {
  const tokenResponse = await fetch(`${adminUrl}/session-token`, {
    method: "POST",
    headers: { Origin: simulator.url, "Content-Type": "application/json", "User-Agent": BROWSER_USER_AGENT },
    body: "{}",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!tokenResponse.ok) return fail(`the admin page's session-token endpoint answered ${tokenResponse.status}`);
  const { token } = (await tokenResponse.json()) as { token: string };
  return fetch(new URL(pathname, appUrl), {
    headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER_USER_AGENT },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

// 1. Load the embedded app as the iframe would: this installs it (token exchange).
const firstLoad = await fetch(await appFrameUrl(), {
  headers: { "User-Agent": BROWSER_USER_AGENT },
  signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
});
if (firstLoad.status !== 200) await fail(`the embedded app's first load answered ${firstLoad.status}`);
if (!(await firstLoad.text()).includes("Overview")) await fail("the embedded app's first load is not the Overview");
console.log("✓ installed through the admin page");

// 2. Wait for the initial sync to complete.
interface SyncStatus {
  backfillCompleted: boolean;
  needsReauth: boolean;
  resources: { resource: string; recordsStored: number; lastError: string | null }[];
}
let lastStatus: SyncStatus | undefined;
const status = await waitUntil(
  "the initial sync to complete (GET /api/sync/status)",
  async () => {
    const response = await apiGet("/api/sync/status");
    if (!response.ok) return undefined;
    lastStatus = (await response.json()) as SyncStatus;
    if (lastStatus.needsReauth) return fail("the sync status says the app needs re-authorisation");
    return lastStatus.backfillCompleted ? lastStatus : undefined;
  },
  () =>
    lastStatus
      ? `; per resource: ${lastStatus.resources
          .map((r) => `${r.resource}: ${r.recordsStored} stored${r.lastError ? `, error: ${r.lastError}` : ""}`)
          .join("; ")}`
      : "; the sync status API never answered 200",
);

// The stored rows must be the simulator's store, counted independently of the app.
const storeData = simulator.control.data(shop);
const expected: Record<string, number> = {
  customers: storeData.customers.length,
  products: storeData.products.length,
  orders: storeData.orders.length,
};
for (const r of status.resources) {
  if (r.recordsStored !== expected[r.resource]) {
    await fail(`${r.resource}: ${r.recordsStored} stored, the store has ${expected[r.resource]}`);
  }
}
console.log(
  `✓ initial sync complete (${Object.entries(expected)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ")})`,
);

// 3. The Overview through the same authenticated path shows real numbers.
const summaryResponse = await apiGet("/api/dashboard/summary");
if (!summaryResponse.ok) await fail(`GET /api/dashboard/summary answered ${summaryResponse.status}`);
const summary = (await summaryResponse.json()) as { totals: { orders: number; totalSales: string } };
if (!(summary.totals.orders > 0) || !(Number(summary.totals.totalSales) > 0)) {
  await fail(`the Overview's summary shows no sales: ${JSON.stringify(summary.totals)}`);
}
const overview = await fetch(await appFrameUrl(), {
  headers: { "User-Agent": BROWSER_USER_AGENT },
  signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
});
const overviewHtml = await overview.text();
if (overview.status !== 200) await fail(`the Overview answered ${overview.status}`);
// The page renders the KPI cards (not the "sync in progress" empty state) with the
// same order count the API reports for the same default range.
const ordersShown = new Intl.NumberFormat("en-US").format(summary.totals.orders);
if (!overviewHtml.includes("Total sales") || !overviewHtml.includes(ordersShown)) {
  await fail(`the Overview page does not show the KPIs (expected ${ordersShown} orders in the page)`);
}
console.log(
  `✓ Overview shows ${summary.totals.orders} orders, total sales ${summary.totals.totalSales} (default range)`,
);

await shutdown();
console.log("demo check passed");
process.exit(0);
