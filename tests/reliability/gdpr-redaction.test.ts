// customers/redact, end to end, when the redaction comes before the data: the simulator
// sends the compliance webhook to the built app while the app holds none of the
// customer's orders yet (no backfill, webhooks lost). The orders then arrive by every
// write path — bulk backfill, incremental sync, webhooks to a restarted app process —
// and must arrive erased: no email, no refund note. Stored orders' refund notes are
// erased at once. Other customers' data is the control: it keeps its email and notes.
//
// Expectations come from the simulator's own data (which orders are the customer's or
// carry their email), not from what the app wrote.
import path from "node:path";
import getPort from "get-port";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../simulator/src/index";
import { startApp, type RunningApp } from "../helpers/app-server";
import { uniqueShopDomain } from "../helpers/db";
import { TEST_APP } from "../helpers/test-app";
import { idleIncludesAppliedWebhooks } from "../helpers/webhook-queue";
import { createSyncTestPrisma, engineContext } from "../sync-support";
import { recordShopInstall } from "~/sync/install";
import { createSyncScheduler } from "~/sync/scheduler";
import { runShopPass } from "~/sync/shop-sync";

const prisma = createSyncTestPrisma();
const shop = uniqueShopDomain("tomb");
let sim: RunningSimulator;
let app: RunningApp;
let appEnv: Record<string, string>;
let appPort: number;
let tokens: Map<string, string>;
let shopId: number;
let queue: { close(): Promise<void> } | undefined;

beforeAll(async () => {
  appPort = await getPort({ host: "127.0.0.1" });
  const appUrl = `http://127.0.0.1:${appPort}`;
  sim = await startSimulator({
    port: 0,
    appToml: path.resolve(__dirname, "../../shopify.app.toml"),
    bulk: { objectsPerSecond: 200_000 },
    // A fixed anchor: the generated history (which of the other orders carry refund notes,
    // the control below) must not depend on the day the test runs.
    shops: [
      {
        domain: shop,
        seed: 61,
        size: { orders: 40, customers: 12, products: 4, days: 30 },
        anchor: Date.UTC(2026, 11, 1),
      },
    ],
    app: { apiKey: TEST_APP.apiKey, apiSecret: TEST_APP.apiSecret, appUrl, scopes: TEST_APP.scopes.split(",") },
  });
  appEnv = { SHOPIFY_SIMULATOR_URL: sim.url, SHOPIFY_APP_URL: appUrl };
  app = await startApp(appEnv, { port: appPort });
  queue = idleIncludesAppliedWebhooks(sim, inject("databaseUrl"));
  const { accessToken, scope } = sim.control.install(shop);
  tokens = new Map([[shop, accessToken]]);
  // The tenant row only: nothing synced yet (the install's pass is the test's to run).
  shopId = (await recordShopInstall(prisma, shop, scope)).id;
});
afterAll(async () => {
  await app?.stop();
  await sim?.close();
  await queue?.close();
  await prisma.$disconnect();
});

const control = () => sim.control;
const engine = () => engineContext(prisma, sim, tokens, { workerId: "gdpr" }).ctx;

async function compliance(topic: string, customerId: number) {
  const response = await fetch(`${sim.url}/_sim/shops/${shop}/compliance`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ topic, customerId }),
  });
  expect(response.status).toBe(200);
  await control().webhooksIdle();
}

/** Webhooks to the app are lost while `fn` runs (the app learns of it only by syncing). */
async function withoutWebhooks<T>(fn: () => T): Promise<T> {
  control().setFaults(shop, { webhookDropRate: 1 });
  try {
    return fn();
  } finally {
    await control().webhooksIdle();
    control().setFaults(shop, { webhookDropRate: 0 });
  }
}

function sell(customerId: number | null, email: string) {
  const order = control().createOrder(shop, {
    customerId,
    email,
    lineItems: [{ title: "Notebook", price: "20.00", quantity: 2 }],
  });
  control().refundOrder(shop, order.id, {
    lineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }],
    note: `Refund for ${email}: parcel left at the back door`,
  });
  return order;
}

async function storedOrders(ids: number[]) {
  return prisma.order.findMany({
    where: { shopId, id: { in: ids.map(BigInt) } },
    include: { refunds: true },
  });
}

function expectErased(orders: Awaited<ReturnType<typeof storedOrders>>, ids: number[]) {
  expect(orders.map((o) => Number(o.id)).sort()).toEqual([...ids].sort());
  for (const order of orders) {
    expect(order.email, `order ${order.id}`).toBeNull();
    expect(order.redactedAt, `order ${order.id}`).not.toBeNull();
    expect(order.refunds.length, `order ${order.id} refunds`).toBeGreaterThan(0);
    for (const refund of order.refunds) expect(refund.note, `refund ${refund.id}`).toBeNull();
  }
}

/** The simulator's orders that belong to the customer or carry their email. */
function ordersOf(customerId: number, email: string): number[] {
  return control()
    .data(shop)
    .orders.filter((o) => o.customerId === customerId || o.email?.toLowerCase() === email.toLowerCase())
    .map((o) => o.id);
}

const email = "ada.redacted@example.com";
let customerId: number;

