// The shared write path (app/sync/store.ts) on the run's real database: newer-wins,
// idempotence, atomic child replacement, deletes with tombstones, and rollups of the
// old and new local days after a processedAt move. Expected values are written by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerRecord, OrderRecord, ProductRecord } from "~/sync/records";
import { addRefunds, BATCH_SIZE, deleteRecords, upsertCustomers, upsertOrders, upsertProducts } from "~/sync/store";
import { createCountingPrisma, createTestPrisma, uniqueShopDomain } from "./helpers/db";

const prisma = createTestPrisma();
afterAll(() => prisma.$disconnect());

async function createShop(ianaTimezone = "America/New_York") {
  return prisma.shop.create({ data: { domain: uniqueShopDomain("store"), ianaTimezone, installedAt: new Date() } });
}

function order(overrides: Partial<OrderRecord> & { id: string; shopifyUpdatedAt: string }): OrderRecord {
  const id = overrides.id;
  return {
    name: "#1001",
    email: "buyer@example.com",
    customerId: "700",
    processedAt: "2026-03-10T15:00:00.000Z",
    cancelledAt: null,
    test: false,
    currencyCode: "USD",
    presentmentCurrencyCode: "USD",
    totalPrice: "27.5",
    subtotalPrice: "20",
    totalDiscounts: "5",
    totalTax: "2.5",
    totalShipping: "5",
    totalRefunded: "0",
    totalPricePresentment: "27.5",
    shopifyCreatedAt: "2026-03-10T15:00:00.000Z",
    lineItems: [
      {
        id: `${id}1`,
        orderId: id,
        productId: "800",
        variantId: "400",
        title: "Tee",
        sku: "TEE",
        quantity: 1,
        originalUnitPrice: "25",
        totalDiscount: "5",
        isGiftCard: false,
      },
    ],
    refunds: [],
    ...overrides,
  };
}

async function shopDays(shopId: number) {
  const rows = await prisma.insightsShopDay.findMany({ where: { shopId }, orderBy: { localDate: "asc" } });
  return rows.map((r) => ({
    date: r.localDate.toISOString().slice(0, 10),
    orders: r.orders,
    customers: r.customers,
  }));
}

