// The Customers page's stored customer total (customer_total, app/insights/customer-summary.ts)
// equals a COUNT of the shop's customer rows after every path that writes them: the
// backfill and an incremental pass against the simulator over HTTP, webhooks (create,
// update, delete) delivered to the built app, customers/redact of a customer we hold and
// of one we do not (placeholder row), a reinstall's clean restart, shop/redact, and
// writers racing on the same new customers. Each check also compares with the number
// of customers the simulator holds, counted there.
import type { PrismaClient } from "@prisma/client";
import { afterAll, describe, expect, inject, it } from "vitest";
import { customerTotal } from "~/insights/customer-summary";
import { uninstallShop } from "~/sync/lifecycle";
import { runShopPass } from "~/sync/shop-sync";
import { upsertCustomers } from "~/sync/store";
import type { CustomerRecord } from "~/sync/records";
import { createTestPrisma, uniqueShopDomain } from "./helpers/db";
import { startStack } from "./helpers/stack";
import { createShopRow, createSyncTestPrisma, installAndBackfill, startSyncSimulator } from "./sync-support";

const prisma = createSyncTestPrisma();
afterAll(() => prisma.$disconnect());

/** The stored total (the row itself, not the page's fallback) against a COUNT. */
async function stored(db: PrismaClient, shopId: number): Promise<{ stored: number | null; counted: number }> {
  const [row] = await db.$queryRaw<{ stored: number | null; counted: number }[]>`
    SELECT (SELECT customers FROM customer_total WHERE shop_id = ${shopId}) AS stored,
      (SELECT count(*)::int FROM customer WHERE shop_id = ${shopId}) AS counted`;
  return row!;
}

async function expectTotal(db: PrismaClient, shopId: number, expected: number, what: string): Promise<void> {
  const { stored: total, counted } = await stored(db, shopId);
  expect(counted, `${what}: customer rows`).toBe(expected);
  expect(total, `${what}: stored total`).toBe(counted);
  expect(await customerTotal(db, shopId), `${what}: the page's total`).toBe(counted);
}

describe(`stored customer total (${inject("databaseKind")})`, () => {
  it("equals a COUNT after the backfill, an incremental pass and a reinstall's clean restart", async () => {
    const { sim, shop } = await startSyncSimulator({
      seed: 41,
      size: { orders: 40, customers: 23, products: 4, days: 30 },
      label: "ctotal",
    });
    try {
      const simCustomers = () => sim.control.data(shop).customers.length;
      const { ctx, row } = await installAndBackfill(prisma, sim, shop);
      const imported = simCustomers();
      expect(imported).toBeGreaterThanOrEqual(23);
      await expectTotal(prisma, row.id, imported, "after the backfill");

      for (const n of [1, 2, 3])
        sim.control.createCustomer(shop, { firstName: `New${n}`, email: `new${n}@example.com` });
      sim.control.updateCustomer(shop, sim.control.data(shop).customers[0]!.id, { lastName: "Changed" });
      expect((await runShopPass(ctx, shop, { trigger: "scheduled" })).status).toBe("succeeded");
      expect(simCustomers()).toBe(imported + 3);
      await expectTotal(prisma, row.id, imported + 3, "after an incremental pass (3 new, 1 changed)");

      // Uninstalled, a customer deleted meanwhile (no webhook reaches us), reinstalled: the
      // synced copy is dropped and imported afresh.
      await uninstallShop(prisma, shop);
      // One without orders (Shopify refuses to delete a customer who has some).
      sim.control.deleteCustomer(
        shop,
        sim.control.data(shop).customers.find((c) => c.email === "new1@example.com")!.id,
      );
      await installAndBackfill(prisma, sim, shop);
      expect(simCustomers()).toBe(imported + 2);
      await expectTotal(prisma, row.id, imported + 2, "after a reinstall");
    } finally {
      await sim.close();
    }
  }, 180_000);

  it("equals a COUNT while writers race on the same new customers", async () => {
    const shop = await createShopRow(prisma, uniqueShopDomain("ctotal-race"));
    const record = (id: number, minute: number): CustomerRecord => ({
      id: String(id),
      firstName: `C${id}`,
      lastName: null,
      email: `c${id}@example.com`,
      phone: null,
      state: "ENABLED",
      tags: [],
      numberOfOrders: null,
      amountSpent: null,
      shopifyCreatedAt: "2026-11-01T00:00:00.000Z",
      shopifyUpdatedAt: `2026-11-01T00:${String(minute).padStart(2, "0")}:00.000Z`,
    });
    // Eight writers, overlapping id ranges, newer versions of some: 1..60 exist afterwards.
    await Promise.all(
      Array.from({ length: 8 }, (_, w) =>
        upsertCustomers(
          prisma,
          shop.id,
          Array.from({ length: 20 }, (_, i) => record(1 + ((w * 7 + i) % 60), w)),
        ),
      ),
    );
    const ids = new Set(
      Array.from({ length: 8 }, (_, w) => Array.from({ length: 20 }, (_, i) => 1 + ((w * 7 + i) % 60))).flat(),
    );
    await expectTotal(prisma, shop.id, ids.size, "after racing writers");
  }, 60_000);
});

