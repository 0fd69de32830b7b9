// The simulated surface (src/graphql/surface.ts): the resolver table is the list of
// what the simulator answers; SURFACE.md is generated from it; a document reaching
// outside it is refused whole before execution, over HTTP and as a bulk query.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isObjectType, type GraphQLObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_API_VERSION, schemaForVersion } from "../src/graphql/admin-schema.js";
import { ARGUMENTS, resolvers } from "../src/graphql/resolvers.js";
import { OUTSIDE_SURFACE_CODE, renderSurfaceMarkdown } from "../src/graphql/surface.js";
import type { RunningSimulator } from "../src/index.js";
import type { ShopData } from "../src/store/types.js";
import { FIXED_ANCHOR, startTestSimulator, waitFor } from "./helpers.js";

const { schema } = schemaForVersion(DEFAULT_API_VERSION);

function postAdminGraphql(
  sim: RunningSimulator,
  token: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Response> {
  return fetch(`${sim.url}/admin/api/2026-10/graphql.json`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-shopify-access-token": token },
    body: JSON.stringify({ query, variables }),
  });
}

describe("the resolver table is the simulated surface", () => {
  it("SURFACE.md is generated from the current table (npm run surface --workspace simulator)", () => {
    const checkedIn = readFileSync(fileURLToPath(new URL("../SURFACE.md", import.meta.url)), "utf8");
    expect(checkedIn).toBe(renderSurfaceMarkdown(schema, DEFAULT_API_VERSION));
  });

  it("names only object types, fields and arguments of the vendored schema", () => {
    const wrong: string[] = [];
    for (const [typeName, fields] of Object.entries(resolvers)) {
      const type = schema.getType(typeName);
      if (!type || !isObjectType(type)) {
        wrong.push(typeName);
        continue;
      }
      for (const f of Object.keys(fields)) if (!type.getFields()[f]) wrong.push(`${typeName}.${f}`);
    }
    for (const [key, args] of Object.entries(ARGUMENTS)) {
      const [typeName, fieldName] = key.split(".") as [string, string];
      const field =
        resolvers[typeName]?.[fieldName] && (schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName];
      if (!field) wrong.push(key);
      else for (const a of Object.keys(args)) if (!field.args.some((d) => d.name === a)) wrong.push(`${key}(${a})`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("a document outside the simulated surface", () => {
  let sim: RunningSimulator;
  let token: string;
  const SHOP = "surface.myshopify.com";

  beforeAll(async () => {
    sim = await startTestSimulator({
      shops: [{ domain: SHOP, seed: 5, size: "small", anchor: FIXED_ANCHOR, ledgerCases: true }],
      bulk: { objectsPerSecond: 1_000_000 },
    });
    token = sim.control.install(SHOP).accessToken;
  });
  afterAll(async () => {
    await sim.close();
  });

  async function post(query: string, variables?: Record<string, unknown>): Promise<any> {
    const res = await postAdminGraphql(sim, token, query, variables);
    expect(res.status).toBe(200);
    return res.json();
  }

  it("is refused whole before execution, naming every such field once with each place it is selected", async () => {
    const calls = sim.control.adminApiCallCount(SHOP);
    const document = `{
  shop { name }
  orders(first: 2) { nodes { id paymentGatewayNames customer { id lifetimeDuration } } }
  again: orders(first: 1) { nodes { paymentGatewayNames } }
}`;
    const at = (line: number, name: string) => ({ line, column: document.split("\n")[line - 1]!.indexOf(name) + 1 });
    const r = await post(document);
    expect(r).not.toHaveProperty("data");
    expect(r.errors).toEqual([
      {
        message:
          "Field 'paymentGatewayNames' on type 'Order' is outside the Shopify simulator's simulated surface " +
          "(simulator/SURFACE.md lists what it answers); the document was not executed.",
        locations: [at(3, "paymentGatewayNames"), at(4, "paymentGatewayNames")],
        extensions: { code: OUTSIDE_SURFACE_CODE, typeName: "Order", fieldName: "paymentGatewayNames" },
      },
      expect.objectContaining({
        locations: [at(3, "lifetimeDuration")],
        extensions: { code: OUTSIDE_SURFACE_CODE, typeName: "Customer", fieldName: "lifetimeDuration" },
      }),
    ]);
    // Priced by Shopify's rules (they need no data) but neither run nor charged.
    expect(r.extensions.cost).toMatchObject({ requestedQueryCost: expect.any(Number), actualQueryCost: null });
    const again = await post(document);
    expect(again.extensions.cost.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(
      r.extensions.cost.throttleStatus.currentlyAvailable,
    );
    // Refused documents are still requests the shop received.
    expect(sim.control.adminApiCallCount(SHOP)).toBe(calls + 2);
  });

  it("judges a field on an interface by every type the simulator answers there", async () => {
    const inside = await post(
      `{ orders(first: 3) { nodes { discountApplications(first: 5) { nodes { index allocationMethod value { __typename } } } } } }`,
    );
    expect(inside.errors).toBeUndefined();
    // Order, Customer, Product… implement HasMetafields; the simulator holds no metafields.
    const metafield = await post(
      `{ orders(first: 3) { nodes { id ... on HasMetafields { metafield(key: "a.b") { id } } } } }`,
    );
    expect(metafield.errors.map((e: { extensions: unknown }) => e.extensions)).toEqual([
      { code: OUTSIDE_SURFACE_CODE, typeName: "HasMetafields", fieldName: "metafield" },
    ]);
    expect(metafield).not.toHaveProperty("data");
  });

  it("answers a fragment on a type that never occurs in its answers by matching nothing", async () => {
    // Shopify Scripts discounts and collections are not in the simulated shop: nothing to answer.
    const r = await post(
      `{ orders(first: 3) { nodes { id discountApplications(first: 5) { nodes { index ... on ScriptDiscountApplication { title } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const apps = r.data.orders.nodes.flatMap(
      (o: { discountApplications: { nodes: unknown[] } }) => o.discountApplications.nodes,
    );
    for (const a of apps) expect(Object.keys(a as object)).toEqual(["index"]);
  });

  it("always answers an empty list or null for the fields whose objects the simulator never holds", async () => {
    const { alwaysEmptyFields } = await import("../src/graphql/surface.js");
    // The query below asks every one of them; a new one must be added here.
    expect(alwaysEmptyFields(schema)).toEqual([
      "LineItem.customAttributes",
      "Order.customAttributes",
      "Order.fulfillments",
      "OrderAgreement.app",
      "OrderAgreement.user",
      "OrderEditAgreement.app",
      "OrderEditAgreement.user",
      "Refund.duties",
      "RefundAgreement.app",
      "RefundAgreement.user",
      "ReturnAgreement.app",
      "ReturnAgreement.user",
    ]);
    const AGREEMENT = `app { id } user { id }`;
    const q = `query Page($after: String) { orders(first: 10, after: $after, query: "financial_status:partially_refunded OR financial_status:refunded") {
      nodes { customAttributes { key } fulfillments { id } lineItems(first: 10) { nodes { customAttributes { key } } }
        refunds { duties { originalDuty { id } } }
        agreements(first: 10) { nodes { __typename ... on OrderAgreement { ${AGREEMENT} } ... on OrderEditAgreement { ${AGREEMENT} }
          ... on RefundAgreement { ${AGREEMENT} } ... on ReturnAgreement { ${AGREEMENT} } } } }
      pageInfo { hasNextPage endCursor } } }`;
    const first = await post(q);
    expect(first.errors).toBeUndefined();
    const orders = first.data.orders.nodes;
    // Orders with refunds, so RefundAgreements and Refund.duties are really asked.
    expect(orders.length).toBeGreaterThan(0);
    const agreements = orders.flatMap(
      (o: { agreements: { nodes: Array<{ __typename: string }> } }) => o.agreements.nodes,
    );
    expect(new Set(agreements.map((a: { __typename: string }) => a.__typename))).toContain("RefundAgreement");
    for (const o of orders) {
      expect(o.customAttributes).toEqual([]);
      expect(o.fulfillments).toEqual([]);
      for (const l of o.lineItems.nodes) expect(l.customAttributes).toEqual([]);
      for (const r of o.refunds) expect(r.duties).toEqual([]);
    }
    for (const a of agreements) expect([a.app, a.user]).toEqual([null, null]);
  });

  const RUN = `mutation Run($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { field message code } } }`;

  it("as a bulk query is refused in userErrors and no operation starts", async () => {
    const before = (await post(`{ currentBulkOperation { id } }`)).data.currentBulkOperation;
    const r = await post(RUN, { q: `{ orders { edges { node { id paymentGatewayNames } } } }` });
    expect(r.data.bulkOperationRunQuery).toEqual({
      bulkOperation: null,
      userErrors: [
        {
          field: ["query"],
          message:
            "Invalid bulk query: Field 'paymentGatewayNames' on type 'Order' is outside the Shopify simulator's " +
            "simulated surface (simulator/SURFACE.md lists what it answers); the document was not executed.",
          code: "INVALID",
        },
      ],
    });
    expect((await post(`{ currentBulkOperation { id } }`)).data.currentBulkOperation).toEqual(before);
  });

  it("bulkOperations is a bulk query root like any connection: the export lists the shop's operations", async () => {
    // One finished operation to list, then the export of the list.
    const first = await post(RUN, { q: `{ products { edges { node { id } } } }` });
    const firstId = first.data.bulkOperationRunQuery.bulkOperation.id as string;
    const STATUS = `query S($id: ID!) { bulkOperation(id: $id) { status url } }`;
    await waitFor(
      async () => ((await post(STATUS, { id: firstId })).data.bulkOperation.status === "COMPLETED" ? true : undefined),
      20_000,
      "first export",
    );
    const run = await post(RUN, {
      q: `{ bulkOperations(query: "status:completed") { edges { node { id status query } } } }`,
    });
    expect(run.data.bulkOperationRunQuery.userErrors).toEqual([]);
    const id = run.data.bulkOperationRunQuery.bulkOperation.id as string;
    const done = await waitFor(
      async () => {
        const s = (await post(STATUS, { id })).data.bulkOperation;
        return s.status === "CREATED" || s.status === "RUNNING" ? undefined : s;
      },
      20_000,
      "bulkOperations export",
    );
    expect(done.status).toBe("COMPLETED");
    const lines = (await (await fetch(done.url)).text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; status: string; query: string });
    const listed = (
      await post(`{ bulkOperations(first: 50, query: "status:completed") { nodes { id status query } } }`)
    ).data.bulkOperations.nodes;
    expect(lines.map((l) => l.id)).toContain(firstId);
    // The export ran before it completed itself: every operation completed by then, newest first.
    expect(lines).toEqual(listed.filter((n: { id: string }) => n.id !== id));
  });
});

describe("arguments outside the simulated surface", () => {
  let sim: RunningSimulator;
  let token: string;
  const SHOP = "surface-args.myshopify.com";

  beforeAll(async () => {
    sim = await startTestSimulator({ shops: [{ domain: SHOP, seed: 6, size: "small", anchor: FIXED_ANCHOR }] });
    token = sim.control.install(SHOP).accessToken;
  });
  afterAll(async () => {
    await sim.close();
  });

  async function post(query: string, variables?: Record<string, unknown>): Promise<any> {
    return (await postAdminGraphql(sim, token, query, variables)).json();
  }
  const codes = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    (r.errors ?? []).map((e) => e.extensions);

  it("refuses an argument no resolver honours instead of ignoring it", async () => {
    const r = await post(`{ products(first: 1, savedSearchId: "gid://shopify/SavedSearch/1") { nodes { id } } }`);
    expect(r).not.toHaveProperty("data");
    expect(r.errors[0].message).toBe(
      "Argument 'savedSearchId' on field 'QueryRoot.products' is outside the Shopify simulator's simulated surface " +
        "(simulator/SURFACE.md lists what it answers); the document was not executed.",
    );
    expect(codes(r)).toEqual([
      { code: OUTSIDE_SURFACE_CODE, typeName: "QueryRoot", fieldName: "products", argumentName: "savedSearchId" },
    ]);
    const returns = await post(
      `{ orders(first: 1) { nodes { returns(first: 1, query: "status:open") { nodes { id } } } } }`,
    );
    expect(codes(returns)).toEqual([
      { code: OUTSIDE_SURFACE_CODE, typeName: "Order", fieldName: "returns", argumentName: "query" },
    ]);
  });

  it("refuses a sort key the data cannot sort by, written or in a variable, and runs the ones it can", async () => {
    const Q = `query Q($k: OrderSortKeys) { orders(first: 3, sortKey: $k) { nodes { id } } }`;
    const literal = await post(`{ orders(first: 3, sortKey: CUSTOMER_NAME) { nodes { id } } }`);
    expect(literal.errors[0].message).toMatch(
      /^Argument 'sortKey: "CUSTOMER_NAME"' on field 'QueryRoot.orders' is outside/,
    );
    const variable = await post(Q, { k: "DESTINATION" });
    expect(codes(variable)).toEqual([
      { code: OUTSIDE_SURFACE_CODE, typeName: "QueryRoot", fieldName: "orders", argumentName: "sortKey" },
    ]);
    const fine = await post(Q, { k: "CREATED_AT" });
    expect(fine.errors).toBeUndefined();
    expect(fine.data.orders.nodes).toHaveLength(3);
    // A variable Shopify would refuse is still Shopify's error, not the simulator's.
    const bad = await post(Q, { k: "NOPE" });
    expect(bad.errors.length).toBeGreaterThan(0);
    expect(codes(bad).map((e) => e?.code)).not.toContain(OUTSIDE_SURFACE_CODE);
  });

  it("refuses node ids of types the simulator never holds; malformed ids stay Shopify's error", async () => {
    const r = await post(`query N($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: ["gid://shopify/Order/1", "gid://shopify/Collection/1"],
    });
    expect(codes(r)).toEqual([
      { code: OUTSIDE_SURFACE_CODE, typeName: "QueryRoot", fieldName: "nodes", argumentName: "ids" },
    ]);
    const malformed = await post(`{ node(id: "not-a-gid") { id } }`);
    expect(malformed.errors[0].message).toBe("Invalid global id 'not-a-gid'");
  });
});

describe("fields and lookups that follow from the simulator's data", () => {
  let sim: RunningSimulator;
  let token: string;
  let data: ShopData;
  const SHOP = "surface-data.myshopify.com";

  beforeAll(async () => {
    sim = await startTestSimulator({
      shops: [{ domain: SHOP, seed: 8, size: "small", anchor: FIXED_ANCHOR, ledgerCases: true }],
    });
    token = sim.control.install(SHOP).accessToken;
    data = sim.control.data(SHOP);
  });
  afterAll(async () => {
    await sim.close();
  });

  async function post(query: string, variables?: Record<string, unknown>): Promise<any> {
    const res = await fetch(`${sim.url}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-access-token": token },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as any;
    expect(body.errors).toBeUndefined();
    return body.data;
  }
  const gidOf = (type: string, id: number) => `gid://shopify/${type}/${id}`;

  it("looks up the parts of an order by node id: line items, refunds, returns, duties, fees", async () => {
    const order = data.orders.find((o) => o.refunds.length > 0 && (o.returns?.length ?? 0) > 0)!;
    expect(order).toBeDefined();
    const line = order.lineItems[0]!;
    const refund = order.refunds[0]!;
    const ret = order.returns![0]!;
    const got = await post(
      `query N($ids: [ID!]!) { nodes(ids: $ids) { __typename id
      ... on LineItem { quantity } ... on Refund { order { id } } ... on Return { name order { id } } } }`,
      {
        ids: [
          gidOf("LineItem", line.id),
          gidOf("Refund", refund.id),
          gidOf("Return", ret.id),
          gidOf("LineItem", 999_999_999),
        ],
      },
    );
    expect(got.nodes).toEqual([
      { __typename: "LineItem", id: gidOf("LineItem", line.id), quantity: line.quantity },
      { __typename: "Refund", id: gidOf("Refund", refund.id), order: { id: gidOf("Order", order.id) } },
      { __typename: "Return", id: gidOf("Return", ret.id), name: ret.name, order: { id: gidOf("Order", order.id) } },
      null,
    ]);
    const withDuty = data.orders.find((o) => (o.duties?.length ?? 0) > 0);
    if (withDuty) {
      const d = withDuty.duties![0]!;
      expect((await post(`{ node(id: "${gidOf("Duty", d.id)}") { id } }`)).node).toEqual({ id: gidOf("Duty", d.id) });
    }
  });

  it("answers order, customer, product and refund fields from the records", async () => {
    const order = data.orders.find((o) => o.refunds.length > 0)!;
    const o = (
      await post(`{ order(id: "${gidOf("Order", order.id)}") { name number unpaid estimatedTaxes requiresShipping
        totalOutstandingSet { shopMoney { amount } presentmentMoney { amount } } fulfillmentsCount { count precision }
        totalTipReceived { amount currencyCode } totalTipReceivedSet { shopMoney { amount currencyCode } }
        lineItems(first: 50) { nodes { fulfillableQuantity currentQuantity } }
        refunds { totalRefunded { amount currencyCode } totalRefundedSet { shopMoney { amount currencyCode } } } } }`)
    ).order;
    expect(o.name).toBe(`#${o.number}`);
    expect(o.number).toBe(order.number);
    expect(o).toMatchObject({
      unpaid: false,
      estimatedTaxes: false,
      fulfillmentsCount: { count: 0, precision: "EXACT" },
    });
    expect(o.requiresShipping).toBe(order.lineItems.some((l) => l.requiresShipping));
    expect(o.totalOutstandingSet).toEqual({ shopMoney: { amount: "0.0" }, presentmentMoney: { amount: "0.0" } });
    expect(o.totalTipReceived).toEqual(o.totalTipReceivedSet.shopMoney);
    for (const l of o.lineItems.nodes) expect(l.fulfillableQuantity).toBe(l.currentQuantity);
    for (const r of o.refunds) expect(r.totalRefunded).toEqual(r.totalRefundedSet.shopMoney);

    const buyer = data.customers.find((c) => data.orders.some((x) => x.customerId === c.id && x.createdAt))!;
    const idle = data.customers.find((c) => !data.orders.some((x) => x.customerId === c.id));
    const own = data.orders.filter((x) => x.customerId === buyer.id);
    const last = own.reduce((m, x) =>
      x.createdAt > m.createdAt || (x.createdAt === m.createdAt && x.id > m.id) ? x : m,
    );
    const c = (
      await post(
        `{ customer(id: "${gidOf("Customer", buyer.id)}") { canDelete lastOrder { id } phone defaultPhoneNumber { phoneNumber } } }`,
      )
    ).customer;
    expect(c.canDelete).toBe(false);
    expect(c.lastOrder).toEqual({ id: gidOf("Order", last.id) });
    expect(c.defaultPhoneNumber).toEqual(c.phone ? { phoneNumber: c.phone } : null);
    if (idle) {
      const i = (await post(`{ customer(id: "${gidOf("Customer", idle.id)}") { canDelete lastOrder { id } } }`))
        .customer;
      expect(i).toEqual({ canDelete: true, lastOrder: null });
    }

    const product = data.products.find((p) => p.variants.length > 1) ?? data.products[0]!;
    const p = (
      await post(`{ product(id: "${gidOf("Product", product.id)}") { variantsCount { count precision }
        priceRangeV2 { minVariantPrice { amount currencyCode } maxVariantPrice { amount } }
        variants(first: 50) { nodes { id position price } } byId: variants(first: 50, sortKey: ID) { nodes { id } } } }`)
    ).product;
    expect(p.variantsCount).toEqual({ count: product.variants.length, precision: "EXACT" });
    const cents = product.variants.map((v) => Math.round(Number(v.price) * 100));
    expect(Math.round(Number(p.priceRangeV2.minVariantPrice.amount) * 100)).toBe(Math.min(...cents));
    expect(Math.round(Number(p.priceRangeV2.maxVariantPrice.amount) * 100)).toBe(Math.max(...cents));
    expect(p.priceRangeV2.minVariantPrice.currencyCode).toBe(data.shop.currencyCode);
    const positions = p.variants.nodes.map((v: { position: number }) => v.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(p.byId.nodes.map((v: { id: string }) => v.id)).toEqual(
      [...product.variants].sort((a, b) => a.id - b.id).map((v) => gidOf("ProductVariant", v.id)),
    );
  });
});
