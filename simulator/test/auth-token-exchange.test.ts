// Conformance: Shopify's own @shopify/shopify-api talks to the simulator's token
// endpoint as it would to Shopify. Its HTTP calls go to https://{shop}/admin/oauth/
// access_token; the fetch below maps that origin to the simulator's origin and drops
// the shop from the URL, so the simulator must identify the shop from the request's
// contents (session token, refresh token), as documented.
//
// Session tokens are signed here with jose, independently of the simulator's minting.
import "@shopify/shopify-api/adapters/node";
import {
  ApiVersion,
  HttpResponseError,
  LogSeverity,
  RequestedTokenType,
  shopifyApi,
  type Shopify,
} from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryContext, memoryShop, startAuthTestServer, type AuthTestServer } from "../src/auth/testing.js";

const APP = {
  apiKey: "4f1c2d3e5a6b7c8d9e0f1a2b3c4d5e6f",
  apiSecret: "shpss_simulator_test_secret_0123456789",
  appUrl: "https://storepulse.example",
  scopes: ["read_orders", "read_all_orders", "read_products", "read_customers"],
};
const FRESH = "fresh-store.myshopify.com"; // app not installed yet
const INSTALLED = "installed-store.myshopify.com";
const USER_ID = 81234567890;

let server: AuthTestServer;
let shortLived: AuthTestServer;
let routeTo: (shopOrigin: string) => string;

function api(overrides: { apiKey?: string; apiSecretKey?: string } = {}): Shopify {
  return shopifyApi({
    apiKey: overrides.apiKey ?? APP.apiKey,
    apiSecretKey: overrides.apiSecretKey ?? APP.apiSecret,
    apiVersion: ApiVersion.October26,
    isEmbeddedApp: true,
    hostName: "storepulse.example",
    hostScheme: "https",
    scopes: APP.scopes,
    logger: { level: LogSeverity.Error },
  });
}

