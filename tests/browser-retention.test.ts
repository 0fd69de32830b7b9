// The Retention page in headless Chromium inside the simulator's admin: reached from the
// app's NavMenu, the cohort heat map (retention % and lifetime value), the KPIs, the LTV
// curves, the time-to-second-order histogram and the first-product table show the
// /api/insights answers for the same months; the month span and a CSV download work;
// a definition is one click away; a bad parameter and a shop without customers show
// their states. Expected strings are formatted here from the API's JSON with Intl, and
// that JSON equals the brute-force cohorts over the Admin API (tests/helpers/cohort-oracle.ts):
// on the demo store's data (`npm run demo`: simulator seed 1, size small) the page shows
// non-empty, correct cohorts.
import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { METRIC_DEFINITIONS } from "~/insights/definitions";
import { launchChromium } from "./helpers/browser";
import { CohortOracle } from "./helpers/cohort-oracle";
import { uniqueShopDomain } from "./helpers/db";
import { readLedger } from "./helpers/oracle";
import { apiHeaders, BROWSER_USER_AGENT, openEmbeddedApp, startStack, type Stack } from "./helpers/stack";
import { TEST_APP } from "./helpers/test-app";
import { waitFor } from "./sync-support";

let stack: Stack;
let browser: Browser;
let shop: string;
let empty: string;
let currency: string;

beforeAll(async () => {
  shop = uniqueShopDomain("retention-ui");
  empty = uniqueShopDomain("retention-empty");
  [stack, browser] = await Promise.all([
    startStack({
      simulator: {
        shops: [
          { domain: shop, size: "small", seed: 1 }, // the demo store's generator settings
          { domain: empty, size: { orders: 0, customers: 0, products: 2, days: 1 }, seed: 38 },
        ],
        bulk: { objectsPerSecond: 100_000 },
      },
    }),
    launchChromium(),
  ]);
  currency = stack.sim.control.data(shop).shop.currencyCode;
  for (const domain of [shop, empty]) {
    const before = (stack.app.output().match(/sync pass finished/g) ?? []).length;
    expect((await openEmbeddedApp(stack, domain)).status).toBe(200);
    await waitFor(
      async () => (stack.app.output().match(/sync pass finished/g) ?? []).length > before,
      `the first sync of ${domain}`,
      150_000,
    );
  }
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const money = (amount: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency }).format(Number(amount));
const rate = (value: number) =>
  new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 }).format(value);
const count = (value: number) => new Intl.NumberFormat("en-US").format(value);

async function api(domain: string, endpoint: string, query: string, accept = "application/json") {
  const response = await fetch(`${stack.app.url}/api/insights/${endpoint}?${query}`, {
    headers: { ...(await apiHeaders(domain)), Accept: accept },
  });
  expect(response.status).toBe(200);
  return response;
}

async function openAdmin(domain: string, appPath = ""): Promise<{ page: Page; frame: Frame; errors: string[] }> {
  const context = await browser.newContext({
    userAgent: BROWSER_USER_AGENT,
    locale: "en-US",
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 500) errors.push(`HTTP ${response.status()} ${new URL(response.url()).pathname}`);
  });
  const handle = domain.replace(/\.myshopify\.com$/, "");
  await page.goto(`${stack.sim.url}/store/${handle}/apps/${TEST_APP.apiKey}${appPath}`);
  const frameHandle = await page.waitForSelector("#sim-app-frame");
  const frame = await frameHandle.contentFrame();
  if (!frame) throw new Error("the admin page has no app frame");
  return { page, frame, errors };
}

const params = (frame: Frame) => new URL(frame.url()).searchParams;

/** The app frame once it shows `path` (a menu click may navigate in place or load a fresh frame). */
async function currentFrame(page: Page, path: string): Promise<Frame> {
  await expect
    .poll(
      async () => {
        const frame = await (await page.waitForSelector("#sim-app-frame")).contentFrame();
        return frame ? new URL(frame.url()).pathname : null;
      },
      { timeout: 30_000 },
    )
    .toBe(path);
  return (await (await page.waitForSelector("#sim-app-frame")).contentFrame())!;
}

