// Retention rollups of shops that predate them, and their incremental refresh: a shop with
// orders but no cohort rows (or no record of a full build) gets the full rebuild once —
// from a sync batch or from ensureCohortRollups (the Retention page's door), also when two
// instances ask at once — and afterwards every incremental refresh leaves the cohort
// tables exactly as a fresh rebuild from the raw rows would (issue 13).
// Runs on both databases (TEST_DATABASE_URL for PostgreSQL, the embedded PGlite otherwise).
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recomputeAllRollups, recomputeRollups, storedLocalDates } from "~/insights";
import { ensureCohortRollups, ensureCohortRollupsSoon } from "~/insights/cohort-backfill";
import { createTestPrisma } from "./helpers/db";
import { addOrders, addRefund, buildFallBackStore, createShop, type OrderSpec } from "./insights-store-fixtures";

let prisma: PrismaClient;
/** A second client with its own pool: another app instance on the same database. */
let otherInstance: PrismaClient;
beforeAll(() => {
  prisma = createTestPrisma();
  otherInstance = createTestPrisma();
});
afterAll(async () => {
  await prisma.$disconnect();
  await otherInstance.$disconnect();
});

const order = (
  id: number,
  customerId: number | null,
  processedAt: string,
  price: string,
  productId = 201,
): OrderSpec => ({
  id,
  customerId,
  processedAt,
  totalPrice: price,
  lines: [{ id: id * 10 + 1, productId, quantity: 1, price }],
});

/**
 * The fall-back store (orders around the 2026-11-01 DST end, a test order, a guest) plus
 * customers spread over three cohort months with later orders, so the triangle has
 * several cohorts and offsets.
 */
async function buildStore(label: string) {
  const shop = await buildFallBackStore(prisma, label);
  await addOrders(prisma, shop.id, "USD", [
    order(20, 201, "2026-08-03T15:00:00Z", "12.00"),
    order(21, 201, "2026-09-20T15:00:00Z", "8.00", 202),
    order(22, 202, "2026-08-31T23:30:00Z", "30.00", 202), // 19:30 EDT: an August customer
    order(23, 202, "2026-11-10T15:00:00Z", "9.00"),
    order(24, 203, "2026-09-01T03:30:00Z", "14.00"), // 23:30 EDT on 08-31: August too
    order(25, 204, "2026-10-02T15:00:00Z", "40.00", 203),
    order(26, 204, "2026-10-05T15:00:00Z", "41.00"),
    order(27, null, "2026-10-06T15:00:00Z", "5.00"),
  ]);
  // Customer 202's first order is partly refunded two months later.
  await addRefund(prisma, shop.id, 22, {
    id: 922,
    createdAt: "2026-10-20T15:00:00Z",
    lines: [{ id: 9221, lineItemId: 221, quantity: 1, subtotal: "10.00" }],
  });
  return shop;
}

/**
 * Every cohort table of the shop and the retention figures of its customer days, in key
 * order (the build record's time left out).
 */
async function cohortSnapshot(shopId: number) {
  const where = { shopId };
  const [customerDays, customers, customerMonths, cells, products, gaps] = await Promise.all([
    prisma.insightsCustomerDay.findMany({
      where,
      select: { customerId: true, localDate: true, orders: true, netSales: true },
      orderBy: [{ customerId: "asc" }, { localDate: "asc" }],
    }),
    prisma.insightsCustomerCohort.findMany({ where, orderBy: { customerId: "asc" } }),
    prisma.insightsCustomerMonth.findMany({
      where,
      select: { customerId: true, month: true, orders: true, netSales: true },
      orderBy: [{ customerId: "asc" }, { month: "asc" }],
    }),
    prisma.insightsCohortMonth.findMany({ where, orderBy: [{ cohortMonth: "asc" }, { offset: "asc" }] }),
    prisma.insightsCohortProduct.findMany({ where, orderBy: [{ cohortMonth: "asc" }, { productId: "asc" }] }),
    prisma.insightsCohortGap.findMany({ where, orderBy: [{ cohortMonth: "asc" }, { gapDays: "asc" }] }),
  ]);
  return JSON.parse(
    JSON.stringify({ customerDays, customers, customerMonths, cells, products, gaps }, (_, v) =>
      typeof v === "bigint" ? v.toString() : v,
    ),
  );
}

