// Rollups never drift: after a batch of changes, recomputing only the touched days
// gives exactly what a full rebuild from the raw rows gives.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSummary, recomputeAllRollups, recomputeRollups, storedLocalDates, touchedLocalDates } from "~/insights";
import { createTestPrisma } from "./helpers/db";
import {
  addOrders,
  addRefund,
  buildFallBackStore,
  buildSpringForwardStore,
  insertSales,
} from "./insights-store-fixtures";

let prisma: PrismaClient;
beforeAll(() => {
  prisma = createTestPrisma();
});
afterAll(async () => {
  await prisma.$disconnect();
});

async function snapshot(shopId: number) {
  const [shopDays, customerDays, productDays] = await Promise.all([
    prisma.insightsShopDay.findMany({ where: { shopId }, orderBy: { localDate: "asc" } }),
    prisma.insightsCustomerDay.findMany({ where: { shopId }, orderBy: [{ customerId: "asc" }, { localDate: "asc" }] }),
    prisma.insightsProductDay.findMany({ where: { shopId }, orderBy: [{ productId: "asc" }, { localDate: "asc" }] }),
  ]);
  return JSON.parse(
    JSON.stringify({ shopDays, customerDays, productDays }, (_, v) => (typeof v === "bigint" ? v.toString() : v)),
  );
}

