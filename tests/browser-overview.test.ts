// What staff do on the Overview, in headless Chromium inside the simulator's admin page
// (the app in its iframe, App Bridge stand-in, session tokens from the "admin"): pick a
// date preset, a custom range, Day/Week/Month, download a CSV. The page's figures are
// compared with the app's JSON/CSV API for the same range; the ranges themselves are
// computed here from the shop's time zone (luxon).
//
// Also measures the Overview's Web Vitals in the app frame (PerformanceObserver:
// largest-contentful-paint, layout-shift, event timing with durationThreshold) over four
// loads and two rounds of the Day/Week/Month interactions; asserts Built for Shopify's limits
// (LCP, CLS and INP at their 75th percentile, as Shopify judges them) and reports the worst
// (prints, and writes JSON under the test's temp dir) against our own, stricter goal.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { METRIC_DEFINITIONS, REPORTED_APART, SALES_BREAKDOWN } from "~/insights/definitions";
import { launchChromium } from "./helpers/browser";
import { apiHeaders, BROWSER_USER_AGENT, openEmbeddedApp, startStack, type Stack } from "./helpers/stack";
import { TEST_APP } from "./helpers/test-app";
import { waitFor } from "./sync-support";

// Built for Shopify: "Largest Contentful Paint ≤ 2.5 s, Cumulative Layout Shift ≤ 0.1,
// Interaction to Next Paint ≤ 200 ms" (shopify.dev/docs/apps/launch/built-for-shopify/requirements).
const BUILT_FOR_SHOPIFY = { lcpMs: 2500, cls: 0.1, inpMs: 200 };
const OUR_GOAL = { lcpMs: 1000, cls: 0.02, inpMs: 100 };
/** Nearest-rank 75th percentile. */
const percentile75 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.75) - 1]!;

let stack: Stack;
let browser: Browser;
let zone: string;
let currency: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startStack({ simulator: { size: "small", seed: 33, bulk: { objectsPerSecond: 100_000 } } }),
    launchChromium(),
  ]);
  const data = stack.sim.control.data(stack.shop);
  zone = data.shop.ianaTimezone;
  currency = data.shop.currencyCode;
  // Install (the admin's first load) and let the first sync finish before staff look.
  expect((await openEmbeddedApp(stack)).status).toBe(200);
  await waitFor(async () => stack.app.output().includes("sync pass finished"), "the first sync", 150_000);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

// Collected in the app's frame from the first byte on (init scripts run in every frame).
const VITALS_SCRIPT = `(() => {
  if (window === window.top) return;
  const v = { lcp: null, lcpElement: null, cls: 0, interactions: [] };
  window.__vitals = v;
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) { v.lcp = e.startTime; v.lcpElement = e.element ? e.element.tagName + "." + String(e.element.className).slice(0, 60) : null; } })
      .observe({ type: "largest-contentful-paint", buffered: true });
    // CLS as web-vitals defines it: the largest session window (gaps < 1 s, at most 5 s).
    let session = 0, first = 0, last = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        if (session && e.startTime - last < 1000 && e.startTime - first < 5000) session += e.value;
        else { session = e.value; first = e.startTime; }
        last = e.startTime;
        v.cls = Math.max(v.cls, session);
      }
    }).observe({ type: "layout-shift", buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.interactionId) v.interactions.push({ type: e.name, duration: e.duration, target: (e.target && e.target.textContent || "").trim().slice(0, 20) });
      }
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
  } catch (error) { v.error = String(error); }
})();`;

interface Vitals {
  lcp: number | null;
  lcpElement: string | null;
  cls: number;
  interactions: { type: string; duration: number; target: string }[];
  error?: string;
}

async function openAdmin(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    userAgent: BROWSER_USER_AGENT,
    locale: "en-US",
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  await context.addInitScript(VITALS_SCRIPT);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 500) errors.push(`HTTP ${response.status()} ${new URL(response.url()).pathname}`);
  });
  const handle = stack.shop.replace(/\.myshopify\.com$/, "");
  await page.goto(`${stack.sim.url}/store/${handle}/apps/${TEST_APP.apiKey}`);
  return { page, errors };
}

