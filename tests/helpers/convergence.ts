// "After each fault the database equals the simulator's data with no duplicates":
// - the ids and counts of customers, products and orders equal what the simulator's
//   Admin API answers (paged here, in the test, with the shop's token);
// - every record, line, refund and amount equals the simulator's data
//   (expectDatabaseMatchesSimulator, totals derived by hand from the definitions);
// - the daily rollups equal a recomputation over the stored rows (a pass cut short
//   must not leave rollups of half-written batches).
import type { PrismaClient } from "@prisma/client";
import { expect } from "vitest";
import type { RunningSimulator } from "../../simulator/src/index";
import { recomputeAllRollups } from "~/insights/rollups";
import { adminLedger, storedLedger } from "../ledger-support";
import { expectDatabaseMatchesSimulator } from "../sync-support";

const PAGED = {
  customers: "customers",
  products: "products",
  orders: "orders",
} as const;

/** Every id of a resource as the Admin API lists it (numeric part of the GID). */
export async function adminApiIds(
  sim: RunningSimulator,
  token: string,
  resource: keyof typeof PAGED,
): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const response = await fetch(sim.graphqlUrl("2026-10"), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
      body: JSON.stringify({
        query: `query Ids($after: String) { ${PAGED[resource]}(first: 250, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        variables: { after },
      }),
    });
    const body = (await response.json()) as {
      data?: Record<string, { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } }>;
      errors?: unknown;
    };
    if (!body.data) {
      // Throttled (a storm the test left on, or its own pace): wait for the bucket.
      await new Promise((r) => setTimeout(r, 1_000));
      continue;
    }
    const page = body.data[PAGED[resource]]!;
    ids.push(...page.nodes.map((n) => n.id.split("/").pop()!));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return ids.sort();
}

export async function expectConverged(
  prisma: PrismaClient,
  sim: RunningSimulator,
  shop: string,
  token: string,
  options: { ledger?: boolean } = {},
): Promise<{ customers: number; products: number; orders: number; sales?: number }> {
  const row = await prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
  const counts: { customers: number; products: number; orders: number; sales?: number } = {
    customers: 0,
    products: 0,
    orders: 0,
  };
  for (const resource of ["customers", "products", "orders"] as const) {
    const expected = await adminApiIds(sim, token, resource);
    const where = { where: { shopId: row.id }, select: { id: true } };
    const stored =
      resource === "customers"
        ? await prisma.customer.findMany(where)
        : resource === "products"
          ? await prisma.product.findMany(where)
          : await prisma.order.findMany(where);
    const storedIds = stored.map((r) => r.id.toString()).sort();
    expect(storedIds.length, `${resource}: stored vs Admin API count`).toBe(expected.length);
    expect(storedIds, `${resource}: stored ids vs Admin API ids`).toEqual(expected);
    counts[resource] = expected.length;
  }
  await expectDatabaseMatchesSimulator(prisma, row.id, sim.control.data(shop));
  const rollups = () => prisma.insightsShopDay.findMany({ where: { shopId: row.id }, orderBy: { localDate: "asc" } });
  const before = JSON.stringify(await rollups(), (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  await recomputeAllRollups(prisma, row.id);
  const after = JSON.stringify(await rollups(), (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  expect(JSON.parse(before), "daily rollups equal a recomputation over the stored rows").toEqual(JSON.parse(after));
  if (options.ledger) {
    const expected = await adminLedger(sim.url, token);
    expect(await storedLedger(prisma, row.id), "sales ledger vs the Admin API's").toEqual(expected);
    counts.sales = expected.length;
  }
  return counts;
}

/**
 * Time that passes without waiting: the Admin API client's `now`/`sleep` and the
 * simulator's `clock` read the same offset, so a 30 s outage and the client's
 * exponential backoff through it take milliseconds of real time.
 */
export function virtualClock() {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw signal.reason;
      offset += ms;
      await new Promise((r) => setImmediate(r));
    },
    skippedMs: () => offset,
  };
}