describe("store: orders", () => {
  let shopId: number;
  beforeAll(async () => {
    shopId = (await createShop()).id;
  });

  it("applies a new order with its lines, and treats the same payload again as a no-op", async () => {
    const v1 = order({ id: "5001", shopifyUpdatedAt: "2026-03-10T15:00:00.000Z" });
    expect(await upsertOrders(prisma, shopId, [v1])).toMatchObject({ applied: 1, stale: 0 });
    const before = await prisma.order.findUniqueOrThrow({
      where: { shopId_id: { shopId, id: 5001n } },
      include: { lineItems: true },
    });
    expect(before.totalPrice.toString()).toBe("27.5");
    expect(before.processedAt.toISOString()).toBe("2026-03-10T15:00:00.000Z");
    expect(before.lineItems).toHaveLength(1);

    expect(await upsertOrders(prisma, shopId, [v1])).toMatchObject({ applied: 0, stale: 1 });
    const after = await prisma.order.findUniqueOrThrow({
      where: { shopId_id: { shopId, id: 5001n } },
      include: { lineItems: true },
    });
    expect(after).toEqual(before); // updated_at included: nothing was written
  });

  it("keeps the newer version when an older one arrives after it", async () => {
    const v1 = order({ id: "5002", shopifyUpdatedAt: "2026-03-10T15:00:00.000Z" });
    const v2 = order({
      id: "5002",
      shopifyUpdatedAt: "2026-03-11T09:00:00.000Z",
      email: "new@example.com",
      totalPrice: "52.5",
      lineItems: [
        { ...v1.lineItems[0]! },
        {
          id: "50022",
          orderId: "5002",
          productId: "801",
          variantId: "401",
          title: "Cap",
          sku: "CAP",
          quantity: 1,
          originalUnitPrice: "25",
          totalDiscount: "0",
          isGiftCard: false,
        },
      ],
    });
    expect(await upsertOrders(prisma, shopId, [v2])).toMatchObject({ applied: 1 });
    expect(await upsertOrders(prisma, shopId, [v1])).toMatchObject({ applied: 0, stale: 1 });
    const stored = await prisma.order.findUniqueOrThrow({
      where: { shopId_id: { shopId, id: 5002n } },
      include: { lineItems: true },
    });
    expect(stored.email).toBe("new@example.com");
    expect(stored.totalPrice.toString()).toBe("52.5");
    expect(stored.lineItems.map((l) => l.id).sort()).toEqual([50021n, 50022n]);
  });

  it("replaces line items and refunds with the newer version's lists", async () => {
    const withRefund = order({
      id: "5003",
      shopifyUpdatedAt: "2026-03-12T10:00:00.000Z",
      totalRefunded: "12.5",
      refunds: [
        {
          id: "9003",
          orderId: "5003",
          shopifyCreatedAt: "2026-03-12T10:00:00.000Z",
          note: null,
          shippingRefund: "5",
          shippingTaxRefund: "0",
          lineItems: [
            { id: "6003", refundId: "9003", lineItemId: "50031", quantity: 1, subtotal: "6.5", totalTax: "1" },
          ],
        },
      ],
    });
    await upsertOrders(prisma, shopId, [withRefund]);
    expect(await prisma.refund.count({ where: { shopId, orderId: 5003n } })).toBe(1);
    expect(await prisma.refundLineItem.count({ where: { shopId, refundId: 9003n } })).toBe(1);

    const edited = order({ id: "5003", shopifyUpdatedAt: "2026-03-13T10:00:00.000Z", lineItems: [], refunds: [] });
    await upsertOrders(prisma, shopId, [edited]);
    expect(await prisma.orderLineItem.count({ where: { shopId, orderId: 5003n } })).toBe(0);
    expect(await prisma.refund.count({ where: { shopId, orderId: 5003n } })).toBe(0);
    expect(await prisma.refundLineItem.count({ where: { shopId, refundId: 9003n } })).toBe(0);
  });

  it("keeps one version per id when a batch carries an order twice", async () => {
    const older = order({ id: "5004", shopifyUpdatedAt: "2026-03-10T15:00:00.000Z", totalPrice: "1" });
    const newer = order({ id: "5004", shopifyUpdatedAt: "2026-03-10T16:00:00.000Z", totalPrice: "2" });
    expect(await upsertOrders(prisma, shopId, [newer, older])).toMatchObject({ applied: 1, stale: 0 });
    const stored = await prisma.order.findUniqueOrThrow({ where: { shopId_id: { shopId, id: 5004n } } });
    expect(stored.totalPrice.toString()).toBe("2");
  });

  it("deletes an order with its children and never lets a later payload bring it back", async () => {
    const v1 = order({ id: "5005", shopifyUpdatedAt: "2026-03-10T15:00:00.000Z" });
    await upsertOrders(prisma, shopId, [v1]);
    expect(await deleteRecords(prisma, shopId, "orders", ["5005"])).toMatchObject({ deleted: 1 });
    expect(await prisma.orderLineItem.count({ where: { shopId, orderId: 5005n } })).toBe(0);

    const lateUpdate = order({ id: "5005", shopifyUpdatedAt: "2026-03-20T15:00:00.000Z" });
    expect(await upsertOrders(prisma, shopId, [lateUpdate])).toMatchObject({ applied: 0, stale: 1 });
    expect(await prisma.order.count({ where: { shopId, id: 5005n } })).toBe(0);
  });
});

