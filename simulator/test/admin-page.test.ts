// The embedded admin page over HTTP: iframe URL and its parameters (checked with
// @shopify/shopify-api's own HMAC and session-token validation), Shopify-managed
// install on open, the session-token endpoint, uninstall, and the App Bridge script.
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, LogSeverity, RequestedTokenType, shopifyApi } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryContext, memoryShop, startAuthTestServer, type AuthTestServer } from "../src/auth/testing.js";

const APP = {
  apiKey: "admin-page-api-key-0123456789ab",
  apiSecret: "admin-page-secret-0123456789",
  appUrl: "http://127.0.0.1:45678",
  scopes: ["read_orders", "read_products"],
};
const SHOP = "page-store.myshopify.com";

const shopify = shopifyApi({
  apiKey: APP.apiKey,
  apiSecretKey: APP.apiSecret,
  apiVersion: ApiVersion.October26,
  isEmbeddedApp: true,
  hostName: "127.0.0.1:45678",
  hostScheme: "http",
  scopes: APP.scopes,
  logger: { level: LogSeverity.Error },
});

let server: AuthTestServer;

beforeAll(async () => {
  server = await startAuthTestServer(
    createMemoryContext(APP, [memoryShop(SHOP, { name: "Page Store" }), memoryShop("other-store.myshopify.com")]),
  );
  setAbstractFetchFunc(async (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    return url.hostname.endsWith(".myshopify.com")
      ? fetch(`${server.origin}${url.pathname}${url.search}`, init)
      : fetch(input, init);
  });
});
afterAll(async () => {
  await server?.close();
});

function decodeEntities(text: string): string {
  return text.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, "&");
}

async function openAdmin(path: string) {
  const response = await fetch(`${server.origin}${path}`);
  const html = await response.text();
  const src = /<iframe[^>]*\ssrc="([^"]+)"/.exec(html)?.[1];
  return {
    status: response.status,
    html,
    iframe: src ? new URL(decodeEntities(src)) : undefined,
    headers: response.headers,
  };
}

describe("embedded admin page", () => {
  it("installs the app and embeds it with Shopify's iframe parameters", async () => {
    expect(server.ctx.shops.get(SHOP)?.installed).toBe(false);
    const page = await openAdmin(`/store/page-store/apps/${APP.apiKey}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(server.ctx.shops.get(SHOP)).toMatchObject({ installed: true, grantedScopes: APP.scopes });

    const iframe = page.iframe!;
    expect(`${iframe.origin}${iframe.pathname}`).toBe(`${APP.appUrl}/app`);
    const query = Object.fromEntries(iframe.searchParams.entries());
    expect(Object.keys(query).sort()).toEqual([
      "embedded",
      "hmac",
      "host",
      "id_token",
      "locale",
      "session",
      "shop",
      "timestamp",
    ]);
    expect(query.embedded).toBe("1");
    expect(query.shop).toBe(SHOP);
    expect(shopify.utils.sanitizeHost(query.host!)).toBe(query.host);
    expect(Buffer.from(query.host!, "base64").toString("utf8")).toBe("admin.shopify.com/store/page-store");
    await expect(shopify.utils.validateHmac(query)).resolves.toBe(true);

    const payload = await shopify.session.decodeSessionToken(query.id_token!);
    const now = Math.floor(Date.now() / 1000);
    expect(payload).toMatchObject({
      iss: `https://${SHOP}/admin`,
      dest: `https://${SHOP}`,
      aud: APP.apiKey,
    });
    expect(payload.sub).toMatch(/^\d{11}$/);
    expect(payload.exp - payload.iat).toBe(60);
    expect(payload.nbf).toBeLessThanOrEqual(now);
    expect(Math.abs(payload.iat - now)).toBeLessThanOrEqual(5);
    expect(payload.jti).toBeTruthy();
    expect(payload.sid).toBeTruthy();
  });

  it("hands the app an id_token that token exchange accepts", async () => {
    const page = await openAdmin(`/store/page-store/apps/${APP.apiKey}`);
    const idToken = page.iframe!.searchParams.get("id_token")!;
    const { session } = await shopify.auth.tokenExchange({
      shop: SHOP,
      sessionToken: idToken,
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
      expiring: true,
    });
    expect(server.ctx.tokens.validate(session.accessToken).ok).toBe(true);
  });

  it("maps the admin path to the app path, passes extra parameters and acts as ?user", async () => {
    const page = await openAdmin(`/store/page-store/apps/${APP.apiKey}/app/reports?range=30d&user=1234567`);
    const iframe = page.iframe!;
    expect(iframe.pathname).toBe("/app/reports");
    expect(iframe.searchParams.get("range")).toBe("30d");
    expect(iframe.searchParams.has("user")).toBe(false);
    await expect(shopify.utils.validateHmac(Object.fromEntries(iframe.searchParams.entries()))).resolves.toBe(true);
    const payload = await shopify.session.decodeSessionToken(iframe.searchParams.get("id_token")!);
    expect(payload.sub).toBe("1234567");
  });

  it("serves fresh session tokens to the admin page only", async () => {
    const url = `${server.origin}/store/page-store/apps/${APP.apiKey}/session-token`;
    const ok = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.origin },
      body: "{}",
    });
    expect(ok.status).toBe(200);
    const { token } = (await ok.json()) as { token: string };
    const payload = await shopify.session.decodeSessionToken(token);
    expect(payload.dest).toBe(`https://${SHOP}`);

    const foreign = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://evil.example" },
      body: "{}",
    });
    expect(foreign.status).toBe(403);
  });

  it("shows the shop with an Open link and uninstalls from the store page", async () => {
    await openAdmin(`/store/page-store/apps/${APP.apiKey}`);
    const home = await fetch(`${server.origin}/store/page-store`);
    const html = await home.text();
    expect(html).toContain("Open Storepulse");
    expect(html).toContain(`/store/page-store/apps/${APP.apiKey}`);
    expect(html).toContain('id="sim-uninstall"');

    const { session } = await shopify.auth.tokenExchange({
      shop: SHOP,
      sessionToken: (await openAdmin(`/store/page-store/apps/${APP.apiKey}`)).iframe!.searchParams.get("id_token")!,
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
    });
    const uninstall = await fetch(`${server.origin}/store/page-store/uninstall`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
      redirect: "manual",
    });
    expect(uninstall.status).toBe(303);
    expect(uninstall.headers.get("location")).toBe("/store/page-store");
    expect(server.ctx.shops.get(SHOP)?.installed).toBe(false);
    expect(server.ctx.installEvents.at(-1)).toEqual({ domain: SHOP, installed: false, scopes: undefined });
    expect(server.ctx.tokens.validate(session.accessToken)).toEqual({ ok: false, reason: "revoked" });

    const tokenAfter = await fetch(`${server.origin}/store/page-store/apps/${APP.apiKey}/session-token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(tokenAfter.status).toBe(403);
  });

  it("serves the App Bridge stand-in and answers 404 for unknown shops and apps", async () => {
    const script = await fetch(`${server.origin}/shopifycloud/app-bridge.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect(await script.text()).toContain("idToken");
    expect((await fetch(`${server.origin}/store/nowhere/apps/${APP.apiKey}`)).status).toBe(404);
    expect((await fetch(`${server.origin}/store/page-store/apps/another-app`)).status).toBe(404);
    const index = await (await fetch(`${server.origin}/store`)).text();
    expect(index).toContain("/store/page-store");
    expect(index).toContain("/store/other-store");
  });
});
