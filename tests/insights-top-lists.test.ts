// Top customers and products against a brute-force oracle written here from the
// definitions, on a store with enough customers that the ranking has to look past the
// per-month candidate lists (and with month rollups split by partial months).
import type { PrismaClient } from "@prisma/client";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTopCustomers, getTopProducts, recomputeAllRollups, type InsightsShop } from "~/insights";
import { createTestPrisma } from "./helpers/db";
import { addOrders, createShop, type OrderSpec } from "./insights-store-fixtures";

let prisma: PrismaClient;
let shop: InsightsShop;
const orders: OrderSpec[] = [];

// Deterministic pseudo-random numbers (no Math.random: reproducible runs).
function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

beforeAll(async () => {
  prisma = createTestPrisma();
  shop = await createShop(prisma, { label: "toplists", currency: "USD", timezone: "UTC" });
  const random = lcg(7);
  // 300 customers over Sep..Dec 2026; a few big spenders concentrated on single days so
  // month bounds and range totals disagree for ranges cutting through a month.
  for (let i = 1; i <= 1500; i++) {
    const customer = 1 + Math.floor(300 * random() ** 2);
    const day = 1 + Math.floor(random() * 119); // Sep 1 + 0..118 days
    const processedAt = new Date(Date.UTC(2026, 8, day, 12)).toISOString();
    const cents = 100 + Math.floor(random() * 20_000);
    const price = new Decimal(cents).div(100);
    const refunded = i % 9 === 0 ? price.div(2).toDecimalPlaces(2) : new Decimal(0);
    orders.push({
      id: i,
      customerId: i % 25 === 0 ? null : customer,
      processedAt,
      totalPrice: price.toFixed(2),
      totalRefunded: refunded.toFixed(2),
      lines: [
        { id: i, productId: 1 + (customer % 40), quantity: 1 + (i % 3), price: price.div(1 + (i % 3)).toFixed(4) },
      ],
    });
  }
  // Ties: two customers with the same single order on the same day.
  orders.push({
    id: 5001,
    customerId: 9002,
    processedAt: "2026-10-10T10:00:00Z",
    totalPrice: "5000.00",
    lines: [{ id: 5001, productId: 99, quantity: 1, price: "5000.00" }],
  });
  orders.push({
    id: 5002,
    customerId: 9001,
    processedAt: "2026-10-10T11:00:00Z",
    totalPrice: "5000.00",
    lines: [{ id: 5002, productId: 98, quantity: 1, price: "5000.00" }],
  });
  await addOrders(prisma, shop.id, "USD", orders);
  await recomputeAllRollups(prisma, shop.id);
}, 180_000);
afterAll(async () => {
  await prisma?.$disconnect();
});

function inRange(o: OrderSpec, from: string, to: string) {
  const date = o.processedAt.slice(0, 10); // the shop is in UTC
  return date >= from && date <= to;
}

function expectedTopCustomers(from: string, to: string, limit: number) {
  const totals = new Map<number, { orders: number; total: Decimal }>();
  for (const o of orders) {
    if (o.customerId == null || !inRange(o, from, to)) continue;
    const entry = totals.get(o.customerId) ?? { orders: 0, total: new Decimal(0) };
    entry.orders += 1;
    entry.total = entry.total.plus(o.totalPrice).minus(o.totalRefunded ?? "0");
    totals.set(o.customerId, entry);
  }
  return [...totals.entries()]
    .sort(([a, x], [b, y]) => y.total.comparedTo(x.total) || a - b)
    .slice(0, limit)
    .map(([id, { orders: count, total }]) => ({
      id: String(id),
      orders: count,
      totalSpent: total.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    }));
}

function expectedTopProducts(from: string, to: string, limit: number) {
  const totals = new Map<number, { units: number; net: Decimal }>();
  for (const o of orders) {
    if (!inRange(o, from, to)) continue;
    for (const line of o.lines) {
      const entry = totals.get(line.productId!) ?? { units: 0, net: new Decimal(0) };
      entry.units += line.quantity;
      entry.net = entry.net.plus(new Decimal(line.price).times(line.quantity));
      totals.set(line.productId!, entry);
    }
  }
  return [...totals.entries()]
    .sort(([a, x], [b, y]) => y.net.comparedTo(x.net) || a - b)
    .slice(0, limit)
    .map(([id, { units, net }]) => ({
      id: String(id),
      unitsSold: units,
      netSales: net.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    }));
}

const RANGES: [string, string][] = [
  ["2026-09-01", "2026-12-31"], // whole months
  ["2026-09-17", "2026-11-03"], // partial months at both ends
  ["2026-10-10", "2026-10-10"], // one day, with the tie
  ["2026-10-05", "2026-10-25"], // inside one month
  ["2027-01-01", "2027-01-31"], // nothing
];

describe("top lists match a brute-force oracle", () => {
  it.each(RANGES)("top customers %s..%s", async (from, to) => {
    for (const limit of [1, 5, 37, 100]) {
      const { customers } = await getTopCustomers(prisma, shop, { from, to, limit });
      expect(customers.map(({ id, orders: count, totalSpent }) => ({ id, orders: count, totalSpent }))).toEqual(
        expectedTopCustomers(from, to, limit),
      );
    }
  });

  it.each(RANGES)("top products %s..%s", async (from, to) => {
    for (const limit of [1, 5, 100]) {
      const { products } = await getTopProducts(prisma, shop, { from, to, limit });
      expect(products.map(({ id, unitsSold, netSales }) => ({ id, unitsSold, netSales }))).toEqual(
        expectedTopProducts(from, to, limit),
      );
    }
  });

  it("ties rank by customer id", async () => {
    const { customers } = await getTopCustomers(prisma, shop, { from: "2026-10-10", to: "2026-10-10", limit: 2 });
    expect(customers.map((c) => c.id)).toEqual(["9001", "9002"]);
  });
});