async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector("#sim-app-frame");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the admin page has no app frame");
  return frame;
}

const params = (frame: Frame) => new URL(frame.url()).searchParams;
const money = (amount: string) =>
  new Intl.NumberFormat("en", { style: "currency", currency }).format(amount as unknown as number);
const localToday = () => DateTime.now().setZone(zone).toISODate()!;

async function api(endpoint: string, query: string, accept = "application/json") {
  const response = await fetch(`${stack.app.url}/api/dashboard/${endpoint}?${query}`, {
    headers: { ...(await apiHeaders(stack.shop)), Accept: accept },
  });
  expect(response.status).toBe(200);
  return response;
}

/** The Overview showing figures (after the first sync), with its KPIs rendered. */
async function overviewReady(frame: Frame) {
  await frame
    .locator('[data-kpi="Total sales"]')
    .waitFor({ timeout: 60_000 })
    .catch(async (error: Error) => {
      const text = await frame
        .locator("body")
        .innerText()
        .catch(() => "(no body)");
      throw new Error(
        `${error.message}\nframe ${frame.url()}:\n${text.slice(0, 1500)}\napp:\n${stack.app.output().slice(-2000)}`,
      );
    });
}

async function kpi(frame: Frame, title: string): Promise<string> {
  return frame.locator(`[data-kpi="${title}"]`).innerText();
}

/** Waits until the frame's URL says `expected` and the loader's figures for it are on screen. */
async function settled(frame: Frame, expected: Record<string, string | null>, from: string, to: string) {
  await expect
    .poll(() => Object.fromEntries(Object.keys(expected).map((k) => [k, params(frame).get(k)])), { timeout: 30_000 })
    .toEqual(expected);
  const summary = (await (await api("summary", `from=${from}&to=${to}`)).json()) as {
    totals: { totalSales: string; orders: number };
  };
  await expect.poll(() => kpi(frame, "Total sales"), { timeout: 30_000 }).toBe(money(summary.totals.totalSales));
  await expect
    .poll(() => kpi(frame, "Orders"), { timeout: 30_000 })
    .toBe(new Intl.NumberFormat("en").format(summary.totals.orders));
}

