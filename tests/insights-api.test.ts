// The dashboard API over HTTP against the built app: hand-computed answers, CSV,
// parameter errors, session-token auth and tenant isolation.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recomputeAllRollups, type InsightsShop } from "~/insights";
import { startApp, type RunningApp } from "./helpers/app-server";
import { createTestPrisma } from "./helpers/db";
import { FALL_BACK_NOV_1_TO_4_TOTALS } from "./helpers/insights-answers";
import { sessionToken } from "./helpers/shopify-signing";
import { buildFallBackStore, buildSpringForwardStore } from "./insights-store-fixtures";

const ENDPOINTS = [
  "summary",
  "orders-by-date",
  "top-customers",
  "new-customers-by-date",
  "avg-order-value-by-date",
  "top-products",
] as const;

const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

let prisma: PrismaClient;
let app: RunningApp;
let usd: InsightsShop; // fall-back store
let jpy: InsightsShop; // spring-forward store

async function installSession(shop: string) {
  // An offline session as the install would leave it, so no token exchange is needed.
  await prisma.session.create({
    data: {
      id: `offline_${shop}`,
      shop,
      state: "installed",
      accessToken: "shpat_test",
      isOnline: false,
      scope: "read_orders",
    },
  });
}

async function get(path: string, shop: string | null, init: { headers?: Record<string, string>; token?: string } = {}) {
  // A browser's user agent: the library answers 410 to self-identified bots such as "node".
  const headers: Record<string, string> = { "User-Agent": BROWSER_UA, ...init.headers };
  const token = init.token ?? (shop ? await sessionToken({ shop }) : undefined);
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(`${app.url}${path}`, { headers, redirect: "manual" });
}

beforeAll(async () => {
  prisma = createTestPrisma();
  app = await startApp();
  usd = await buildFallBackStore(prisma, "api-usd");
  jpy = await buildSpringForwardStore(prisma, "api-jpy");
  // One after the other: the embedded test database has a single backend.
  await recomputeAllRollups(prisma, usd.id);
  await recomputeAllRollups(prisma, jpy.id);
  await installSession(usd.domain);
  await installSession(jpy.domain);
});
afterAll(async () => {
  if (process.env.INSIGHTS_DEBUG) console.log(app?.output());
  await app?.stop();
  await prisma?.$disconnect();
});

describe("dashboard API", () => {
  const range = "from=2026-11-01&to=2026-11-04";

  it("summary: the hand-computed totals of the token's shop", async () => {
    const response = await get(`/api/dashboard/summary?${range}`, usd.domain);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = await response.json();
    expect(body).toMatchObject({
      shop: usd.domain,
      currency: "USD",
      timezone: "America/New_York",
      from: "2026-11-01",
      to: "2026-11-04",
      totals: FALL_BACK_NOV_1_TO_4_TOTALS,
      previous: { orders: 0, totalSales: "0.00" },
    });
  });

  it("series and top lists have the documented shapes", async () => {
    const orders = await (await get(`/api/dashboard/orders-by-date?${range}&granularity=week`, usd.domain)).json();
    expect(orders).toEqual({
      from: "2026-11-01",
      to: "2026-11-04",
      granularity: "week",
      series: [
        { date: "2026-10-26", orders: 2, totalSales: "57.94", netSales: "51.34" },
        { date: "2026-11-02", orders: 4, totalSales: "38.00", netSales: "43.00" },
      ],
    });
    const newCustomers = await (await get(`/api/dashboard/new-customers-by-date?${range}`, usd.domain)).json();
    expect(newCustomers.series.map((p: { newCustomers: number }) => p.newCustomers)).toEqual([1, 1, 1, 0]);
    const aov = await (
      await get(`/api/dashboard/avg-order-value-by-date?${range}&granularity=month`, usd.domain)
    ).json();
    expect(aov.series).toEqual([{ date: "2026-11-01", averageOrderValue: "20.56", orders: 6 }]);
    const customers = await (await get(`/api/dashboard/top-customers?${range}`, usd.domain)).json();
    expect(customers.customers[3]).toEqual({
      id: "101",
      name: "Ada Lovelace",
      email: "ada@example.com",
      orders: 2,
      totalSpent: "20.60",
    });
    expect(customers.customers.map((c: { id: string }) => c.id)).toEqual(["102", "99", "104", "101"]);
    const products = await (await get(`/api/dashboard/top-products?${range}&limit=1`, usd.domain)).json();
    expect(products).toEqual({ products: [{ id: "203", title: "Mystery box", unitsSold: 5, netSales: "42.00" }] });
  });

  it("CSV with a header row, by ?format=csv or Accept: text/csv", async () => {
    const byParam = await get(`/api/dashboard/top-customers?${range}&format=csv&limit=2`, usd.domain);
    expect(byParam.status).toBe(200);
    expect(byParam.headers.get("content-type")).toContain("text/csv");
    expect(await byParam.text()).toBe(
      "id,name,email,orders,totalSpent\r\n102,Grace Hopper,grace@example.com,1,33.34\r\n99,Alan Turing,alan@example.com,1,21.00\r\n",
    );
    const byAccept = await get(`/api/dashboard/orders-by-date?${range}`, usd.domain, {
      headers: { Accept: "text/csv" },
    });
    expect((await byAccept.text()).split("\r\n")).toEqual([
      "date,orders,totalSales,netSales",
      "2026-11-01,2,57.94,51.34",
      "2026-11-02,2,31.80,31.00",
      "2026-11-03,2,21.00,21.00",
      "2026-11-04,0,-14.80,-9.00",
      "",
    ]);
    const summary = (await (await get(`/api/dashboard/summary?${range}&format=csv`, usd.domain)).text()).split("\r\n");
    expect(summary[0]).toBe(
      "period,from,to,currency,orders,grossSales,discounts,returns,netSales,shipping,taxes,totalSales,averageOrderValue,customers,newCustomers,returningCustomerRate,duties,additionalFees,tips,giftCardSales",
    );
    expect(summary[1]).toBe(
      "current,2026-11-01,2026-11-04,USD,6,126.84,3.50,29.00,94.34,0.00,1.60,95.94,20.56,4,3,0.5,0.00,0.00,0.00,25.00",
    );
    expect(summary[2]).toMatch(/^previous,2026-10-28,2026-10-31,USD,0,/);
  });

  it.each([
    ["summary", "from=2026-11-31", "from"],
    ["orders-by-date", "from=2026-11-05&to=2026-11-01", "from"],
    ["orders-by-date", "from=2020-01-01&to=2026-01-01", "to"],
    ["new-customers-by-date", "granularity=hour", "granularity"],
    ["top-customers", "limit=0", "limit"],
    ["top-products", "limit=101", "limit"],
  ])("400 on %s?%s naming %s", async (endpoint, query, parameter) => {
    const response = await get(`/api/dashboard/${endpoint}?${query}`, usd.domain);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.parameter).toBe(parameter);
    expect(typeof body.error).toBe("string");
  });

  it("defaults to the last 30 local days", async () => {
    const body = await (await get(`/api/dashboard/orders-by-date`, usd.domain)).json();
    expect(body.series).toHaveLength(30);
    expect(body.granularity).toBe("day");
  });
});

