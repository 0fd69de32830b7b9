// Legacy OAuth (authorization-code grant): /admin/oauth/authorize redirects back to
// the app with a code and an HMAC that @shopify/shopify-api's own validateHmac accepts;
// the code is exchanged once at /admin/oauth/access_token.
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryContext, memoryShop, startAuthTestServer, type AuthTestServer } from "../src/auth/testing.js";

const APP = {
  apiKey: "codeflow-api-key-0123456789abcdef",
  apiSecret: "codeflow-secret-0123456789",
  appUrl: "https://app.storepulse.example",
  scopes: ["read_orders", "read_products"],
};
const SHOP = "gamma.myshopify.com";
const REDIRECT = "https://app.storepulse.example/auth/callback";

const shopify = shopifyApi({
  apiKey: APP.apiKey,
  apiSecretKey: APP.apiSecret,
  apiVersion: ApiVersion.October26,
  isEmbeddedApp: false,
  hostName: "app.storepulse.example",
  scopes: APP.scopes,
  logger: { level: LogSeverity.Error },
});

let server: AuthTestServer;

beforeAll(async () => {
  server = await startAuthTestServer(createMemoryContext(APP, [memoryShop(SHOP), memoryShop("delta.myshopify.com")]));
});
afterAll(async () => {
  await server?.close();
});

async function authorize(query: Record<string, string>, path = "/admin/oauth/authorize") {
  const response = await fetch(`${server.origin}${path}?${new URLSearchParams(query)}`, { redirect: "manual" });
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

async function exchange(body: Record<string, string>) {
  const response = await fetch(`${server.origin}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("authorization-code grant", () => {
  it("redirects back with a code and a valid Shopify HMAC, then exchanges the code once", async () => {
    const r = await authorize({
      client_id: APP.apiKey,
      scope: "read_orders,read_products",
      redirect_uri: REDIRECT,
      state: "nonce-123",
      "grant_options[]": "",
      shop: SHOP,
    });
    expect(r.status).toBe(302);
    const back = new URL(r.location!);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    const query = Object.fromEntries(back.searchParams.entries());
    expect(Object.keys(query).sort()).toEqual(["code", "hmac", "host", "shop", "state", "timestamp"]);
    expect(query.state).toBe("nonce-123");
    expect(query.shop).toBe(SHOP);
    expect(Buffer.from(query.host!, "base64").toString("utf8")).toBe("admin.shopify.com/store/gamma");
    await expect(shopify.utils.validateHmac(query)).resolves.toBe(true);
    await expect(shopify.utils.validateHmac({ ...query, state: "tampered" })).resolves.toBe(false);
    expect(server.ctx.shops.get(SHOP)).toMatchObject({
      installed: true,
      grantedScopes: ["read_orders", "read_products"],
    });

    const first = await exchange({
      client_id: APP.apiKey,
      client_secret: APP.apiSecret,
      code: query.code!,
      expiring: "1",
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ scope: "read_orders,read_products", expires_in: 3600 });
    expect(typeof first.body.refresh_token).toBe("string");
    const check = server.ctx.tokens.validate(first.body.access_token as string);
    expect(check.ok && check.grant.shop).toBe(SHOP);

    const again = await exchange({ client_id: APP.apiKey, client_secret: APP.apiSecret, code: query.code! });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({
      error: "invalid_request",
      error_description: "The authorization code was not found or was already used",
    });
  });

  it("issues an online token for per-user grants", async () => {
    const r = await authorize({
      client_id: APP.apiKey,
      scope: "read_orders",
      redirect_uri: REDIRECT,
      state: "s",
      "grant_options[]": "per-user",
      shop: SHOP,
    });
    const code = new URL(r.location!).searchParams.get("code")!;
    const token = await exchange({ client_id: APP.apiKey, client_secret: APP.apiSecret, code });
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ scope: "read_orders", associated_user_scope: "read_orders", expires_in: 86399 });
    expect(token.body.associated_user).toMatchObject({ account_owner: true });
  });

  it("identifies the shop from the /store/{handle} path form", async () => {
    const r = await authorize(
      { client_id: APP.apiKey, scope: "read_orders", redirect_uri: REDIRECT, state: "x" },
      "/store/delta/admin/oauth/authorize",
    );
    expect(r.status).toBe(302);
    expect(new URL(r.location!).searchParams.get("shop")).toBe("delta.myshopify.com");
  });

  it("refuses the code exchange with a wrong client secret", async () => {
    const r = await authorize({
      client_id: APP.apiKey,
      scope: "read_orders",
      redirect_uri: REDIRECT,
      state: "y",
      shop: SHOP,
    });
    const code = new URL(r.location!).searchParams.get("code")!;
    const token = await exchange({ client_id: APP.apiKey, client_secret: "wrong", code });
    expect(token.status).toBe(401);
    expect(token.body.error).toBe("invalid_client");
  });

  it("refuses unknown clients, foreign redirect URIs and unknown shops", async () => {
    const base = { client_id: APP.apiKey, scope: "read_orders", redirect_uri: REDIRECT, state: "z", shop: SHOP };
    expect((await authorize({ ...base, client_id: "someone-else" })).status).toBe(400);
    const foreign = await authorize({ ...base, redirect_uri: "https://evil.example/callback" });
    expect(foreign.status).toBe(400);
    expect(foreign.text).toContain("redirect_uri");
    expect((await authorize({ ...base, shop: "nowhere.myshopify.com" })).status).toBe(400);
  });
});
