// The simulated surface (src/graphql/surface.ts): the resolver table is the list of
// what the simulator answers; SURFACE.md is generated from it; a document reaching
// outside it is refused whole before execution, over HTTP and as a bulk query.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_API_VERSION, schemaForVersion } from "../src/graphql/admin-schema.js";
import { resolvers } from "../src/graphql/resolvers.js";
import { OUTSIDE_SURFACE_CODE, renderSurfaceMarkdown } from "../src/graphql/surface.js";
import type { RunningSimulator } from "../src/index.js";
import { FIXED_ANCHOR, startTestSimulator, waitFor } from "./helpers.js";

const { schema } = schemaForVersion(DEFAULT_API_VERSION);

describe("the resolver table is the simulated surface", () => {
  it("SURFACE.md is generated from the current table (npm run surface --workspace simulator)", () => {
    const checkedIn = readFileSync(fileURLToPath(new URL("../SURFACE.md", import.meta.url)), "utf8");
    expect(checkedIn).toBe(renderSurfaceMarkdown(schema, DEFAULT_API_VERSION));
  });

  it("names only object types and fields of the vendored schema", () => {
    const wrong: string[] = [];
    for (const [typeName, fields] of Object.entries(resolvers)) {
      const type = schema.getType(typeName);
      if (!type || !isObjectType(type)) {
        wrong.push(typeName);
        continue;
      }
      for (const f of Object.keys(fields)) if (!type.getFields()[f]) wrong.push(`${typeName}.${f}`);
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
      shops: [{ domain: SHOP, seed: 5, size: "small", anchor: FIXED_ANCHOR }],
      bulk: { objectsPerSecond: 1_000_000 },
    });
    token = sim.control.install(SHOP).accessToken;
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
