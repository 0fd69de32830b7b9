// Line discounts and money formatting as Shopify reports them:
// - LineItem.totalDiscountSet / discountedTotalSet leave out order-level discounts
//   (2026-10 schema descriptions); order-level allocations appear in
//   LineItem.discountAllocations with their DiscountApplication.
// - MoneyV2.amount (Decimal scalar) is "55.0", not "55.00"
//   (recordings: 2025-01/orders/order-create-line-item-fields.json and others);
//   ProductVariant.price (Money scalar) keeps two places
//   (2026-04/products/product-relationship-roots-mutation-preflight.json).
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index.js";
import { graphqlDecimal } from "../src/store/money.js";
import type { Order, ShopData } from "../src/store/types.js";
import { adminClient, cents, FIXED_ANCHOR, pageAll, startTestSimulator } from "./helpers.js";

const EXAMPLE = fileURLToPath(new URL("../fixtures/example-store.json", import.meta.url));
const BAG = "shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }";
/** Shopify's Decimal output: digits, a point, then either "0" or digits not ending in 0. */
const DECIMAL = /^-?\d+\.(0|\d*[1-9])$/;

interface Bag {
  shopMoney: { amount: string; currencyCode: string };
  presentmentMoney: { amount: string; currencyCode: string };
}
interface AppNode {
  __typename: string;
  index: number;
  targetSelection: string;
  allocationMethod: string;
  targetType: string;
  code?: string;
  title?: string;
  value: { __typename: string; amount?: string; currencyCode?: string; percentage?: number };
}
interface LineNode {
  id: string;
  quantity: number;
  originalTotalSet: Bag;
  totalDiscountSet: Bag;
  discountedTotalSet: Bag;
  discountAllocations: Array<{ allocatedAmountSet: Bag; discountApplication: AppNode }>;
}
interface OrderNode {
  id: string;
  totalDiscountsSet: Bag;
  cartDiscountAmountSet: Bag | null;
  subtotalPriceSet: Bag;
  discountApplications: { nodes: AppNode[] };
  lineItems: { nodes: LineNode[] };
}

const APP = `__typename index targetSelection allocationMethod targetType
  value { __typename ... on MoneyV2 { amount currencyCode } ... on PricingPercentageValue { percentage } }
  ... on DiscountCodeApplication { code } ... on AutomaticDiscountApplication { title } ... on ManualDiscountApplication { title }`;
const ORDER = `id totalDiscountsSet { ${BAG} } cartDiscountAmountSet { ${BAG} } subtotalPriceSet { ${BAG} } discountApplications(first: 10) { nodes { ${APP} } }
  lineItems(first: 10) { nodes { id quantity originalTotalSet { ${BAG} } totalDiscountSet { ${BAG} } discountedTotalSet { ${BAG} }
    discountAllocations { allocatedAmountSet { ${BAG} } discountApplication { ${APP} } } } }`;

function everyAmount(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => everyAmount(v, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "amount" && typeof v === "string") out.push(v);
      else everyAmount(v, out);
    }
  }
  return out;
}

describe("graphqlDecimal", () => {
  it("trims trailing zeros to at least one decimal place", () => {
    expect(["55.00", "0.00", "7.25", "949.95", "12.50", "100", "-3.10", "-0.00"].map(graphqlDecimal)).toEqual([
      "55.0",
      "0.0",
      "7.25",
      "949.95",
      "12.5",
      "100.0",
      "-3.1",
      "0.0",
    ]);
  });
});

