// Every GraphQL document the sync engine sends, checked against what Shopify accepts:
// the vendored 2026-10 schema, Shopify's bulk query rules for the bulk exports (the
// simulator's validateBulkQuery, built on Shopify's recorded refusals), and Shopify's
// requested-cost rules for the paged queries (each stays well under the 1000-point
// single-query maximum, asked of the simulator whose cost model is calibrated on
// recorded Shopify costs: simulator/test/recordings/query-costs.jsonl).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  loadAdminSchema,
  validateAdminDocument,
  validateBulkQuery,
  type RunningSimulator,
} from "../simulator/src/index";
import { startSyncSimulator, simulatorFetch } from "./sync-support";
import { createAdminGraphql, type QueryCost } from "~/sync/graphql-client";
import {
  ADMIN_API_VERSION,
  AGREEMENT_SALES_PAGE,
  allDocuments,
  bulkDocuments,
  CUSTOMERS_PAGE,
  ORDER_AGREEMENTS_PAGE,
  ORDER_LEDGERS,
  ORDER_LINE_ITEMS_PAGE,
  ORDER_REFUND_DETAILS,
  ORDER_REFUNDS_DETAIL,
  ORDERS_PAGE,
  ORDERS_PAGE_REQUESTED_COST,
  PAGE_SIZES,
  PRODUCT_VARIANTS_PAGE,
  PRODUCTS_PAGE,
  REFUND_DETAIL_SIZES,
  REFUND_LINES_PAGE,
  REFUNDS_DETAIL_LIMIT,
  refundDetailsActualCostPerOrder,
  refundDetailsRequestedCost,
} from "~/sync/queries";
import { LEDGER_REQUESTED_COSTS } from "~/sync/ledger-fetch";
import { REFUND_DETAILS_COST_TARGET, refundBatchSize } from "~/sync/refund-details";

const schema = loadAdminSchema(ADMIN_API_VERSION);

describe("the engine's GraphQL documents", () => {
  it.each(Object.entries(allDocuments()))("%s validates against the vendored 2026-10 schema", (_name, document) => {
    expect(validateAdminDocument(document, ADMIN_API_VERSION)).toEqual([]);
  });

  it.each(Object.entries(bulkDocuments()))("bulk query %s keeps Shopify's bulk rules", (_name, document) => {
    expect(validateBulkQuery(schema, document)).toEqual([]);
  });

  // The documents are static text (so codegen can read them); the page sizes the engine
  // reasons with (overflow checks, cost estimates) must be the ones the documents ask for.
  function firstOf(document: string, field: string): number {
    const match = new RegExp(`\\b${field}\\(first: (\\d+)`).exec(document);
    if (!match) throw new Error(`no ${field}(first: …) in the document`);
    return Number(match[1]);
  }

  it("the page sizes in the constants are the ones the documents request", () => {
    expect({
      customers: firstOf(CUSTOMERS_PAGE, "customers"),
      products: firstOf(PRODUCTS_PAGE, "products"),
      variantsPerProduct: firstOf(PRODUCTS_PAGE, "variants"),
      orders: firstOf(ORDERS_PAGE, "orders"),
      lineItemsPerOrder: firstOf(ORDERS_PAGE, "lineItems"),
      refundsPerOrder: firstOf(ORDERS_PAGE, "refunds"),
      linesPerRefund: firstOf(ORDERS_PAGE, "refundLineItems"),
      shippingLinesPerRefund: firstOf(ORDERS_PAGE, "refundShippingLines"),
    }).toEqual(PAGE_SIZES);
    expect({
      refundsPerOrder: firstOf(ORDER_REFUND_DETAILS, "refunds"),
      linesPerRefund: firstOf(ORDER_REFUND_DETAILS, "refundLineItems"),
      shippingLinesPerRefund: firstOf(ORDER_REFUND_DETAILS, "refundShippingLines"),
    }).toEqual(REFUND_DETAIL_SIZES);
    expect(firstOf(ORDER_REFUNDS_DETAIL, "refunds")).toBe(REFUNDS_DETAIL_LIMIT);
  });

  it("the validator refuses what the backfill used to send (a connection inside Order.refunds)", () => {
    const old = `{ orders { edges { node { id refunds { id refundLineItems { edges { node { id } } } } } } } }`;
    expect(
      validateBulkQuery(schema, old)
        .map((e) => e.message)
        .join("\n"),
    ).toMatch(/connection field within a list field are not currently supported/);
  });
});

