// The seam between core and auth, end to end on the full simulator: a session
// token for a shop is exchanged (by @shopify/shopify-api, as the app does) for an
// offline token at auth's token endpoint; core then serves the Admin API to that
// token, and uninstalling revokes it.
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, LogSeverity, RequestedTokenType, shopifyApi } from "@shopify/shopify-api";
import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintSessionToken } from "../src/auth/index.js";
import type { RunningSimulator } from "../src/index.js";
import { originMappingFetch, startTestSimulator } from "./helpers.js";

describe("token exchange on the full simulator", () => {
  let sim: RunningSimulator;
  const original = abstractFetch;
  const SHOP = "seam.myshopify.com";
  const SCOPES = ["read_orders", "read_all_orders", "read_customers", "read_products"];
  const shopify = shopifyApi({
    apiKey: "seam-key",
    apiSecretKey: "seam-secret",
    scopes: SCOPES,
    hostName: "127.0.0.1",
    apiVersion: ApiVersion.October26,
    isEmbeddedApp: true,
    logger: { level: LogSeverity.Error },
  });

  beforeAll(async () => {
    sim = await startTestSimulator({
      app: { apiKey: "seam-key", apiSecret: "seam-secret", appUrl: "http://127.0.0.1:9", scopes: SCOPES },
      shops: [{ domain: SHOP, seed: 2, size: "small" }],
    });
    const mapped = originMappingFetch(sim.url);
    setAbstractFetchFunc((input, init) => mapped(input as string, init as RequestInit) as never);
  });
  afterAll(async () => {
    setAbstractFetchFunc(original);
    await sim.close();
  });

  it("installs through token exchange and serves the Admin API to the exchanged token", async () => {
    expect(sim.simulator.context().shops.get(SHOP)!.installed).toBe(false);
    const sessionToken = await mintSessionToken(sim.simulator.context(), SHOP);
    const { session } = await shopify.auth.tokenExchange({
      shop: SHOP,
      sessionToken,
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
    });
    expect(session.accessToken).toBeTruthy();
    const info = sim.simulator.context().shops.get(SHOP)!;
    expect(info.installed).toBe(true);
    expect(info.grantedScopes).toEqual(SCOPES);

    const client = new shopify.clients.Graphql({ session });
    const res = await client.request(`{ shop { myshopifyDomain } customers(first: 1) { nodes { id } } }`);
    expect(res.data).toMatchObject({ shop: { myshopifyDomain: SHOP } });

    sim.control.uninstall(SHOP);
    const after = await fetch(`${sim.url}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-access-token": session.accessToken! },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });
    expect(after.status).toBe(401);
  });
});