describe("recomputeRollups", () => {
  it("incremental recomputation of touched days equals a full rebuild", async () => {
    const shop = await buildFallBackStore(prisma, "drift");
    await recomputeAllRollups(prisma, shop.id);

    const orderIds = [2n, 3n, 7n, 8n, 10n];
    const before = await storedLocalDates(prisma, shop.id, { orderIds, refundIds: [903n] });
    // The batch: order 2 moves from 11-01 to 11-05 (its customer's links change),
    // order 3 gets a refund on 11-05, order 8 is deleted, and customer 104 turns out to
    // have an earlier order (10-20), so 104 is no longer new on 11-02.
    await prisma.order.update({
      where: { shopId_id: { shopId: shop.id, id: 2n } },
      data: { processedAt: new Date("2026-11-05T15:00:00Z") },
    });
    // Its ledger moves with it (the OrderAgreement happened at processedAt).
    await prisma.sale.updateMany({
      where: { shopId: shop.id, orderId: 2n },
      data: { happenedAt: new Date("2026-11-05T15:00:00Z") },
    });
    await prisma.order.update({ where: { shopId_id: { shopId: shop.id, id: 3n } }, data: { totalRefunded: "10.80" } });
    await addRefund(prisma, shop.id, 3, {
      id: 903,
      createdAt: "2026-11-05T18:00:00Z",
      lines: [{ id: 9031, lineItemId: 31, quantity: 1, subtotal: "10.00", tax: "0.80" }],
    });
    await prisma.order.delete({ where: { shopId_id: { shopId: shop.id, id: 8n } } });
    await addOrders(prisma, shop.id, "USD", [
      {
        id: 10,
        customerId: 104,
        processedAt: "2026-10-20T12:00:00Z",
        totalPrice: "5.00",
        lines: [{ id: 101, productId: 202, quantity: 1, price: "5.00" }],
      },
    ]);
    // Order 7 is edited on 11-06: a sale on a day none of its rows had before.
    await insertSales(prisma, shop.id, [
      {
        id: 990_001,
        orderId: 7,
        agreementId: 990_001,
        agreementKind: "order_edit",
        happenedAt: "2026-11-06T15:00:00Z",
        actionType: "ORDER",
        lineType: "PRODUCT",
        lineItemId: null,
        productId: 203,
        quantity: 1,
        totalAmount: "7.50",
        discountBeforeTaxes: "0",
        totalTax: "0",
      },
    ]);
    const after = await storedLocalDates(prisma, shop.id, { orderIds, refundIds: [903n] });
    expect(before).toEqual(["2026-11-01", "2026-11-02", "2026-11-03"]);
    expect(after).toEqual(["2026-10-20", "2026-11-02", "2026-11-05", "2026-11-06"]);

    await recomputeRollups(prisma, shop.id, [...before, ...after]);
    const incremental = await snapshot(shop.id);
    const summary = await getSummary(prisma, shop, { from: "2026-11-01", to: "2026-11-05" });

    await prisma.insightsShopDay.deleteMany({ where: { shopId: shop.id } });
    await prisma.insightsCustomerDay.deleteMany({ where: { shopId: shop.id } });
    await prisma.insightsProductDay.deleteMany({ where: { shopId: shop.id } });
    await recomputeAllRollups(prisma, shop.id);
    expect(incremental).toEqual(await snapshot(shop.id));

    // Orders in 11-01..11-05: 1, 3, 5, 7, 2 (moved). Customers 101, 104, 102.
    // New: only 101 (102 since 10-15, 104 since 10-20). Returning: all three → 1.
    expect(summary.totals).toMatchObject({ orders: 5, customers: 3, newCustomers: 1, returningCustomerRate: 1 });
    // returns: 9 (11-04) + 20 (11-03) + 10 (11-05)
    expect(summary.totals.returns).toBe("39.00");
  });

  it("touchedLocalDates agrees with storedLocalDates for the same rows", async () => {
    expect(
      touchedLocalDates("America/New_York", [
        { processedAt: "2026-11-05T15:00:00Z" },
        { createdAt: "2026-11-05T18:00:00Z" },
      ]),
    ).toEqual(["2026-11-05"]);
    // Both stores' DST days (New York falls back, London springs forward): for every
    // order, the days computed in JS from its rows equal the days the database
    // computes for the same ids (the order, and the refunds stored under it).
    const stores = [
      await buildFallBackStore(prisma, "agree-ny"),
      await buildSpringForwardStore(prisma, "agree-london"),
    ];
    await addRefund(prisma, stores[0]!.id, 3, {
      id: 913,
      createdAt: "2026-11-03T04:30:00Z",
      lines: [{ id: 9131, lineItemId: 31, quantity: 1, subtotal: "1.00", tax: "0.00" }],
    });
    let compared = 0;
    for (const shop of stores) {
      const orders = await prisma.order.findMany({
        where: { shopId: shop.id },
        include: { refunds: true },
        orderBy: { id: "asc" },
      });
      expect(orders.length).toBeGreaterThan(1);
      for (const order of orders) {
        const rows = [
          { processedAt: order.processedAt },
          ...order.refunds.map((r) => ({ createdAt: r.shopifyCreatedAt })),
        ];
        expect(await storedLocalDates(prisma, shop.id, { orderIds: [order.id] })).toEqual(
          touchedLocalDates(shop.ianaTimezone, rows),
        );
        for (const refund of order.refunds) {
          // By refund id: the refund's day and its order's day.
          const byRefund = touchedLocalDates(shop.ianaTimezone, [
            { processedAt: order.processedAt },
            { createdAt: refund.shopifyCreatedAt },
          ]);
          expect(await storedLocalDates(prisma, shop.id, { refundIds: [refund.id] })).toEqual(byRefund);
        }
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(5);
  });

  it("is idempotent and leaves no rows for days whose data disappeared", async () => {
    const shop = await buildFallBackStore(prisma, "gone");
    await recomputeAllRollups(prisma, shop.id);
    await recomputeAllRollups(prisma, shop.id);
    const once = await snapshot(shop.id);
    await recomputeRollups(prisma, shop.id, ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"]);
    expect(await snapshot(shop.id)).toEqual(once);
    const dates = await storedLocalDates(prisma, shop.id, { orderIds: [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n] });
    await prisma.order.deleteMany({ where: { shopId: shop.id } });
    await recomputeRollups(prisma, shop.id, dates);
    expect(await snapshot(shop.id)).toEqual({ shopDays: [], customerDays: [], productDays: [] });
  });

  it("go with their shop when it is deleted (no foreign key: the rules of the migration)", async () => {
    const doomed = await buildFallBackStore(prisma, "doomed");
    const kept = await buildFallBackStore(prisma, "kept");
    await recomputeAllRollups(prisma, doomed.id);
    await recomputeAllRollups(prisma, kept.id);
    const counts = async (shopId: number) => [
      await prisma.insightsShopDay.count({ where: { shopId } }),
      await prisma.insightsCustomerDay.count({ where: { shopId } }),
      await prisma.insightsProductDay.count({ where: { shopId } }),
      await prisma.insightsCustomerMonth.count({ where: { shopId } }),
      await prisma.insightsProductMonth.count({ where: { shopId } }),
    ];
    const keptBefore = await counts(kept.id);
    expect(keptBefore.every((n) => n > 0)).toBe(true);
    await prisma.shop.delete({ where: { id: doomed.id } });
    expect(await counts(doomed.id)).toEqual([0, 0, 0, 0, 0]);
    expect(await counts(kept.id)).toEqual(keptBefore);
  });
});
