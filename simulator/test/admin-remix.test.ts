// Conformance with @shopify/shopify-app-remix (what Storepulse's server uses): the
// iframe URL the simulator's admin builds is accepted by `authenticate.admin`, which
// performs the token exchange against the simulator and stores an expiring offline
// session; later requests authenticated by a Bearer session token (what the App
// Bridge stand-in's fetch sends) load that session; a document request without
// id_token is sent to the bounce page with the `shopify-reload` parameter the stand-in
// handles.
import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import type { Session } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryContext, memoryShop, startAuthTestServer, type AuthTestServer } from "../src/auth/testing.js";

const APP = {
  apiKey: "remix-api-key-0123456789abcdef",
  apiSecret: "remix-secret-0123456789",
  appUrl: "https://storepulse.example",
  scopes: ["read_orders", "read_products"],
};
const SHOP = "remix-store.myshopify.com";

/** The smallest SessionStorage the library accepts. */
function memorySessionStorage() {
  const sessions = new Map<string, Session>();
  return {
    sessions,
    async storeSession(session: Session) {
      sessions.set(session.id, session);
      return true;
    },
    async loadSession(id: string) {
      return sessions.get(id);
    },
    async deleteSession(id: string) {
      return sessions.delete(id);
    },
    async deleteSessions(ids: string[]) {
      ids.forEach((id) => sessions.delete(id));
      return true;
    },
    async findSessionsByShop(shop: string) {
      return [...sessions.values()].filter((s) => s.shop === shop);
    },
  };
}

let sim: AuthTestServer;
const storage = memorySessionStorage();
const shopify = shopifyApp({
  apiKey: APP.apiKey,
  apiSecretKey: APP.apiSecret,
  appUrl: APP.appUrl,
  scopes: APP.scopes,
  apiVersion: ApiVersion.October26,
  distribution: AppDistribution.AppStore,
  sessionStorage: storage,
  future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
  logger: { level: LogSeverity.Error },
});

beforeAll(async () => {
  sim = await startAuthTestServer(createMemoryContext(APP, [memoryShop(SHOP)]));
  setAbstractFetchFunc(async (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    return url.hostname.endsWith(".myshopify.com")
      ? fetch(`${sim.origin}${url.pathname}${url.search}`, init)
      : fetch(input, init);
  });
});
afterAll(async () => {
  await sim?.close();
});

async function iframeUrl(): Promise<URL> {
  const html = await (await fetch(`${sim.origin}/store/remix-store/apps/${APP.apiKey}`)).text();
  const src = /<iframe[^>]*\ssrc="([^"]+)"/.exec(html)![1]!.replace(/&#38;/g, "&").replace(/&amp;/g, "&");
  return new URL(src);
}

async function freshSessionToken(): Promise<string> {
  const response = await fetch(`${sim.origin}/store/remix-store/apps/${APP.apiKey}/session-token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  return ((await response.json()) as { token: string }).token;
}

describe("@shopify/shopify-app-remix against the simulated admin", () => {
  it("authenticates the embedded document request and stores an expiring offline session", async () => {
    const url = await iframeUrl();
    const { session } = await shopify.authenticate.admin(new Request(url));
    expect(session.shop).toBe(SHOP);
    expect(session.isOnline).toBe(false);
    expect(session.scope).toBe(APP.scopes.join(","));
    expect(session.refreshToken).toBeTruthy();
    expect(storage.sessions.get(`offline_${SHOP}`)?.accessToken).toBe(session.accessToken);
    expect(sim.ctx.tokens.validate(session.accessToken).ok).toBe(true);
  });

  it("authenticates fetches carrying a Bearer session token", async () => {
    const request = new Request(`${APP.appUrl}/app/api/summary`, {
      headers: { Authorization: `Bearer ${await freshSessionToken()}` },
    });
    const { session } = await shopify.authenticate.admin(request);
    expect(session.id).toBe(`offline_${SHOP}`);
  });

  it("sends a document request without id_token to the bounce page with shopify-reload", async () => {
    const url = await iframeUrl();
    url.searchParams.delete("id_token");
    let thrown: unknown;
    try {
      await shopify.authenticate.admin(new Request(url));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    const location = new URL((thrown as Response).headers.get("location")!, APP.appUrl);
    expect(location.pathname).toBe("/auth/session-token");
    expect(new URL(location.searchParams.get("shopify-reload")!).pathname).toBe("/app");
  });
});
