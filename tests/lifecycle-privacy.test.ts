// Lifecycle and privacy webhooks end to end: the simulator sends app/uninstalled,
// app/scopes_update, shop/update and the compliance topics to the built app; the
// tenant's data is kept, refreshed, redacted or deleted as Shopify requires, and the
// data-request export can be downloaded by its own shop only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma, uniqueShopDomain } from "./helpers/db";
import { sessionToken, webhookHeaders } from "./helpers/shopify-signing";
import { startStack, type Stack } from "./helpers/stack";
import { webhooksApplied } from "./helpers/webhook-queue";

const prisma = createTestPrisma();
let stack: Stack;
let shopA: string;
let shopB: string;

beforeAll(async () => {
  shopA = uniqueShopDomain("life-a");
  shopB = uniqueShopDomain("life-b");
  stack = await startStack({
    simulator: {
      shops: [
        { domain: shopA, size: "empty", ianaTimezone: "America/New_York" },
        { domain: shopB, size: "empty", ianaTimezone: "America/New_York" },
      ],
      install: true,
    },
  });
  for (const domain of [shopA, shopB]) {
    await prisma.shop.create({ data: { domain, ianaTimezone: "America/New_York", installedAt: new Date() } });
    // The offline session the install left behind (session-token requests find it).
    await prisma.session.create({
      data: {
        id: `offline_${domain}`,
        shop: domain,
        state: "installed",
        accessToken: "shpat_test",
        isOnline: false,
        scope: "read_orders",
      },
    });
  }
});
afterAll(async () => {
  await stack?.close();
  await prisma.$disconnect();
});

const control = () => stack.sim.control;

async function compliance(shop: string, topic: string, customerId?: number) {
  const response = await fetch(`${stack.sim.url}/_sim/shops/${shop}/compliance`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ topic, customerId }),
  });
  expect(response.status).toBe(200);
  await control().webhooksIdle();
}

/** A customer with two orders (one refunded), all delivered by webhook. */
async function customerWithOrders(shop: string, email: string) {
  const customer = control().createCustomer(shop, {
    firstName: "Grace",
    lastName: "Hopper",
    email,
    phone: "+15555550123",
    tags: ["vip"],
  });
  const product = control().createProduct(shop, { title: "Compiler", variants: [{ price: "99.00", sku: "CMP" }] });
  const orders = [0, 1].map(() =>
    control().createOrder(shop, {
      customerId: customer.id,
      lineItems: [{ variantId: product.variants[0]!.id, quantity: 2 }],
      shippingPrice: "5.00",
      taxRate: "0.1",
    }),
  );
  control().refundOrder(shop, orders[0]!.id, { lineItems: [{ lineItemId: orders[0]!.lineItems[0]!.id, quantity: 1 }] });
  await control().webhooksIdle();
  return { customer, orders };
}

async function shopRow(domain: string) {
  return prisma.shop.findUniqueOrThrow({ where: { domain } });
}

