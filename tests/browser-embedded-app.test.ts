// The embedded app in a real browser, inside the simulator's admin page: the
// Shopify-managed install happens on first load, App Bridge's nav menu appears in
// the admin, and every page of the menu renders inside Polaris without errors.
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./helpers/browser";
import { BROWSER_USER_AGENT, startStack, type Stack } from "./helpers/stack";
import { TEST_APP } from "./helpers/test-app";

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ simulator: { size: "small", seed: 21 } }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function appFrame(page: Page, path: string): Promise<Frame> {
  const handle = await page.waitForSelector("#sim-app-frame");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the admin page has no app frame");
  // Client-side (history API) navigations included.
  await expect.poll(() => new URL(frame.url()).pathname, { timeout: 30_000 }).toBe(path);
  return frame;
}

// The Overview is the NavMenu's rel="home" link: App Bridge shows it as the app
// itself (first load), not as a menu entry.
const MENU = [
  { label: "Customers", path: "/app/customers", title: "Customers" },
  { label: "Products", path: "/app/products", title: "Products" },
  { label: "Retention", path: "/app/retention", title: "Retention" },
  { label: "Sync status", path: "/app/sync", title: "Sync status" },
  { label: "Settings", path: "/app/settings", title: "Settings" },
];

describe("embedded app in the simulator's admin (Chromium)", () => {
  it("installs on first load and renders every menu page inside Polaris without errors", async () => {
    const page = await (await browser.newContext({ userAgent: BROWSER_USER_AGENT })).newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 500) errors.push(`HTTP ${response.status()} ${new URL(response.url()).pathname}`);
    });

    const handle = stack.shop.replace(/\.myshopify\.com$/, "");
    await page.goto(`${stack.sim.url}/store/${handle}/apps/${TEST_APP.apiKey}`);
    let frame = await appFrame(page, "/app");
    await frame.locator(".Polaris-Page h1", { hasText: "Overview" }).waitFor({ state: "attached" });

    for (const item of MENU) {
      const link = page.locator("#sim-app-nav a[data-sim-nav]", { hasText: item.label });
      await link.waitFor();
      await link.click();
      frame = await appFrame(page, item.path);
      await frame
        .locator(".Polaris-Page h1", { hasText: item.title })
        .waitFor({ state: "attached" })
        .catch((error: Error) => {
          throw new Error(`${item.label}: ${error.message}\n${errors.join("\n")}\n${stack.app.output().slice(-3000)}`);
        });
    }

    // Remix error boundaries would render without Polaris' page; none may appear.
    expect(await frame.locator("text=Application Error").count()).toBe(0);
    expect(
      errors.filter((e) => !e.includes("favicon")),
      stack.app.output().slice(-4000),
    ).toEqual([]);
    await page.close();
  });
});