async function sessionToken(
  shop: string,
  opts: { secret?: string; aud?: string; iatOffset?: number; ttl?: number; sub?: string } = {},
): Promise<string> {
  const iat = Math.floor(Date.now() / 1000) + (opts.iatOffset ?? 0);
  return new SignJWT({
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: opts.aud ?? APP.apiKey,
    sub: opts.sub ?? String(USER_ID),
    exp: iat + (opts.ttl ?? 60),
    nbf: iat,
    iat,
    jti: crypto.randomUUID(),
    sid: "test-admin-session",
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(opts.secret ?? APP.apiSecret));
}

/** POST straight to the simulator's token endpoint (what the library does, minus its local checks). */
async function rawTokenRequest(origin: string, body: Record<string, string>, form = false) {
  const response = await fetch(`${origin}/admin/oauth/access_token`, {
    method: "POST",
    headers: {
      "content-type": form ? "application/x-www-form-urlencoded" : "application/json",
      accept: "application/json",
    },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function exchangeBody(subjectToken: string, extra: Record<string, string> = {}) {
  return {
    client_id: APP.apiKey,
    client_secret: APP.apiSecret,
    grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
    subject_token: subjectToken,
    subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
    requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    ...extra,
  };
}

async function refusal(promise: Promise<unknown>): Promise<{ code: number; body: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpResponseError) {
      return { code: error.response.code, body: error.response.body as Record<string, unknown> };
    }
    throw error;
  }
  throw new Error("expected the request to be refused");
}

beforeAll(async () => {
  server = await startAuthTestServer(
    createMemoryContext(APP, [
      memoryShop(FRESH),
      memoryShop(INSTALLED, { installed: true, grantedScopes: ["read_orders", "read_products"] }),
    ]),
  );
  shortLived = await startAuthTestServer(
    createMemoryContext(APP, [memoryShop("short.myshopify.com")], { lifetimes: { offlineAccessSeconds: 1 } }),
  );
  // Which simulator answers for which shop; the shop itself is not sent along.
  routeTo = (host) => (host === "short.myshopify.com" ? shortLived.origin : server.origin);
  setAbstractFetchFunc(async (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    if (url.hostname.endsWith(".myshopify.com")) {
      return fetch(`${routeTo(url.hostname)}${url.pathname}${url.search}`, init);
    }
    return fetch(input, init);
  });
});

afterAll(async () => {
  await server?.close();
  await shortLived?.close();
});

describe("token exchange with @shopify/shopify-api", () => {
  it("obtains an expiring offline token and installs the app (Shopify-managed install)", async () => {
    const before = Date.now();
    const { session } = await api().auth.tokenExchange({
      shop: FRESH,
      sessionToken: await sessionToken(FRESH),
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
      expiring: true,
    });
    expect(session.isOnline).toBe(false);
    expect(session.id).toBe(`offline_${FRESH}`);
    expect(session.shop).toBe(FRESH);
    expect(session.scope).toBe(APP.scopes.join(","));
    expect(session.accessToken).toBeTruthy();
    expect(session.refreshToken).toBeTruthy();
    const expiresInMs = session.expires!.getTime() - before;
    expect(expiresInMs).toBeGreaterThan(3590_000);
    expect(expiresInMs).toBeLessThanOrEqual(3600_000 + (Date.now() - before));
    const refreshMs = session.refreshTokenExpires!.getTime() - before;
    expect(refreshMs).toBeGreaterThan(90 * 86400_000 - 10_000);

    expect(server.ctx.shops.get(FRESH)?.installed).toBe(true);
    expect(server.ctx.installEvents).toContainEqual({ domain: FRESH, installed: true, scopes: APP.scopes });
    const check = server.ctx.tokens.validate(session.accessToken);
    expect(check.ok && check.grant.shop).toBe(FRESH);
    expect(check.ok && check.grant.kind).toBe("offline");
  });

  it("obtains a non-expiring offline token when expiring is not requested", async () => {
    const { session } = await api().auth.tokenExchange({
      shop: INSTALLED,
      sessionToken: await sessionToken(INSTALLED),
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
    });
    expect(session.expires).toBeUndefined();
    expect(session.refreshToken).toBeUndefined();
    // An installed shop keeps the scopes it granted.
    expect(session.scope).toBe("read_orders,read_products");
    const check = server.ctx.tokens.validate(session.accessToken);
    expect(check.ok && check.grant.expiresAt).toBeUndefined();
  });

  it("obtains an online token with the associated user", async () => {
    const { session } = await api().auth.tokenExchange({
      shop: INSTALLED,
      sessionToken: await sessionToken(INSTALLED),
      requestedTokenType: RequestedTokenType.OnlineAccessToken,
    });
    expect(session.isOnline).toBe(true);
    expect(session.id).toBe(`${INSTALLED}_${USER_ID}`);
    expect(session.onlineAccessInfo?.associated_user.id).toBe(USER_ID);
    expect(session.onlineAccessInfo?.associated_user_scope).toBe("read_orders,read_products");
    expect(session.onlineAccessInfo?.associated_user.email).toEqual(expect.stringContaining("@"));
    expect(session.expires!.getTime() - Date.now()).toBeGreaterThan(86_000_000);
    const check = server.ctx.tokens.validate(session.accessToken);
    expect(check.ok && check.grant).toMatchObject({ shop: INSTALLED, kind: "online", userId: USER_ID });
  });

  it("refuses a client with the wrong secret (invalid_client)", async () => {
    const wrong = "shpss_not_the_app_secret";
    const r = await refusal(
      api({ apiSecretKey: wrong }).auth.tokenExchange({
        shop: INSTALLED,
        sessionToken: await sessionToken(INSTALLED, { secret: wrong }),
        requestedTokenType: RequestedTokenType.OfflineAccessToken,
      }),
    );
    expect(r.code).toBe(401);
    expect(r.body.error).toBe("invalid_client");
  });

  it("refuses a session token signed with another secret (invalid_subject_token)", async () => {
    const r = await rawTokenRequest(
      server.origin,
      exchangeBody(await sessionToken(INSTALLED, { secret: "other-secret" })),
    );
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      error: "invalid_subject_token",
      error_description: "Token exchange cannot be performed due to an invalid subject token.",
    });
  });

  it("refuses a session token for another audience", async () => {
    // Through the library: it sends that audience as client_id, an unknown client.
    const otherKey = "0000aaaa1111bbbb2222cccc3333dddd";
    const viaLibrary = await refusal(
      api({ apiKey: otherKey }).auth.tokenExchange({
        shop: INSTALLED,
        sessionToken: await sessionToken(INSTALLED, { aud: otherKey }),
        requestedTokenType: RequestedTokenType.OfflineAccessToken,
      }),
    );
    expect(viaLibrary.code).toBe(401);
    expect(viaLibrary.body.error).toBe("invalid_client");
    // Directly, with the right client credentials: the token itself is refused.
    const direct = await rawTokenRequest(server.origin, exchangeBody(await sessionToken(INSTALLED, { aud: otherKey })));
    expect(direct.status).toBe(400);
    expect(direct.body.error).toBe("invalid_subject_token");
  });

  it("refuses an expired session token", async () => {
    const expired = await sessionToken(INSTALLED, { iatOffset: -300 });
    // The library already rejects it locally...
    await expect(
      api().auth.tokenExchange({
        shop: INSTALLED,
        sessionToken: expired,
        requestedTokenType: RequestedTokenType.OfflineAccessToken,
      }),
    ).rejects.toThrow(/session token/i);
    // ...and the simulator does too.
    const r = await rawTokenRequest(server.origin, exchangeBody(expired));
    expect(r.status).toBe(400);
    expect(r.body.error).toBe("invalid_subject_token");
  });

  it("refuses a session token that is not valid yet", async () => {
    const r = await rawTokenRequest(server.origin, exchangeBody(await sessionToken(INSTALLED, { iatOffset: 300 })));
    expect(r.status).toBe(400);
    expect(r.body.error).toBe("invalid_subject_token");
  });

  it("refuses a session token for an unknown shop", async () => {
    const r = await refusal(
      api().auth.tokenExchange({
        shop: "nowhere.myshopify.com",
        sessionToken: await sessionToken("nowhere.myshopify.com"),
        requestedTokenType: RequestedTokenType.OfflineAccessToken,
      }),
    );
    expect(r.code).toBe(400);
    expect(r.body.error).toBe("invalid_subject_token");
  });

  it("accepts form-encoded requests as Shopify does", async () => {
    const r = await rawTokenRequest(
      server.origin,
      exchangeBody(await sessionToken(INSTALLED), { expiring: "1" }),
      true,
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      scope: "read_orders,read_products",
      expires_in: 3600,
      refresh_token_expires_in: 7776000,
    });
  });

  it("rejects unsupported grant types and missing parameters", async () => {
    const grant = await rawTokenRequest(server.origin, {
      client_id: APP.apiKey,
      client_secret: APP.apiSecret,
      grant_type: "password",
    });
    expect(grant.status).toBe(400);
    expect(grant.body.error).toBe("unsupported_grant_type");
    const missing = await rawTokenRequest(server.origin, {
      client_id: APP.apiKey,
      client_secret: APP.apiSecret,
      grant_type: "refresh_token",
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe("invalid_request");
  });
});

describe("refresh grant with @shopify/shopify-api", () => {
  it("refreshes an expired access token and rotates the refresh token", async () => {
    const shop = "short.myshopify.com";
    const { session } = await api().auth.tokenExchange({
      shop,
      sessionToken: await sessionToken(shop),
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
      expiring: true,
    });
    const tokens = shortLived.ctx.tokens;
    // Wait for the 1-second token to expire (poll the condition, no fixed sleep).
    await expect
      .poll(() => tokens.validate(session.accessToken), { timeout: 5000, interval: 50 })
      .toEqual({
        ok: false,
        reason: "expired",
      });

    const { session: refreshed } = await api().auth.refreshToken({ shop, refreshToken: session.refreshToken! });
    expect(refreshed.id).toBe(`offline_${shop}`);
    expect(refreshed.accessToken).not.toBe(session.accessToken);
    expect(refreshed.refreshToken).toBeTruthy();
    expect(refreshed.refreshToken).not.toBe(session.refreshToken);
    expect(tokens.validate(refreshed.accessToken).ok).toBe(true);

    // Shopify keeps the used refresh token retryable until its replacement is used...
    const { session: retried } = await api().auth.refreshToken({ shop, refreshToken: session.refreshToken! });
    expect(retried.accessToken).toBeTruthy();
    // ...then retires it.
    await api().auth.refreshToken({ shop, refreshToken: refreshed.refreshToken! });
    const r = await refusal(api().auth.refreshToken({ shop, refreshToken: session.refreshToken! }));
    expect(r.code).toBe(400);
    expect(r.body.error).toBe("invalid_grant");
  });

  it("refuses unknown refresh tokens", async () => {
    const r = await refusal(api().auth.refreshToken({ shop: INSTALLED, refreshToken: "shprt_not_a_real_token" }));
    expect(r.code).toBe(400);
    expect(r.body.error).toBe("invalid_grant");
  });

  it("migrates a non-expiring offline token to an expiring one", async () => {
    const { session: legacy } = await api().auth.tokenExchange({
      shop: INSTALLED,
      sessionToken: await sessionToken(INSTALLED),
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
    });
    const { session } = await api().auth.migrateToExpiringToken({
      shop: INSTALLED,
      nonExpiringOfflineAccessToken: legacy.accessToken!,
    });
    expect(session.expires).toBeInstanceOf(Date);
    expect(session.refreshToken).toBeTruthy();
    expect(server.ctx.tokens.validate(legacy.accessToken)).toEqual({ ok: false, reason: "revoked" });
    expect(server.ctx.tokens.validate(session.accessToken).ok).toBe(true);
  });
});

describe("uninstall", () => {
  it("revokes the shop's tokens; a later token exchange installs again", async () => {
    const shop = "churn.myshopify.com";
    const ctx = createMemoryContext(APP, [memoryShop(shop)]);
    const local = await startAuthTestServer(ctx);
    const previous = routeTo;
    routeTo = (host) => (host === shop ? local.origin : previous(host));
    try {
      const { session } = await api().auth.tokenExchange({
        shop,
        sessionToken: await sessionToken(shop),
        requestedTokenType: RequestedTokenType.OfflineAccessToken,
        expiring: true,
      });
      const { session: online } = await api().auth.tokenExchange({
        shop,
        sessionToken: await sessionToken(shop),
        requestedTokenType: RequestedTokenType.OnlineAccessToken,
      });
      ctx.shops.setInstalled(shop, false);
      expect(ctx.tokens.validate(session.accessToken)).toEqual({ ok: false, reason: "revoked" });
      expect(ctx.tokens.validate(online.accessToken)).toEqual({ ok: false, reason: "revoked" });
      const r = await refusal(api().auth.refreshToken({ shop, refreshToken: session.refreshToken! }));
      expect(r.body.error).toBe("invalid_grant");

      const { session: again } = await api().auth.tokenExchange({
        shop,
        sessionToken: await sessionToken(shop),
        requestedTokenType: RequestedTokenType.OfflineAccessToken,
        expiring: true,
      });
      expect(ctx.shops.get(shop)?.installed).toBe(true);
      expect(ctx.tokens.validate(again.accessToken).ok).toBe(true);
    } finally {
      routeTo = previous;
      await local.close();
    }
  });
});
