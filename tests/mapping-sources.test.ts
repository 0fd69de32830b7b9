// One mapping for both sources: the same order/customer/product read from the
// simulator's Admin GraphQL API (with the sync engine's own fragments) and taken from
// the simulator's webhook deliveries maps to identical records. Both shapes are real
// (the simulator builds them); nothing here is hand-written JSON except the unit cases.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../simulator/src/index";
import {
  collection,
  customerFromGraphql,
  customerFromWebhook,
  decimalString,
  MappingError,
  orderFromGraphql,
  orderFromWebhook,
  parseShopifyId,
  productFromGraphql,
  productFromWebhook,
  refundFromWebhook,
} from "~/sync/mapping";
import {
  CUSTOMER_FIELDS,
  LINE_ITEM_FIELDS,
  ORDER_FIELDS,
  PRODUCT_FIELDS,
  REFUND_FIELDS,
  REFUND_LINE_ITEM_FIELDS,
  REFUND_SHIPPING_LINE_FIELDS,
  VARIANT_FIELDS,
} from "~/sync/queries";
import { TEST_APP } from "./helpers/test-app";

const ORDER_QUERY = `
query MappingOrder($id: ID!) {
  order(id: $id) {
    ...OrderFields
    lineItems(first: 20) { nodes { ...LineItemFields } }
    refunds(first: 3) {
      ...RefundFields
      refundLineItems(first: 10) { nodes { ...RefundLineItemFields } }
      refundShippingLines(first: 2) { nodes { ...RefundShippingLineFields } }
    }
  }
}
${ORDER_FIELDS}${LINE_ITEM_FIELDS}${REFUND_FIELDS}${REFUND_LINE_ITEM_FIELDS}${REFUND_SHIPPING_LINE_FIELDS}`;

const CUSTOMER_QUERY = `query MappingCustomer($id: ID!) { customer(id: $id) { ...CustomerFields } } ${CUSTOMER_FIELDS}`;
const PRODUCT_QUERY = `
query MappingProduct($id: ID!) {
  product(id: $id) { ...ProductFields variants(first: 100) { edges { node { ...VariantFields } } } }
}
${PRODUCT_FIELDS}${VARIANT_FIELDS}`;

let sim: RunningSimulator;
let shop: string;
let accessToken: string;

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    seed: 11,
    size: "small",
    appToml: path.resolve(__dirname, "../shopify.app.toml"),
    // Deliveries are recorded (with their bodies) before they are sent; nobody listens here.
    app: {
      apiKey: TEST_APP.apiKey,
      apiSecret: TEST_APP.apiSecret,
      appUrl: "http://127.0.0.1:9",
      scopes: TEST_APP.scopes.split(","),
    },
    webhooks: { maxAttempts: 1, timeoutMs: 500, retryBaseMs: 10 },
  });
  shop = sim.shops[0]!.domain;
  accessToken = sim.control.install(shop).accessToken;
});
afterAll(async () => {
  await sim?.close();
});

