// The control API over HTTP: create a shop from the example fixture, install,
// change data, and read it back through both the oracle and the Admin API.
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index.js";
import { adminClient, startTestSimulator } from "./helpers.js";

const FIXTURE = JSON.parse(
  readFileSync(fileURLToPath(new URL("../fixtures/example-store.json", import.meta.url)), "utf8"),
);
const BAG = "shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }";

describe("control API", () => {
  let sim: RunningSimulator;
  const SHOP = "fixture-demo.myshopify.com";

  beforeAll(async () => {
    sim = await startTestSimulator({ shops: [] });
  });
  afterAll(() => sim.close());

  async function call(method: string, path: string, body?: unknown) {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  it("answers health", async () => {
    expect(await call("GET", "/_sim/health")).toEqual({ status: 200, body: { ok: true, shops: [] } });
  });

  it("creates a shop from a fixture, installs the app and serves the fixture's exact numbers", async () => {
    const created = await call("POST", "/_sim/shops", { fixture: FIXTURE });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      domain: SHOP,
      plan: "advanced",
      counts: { customers: 2, products: 2, orders: 3 },
    });
    const bad = await call("POST", "/_sim/shops", { fixture: { shop: { domain: "x" } } });
    expect(bad.status).toBe(422);
    expect(bad.body.problems.join("\n")).toContain("/shop/domain");

    const install = await call("POST", "/_sim/shops/fixture-demo/install", {
      scopes: ["read_orders", "read_all_orders", "read_customers", "read_products"],
    });
    expect(install.status).toBe(200);
    expect(install.body.access_token).toMatch(/^shpua_/);
    const client = adminClient(sim, SHOP, install.body.access_token);
    const res = await client.request(
      `{ shop { name plan { displayName shopifyPlus } currencyCode ianaTimezone }
         order(id: "gid://shopify/Order/5000000000001") {
           name subtotalPriceSet { ${BAG} } totalDiscountsSet { ${BAG} } totalTaxSet { ${BAG} } totalShippingPriceSet { ${BAG} }
           totalPriceSet { ${BAG} } totalRefundedSet { ${BAG} } displayFinancialStatus
           customer { displayName numberOfOrders amountSpent { amount currencyCode } }
           refunds { refundShippingLines(first: 1) { nodes { subtotalAmountSet { shopMoney { amount } } taxAmountSet { shopMoney { amount } } } } }
         }
         eur: order(id: "gid://shopify/Order/5000000000002") { customer { id } totalPriceSet { ${BAG} } }
         alan: customer(id: "gid://shopify/Customer/7000000000002") { numberOfOrders amountSpent { amount } } }`,
    );
    expect(res.errors).toBeUndefined();
    const usd = (amount: string) => ({
      shopMoney: { amount, currencyCode: "USD" },
      presentmentMoney: { amount, currencyCode: "USD" },
    });
    // MoneyV2.amount is Shopify's Decimal: "90.0", not "90.00" (recordings, e.g. 2025-01/orders/order-create-line-item-fields.json).
    // Hand-computed from the fixture: lines 2×25.00 − 10.00 + 50.00 (gift card) = 90.00; tax 3.20 + 0.40; shipping 5.00.
    expect(res.data).toEqual({
      shop: {
        name: "Fixture Demo",
        plan: { displayName: "Advanced", shopifyPlus: false },
        currencyCode: "USD",
        ianaTimezone: "America/New_York",
      },
      order: {
        name: "#1001",
        subtotalPriceSet: usd("90.0"),
        totalDiscountsSet: usd("10.0"),
        totalTaxSet: usd("3.6"),
        totalShippingPriceSet: usd("5.0"),
        totalPriceSet: usd("98.6"),
        totalRefundedSet: usd("27.0"),
        displayFinancialStatus: "PARTIALLY_REFUNDED",
        customer: {
          displayName: "Ada Lovelace",
          numberOfOrders: "1",
          amountSpent: { amount: "71.6", currencyCode: "USD" },
        },
        refunds: [
          {
            refundShippingLines: {
              nodes: [
                { subtotalAmountSet: { shopMoney: { amount: "5.0" } }, taxAmountSet: { shopMoney: { amount: "0.4" } } },
              ],
            },
          },
        ],
      },
      eur: {
        customer: null,
        totalPriceSet: {
          shopMoney: { amount: "25.0", currencyCode: "USD" },
          presentmentMoney: { amount: "23.0", currencyCode: "EUR" },
        },
      },
      alan: { numberOfOrders: "1", amountSpent: { amount: "0.0" } },
    });
  });

  it("creates, edits, refunds and cancels orders, bumping updatedAt each time", async () => {
    const created = await call("POST", "/_sim/shops/fixture-demo/orders", {
      customerId: 7000000000002,
      lineItems: [
        { variantId: 4000000000001, quantity: 2 },
        { title: "Sticker", price: "2.50", quantity: 4 },
      ],
      orderDiscount: { code: "TEN", amount: "10.00" },
      shippingPrice: "4.00",
      taxRate: "0.05",
    });
    expect(created.status).toBe(201);
    const order = created.body;
    expect(order.name).toBe("#1004");
    // Discount 10.00 split by line value 50.00 : 10.00 → 8.33 + 1.66 rounded down, the remaining cent to the
    // first line ("allocated one at a time, starting with the first line item", Sale, 2026-10 schema): 8.34 + 1.66.
    expect(order.lineItems.map((l: any) => l.totalDiscount.shop)).toEqual(["8.34", "1.66"]);
    const edited = await call("PATCH", `/_sim/shops/fixture-demo/orders/${order.id}`, { tags: ["gift"] });
    expect(edited.body.updatedAt > order.updatedAt).toBe(true);
    const refund = await call("POST", `/_sim/shops/fixture-demo/orders/${order.id}/refunds`, {
      lineItems: [{ lineItemId: order.lineItems[1].id, quantity: 2 }],
      shipping: { amount: "2.00" },
    });
    expect(refund.status).toBe(201);
    expect(refund.body.order.updatedAt > edited.body.updatedAt).toBe(true);
    // 2 of 4 stickers: (10.00 − 1.66) / 2 = 4.17; shipping 2.00 of 4.00 with half its tax 0.20 → 0.10.
    expect(refund.body.refund.refundLineItems[0].subtotal.shop).toBe("4.17");
    expect(refund.body.refund.refundShippingLines[0]).toMatchObject({
      subtotal: { shop: "2.00" },
      tax: { shop: "0.10" },
    });
    const tooMuch = await call("POST", `/_sim/shops/fixture-demo/orders/${order.id}/refunds`, {
      lineItems: [{ lineItemId: order.lineItems[1].id, quantity: 3 }],
    });
    expect(tooMuch.status).toBe(422);
    const cancelled = await call("POST", `/_sim/shops/fixture-demo/orders/${order.id}/cancel`, { reason: "FRAUD" });
    expect(cancelled.body.cancelReason).toBe("FRAUD");
    expect(cancelled.body.refunds).toHaveLength(2);
    const data = await call("GET", "/_sim/shops/fixture-demo/data");
    expect(data.body.orders.find((o: any) => o.id === order.id).cancelledAt).toBe(cancelled.body.cancelledAt);
    expect((await call("DELETE", `/_sim/shops/fixture-demo/orders/${order.id}`)).status).toBe(200);
    expect((await call("GET", "/_sim/shops/fixture-demo/data")).body.orders).toHaveLength(3);
  });

  it("keeps sorted listings right while records change", async () => {
    const { access_token } = (await call("POST", "/_sim/shops/fixture-demo/install", {})).body;
    const client = adminClient(sim, SHOP, access_token);
    const listing = async () => {
      const r = await client.request(
        `{ orders(first: 50, sortKey: UPDATED_AT, reverse: true) { nodes { id updatedAt } } products(first: 50, sortKey: TITLE) { nodes { title } } }`,
      );
      return r.data as {
        orders: { nodes: Array<{ id: string; updatedAt: string }> };
        products: { nodes: Array<{ title: string }> };
      };
    };
    await listing(); // builds the sorted views; the changes below must keep them in order
    const made: number[] = [];
    for (let i = 0; i < 3; i++)
      made.push(
        (
          await call("POST", "/_sim/shops/fixture-demo/orders", {
            lineItems: [{ title: `Thing ${i}`, price: "1.00", quantity: 1 }],
          })
        ).body.id,
      );
    await call("PATCH", `/_sim/shops/fixture-demo/orders/${made[0]}`, { tags: ["touched"] });
    await call("POST", "/_sim/shops/fixture-demo/products", { title: "Aardvark Plush", variants: [{ price: "9.00" }] });
    await call("PATCH", "/_sim/shops/fixture-demo/products/8000000000002", { title: "Zebra Gift Card" });
    await call("DELETE", `/_sim/shops/fixture-demo/orders/${made[1]}`);
    const data = (await call("GET", "/_sim/shops/fixture-demo/data")).body as {
      orders: Array<{ id: number; updatedAt: string }>;
      products: Array<{ title: string }>;
    };
    const expectedOrders = [...data.orders]
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : b.id - a.id))
      .map((o) => `gid://shopify/Order/${o.id}`);
    const got = await listing();
    expect(got.orders.nodes.map((n) => n.id)).toEqual(expectedOrders);
    // The touched order is among the newest (creation and edit may share a millisecond).
    const touched = data.orders.find((o) => o.id === made[0])!;
    expect(got.orders.nodes[0]!.updatedAt).toBe(touched.updatedAt);
    expect(got.products.nodes.map((n) => n.title)).toEqual(
      data.products.map((p) => p.title).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    for (const id of [made[0], made[2]]) await call("DELETE", `/_sim/shops/fixture-demo/orders/${id}`);
  });

  it("manages customers and products and sets fault knobs", async () => {
    const c = await call("POST", "/_sim/shops/fixture-demo/customers", {
      firstName: "Edsger",
      email: "ed@example.com",
    });
    expect(c.status).toBe(201);
    const u = await call("PATCH", `/_sim/shops/fixture-demo/customers/${c.body.id}`, { lastName: "Dijkstra" });
    expect(u.body).toMatchObject({ firstName: "Edsger", lastName: "Dijkstra" });
    expect((await call("DELETE", `/_sim/shops/fixture-demo/customers/${c.body.id}`)).status).toBe(200);
    expect((await call("DELETE", "/_sim/shops/fixture-demo/customers/7000000000001")).status).toBe(422); // has orders
    const p = await call("POST", "/_sim/shops/fixture-demo/products", {
      title: "Punch Card",
      variants: [{ price: "3" }],
    });
    expect(p.body).toMatchObject({ handle: "punch-card", variants: [{ price: "3.00", title: "Default Title" }] });
    expect(
      (await call("PATCH", `/_sim/shops/fixture-demo/products/${p.body.id}`, { status: "ARCHIVED" })).body.status,
    ).toBe("ARCHIVED");
    expect((await call("DELETE", `/_sim/shops/fixture-demo/products/${p.body.id}`)).status).toBe(200);
    const knobs = await call("PUT", "/_sim/shops/fixture-demo/faults", { webhookDropRate: 0.25, seed: 3 });
    expect(knobs.body).toMatchObject({ webhookDropRate: 0.25, seed: 3, adminApiErrorRate: 0 });
    expect((await call("GET", "/_sim/shops/nope/faults")).status).toBe(404);
  });
});
