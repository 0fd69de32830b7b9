// Rollup days a committed write changed stay marked until a recompute covers them
// (app/insights/rollup-pending.ts), so a crash between the write's commit and its
// recompute is repaired by the cron instead of leaving the day wrong. The crash is the
// write with rollups "defer" and no recompute after it: exactly the state a process
// killed after the commit leaves behind. Expected days are written by hand.
import type { Prisma } from "@prisma/client";
import { afterAll, describe, expect, it } from "vitest";
import { recomputeAllRollups } from "~/insights";
import { clearTakenRollupDays, markRollupDaysPending, takePendingRollupDays } from "~/insights/rollup-pending";
import type { SyncContext } from "~/sync/context";
import type { OrderRecord } from "~/sync/records";
import { createSyncScheduler } from "~/sync/scheduler";
import { upsertOrders } from "~/sync/store";
import { createTestPrisma, uniqueShopDomain } from "./helpers/db";

const prisma = createTestPrisma();
afterAll(() => prisma.$disconnect());
// The mark helpers take a transaction; outside one the client answers the same calls.
const db = prisma as unknown as Prisma.TransactionClient;

async function createShop() {
  return prisma.shop.create({
    data: { domain: uniqueShopDomain("pending"), ianaTimezone: "America/New_York", installedAt: new Date() },
  });
}

function order(id: string, processedAt: string, updatedAt: string, customerId: string): OrderRecord {
  return {
    id,
    name: `#${id}`,
    email: null,
    customerId,
    processedAt,
    cancelledAt: null,
    test: false,
    currencyCode: "USD",
    presentmentCurrencyCode: "USD",
    totalPrice: "20",
    subtotalPrice: "20",
    totalDiscounts: "0",
    totalTax: "0",
    totalShipping: "0",
    totalRefunded: "0",
    totalPricePresentment: "20",
    shopifyCreatedAt: processedAt,
    shopifyUpdatedAt: updatedAt,
    lineItems: [],
    refunds: [],
  };
}

async function pendingDays(shopId: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ d: string }[]>`
    SELECT local_date::text AS d FROM rollup_pending_day WHERE shop_id = ${shopId} ORDER BY local_date`;
  return rows.map((r) => r.d);
}

/** Local days with orders, as the rollups have them. */
async function orderDays(shopId: number): Promise<Record<string, number>> {
  const rows = await prisma.insightsShopDay.findMany({ where: { shopId, orders: { gt: 0 } } });
  return Object.fromEntries(rows.map((r) => [r.localDate.toISOString().slice(0, 10), r.orders]));
}

async function rollupSnapshot(shopId: number) {
  const [shopDays, customerDays] = await Promise.all([
    prisma.insightsShopDay.findMany({ where: { shopId }, orderBy: { localDate: "asc" } }),
    prisma.insightsCustomerDay.findMany({ where: { shopId }, orderBy: [{ customerId: "asc" }, { localDate: "asc" }] }),
  ]);
  return JSON.stringify({ shopDays, customerDays }, (_, v) => (typeof v === "bigint" ? v.toString() : v));
}

function cronContext(): SyncContext {
  const lines: string[] = [];
  return {
    prisma,
    clientFor: () => Promise.reject(new Error("no Admin API in this test")),
    fetch: () => Promise.reject(new Error("no Shopify in this test")),
    workerId: "test:rollup-pending",
    log: { info: (message) => lines.push(message), warn: (message) => lines.push(message) },
  };
}

describe("rollup days left behind by an interrupted write", () => {
  it("are marked in the write's transaction and recomputed by the cron once their grace has passed", async () => {
    const shop = await createShop();
    // 15:00Z is 10:00 or 11:00 in New York: the local day is the UTC day.
    await upsertOrders(prisma, shop.id, [order("1", "2026-03-10T15:00:00.000Z", "2026-03-10T15:00:00.000Z", "7")]);
    // The write's own recompute covered its day: nothing is left marked.
    expect(await pendingDays(shop.id)).toEqual([]);
    expect(await orderDays(shop.id)).toEqual({ "2026-03-10": 1 });

    // Order 1 moves to 03-12 and order 2 arrives on 03-11; the process "dies" after the commit.
    await upsertOrders(
      prisma,
      shop.id,
      [
        order("1", "2026-03-12T15:00:00.000Z", "2026-03-12T16:00:00.000Z", "7"),
        order("2", "2026-03-11T15:00:00.000Z", "2026-03-11T15:00:00.000Z", "8"),
      ],
      { rollups: "defer" },
    );
    expect(await pendingDays(shop.id)).toEqual(["2026-03-10", "2026-03-11", "2026-03-12"]);
    expect(await orderDays(shop.id)).toEqual({ "2026-03-10": 1 });

    const only = { spreadMs: 0, onlyShops: [shop.domain] };
    // Within the grace a mark may belong to a recompute still on its way: the tick leaves it.
    const patient = createSyncScheduler(cronContext(), { ...only, pendingRollupGraceMs: 60 * 60_000 });
    await patient.tick();
    await patient.stop();
    expect(await pendingDays(shop.id)).toEqual(["2026-03-10", "2026-03-11", "2026-03-12"]);
    expect(await orderDays(shop.id)).toEqual({ "2026-03-10": 1 });

    const cron = createSyncScheduler(cronContext(), { ...only, pendingRollupGraceMs: 0 });
    await cron.tick();
    await cron.stop();
    expect(await pendingDays(shop.id)).toEqual([]);
    expect(await orderDays(shop.id)).toEqual({ "2026-03-11": 1, "2026-03-12": 1 });
    // And the repaired days are exactly what a full rebuild gives.
    const repaired = await rollupSnapshot(shop.id);
    await recomputeAllRollups(prisma, shop.id);
    expect(await rollupSnapshot(shop.id)).toBe(repaired);
  });

  it("a mark renewed after a recompute took it survives that recompute; a full rebuild clears every mark", async () => {
    const shop = await createShop();
    await markRollupDaysPending(db, shop.id, ["2026-03-11", "2026-03-12"]);
    const taken = await takePendingRollupDays(db, shop.id, ["2026-03-11", "2026-03-12"]);
    expect(taken.dates.sort()).toEqual(["2026-03-11", "2026-03-12"]);
    // A write commits while the recompute runs: its data may postdate the recompute's reads.
    await markRollupDaysPending(db, shop.id, ["2026-03-12"]);
    await clearTakenRollupDays(db, shop.id, taken);
    expect(await pendingDays(shop.id)).toEqual(["2026-03-12"]);

    await markRollupDaysPending(db, shop.id, ["2026-01-02"]);
    await recomputeAllRollups(prisma, shop.id);
    expect(await pendingDays(shop.id)).toEqual([]);
  });
});
