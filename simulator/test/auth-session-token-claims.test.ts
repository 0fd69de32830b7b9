// Session tokens carry the claims of Shopify's "Anatomy of a session token"
// (shopify.dev/docs/apps/build/authentication-authorization/session-tokens): iss, dest,
// aud, sub, exp, nbf, iat, jti, sid and sig; and Shopify's own library still accepts them.
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { mintSessionToken, verifySessionToken } from "../src/auth/index.js";
import type { SimContext } from "../src/contracts.js";

const app = { apiKey: "claims-key", apiSecret: "claims-secret" };
const shopify = shopifyApi({
  apiKey: app.apiKey,
  apiSecretKey: app.apiSecret,
  scopes: ["read_orders"],
  hostName: "127.0.0.1",
  apiVersion: ApiVersion.October26,
  isEmbeddedApp: true,
  logger: { level: LogSeverity.Error },
});

describe("session token claims", () => {
  it("has exactly Shopify's documented claims, sig included, and @shopify/shopify-api decodes it", async () => {
    const ctx = { app } as unknown as SimContext;
    const token = await mintSessionToken(ctx, "claims.myshopify.com");
    const claims = decodeJwt(token);
    expect(Object.keys(claims).sort()).toEqual(["aud", "dest", "exp", "iat", "iss", "jti", "nbf", "sid", "sig", "sub"]);
    expect(claims.sig).toMatch(/^[0-9a-f]{64}$/);
    const other = decodeJwt(await mintSessionToken(ctx, "claims.myshopify.com"));
    expect(other.sig).not.toBe(claims.sig);
    const decoded = await shopify.session.decodeSessionToken(token);
    expect(decoded).toMatchObject({ dest: "https://claims.myshopify.com", aud: app.apiKey });
    expect(await verifySessionToken(token, app)).toMatchObject({ ok: true, shop: "claims.myshopify.com" });
  });
});