describe(`customers/redact tombstones (${inject("databaseKind")})`, () => {
  it("orders the app does not hold yet arrive erased through the bulk backfill", async () => {
    // The customer, their orders and a guest checkout with their email — all in Shopify,
    // none delivered to the app.
    const guest = await withoutWebhooks(() => {
      const customer = control().createCustomer(shop, { firstName: "Ada", lastName: "Lovelace", email });
      customerId = customer.id;
      sell(customer.id, email);
      sell(customer.id, email);
      return sell(null, email);
    });
    expect(await prisma.order.count({ where: { shopId } })).toBe(0);

    await compliance("customers/redact", customerId);

    const pass = await runShopPass(engine(), shop, { trigger: "install" });
    expect(pass.status).toBe("succeeded");

    const expected = ordersOf(customerId, email);
    expect(expected).toContain(guest.id);
    expectErased(await storedOrders(expected), expected);
    const customer = await prisma.customer.findUniqueOrThrow({
      where: { shopId_id: { shopId, id: BigInt(customerId) } },
    });
    expect([customer.firstName, customer.lastName, customer.email]).toEqual([null, null, null]);

    // Control: everyone else's orders keep their emails and refund notes.
    const others = control()
      .data(shop)
      .orders.filter((o) => !expected.includes(o.id));
    const othersStored = await storedOrders(others.map((o) => o.id));
    expect(othersStored.filter((o) => o.email !== null).length).toBe(others.filter((o) => o.email !== null).length);
    const notes = others.flatMap((o) => o.refunds.map((r) => r.note)).filter((n) => n !== null);
    expect(notes.length).toBeGreaterThan(0);
    expect(
      othersStored
        .flatMap((o) => o.refunds.map((r) => r.note))
        .filter((n) => n !== null)
        .sort(),
    ).toEqual([...notes].sort());
  }, 180_000);

  it("an order with their email that the app missed arrives erased through the incremental sync", async () => {
    const missed = await withoutWebhooks(() => sell(null, email.toUpperCase()));
    expect(await storedOrders([missed.id])).toHaveLength(0);
    const pass = await runShopPass(engine(), shop, { trigger: "scheduled" });
    expect(pass.status).toBe("succeeded");
    expectErased(await storedOrders([missed.id]), [missed.id]);
  }, 180_000);

  it("after an app restart, orders arriving by webhook (create, refund, edit) arrive erased", async () => {
    // The tombstone is in the database, not in the process that received the redaction.
    await app.stop();
    app = await startApp(appEnv, { port: appPort });

    const seen = new Set(
      control()
        .webhookDeliveries({ shop })
        .map((d) => d.webhookId),
    );
    const guest = sell(null, email);
    const theirs = control().createOrder(shop, {
      customerId,
      email,
      lineItems: [{ title: "Pen", price: "4.00", quantity: 3 }],
    });
    await control().webhooksIdle();
    control().refundOrder(shop, theirs.id, {
      lineItems: [{ lineItemId: theirs.lineItems[0]!.id, quantity: 1 }],
      note: "Customer asked to ship the rest to their office",
    });
    control().editOrder(shop, guest.id, { tags: ["edited"] });
    await control().webhooksIdle();
    const delivered = control()
      .webhookDeliveries({ shop })
      .filter((d) => !seen.has(d.webhookId) && d.state === "delivered")
      .map((d) => d.topic);
    expect(delivered).toEqual(expect.arrayContaining(["orders/create", "refunds/create", "orders/updated"]));
    expectErased(await storedOrders([guest.id, theirs.id]), [guest.id, theirs.id]);
  }, 180_000);

  it("customers/redact erases the refund notes of the orders the app already holds", async () => {
    const other = "grace.stored@example.com";
    const customer = control().createCustomer(shop, { firstName: "Grace", lastName: "Hopper", email: other });
    const orders = [sell(customer.id, other), sell(customer.id, other)];
    await control().webhooksIdle();
    const before = await storedOrders(orders.map((o) => o.id));
    expect(before.flatMap((o) => o.refunds.map((r) => r.note)).every((n) => n !== null)).toBe(true);

    await compliance("customers/redact", customer.id);
    expectErased(
      await storedOrders(orders.map((o) => o.id)),
      orders.map((o) => o.id),
    );
  }, 180_000);

  it("a data-request export past its retention is deleted by the next sync tick, a current one stays", async () => {
    const customer = control().createCustomer(shop, {
      firstName: "Alan",
      lastName: "Turing",
      email: "alan@example.com",
    });
    await control().webhooksIdle();
    await compliance("customers/data_request", customer.id);
    await compliance("customers/data_request", customer.id);
    const requests = await prisma.customerDataRequest.findMany({
      where: { shopId, customerId: BigInt(customer.id) },
      orderBy: { id: "asc" },
    });
    expect(requests).toHaveLength(2);
    const [expired, current] = requests;
    await prisma.customerDataRequest.update({
      where: { id: expired!.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const cron = createSyncScheduler(engine(), { spreadMs: 0, onlyShops: [shop] });
    await cron.tick();
    await cron.stop();
    const left = await prisma.customerDataRequest.findMany({ where: { id: { in: [expired!.id, current!.id] } } });
    expect(left.map((r) => r.id)).toEqual([current!.id]);
  }, 180_000);
});
