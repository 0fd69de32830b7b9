// @shopify/shopify-api (what @shopify/shopify-app-remix uses for admin.graphql)
// talks to the simulator through its one replaceable fetch, with the origin
// https://{shop} mapped to the simulator — the way the app is meant to use it.
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, GraphqlQueryError, LogSeverity, Session, shopifyApi } from "@shopify/shopify-api";
import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index.js";
import { FIXED_ANCHOR, originMappingFetch, startTestSimulator } from "./helpers.js";

describe("@shopify/shopify-api GraphQL client against the simulator", () => {
  let sim: RunningSimulator;
  let session: Session;
  const original = abstractFetch;
  const SHOP = "libclient.myshopify.com";
  const shopify = shopifyApi({
    apiKey: "test-key",
    apiSecretKey: "test-secret",
    scopes: ["read_orders"],
    hostName: "127.0.0.1",
    apiVersion: ApiVersion.October26,
    isEmbeddedApp: true,
    logger: { level: LogSeverity.Error },
  });

  beforeAll(async () => {
    sim = await startTestSimulator({ shops: [{ domain: SHOP, seed: 8, size: "small", anchor: FIXED_ANCHOR }] });
    const mapped = originMappingFetch(sim.url);
    setAbstractFetchFunc((input, init) => mapped(input as string, init as RequestInit) as never);
    const { accessToken, scope } = sim.control.install(SHOP);
    session = new Session({ id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken, scope });
  });
  afterAll(async () => {
    setAbstractFetchFunc(original);
    await sim.close();
  });

  it("queries with a session's access token and sees cost extensions", async () => {
    const client = new shopify.clients.Graphql({ session });
    const res = await client.request(`{ shop { myshopifyDomain } orders(first: 3, sortKey: ID) { nodes { id } } }`);
    const oracle = sim.control.data(SHOP);
    expect(res.data).toEqual({
      shop: { myshopifyDomain: SHOP },
      orders: { nodes: oracle.orders.slice(0, 3).map((o) => ({ id: `gid://shopify/Order/${o.id}` })) },
    });
    // shop 1 + orders(first: 3) 2 + 2 × 1 (query-costs.jsonl: first: 3 of one-object nodes is priced as 2 nodes)
    expect(res.extensions?.cost).toMatchObject({
      requestedQueryCost: 5,
      actualQueryCost: 5,
      throttleStatus: { maximumAvailable: 2000, restoreRate: 100 },
    });
  });

  it("surfaces THROTTLED as a GraphqlQueryError", async () => {
    sim.control.setFaults(SHOP, { forceThrottle: true });
    try {
      const client = new shopify.clients.Graphql({ session });
      const err = await client.request(`{ shop { name } }`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GraphqlQueryError);
      expect((err as GraphqlQueryError).body?.errors).toMatchObject({
        graphQLErrors: [{ extensions: { code: "THROTTLED" } }],
      });
    } finally {
      sim.control.setFaults(SHOP, { forceThrottle: false });
    }
  });
});
