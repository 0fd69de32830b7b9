// Cost and throttling per Shopify's model, observed through extensions.cost.
// The simulator runs on a test clock, so "one second later" is exact and the
// assertions are on reported values, never on sleeps.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index.js";
import { adminClient, FIXED_ANCHOR, startTestSimulator } from "./helpers.js";

interface Cost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

describe("query cost and the leaky bucket", () => {
  let sim: RunningSimulator;
  let now = Date.UTC(2026, 10, 15, 12);
  const tokens: Record<string, string> = {};
  const STANDARD = "standard-shop.myshopify.com";
  const ADVANCED = "advanced-shop.myshopify.com";

  beforeAll(async () => {
    sim = await startTestSimulator({
      clock: () => now,
      shops: [
        { domain: STANDARD, seed: 3, size: "small", plan: "standard", anchor: FIXED_ANCHOR },
        { domain: ADVANCED, seed: 4, size: "empty", plan: "advanced" },
      ],
    });
    tokens[STANDARD] = sim.control.install(STANDARD).accessToken;
    tokens[ADVANCED] = sim.control.install(ADVANCED).accessToken;
  });
  afterAll(() => sim.close());

  async function run(shop: string, query: string) {
    const res = await adminClient(sim, shop, tokens[shop]!).request(query);
    return { res, cost: (res.extensions as { cost: Cost }).cost };
  }

  // Page-size factors Shopify reported for one-object nodes (simulator/test/recordings/query-costs.jsonl):
  // a connection of first: n costs 2 + factor(n) × node cost.
  const RECORDED_FACTOR: Record<number, number> = { 1: 1, 3: 2, 5: 3, 10: 4, 20: 5, 50: 7, 250: 11 };

  it("prices connections as Shopify reported (2 + factor(first) × node cost) and charges the actual cost", async () => {
    const { res, cost } = await run(STANDARD, `{ products(first: 250) { nodes { id } } }`);
    expect(res.errors).toBeUndefined();
    expect(cost.requestedQueryCost).toBe(2 + RECORDED_FACTOR[250]! * 1); // recorded: 13
    expect(cost.actualQueryCost).toBeLessThanOrEqual(cost.requestedQueryCost);
    expect(cost.throttleStatus).toEqual({
      maximumAvailable: 2000,
      currentlyAvailable: 2000 - cost.actualQueryCost!,
      restoreRate: 100,
    });
    const five = await run(STANDARD, `{ products(first: 5) { nodes { id } } }`);
    expect(sim.control.data(STANDARD).products.length).toBeGreaterThanOrEqual(5);
    expect(five.cost.requestedQueryCost).toBe(2 + RECORDED_FACTOR[5]!);
    expect(five.cost.actualQueryCost).toBe(2 + RECORDED_FACTOR[5]!); // five came back

    const nested = await run(
      STANDARD,
      `{ orders(first: 10) { edges { node { id customer { id } totalPriceSet { shopMoney { amount } } } } } }`,
    );
    // per order: node 1 + customer 1; MoneyBag and MoneyV2 are free (recorded: order { totalOutstandingSet { … } } costs 1).
    expect(nested.cost.requestedQueryCost).toBe(2 + RECORDED_FACTOR[10]! * 2);
    const count = await run(STANDARD, `{ productsCount { count } }`);
    expect(count.cost.requestedQueryCost).toBe(10); // recorded productsCount: 10
  });

  it("restores at the plan's rate (Standard 100/s, Advanced 200/s)", async () => {
    const before = (await run(STANDARD, `{ shop { name } }`)).cost.throttleStatus.currentlyAvailable;
    // Spend a known amount so the bucket is well below full.
    const spend = await run(STANDARD, `{ orders(first: 200) { nodes { id } } }`);
    const afterSpend = spend.cost.throttleStatus.currentlyAvailable;
    expect(afterSpend).toBe(before - spend.cost.actualQueryCost!);
    now += 1000;
    const later = (await run(STANDARD, `{ shop { name } }`)).cost;
    expect(later.throttleStatus.currentlyAvailable).toBe(Math.min(2000, afterSpend + 100) - 1);

    const adv = await run(ADVANCED, `{ shop { name } }`);
    expect(adv.cost.throttleStatus).toEqual({ maximumAvailable: 4000, currentlyAvailable: 3999, restoreRate: 200 });
    await run(ADVANCED, `{ customers(first: 250) { nodes { id } } }`); // empty shop: actual 2
    now += 500;
    const adv2 = await run(ADVANCED, `{ shop { name } }`);
    expect(adv2.cost.throttleStatus.currentlyAvailable).toBe(Math.min(4000, 3999 - 2 + 100) - 1);
  });

  it("throttles a burst and lets the same query through once the bucket refills", async () => {
    // 2 + 7 × (1 + 1 + (2 + 11 × (1 + (2 + 7)))) = 800: the third in a row cannot be paid for.
    const query = `{ orders(first: 50) { nodes { id customer { orders(first: 250) { nodes { id lineItems(first: 50) { nodes { id } } } } } } } }`;
    let throttled: Cost | undefined;
    let successes = 0;
    for (let i = 0; i < 20 && !throttled; i++) {
      const { res, cost } = await run(STANDARD, query);
      if (res.errors) {
        expect(res.errors.graphQLErrors?.[0]?.extensions?.code).toBe("THROTTLED");
        expect(res.errors.graphQLErrors?.[0]?.message).toBe("Throttled");
        expect(res.data).toBeUndefined();
        throttled = cost;
      } else {
        successes++;
      }
    }
    expect(successes).toBeGreaterThan(0);
    expect(throttled).toBeDefined();
    expect(throttled!.actualQueryCost).toBeNull();
    expect(throttled!.throttleStatus.currentlyAvailable).toBeLessThan(throttled!.requestedQueryCost);
    // Wait (on the test clock) exactly as long as the reported status says is needed.
    const missing = throttled!.requestedQueryCost - throttled!.throttleStatus.currentlyAvailable;
    now += Math.ceil((missing / throttled!.throttleStatus.restoreRate) * 1000);
    const retry = await run(STANDARD, query);
    expect(retry.res.errors).toBeUndefined();
  });

  it("refuses a query above the single-query maximum before charging anything", async () => {
    now += 60_000; // full bucket
    const { res, cost } = await run(
      STANDARD,
      `{ orders(first: 250) { nodes { id customer { orders(first: 250) { nodes { id lineItems(first: 50) { nodes { id } } } } } } } }`,
    );
    // 2 + 11 × (1 + 1 + (2 + 11 × (1 + (2 + 7)))) = 1256
    expect(cost.requestedQueryCost).toBe(1256);
    expect(res.errors?.graphQLErrors?.[0]?.extensions).toEqual({
      code: "MAX_COST_EXCEEDED",
      cost: 1256,
      maxCost: 1000,
    });
    expect(res.errors?.graphQLErrors?.[0]?.message).toMatch(
      /^Query cost is 1256, which exceeds the single query max cost limit \(1000\)/,
    );
    expect(cost.throttleStatus.currentlyAvailable).toBe(2000);
  });

  it("throttles everything while the forced-throttling knob is on", async () => {
    sim.control.setFaults(STANDARD, { forceThrottle: true });
    const { res } = await run(STANDARD, `{ shop { name } }`);
    expect(res.errors?.graphQLErrors?.[0]?.extensions?.code).toBe("THROTTLED");
    sim.control.setFaults(STANDARD, { forceThrottle: false });
    now += 60_000;
    expect((await run(STANDARD, `{ shop { name } }`)).res.errors).toBeUndefined();
  });
});
