// Ungrouped bulk output is deterministic per seed: two fresh simulators with the same
// store and fault seed write byte-identical files; another seed writes another order.
import { describe, expect, it } from "vitest";
import { FIXED_ANCHOR, startTestSimulator, waitFor } from "./helpers.js";

const SHOP = "seeded.myshopify.com";
const QUERY = `{ orders { edges { node { id lineItems { edges { node { id } } } } } } }`;

async function exportOnce(faultSeed: number): Promise<string> {
  const sim = await startTestSimulator({
    shops: [{ domain: SHOP, seed: 4, size: "small", anchor: FIXED_ANCHOR }],
    bulk: { objectsPerSecond: 1_000_000 },
  });
  try {
    const token = sim.control.install(SHOP).accessToken;
    sim.control.setFaults(SHOP, { seed: faultSeed });
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(sim.graphqlUrl("2026-10"), {
        method: "POST",
        headers: { "content-type": "application/json", "x-shopify-access-token": token },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data: Record<string, any> };
    };
    const run = await gql(
      `mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { message } } }`,
      { q: QUERY },
    );
    expect(run.data.bulkOperationRunQuery.userErrors).toEqual([]);
    const id = run.data.bulkOperationRunQuery.bulkOperation.id;
    const url = await waitFor(
      async () => {
        const op = (await gql(`query($id: ID!) { bulkOperation(id: $id) { status url } }`, { id })).data.bulkOperation;
        return op.status === "COMPLETED" ? (op.url as string) : undefined;
      },
      20_000,
      "bulk export",
    );
    return await (await fetch(url)).text();
  } finally {
    await sim.close();
  }
}

describe("ungrouped bulk output", () => {
  it("is the same file for the same seed and another order for another seed", async () => {
    const a = await exportOnce(5);
    const b = await exportOnce(5);
    const c = await exportOnce(6);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(c.split("\n").sort()).toEqual(a.split("\n").sort());
  });
});