describe("store: rollups follow the write", () => {
  it("recomputes the old and the new local day when processedAt moves, and refunds on their own day", async () => {
    const shop = await createShop("America/New_York");
    // 2026-03-10T03:00Z is still March 9 in New York (UTC-5).
    const v1 = order({
      id: "7001",
      processedAt: "2026-03-10T03:00:00.000Z",
      shopifyUpdatedAt: "2026-03-10T03:00:00.000Z",
    });
    await upsertOrders(prisma, shop.id, [v1]);
    expect(await shopDays(shop.id)).toEqual([{ date: "2026-03-09", orders: 1, customers: 1 }]);

    const moved = order({
      id: "7001",
      processedAt: "2026-03-15T18:00:00.000Z",
      shopifyUpdatedAt: "2026-03-16T00:00:00.000Z",
    });
    const result = await upsertOrders(prisma, shop.id, [moved]);
    expect(result.localDates).toEqual(["2026-03-09", "2026-03-15"]);
    expect(await shopDays(shop.id)).toEqual([{ date: "2026-03-15", orders: 1, customers: 1 }]);

    // The older version arriving late changes neither the order nor the rollups.
    await upsertOrders(prisma, shop.id, [v1]);
    expect(await shopDays(shop.id)).toEqual([{ date: "2026-03-15", orders: 1, customers: 1 }]);

    // A refund (refunds/create) counts on its own local day.
    const refund = {
      id: "9701",
      orderId: "7001",
      shopifyCreatedAt: "2026-03-20T12:00:00.000Z",
      note: "damaged",
      shippingRefund: "5",
      shippingTaxRefund: "0",
      lineItems: [{ id: "6701", refundId: "9701", lineItemId: "70011", quantity: 1, subtotal: "20", totalTax: "2.5" }],
    };
    expect(await addRefunds(prisma, shop.id, [refund])).toMatchObject({ applied: 1, stale: 0 });
    expect(await addRefunds(prisma, shop.id, [refund])).toMatchObject({ applied: 0, stale: 1 });
    // Its money reaches the dashboard through the order's sales ledger (RETURN sales on the
    // refund's day, docs/metrics.md), not through the refund rows: the days stay as they are.
    expect(await shopDays(shop.id)).toEqual([{ date: "2026-03-15", orders: 1, customers: 1 }]);

    await deleteRecords(prisma, shop.id, "orders", ["7001"]);
    expect(await shopDays(shop.id)).toEqual([]);
  });

  it("skips a refund whose order is not stored (the order brings it later)", async () => {
    const shop = await createShop();
    const refund = {
      id: "9801",
      orderId: "404",
      shopifyCreatedAt: "2026-03-20T12:00:00.000Z",
      note: null,
      shippingRefund: "0",
      shippingTaxRefund: "0",
      lineItems: [],
    };
    expect(await addRefunds(prisma, shop.id, [refund])).toMatchObject({ applied: 0, stale: 1 });
  });
});

