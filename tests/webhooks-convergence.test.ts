// Push-side ingestion end to end: the simulator (Shopify) delivers real webhooks to the
// built app over HTTP while a seeded random sequence of a few hundred control-API
// changes runs, with duplicated and reordered deliveries. Afterwards the database
// equals the simulator's data (derived by hand from its oracle), and every event was
// applied once (webhook_event). Plus: forged webhooks, duplicates, a replay to another tenant.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma, uniqueShopDomain } from "./helpers/db";
import { expectedRows, storedRows } from "./helpers/oracle";
import { seededRandom } from "./helpers/random";
import { webhookHeaders } from "./helpers/shopify-signing";
import { startStack, type Stack } from "./helpers/stack";
import { webhooksApplied } from "./helpers/webhook-queue";
import { webhookQueueStatus } from "~/sync/webhook-queue";

const prisma = createTestPrisma();
let stack: Stack;
let shop: string;
let shopId: number;

beforeAll(async () => {
  shop = uniqueShopDomain("push");
  stack = await startStack({
    simulator: {
      shops: [{ domain: shop, size: "empty", ianaTimezone: "America/New_York" }],
      install: true,
      webhooks: { retryBaseMs: 200, maxAttempts: 9, timeoutMs: 5000 },
    },
  });
  // The tenant row as the install hook leaves it; no backfill: all data arrives by webhook.
  shopId = (
    await prisma.shop.create({ data: { domain: shop, ianaTimezone: "America/New_York", installedAt: new Date() } })
  ).id;
});
afterAll(async () => {
  await stack?.close();
  await prisma.$disconnect();
});

