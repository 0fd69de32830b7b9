// Incremental sync (the cron's pass) against the simulator over HTTP: changes since
// the watermark arrive and the database converges to the simulator's data; the
// Standard-plan bucket is respected (at most an occasional THROTTLED); Admin API 5xx
// bursts are retried; a revoked token surfaces as "needs re-auth" without retry
// loops; an uninstalled shop gets no further Admin API calls.
import { afterAll, describe, expect, inject, it } from "vitest";
import type { RunningSimulator } from "../simulator/src/index";
import {
  ALL_SCOPES,
  createSyncTestPrisma,
  expectDatabaseMatchesSimulator,
  installAndBackfill,
  type EngineOptions,
  startSyncSimulator,
  waitFor,
} from "./sync-support";
import { recordShopInstall } from "~/sync/install";
import { uninstallShop } from "~/sync/lifecycle";
import { createSyncScheduler } from "~/sync/scheduler";
import { NEEDS_REAUTH_MESSAGE, runShopPass } from "~/sync/shop-sync";
import { getShopSyncStatus } from "~/sync/status";

const prisma = createSyncTestPrisma();
afterAll(() => prisma.$disconnect());

const installed = (sim: RunningSimulator, shop: string, options: EngineOptions = {}) =>
  installAndBackfill(prisma, sim, shop, options);

function changeSomething(sim: RunningSimulator, shop: string) {
  const data = sim.control.data(shop);
  const customer = sim.control.createCustomer(shop, {
    firstName: "Ada",
    lastName: "Lovelace",
    email: "ada@example.com",
    tags: ["vip"],
  });
  sim.control.updateCustomer(shop, data.customers[0]!.id, { lastName: "Changed", tags: ["changed"] });
  const product = data.products[0]!;
  sim.control.updateProduct(shop, product.id, {
    title: "Renamed product",
    variants: [{ id: product.variants[0]!.id, price: "99.95" }],
  });
  const variant = data.products[1]!.variants[0]!;
  const order = sim.control.createOrder(shop, {
    customerId: data.customers[1]!.id,
    lineItems: [{ variantId: variant.id, quantity: 3, discount: "1.50" }],
    shippingPrice: "4.99",
    taxRate: "0.08",
  });
  const orderId = (order as { id: number }).id;
  const target = data.orders.find((o) => !o.cancelledAt && o.refunds.length === 0 && o.lineItems.length > 0)!;
  sim.control.refundOrder(shop, target.id, {
    lineItems: [{ lineItemId: target.lineItems[0]!.id, quantity: 1 }],
    shipping: { full: true },
    note: "damaged",
  });
  const editable = data.orders.find(
    (o) => !o.cancelledAt && o.refunds.length === 0 && o.id !== target.id && o.lineItems.length > 0,
  )!;
  sim.control.editOrder(shop, editable.id, { email: "edited@example.com" });
  return { customer, orderId };
}