describe("privacy", () => {
  it("customers/data_request records an export of the customer's data, downloadable by its own shop only", async () => {
    const { customer, orders } = await customerWithOrders(shopA, "grace@example.com");
    await compliance(shopA, "customers/data_request", customer.id);
    const shop = await shopRow(shopA);
    const request = await prisma.customerDataRequest.findFirstOrThrow({
      where: { shopId: shop.id, customerId: BigInt(customer.id) },
    });

    const url = `${stack.app.url}/api/privacy/data-requests/${request.id}`;
    // A browser's user agent: the Shopify library answers 410 to bots.
    const asAdmin = async (shop: string) => ({
      Authorization: `Bearer ${await sessionToken({ shop })}`,
      "User-Agent": "Mozilla/5.0 (X11; Linux x86_64)",
    });
    const own = await fetch(url, { headers: await asAdmin(shopA) });
    expect(own.status).toBe(200);
    const exported = (await own.json()) as {
      customer: Record<string, unknown>;
      orders: Array<{ id: string; email: string; lineItems: unknown[]; refunds: unknown[] }>;
    };
    expect(exported.customer).toMatchObject({
      id: String(customer.id),
      firstName: "Grace",
      lastName: "Hopper",
      email: "grace@example.com",
      phone: "+15555550123",
    });
    expect(exported.orders.map((o) => o.id).sort()).toEqual(orders.map((o) => String(o.id)).sort());
    expect(exported.orders.every((o) => o.lineItems.length === 1)).toBe(true);
    expect(exported.orders.flatMap((o) => o.refunds)).toHaveLength(1);

    const otherShop = await fetch(url, { headers: await asAdmin(shopB) });
    expect(otherShop.status).toBe(404);
    expect((await fetch(url, { headers: { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64)" } })).status).toBe(401);
  });

  it("customers/redact erases the customer's personal data and their orders' email, keeps order totals, and stays erased", async () => {
    const { customer, orders } = await customerWithOrders(shopA, "ada@example.com");
    await compliance(shopA, "customers/data_request", customer.id);
    const shop = await shopRow(shopA);
    const totalsBefore = await prisma.order.findMany({
      where: { shopId: shop.id, customerId: BigInt(customer.id) },
      select: { id: true, totalPrice: true, totalRefunded: true },
    });
    const salesBefore = await prisma.insightsShopDay.aggregate({
      where: { shopId: shop.id },
      _sum: { orders: true, grossSales: true },
    });

    await compliance(shopA, "customers/redact", customer.id);
    const stored = await prisma.customer.findUniqueOrThrow({
      where: { shopId_id: { shopId: shop.id, id: BigInt(customer.id) } },
    });
    expect(stored).toMatchObject({ firstName: null, lastName: null, email: null, phone: null, tags: [] });
    expect(stored.redactedAt).not.toBeNull();
    const ordersAfter = await prisma.order.findMany({
      where: { shopId: shop.id, id: { in: orders.map((o) => BigInt(o.id)) } },
    });
    expect(ordersAfter.map((o) => o.email)).toEqual([null, null]);
    expect(
      await prisma.order.findMany({
        where: { shopId: shop.id, customerId: BigInt(customer.id) },
        select: { id: true, totalPrice: true, totalRefunded: true },
      }),
    ).toEqual(totalsBefore);
    expect(
      await prisma.insightsShopDay.aggregate({ where: { shopId: shop.id }, _sum: { orders: true, grossSales: true } }),
    ).toEqual(salesBefore);
    // The export held personal data too.
    expect(
      await prisma.customerDataRequest.count({ where: { shopId: shop.id, customerId: BigInt(customer.id) } }),
    ).toBe(0);

    // A later (or late, reordered) customers/update does not bring personal data back.
    control().updateCustomer(shopA, customer.id, { lastName: "Lovelace" });
    await control().webhooksIdle();
    const after = await prisma.customer.findUniqueOrThrow({
      where: { shopId_id: { shopId: shop.id, id: BigInt(customer.id) } },
    });
    expect(after).toMatchObject({ firstName: null, lastName: null, email: null, phone: null });
    const rows = JSON.stringify(
      await prisma.$queryRaw`SELECT c.*, o.email AS order_email FROM customer c LEFT JOIN "order" o ON o.shop_id = c.shop_id AND o.customer_id = c.id WHERE c.shop_id = ${shop.id} AND c.id = ${BigInt(customer.id)}`,
      (_, v) => (typeof v === "bigint" ? String(v) : v),
    );
    expect(rows).not.toMatch(/ada@example\.com|Ada|Lovelace|Hopper|5555550123/);
  });
});

describe("shop lifecycle", () => {
  it("shop/update refreshes the name and, on a time zone change, moves every rollup to the new local days", async () => {
    const shop = await shopRow(shopB);
    // 03:00 UTC on March 10 is March 9 in New York.
    const customer = control().createCustomer(shopB, { firstName: "Tz" });
    control().createOrder(shopB, {
      customerId: customer.id,
      lineItems: [{ title: "Thing", price: "10.00", quantity: 1 }],
      processedAt: "2026-03-10T03:00:00Z",
    });
    await control().webhooksIdle();
    const days = async () =>
      (await prisma.insightsShopDay.findMany({ where: { shopId: shop.id } })).map((d) =>
        d.localDate.toISOString().slice(0, 10),
      );
    expect(await days()).toEqual(["2026-03-09"]);

    const patched = await fetch(`${stack.sim.url}/_sim/shops/${shopB}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Renamed Store" }),
    });
    expect(patched.status).toBe(200);
    await control().webhooksIdle();
    expect((await shopRow(shopB)).name).toBe("Renamed Store");

    // The simulator cannot change a zone; Shopify's shop/update carries it like this.
    // Its id is the shop's own (learned from the simulator's shop/update above): a body naming
    // another shop id is refused (tests/reliability/webhook-abuse.test.ts).
    const shopifyId = (await shopRow(shopB)).shopifyId;
    expect(shopifyId).not.toBeNull();
    const body = JSON.stringify({
      id: Number(shopifyId),
      name: "Renamed Store",
      currency: "USD",
      iana_timezone: "Europe/Berlin",
      domain: shopB,
      myshopify_domain: shopB,
    });
    const response = await fetch(`${stack.app.url}/webhooks/shop/update`, {
      method: "POST",
      headers: webhookHeaders({ topic: "shop/update", shop: shopB, rawBody: body }),
      body,
    });
    expect(response.status).toBe(200);
    await webhooksApplied(prisma, shopB); // acknowledged once recorded, applied by a worker
    expect((await shopRow(shopB)).ianaTimezone).toBe("Europe/Berlin");
    expect(await days()).toEqual(["2026-03-10"]);
  });

  it("app/scopes_update records the granted scopes", async () => {
    control().install(shopB, { scopes: ["read_orders", "read_products"] });
    await control().webhooksIdle();
    expect((await shopRow(shopB)).grantedScopes).toBe("read_orders,read_products");
    control().install(shopB); // the app's full scopes again, for the tests below
    await control().webhooksIdle();
    expect((await shopRow(shopB)).grantedScopes.split(",").sort()).toEqual([
      "read_all_orders",
      "read_customers",
      "read_orders",
      "read_products",
    ]);
  });

  it("app/uninstalled deletes sessions, stops sync and keeps the data; shop/redact then deletes every row of the shop", async () => {
    const { customer } = await customerWithOrders(shopB, "bye@example.com");
    await compliance(shopB, "customers/data_request", customer.id);
    const shop = await shopRow(shopB);
    expect(await prisma.session.count({ where: { shop: shopB } })).toBe(1);
    await prisma.syncState.create({ data: { shopId: shop.id, resource: "orders", status: "idle" } });
    const ordersBefore = await prisma.order.count({ where: { shopId: shop.id } });

    control().uninstall(shopB);
    await control().webhooksIdle();
    expect(await prisma.session.count({ where: { shop: shopB } })).toBe(0);
    expect((await shopRow(shopB)).uninstalledAt).not.toBeNull();
    expect((await prisma.syncState.findMany({ where: { shopId: shop.id } })).map((s) => s.status)).toEqual(["stopped"]);
    expect(await prisma.order.count({ where: { shopId: shop.id } })).toBe(ordersBefore);

    await compliance(shopB, "shop/redact");
    const tables = await prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name::text AS table_name FROM information_schema.columns WHERE column_name = 'shop_id' AND table_schema = current_schema()`;
    expect(tables.length).toBeGreaterThan(10);
    for (const { table_name } of tables) {
      const [{ n }] = await prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table_name}" WHERE shop_id = $1`,
        shop.id,
      );
      expect(n, table_name).toBe(0);
    }
    expect(await prisma.shop.count({ where: { domain: shopB } })).toBe(0);
    expect(await prisma.session.count({ where: { shop: shopB } })).toBe(0);
    // Shop A is untouched.
    expect(await prisma.order.count({ where: { shop: { domain: shopA } } })).toBeGreaterThan(0);
  });
});