describe("store: customers and products", () => {
  it("customers: newer wins, statistics kept when a source lacks them, deletes are final", async () => {
    const shop = await createShop();
    const base: CustomerRecord = {
      id: "700",
      firstName: "Ada",
      lastName: "Lovelace",
      email: "ada@example.com",
      phone: null,
      state: "ENABLED",
      tags: ["vip", "b2b"],
      numberOfOrders: 3,
      amountSpent: "120.5",
      shopifyCreatedAt: "2026-01-01T00:00:00.000Z",
      shopifyUpdatedAt: "2026-02-01T00:00:00.000Z",
    };
    expect(await upsertCustomers(prisma, shop.id, [base])).toEqual({ applied: 1, stale: 0 });
    const newer = {
      ...base,
      email: "ada@new.example",
      numberOfOrders: null,
      amountSpent: null,
      shopifyUpdatedAt: "2026-02-02T00:00:00.000Z",
    };
    expect(await upsertCustomers(prisma, shop.id, [newer, base])).toEqual({ applied: 1, stale: 0 });
    expect(await upsertCustomers(prisma, shop.id, [base])).toEqual({ applied: 0, stale: 1 });
    const stored = await prisma.customer.findUniqueOrThrow({ where: { shopId_id: { shopId: shop.id, id: 700n } } });
    expect(stored).toMatchObject({ email: "ada@new.example", numberOfOrders: 3, tags: ["vip", "b2b"] });
    expect(stored.amountSpent?.toString()).toBe("120.5");

    await deleteRecords(prisma, shop.id, "customers", ["700"]);
    expect(await upsertCustomers(prisma, shop.id, [{ ...base, shopifyUpdatedAt: "2027-01-01T00:00:00.000Z" }])).toEqual(
      { applied: 0, stale: 1 },
    );
    expect(await prisma.customer.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("products: variants replaced with the newer list; older payload ignored", async () => {
    const shop = await createShop();
    const p1: ProductRecord = {
      id: "800",
      title: "Tee",
      handle: "tee",
      status: "ACTIVE",
      vendor: "Acme",
      productType: "Shirts",
      shopifyCreatedAt: "2026-01-01T00:00:00.000Z",
      shopifyUpdatedAt: "2026-01-02T00:00:00.000Z",
      variants: [
        { id: "400", productId: "800", title: "S", sku: "TEE-S", price: "25" },
        { id: "401", productId: "800", title: "M", sku: "TEE-M", price: "25" },
      ],
    };
    const p2: ProductRecord = {
      ...p1,
      title: "Tee v2",
      shopifyUpdatedAt: "2026-01-03T00:00:00.000Z",
      variants: [{ id: "401", productId: "800", title: "M", sku: "TEE-M", price: "27.99" }],
    };
    expect(await upsertProducts(prisma, shop.id, [p2])).toEqual({ applied: 1, stale: 0 });
    expect(await upsertProducts(prisma, shop.id, [p1])).toEqual({ applied: 0, stale: 1 });
    const variants = await prisma.productVariant.findMany({ where: { shopId: shop.id } });
    expect(variants.map((v) => [v.id, v.price?.toString()])).toEqual([[401n, "27.99"]]);
    expect(
      (await prisma.product.findUniqueOrThrow({ where: { shopId_id: { shopId: shop.id, id: 800n } } })).title,
    ).toBe("Tee v2");
  });
});

describe("store: set-based batches", () => {
  it("writes thousands of orders in a few statements per batch", async () => {
    const counting = createCountingPrisma();
    try {
      const shop = await createShop("UTC");
      const orders = (from: number, count: number) =>
        Array.from({ length: count }, (_, i) =>
          order({
            id: String(from + i),
            customerId: String(1000 + (i % 300)),
            processedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
            shopifyUpdatedAt: "2026-06-01T00:00:00.000Z",
          }),
        );
      // One small batch: what a batch costs.
      counting.statements.length = 0;
      expect(await upsertOrders(counting.prisma, shop.id, orders(10_000, 10))).toMatchObject({ applied: 10, stale: 0 });
      const perBatch = counting.statements.length;
      // The counter sees the writes themselves (the order insert is among them).
      expect(counting.statements.some((sql) => /INSERT INTO "?order"?\b/i.test(sql))).toBe(true);
      // 2500 orders (+2500 lines, rollups of ~105 days) are ceil(2500 / BATCH_SIZE) batches.
      counting.statements.length = 0;
      const result = await upsertOrders(counting.prisma, shop.id, orders(100_000, 2500));
      const batches = Math.ceil(2500 / BATCH_SIZE);
      expect(result).toMatchObject({ applied: 2500, stale: 0 });
      // Set-based: a batch of a thousand costs what a batch of ten does, nowhere near a statement per row.
      // (41: the rollup pass ends with the shop's answer-version bump, insights/answer-version.ts;
      // 44 since the durable rollup marks, docs/decisions/rollup-pending-days.md: one per batch,
      // and the recompute's read and clear of them.)
      expect(perBatch).toBeLessThanOrEqual(44);
      expect(counting.statements.length).toBeLessThanOrEqual(batches * perBatch);
      console.log(
        `store: ${perBatch} statements for a batch of 10 orders, ${counting.statements.length} for 2500 orders in ${batches} batches`,
      );
      expect(await prisma.order.count({ where: { shopId: shop.id } })).toBe(2510);
      expect(await prisma.orderLineItem.count({ where: { shopId: shop.id } })).toBe(2510);
      const totals = await prisma.insightsShopDay.aggregate({ where: { shopId: shop.id }, _sum: { orders: true } });
      expect(totals._sum.orders).toBe(2510);
    } finally {
      await counting.prisma.$disconnect();
    }
  });
});
