// An order's money after a refund, as Shopify reports it:
// - REST webhook bodies (orders/updated) use two-decimal strings ("51.45") and their
//   current_* fields are net of refunds ("The value of this field reflects order edits,
//   returns, and refunds": shopify.dev/docs/api/admin-rest/latest/resources/order);
//   line items' total_discount is line-level only, every allocation is in discount_allocations.
// - GraphQL currentSubtotalPriceSet / currentTotalDiscountsSet / currentTotalTaxSet likewise,
//   and subtotalLineItemsQuantity leaves out gift cards (2026-10 schema description).
// Expected figures are worked out by hand in the comments.
import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index.js";
import { adminClient, startTestSimulator, waitFor } from "./helpers.js";

const EXAMPLE = fileURLToPath(new URL("../fixtures/example-store.json", import.meta.url));
const SHOP = "fixture-demo.myshopify.com";
const BAG = "shopMoney { amount } presentmentMoney { amount }";

describe("current money after refunds", () => {
  let sim: RunningSimulator;
  let receiver: Server;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.end("ok"));
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
    const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/webhooks`;
    sim = await startTestSimulator({
      shops: [{ fixture: EXAMPLE }],
      webhookConfig: {
        apiVersion: "2026-10",
        subscriptions: [{ topics: ["orders/updated"], uri: url }],
        compliance: [],
      },
    });
    sim.control.install(SHOP, { scopes: ["read_orders", "read_all_orders", "read_products"] });
  });
  afterAll(async () => {
    await sim.close();
    await new Promise((r) => receiver.close(r));
  });

  it("sends REST current_* fields net of the refund, and discount allocations per application", async () => {
    const c = sim.control;
    const order = c.createOrder(SHOP, {
      lineItems: [
        { variantId: 4000000000001, quantity: 2, discount: "5.00" },
        { title: "Sticker", price: "2.50", quantity: 4 },
      ],
      orderDiscount: { code: "TEN", amount: "10.00" },
      shippingPrice: "4.00",
      taxRate: "0.05",
    });
    c.refundOrder(SHOP, order.id, {
      lineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }],
      shipping: { full: true },
    });
    await c.webhooksIdle();
    const updated = await waitFor(
      () => c.webhookDeliveries({ shop: SHOP, topic: "orders/updated" }).at(-1),
      5_000,
      "orders/updated",
    );
    expect(updated.state).toBe("delivered");
    const body = JSON.parse(updated.body);
    // Tee 2 × 25.00 with a 5.00 line discount; stickers 4 × 2.50. TEN (10.00) split by 45.00 : 10.00
    // → 8.18 : 1.81 rounded down, the remaining cent to the first line (Sale interface, 2026-10 schema: "allocated
    // one at a time, starting with the first line item") → 8.19 : 1.81. Lines net 36.81 and 8.19; tax 5 %: 1.84
    // and 0.41; shipping 4.00 + 0.20 tax. subtotal 45.00, discounts 15.00, tax 2.45, total 51.45.
    // Refund: 1 Tee = 36.81 / 2 = 18.405 → 18.41 (+ 0.92 tax), shipping 4.00 + 0.20.
    expect(body).toMatchObject({
      subtotal_price: "45.00",
      total_discounts: "15.00",
      total_tax: "2.45",
      total_price: "51.45",
      current_subtotal_price: "26.59", // 45.00 − 18.41
      current_total_discounts: "8.41", // 15.00 − (25.00 − 18.41)
      current_total_tax: "1.33", // 2.45 − 0.92 − 0.20
      current_total_price: "27.92", // 51.45 − 23.53 = 26.59 + 1.33
      current_subtotal_price_set: {
        shop_money: { amount: "26.59", currency_code: "USD" },
        presentment_money: { amount: "26.59", currency_code: "USD" },
      },
      current_total_discounts_set: { shop_money: { amount: "8.41" } },
      current_total_tax_set: { shop_money: { amount: "1.33" } },
    });
    expect(body.discount_applications).toEqual([
      {
        target_type: "line_item",
        type: "manual",
        value: "5.00",
        value_type: "fixed_amount",
        allocation_method: "one",
        target_selection: "explicit",
        title: "Line discount",
        description: "Line discount",
      },
      {
        target_type: "line_item",
        type: "discount_code",
        value: "10.00",
        value_type: "fixed_amount",
        allocation_method: "across",
        target_selection: "all",
        code: "TEN",
      },
    ]);
    const lines = body.line_items as Array<{
      total_discount: string;
      discount_allocations: Array<{ amount: string; discount_application_index: number }>;
    }>;
    expect(
      lines.map((l) => [l.total_discount, l.discount_allocations.map((a) => [a.amount, a.discount_application_index])]),
    ).toEqual([
      [
        "5.00",
        [
          ["5.00", 0],
          ["8.19", 1],
        ],
      ],
      ["0.00", [["1.81", 1]]],
    ]);
  });

  it("answers the GraphQL current_* fields and subtotalLineItemsQuantity without gift cards", async () => {
    const { accessToken } = sim.control.install(SHOP, { scopes: ["read_orders", "read_all_orders", "read_products"] });
    const client = adminClient(sim, SHOP, accessToken);
    const res = await client.request(`{ order(id: "gid://shopify/Order/5000000000001") {
      subtotalLineItemsQuantity currentSubtotalLineItemsQuantity
      currentSubtotalPriceSet { ${BAG} } currentTotalDiscountsSet { ${BAG} } currentTotalTaxSet { ${BAG} } currentTotalPriceSet { ${BAG} } } }`);
    expect(res.errors).toBeUndefined();
    const same = (amount: string) => ({ shopMoney: { amount }, presentmentMoney: { amount } });
    // Fixture order #1001: Tee 2 × 25.00 (WELCOME10 10.00), gift card 50.00, shipping 5.00; tax 3.20 + 0.40.
    // Refund: 1 Tee at 20.00 + 1.60 tax, shipping 5.00 + 0.40.
    expect(res.data).toEqual({
      order: {
        subtotalLineItemsQuantity: 2, // the gift card does not count
        currentSubtotalLineItemsQuantity: 1,
        currentSubtotalPriceSet: same("70.0"), // 90.00 − 20.00
        currentTotalDiscountsSet: same("5.0"), // 10.00 − (25.00 − 20.00)
        currentTotalTaxSet: same("1.6"), // 3.60 − 1.60 − 0.40
        currentTotalPriceSet: same("71.6"), // 98.60 − 27.00
      },
    });
  });
});