describe("line discounts without order-level discounts, allocations with their applications", () => {
  let sim: RunningSimulator;
  let fixtureToken: string;
  let genToken: string;
  let genShop: string;
  let oracle: ShopData;

  beforeAll(async () => {
    sim = await startTestSimulator({
      clock: () => FIXED_ANCHOR + 86_400_000,
      shops: [{ fixture: EXAMPLE }, { seed: 23, size: "small", plan: "plus", anchor: FIXED_ANCHOR }],
    });
    fixtureToken = sim.control.install("fixture-demo.myshopify.com", {
      scopes: ["read_orders", "read_all_orders", "read_products"],
    }).accessToken;
    genShop = sim.shops[1]!.domain;
    genToken = sim.control.install(genShop, {
      scopes: ["read_orders", "read_all_orders", "read_products"],
    }).accessToken;
    oracle = sim.control.data(genShop);
  });
  afterAll(() => sim.close());

  it("reports the fixture's order-level code only in discountAllocations, in Shopify's decimal format", async () => {
    const client = adminClient(sim, "fixture-demo.myshopify.com", fixtureToken);
    const res = await client.request(`{ order(id: "gid://shopify/Order/5000000000001") { ${ORDER} }
      product(id: "gid://shopify/Product/8000000000001") { variants(first: 1) { nodes { price } } } }`);
    expect(res.errors).toBeUndefined();
    const data = res.data as { order: OrderNode; product: { variants: { nodes: Array<{ price: string }> } } };
    const usd = (amount: string) => ({
      shopMoney: { amount, currencyCode: "USD" },
      presentmentMoney: { amount, currencyCode: "USD" },
    });
    const welcome = {
      __typename: "DiscountCodeApplication",
      index: 0,
      targetSelection: "ALL",
      allocationMethod: "ACROSS",
      targetType: "LINE_ITEM",
      code: "WELCOME10",
      value: { __typename: "MoneyV2", amount: "10.0", currencyCode: "USD" },
    };
    // By hand from fixtures/example-store.json: Tee 2 × 25.00 with WELCOME10 (10.00, order level); gift card 50.00.
    expect(data.order).toEqual({
      id: "gid://shopify/Order/5000000000001",
      totalDiscountsSet: usd("10.0"),
      cartDiscountAmountSet: usd("10.0"), // WELCOME10 applies to the entire order
      subtotalPriceSet: usd("90.0"),
      discountApplications: { nodes: [welcome] },
      lineItems: {
        nodes: [
          {
            id: "gid://shopify/LineItem/13000000000001",
            quantity: 2,
            originalTotalSet: usd("50.0"),
            totalDiscountSet: usd("0.0"),
            discountedTotalSet: usd("50.0"),
            discountAllocations: [{ allocatedAmountSet: usd("10.0"), discountApplication: welcome }],
          },
          {
            id: "gid://shopify/LineItem/13000000000002",
            quantity: 1,
            originalTotalSet: usd("50.0"),
            totalDiscountSet: usd("0.0"),
            discountedTotalSet: usd("50.0"),
            discountAllocations: [],
          },
        ],
      },
    });
    expect(data.product.variants.nodes[0]!.price).toBe("25.00");
  });

  it("keeps a generated store's totals consistent: Σ allocations = totalDiscountsSet, line fields hold line-level discounts only", async () => {
    const client = adminClient(sim, genShop, genToken);
    const orderLevel = (o: Order) => o.discountApplications.some((d) => d.level === "order");
    const lineLevel = (o: Order) => o.discountApplications.some((d) => d.level === "line");
    const picked = [
      ...oracle.orders.filter((o) => orderLevel(o) && lineLevel(o)).slice(0, 4),
      ...oracle.orders.filter((o) => orderLevel(o) && !lineLevel(o)).slice(0, 12),
      ...oracle.orders.filter((o) => lineLevel(o) && !orderLevel(o)).slice(0, 12),
      ...oracle.orders
        .filter((o) => o.presentmentCurrencyCode !== o.currencyCode && o.discountApplications.length > 0)
        .slice(0, 8),
    ];
    expect(picked.filter((o) => orderLevel(o)).length).toBeGreaterThan(10);
    const ids = [...new Set(picked.map((o) => o.id))].sort((a, b) => a - b);
    const nodes = await pageAll<OrderNode>(
      client,
      "orders",
      ORDER,
      `sortKey: ID, query: "${ids.map((id) => `id:${id}`).join(" OR ")}"`,
      3,
    );
    expect(nodes).toHaveLength(ids.length);
    let sawOrderLevelAllocation = false;
    for (const n of nodes) {
      const o = oracle.orders.find((x) => `gid://shopify/Order/${x.id}` === n.id)!;
      for (const amount of everyAmount(n)) expect(amount).toMatch(DECIMAL);
      for (const side of ["shopMoney", "presentmentMoney"] as const) {
        const pick = side === "shopMoney" ? "shop" : "presentment";
        let allocated = 0;
        let original = 0;
        for (const l of n.lineItems.nodes) {
          const own = l.discountAllocations
            .filter((a) => a.discountApplication.targetSelection !== "ALL")
            .reduce((s, a) => s + cents(a.allocatedAmountSet[side].amount), 0);
          for (const a of l.discountAllocations) {
            allocated += cents(a.allocatedAmountSet[side].amount);
            if (a.discountApplication.targetSelection === "ALL") sawOrderLevelAllocation = true;
          }
          original += cents(l.originalTotalSet[side].amount);
          // Line fields: line-level discounts only.
          expect(cents(l.totalDiscountSet[side].amount)).toBe(own);
          expect(cents(l.discountedTotalSet[side].amount)).toBe(cents(l.originalTotalSet[side].amount) - own);
        }
        // The order's totals include both levels; cartDiscountAmountSet only the order-level ones.
        expect(cents(n.totalDiscountsSet[side].amount)).toBe(allocated);
        const orderLevelAllocated = n.lineItems.nodes
          .flatMap((l) => l.discountAllocations)
          .filter((a) => a.discountApplication.targetSelection === "ALL")
          .reduce((s, a) => s + cents(a.allocatedAmountSet[side].amount), 0);
        if (orderLevel(o)) expect(cents(n.cartDiscountAmountSet![side].amount)).toBe(orderLevelAllocated);
        else expect(n.cartDiscountAmountSet).toBeNull();
        expect(cents(n.subtotalPriceSet[side].amount)).toBe(original - allocated);
        // The oracle's per-line totalDiscount is every allocation on the line.
        expect(allocated).toBe(o.lineItems.reduce((s, l) => s + cents(l.totalDiscount[pick]), 0));
      }
      // Every allocation names one of the order's applications; order-level ones are codes across all lines.
      for (const l of n.lineItems.nodes) {
        for (const a of l.discountAllocations) {
          expect(n.discountApplications.nodes[a.discountApplication.index]).toEqual(a.discountApplication);
        }
      }
      for (const app of n.discountApplications.nodes) {
        const stored = o.discountApplications[app.index]!;
        if (stored.level === "order")
          expect(app).toMatchObject({
            __typename: "DiscountCodeApplication",
            targetSelection: "ALL",
            allocationMethod: "ACROSS",
            code: stored.code,
          });
        else
          expect(app).toMatchObject({
            __typename: "AutomaticDiscountApplication",
            targetSelection: "ENTITLED",
            title: stored.title,
          });
        if (stored.valueType === "percentage")
          expect(app.value).toEqual({ __typename: "PricingPercentageValue", percentage: Number(stored.value) });
        else expect(app.value.currencyCode).toBe(o.presentmentCurrencyCode);
      }
    }
    expect(sawOrderLevelAllocation).toBe(true);
  });
});