/** Apply `count` random changes through the control API; returns how many succeeded. */
function runRandomChanges(count: number, seed: number): Record<string, number> {
  const c = stack.sim.control;
  const rnd = seededRandom(seed);
  const done: Record<string, number> = {};
  const now = Date.now();
  let attempts = 0;
  const total = () => Object.values(done).reduce((a, b) => a + b, 0);
  while (total() < count && attempts++ < count * 5) {
    const data = c.store(shop);
    const customers = data.list("customers");
    const products = data.list("products");
    const orders = data.list("orders");
    const openOrders = orders.filter((o) => !o.cancelledAt);
    const variants = products.flatMap((p) => p.variants);
    const roll = rnd.next();
    let kind: string;
    try {
      if (customers.length < 5 || (roll < 0.1 && customers.length < 40)) {
        kind = "createCustomer";
        const n = customers.length + 1;
        c.createCustomer(shop, {
          firstName: `First${n}`,
          lastName: `Last${n}`,
          email: `c${n}@example.com`,
          phone: rnd.chance(0.5) ? `+1555000${1000 + n}` : null,
          state: "ENABLED",
          tags: rnd.chance(0.3) ? ["vip"] : [],
        });
      } else if (products.length < 3 || (roll < 0.15 && products.length < 12)) {
        kind = "createProduct";
        const n = products.length + 1;
        c.createProduct(shop, {
          title: `Product ${n}`,
          vendor: "Acme",
          productType: rnd.pick(["Shirts", "Hats", "Mugs"]),
          variants: Array.from({ length: 1 + rnd.int(3) }, (_, i) => ({
            title: `V${i}`,
            sku: `P${n}-V${i}`,
            price: `${5 + rnd.int(60)}.${rnd.pick(["00", "50", "99"])}`,
          })),
        });
      } else if (roll < 0.2) {
        kind = "updateCustomer";
        c.updateCustomer(shop, rnd.pick(customers).id, {
          lastName: `Renamed${rnd.int(1000)}`,
          tags: rnd.chance(0.5) ? ["vip", "repeat"] : [],
        });
      } else if (roll < 0.27) {
        kind = "updateProduct";
        const p = rnd.pick(products);
        c.updateProduct(shop, p.id, {
          title: `${p.title.split(" (")[0]} (${rnd.int(100)})`,
          variants: rnd.chance(0.5) ? p.variants.map((v) => ({ id: v.id, price: `${5 + rnd.int(60)}.25` })) : undefined,
        });
      } else if (roll < 0.6) {
        kind = "createOrder";
        c.createOrder(shop, {
          customerId: rnd.chance(0.85) ? rnd.pick(customers).id : null,
          email: rnd.chance(0.2) ? "guest@example.com" : undefined,
          lineItems: Array.from({ length: 1 + rnd.int(3) }, () =>
            rnd.chance(0.1)
              ? { title: "Gift card", price: "25.00", quantity: 1, isGiftCard: true }
              : {
                  variantId: rnd.pick(variants).id,
                  quantity: 1 + rnd.int(3),
                  discount: rnd.chance(0.3) ? "1.50" : undefined,
                },
          ),
          orderDiscount: rnd.chance(0.2) ? { code: "SAVE5", amount: "5.00" } : undefined,
          shippingPrice: rnd.chance(0.7) ? "6.95" : undefined,
          taxRate: rnd.chance(0.6) ? "0.08" : undefined,
          processedAt: new Date(now - rnd.int(30 * 86_400_000)).toISOString(),
          test: rnd.chance(0.05),
        });
      } else if (roll < 0.72 && openOrders.length > 0) {
        kind = "editOrder";
        const o = rnd.pick(openOrders);
        const line = rnd.pick(o.lineItems);
        c.editOrder(
          shop,
          o.id,
          rnd.chance(0.5)
            ? { quantities: [{ lineItemId: line.id, quantity: line.quantity + 1 }] }
            : { tags: [`t${rnd.int(10)}`] },
        );
      } else if (roll < 0.86 && openOrders.length > 0) {
        kind = "refundOrder";
        const o = rnd.pick(openOrders);
        const line = rnd.pick(o.lineItems);
        c.refundOrder(shop, o.id, {
          lineItems: [{ lineItemId: line.id, quantity: 1 }],
          shipping: rnd.chance(0.3) ? { full: true } : undefined,
        });
      } else if (roll < 0.93 && openOrders.length > 0) {
        kind = "cancelOrder";
        c.cancelOrder(shop, rnd.pick(openOrders).id, { refund: rnd.chance(0.7) });
      } else if (roll < 0.97 && orders.length > 0) {
        kind = "deleteOrder";
        c.deleteOrder(shop, rnd.pick(orders).id);
      } else {
        kind = "deleteCustomer"; // refused while the customer has orders, as on Shopify
        c.deleteCustomer(shop, rnd.pick(customers).id);
      }
      done[kind] = (done[kind] ?? 0) + 1;
    } catch {
      // The simulator refused the change (e.g. nothing left to refund): not a change.
    }
  }
  return done;
}

