// Bulk query operations end to end: validation, status polling through the
// Admin API, the signed JSONL result, reassembly of nested lines by
// __parentId, the concurrency limit, cancel and the bulk_operations/finish webhook.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index.js";
import type { ShopData } from "../src/store/types.js";
import { FIXED_ANCHOR, startTestSimulator, waitFor } from "./helpers.js";

describe("bulk operations", () => {
  let sim: RunningSimulator;
  let token: string;
  let oracle: ShopData;
  let hooks: Server;
  const finished: Array<Record<string, unknown>> = [];
  const SHOP = "bulk.myshopify.com";

  beforeAll(async () => {
    hooks = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        if (req.headers["x-shopify-topic"] === "bulk_operations/finish") finished.push(JSON.parse(body));
        res.end();
      });
    });
    await new Promise<void>((r) => hooks.listen(0, "127.0.0.1", () => r()));
    const hookUrl = `http://127.0.0.1:${(hooks.address() as { port: number }).port}`;
    sim = await startTestSimulator({
      shops: [{ domain: SHOP, seed: 21, size: "small", anchor: FIXED_ANCHOR }],
      webhookConfig: {
        apiVersion: "2026-10",
        subscriptions: [{ topics: ["bulk_operations/finish"], uri: `${hookUrl}/webhooks` }],
        compliance: [],
      },
      bulk: { objectsPerSecond: 1_000_000 },
    });
    token = sim.control.install(SHOP).accessToken;
    oracle = sim.control.data(SHOP);
  });
  afterAll(async () => {
    await sim.close();
    await new Promise((r) => hooks.close(r));
  });

  async function gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    version = "2026-10",
  ): Promise<{ data: T; errors?: unknown }> {
    const res = await fetch(`${sim.url}/admin/api/${version}/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-access-token": token },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data: T; errors?: unknown };
  }

  const RUN = `mutation Run($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { field message code } } }`;
  const RUN_GROUPED = `mutation Run($q: String!, $g: Boolean!) { bulkOperationRunQuery(query: $q, groupObjects: $g) { bulkOperation { id status } userErrors { field message code } } }`;
  const STATUS = `query Status($id: ID!) { node(id: $id) { ... on BulkOperation { id status errorCode objectCount rootObjectCount fileSize url partialDataUrl createdAt completedAt } } }`;

  async function runToEnd(q: string, opts: { groupObjects?: boolean; version?: string } = {}) {
    const started =
      opts.groupObjects === undefined
        ? await gql(RUN, { q }, opts.version)
        : await gql(RUN_GROUPED, { q, g: opts.groupObjects }, opts.version);
    expect(started.data.bulkOperationRunQuery.userErrors).toEqual([]);
    const id = started.data.bulkOperationRunQuery.bulkOperation.id as string;
    expect(started.data.bulkOperationRunQuery.bulkOperation.status).toBe("CREATED");
    return waitFor(
      async () => {
        const s = (await gql(STATUS, { id })).data.node;
        return s.status === "COMPLETED" || s.status === "FAILED" || s.status === "CANCELED" || s.status === "EXPIRED"
          ? s
          : undefined;
      },
      20_000,
      "bulk operation",
    );
  }

  it("exports orders with nested line items as JSONL lines linked by __parentId", async () => {
    const op = await runToEnd(
      `{ orders(query: "created_at:>='2026-01-01'") { edges { node { id name totalPriceSet { shopMoney { amount } } lineItems(first: 1) { edges { node { id sku quantity } } } } } } }`,
    );
    expect(op.status).toBe("COMPLETED");
    // A date without time is midnight in the shop's time zone (America/New_York: 05:00Z in January).
    const expectedOrders = oracle.orders
      .filter((o) => o.createdAt >= "2026-01-01T05:00:00Z")
      .sort((a, b) => (a.processedAt < b.processedAt ? -1 : a.processedAt > b.processedAt ? 1 : a.id - b.id));
    const expectedLines = expectedOrders.reduce((n, o) => n + o.lineItems.length, 0);
    expect(Number(op.rootObjectCount)).toBe(expectedOrders.length);
    expect(Number(op.objectCount)).toBe(expectedOrders.length + expectedLines);
    expect(op.url).toMatch(
      new RegExp(`^${sim.url}/_sim/bulk-results/\\d+\\.jsonl\\?expires=\\d+&signature=[0-9a-f]{64}$`),
    );

    const res = await fetch(op.url);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(Number(op.fileSize)).toBe(Buffer.byteLength(text));
    const lines = text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    // Reassemble: parents first, children by __parentId (ignores the `first: 1` on the nested connection).
    const orders = new Map<
      string,
      { id: string; name: string; lineItems: Array<{ id: string; sku: string | null; quantity: number }> }
    >();
    for (const line of lines) {
      if (line.__parentId)
        orders.get(line.__parentId)!.lineItems.push({ id: line.id, sku: line.sku, quantity: line.quantity });
      else orders.set(line.id, { id: line.id, name: line.name, lineItems: [] });
      expect(Object.keys(line)).not.toContain("__simParentId");
      expect(Object.keys(line)).not.toContain("lineItems");
    }
    // Root objects keep the query's order; children only come somewhere after their parent (ungrouped).
    expect([...orders.keys()]).toEqual(expectedOrders.map((o) => `gid://shopify/Order/${o.id}`));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    for (const o of expectedOrders) {
      expect([...orders.get(`gid://shopify/Order/${o.id}`)!.lineItems].sort(byId)).toEqual(
        o.lineItems.map((l) => ({ id: `gid://shopify/LineItem/${l.id}`, sku: l.sku, quantity: l.quantity })).sort(byId),
      );
    }
    await waitFor(() => finished.find((f) => f.admin_graphql_api_id === op.id), 5000, "bulk_operations/finish");
    expect(finished.find((f) => f.admin_graphql_api_id === op.id)).toEqual({
      admin_graphql_api_id: op.id,
      completed_at: op.completedAt,
      created_at: op.createdAt,
      error_code: null,
      status: "completed",
      type: "query",
    });
  });

  it("refuses a connection inside a list field (Order.refunds[].refundLineItems), as Shopify does", async () => {
    // bulk-operation-run-query-validators.json connectionWithinList: Shopify refuses every such query.
    const q = `{ orders { edges { node { id refunds { id refundLineItems { edges { node { id quantity } } } } } } } }`;
    const r = await gql(RUN, { q });
    expect(r.data.bulkOperationRunQuery).toEqual({
      bulkOperation: null,
      userErrors: [
        {
          field: ["query"],
          message: "Queries that contain a connection field within a list field are not currently supported.",
          code: "INVALID",
        },
      ],
    });
  });

  it("links connections under plain objects to the enclosing node (Order.customer.orders)", async () => {
    const op = await runToEnd(
      `{ orders(query: "financial_status:refunded") { edges { node { id name customer { email orders { edges { node { id } } } } } } } }`,
    );
    expect(op.status).toBe("COMPLETED");
    const lines = (await (await fetch(op.url)).text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const parents = lines.filter((l) => !l.__parentId);
    expect(parents.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.__parentId).length).toBeGreaterThan(0);
    for (const child of lines.filter((l) => l.__parentId)) {
      const parent = oracle.orders.find((o) => `gid://shopify/Order/${o.id}` === child.__parentId)!;
      expect(parent).toBeDefined();
      const own = oracle.orders.find((o) => `gid://shopify/Order/${o.id}` === child.id)!;
      expect(own.customerId).toBe(parent.customerId);
    }
    // The connection is lifted out of `customer`; the rest of `customer` stays on the parent line.
    expect(parents.every((p) => Object.keys(p).every((k) => k === "id" || k === "name" || k === "customer"))).toBe(
      true,
    );
    expect(parents.every((p) => p.customer === null || Object.keys(p.customer).join() === "email")).toBe(true);
  });

  it("serves results only with a valid signature", async () => {
    const op = await runToEnd(`{ products { edges { node { id title } } } }`);
    const tampered = op.url.replace(/signature=[0-9a-f]{4}/, "signature=0000");
    expect((await fetch(tampered)).status).toBe(403);
    const lines = (await (await fetch(op.url)).text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(oracle.products.map((p) => `gid://shopify/Product/${p.id}`));
    const current = await gql(`{ currentBulkOperation { id status } }`);
    expect(current.data.currentBulkOperation).toEqual({ id: op.id, status: "COMPLETED" });
  });

  it("lists operations with bulkOperations, newest first, filtered by status", async () => {
    const all = sim.simulator.bulk.views(sim.control.store(SHOP));
    const completed = all.filter((o) => o.status === "COMPLETED");
    expect(completed.length).toBeGreaterThanOrEqual(2);
    const r = await gql(`{ bulkOperations(first: 10, query: "status:completed") { nodes { id status } } }`);
    expect(r.data.bulkOperations.nodes).toEqual(
      [...completed].reverse().map((o) => ({ id: o.id, status: "COMPLETED" })),
    );
  });

  it("applies Shopify's bulk query rules with Shopify's messages", async () => {
    // Messages recorded in simulator/test/recordings/2026-04/bulk-operations/bulk-operation-run-query-validators.json.
    const cases: Array<[string, string[]]> = [
      [`{ shop { name } }`, ["Bulk queries must contain at least one connection."]],
      [
        `{ node(id: "gid://shopify/Order/1") { id } }`,
        ["Bulk queries cannot contain a top level `node` field.", "Bulk queries must contain at least one connection."],
      ],
      [
        `{ customers { nodes { id } } }`,
        [
          "All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: 'customers { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection fields: 'customers'.",
        ],
      ],
      [
        `{ products { edges { node { title variants { edges { node { id } } } } } } }`,
        [
          "The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. Connection fields without 'id': products.",
        ],
      ],
      [
        `{ products { edges { node { id variants { edges { node { id product { id variants { edges { node { id product { variants { edges { node { id } } } } } } } } } } } } } } }`,
        ["Bulk queries cannot contain connections with a nesting depth greater than 2."],
      ],
      [`{ orders { edges { node { id nope } } } }`, ["Invalid bulk query: Field 'nope' doesn't exist on type 'Order'"]],
    ];
    // Five connections, nested two deep below the root (root = depth 0), is allowed and runs.
    const five = `{ orders(first: 5) { edges { node { id lineItems { edges { node { id } } } shippingLines { edges { node { id } } }
      customer { orders { edges { node { id lineItems { edges { node { id } } } } } } } } } } }`;
    const done = await runToEnd(five);
    expect(done.status).toBe("COMPLETED");
    cases.push([
      five.replace(
        "lineItems { edges { node { id } } } } }",
        "lineItems { edges { node { id } } } shippingLines { edges { node { id } } } } }",
      ),
      ["Bulk queries cannot contain more than 5 connections."],
    ]);
    for (const [q, messages] of cases) {
      const r = await gql(RUN, { q });
      expect(r.data.bulkOperationRunQuery.bulkOperation, q).toBeNull();
      expect(r.data.bulkOperationRunQuery.userErrors, q).toEqual(
        messages.map((message) => ({ field: ["query"], message, code: "INVALID" })),
      );
    }
  });

  // Orders with their line items: 2 connections, enough children to interleave.
  const NESTED = `{ orders { edges { node { id name lineItems { edges { node { id } } } } } } }`;
  const linesOf = async (url: string) =>
    (await (await fetch(url)).text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; __parentId?: string });

  it("writes ungrouped output by default on 2026-10: children after their parent, never right after it, seeded", async () => {
    const expectedChildren = oracle.orders.reduce((n, o) => n + o.lineItems.length, 0);
    const first = await runToEnd(NESTED);
    const lines = await linesOf(first.url);
    expect(lines.length).toBe(oracle.orders.length + expectedChildren);
    const position = new Map(lines.map((l, i) => [l.id, i]));
    let adjacent = 0;
    for (const [i, l] of lines.entries()) {
      if (!l.__parentId) continue;
      expect(position.get(l.__parentId)!, l.id).toBeLessThan(i);
      if (lines[i - 1]!.id === l.__parentId) adjacent++;
    }
    expect(adjacent).toBe(0);
    // The order comes from the shop's fault seed (and the operation id): another seed, another order.
    sim.control.setFaults(SHOP, { seed: 77 });
    const seeded = await linesOf((await runToEnd(NESTED)).url);
    expect(seeded.map((l) => l.id).sort()).toEqual(lines.map((l) => l.id).sort());
    expect(seeded.map((l) => l.id)).not.toEqual(lines.map((l) => l.id));
    sim.control.setFaults(SHOP, { seed: 1 });
  });

  it("groups children right after their parent with groupObjects: true, and by default before 2026-01", async () => {
    for (const opts of [{ groupObjects: true }, { version: "2025-10" }]) {
      const lines = await linesOf((await runToEnd(NESTED, opts)).url);
      const expected = oracle.orders
        .slice()
        .sort((a, b) => (a.processedAt < b.processedAt ? -1 : a.processedAt > b.processedAt ? 1 : a.id - b.id))
        .flatMap((o) => [`gid://shopify/Order/${o.id}`, ...o.lineItems.map((l) => `gid://shopify/LineItem/${l.id}`)]);
      expect(
        lines.map((l) => l.id),
        JSON.stringify(opts),
      ).toEqual(expected);
    }
  });

  it("fails with TIMEOUT keeping the partial data (fault knob), and shows EXPIRED results", async () => {
    sim.control.setFaults(SHOP, { bulkFailure: "TIMEOUT", bulkFailAfterObjects: 300 });
    try {
      const op = await runToEnd(`{ customers { edges { node { id } } } }`);
      expect(op.status).toBe("FAILED");
      expect(op.errorCode).toBe("TIMEOUT");
      expect(op.url).toBeNull();
      // Pages of 250 roots: the knob trips before the second page's 51st customer.
      expect(Number(op.objectCount)).toBe(Math.min(300, oracle.customers.length));
      const partial = await linesOf(op.partialDataUrl);
      expect(partial.map((l) => l.id)).toEqual(
        oracle.customers.slice(0, Number(op.objectCount)).map((c) => `gid://shopify/Customer/${c.id}`),
      );
      sim.control.setFaults(SHOP, { bulkFailure: "INTERNAL_SERVER_ERROR", bulkFailAfterObjects: 0 });
      const none = await runToEnd(`{ customers { edges { node { id } } } }`);
      expect(none).toMatchObject({
        status: "FAILED",
        errorCode: "INTERNAL_SERVER_ERROR",
        objectCount: "0",
        url: null,
        partialDataUrl: null,
      });
    } finally {
      sim.control.setFaults(SHOP, { bulkFailure: null, bulkFailAfterObjects: 0 });
    }
    const done = await runToEnd(`{ products { edges { node { id } } } }`);
    expect(done.status).toBe("COMPLETED");
    sim.control.setFaults(SHOP, { bulkResultsExpired: true });
    try {
      const expired = (await gql(STATUS, { id: done.id })).data.node;
      expect(expired).toMatchObject({
        id: done.id,
        status: "EXPIRED",
        url: null,
        partialDataUrl: null,
        fileSize: null,
      });
    } finally {
      sim.control.setFaults(SHOP, { bulkResultsExpired: false });
    }
  });

  it("allows five concurrent bulk queries on 2026-10, one on 2025-10, and cancels", async () => {
    sim.simulator.bulk.setSpeed(50); // slow, so they overlap
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await gql(RUN, { q: `{ customers { edges { node { id } } } }` });
        expect(r.data.bulkOperationRunQuery.userErrors).toEqual([]);
        ids.push(r.data.bulkOperationRunQuery.bulkOperation.id);
      }
      // bulk-operation-run-query-concurrency-limit.json: OPERATION_IN_PROGRESS naming all five.
      const sixth = await gql(RUN, { q: `{ customers { edges { node { id } } } }` });
      expect(sixth.data.bulkOperationRunQuery.bulkOperation).toBeNull();
      expect(sixth.data.bulkOperationRunQuery.userErrors).toEqual([
        {
          field: null,
          message: `A bulk query operation for this app and shop is already in progress: ${ids.join(", ")}.`,
          code: "OPERATION_IN_PROGRESS",
        },
      ]);
      const older = await gql(RUN, { q: `{ customers { edges { node { id } } } }` }, "2025-10");
      expect(older.data.bulkOperationRunQuery.userErrors[0].code).toBe("OPERATION_IN_PROGRESS");

      for (const id of ids) {
        const c = await gql(
          `mutation($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { id status } userErrors { message } } }`,
          { id },
        );
        expect(c.data.bulkOperationCancel.userErrors).toEqual([]);
        expect(c.data.bulkOperationCancel.bulkOperation.status).toBe("CANCELING");
      }
      for (const id of ids) {
        const s = await waitFor(
          async () => {
            const n = (await gql(STATUS, { id })).data.node;
            return n.status === "CANCELED" ? n : undefined;
          },
          10_000,
          "cancel",
        );
        expect(s.url).toBeNull();
      }
    } finally {
      sim.simulator.bulk.setSpeed(1_000_000);
    }
  });
});
