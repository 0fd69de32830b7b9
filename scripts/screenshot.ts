// `npx tsx scripts/screenshot.ts [--width 1400] [--out docs/screenshots/overview.png] [--no-build]`
// The README's picture of the Overview, taken the way `npm run demo` shows it: the store
// simulator with a generated store, the production build of the app pointed at it, and
// headless Chromium (Debian's /usr/bin/chromium, via playwright-core) on the simulator's
// admin page once the first sync has finished. Run it again whenever the Overview changes.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import getPort from "get-port";
import { launchChromium } from "../tests/helpers/browser";
import { startSimulator } from "../simulator/src/index";

const { values } = parseArgs({
  options: {
    width: { type: "string", default: "1400" },
    height: { type: "string", default: "900" },
    out: { type: "string", default: "docs/screenshots/overview.png" },
    seed: { type: "string", default: "1" },
    build: { type: "boolean", default: true },
  },
  allowNegative: true,
});

// Local-only credentials shared by the two processes (as in scripts/demo.ts).
const apiKey = "storepulse-screenshot-api-key";
const apiSecret = "storepulse-screenshot-api-secret";
const scopes = "read_customers,read_orders,read_all_orders,read_products";
const USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return { child, output: () => output };
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise<number | null>((resolve) => child.once("exit", resolve));

async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const port = await getPort({ host: "127.0.0.1" });
const appUrl = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "storepulse-screenshot-"));
const sim = await startSimulator({
  port: 0,
  host: "127.0.0.1",
  seed: Number(values.seed),
  size: "small",
  appToml: path.resolve("shopify.app.toml"),
  app: { apiKey, apiSecret, appUrl, scopes: scopes.split(",") },
});
let app: ReturnType<typeof run> | undefined;
try {
  if (values.build) {
    const build = run("npx", ["remix", "vite:build"], { ...process.env, NODE_ENV: "production" });
    if ((await exited(build.child)) !== 0) throw new Error(`build failed:\n${build.output()}`);
  }
  app = run(process.execPath, ["server.mjs", "build/server/index.js"], {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    SHOPIFY_API_KEY: apiKey,
    SHOPIFY_API_SECRET: apiSecret,
    SHOPIFY_APP_URL: appUrl,
    SCOPES: scopes,
    SHOPIFY_SIMULATOR_URL: sim.url,
    NODE_ENV: "test", // as scripts/demo.ts: simulator mode is refused in production
    STOREPULSE_DATA_DIR: dataDir,
  });
  await until("the app (GET /healthz)", async () => (await fetch(`${appUrl}/healthz`)).ok, 120_000);

  const browser = await launchChromium();
  try {
    const width = Number(values.width);
    const context = await browser.newContext({
      userAgent: USER_AGENT,
      locale: "en-US",
      viewport: { width, height: Number(values.height) },
    });
    const page = await context.newPage();
    const adminUrl = sim.adminUrl(sim.shops[0]!.domain);
    await page.goto(adminUrl); // the first load installs the app; the sync starts
    await until("the first sync", async () => app!.output().includes("sync pass finished"), 180_000);
    await page.goto(adminUrl);
    const frame = (await (await page.waitForSelector("#sim-app-frame")).contentFrame())!;
    await frame.locator('[data-kpi="Total sales"]').waitFor({ timeout: 60_000 });
    await frame.locator("canvas").nth(2).waitFor();
    // Fonts and the charts' first frame.
    await frame.evaluate(() =>
      document.fonts.ready.then(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      ),
    );
    // The admin page scrolls inside the iframe: make the frame as tall as the app so the
    // picture shows the whole Overview.
    const appHeight = await frame.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width, height: Math.min(appHeight + 120, 2400) });
    await page.evaluate((h) => {
      const iframe = document.getElementById("sim-app-frame") as HTMLIFrameElement;
      iframe.style.height = `${h}px`;
    }, appHeight);
    await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
    await page.screenshot({ path: values.out, fullPage: true });
    console.log(`wrote ${values.out} (${width} px wide)`);
  } finally {
    await browser.close();
  }
} finally {
  if (app && app.child.exitCode === null) {
    app.child.kill("SIGTERM");
    await exited(app.child);
  }
  await sim.close();
  rmSync(dataDir, { recursive: true, force: true });
}
