// Metric definitions (docs/metrics.md) against hand-made stores whose answers are
// worked out by hand below, through the insights functions on the real database.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getAverageOrderValueByDate,
  getNewCustomersByDate,
  getOrdersByDate,
  getSummary,
  getTopCustomers,
  getTopProducts,
  listCustomers,
  listProducts,
  recomputeAllRollups,
  type InsightsShop,
} from "~/insights";
import { createTestPrisma } from "./helpers/db";
import { FALL_BACK_NOV_1_TO_4_TOTALS } from "./helpers/insights-answers";
import { buildFallBackStore, buildLedgerStore, buildSpringForwardStore } from "./insights-store-fixtures";

let prisma: PrismaClient;
let fallBack: InsightsShop;
let spring: InsightsShop;
let ledger: InsightsShop;

beforeAll(async () => {
  prisma = createTestPrisma();
  fallBack = await buildFallBackStore(prisma);
  spring = await buildSpringForwardStore(prisma);
  ledger = await buildLedgerStore(prisma);
  await recomputeAllRollups(prisma, fallBack.id);
  await recomputeAllRollups(prisma, spring.id);
  await recomputeAllRollups(prisma, ledger.id);
});
afterAll(async () => {
  await prisma.$disconnect();
});

describe("fall-back store (America/New_York, USD, 25-hour day 2026-11-01)", () => {
  const range = { from: "2026-11-01", to: "2026-11-04" };

  it("summary follows the definitions", async () => {
    const summary = await getSummary(prisma, fallBack, range);
    expect(summary).toMatchObject({ shop: fallBack.domain, currency: "USD", timezone: "America/New_York", ...range });
    // Worked out by hand in tests/helpers/insights-answers.ts.
    expect(summary.totals).toEqual(FALL_BACK_NOV_1_TO_4_TOTALS);
    // previous period 2026-10-28..2026-10-31: nothing happened
    expect(summary.previous).toEqual({
      from: "2026-10-28",
      to: "2026-10-31",
      orders: 0,
      grossSales: "0.00",
      discounts: "0.00",
      returns: "0.00",
      netSales: "0.00",
      shipping: "0.00",
      duties: "0.00",
      additionalFees: "0.00",
      taxes: "0.00",
      totalSales: "0.00",
      tips: "0.00",
      giftCardSales: "0.00",
      averageOrderValue: "0.00",
      customers: 0,
      newCustomers: 0,
      returningCustomerRate: 0,
    });
  });

  it("a wider range counts a customer once and the earlier first order", async () => {
    const summary = await getSummary(prisma, fallBack, { from: "2026-10-15", to: "2026-11-04" });
    expect(summary.totals.orders).toBe(7);
    expect(summary.totals.customers).toBe(4);
    expect(summary.totals.newCustomers).toBe(4);
    expect(summary.totals.returningCustomerRate).toBe(0.5);
    // Range ending 11-01: 102 has 10-15 + 11-01 (returning), 101 has only 11-01 so far
    const early = await getSummary(prisma, fallBack, { from: "2026-11-01", to: "2026-11-01" });
    expect(early.totals).toMatchObject({ orders: 2, customers: 2, newCustomers: 1, returningCustomerRate: 0.5 });
    // 11-02 alone: 101 (second order), 104 (new, single order) → 1/2
    const second = await getSummary(prisma, fallBack, { from: "2026-11-02", to: "2026-11-02" });
    expect(second.totals).toMatchObject({ orders: 2, customers: 2, newCustomers: 1, returningCustomerRate: 0.5 });
  });

  it("daily series bucket by local date, zero-filled", async () => {
    const orders = await getOrdersByDate(prisma, fallBack, { ...range, granularity: "day" });
    // 11-01: orders 1+2, net 18 + 33.335 = 51.335, total + shipping 5 + tax 1.60 = 57.935
    // 11-02: orders 3+7, net 10 + 21 = 31, total 31.80
    // 11-03: orders 5+8, gross 41, returns 20 → net 21
    // 11-04: refund only: net -9, shipping -5, taxes -0.80 → total -14.80
    expect(orders).toEqual({
      ...range,
      granularity: "day",
      series: [
        { date: "2026-11-01", orders: 2, netSales: "51.34", totalSales: "57.94" },
        { date: "2026-11-02", orders: 2, netSales: "31.00", totalSales: "31.80" },
        { date: "2026-11-03", orders: 2, netSales: "21.00", totalSales: "21.00" },
        { date: "2026-11-04", orders: 0, netSales: "-9.00", totalSales: "-14.80" },
      ],
    });
    const aov = await getAverageOrderValueByDate(prisma, fallBack, { ...range, granularity: "day" });
    expect(aov.series).toEqual([
      { date: "2026-11-01", averageOrderValue: "25.67", orders: 2 }, // 51.335 / 2 = 25.6675
      { date: "2026-11-02", averageOrderValue: "15.50", orders: 2 },
      { date: "2026-11-03", averageOrderValue: "20.50", orders: 2 },
      { date: "2026-11-04", averageOrderValue: "0.00", orders: 0 },
    ]);
    const newCustomers = await getNewCustomersByDate(prisma, fallBack, { ...range, granularity: "day" });
    expect(newCustomers.series).toEqual([
      { date: "2026-11-01", newCustomers: 1 },
      { date: "2026-11-02", newCustomers: 1 },
      { date: "2026-11-03", newCustomers: 1 },
      { date: "2026-11-04", newCustomers: 0 },
    ]);
  });

  it("weekly buckets start on Monday, monthly on the 1st", async () => {
    // 2026-11-01 is a Sunday: its week starts Monday 2026-10-26
    const weekly = await getOrdersByDate(prisma, fallBack, { ...range, granularity: "week" });
    expect(weekly.series).toEqual([
      { date: "2026-10-26", orders: 2, netSales: "51.34", totalSales: "57.94" },
      { date: "2026-11-02", orders: 4, netSales: "43.00", totalSales: "38.00" },
    ]);
    const monthly = await getNewCustomersByDate(prisma, fallBack, {
      from: "2026-10-01",
      to: "2026-12-31",
      granularity: "month",
    });
    expect(monthly.series).toEqual([
      { date: "2026-10-01", newCustomers: 1 },
      { date: "2026-11-01", newCustomers: 3 },
      { date: "2026-12-01", newCustomers: 0 },
    ]);
  });

  it("top customers: total sales of their sales in range, ties by id", async () => {
    const top = await getTopCustomers(prisma, fallBack, { ...range, limit: 5 });
    expect(top.customers).toEqual([
      { id: "102", name: "Grace Hopper", email: "grace@example.com", orders: 1, totalSpent: "33.34" },
      { id: "99", name: "Alan Turing", email: "alan@example.com", orders: 1, totalSpent: "21.00" },
      { id: "104", name: "Émile Zola", email: "emile@example.fr", orders: 1, totalSpent: "21.00" },
      // order 1: widget 19.60 + shipping 5 (gift card apart); order 3: 10.80; refund on 11-04: -9.80 - 5
      { id: "101", name: "Ada Lovelace", email: "ada@example.com", orders: 2, totalSpent: "20.60" },
    ]);
    const two = await getTopCustomers(prisma, fallBack, { ...range, limit: 2 });
    expect(two.customers.map((c) => c.id)).toEqual(["102", "99"]);
  });

  it("top products: units and net sales after refunds in range, gift cards excluded", async () => {
    const top = await getTopProducts(prisma, fallBack, { ...range, limit: 10 });
    expect(top.products).toEqual([
      { id: "203", title: "Mystery box", unitsSold: 5, netSales: "42.00" }, // 21 + 21
      { id: "202", title: "Gadget", unitsSold: 1, netSales: "33.34" }, // 33.335 + 20 - 20
      { id: "201", title: "Widget", unitsSold: 2, netSales: "19.00" }, // 18 + 10 - 9; 3 sold - 1 refunded
    ]);
  });

  it("customers and products lists search, sort and paginate", async () => {
    const page1 = await listCustomers(prisma, fallBack, {
      ...range,
      sort: "totalSpent",
      direction: "desc",
      page: 1,
      pageSize: 2,
    });
    expect(page1.total).toBe(5);
    expect(page1.items.map((c) => c.id)).toEqual(["102", "99"]);
    const page3 = await listCustomers(prisma, fallBack, {
      ...range,
      sort: "totalSpent",
      direction: "desc",
      page: 3,
      pageSize: 2,
    });
    expect(page3.items).toEqual([
      { id: "103", name: "Tess Tester", email: "test@example.com", orders: 0, totalSpent: "0.00", lastOrderDate: null },
    ]);
    const search = await listCustomers(prisma, fallBack, {
      ...range,
      search: "zola",
      sort: "name",
      direction: "asc",
      page: 1,
      pageSize: 10,
    });
    expect(search.items).toEqual([
      {
        id: "104",
        name: "Émile Zola",
        email: "emile@example.fr",
        orders: 1,
        totalSpent: "21.00",
        lastOrderDate: "2026-11-02",
      },
    ]);
    const noMatch = await listCustomers(prisma, fallBack, {
      ...range,
      search: "100%_",
      sort: "name",
      direction: "asc",
      page: 1,
      pageSize: 10,
    });
    expect(noMatch).toMatchObject({ items: [], total: 0 });
    const products = await listProducts(prisma, fallBack, {
      ...range,
      sort: "title",
      direction: "asc",
      page: 1,
      pageSize: 10,
    });
    expect(products.items.map((p) => [p.title, p.unitsSold, p.netSales])).toEqual([
      ["Gadget", 1, "33.34"],
      ["Gift card", 0, "0.00"],
      ["Widget", 2, "19.00"],
    ]);
  });
});