describe(`stored customer total over webhooks (${inject("databaseKind")})`, () => {
  it("equals a COUNT after customers/create, update, delete, customers/redact and shop/redact", async () => {
    const db = createTestPrisma();
    const shop = uniqueShopDomain("ctotal-hooks");
    const stack = await startStack({
      simulator: { shops: [{ domain: shop, size: "empty", ianaTimezone: "UTC" }], install: true },
    });
    try {
      const control = stack.sim.control;
      const { id: shopId } = await db.shop.create({
        data: { domain: shop, ianaTimezone: "UTC", installedAt: new Date() },
      });
      const simCustomers = () => control.data(shop).customers.length;

      const created = [1, 2, 3, 4, 5].map((n) =>
        control.createCustomer(shop, { firstName: `Hook${n}`, lastName: "Customer", email: `hook${n}@example.com` }),
      );
      await control.webhooksIdle();
      await expectTotal(db, shopId, simCustomers(), "after customers/create");
      expect(simCustomers()).toBe(5);

      control.updateCustomer(shop, created[0]!.id, { lastName: "Updated" });
      control.deleteCustomer(shop, created[1]!.id);
      await control.webhooksIdle();
      await expectTotal(db, shopId, simCustomers(), "after customers/update and customers/delete");
      expect(simCustomers()).toBe(4);

      // customers/redact of a customer we hold: erased, still listed.
      await compliance(stack.sim.url, shop, "customers/redact", created[2]!.id);
      await control.webhooksIdle();
      await expectTotal(db, shopId, 4, "after customers/redact of a held customer");

      // One whose customers/create never reached us: the redaction stores a placeholder row.
      control.setFaults(shop, { webhookDropRate: 1 });
      const unseen = control.createCustomer(shop, {
        firstName: "Never",
        lastName: "Seen",
        email: "unseen@example.com",
      });
      await control.webhooksIdle();
      control.setFaults(shop, { webhookDropRate: 0 });
      expect(await db.customer.count({ where: { shopId } })).toBe(4);
      await compliance(stack.sim.url, shop, "customers/redact", unseen.id);
      await control.webhooksIdle();
      await expectTotal(db, shopId, 5, "after customers/redact of a customer we did not hold");
      expect(simCustomers()).toBe(5);

      // shop/redact comes 48 hours after the uninstall.
      control.uninstall(shop);
      await control.webhooksIdle();
      await expectTotal(db, shopId, 5, "after app/uninstalled (data kept)");
      await compliance(stack.sim.url, shop, "shop/redact");
      await control.webhooksIdle();
      expect(await db.shop.count({ where: { id: shopId } })).toBe(0);
      expect(await stored(db, shopId)).toEqual({ stored: null, counted: 0 });
    } finally {
      await stack.close();
      await db.$disconnect();
    }
  }, 180_000);
});

async function compliance(simUrl: string, shop: string, topic: string, customerId?: number): Promise<void> {
  const response = await fetch(`${simUrl}/_sim/shops/${shop}/compliance`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ topic, customerId }),
  });
  expect(response.status).toBe(200);
}