describe(`webhooks over HTTP with the simulator`, () => {
  it("a few hundred random changes with duplicated and reordered deliveries leave the database equal to Shopify's data", async () => {
    stack.sim.control.setFaults(shop, {
      seed: 42,
      webhookDuplicateRate: 0.25,
      webhookReorderDelayMs: 400,
      webhookDropRate: 0,
    });
    // Bursts of 30 changes (deliveries within a burst are duplicated and reordered),
    // each burst delivered before the next: a busy shop, not 300 changes in one instant.
    const done: Record<string, number> = {};
    for (let burst = 0; burst < 10; burst++) {
      for (const [kind, n] of Object.entries(runRandomChanges(30, 7 + burst))) done[kind] = (done[kind] ?? 0) + n;
      await stack.sim.control.webhooksIdle();
    }
    expect(Object.values(done).reduce((a, b) => a + b, 0)).toBe(300);

    const deliveries = stack.sim.control.webhookDeliveries({ shop });
    const undelivered = deliveries.filter((d) => d.state !== "delivered");
    expect(
      undelivered.map((d) => `${d.topic} ${d.state} ${d.lastStatus} x${d.attempts}`),
      stack.app
        .output()
        .split("\n")
        .filter((l) => !l.startsWith("POST"))
        .join("\n")
        .slice(-3000),
    ).toEqual([]);
    expect(deliveries.filter((d) => d.duplicates > 0).length).toBeGreaterThan(20);
    // Acknowledged once recorded: the workers apply the queue in the background.
    await webhooksApplied(prisma, shop);

    const expected = expectedRows(stack.sim.control.data(shop));
    const stored = await storedRows(prisma, shopId);
    expect(stored.customers).toEqual(expected.customers);
    expect(stored.products).toEqual(expected.products);
    expect(stored.orders.length).toBe(expected.orders.length);
    expect(stored.orders).toEqual(expected.orders);

    // Once per event: one processed webhook_event row per delivered event of a handled topic.
    const handledTopics = new Set([
      "customers/create",
      "customers/update",
      "customers/delete",
      "products/create",
      "products/update",
      "products/delete",
      "orders/create",
      "orders/updated",
      "orders/cancelled",
      "orders/delete",
      "refunds/create",
    ]);
    const eventIds = new Set(deliveries.filter((d) => handledTopics.has(d.topic)).map((d) => d.eventId));
    const events = await prisma.webhookEvent.findMany({ where: { shopId } });
    expect(events.length).toBe(eventIds.size);
    expect(new Set(events.map((e) => e.eventId))).toEqual(eventIds);
    expect(events.every((e) => e.processedAt !== null)).toBe(true);

    // Rollups agree with the raw rows: non-test orders counted per local day.
    const days = await prisma.insightsShopDay.aggregate({ where: { shopId }, _sum: { orders: true } });
    expect(days._sum.orders).toBe(expected.orders.filter((o) => !o.test).length);
    console.log(
      `convergence: changes ${JSON.stringify(done)}; ${deliveries.length} deliveries, ${deliveries.reduce((n, d) => n + d.duplicates, 0)} duplicated`,
    );
  }, 240_000);

  it("acknowledges a duplicate without recording it again, and applies a new event with an older payload as stale", async () => {
    const order = stack.sim.control.data(shop).orders[0]!;
    const body = stack.sim.control
      .webhookDeliveries({ shop, topic: "orders/updated" })
      .map((d) => d.body)
      .find((b) => (JSON.parse(b) as { id: number }).id === order.id)!;
    const send = (eventId: string) =>
      fetch(`${stack.app.url}/webhooks/orders/updated`, {
        method: "POST",
        headers: webhookHeaders({ topic: "orders/updated", shop, rawBody: body, eventId }),
        body,
      }).then(async (r) => ({ status: r.status, ...((await r.json()) as { outcome: string }) }));
    const eventId = `manual-${order.id}`;
    expect(await send(eventId)).toEqual({ status: 200, outcome: "queued" });
    expect(await send(eventId)).toEqual({ status: 200, outcome: "duplicate" });
    await webhooksApplied(prisma, shop);
    expect(await send(eventId)).toEqual({ status: 200, outcome: "duplicate" });
    // One row, applied once, and it changed nothing: the stored order is this version or newer.
    expect(await prisma.webhookEvent.findMany({ where: { shopId, eventId } })).toMatchObject([
      { outcome: "stale", payload: null },
    ]);
  });

  it("answers 401 to a forged webhook and records nothing", async () => {
    const rawBody = JSON.stringify({ id: 1, updated_at: "2030-01-01T00:00:00Z" });
    const before = await prisma.webhookEvent.count({ where: { shopId } });
    const response = await fetch(`${stack.app.url}/webhooks/orders/create`, {
      method: "POST",
      headers: webhookHeaders({ topic: "orders/create", shop, rawBody, secret: "forged-secret" }),
      body: rawBody,
    });
    expect(response.status).toBe(401);
    expect(await prisma.webhookEvent.count({ where: { shopId } })).toBe(before);
  });

  it("dead-letters a payload it cannot apply (visible in the sync status), and applies a redelivery of that event", async () => {
    const eventId = `broken-${Date.now()}`;
    const broken = JSON.stringify({ id: 4242, updated_at: "2030-01-01T00:00:00Z" }); // no money, no currency
    const first = await fetch(`${stack.app.url}/webhooks/orders/create`, {
      method: "POST",
      headers: webhookHeaders({ topic: "orders/create", shop, rawBody: broken, eventId }),
      body: broken,
    });
    // Recorded, so acknowledged; the worker cannot map it: no retry can help, dead at once.
    expect(first.status).toBe(200);
    await webhooksApplied(prisma, shop);
    const event = await prisma.webhookEvent.findUniqueOrThrow({ where: { shopId_eventId: { shopId, eventId } } });
    expect(event).toMatchObject({ processedAt: null, outcome: "failed" });
    expect(event.deadAt).not.toBeNull();
    expect(event.lastError).toMatch(/^MappingError /);
    const status = await webhookQueueStatus(prisma, shopId);
    expect(status).toMatchObject({ pending: 0, dead: 1 });

    // A redelivery of the same event (same id) is recorded again and applied.
    const customer = stack.sim.control.createCustomer(shop, { firstName: "Retry", email: "retry@example.com" });
    const body = stack.sim.control
      .webhookDeliveries({ shop, topic: "customers/create" })
      .map((d) => d.body)
      .find((b) => (JSON.parse(b) as { id: number }).id === customer.id)!;
    await stack.sim.control.webhooksIdle();
    await webhooksApplied(prisma, shop);
    await prisma.customer.delete({ where: { shopId_id: { shopId, id: BigInt(customer.id) } } });
    const retry = await fetch(`${stack.app.url}/webhooks/customers/create`, {
      method: "POST",
      headers: webhookHeaders({ topic: "customers/create", shop, rawBody: body, eventId }),
      body,
    });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ outcome: "queued" });
    await webhooksApplied(prisma, shop);
    expect(await prisma.customer.count({ where: { shopId, id: BigInt(customer.id) } })).toBe(1);
    expect(
      await prisma.webhookEvent.findUniqueOrThrow({ where: { shopId_eventId: { shopId, eventId } } }),
    ).toMatchObject({ outcome: "applied", deadAt: null, payload: null });
    expect((await webhookQueueStatus(prisma, shopId)).dead).toBe(0);
    expect(stack.app.output()).not.toContain("retry@example.com");
  });
});