describe("ledger store (America/Los_Angeles): edits, order-level discounts, shipping tax refunds, tips, duties, fees", () => {
  const range = { from: "2026-06-10", to: "2026-06-14" };

  it("summary follows Shopify's Sales report over the ledger", async () => {
    const summary = await getSummary(prisma, ledger, range);
    // gross: lamps 80 + bulbs 20 + bulbs added by the edit 10 + shade 12.99 = 122.99 (gift card apart)
    // discounts: 8 + 2 (order-level code, allocated); returns: lamp 36 + adjustment 1.50 = 37.50
    // net: 122.99 - 10 - 37.50 = 75.49; shipping: 10 - 10 = 0
    // taxes: 5.76 + 1.44 + 0.80 (shipping) + 0.80 (edit) + 1.04 - 2.88 - 0.80 (shipping tax back) = 6.16
    // total: 75.49 + 0 + duty 3 + fee 2 + 6.16 = 86.65; tips 5 and gift cards 50 apart
    // AOV: (122.99 - 10) / 2 = 56.495 → 56.50; test order 1003 nowhere
    expect(summary.totals).toEqual({
      orders: 2,
      grossSales: "122.99",
      discounts: "10.00",
      returns: "37.50",
      netSales: "75.49",
      shipping: "0.00",
      duties: "3.00",
      additionalFees: "2.00",
      taxes: "6.16",
      totalSales: "86.65",
      tips: "5.00",
      giftCardSales: "50.00",
      averageOrderValue: "56.50",
      customers: 2,
      newCustomers: 2,
      returningCustomerRate: 0,
    });
  });

  it("the edit and the refund count on their own local days", async () => {
    const orders = await getOrdersByDate(prisma, ledger, { ...range, granularity: "day" });
    expect(orders.series).toEqual([
      // placed: lamps 72 + bulbs 18; total 77.76 + 19.44 + shipping 10.80 + duty 3 + fee 2
      { date: "2026-06-10", orders: 1, netSales: "90.00", totalSales: "113.00" },
      { date: "2026-06-11", orders: 0, netSales: "0.00", totalSales: "0.00" },
      // the edit's two bulbs (10 + 0.80 tax), not on the order's day
      { date: "2026-06-12", orders: 0, netSales: "10.00", totalSales: "10.80" },
      { date: "2026-06-13", orders: 1, netSales: "12.99", totalSales: "14.03" },
      // the refund at 19:00 PDT: lamp -38.88, shipping -10.80, adjustment -1.50
      { date: "2026-06-14", orders: 0, netSales: "-37.50", totalSales: "-51.18" },
    ]);
  });

  it("top customers and products on the ledger figures", async () => {
    const customers = await getTopCustomers(prisma, ledger, { ...range, limit: 5 });
    expect(customers.customers).toEqual([
      // 113.00 + 10.80 - 51.18
      { id: "1", name: "Lise Meitner", email: "lise@example.com", orders: 1, totalSpent: "72.62" },
      { id: "2", name: "Chien-Shiung Wu", email: "wu@example.com", orders: 1, totalSpent: "14.03" },
    ]);
    // The refund's day alone: a customer with no order that day, spending negative.
    const refundDay = await getTopCustomers(prisma, ledger, { from: "2026-06-14", to: "2026-06-14", limit: 5 });
    expect(refundDay.customers).toEqual([
      { id: "1", name: "Lise Meitner", email: "lise@example.com", orders: 0, totalSpent: "-51.18" },
    ]);
    const refundDaySummary = await getSummary(prisma, ledger, { from: "2026-06-14", to: "2026-06-14" });
    expect(refundDaySummary.totals).toMatchObject({ orders: 0, customers: 0, newCustomers: 0 });
    const products = await getTopProducts(prisma, ledger, { ...range, limit: 5 });
    expect(products.products).toEqual([
      { id: "501", title: "Lamp", unitsSold: 1, netSales: "36.00" }, // 72 - 36; 2 - 1
      { id: "502", title: "Bulb", unitsSold: 6, netSales: "28.00" }, // 18 + 10; 4 + 2
      { id: "503", title: "Shade", unitsSold: 1, netSales: "12.99" },
    ]);
  });
});

