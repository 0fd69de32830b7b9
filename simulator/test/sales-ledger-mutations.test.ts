// Scripted changes through the control API (what app tests use) keep the sales ledger
// consistent with the order after every step, book each change as its own agreement on
// the change's date, and fire the same webhook topics as before (orders/edited +
// orders/updated for an edit, refunds/create + orders/updated for a refund,
// orders/cancelled + orders/updated + refunds/create for a cancellation with refund).
// An edit that removes units keeps LineItem.quantity and the original totals; only
// currentQuantity and current* drop (recorded: 2026-04/orders/order-edit-money-math.json).
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index.js";
import { cents, startTestSimulator } from "./helpers.js";
import { amt, LINE_FIELDS, ORDER_FIELDS, SALE_FIELDS, violations, type OrderJ } from "./ledger-identities.js";

const SHOP = "ledger-script.myshopify.com";
const TOPICS = ["orders/create", "orders/updated", "orders/edited", "orders/cancelled", "refunds/create"];

describe("sales ledger after scripted edits, refunds and cancellation", () => {
  let sim: RunningSimulator;
  let receiver: Server;
  let token: string;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.end("ok"));
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
    const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/webhooks`;
    sim = await startTestSimulator({
      shops: [{ domain: SHOP, size: "empty" }],
      webhookConfig: { apiVersion: "2026-10", subscriptions: [{ topics: TOPICS, uri: url }], compliance: [] },
    });
    token = sim.control.install(SHOP).accessToken;
  });
  afterAll(async () => {
    await sim?.close();
    await new Promise((r) => receiver?.close(r));
  });

  async function read(id: number): Promise<OrderJ> {
    const res = await fetch(`${sim.url}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-access-token": token },
      body: JSON.stringify({
        query: `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} subtotalPriceSet { shopMoney { amount } }
          lineItems(first: 20) { nodes { ${LINE_FIELDS} } }
          agreements(first: 20) { nodes { __typename id happenedAt reason sales(first: 50) { nodes { ${SALE_FIELDS} } } } } } }`,
        variables: { id: `gid://shopify/Order/${id}` },
      }),
    });
    const body = (await res.json()) as { data: { order: any }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const o = body.data.order;
    return {
      ...o,
      lineItems: o.lineItems.nodes,
      agreements: o.agreements.nodes.map((a: any) => ({ ...a, sales: a.sales.nodes })),
    };
  }

  /** Topics emitted for the order since `from` deliveries, in order. */
  async function topicsSince(from: number): Promise<string[]> {
    await sim.control.webhooksIdle();
    return sim.control
      .webhookDeliveries({ shop: SHOP })
      .slice(from)
      .map((d) => d.topic);
  }

  it("keeps Σ sales = current totals through edit, refund and cancellation", async () => {
    const c = sim.control;
    const product = c.createProduct(SHOP, { title: "Mug", variants: [{ price: "20.00" }] });
    const order = c.createOrder(SHOP, {
      lineItems: [
        { variantId: product.variants[0]!.id, quantity: 3, discount: "2.00" },
        { title: "Sticker", price: "10.00", quantity: 1 },
      ],
      orderDiscount: { code: "SAVE5", amount: "5.00" },
      shippingPrice: "5.00",
      taxRate: "0.10",
    });
    const [mug, sticker] = order.lineItems;
    const placed = await read(order.id);
    expect(violations(placed)).toEqual([]);
    expect(placed.agreements.map((a) => a.__typename)).toEqual(["OrderAgreement"]);

    // Edit: 2 of the 3 mugs removed, 2 × 7.00 cards added.
    let seen = c.webhookDeliveries({ shop: SHOP }).length;
    c.editOrder(SHOP, order.id, {
      quantities: [{ lineItemId: mug!.id, quantity: 1 }],
      addLineItems: [{ title: "Card", price: "7.00", quantity: 2 }],
    });
    expect(await topicsSince(seen)).toEqual(["orders/edited", "orders/updated"]);
    const edited = await read(order.id);
    expect(violations(edited)).toEqual([]);
    const editAgreement = edited.agreements.find((a) => a.__typename === "OrderEditAgreement")!;
    expect(editAgreement.reason).toBe("ORDER_EDIT");
    expect(editAgreement.sales.map((s) => [s.actionType, s.quantity])).toEqual([
      ["UPDATE", -2],
      ["UPDATE", 2],
    ]);
    const mugLine = edited.lineItems.find((l) => l.id === `gid://shopify/LineItem/${mug!.id}`)!;
    expect([mugLine.quantity, mugLine.currentQuantity]).toEqual([3, 1]);
    // Original totals keep the removed mugs and gain the cards (2 × 7.00 + 10 % tax = 15.40).
    expect(cents(edited.totalPriceSet.shopMoney.amount)).toBe(cents(placed.totalPriceSet.shopMoney.amount) + 1540);
    expect(amt(edited.currentTotalPriceSet, "shopMoney")).toBeLessThan(amt(edited.totalPriceSet, "shopMoney"));

    // Refund the sticker and the shipping (with its tax).
    seen = c.webhookDeliveries({ shop: SHOP }).length;
    c.refundOrder(SHOP, order.id, {
      lineItems: [{ lineItemId: sticker!.id, quantity: 1 }],
      shipping: { full: true },
    });
    expect(await topicsSince(seen)).toEqual(["refunds/create", "orders/updated"]);
    const refunded = await read(order.id);
    expect(violations(refunded)).toEqual([]);
    const refundAgreement = refunded.agreements.find((a) => a.__typename === "RefundAgreement")!;
    const shippingReturn = refundAgreement.sales.find((s) => s.lineType === "SHIPPING")!;
    // 5.00 shipping + 10 % tax, given back.
    expect([shippingReturn.totalAmount.shopMoney.amount, shippingReturn.totalTaxAmount.shopMoney.amount]).toEqual([
      "-5.5",
      "-0.5",
    ]);

    // Removed units cannot be refunded.
    expect(() => c.refundOrder(SHOP, order.id, { lineItems: [{ lineItemId: mug!.id, quantity: 2 }] })).toThrow(
      /1 refundable/,
    );

    // Cancel with refund: everything current goes back; the ledger sums to zero.
    seen = c.webhookDeliveries({ shop: SHOP }).length;
    c.cancelOrder(SHOP, order.id, { refund: true });
    expect(await topicsSince(seen)).toEqual(["orders/cancelled", "orders/updated", "refunds/create"]);
    const cancelled = await read(order.id);
    expect(violations(cancelled)).toEqual([]);
    expect(cancelled.agreements.map((a) => a.__typename)).toEqual([
      "OrderAgreement",
      "OrderEditAgreement",
      "RefundAgreement",
      "RefundAgreement",
    ]);
    expect(cancelled.currentTotalPriceSet.shopMoney.amount).toBe("0.0");
    expect(cancelled.lineItems.map((l) => l.currentQuantity)).toEqual([0, 0, 0]);
  });

  it("an increase adds units at the unit price as an UPDATE sale; original totals grow", async () => {
    const c = sim.control;
    const order = c.createOrder(SHOP, {
      lineItems: [{ title: "Tee", price: "15.00", quantity: 1 }],
      taxRate: "0.08",
    });
    c.editOrder(SHOP, order.id, { quantities: [{ lineItemId: order.lineItems[0]!.id, quantity: 3 }] });
    const o = await read(order.id);
    expect(violations(o)).toEqual([]);
    const update = o.agreements.find((a) => a.__typename === "OrderEditAgreement")!.sales[0]!;
    // 2 × 15.00 + 8 % tax = 32.40.
    expect([update.quantity, update.totalAmount.shopMoney.amount, update.totalTaxAmount.shopMoney.amount]).toEqual([
      2,
      "32.4",
      "2.4",
    ]);
    expect(o.totalPriceSet.shopMoney.amount).toBe("48.6");
  });
});