describe(`incremental sync (${inject("databaseKind")})`, () => {
  it("fetches what changed since the watermark and converges to the simulator's data", async () => {
    const { sim, shop } = await startSyncSimulator({ seed: 21, size: "small", label: "incr" });
    try {
      const { ctx, seen, row } = await installed(sim, shop);
      const before = await prisma.syncState.findMany({ where: { shopId: row.id }, orderBy: { resource: "asc" } });
      changeSomething(sim, shop);

      const pass = await runShopPass(ctx, shop, { trigger: "scheduled" });
      expect(pass.status).toBe("succeeded");
      await expectDatabaseMatchesSimulator(prisma, row.id, sim.control.data(shop));
      const after = await prisma.syncState.findMany({ where: { shopId: row.id }, orderBy: { resource: "asc" } });
      for (const [i, state] of after.entries()) {
        expect(state.watermark!.getTime(), state.resource).toBeGreaterThan(before[i]!.watermark!.getTime());
        expect(state).toMatchObject({ status: "idle", lastError: null, consecutiveFailures: 0 });
      }
      // Paginated documents only: no new bulk export.
      expect(sim.simulator.bulk.views(sim.control.store(shop))).toHaveLength(3);
      expect(seen.throttled).toBe(0);

      // Unchanged shop: one cheap page per resource, nothing written.
      const calls = sim.control.adminApiCallCount(shop);
      const quiet = await runShopPass(ctx, shop, { trigger: "scheduled" });
      expect(quiet.status === "succeeded" && quiet.resources.every((r) => r.kind === "incremental")).toBe(true);
      expect(sim.control.adminApiCallCount(shop) - calls).toBe(3);
    } finally {
      await sim.close();
    }
  }, 120_000);

  it("stays under the Standard-plan bucket on a long paginated sync (at most an occasional THROTTLED)", async () => {
    const { sim, shop } = await startSyncSimulator({
      seed: 22,
      size: { orders: 150, customers: 60, products: 8, days: 90 },
      plan: "standard",
      label: "throttle",
    });
    try {
      const { ctx, seen, row } = await installed(sim, shop);
      // Rewind the watermarks: the next pass pages through every record.
      await prisma.syncState.updateMany({
        where: { shopId: row.id },
        data: { watermark: new Date("2000-01-01T00:00:00Z") },
      });
      // Another caller of this app × shop has just used the bucket up: the pass starts
      // empty-handed and pages faster than Shopify restores (100 points/s on Standard).
      sim.simulator.bucket(shop).drain();
      const started = Date.now();
      const pass = await runShopPass(ctx, shop, { trigger: "scheduled" });
      const seconds = (Date.now() - started) / 1000;
      expect(pass.status).toBe("succeeded");
      const orderPages = seen.documents.filter((d) => d.includes("StorepulseOrdersPage")).length;
      console.log(
        `throttle test: ${orderPages} order pages in ${seconds.toFixed(1)} s, ${seen.bucketWaits} waits for the bucket, THROTTLED ${seen.throttled}×`,
      );
      expect(orderPages).toBeGreaterThanOrEqual(30);
      // The bucket ran low (the client waited for it) but Shopify had to refuse at most once.
      expect(seen.bucketWaits).toBeGreaterThan(5);
      expect(seen.throttled).toBeLessThanOrEqual(1);
      await expectDatabaseMatchesSimulator(prisma, row.id, sim.control.data(shop));
    } finally {
      await sim.close();
    }
  }, 180_000);

  it("retries Admin API 5xx bursts and finishes", async () => {
    const { sim, shop } = await startSyncSimulator({
      seed: 23,
      size: { orders: 50, customers: 30, products: 6, days: 60 },
      label: "errors",
    });
    try {
      const { ctx, seen, row } = await installed(sim, shop, { client: { baseBackoffMs: 20, maxBackoffMs: 200 } });
      await prisma.syncState.updateMany({
        where: { shopId: row.id },
        data: { watermark: new Date("2000-01-01T00:00:00Z") },
      });
      sim.control.setFaults(shop, { adminApiErrorRate: 0.35, seed: 7 });
      const pass = await runShopPass(ctx, shop, { trigger: "scheduled" });
      sim.control.setFaults(shop, { adminApiErrorRate: 0 });
      expect(pass.status).toBe("succeeded");
      expect(seen.retries.filter((r) => r === "HTTP 503").length).toBeGreaterThan(3);
      await expectDatabaseMatchesSimulator(prisma, row.id, sim.control.data(shop));
    } finally {
      await sim.close();
    }
  }, 120_000);

  it("a revoked token is 'needs re-auth' in the status, with no retry loop and a long backoff", async () => {
    const { sim, shop } = await startSyncSimulator({
      seed: 24,
      size: { orders: 30, customers: 10, products: 4, days: 30 },
      label: "reauth",
    });
    try {
      const { ctx, tokens, row } = await installed(sim, shop);
      tokens.set(shop, "shpua_revoked_or_expired");
      const requests = sim.control.adminApiCallCount(shop);
      const pass = await runShopPass(ctx, shop, { trigger: "scheduled" });
      expect(pass.status).toBe("failed");
      // One rejected call, then the pass stops (401s are not counted as authenticated calls).
      expect(sim.control.adminApiCallCount(shop)).toBe(requests);
      const status = await getShopSyncStatus(prisma, shop);
      expect(status?.needsReauth).toBe(true);
      const states = await prisma.syncState.findMany({ where: { shopId: row.id } });
      // A state of its own, not an error recognised by its message.
      const failed = states.filter((s) => s.status === "needs_reauth");
      expect(failed.length).toBeGreaterThanOrEqual(1);
      for (const s of failed) expect(s.lastError).toBe(NEEDS_REAUTH_MESSAGE);
      for (const s of states) expect(s.nextRunAt.getTime() - Date.now()).toBeGreaterThan(5 * 3600_000);
      // Re-authentication (afterAuth) clears it.
      tokens.set(shop, sim.control.install(shop).accessToken);
      await recordShopInstall(prisma, shop, ALL_SCOPES.join(","));
      expect(await prisma.syncState.count({ where: { shopId: row.id, status: "needs_reauth" } })).toBe(0);
      expect((await getShopSyncStatus(prisma, shop))?.needsReauth).toBe(false);
    } finally {
      await sim.close();
    }
  }, 120_000);

  it("after uninstall no further Admin API calls are made for the shop", async () => {
    const { sim, shop } = await startSyncSimulator(
      { seed: 25, size: { orders: 600, customers: 100, products: 10, days: 120 }, label: "uninstall" },
      { bulk: { objectsPerSecond: 2_000 } },
    );
    try {
      const { ctx } = await installed(sim, shop);
      // A pass is running (a fresh backfill, slow export) when the merchant uninstalls.
      const row = await prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
      await prisma.syncState.updateMany({
        where: { shopId: row.id },
        data: { backfillStatus: "pending", bulkOperationId: null },
      });
      const fast = { ...ctx, options: { ...ctx.options, leaseMs: 3_000 } };
      const running = runShopPass(fast, shop, { trigger: "scheduled" });
      await waitFor(async () => sim.simulator.bulk.views(sim.control.store(shop)).length === 6, "the new exports");
      sim.control.uninstall(shop);
      await uninstallShop(prisma, shop);
      const outcome = await running;
      expect(outcome.status).toBe("failed");
      const calls = sim.control.adminApiCallCount(shop);

      const scheduler = createSyncScheduler(ctx, { spreadMs: 0, onlyShops: [shop] });
      expect((await scheduler.tick()).size).toBe(0);
      await scheduler.stop();
      expect(await runShopPass(ctx, shop, { trigger: "manual" })).toEqual({ status: "skipped", reason: "uninstalled" });
      // Both entry points were awaited above (the tick and the manual pass): nothing of
      // theirs is still running, so any call counted now would have been theirs.
      expect(sim.control.adminApiCallCount(shop)).toBe(calls);
      const states = await prisma.syncState.findMany({ where: { shopId: row.id } });
      expect(states.every((s) => s.status === "stopped")).toBe(true);
    } finally {
      await sim.close();
    }
  }, 120_000);
});
