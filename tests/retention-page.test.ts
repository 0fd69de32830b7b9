// The Retention page's cohort rows (app/insights/cohort-page.ts): every cohort month of the
// span, empty months as zeros — except the current month while no customer's first order
// is in it, which is a cohort not started yet rather than one of zero customers (the API
// still lists it, docs/metrics.md). Runs on both databases (TEST_DATABASE_URL for
// PostgreSQL, the embedded PGlite otherwise).
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recomputeAllRollups, recomputeRollups } from "~/insights";
import { loadRetentionPage } from "~/insights/cohort-page";
import { getCohorts, parseCohortParams } from "~/insights/cohorts";
import { createTestPrisma } from "./helpers/db";
import { addOrders, createShop, type OrderSpec } from "./insights-store-fixtures";

let prisma: PrismaClient;
beforeAll(() => {
  prisma = createTestPrisma();
});
afterAll(async () => {
  await prisma.$disconnect();
});

const order = (id: number, customerId: number, processedAt: string): OrderSpec => ({
  id,
  customerId,
  processedAt,
  totalPrice: "10.00",
  lines: [{ id: id * 10 + 1, productId: 301, quantity: 1, price: "10.00" }],
});

describe("Retention page cohort rows", () => {
  it("leave out the current month until a first order is in it; earlier empty months stay as zeros", async () => {
    const created = await createShop(prisma, {
      label: "retention-rows",
      currency: "USD",
      timezone: "America/New_York",
    });
    const shop = {
      id: created.id,
      domain: created.domain,
      currencyCode: "USD",
      ianaTimezone: "America/New_York",
    };
    // First orders in August and October: June, July and September have no new customer.
    await addOrders(prisma, shop.id, "USD", [
      order(1, 501, "2026-08-03T15:00:00Z"),
      order(2, 502, "2026-10-02T15:00:00Z"),
      order(3, 501, "2026-11-05T15:00:00Z"), // a repeat order in November: no new customer
    ]);
    await recomputeAllRollups(prisma, shop.id);
    const now = new Date("2026-11-20T17:00:00Z");
    const rows = async () => {
      const page = await loadRetentionPage(prisma, shop, new URLSearchParams({ months: "6" }), now);
      if (!page.ready) throw new Error("the page has no data");
      return page.cohorts.map((c) => [c.cohort, c.customers]);
    };
    expect(await rows()).toEqual([
      ["2026-06", 0],
      ["2026-07", 0],
      ["2026-08", 1],
      ["2026-09", 0],
      ["2026-10", 1],
    ]);
    // The API answers every month of the range, November with zeros.
    const range = parseCohortParams(new URLSearchParams({ from: "2026-06-01", to: "2026-11-20" }), {
      timeZone: shop.ianaTimezone,
      now,
    });
    if (!range.ok) throw new Error(range.error);
    const api = await getCohorts(prisma, shop, range.value);
    expect(api.cohorts.map((c) => [c.cohort, c.customers]).at(-1)).toEqual(["2026-11", 0]);

    // A new customer's first order in November: the month is a cohort now.
    await addOrders(prisma, shop.id, "USD", [order(4, 503, "2026-11-19T15:00:00Z")]);
    await recomputeRollups(prisma, shop.id, ["2026-11-19"]);
    expect((await rows()).at(-1)).toEqual(["2026-11", 1]);
    expect(await rows()).toHaveLength(6);
  });
});