/**
 * What a shop imported before the cohort rollups has: no cohort rows, no retention figures
 * on its customer days and months (net_sales null) and no build record.
 */
async function forgetCohorts(shopId: number, options: { keepBuildRecord?: boolean } = {}) {
  const where = { shopId };
  await prisma.$transaction([
    prisma.insightsCustomerDay.updateMany({ where, data: { netSales: null } }),
    prisma.insightsCustomerMonth.updateMany({ where, data: { netSales: null } }),
    prisma.insightsCustomerCohort.deleteMany({ where }),
    prisma.insightsCohortMonth.deleteMany({ where }),
    prisma.insightsCohortProduct.deleteMany({ where }),
    prisma.insightsCohortGap.deleteMany({ where }),
    ...(options.keepBuildRecord ? [] : [prisma.insightsCohortBuild.deleteMany({ where })]),
  ]);
}

describe("the one-time cohort rebuild of a shop that predates the cohort rollups", () => {
  it("ensureCohortRollups rebuilds once, also when two instances ask at the same time", async () => {
    const shop = await buildStore("cohort-once");
    await recomputeAllRollups(prisma, shop.id);
    const fresh = await cohortSnapshot(shop.id);
    // Customers 99, 101, 102, 104, 201..204 (103 has only a test order; 27 and 5 are guests).
    expect(fresh.customers.map((c: { customerId: string }) => c.customerId)).toEqual([
      "99",
      "101",
      "102",
      "104",
      "201",
      "202",
      "203",
      "204",
    ]);
    expect(await ensureCohortRollups(prisma, shop.id)).toBe(false);

    await forgetCohorts(shop.id);
    expect((await cohortSnapshot(shop.id)).cells).toEqual([]);
    const done = await Promise.all([ensureCohortRollups(prisma, shop.id), ensureCohortRollups(otherInstance, shop.id)]);
    expect(done.filter(Boolean)).toHaveLength(1);
    expect(await cohortSnapshot(shop.id)).toEqual(fresh);
    expect(await prisma.insightsCohortBuild.count({ where: { shopId: shop.id } })).toBe(1);
    // One-time: nothing to do any more.
    expect(await ensureCohortRollups(otherInstance, shop.id)).toBe(false);

    // Rows deleted while the build record stays: rebuilt too (the page's door, waiting for it).
    await forgetCohorts(shop.id, { keepBuildRecord: true });
    expect(await ensureCohortRollupsSoon(prisma, shop.id, 60_000)).toBe("done");
    expect(await cohortSnapshot(shop.id)).toEqual(fresh);
  });

  it("a sync batch of a shop without cohort rows rebuilds them all, not only its own customers", async () => {
    const shop = await buildStore("cohort-batch");
    await recomputeAllRollups(prisma, shop.id);
    const fresh = await cohortSnapshot(shop.id);
    await forgetCohorts(shop.id);
    // A batch touching one day (customer 104's order): incrementally it would bring back only
    // the customers with orders or sales that day.
    await recomputeRollups(prisma, shop.id, ["2026-11-02"]);
    expect(await cohortSnapshot(shop.id)).toEqual(fresh);

    // Half-built (a shop refreshed incrementally before the build record existed): rows of
    // some customers only, no record — the next batch rebuilds.
    await prisma.insightsCohortBuild.deleteMany({ where: { shopId: shop.id } });
    await prisma.insightsCustomerCohort.deleteMany({ where: { shopId: shop.id, customerId: { in: [201n, 202n] } } });
    await prisma.insightsCohortMonth.deleteMany({ where: { shopId: shop.id, cohortMonth: new Date("2026-08-01") } });
    await recomputeRollups(prisma, shop.id, ["2026-11-02"]);
    expect(await cohortSnapshot(shop.id)).toEqual(fresh);
  });

  it("a shop with only guest and test orders is not rebuilt on every batch", async () => {
    const shop = await createShop(prisma, { label: "cohort-guests", currency: "USD", timezone: "UTC" });
    await addOrders(prisma, shop.id, "USD", [
      order(1, null, "2026-11-02T10:00:00Z", "10.00"),
      { ...order(2, 7, "2026-11-02T11:00:00Z", "10.00"), test: true },
    ]);
    await recomputeRollups(prisma, shop.id, ["2026-11-02"]);
    expect(await ensureCohortRollups(prisma, shop.id)).toBe(false);
    expect((await cohortSnapshot(shop.id)).customers).toEqual([]);
  });
});