describe("webhook replay to another tenant", () => {
  it("applies a few hundred real deliveries replayed one by one to a fresh shop, each acknowledged as queued with its handling time, then applied", async () => {
    // The simulator's recorded deliveries of this file's random run, in delivery order,
    // replayed to another tenant: creates and updates are applied with their rollups.
    // (How long handling takes is measured by the benchmarks, not asserted here.)
    const replayShop = uniqueShopDomain("replay");
    const replayShopId = (await prisma.shop.create({ data: { domain: replayShop, ianaTimezone: "America/New_York" } }))
      .id;
    const deliveries = stack.sim.control
      .webhookDeliveries({ shop })
      .filter((d) => !d.topic.startsWith("app/"))
      .slice(0, 300);
    expect(deliveries.length).toBeGreaterThanOrEqual(300);
    const outcomes: Record<string, number> = {};
    for (const d of deliveries) {
      const response = await fetch(`${stack.app.url}/webhooks/${d.topic}`, {
        method: "POST",
        headers: webhookHeaders({ topic: d.topic, shop: replayShop, rawBody: d.body }),
        body: d.body,
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ outcome: "queued" });
      // Server-Timing (https://www.w3.org/TR/server-timing/): one "webhook" metric with a duration.
      expect(response.headers.get("Server-Timing")).toMatch(/^webhook;dur=\d+(\.\d+)?$/);
    }
    await webhooksApplied(prisma, replayShop);
    for (const event of await prisma.webhookEvent.findMany({ where: { shopId: replayShopId } })) {
      expect(["applied", "stale", "ignored"]).toContain(event.outcome);
      outcomes[event.outcome!] = (outcomes[event.outcome!] ?? 0) + 1;
    }
    expect(outcomes.applied).toBeGreaterThan(200);
    expect(await prisma.order.count({ where: { shopId: replayShopId } })).toBeGreaterThan(0);
  }, 240_000);
});