async function visible(frame: Frame, selector: string) {
  await frame
    .locator(selector)
    .first()
    .waitFor({ timeout: 60_000 })
    .catch(async (error: Error) => {
      const text = await frame
        .locator("body")
        .innerText()
        .catch(() => "(no body)");
      throw new Error(
        `${error.message}\nframe ${frame.url()}:\n${text.slice(0, 1500)}\n${stack.app.output().slice(-2000)}`,
      );
    });
}

interface CohortsAnswer {
  from: string;
  to: string;
  cohorts: {
    cohort: string;
    customers: number;
    cells: { offset: number; retention: number; lifetimeValue: string; activeCustomers: number }[];
  }[];
}

describe("Retention page in the simulated admin (Chromium)", () => {
  it("from the NavMenu: heat map, KPIs, curves, histogram, first products, span and CSV match the API", async () => {
    const { page, errors } = await openAdmin(shop);
    try {
      const link = page.locator("#sim-app-nav a[data-sim-nav]", { hasText: "Retention" });
      await link.waitFor();
      await link.click();
      const frame = await currentFrame(page, "/app/retention");
      await visible(frame, '[data-heatmap="retention"]');

      const query = ""; // the page's default: the last 12 cohort months, as the API's
      const cohorts = (await (await api(shop, "cohorts", query)).json()) as CohortsAnswer;
      expect(cohorts.cohorts).toHaveLength(12);
      const shown = await frame
        .locator("[data-cohort]")
        .evaluateAll((cells) =>
          cells.map((c) => [c.getAttribute("data-cohort"), Number(c.getAttribute("data-offset")), c.textContent]),
        );
      const withCustomers = cohorts.cohorts.filter((c) => c.customers > 0);
      expect(withCustomers.length).toBeGreaterThan(3);
      // Correct, not only shown: the same 12 months computed from the Admin API's orders and ledger.
      const ledger = await readLedger(stack.sim.graphqlUrl("2026-10"), stack.sim.control.install(shop).accessToken, {
        lineItems: true,
      });
      const oracle = new CohortOracle(ledger);
      const today = oracle.localDate(new Date().toISOString());
      const lastYear = DateTime.fromISO(today).startOf("month").minus({ months: 11 }).toISODate()!;
      expect(cohorts).toEqual(oracle.cohorts(lastYear, today, today));
      expect(shown).toEqual(
        withCustomers.flatMap((c) => c.cells.map((cell) => [c.cohort, cell.offset, rate(cell.retention)])),
      );
      // Rows: every month of the API's answer except the current month while nobody's first
      // order is in it (a cohort not started yet, not one of zero customers).
      const thisMonth = today.slice(0, 7);
      const rowMonths = cohorts.cohorts.filter((c) => c.customers > 0 || c.cohort < thisMonth).map((c) => c.cohort);
      expect(await frame.locator("[data-heatmap] tbody tr").count()).toBe(rowMonths.length);
      expect(rowMonths.length).toBe(cohorts.cohorts.at(-1)!.customers > 0 ? 12 : 11);

      // Lifetime value view: the same cells in money.
      await frame.getByRole("button", { name: "Lifetime value", exact: true }).click();
      await visible(frame, '[data-heatmap="ltv"]');
      const ltv = await frame.locator("[data-cohort]").evaluateAll((cells) => cells.map((c) => c.textContent));
      expect(ltv).toEqual(withCustomers.flatMap((c) => c.cells.map((cell) => money(cell.lifetimeValue))));

      const repeat = await (await api(shop, "repeat-purchase", query)).json();
      expect(await frame.locator('[data-kpi="Customers acquired"]').innerText()).toBe(count(repeat.customers));
      expect(await frame.locator('[data-kpi="Repeat purchase rate"]').innerText()).toBe(
        rate(repeat.repeatPurchaseRate),
      );

      // The LTV curves' table alternative: one column per chosen cohort (the 4 latest with ≥ 2 months).
      const card = (section: string) => frame.locator(`[data-section="${section}"]`);
      const ltvCard = card("ltv-curves");
      await ltvCard.getByRole("button", { name: "Show data table" }).click();
      const curveHeadings = await ltvCard.locator("thead th").allInnerTexts();
      expect(curveHeadings).toHaveLength(1 + 4);
      await ltvCard.getByRole("button", { name: "Show chart" }).click();

      // Histogram: one row per bucket with the API's counts.
      const histogram = card("time-to-second-order");
      await histogram.getByRole("button", { name: "Show data table" }).click();
      const bucketRows = await histogram.locator("tbody tr").allInnerTexts();
      expect(bucketRows).toHaveLength(repeat.timeToSecondOrder.length);
      expect(bucketRows[0]).toContain(count(repeat.timeToSecondOrder[0].customers));

      const products: { id: string; title: string; handle: string; rate180: number }[] = (
        await (await api(shop, "first-product", query)).json()
      ).products;
      const productRows = card("first-product").locator("tbody tr");
      expect(await productRows.count()).toBe(products.length);
      expect(await productRows.first().innerText()).toContain(products[0]!.title);
      expect(await productRows.first().innerText()).toContain(rate(products[0]!.rate180));
      // Each row links to its product in Shopify Admin (App Bridge's admin protocol, top
      // frame); a title shown twice carries the product's handle, which tells them apart.
      const links = await productRows.evaluateAll((rows) =>
        rows.map((row) => {
          const a = row.querySelector("a");
          return { href: a?.getAttribute("href"), target: a?.getAttribute("target"), text: row.textContent };
        }),
      );
      expect(links.map(({ href, target }) => ({ href, target }))).toEqual(
        products.map((p) => ({ href: `shopify://admin/products/${p.id}`, target: "_top" })),
      );
      const titles = products.map((p) => p.title);
      const shared = products.filter((p) => titles.indexOf(p.title) !== titles.lastIndexOf(p.title));
      // The demo store's generator gives two products the same title ("Recycled Beanie").
      expect(shared.length).toBeGreaterThan(1);
      products.forEach((p, i) => {
        if (shared.includes(p)) expect(links[i]!.text).toContain(`(${p.handle})`);
        else expect(links[i]!.text).not.toContain(`(${p.handle})`);
      });

      // A definition one click away, in the words of docs/metrics.md.
      await frame.getByRole("button", { name: `${METRIC_DEFINITIONS.repeatPurchaseRate.label}: definition` }).click();
      await expect
        .poll(() => frame.locator('[data-definition="repeatPurchaseRate"]').innerText(), { timeout: 30_000 })
        .toBe(METRIC_DEFINITIONS.repeatPurchaseRate.definition);
      await page.keyboard.press("Escape");

      // The cohorts' CSV, downloaded inside the admin, is the API's.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        card("cohorts").getByRole("button", { name: "CSV", exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`cohorts_${cohorts.from}_${cohorts.to}.csv`);
      const expectedCsv = await (
        await api(shop, "cohorts", `from=${cohorts.from}&to=${cohorts.to}`, "text/csv")
      ).text();
      expect(readFileSync((await download.path())!, "utf8")).toBe(expectedCsv);

      // Six months: six cohort rows (five while the current month has no first order).
      await frame.getByLabel("Cohorts").selectOption("6");
      await expect.poll(() => params(frame).get("months"), { timeout: 30_000 }).toBe("6");
      await expect
        .poll(() => frame.locator("[data-heatmap] tbody tr").count(), { timeout: 30_000 })
        .toBe(cohorts.cohorts.slice(-6).filter((c) => c.customers > 0 || c.cohort < thisMonth).length);

      expect(errors, stack.app.output().slice(-3000)).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 240_000);

  it("a bad month parameter says so and shows the last 12 months; a shop without customers says there are none", async () => {
    const bad = await openAdmin(shop, "/app/retention?from=2026-02-30");
    try {
      await visible(bad.frame, '[data-heatmap="retention"]');
      expect(await bad.frame.locator(".Polaris-Banner").first().innerText()).toContain("from");
      expect(bad.errors).toEqual([]);
    } finally {
      await bad.page.context().close();
    }
    const none = await openAdmin(empty, "/app/retention");
    try {
      await visible(none.frame, "text=No customer placed a first order in these months.");
      expect(await none.frame.locator('[data-kpi="Customers acquired"]').innerText()).toBe("0");
      expect(none.errors).toEqual([]);
    } finally {
      await none.page.context().close();
    }
  }, 120_000);
});