describe("incremental cohort refresh", () => {
  it("after moves, reassignments, deletions and earlier first orders equals a fresh rebuild", async () => {
    const shop = await buildStore("cohort-incremental");
    await recomputeAllRollups(prisma, shop.id);
    const orderIds = [2n, 21n, 23n, 26n, 30n, 31n];
    const before = await storedLocalDates(prisma, shop.id, { orderIds });
    // Order 2 (customer 102, November) moves to December; order 21 (201's second) is
    // reassigned to customer 203, whose cohort stays August; order 26 (204's second) is
    // deleted with its sales; 202 turns out to have a first order in July (their cohort moves
    // from August, a month no order of the batch is in); a new customer 205 orders in
    // November; 202's November order gets a refund in December.
    await prisma.order.update({
      where: { shopId_id: { shopId: shop.id, id: 2n } },
      data: { processedAt: new Date("2026-12-01T15:00:00Z") },
    });
    await prisma.sale.updateMany({
      where: { shopId: shop.id, orderId: 2n },
      data: { happenedAt: new Date("2026-12-01T15:00:00Z") },
    });
    await prisma.order.update({ where: { shopId_id: { shopId: shop.id, id: 21n } }, data: { customerId: 203n } });
    await prisma.sale.deleteMany({ where: { shopId: shop.id, orderId: 26n } });
    await prisma.order.delete({ where: { shopId_id: { shopId: shop.id, id: 26n } } });
    await addOrders(prisma, shop.id, "USD", [
      order(30, 202, "2026-07-15T15:00:00Z", "17.00", 202),
      order(31, 205, "2026-11-12T15:00:00Z", "22.00"),
    ]);
    await addRefund(prisma, shop.id, 23, {
      id: 923,
      createdAt: "2026-12-02T15:00:00Z",
      lines: [{ id: 9231, lineItemId: 231, quantity: 1, subtotal: "9.00" }],
    });
    const after = await storedLocalDates(prisma, shop.id, { orderIds, refundIds: [923n] });

    await recomputeRollups(prisma, shop.id, [...before, ...after]);
    const incremental = await cohortSnapshot(shop.id);
    await forgetCohorts(shop.id);
    await recomputeAllRollups(prisma, shop.id);
    const rebuilt = await cohortSnapshot(shop.id);
    expect(incremental).toEqual(rebuilt);
    // Derived by hand: 202's cohort is July now, 203 has two orders (August, September).
    const cohortOf = (id: string) =>
      rebuilt.customers.find((c: { customerId: string }) => c.customerId === id)?.cohortMonth;
    expect(cohortOf("202")).toBe("2026-07-01T00:00:00.000Z");
    expect(rebuilt.customers.find((c: { customerId: string }) => c.customerId === "203")?.secondDate).toBe(
      "2026-09-20T00:00:00.000Z",
    );
  });
});
