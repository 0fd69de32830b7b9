// Headless Chromium: the simulator's admin page embeds a tiny app (served by this
// test) that loads the App Bridge stand-in from the simulator. Checks, in a real
// browser: shopify.idToken() returns a token Shopify's library verifies, the patched
// fetch sends it as a Bearer header, the nav menu and title bar show in the admin,
// toasts render in the admin, nav clicks navigate the iframe and the admin URL follows.
import "@shopify/shopify-api/adapters/node";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryContext, memoryShop, startAuthTestServer, type AuthTestServer } from "../src/auth/testing.js";

const API_KEY = "browser-api-key-0123456789abcdef";
const API_SECRET = "browser-secret-0123456789";
const SHOP = "browser-store.myshopify.com";

let appServer: Server;
let appOrigin: string;
let sim: AuthTestServer;
let browser: Browser;
/** Authorization headers the test app's API received, in order. */
const apiCalls: Array<string | undefined> = [];
const retryCalls: Array<string | undefined> = [];

function appPage(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<meta name="shopify-api-key" content="${API_KEY}">
<script src="${sim.origin}/shopifycloud/app-bridge.js"></script>
<title>${title}</title></head><body>
<ui-title-bar title="${title}"><button variant="primary" onclick="window.__saved = (window.__saved || 0) + 1">Save</button></ui-title-bar>
<ui-nav-menu><a href="/app" rel="home">Home</a><a href="/app/reports">Reports</a></ui-nav-menu>
<h1>${title}</h1>${body}</body></html>`;
}

const HOME_SCRIPT = `<script>
window.__results = { done: false };
(async () => {
  try {
    const token = await shopify.idToken();
    const response = await fetch("/api/whoami", { method: "POST", body: "ping" });
    window.__results = { done: true, token, config: { ...shopify.config }, api: await response.json() };
  } catch (error) {
    window.__results = { done: true, error: String(error) };
  }
})();
</script>`;

// A plain-HTML modal and save bar, driven through shopify.modal / shopify.saveBar.
const REPORTS_EXTRAS = `
<ui-modal id="confirm-modal"><p id="modal-text">Rebuild all reports?</p>
  <ui-title-bar title="Confirm rebuild">
    <button variant="primary" onclick="window.__confirmed = 1; shopify.modal.hide('confirm-modal')">Rebuild</button>
  </ui-title-bar>
</ui-modal>
<ui-save-bar id="settings-save-bar">
  <button variant="primary" onclick="window.__savedSettings = 1"></button>
  <button onclick="shopify.saveBar.hide('settings-save-bar')"></button>
</ui-save-bar>`;

beforeAll(async () => {
  appServer = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://app.local");
    if (url.pathname === "/api/whoami") {
      apiCalls.push(req.headers.authorization);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ authorization: req.headers.authorization ?? null }));
      return;
    }
    if (url.pathname === "/api/retry") {
      // First call: what @shopify/shopify-app-remix answers for a stale session token.
      retryCalls.push(req.headers.authorization);
      const first = retryCalls.length === 1;
      res.writeHead(first ? 401 : 200, {
        "content-type": "application/json",
        ...(first ? { "X-Shopify-Retry-Invalid-Session-Request": "1" } : {}),
      });
      res.end(JSON.stringify({ attempt: retryCalls.length }));
      return;
    }
    if (url.pathname === "/auth/session-token") {
      // The "bounce page" @shopify/shopify-app-remix renders: only the App Bridge script.
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<script data-api-key="${API_KEY}" src="${sim.origin}/shopifycloud/app-bridge.js"></script>`);
      return;
    }
    const pages: Record<string, string> = {
      "/app/reports": appPage("Reports", `<p id='reports'>Reports page</p>${REPORTS_EXTRAS}`),
      "/app/landing": appPage("Landing", "<p id='landing'>Landing page</p>"),
    };
    const html = pages[url.pathname] ?? appPage("Dashboard", HOME_SCRIPT);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => appServer.listen(0, "127.0.0.1", resolve));
  appOrigin = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;

  sim = await startAuthTestServer(
    createMemoryContext({ apiKey: API_KEY, apiSecret: API_SECRET, appUrl: appOrigin, scopes: ["read_orders"] }, [
      memoryShop(SHOP, { name: "Browser Store" }),
    ]),
  );
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
  await new Promise<void>((resolve) => (appServer ? appServer.close(() => resolve()) : resolve()));
});