describe("spring-forward store (Europe/London, JPY, 23-hour day 2026-03-29)", () => {
  it("buckets by London date and rounds to whole yen", async () => {
    const series = await getOrdersByDate(prisma, spring, { from: "2026-03-28", to: "2026-03-30", granularity: "day" });
    expect(series.series).toEqual([
      { date: "2026-03-28", orders: 1, netSales: "500", totalSales: "500" }, // 23:30 GMT
      { date: "2026-03-29", orders: 1, netSales: "2499", totalSales: "2499" }, // 23:59 BST = 22:59Z
      { date: "2026-03-30", orders: 1, netSales: "1001", totalSales: "1001" }, // 00:30 BST = 23:30Z on 03-29; 1000.5 → 1001
    ]);
    const summary = await getSummary(prisma, spring, { from: "2026-03-29", to: "2026-03-30" });
    expect(summary.totals).toMatchObject({
      orders: 2,
      grossSales: "3500", // 2499.4999 + 1000.5
      averageOrderValue: "1750",
      customers: 2,
      newCustomers: 1, // customer 1 first ordered on 03-28
      returningCustomerRate: 0.5,
    });
    expect(summary.previous).toMatchObject({
      from: "2026-03-27",
      to: "2026-03-28",
      orders: 1,
      grossSales: "500",
      newCustomers: 1,
    });
  });
});