describe("auth and tenant isolation", () => {
  it.each(ENDPOINTS)("%s: 401 without a token, with a forged, expired or other-app token", async (endpoint) => {
    const path = `/api/dashboard/${endpoint}`;
    const missing = await get(path, null);
    expect(missing.status).toBe(401);
    const forged = await get(path, null, { token: await sessionToken({ shop: usd.domain, secret: "not-the-secret" }) });
    expect(forged.status).toBe(401);
    const expired = await get(path, null, { token: await sessionToken({ shop: usd.domain, expiresInSeconds: -120 }) });
    expect(expired.status).toBe(401);
    const otherApp = await get(path, null, { token: await sessionToken({ shop: usd.domain, apiKey: "another-app" }) });
    expect(otherApp.status).toBe(401);
  });

  it.each(ENDPOINTS)(
    "%s: a valid token for one shop plus x-tenant-id naming another answers the token's shop only",
    async (endpoint) => {
      const query = `from=2026-03-01&to=2026-11-30&limit=100`;
      const own = await (await get(`/api/dashboard/${endpoint}?${query}`, jpy.domain)).text();
      const other = await (await get(`/api/dashboard/${endpoint}?${query}`, usd.domain)).text();
      expect(own).not.toBe(other); // the shops' answers differ, so the equality below tells them apart
      const withHeader = await get(`/api/dashboard/${endpoint}?${query}`, jpy.domain, {
        headers: { "x-tenant-id": String(usd.id) },
      });
      expect(withHeader.status).toBe(200);
      expect(await withHeader.text()).toBe(own);
    },
  );

  it.each(ENDPOINTS)("%s: each token sees only its own shop, whatever the headers and params say", async (endpoint) => {
    const query = `from=2026-03-01&to=2026-11-30&limit=100`;
    const own = await (await get(`/api/dashboard/${endpoint}?${query}`, jpy.domain)).text();
    const spoofed = await get(`/api/dashboard/${endpoint}?${query}&shop=${usd.domain}&shopId=${usd.id}`, jpy.domain, {
      headers: { "x-tenant-id": String(usd.id), "X-Shopify-Shop-Domain": usd.domain },
    });
    expect(spoofed.status).toBe(200);
    const body = await spoofed.text();
    expect(body).toBe(own);
    // None of the USD shop's customers, products or amounts leak into the JPY shop's answer
    for (const marker of ["Ada", "Widget", "Mystery box", "126.84", usd.domain]) expect(body).not.toContain(marker);
    const usdBody = await (await get(`/api/dashboard/${endpoint}?${query}`, usd.domain)).text();
    for (const marker of ["Hana", "Tea", "Cup", jpy.domain]) expect(usdBody).not.toContain(marker);
  });
});
