// The sales ledger kept current by webhooks, end to end: the built app installs on its
// first embedded load (backfill with the ledger), then the simulator (Shopify) delivers a
// stream of orders/* and refunds/create webhooks — duplicated and reordered — for order
// edits, refunds, cancellations, new orders and deletions. REST payloads carry no
// agreements: the app marks the orders and its ledger refresher reads their ledgers.
// Afterwards the `sale` table equals the ledger read through the Admin API by the test's
// own query (tests/ledger-support.ts), and reading every order again changes nothing.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminLedger, storedLedger } from "./ledger-support";
import { uniqueShopDomain } from "./helpers/db";
import { seededRandom } from "./helpers/random";
import { openEmbeddedApp, startStack, type Stack } from "./helpers/stack";
import { webhooksApplied } from "./helpers/webhook-queue";
import { createSyncTestPrisma, engineContext, waitFor } from "./sync-support";
import { drainLedgerRefresh, requestLedgerRefresh } from "~/sync/ledger-refresh";

const prisma = createSyncTestPrisma();
let stack: Stack;
const shop = uniqueShopDomain("ledger-hooks");

beforeAll(async () => {
  stack = await startStack({
    simulator: {
      shops: [{ domain: shop, seed: 96, size: { orders: 120, customers: 40, products: 15, days: 90 } }],
      bulk: { objectsPerSecond: 100_000 },
      webhooks: { retryBaseMs: 200, maxAttempts: 9, timeoutMs: 5000 },
    },
  });
});
afterAll(async () => {
  await stack?.close();
  await prisma.$disconnect();
});

function changeOrders(count: number, seed: number): Record<string, number> {
  const c = stack.sim.control;
  const rnd = seededRandom(seed);
  const done: Record<string, number> = {};
  for (let attempts = 0; Object.values(done).reduce((a, b) => a + b, 0) < count && attempts < count * 5; attempts++) {
    const data = c.data(shop);
    const open = data.orders.filter((o) => !o.cancelledAt && o.lineItems.length > 0);
    const variants = data.products.flatMap((p) => p.variants);
    const roll = rnd.next();
    let kind: string;
    try {
      if (roll < 0.3) {
        kind = "edit";
        const o = rnd.pick(open);
        const line = rnd.pick(o.lineItems);
        c.editOrder(shop, o.id, { quantities: [{ lineItemId: line.id, quantity: line.quantity + 1 }] });
      } else if (roll < 0.6) {
        kind = "refund";
        const o = rnd.pick(open);
        c.refundOrder(shop, o.id, {
          lineItems: [{ lineItemId: rnd.pick(o.lineItems).id, quantity: 1 }],
          shipping: rnd.next() < 0.3 ? { full: true } : undefined,
        });
      } else if (roll < 0.8) {
        kind = "create";
        c.createOrder(shop, {
          customerId: rnd.pick(data.customers).id,
          lineItems: [
            { variantId: rnd.pick(variants).id, quantity: 2, discount: rnd.next() < 0.3 ? "1.50" : undefined },
          ],
          orderDiscount: rnd.next() < 0.3 ? { code: "SAVE5", amount: "5.00" } : undefined,
          shippingPrice: "6.95",
          taxRate: "0.08",
        });
      } else if (roll < 0.9) {
        kind = "cancel";
        c.cancelOrder(shop, rnd.pick(open).id, { refund: true });
      } else {
        kind = "delete";
        c.deleteOrder(shop, rnd.pick(data.orders).id);
      }
      done[kind] = (done[kind] ?? 0) + 1;
    } catch {
      // refused by the simulator (nothing left to refund…): not a change
    }
  }
  return done;
}

describe(`the sales ledger through webhooks (${inject("databaseKind")})`, () => {
  it("after a stream of edits and refunds delivered twice and out of order, the sale table equals the Admin API's ledger", async () => {
    const response = await openEmbeddedApp(stack, shop);
    expect(response.status).toBe(200);
    const appLog = (what: string) =>
      stack.app
        .output()
        .split("\n")
        .filter((line) => line.includes(what) && line.includes(shop)).length;
    await waitFor(async () => appLog("sync pass finished") >= 1, "the install pass", 150_000).catch((error) => {
      throw new Error(`${(error as Error).message}; app output:\n${stack.app.output().slice(-4000)}`);
    });
    const row = await prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
    const { accessToken } = stack.sim.control.install(shop);
    expect(await storedLedger(prisma, row.id)).toEqual(await adminLedger(stack.sim.url, accessToken));

    stack.sim.control.setFaults(shop, { seed: 96, webhookDuplicateRate: 0.3, webhookReorderDelayMs: 400 });
    const done: Record<string, number> = {};
    for (let burst = 0; burst < 4; burst++) {
      for (const [kind, n] of Object.entries(changeOrders(15, 300 + burst))) done[kind] = (done[kind] ?? 0) + n;
      await stack.sim.control.webhooksIdle();
    }
    expect(done.edit).toBeGreaterThan(0);
    expect(done.refund).toBeGreaterThan(0);
    const deliveries = stack.sim.control.webhookDeliveries({ shop });
    expect(deliveries.filter((d) => d.duplicates > 0).length).toBeGreaterThan(5);
    const undelivered = deliveries.filter((d) => d.state !== "delivered");
    expect(
      undelivered.map((d) => `${d.topic} ${d.state} ${d.lastStatus} x${d.attempts}`),
      stack.app.output().slice(-4000),
    ).toEqual([]);

    // The app's workers apply the queued webhooks (marking the orders), then its
    // refresher reads every marked order's ledger shortly after.
    await webhooksApplied(prisma, shop);
    const expected = await adminLedger(stack.sim.url, accessToken);
    await waitFor(
      async () => (await prisma.orderLedgerRefresh.count({ where: { shopId: row.id } })) === 0,
      "the marked orders' ledgers read",
      120_000,
    ).catch((error) => {
      throw new Error(`${(error as Error).message}; app output:\n${stack.app.output().slice(-4000)}`);
    });
    const stored = await storedLedger(prisma, row.id);
    expect(stored.length).toBe(expected.length);
    expect(stored).toEqual(expected);
    expect(expected.some((s) => s.agreementKind === "order_edit")).toBe(true);
    expect(expected.some((s) => s.actionType === "RETURN")).toBe(true);

    // Reading every order's ledger again (the engine in this process) changes nothing.
    const { ctx } = engineContext(prisma, stack.sim, new Map([[shop, accessToken]]));
    const ids = (await prisma.order.findMany({ where: { shopId: row.id }, select: { id: true } })).map((o) =>
      o.id.toString(),
    );
    await requestLedgerRefresh(prisma, row.id, ids);
    await drainLedgerRefresh(ctx, row, await ctx.clientFor(shop));
    expect(await storedLedger(prisma, row.id)).toEqual(stored);
    console.log(
      `ledger via webhooks: changes ${JSON.stringify(done)}; ${deliveries.length} deliveries, ${deliveries.reduce((n, d) => n + d.duplicates, 0)} duplicated; ${stored.length} sales`,
    );
  }, 300_000);
});