describe("requested cost of the paged queries (Shopify's rules, simulator-calibrated)", () => {
  let sim: RunningSimulator;
  let shop: string;
  let token: string;
  beforeAll(async () => {
    ({ sim, shop } = await startSyncSimulator({
      seed: 71,
      size: { orders: 5, customers: 3, products: 2, days: 10 },
      label: "documents",
    }));
    token = sim.control.install(shop).accessToken;
  });
  afterAll(() => sim?.close());

  async function requestedCost(document: string, variables: Record<string, unknown>): Promise<QueryCost> {
    let cost: QueryCost | undefined;
    const client = createAdminGraphql({
      shop,
      apiVersion: ADMIN_API_VERSION,
      fetch: simulatorFetch(sim.url),
      accessToken: async () => token,
    });
    await client.request(document, variables, { onCost: (c) => (cost = c) });
    return cost!;
  }

  const order = "gid://shopify/Order/1";
  const cases: [string, string, Record<string, unknown>][] = [
    ["CUSTOMERS_PAGE", CUSTOMERS_PAGE, { query: "updated_at:>='2020-01-01'" }],
    ["PRODUCTS_PAGE", PRODUCTS_PAGE, { query: "updated_at:>='2020-01-01'" }],
    ["ORDERS_PAGE", ORDERS_PAGE, { query: "updated_at:>='2020-01-01'" }],
    ["PRODUCT_VARIANTS_PAGE", PRODUCT_VARIANTS_PAGE, { id: "gid://shopify/Product/1" }],
    ["ORDER_LINE_ITEMS_PAGE", ORDER_LINE_ITEMS_PAGE, { id: order }],
    ["ORDER_REFUNDS_DETAIL", ORDER_REFUNDS_DETAIL, { id: order }],
    ["REFUND_LINES_PAGE", REFUND_LINES_PAGE, { id: "gid://shopify/Order/1" }],
  ];

  it.each(cases)("%s requests well under 1000 points", async (_name, document, variables) => {
    const cost = await requestedCost(document, variables);
    console.log(`requested cost ${_name}: ${cost.requestedQueryCost}`);
    expect(cost.requestedQueryCost).toBeGreaterThan(0);
    expect(cost.requestedQueryCost).toBeLessThanOrEqual(900);
  });

  it("sales ledger documents: the engine's requested costs (sent as expected costs) are Shopify's", async () => {
    const order = "gid://shopify/Order/1";
    expect((await requestedCost(ORDERS_PAGE, { query: "updated_at:>='2020-01-01'" })).requestedQueryCost).toBe(
      ORDERS_PAGE_REQUESTED_COST,
    );
    expect((await requestedCost(ORDER_AGREEMENTS_PAGE, { id: order })).requestedQueryCost).toBe(
      LEDGER_REQUESTED_COSTS.agreementsPage,
    );
    expect((await requestedCost(AGREEMENT_SALES_PAGE, { id: order })).requestedQueryCost).toBe(
      LEDGER_REQUESTED_COSTS.salesPage,
    );
    for (const ids of [1, 3]) {
      const cost = await requestedCost(ORDER_LEDGERS, {
        ids: Array.from({ length: ids }, (_, i) => `gid://shopify/Order/${i + 1}`),
      });
      expect(cost.requestedQueryCost, `${ids} ids`).toBe(LEDGER_REQUESTED_COSTS.ledgers);
    }
  });

  it("refund details: the engine's requested-cost formula is Shopify's (fixed whatever the batch), and a batch drains at most the target", async () => {
    for (const ids of [1, 2, 5]) {
      const cost = await requestedCost(ORDER_REFUND_DETAILS, {
        ids: Array.from({ length: ids }, (_, i) => `gid://shopify/Order/${i + 1}`),
      });
      expect(cost.requestedQueryCost, `${ids} ids`).toBe(refundDetailsRequestedCost());
    }
    const perOrder = refundDetailsActualCostPerOrder();
    const size = refundBatchSize(perOrder, 2000);
    expect(size).toBeGreaterThanOrEqual(1);
    expect(size * perOrder).toBeLessThanOrEqual(REFUND_DETAILS_COST_TARGET);
    expect((size + 1) * perOrder).toBeGreaterThan(REFUND_DETAILS_COST_TARGET);
    // A small bucket: half of it per batch; at least one order; at most 250 ids (Shopify's nodes limit).
    expect(refundBatchSize(10, 200)).toBe(10);
    expect(refundBatchSize(10_000, 200)).toBe(1);
    expect(refundBatchSize(0.5, 2000)).toBe(250);
  });
});
