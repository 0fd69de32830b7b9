// How the Admin API refuses: Shopify's 401 body for bad tokens, GraphQL
// validation errors for invalid documents, an explicit error for fields the
// simulator does not implement, access-scope errors, paging argument errors,
// and injected 5xx answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateAdminDocument, type RunningSimulator } from "../src/index.js";
import { FIXED_ANCHOR, startTestSimulator } from "./helpers.js";

const INVALID = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };

describe("Admin API errors", () => {
  let sim: RunningSimulator;
  let token: string;
  const SHOP = "errors.myshopify.com";

  beforeAll(async () => {
    sim = await startTestSimulator({ shops: [{ domain: SHOP, seed: 5, size: "small", anchor: FIXED_ANCHOR }] });
    token = sim.control.install(SHOP, { scopes: ["read_orders", "read_all_orders", "read_products"] }).accessToken;
  });
  afterAll(() => sim.close());

  async function post(body: unknown, headers: Record<string, string> = { "x-shopify-access-token": token }) {
    const res = await fetch(`${sim.url}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  it("answers 401 with Shopify's body for a missing or unknown token", async () => {
    expect(await post({ query: "{ shop { name } }" }, {})).toEqual({ status: 401, body: INVALID });
    expect(await post({ query: "{ shop { name } }" }, { "x-shopify-access-token": "shpua_nope" })).toEqual({
      status: 401,
      body: INVALID,
    });
  });

  it("answers 401 for a revoked token", async () => {
    const t = sim.simulator.tokens;
    const issued = t.issueOffline(SHOP, ["read_orders"], { expiring: false });
    expect((await post({ query: "{ shop { name } }" }, { "x-shopify-access-token": issued.access_token })).status).toBe(
      200,
    );
    expect(t.revokeAccessToken(issued.access_token)).toBe(true);
    expect(await post({ query: "{ shop { name } }" }, { "x-shopify-access-token": issued.access_token })).toEqual({
      status: 401,
      body: INVALID,
    });
  });

  it("answers 401 for an expired token", async () => {
    let now = Date.UTC(2026, 10, 20);
    const clocked = await startTestSimulator({
      clock: () => now,
      shops: [{ domain: "clock.myshopify.com", size: "empty" }],
    });
    try {
      const issued = clocked.control.install("clock.myshopify.com", { expiring: true });
      expect(issued.expiresIn).toBe(3600);
      const ask = () =>
        fetch(`${clocked.url}/admin/api/2026-10/graphql.json`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-shopify-access-token": issued.accessToken },
          body: JSON.stringify({ query: "{ shop { name } }" }),
        });
      expect((await ask()).status).toBe(200);
      now += 3601 * 1000;
      const expired = await ask();
      expect(expired.status).toBe(401);
      expect(await expired.json()).toEqual(INVALID);
    } finally {
      await clocked.close();
    }
  });

  it("rejects documents that do not validate against the 2026-10 schema", async () => {
    const r = await post({ query: "{ orders(first: 1) { nodes { id totallyUnknownField } } }" });
    expect(r.status).toBe(200);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors[0]).toMatchObject({
      message: "Field 'totallyUnknownField' doesn't exist on type 'Order'",
      extensions: { code: "undefinedField", typeName: "Order", fieldName: "totallyUnknownField" },
    });
    const syntax = await post({ query: "{ orders(first: 1) { nodes { id }" });
    expect(syntax.status).toBe(200);
    expect(syntax.body.errors[0].message).toMatch(/Syntax Error/);
    const missing = await post({});
    expect(missing).toEqual({ status: 400, body: { errors: { query: "Required parameter missing or invalid" } } });
  });

  it("offers the schema check to app tests", () => {
    expect(validateAdminDocument("query { orders(first: 1) { nodes { id processedAt } } }")).toEqual([]);
    expect(validateAdminDocument("query { orders(first: 1) { nodes { nope } } }")).toEqual([
      expect.stringMatching(/^Cannot query field "nope" on type "Order"/),
    ]);
  });

  it("accepts a bare document sent as application/graphql", async () => {
    const res = await fetch(`${sim.url}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/graphql", "x-shopify-access-token": token },
      body: "{ shop { myshopifyDomain } }",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-shopify-api-version")).toBe("2026-10");
    expect(((await res.json()) as { data: unknown }).data).toEqual({ shop: { myshopifyDomain: SHOP } });
  });

  it("refuses a field outside the simulated surface by name instead of returning a silent null", async () => {
    const r = await post({ query: "{ orders(first: 1) { nodes { id paymentGatewayNames } } }" });
    expect(r.body).not.toHaveProperty("data");
    expect(r.body.extensions.cost.actualQueryCost).toBeNull();
    expect(r.body.errors).toEqual([
      {
        message:
          "Field 'paymentGatewayNames' on type 'Order' is outside the Shopify simulator's simulated surface " +
          "(simulator/SURFACE.md lists what it answers); the document was not executed.",
        locations: [{ line: 1, column: 33 }],
        extensions: { code: "OUTSIDE_SIMULATED_SURFACE", typeName: "Order", fieldName: "paymentGatewayNames" },
      },
    ]);
  });

  it("denies fields outside the granted scopes", async () => {
    const r = await post({ query: "{ customers(first: 1) { nodes { id } } }" });
    expect(r.body.errors[0]).toMatchObject({
      message: "Access denied for customers field. Required access: `read_customers` access scope.",
      extensions: { code: "ACCESS_DENIED" },
    });
  });

  it("requires first or last, at most 250", async () => {
    const none = await post({ query: "{ products { nodes { id } } }" });
    expect(none.body.errors[0].message).toBe("you must provide one of first or last");
    const tooMany = await post({ query: "{ products(first: 251) { nodes { id } } }" });
    expect(tooMany.body.errors[0].message).toMatch(/first argument must be between 0 and 250/);
  });

  it("reports unknown search fields as search warnings and ignores them", async () => {
    const r = await post({ query: `{ products(first: 3, query: "bogus_field:1") { nodes { id } } }` });
    expect(r.body.data.products.nodes).toHaveLength(3);
    expect(r.body.extensions.search).toEqual([
      {
        path: ["products"],
        query: "bogus_field:1",
        parsed: { field: "bogus_field", match_all: "1" },
        warnings: [{ field: "bogus_field", message: "Invalid search field for this query.", code: "invalid_field" }],
      },
    ]);
  });

  it("injects 5xx answers at the configured rate, deterministically per seed", async () => {
    const pattern = async () => {
      sim.control.setFaults(SHOP, { adminApiErrorRate: 0.5, seed: 9 });
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await post({ query: "{ shop { name } }" })).status);
      return statuses;
    };
    const first = await pattern();
    const second = await pattern();
    sim.control.setFaults(SHOP, { adminApiErrorRate: 0 });
    expect(first).toEqual(second);
    expect(first).toContain(503);
    expect(first).toContain(200);
  });

  it("an outage answers 503 until adminApiDownUntil on the simulator's clock, then serves again", async () => {
    sim.control.setFaults(SHOP, { adminApiDownUntil: sim.simulator.clock() + 60_000 });
    const during = await post({ query: "{ shop { name } }" });
    expect(during.status).toBe(503);
    expect(during.body.errors).toMatch(/adminApiDownUntil/);
    sim.control.setFaults(SHOP, { adminApiDownUntil: sim.simulator.clock() - 1 });
    expect((await post({ query: "{ shop { name } }" })).status).toBe(200);
    sim.control.setFaults(SHOP, { adminApiDownUntil: null });
  });

  it("a throttling storm answers THROTTLED (HTTP 200, drained bucket) at the configured rate, per seed", async () => {
    // Its own simulator on a virtual clock a second ahead per call: a forced throttle drains
    // the bucket, and on the wall clock whether the next call finds a point restored would
    // depend on how fast the machine answers (a quiet machine saw only THROTTLED).
    let now = Date.parse("2026-06-01T12:00:00Z");
    const stormSim = await startTestSimulator({
      clock: () => now,
      shops: [{ domain: SHOP, seed: 5, size: "small", anchor: FIXED_ANCHOR }],
    });
    try {
      const stormToken = stormSim.control.install(SHOP, { scopes: ["read_products"] }).accessToken;
      const pattern = async () => {
        stormSim.control.setFaults(SHOP, { throttleRate: 0.5, seed: 4 });
        const codes: string[] = [];
        for (let i = 0; i < 10; i++) {
          now += 1_000;
          const res = await fetch(`${stormSim.url}/admin/api/2026-10/graphql.json`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-shopify-access-token": stormToken },
            body: JSON.stringify({ query: "{ shop { name } }" }),
          });
          expect(res.status).toBe(200);
          const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
          codes.push(body.errors?.[0]?.extensions?.code ?? "OK");
        }
        return codes;
      };
      const first = await pattern();
      expect(first).toContain("THROTTLED");
      expect(first).toContain("OK");
      // The same seed gives the same storm.
      expect(await pattern()).toEqual(first);
    } finally {
      await stormSim.close();
    }
  });

  it("holds answers back by adminApiLatencyMs", async () => {
    sim.control.setFaults(SHOP, { adminApiLatencyMs: 300 });
    const started = Date.now();
    expect((await post({ query: "{ shop { name } }" })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    sim.control.setFaults(SHOP, { adminApiLatencyMs: 0 });
  });

  it("counts Admin API calls per shop and stops counting after uninstall", async () => {
    const before = sim.control.adminApiCallCount(SHOP);
    await post({ query: "{ shop { name } }" });
    expect(sim.control.adminApiCallCount(SHOP)).toBe(before + 1);
    const calls = (await (await fetch(`${sim.url}/_sim/shops/${SHOP}/admin-api-calls`)).json()) as { count: number };
    expect(calls.count).toBe(before + 1);
    sim.control.uninstall(SHOP);
    expect((await post({ query: "{ shop { name } }" })).status).toBe(401);
    expect(sim.control.adminApiCallCount(SHOP)).toBe(before + 1);
  });
});