async function graphql(query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(sim.graphqlUrl("2026-10"), {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": accessToken },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The body of the latest delivery of `topic` about record `id`. */
function lastWebhookBody(topic: string, id: number): unknown {
  const bodies = sim.control
    .webhookDeliveries({ shop, topic })
    .map((d) => JSON.parse(d.body) as { id: number })
    .filter((body) => body.id === id);
  expect(bodies.length, `${topic} for ${id}`).toBeGreaterThan(0);
  return bodies.at(-1);
}

describe("mapping: GraphQL node and webhook payload give the same records", () => {
  it("orders: discounts, gift cards, presentment currencies, refunds with and without shipping", async () => {
    const data = sim.control.data(shop);
    const open = data.orders.filter((o) => !o.cancelledAt);
    const pick = (predicate: (o: (typeof open)[number]) => boolean) => open.filter(predicate).slice(0, 8);
    const chosen = new Map(
      [
        ...pick((o) => o.refunds.some((r) => r.refundShippingLines.length > 0)),
        ...pick((o) => o.refunds.length > 0),
        ...pick((o) => o.lineItems.some((l) => l.isGiftCard)),
        ...pick((o) => o.presentmentCurrencyCode !== o.currencyCode),
        ...pick((o) => o.discountApplications.length > 0),
        ...pick((o) => o.customerId === null),
      ].map((o) => [o.id, o]),
    );
    expect(chosen.size).toBeGreaterThan(20);
    // An order created now and refunded with shipping (refunds/create too).
    const customer = data.customers[0]!;
    const variant = data.products.find((p) => !p.isGiftCard)!.variants[0]!;
    const created = sim.control.createOrder(shop, {
      customerId: customer.id,
      lineItems: [
        { variantId: variant.id, quantity: 3, discount: "2.50" },
        { title: "Gift card", price: "50.00", quantity: 1, isGiftCard: true },
      ],
      orderDiscount: { code: "TEN", amount: "10.00" },
      shippingPrice: "7.95",
      taxRate: "0.0875",
      presentmentCurrencyCode: "EUR",
      exchangeRate: "0.9213",
    });
    const { refund } = sim.control.refundOrder(shop, created.id, {
      lineItems: [{ lineItemId: created.lineItems[0]!.id, quantity: 1 }],
      shipping: { full: true },
      note: "late",
    });
    for (const o of chosen.values()) sim.control.editOrder(shop, o.id, { tags: [...o.tags, "mapping-test"] });

    for (const id of [...chosen.keys(), created.id]) {
      const fromWebhook = orderFromWebhook(lastWebhookBody("orders/updated", id));
      const { order } = await graphql(ORDER_QUERY, { id: `gid://shopify/Order/${id}` });
      expect(fromWebhook, `order ${id}`).toEqual(orderFromGraphql(order));
    }

    const refundFromHook = refundFromWebhook(lastWebhookBody("refunds/create", refund.id));
    const { order } = await graphql(ORDER_QUERY, { id: `gid://shopify/Order/${created.id}` });
    const graphqlRefund = orderFromGraphql(order).refunds.find((r) => r.id === String(refund.id));
    expect(refundFromHook).toEqual(graphqlRefund);
    expect(Number(refundFromHook.shippingRefund)).toBeGreaterThan(0);
  });

  it("customers and products", async () => {
    const data = sim.control.data(shop);
    for (const c of data.customers.slice(0, 5)) {
      sim.control.updateCustomer(shop, c.id, { tags: ["mapped", "vip"], phone: "+15555550100" });
      const { customer } = await graphql(CUSTOMER_QUERY, { id: `gid://shopify/Customer/${c.id}` });
      expect(customerFromWebhook(lastWebhookBody("customers/update", c.id))).toEqual(customerFromGraphql(customer));
    }
    for (const p of data.products.slice(0, 5)) {
      sim.control.updateProduct(shop, p.id, { title: `${p.title} (mapped)` });
      const { product } = await graphql(PRODUCT_QUERY, { id: `gid://shopify/Product/${p.id}` });
      const mapped = productFromWebhook(lastWebhookBody("products/update", p.id));
      expect(mapped).toEqual(productFromGraphql(product));
      expect(mapped.variants.length).toBe(p.variants.length);
    }
  });
});

describe("mapping: unit cases", () => {
  it("reads ids from gids, strings and numbers", () => {
    expect(parseShopifyId("gid://shopify/Order/5000000000001")).toBe("5000000000001");
    expect(parseShopifyId(5000000000001)).toBe("5000000000001");
    expect(parseShopifyId("900719925474099312")).toBe("900719925474099312");
    expect(() => parseShopifyId("gid://shopify/Order/abc")).toThrow(MappingError);
  });

  it("normalises decimals without floats and refuses non-decimals", () => {
    expect(decimalString("12.30")).toBe("12.3");
    expect(decimalString("-0.00")).toBe("0");
    expect(decimalString("12345678901234567.8901")).toBe("12345678901234567.8901");
    expect(() => decimalString("1e3")).toThrow(MappingError);
    expect(() => decimalString(null)).toThrow(MappingError);
  });

  it("reads child lists as arrays, nodes or edges", () => {
    expect(collection([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(collection({ nodes: [{ a: 1 }] })).toEqual([{ a: 1 }]);
    expect(collection({ edges: [{ node: { a: 1 } }] })).toEqual([{ a: 1 }]);
    expect(collection(null)).toEqual([]);
  });

  it("takes refunded shipping from refund_shipping_lines or, failing that, shipping_refund order adjustments", () => {
    const base = {
      id: 900,
      order_id: 500,
      created_at: "2026-03-01T10:00:00Z",
      note: null,
      refund_line_items: [
        {
          id: 1,
          line_item_id: 2,
          quantity: 1,
          subtotal_set: { shop_money: { amount: "10.00" } },
          total_tax_set: { shop_money: { amount: "0.80" } },
        },
      ],
    };
    const withLines = refundFromWebhook({
      ...base,
      refund_shipping_lines: [
        {
          id: 3,
          subtotal_amount_set: { shop_money: { amount: "4.99" } },
          tax_amount_set: { shop_money: { amount: "0.40" } },
        },
      ],
    });
    const withAdjustments = refundFromWebhook({
      ...base,
      order_adjustments: [
        {
          id: 3,
          kind: "shipping_refund",
          amount_set: { shop_money: { amount: "-4.99" } },
          tax_amount_set: { shop_money: { amount: "-0.40" } },
        },
        { id: 4, kind: "refund_discrepancy", amount_set: { shop_money: { amount: "-1.00" } } },
      ],
    });
    expect(withLines).toEqual(withAdjustments);
    expect(withLines).toMatchObject({ shippingRefund: "4.99", shippingTaxRefund: "0.4", orderId: "500" });
  });

  it("names the missing field of a bad payload", () => {
    expect(() =>
      orderFromWebhook({
        id: 1,
        currency: "USD",
        created_at: "2026-01-01T00:00:00Z",
        updated_at: "2026-01-01T00:00:00Z",
      }),
    ).toThrow(/order.total_price/);
  });
});