async function appFrame(page: Page, path: string): Promise<Frame> {
  const handle = await page.waitForSelector("#sim-app-frame");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("no app frame");
  await frame.waitForURL((url) => url.pathname === path);
  return frame;
}

describe("embedded app in headless Chromium", () => {
  it("gets session tokens, authenticated fetch, nav menu, title bar, toasts and navigation", async () => {
    const shopify = shopifyApi({
      apiKey: API_KEY,
      apiSecretKey: API_SECRET,
      apiVersion: ApiVersion.October26,
      isEmbeddedApp: true,
      hostName: new URL(appOrigin).host,
      hostScheme: "http",
      logger: { level: LogSeverity.Error },
    });
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") consoleErrors.push(msg.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(String(error)));
    page.on("response", (response) => {
      if (response.status() >= 400) consoleErrors.push(`HTTP ${response.status()} ${response.url()}`);
    });

    await page.goto(`${sim.origin}/store/browser-store/apps/${API_KEY}`);
    const frame = await appFrame(page, "/app");
    await frame.waitForFunction("window.__results && window.__results.done === true");
    const results = (await frame.evaluate("window.__results")) as {
      token?: string;
      error?: string;
      config: { apiKey: string; shop: string; host: string };
      api: { authorization: string | null };
    };
    expect(results.error).toBeUndefined();

    // shopify.idToken(): a session token Shopify's library accepts.
    const payload = await shopify.session.decodeSessionToken(results.token!);
    expect(payload.dest).toBe(`https://${SHOP}`);
    expect(payload.aud).toBe(API_KEY);
    // The patched fetch sent it to the app's own backend.
    expect(results.api.authorization).toMatch(/^Bearer /);
    const sent = results.api.authorization!.slice("Bearer ".length);
    expect((await shopify.session.decodeSessionToken(sent)).dest).toBe(`https://${SHOP}`);
    expect(results.config).toMatchObject({
      apiKey: API_KEY,
      shop: SHOP,
      host: Buffer.from("admin.shopify.com/store/browser-store").toString("base64").replace(/=+$/, ""),
    });

    // <ui-nav-menu> links appear in the admin's left nav; <ui-title-bar> in its title bar.
    const reportsLink = page.locator("#sim-app-nav a[data-sim-nav]", { hasText: "Reports" });
    await reportsLink.waitFor();
    expect(await reportsLink.getAttribute("href")).toBe(`/store/browser-store/apps/${API_KEY}/app/reports`);
    await expect.poll(() => page.locator("#sim-title-bar-title").textContent()).toBe("Dashboard");
    // Title-bar buttons show in the admin and click the app's own button.
    await page.locator("#sim-title-bar-actions button", { hasText: "Save" }).click();
    await frame.waitForFunction("window.__saved === 1");
    // The admin URL follows the app's path.
    await page.waitForURL((url) => url.pathname === `/store/browser-store/apps/${API_KEY}/app`);

    // shopify.toast.show() renders in the admin.
    await frame.evaluate("shopify.toast.show('Report saved', { duration: 10000 })");
    await page.locator(".sim-toast", { hasText: "Report saved" }).waitFor();

    // Clicking the nav link navigates the iframe (a plain page here: full reload with
    // fresh embedded parameters) and the admin URL follows.
    await reportsLink.click();
    await page.waitForURL((url) => url.pathname === `/store/browser-store/apps/${API_KEY}/app/reports`);
    const reports = await appFrame(page, "/app/reports");
    await reports.locator("#reports").waitFor();
    expect(new URL(reports.url()).searchParams.get("embedded")).toBe("1");
    await shopify.session.decodeSessionToken(new URL(reports.url()).searchParams.get("id_token")!);
    await expect.poll(() => page.locator("#sim-title-bar-title").textContent()).toBe("Reports");

    // <ui-modal>: a dialog with the modal's title, content and title-bar buttons.
    await reports.evaluate("shopify.modal.show('confirm-modal')");
    const dialog = reports.locator(".sim-ab-dialog");
    await dialog.waitFor();
    expect(await dialog.locator(".sim-ab-title").textContent()).toBe("Confirm rebuild");
    expect(await dialog.locator("#modal-text").textContent()).toBe("Rebuild all reports?");
    await dialog.locator(".sim-ab-footer button", { hasText: "Rebuild" }).click();
    await reports.waitForFunction("window.__confirmed === 1");
    await dialog.waitFor({ state: "detached" });
    expect(await page.locator("#sim-title-bar-title").textContent()).toBe("Reports");

    // <ui-save-bar>: shown in the admin's top bar; its buttons click the app's buttons.
    await reports.evaluate("shopify.saveBar.show('settings-save-bar')");
    const saveBar = page.locator("#sim-save-bar");
    await saveBar.waitFor({ state: "visible" });
    await saveBar.locator("button", { hasText: "Save" }).click();
    await reports.waitForFunction("window.__savedSettings === 1");
    await saveBar.locator("button", { hasText: "Discard" }).click();
    await saveBar.waitFor({ state: "hidden" });

    expect(apiCalls).toHaveLength(1);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("retries fetches on a stale token, serves the bounce page and leaves the iframe on request", async () => {
    const shopify = shopifyApi({
      apiKey: API_KEY,
      apiSecretKey: API_SECRET,
      apiVersion: ApiVersion.October26,
      isEmbeddedApp: true,
      hostName: new URL(appOrigin).host,
      hostScheme: "http",
      logger: { level: LogSeverity.Error },
    });
    const page = await browser.newPage();
    await page.goto(`${sim.origin}/store/browser-store/apps/${API_KEY}`);
    const frame = await appFrame(page, "/app");
    await frame.waitForFunction("window.__results && window.__results.done === true");

    // X-Shopify-Retry-Invalid-Session-Request: App Bridge retries once with a new token.
    const retried = (await frame.evaluate(
      "fetch('/api/retry').then(async (r) => ({ status: r.status, body: await r.json() }))",
    )) as {
      status: number;
      body: { attempt: number };
    };
    expect(retried).toEqual({ status: 200, body: { attempt: 2 } });
    expect(retryCalls).toHaveLength(2);
    expect(retryCalls.every((h) => h?.startsWith("Bearer "))).toBe(true);

    // Bounce page: App Bridge gets a token and returns to shopify-reload with id_token.
    const back = `${appOrigin}/app/landing?x=1`;
    await frame.goto(
      `${appOrigin}/auth/session-token?shop=${SHOP}&embedded=1&shopify-reload=${encodeURIComponent(back)}`,
    );
    const landing = await appFrame(page, "/app/landing");
    await landing.locator("#landing").waitFor();
    const landed = new URL(landing.url());
    expect(landed.searchParams.get("x")).toBe("1");
    expect((await shopify.session.decodeSessionToken(landed.searchParams.get("id_token")!)).dest).toBe(
      `https://${SHOP}`,
    );
    await page.waitForURL((url) => url.pathname === `/store/browser-store/apps/${API_KEY}/app/landing`);

    // window.open(url, "_top") from the iframe navigates the admin (exit-iframe).
    await landing.evaluate(`window.open(${JSON.stringify(`${sim.origin}/store/browser-store`)}, "_top")`);
    await page.waitForURL((url) => url.pathname === "/store/browser-store");
    await page.locator("#sim-open-app").waitFor();
    await page.close();
  });
});
