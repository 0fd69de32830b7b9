// Top customers and products against a brute-force oracle written here from the
// definitions (docs/metrics.md) over the sales ledger the store was written with, on a
// store with enough customers that the ranking has to look past the per-month candidate
// lists (and with month rollups split by partial months). Refunds, shipping refunds and
// order edits happen days after their orders, often in another month.
import type { PrismaClient } from "@prisma/client";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTopCustomers, getTopProducts, recomputeAllRollups, type InsightsShop } from "~/insights";
import { createTestPrisma } from "./helpers/db";
import { addOrders, createShop, type LedgerSale, type OrderSpec } from "./insights-store-fixtures";

let prisma: PrismaClient;
let shop: InsightsShop;
const orders: OrderSpec[] = [];
let ledger: LedgerSale[] = [];

// Deterministic pseudo-random numbers (no Math.random: reproducible runs).
function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const at = (day: number, hour: number) => new Date(Date.UTC(2026, 8, day, hour)).toISOString(); // Sep 1 = day 1

beforeAll(async () => {
  prisma = createTestPrisma();
  shop = await createShop(prisma, { label: "toplists", currency: "USD", timezone: "UTC" });
  const random = lcg(7);
  // 300 customers over Sep..Dec 2026; a few big spenders concentrated on single days so
  // month bounds and range totals disagree for ranges cutting through a month.
  for (let i = 1; i <= 1500; i++) {
    const customer = 1 + Math.floor(300 * random() ** 2);
    const day = 1 + Math.floor(random() * 119); // Sep 1 + 0..118 days
    const cents = 100 + Math.floor(random() * 20_000);
    const quantity = 1 + (i % 3);
    const unit = new Decimal(cents).div(100).div(quantity).toDecimalPlaces(4);
    const productId = 1 + (customer % 40);
    const order: OrderSpec = {
      id: i,
      customerId: i % 25 === 0 ? null : customer,
      processedAt: at(day, 12),
      totalPrice: unit.times(quantity).toFixed(4),
      shipping: i % 4 === 0 ? "5.00" : undefined,
      lines: [{ id: i, productId, quantity, price: unit.toFixed(4), tax: i % 2 === 0 ? "1.25" : undefined }],
    };
    // Every 9th order: one unit back 0..39 days later (with its shipping every 36th).
    if (i % 9 === 0) {
      order.refunds = [
        {
          id: 100_000 + i,
          createdAt: at(day + (i % 40), 18),
          shipping: i % 36 === 0 ? "5.00" : undefined,
          lines: [{ id: 100_000 + i, lineItemId: i, quantity: 1, subtotal: unit.toDecimalPlaces(2).toFixed(2) }],
        },
      ];
    }
    // Every 11th order: an edit adds another product 3..20 days later.
    if (i % 11 === 0) {
      order.edits = [
        {
          id: 200_000 + i,
          happenedAt: at(day + 3 + (i % 18), 9),
          added: [{ id: 200_000 + i, productId: 1 + ((productId + 7) % 40), quantity: 1, price: "19.99" }],
        },
      ];
    }
    orders.push(order);
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
  ledger = await addOrders(prisma, shop.id, "USD", orders);
  await recomputeAllRollups(prisma, shop.id);
}, 180_000);
afterAll(async () => {
  await prisma?.$disconnect();
});

const inRange = (instant: string, from: string, to: string) => {
  const date = instant.slice(0, 10); // the shop is in UTC
  return date >= from && date <= to;
};
const TOTAL_SALES_LINES = new Set(["PRODUCT", "ADJUSTMENT", "SHIPPING", "DUTY", "ADDITIONAL_FEE", "FEE"]);
const rounded = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

function expectedTopCustomers(from: string, to: string, limit: number) {
  const customerOf = new Map(orders.map((o) => [o.id, o.customerId ?? null]));
  const totals = new Map<number, { orders: number; total: Decimal }>();
  const entry = (id: number) => totals.get(id) ?? { orders: 0, total: new Decimal(0) };
  for (const o of orders) {
    if (o.customerId == null || !inRange(o.processedAt, from, to)) continue;
    totals.set(o.customerId, { ...entry(o.customerId), orders: entry(o.customerId).orders + 1 });
  }
  for (const sale of ledger) {
    const customer = customerOf.get(sale.orderId);
    if (customer == null || !inRange(sale.happenedAt, from, to) || !TOTAL_SALES_LINES.has(sale.lineType)) continue;
    const e = entry(customer);
    totals.set(customer, { ...e, total: e.total.plus(sale.totalAmount) });
  }
  return [...totals.entries()]
    .sort(([a, x], [b, y]) => y.total.comparedTo(x.total) || a - b)
    .slice(0, limit)
    .map(([id, { orders: count, total }]) => ({ id: String(id), orders: count, totalSpent: rounded(total) }));
}

function expectedTopProducts(from: string, to: string, limit: number) {
  const totals = new Map<number, { units: number; net: Decimal }>();
  for (const sale of ledger) {
    if (sale.lineType !== "PRODUCT" || sale.productId === null || !inRange(sale.happenedAt, from, to)) continue;
    const entry = totals.get(sale.productId) ?? { units: 0, net: new Decimal(0) };
    const quantity = sale.quantity ?? 0;
    entry.units += sale.actionType === "RETURN" ? -Math.abs(quantity) : quantity;
    entry.net = entry.net.plus(sale.totalAmount).minus(sale.totalTax);
    totals.set(sale.productId, entry);
  }
  return [...totals.entries()]
    .sort(([a, x], [b, y]) => y.net.comparedTo(x.net) || a - b)
    .slice(0, limit)
    .map(([id, { units, net }]) => ({ id: String(id), unitsSold: units, netSales: rounded(net) }));
}

const RANGES: [string, string][] = [
  ["2026-09-01", "2026-12-31"], // whole months
  ["2026-09-17", "2026-11-03"], // partial months at both ends
  ["2026-10-10", "2026-10-10"], // one day, with the tie
  ["2026-10-05", "2026-10-25"], // inside one month
  ["2027-01-01", "2027-01-31"], // late refunds and edits only
  ["2027-06-01", "2027-06-30"], // nothing
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
