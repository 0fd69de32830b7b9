// Shopify's own Admin API client pages through every customer, order and
// product of a generated store and gets exactly the store's records.
import type { ClientResponse } from "@shopify/admin-api-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index.js";
import type { ShopData } from "../src/store/types.js";
import { adminClient, cents, decimal, FIXED_ANCHOR, pageAll, startTestSimulator } from "./helpers.js";

interface MoneyBagJson {
  shopMoney: { amount: string; currencyCode: string };
  presentmentMoney: { amount: string; currencyCode: string };
}
interface OrderNode {
  id: string;
  name: string;
  processedAt: string;
  updatedAt: string;
  test: boolean;
  cancelledAt: string | null;
  currencyCode: string;
  presentmentCurrencyCode: string;
  customer: { id: string } | null;
  totalPriceSet: MoneyBagJson;
  subtotalPriceSet: MoneyBagJson;
  totalDiscountsSet: MoneyBagJson;
  totalTaxSet: MoneyBagJson;
  totalShippingPriceSet: MoneyBagJson;
  totalRefundedSet: MoneyBagJson;
  lineItems: {
    nodes: Array<{
      id: string;
      quantity: number;
      isGiftCard: boolean;
      sku: string | null;
      originalUnitPriceSet: MoneyBagJson;
      totalDiscountSet: MoneyBagJson;
    }>;
  };
  refunds: Array<{
    id: string;
    createdAt: string;
    refundLineItems: {
      nodes: Array<{
        quantity: number;
        subtotalSet: MoneyBagJson;
        totalTaxSet: MoneyBagJson;
        lineItem: { id: string };
      }>;
    };
    refundShippingLines: { nodes: Array<{ subtotalAmountSet: MoneyBagJson; taxAmountSet: MoneyBagJson }> };
  }>;
}

const BAG = "shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }";
const ORDER_SELECTION = `id name processedAt updatedAt test cancelledAt currencyCode presentmentCurrencyCode customer { id }
  totalPriceSet { ${BAG} } subtotalPriceSet { ${BAG} } totalDiscountsSet { ${BAG} } totalTaxSet { ${BAG} }
  totalShippingPriceSet { ${BAG} } totalRefundedSet { ${BAG} }
  lineItems(first: 10) { nodes { id quantity isGiftCard sku originalUnitPriceSet { ${BAG} } totalDiscountSet { ${BAG} } } }
  refunds { id createdAt refundLineItems(first: 10) { nodes { quantity subtotalSet { ${BAG} } totalTaxSet { ${BAG} } lineItem { id } } }
    refundShippingLines(first: 5) { nodes { subtotalAmountSet { ${BAG} } taxAmountSet { ${BAG} } } } }`;

