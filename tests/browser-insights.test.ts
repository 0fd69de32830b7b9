// Headless Chromium: each insights page, loaded the way the admin loads an embedded
// app (embedded=1, shop, host, id_token), shows the store's figures.
import type { PrismaClient } from "@prisma/client";
import type { Browser } from "playwright-core";
import { launchChromium } from "./helpers/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recomputeAllRollups, type InsightsShop } from "~/insights";
import { startApp, type RunningApp } from "./helpers/app-server";
import { createOfflineSession, createTestPrisma } from "./helpers/db";
import { sessionToken } from "./helpers/shopify-signing";
import { buildFallBackStore } from "./insights-store-fixtures";

// Headless Chromium says "HeadlessChrome", which the Shopify library answers with 410 (bot).
const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

let prisma: PrismaClient;
let app: RunningApp;
let browser: Browser;
let shop: InsightsShop;

beforeAll(async () => {
  prisma = createTestPrisma();
  app = await startApp();
  shop = await buildFallBackStore(prisma, "browser");
  browser = await launchChromium();
  await recomputeAllRollups(prisma, shop.id);
  await createOfflineSession(prisma, shop.domain);
  await prisma.syncState.createMany({
    data: ["customers", "orders", "products"].map((resource) => ({
      shopId: shop.id,
      resource,
      status: "idle",
      backfillStatus: "completed",
    })),
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await prisma?.$disconnect();
});

async function embeddedUrl(path: string, query: string): Promise<string> {
  const handle = shop.domain.replace(".myshopify.com", "");
  const host = Buffer.from(`admin.shopify.com/store/${handle}`).toString("base64").replace(/=+$/, "");
  const token = await sessionToken({ shop: shop.domain, expiresInSeconds: 300 });
  return `${app.url}${path}?embedded=1&shop=${shop.domain}&host=${host}&id_token=${token}&locale=en-US&${query}`;
}

async function openPage(path: string, query: string) {
  const context = await browser.newContext({ locale: "en-US", userAgent: BROWSER_UA });
  // cdn.shopify.com (App Bridge) is unreachable here: fail it at once instead of waiting.
  await context.route(/^https:\/\/cdn\.shopify\.com\//, (route) => route.abort());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  if (process.env.INSIGHTS_DEBUG) page.on("close", () => console.log(path, "page errors:", errors));
  const response = await page.goto(await embeddedUrl(path, query), { waitUntil: "domcontentloaded" });
  expect(response?.status()).toBe(200);
  return { page, close: () => context.close() };
}

describe("insights pages in a browser", () => {
  it("Overview shows KPIs, charts' data and top lists for the range", async () => {
    const { page, close } = await openPage("/app", "from=2026-11-01&to=2026-11-04");
    try {
      const main = page.locator("body");
      await main.getByText("Total sales", { exact: true }).first().waitFor();
      // Values from the hand-computed fall-back store (tests/insights-metrics.test.ts)
      await expect(page.locator('[data-kpi="Total sales"]').innerText()).resolves.toBe("$95.94");
      await expect(page.locator('[data-kpi="Orders"]').innerText()).resolves.toBe("6");
      await expect(page.locator('[data-kpi="Average order value"]').innerText()).resolves.toBe("$20.56");
      await expect(page.locator('[data-kpi="Customers"]').innerText()).resolves.toBe("4");
      await expect(page.locator('[data-kpi="New customers"]').innerText()).resolves.toBe("3");
      await expect(page.locator('[data-kpi="Returning customer rate"]').innerText()).resolves.toBe("50%");
      // Polaris tables re-render after hydration: wait for each text rather than snapshotting once.
      for (const expected of [
        "Ada Lovelace",
        "$20.60",
        "Mystery box",
        "$42.00",
        "Sales and orders over time",
        "Net sales",
        "$94.34",
      ]) {
        await main.getByText(expected, { exact: true }).first().waitFor();
      }
      // chart.js draws the three charts (a page error would replace them with the error banner)
      await page.locator("canvas").nth(2).waitFor();
      expect(await page.locator("canvas").count()).toBe(3);
      // The accessible alternative to the sales chart lists every day of the range.
      await page.getByRole("button", { name: "Show data table" }).first().click();
      const table = page.locator("table").filter({ hasText: "Period" }).first();
      await table.waitFor();
      const tableText = await table.innerText();
      for (const expected of ["Nov 1", "Nov 4", "$57.94", "-$14.80"]) expect(tableText).toContain(expected);
    } finally {
      await close();
    }
  });

  it("Customers lists customers with their spend, searchable", async () => {
    const { page, close } = await openPage("/app/customers", "from=2026-11-01&to=2026-11-04");
    try {
      for (const expected of ["Ada Lovelace", "Grace Hopper", "$20.60", "$33.34", "Tess Tester"]) {
        await page.getByText(expected, { exact: true }).first().waitFor();
      }
      const search = await openPage("/app/customers", "from=2026-11-01&to=2026-11-04&q=zola");
      try {
        await search.page.getByText("Émile Zola", { exact: true }).first().waitFor();
        expect(await search.page.locator("body").innerText()).not.toContain("Ada Lovelace");
      } finally {
        await search.close();
      }
    } finally {
      await close();
    }
  });

  it("Products lists products with units and net sales", async () => {
    const { page, close } = await openPage(
      "/app/products",
      "from=2026-11-01&to=2026-11-04&sort=netSales&direction=desc",
    );
    try {
      for (const expected of ["Widget", "Gadget", "$33.34", "$19.00"]) {
        await page.getByText(expected, { exact: true }).first().waitFor();
      }
    } finally {
      await close();
    }
  });

  it("before the first sync completes, the Overview shows progress instead of zeros", async () => {
    const fresh = await prisma.shop.create({
      data: { domain: `empty-${shop.domain}`, currencyCode: "USD", ianaTimezone: "UTC" },
    });
    await prisma.session.create({
      data: {
        id: `offline_${fresh.domain}`,
        shop: fresh.domain,
        state: "installed",
        accessToken: "shpat_test",
        isOnline: false,
      },
    });
    await prisma.syncState.create({
      data: {
        shopId: fresh.id,
        resource: "orders",
        backfillStatus: "running",
        recordsStored: 40,
        recordsExpected: 160,
      },
    });
    const context = await browser.newContext({ locale: "en-US", userAgent: BROWSER_UA });
    await context.route(/^https:\/\/cdn\.shopify\.com\//, (route) => route.abort());
    try {
      const page = await context.newPage();
      const handle = fresh.domain.replace(".myshopify.com", "");
      const host = Buffer.from(`admin.shopify.com/store/${handle}`).toString("base64").replace(/=+$/, "");
      const token = await sessionToken({ shop: fresh.domain, expiresInSeconds: 300 });
      await page.goto(`${app.url}/app?embedded=1&shop=${fresh.domain}&host=${host}&id_token=${token}`);
      await page.getByText("Your store's data is being imported").waitFor();
      expect(await page.locator("body").innerText()).toContain("25% imported");
      expect(await page.locator('[data-kpi="Total sales"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