describe("Overview in the simulated admin (Chromium)", () => {
  it("date presets, custom range, Day/Week/Month and CSV downloads show the API's numbers", async () => {
    const { page, errors } = await openAdmin();
    try {
      const frame = await appFrame(page);
      await overviewReady(frame);

      // Preset: Last 7 days, resolved in the shop's zone.
      const today = localToday();
      const weekAgo = DateTime.fromISO(today).minus({ days: 6 }).toISODate()!;
      await frame.getByLabel("Date range").selectOption("last7");
      await settled(frame, { preset: "last7" }, weekAgo, today);

      // Preset: Last month.
      const lastMonth = DateTime.fromISO(today).startOf("month").minus({ months: 1 });
      await frame.getByLabel("Date range").selectOption("lastMonth");
      await settled(frame, { preset: "lastMonth" }, lastMonth.toISODate()!, lastMonth.endOf("month").toISODate()!);

      // Custom range: the last 45 days up to 10 days ago.
      const from = DateTime.fromISO(today).minus({ days: 55 }).toISODate()!;
      const to = DateTime.fromISO(today).minus({ days: 10 }).toISODate()!;
      await frame.getByLabel("Date range").selectOption("custom");
      await frame.getByLabel("From", { exact: true }).fill(from);
      await frame.getByLabel("To", { exact: true }).fill(to);
      await frame.getByRole("button", { name: "Apply" }).click();
      await settled(frame, { from, to, preset: null }, from, to);

      // Granularity: each choice redraws the sales chart from that granularity's series.
      for (const granularity of ["week", "month", "day"] as const) {
        await frame
          .getByRole("button", { name: granularity[0]!.toUpperCase() + granularity.slice(1), exact: true })
          .click();
        await expect.poll(() => params(frame).get("granularity"), { timeout: 30_000 }).toBe(granularity);
        const series = (
          (await (await api("orders-by-date", `from=${from}&to=${to}&granularity=${granularity}`)).json()) as {
            series: { date: string; totalSales: string; orders: number }[];
          }
        ).series;
        // The sales chart is the page's first chart; its table alternative lists every period.
        await frame.getByRole("button", { name: "Show data table" }).first().click();
        const rows = frame.locator("table").filter({ hasText: "Period" }).first().locator("tbody tr");
        await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(series.length);
        const firstRow = await rows.first().innerText();
        const lastRow = await rows.last().innerText();
        expect(firstRow).toContain(money(series[0]!.totalSales));
        expect(lastRow).toContain(money(series.at(-1)!.totalSales));
        if (granularity === "week") expect(firstRow).toMatch(/^Week of /);
        if (granularity === "month") expect(firstRow).toContain(DateTime.fromISO(series[0]!.date).toFormat("yyyy"));
        await frame.getByRole("button", { name: "Show chart" }).first().click();
      }

      // CSV download inside the admin: the file arrives and is the API's CSV for the range.
      await frame.getByRole("button", { name: "Month", exact: true }).click();
      await expect.poll(() => params(frame).get("granularity"), { timeout: 30_000 }).toBe("month");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        frame.getByRole("button", { name: "Sales by date CSV" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`orders-by-date_${from}_${to}.csv`);
      const file = readFileSync((await download.path())!, "utf8");
      const expectedCsv = await (
        await api("orders-by-date", `from=${from}&to=${to}&granularity=month`, "text/csv")
      ).text();
      expect(file).toBe(expectedCsv);
      const json = (
        (await (await api("orders-by-date", `from=${from}&to=${to}&granularity=month`)).json()) as {
          series: { date: string; orders: number; totalSales: string }[];
        }
      ).series;
      const lines = file.trim().split(/\r?\n/);
      expect(lines[0]).toBe("date,orders,totalSales,netSales");
      expect(lines.slice(1).map((line) => line.split(",").slice(0, 3))).toEqual(
        json.map((p) => [p.date, String(p.orders), p.totalSales]),
      );

      expect(errors, stack.app.output().slice(-3000)).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 240_000);

  it("the Sales-report breakdown shows the API's figures and each definition is one click away", async () => {
    const { page, errors } = await openAdmin();
    try {
      const frame = await appFrame(page);
      await overviewReady(frame);
      // The default range: the last 30 days in the shop's zone.
      const to = localToday();
      const from = DateTime.fromISO(to).minus({ days: 29 }).toISODate()!;
      const summary = (await (await api("summary", `from=${from}&to=${to}`)).json()) as {
        totals: Record<string, string>;
      };
      // Top to bottom as in Shopify's Sales report; discounts and returns are taken off.
      const lines = await frame
        .locator("[data-breakdown]")
        .evaluateAll((cells) => cells.map((cell) => [cell.getAttribute("data-breakdown"), cell.textContent]));
      const negative = (amount: string) => (/^-?0+(\.0+)?$/.test(amount) ? amount : `-${amount}`);
      expect(lines).toEqual(
        [...SALES_BREAKDOWN, ...REPORTED_APART].map((key) => {
          const amount = summary.totals[key]!;
          return [key, money(key === "discounts" || key === "returns" ? negative(amount) : amount)];
        }),
      );
      // A KPI's title and a breakdown line each open their definition, in the words of docs/metrics.md.
      for (const key of ["totalSales", "returns"] as const) {
        const { label, definition } = METRIC_DEFINITIONS[key];
        await frame
          .getByRole("button", { name: `${label}: definition` })
          .first()
          .click();
        const shown = frame.locator(`[data-definition="${key}"]`);
        await expect.poll(() => shown.innerText(), { timeout: 30_000 }).toBe(definition);
        await page.keyboard.press("Escape");
        await expect.poll(() => shown.count(), { timeout: 30_000 }).toBe(0);
      }
      expect(errors, stack.app.output().slice(-3000)).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 240_000);

  it("Web Vitals of the Overview are within Built for Shopify's limits (and reported against our goal)", async () => {
    const loads: { lcpMs: number; cls: number; lcpElement: string | null }[] = [];
    const interactions: { granularity: string; durationMs: number }[] = [];
    // Built for Shopify judges LCP, CLS and INP at the 75th percentile
    // (shopify.dev/docs/apps/build/performance/admin-installation-oauth, "Built for Shopify"
    // web vitals): of four loads and of six interactions the second-worst is that percentile
    // (nearest rank), so one cold or preempted sample on a busy machine is reported (worst)
    // but does not decide the verdict.
    const LOADS = 4;
    for (let load = 0; load < LOADS; load++) {
      const { page, errors } = await openAdmin();
      try {
        const frame = await appFrame(page);
        await overviewReady(frame);
        await frame.locator("canvas").nth(2).waitFor();
        // Two animation frames after the content: the LCP candidate has been reported.
        await frame.evaluate(
          () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
        const vitals = (await frame.evaluate("window.__vitals")) as Vitals;
        expect(vitals.error).toBeUndefined();
        expect(vitals.lcp).not.toBeNull();
        // Where the time went: server answer, first paint, the LCP element.
        const timing = (await frame.evaluate(() => {
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
          const fcp = performance.getEntriesByName("first-contentful-paint")[0];
          return {
            responseStartMs: Math.round(nav.responseStart),
            responseEndMs: Math.round(nav.responseEnd),
            fcpMs: Math.round(fcp?.startTime ?? -1),
            domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
          };
        })) as Record<string, number>;
        loads.push({
          lcpMs: Math.round(vitals.lcp!),
          cls: Number(vitals.cls.toFixed(4)),
          lcpElement: vitals.lcpElement,
          ...timing,
        });
        if (load === LOADS - 1) {
          // Two rounds of the three switches: INP is judged at the 75th percentile too.
          for (const granularity of ["Week", "Month", "Day", "Week", "Month", "Day"]) {
            const before = ((await frame.evaluate("window.__vitals")) as Vitals).interactions.length;
            await frame.getByRole("button", { name: granularity, exact: true }).click();
            await expect
              .poll(() => params(frame).get("granularity"), { timeout: 30_000 })
              .toBe(granularity.toLowerCase());
            await overviewReady(frame);
            await frame.evaluate(
              () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
            );
            const after = ((await frame.evaluate("window.__vitals")) as Vitals).interactions.slice(before);
            // Entries under the 16 ms threshold are not reported: such an interaction took < 16 ms.
            interactions.push({ granularity, durationMs: Math.max(0, ...after.map((e) => e.duration)) });
          }
          const final = (await frame.evaluate("window.__vitals")) as Vitals;
          loads[LOADS - 1]!.cls = Number(final.cls.toFixed(4)); // layout shifts during the switches count too
        }
        expect(errors).toEqual([]);
      } finally {
        await page.context().close();
      }
    }
    const worst = {
      lcpMs: Math.max(...loads.map((l) => l.lcpMs)),
      cls: Math.max(...loads.map((l) => l.cls)),
      inpMs: Math.max(...interactions.map((i) => i.durationMs)),
    };
    const p75 = {
      lcpMs: percentile75(loads.map((l) => l.lcpMs)),
      cls: percentile75(loads.map((l) => l.cls)),
      inpMs: percentile75(interactions.map((i) => i.durationMs)),
    };
    const report = {
      measuredAt: new Date().toISOString(),
      loads,
      interactions,
      worst,
      p75,
      builtForShopify: BUILT_FOR_SHOPIFY,
      goal: OUR_GOAL,
      withinGoal: {
        lcp: worst.lcpMs <= OUR_GOAL.lcpMs,
        cls: worst.cls <= OUR_GOAL.cls,
        inp: worst.inpMs <= OUR_GOAL.inpMs,
      },
    };
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "storepulse-vitals-")), "overview-web-vitals.json");
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Overview Web Vitals (${file}):\n${JSON.stringify(report)}`);
    expect(p75.lcpMs).toBeLessThanOrEqual(BUILT_FOR_SHOPIFY.lcpMs);
    expect(p75.cls).toBeLessThanOrEqual(BUILT_FOR_SHOPIFY.cls);
    expect(p75.inpMs).toBeLessThanOrEqual(BUILT_FOR_SHOPIFY.inpMs);
  }, 240_000);
});