describe("paging a generated store with @shopify/admin-api-client", () => {
  let sim: RunningSimulator;
  let shop: string;
  let token: string;
  let oracle: ShopData;

  beforeAll(async () => {
    // Plus plan: the bucket refills fast enough that paging never waits.
    // The simulator's clock runs from 10 days after the data's anchor, so the 60-day rule
    // sees the same orders whatever day the suite runs.
    const startedAt = Date.now();
    sim = await startTestSimulator({
      clock: () => FIXED_ANCHOR + 10 * 86_400_000 + (Date.now() - startedAt),
      shops: [{ seed: 11, size: "small", plan: "plus", anchor: FIXED_ANCHOR }],
    });
    shop = sim.shops[0]!.domain;
    token = sim.control.install(shop, {
      scopes: ["read_orders", "read_all_orders", "read_customers", "read_products"],
    }).accessToken;
    oracle = sim.control.data(shop);
  });
  afterAll(() => sim.close());

  it("returns every customer exactly once with the store's fields", async () => {
    const client = adminClient(sim, shop, token);
    const nodes = await pageAll<{
      id: string;
      email: string | null;
      firstName: string | null;
      createdAt: string;
      updatedAt: string;
      numberOfOrders: string;
    }>(client, "customers", "id email firstName createdAt updatedAt numberOfOrders", "", 250);
    expect(nodes.map((n) => n.id)).toEqual(oracle.customers.map((c) => `gid://shopify/Customer/${c.id}`));
    const byId = new Map(oracle.customers.map((c) => [`gid://shopify/Customer/${c.id}`, c]));
    for (const n of nodes) {
      const c = byId.get(n.id)!;
      expect(n).toMatchObject({
        email: c.email,
        firstName: c.firstName,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
      });
      const ordersOfCustomer = oracle.orders.filter((o) => o.customerId === c.id).length;
      expect(n.numberOfOrders).toBe(String(ordersOfCustomer));
    }
  });

  it("returns every product with its variants", async () => {
    const client = adminClient(sim, shop, token);
    const nodes = await pageAll<{
      id: string;
      handle: string;
      variants: { nodes: Array<{ id: string; price: string; sku: string | null }> };
    }>(
      client,
      "products",
      "id handle title status vendor productType variants(first: 10) { nodes { id price sku } }",
      "sortKey: TITLE",
      25,
    );
    expect(new Set(nodes.map((n) => n.id))).toEqual(
      new Set(oracle.products.map((p) => `gid://shopify/Product/${p.id}`)),
    );
    expect(nodes).toHaveLength(oracle.products.length);
    for (const n of nodes) {
      const p = oracle.products.find((x) => `gid://shopify/Product/${x.id}` === n.id)!;
      expect(n.handle).toBe(p.handle);
      expect(n.variants.nodes.map((v) => [v.id, v.price, v.sku])).toEqual(
        p.variants.map((v) => [`gid://shopify/ProductVariant/${v.id}`, v.price, v.sku]),
      );
    }
  });

  it("returns every order exactly once", async () => {
    const client = adminClient(sim, shop, token);
    const nodes = await pageAll<
      Pick<
        OrderNode,
        "id" | "name" | "processedAt" | "updatedAt" | "test" | "cancelledAt" | "presentmentCurrencyCode" | "customer"
      >
    >(
      client,
      "orders",
      "id name processedAt updatedAt test cancelledAt presentmentCurrencyCode customer { id }",
      "sortKey: ID",
      100,
    );
    expect(nodes.map((n) => n.id)).toEqual(oracle.orders.map((o) => `gid://shopify/Order/${o.id}`));
    for (const n of nodes) {
      const o = oracle.orders.find((x) => `gid://shopify/Order/${x.id}` === n.id)!;
      expect(n).toEqual({
        id: n.id,
        name: o.name,
        processedAt: o.processedAt,
        updatedAt: o.updatedAt,
        test: o.test,
        cancelledAt: o.cancelledAt,
        presentmentCurrencyCode: o.presentmentCurrencyCode,
        customer: o.customerId ? { id: `gid://shopify/Customer/${o.customerId}` } : null,
      });
    }
  });

  it("reports money bags that add up from the lines (refunded and discounted orders)", async () => {
    const client = adminClient(sim, shop, token);
    const interesting = oracle.orders
      .filter((o) => o.refunds.length > 0 || o.discountApplications.length > 0)
      .slice(0, 60);
    expect(interesting.some((o) => o.refunds.some((r) => r.refundShippingLines.length > 0))).toBe(true);
    expect(interesting.some((o) => o.presentmentCurrencyCode !== o.currencyCode)).toBe(true);
    const ids = interesting.map((o) => o.id);
    // Small pages: this selection costs ~210 points per order and a query may cost at most 1000.
    const nodes = await pageAll<OrderNode>(
      client,
      "orders",
      ORDER_SELECTION,
      `sortKey: ID, query: "${ids.map((id) => `id:${id}`).join(" OR ")}"`,
      4,
    );
    expect(nodes.map((n) => n.id)).toEqual(ids.map((id) => `gid://shopify/Order/${id}`));
    for (const n of nodes) {
      const o = interesting.find((x) => `gid://shopify/Order/${x.id}` === n.id)!;
      for (const side of ["shopMoney", "presentmentMoney"] as const) {
        const pick = side === "shopMoney" ? "shop" : "presentment";
        // Independent arithmetic in cents: subtotal = Σ unit×qty − discounts; total = subtotal + shipping + tax.
        const subtotal = o.lineItems.reduce(
          (s, l) => s + cents(l.originalUnitPrice[pick]) * l.quantity - cents(l.totalDiscount[pick]),
          0,
        );
        const discounts = o.lineItems.reduce((s, l) => s + cents(l.totalDiscount[pick]), 0);
        const tax =
          o.lineItems.reduce((s, l) => s + cents(l.tax[pick]), 0) +
          o.shippingLines.reduce((s, l) => s + cents(l.tax[pick]), 0);
        const shipping = o.shippingLines.reduce((s, l) => s + cents(l.price[pick]), 0);
        const refunded = o.refunds.reduce(
          (s, r) =>
            s +
            r.refundLineItems.reduce((a, x) => a + cents(x.subtotal[pick]) + cents(x.totalTax[pick]), 0) +
            r.refundShippingLines.reduce((a, x) => a + cents(x.subtotal[pick]) + cents(x.tax[pick]), 0),
          0,
        );
        expect(n.subtotalPriceSet[side].amount).toBe(decimal(subtotal));
        expect(n.totalDiscountsSet[side].amount).toBe(decimal(discounts));
        expect(n.totalTaxSet[side].amount).toBe(decimal(tax));
        expect(n.totalShippingPriceSet[side].amount).toBe(decimal(shipping));
        expect(n.totalPriceSet[side].amount).toBe(decimal(subtotal + shipping + tax));
        expect(n.totalRefundedSet[side].amount).toBe(decimal(refunded));
      }
      expect(n.totalPriceSet.shopMoney.currencyCode).toBe("USD");
      expect(n.totalPriceSet.presentmentMoney.currencyCode).toBe(o.presentmentCurrencyCode);
      expect(
        n.lineItems.nodes.map((l) => [
          l.id,
          l.quantity,
          l.isGiftCard,
          l.sku,
          l.originalUnitPriceSet.shopMoney.amount,
          l.totalDiscountSet.presentmentMoney.amount,
        ]),
      ).toEqual(
        // totalDiscountSet holds line-level discounts only (order-level codes are in discountAllocations).
        o.lineItems.map((l) => [
          `gid://shopify/LineItem/${l.id}`,
          l.quantity,
          l.isGiftCard,
          l.sku,
          decimal(cents(l.originalUnitPrice.shop)),
          decimal(
            l.discountAllocations
              .filter((a) => o.discountApplications[a.applicationIndex]!.level === "line")
              .reduce((s, a) => s + cents(a.amount.presentment), 0),
          ),
        ]),
      );
      expect(
        n.refunds.map((r) => [
          r.id,
          r.createdAt,
          r.refundLineItems.nodes.map((x) => [x.lineItem.id, x.quantity, x.subtotalSet.shopMoney.amount]),
        ]),
      ).toEqual(
        o.refunds.map((r) => [
          `gid://shopify/Refund/${r.id}`,
          r.createdAt,
          r.refundLineItems.map((x) => [
            `gid://shopify/LineItem/${x.lineItemId}`,
            x.quantity,
            decimal(cents(x.subtotal.shop)),
          ]),
        ]),
      );
    }
  });

  it("pages backwards with last/before to the same records", async () => {
    const client = adminClient(sim, shop, token);
    const out: string[] = [];
    let before: string | null = null;
    for (;;) {
      const res: ClientResponse<unknown> = await client.request(
        `query($before: String) { products(last: 7, before: $before) { nodes { id } pageInfo { hasPreviousPage startCursor } } }`,
        { variables: { before } },
      );
      const conn: { nodes: Array<{ id: string }>; pageInfo: { hasPreviousPage: boolean; startCursor: string } } = (
        res.data as {
          products: { nodes: Array<{ id: string }>; pageInfo: { hasPreviousPage: boolean; startCursor: string } };
        }
      ).products;
      out.unshift(...conn.nodes.map((n) => n.id));
      if (!conn.pageInfo.hasPreviousPage) break;
      before = conn.pageInfo.startCursor;
    }
    expect(out).toEqual(oracle.products.map((p) => `gid://shopify/Product/${p.id}`));
  });

  it("filters with the search syntax: updated_at ranges and id comparisons", async () => {
    const client = adminClient(sim, shop, token);
    const from = "2026-06-01T00:00:00Z";
    const to = "2026-08-01T00:00:00Z";
    const nodes = await pageAll<{ id: string }>(
      client,
      "orders",
      "id",
      `sortKey: UPDATED_AT, query: "updated_at:>='${from}' AND updated_at:<'${to}'"`,
      100,
    );
    const expected = oracle.orders
      .filter((o) => o.updatedAt >= from && o.updatedAt < to)
      .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : a.id - b.id))
      .map((o) => `gid://shopify/Order/${o.id}`);
    expect(expected.length).toBeGreaterThan(10);
    expect(nodes.map((n) => n.id)).toEqual(expected);

    const pivot = oracle.customers[Math.floor(oracle.customers.length / 2)]!.id;
    const after = await pageAll<{ id: string }>(client, "customers", "id", `query: "id:>${pivot}"`, 250);
    expect(after.map((n) => n.id)).toEqual(
      oracle.customers.filter((c) => c.id > pivot).map((c) => `gid://shopify/Customer/${c.id}`),
    );
  });

  it("pages a processed_at range newest first, and an id range in reverse", async () => {
    const client = adminClient(sim, shop, token);
    const from = "2025-11-01T00:00:00Z";
    const to = "2026-02-01T00:00:00Z";
    const nodes = await pageAll<{ id: string }>(
      client,
      "orders",
      "id",
      `reverse: true, query: "processed_at:>='${from}' processed_at:<='${to}'"`,
      50,
    );
    const expected = oracle.orders
      .filter((o) => o.processedAt >= from && o.processedAt <= to)
      .sort((a, b) => (a.processedAt < b.processedAt ? 1 : a.processedAt > b.processedAt ? -1 : b.id - a.id))
      .map((o) => `gid://shopify/Order/${o.id}`);
    expect(expected.length).toBeGreaterThan(100); // Black Friday season: several pages
    expect(nodes.map((n) => n.id)).toEqual(expected);

    const lo = oracle.customers[100]!.id;
    const hi = oracle.customers[180]!.id;
    const customers = await pageAll<{ id: string }>(
      client,
      "customers",
      "id",
      `reverse: true, query: "id:>=${lo} AND id:<${hi}"`,
      30,
    );
    expect(customers.map((c) => c.id)).toEqual(
      oracle.customers
        .slice(100, 180)
        .reverse()
        .map((c) => `gid://shopify/Customer/${c.id}`),
    );
  });

  it("sorts by total price", async () => {
    const client = adminClient(sim, shop, token);
    const res = await client.request(`{ orders(first: 10, sortKey: TOTAL_PRICE, reverse: true) { nodes { id } } }`);
    const total = (o: ShopData["orders"][number]) =>
      o.lineItems.reduce(
        (s, l) => s + cents(l.originalUnitPrice.shop) * l.quantity - cents(l.totalDiscount.shop) + cents(l.tax.shop),
        0,
      ) + o.shippingLines.reduce((s, l) => s + cents(l.price.shop) + cents(l.tax.shop), 0);
    const expected = [...oracle.orders]
      .sort((a, b) => total(b) - total(a) || b.id - a.id)
      .slice(0, 10)
      .map((o) => `gid://shopify/Order/${o.id}`);
    expect((res.data as { orders: { nodes: Array<{ id: string }> } }).orders.nodes.map((n) => n.id)).toEqual(expected);
  });

  it("sorts by processed_at in reverse", async () => {
    const client = adminClient(sim, shop, token);
    const res = await client.request(`{ orders(first: 5, reverse: true) { nodes { id processedAt } } }`);
    const expected = [...oracle.orders]
      .sort((a, b) => (a.processedAt < b.processedAt ? 1 : a.processedAt > b.processedAt ? -1 : b.id - a.id))
      .slice(0, 5)
      .map((o) => `gid://shopify/Order/${o.id}`);
    expect((res.data as { orders: { nodes: Array<{ id: string }> } }).orders.nodes.map((n) => n.id)).toEqual(expected);
  });

  it("hides orders created more than 60 days ago without read_all_orders (an imported order created recently stays visible)", async () => {
    // An order imported now with a processedAt a year back: the window runs on createdAt.
    const imported = sim.control.createOrder(shop, {
      lineItems: [{ title: "Imported", price: "3.00", quantity: 1 }],
      processedAt: new Date(FIXED_ANCHOR - 365 * 86_400_000).toISOString(),
    });
    const limited = sim.control.install(shop, {
      scopes: ["read_orders", "read_customers", "read_products"],
    }).accessToken;
    const client = adminClient(sim, shop, limited);
    const nodes = await pageAll<{ id: string }>(client, "orders", "id", "sortKey: ID", 250);
    const cutoff = FIXED_ANCHOR + 10 * 86_400_000 - 60 * 86_400_000;
    const expected = [...oracle.orders, imported]
      .filter((o) => Date.parse(o.createdAt) >= cutoff)
      .map((o) => `gid://shopify/Order/${o.id}`);
    expect(nodes.map((n) => n.id)).toEqual(expected);
    expect(expected).toContain(`gid://shopify/Order/${imported.id}`);
    expect(expected.length).toBeLessThan(oracle.orders.length);
    const old = oracle.orders.find((o) => Date.parse(o.createdAt) < cutoff)!;
    const single = await client.request(`query($id: ID!) { order(id: $id) { id } }`, {
      variables: { id: `gid://shopify/Order/${old.id}` },
    });
    expect((single.data as { order: unknown }).order).toBeNull();
    sim.control.deleteOrder(shop, imported.id);
    // Restore the full grant for other tests.
    sim.control.install(shop, { scopes: ["read_orders", "read_all_orders", "read_customers", "read_products"] });
  });

  it("looks records up through node, nodes and the single-record fields", async () => {
    const client = adminClient(sim, shop, token);
    const o = oracle.orders[3]!;
    const c = oracle.customers[2]!;
    const p = oracle.products[1]!;
    const res = await client.request(
      `query($o: ID!, $c: ID!, $p: ID!) {
        node(id: $o) { id ... on Order { name } }
        nodes(ids: [$c, $p]) { id ... on Customer { email } ... on Product { handle } }
        order(id: $o) { name } customer(id: $c) { email } product(id: $p) { handle }
      }`,
      {
        variables: {
          o: `gid://shopify/Order/${o.id}`,
          c: `gid://shopify/Customer/${c.id}`,
          p: `gid://shopify/Product/${p.id}`,
        },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      node: { id: `gid://shopify/Order/${o.id}`, name: o.name },
      nodes: [
        { id: `gid://shopify/Customer/${c.id}`, email: c.email },
        { id: `gid://shopify/Product/${p.id}`, handle: p.handle },
      ],
      order: { name: o.name },
      customer: { email: c.email },
      product: { handle: p.handle },
    });
  });
});
