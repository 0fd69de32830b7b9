// Search warnings as Shopify records them: an unknown filter is ignored and reported in
// `extensions.search` with the query, Shopify's parse of it (`parsed`) and warnings carrying
// `code`. The recorded entries are replayed on the simulator's orders, customers and products
// connections; only `path` differs (the recorded root was draftOrders / a named alias).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index.js";
import { FIXED_ANCHOR, startTestSimulator } from "./helpers.js";

const recording = (path: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`./recordings/${path}`, import.meta.url)), "utf8"));

interface RecordedSearch {
  path: string[];
  query: string;
  parsed: unknown;
  warnings: Array<{ field: string; message: string; code: string }>;
}

describe("search warnings replayed from recordings", () => {
  let sim: RunningSimulator;
  let token: string;
  let shop: string;

  beforeAll(async () => {
    sim = await startTestSimulator({
      shops: [{ seed: 3, size: { orders: 30, customers: 10, products: 5, days: 30 }, anchor: FIXED_ANCHOR }],
    });
    shop = sim.shops[0]!.domain;
    token = sim.control.install(shop, {
      scopes: ["read_orders", "read_all_orders", "read_customers", "read_products"],
    }).accessToken;
  });
  afterAll(() => sim.close());

  async function search(root: string, query: string, alias?: string) {
    const res = await fetch(`${sim.url}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-access-token": token },
      body: JSON.stringify({
        query: `query($q: String) { ${alias ? `${alias}: ` : ""}${root}(first: 1, query: $q) { nodes { id } } }`,
        variables: { q: query },
      }),
    });
    return (await res.json()) as { data: Record<string, unknown>; extensions: { search?: RecordedSearch[] } };
  }

  const unknownAndKnown: RecordedSearch = recording("2025-01/orders/draft-orders-search-sort-staged.json").reads
    .unknownAndKnown.response.extensions.search[0];
  const aliased: RecordedSearch = recording("2026-04/products/selling-plan-group-lifecycle.json").captures[22].response
    .extensions.search[0];

  it("an unknown field next to a known one (recorded on draftOrders)", async () => {
    for (const root of ["orders", "customers", "products"]) {
      const body = await search(root, unknownAndKnown.query);
      expect(body.data[root]).toBeDefined();
      // Allow-list: the path names the simulator's root field instead of draftOrders.
      expect(body.extensions.search).toEqual([{ ...unknownAndKnown, path: [root] }]);
    }
  });

  it("an aliased connection: the path is the response key, `parsed` nests AND terms", async () => {
    // The recorded query filtered selling plan groups by `name`, which products do not know either:
    // the simulator warns for both unknown fields; the recorded warning is one of them, in Shopify's form.
    const body = await search("products", aliased.query, aliased.path[0]);
    const [entry] = body.extensions.search!;
    expect(entry!.path).toEqual(aliased.path);
    expect(entry!.query).toBe(aliased.query);
    expect(entry!.parsed).toEqual(aliased.parsed);
    expect(entry!.warnings).toContainEqual(aliased.warnings[0]);
    expect(
      entry!.warnings.every((w) => w.code === "invalid_field" && w.message === "Invalid search field for this query."),
    ).toBe(true);
  });
});
