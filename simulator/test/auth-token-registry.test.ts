// Unit tests of the token registry with a fake clock: lifetimes, validation reasons,
// revocation per shop, refresh-token rotation with Shopify's retry window.
import { describe, expect, it } from "vitest";
import { createTokenRegistry, staffUser } from "../src/auth/index.js";

const SHOP = "alpha.myshopify.com";
const OTHER = "beta.myshopify.com";

function clock(start = 1_800_000_000_000) {
  let t = start;
  return { now: () => t, advance: (seconds: number) => (t += seconds * 1000) };
}

describe("token registry", () => {
  it("reports missing and unknown tokens", () => {
    const tokens = createTokenRegistry();
    expect(tokens.validate(undefined)).toEqual({ ok: false, reason: "missing" });
    expect(tokens.validate("")).toEqual({ ok: false, reason: "missing" });
    expect(tokens.validate("shpua_nope")).toEqual({ ok: false, reason: "unknown" });
  });

  it("issues non-expiring offline tokens that stay valid until revoked", () => {
    const c = clock();
    const tokens = createTokenRegistry({ now: c.now });
    const issued = tokens.issueOffline(SHOP, ["read_orders", "read_products"], { expiring: false });
    expect(issued.scope).toBe("read_orders,read_products");
    expect(issued.expires_in).toBeUndefined();
    expect(issued.refresh_token).toBeUndefined();
    c.advance(400 * 24 * 3600);
    const check = tokens.validate(issued.access_token);
    expect(check).toEqual({
      ok: true,
      grant: { shop: SHOP, scopes: ["read_orders", "read_products"], kind: "offline" },
    });
  });

  it("expires expiring offline tokens after the configured lifetime", () => {
    const c = clock();
    const tokens = createTokenRegistry({ now: c.now, lifetimes: { offlineAccessSeconds: 2 } });
    const issued = tokens.issueOffline(SHOP, ["read_orders"], { expiring: true });
    expect(issued.expires_in).toBe(2);
    expect(issued.refresh_token).toMatch(/^shprt_/);
    expect(issued.refresh_token_expires_in).toBe(90 * 24 * 3600);
    c.advance(1.9);
    expect(tokens.validate(issued.access_token).ok).toBe(true);
    c.advance(0.1);
    expect(tokens.validate(issued.access_token)).toEqual({ ok: false, reason: "expired" });
  });

  it("uses Shopify's default lifetimes", () => {
    const tokens = createTokenRegistry();
    const offline = tokens.issueOffline(SHOP, [], { expiring: true });
    expect(offline.expires_in).toBe(3600);
    const online = tokens.issueOnline(SHOP, ["read_orders"], staffUser(SHOP, 42));
    expect(online.expires_in).toBe(86399);
  });

  it("issues online tokens carrying the associated user", () => {
    const c = clock();
    const tokens = createTokenRegistry({ now: c.now });
    const user = staffUser(SHOP, 42);
    const issued = tokens.issueOnline(SHOP, ["read_orders"], user);
    expect(issued.associated_user).toEqual(user);
    expect(issued.associated_user_scope).toBe("read_orders");
    const check = tokens.validate(issued.access_token);
    expect(check.ok && check.grant).toEqual({
      shop: SHOP,
      scopes: ["read_orders"],
      kind: "online",
      userId: 42,
      expiresAt: c.now() + 86399 * 1000,
    });
  });

  it("revokes every token of one shop only", () => {
    const tokens = createTokenRegistry();
    const a1 = tokens.issueOffline(SHOP, ["read_orders"], { expiring: true });
    const a2 = tokens.issueOnline(SHOP, ["read_orders"], staffUser(SHOP, 7));
    const b = tokens.issueOffline(OTHER, ["read_orders"], { expiring: false });
    tokens.revokeShop(SHOP);
    expect(tokens.validate(a1.access_token)).toEqual({ ok: false, reason: "revoked" });
    expect(tokens.validate(a2.access_token)).toEqual({ ok: false, reason: "revoked" });
    expect(tokens.refresh(a1.refresh_token!)).toEqual({ ok: false, reason: "revoked" });
    expect(tokens.validate(b.access_token).ok).toBe(true);
  });

  it("rotates refresh tokens: the old one is retryable until the new one is used", () => {
    const c = clock();
    const tokens = createTokenRegistry({ now: c.now });
    const first = tokens.issueOffline(SHOP, ["read_orders"], { expiring: true });
    const r1 = tokens.refresh(first.refresh_token!);
    if (!r1.ok) throw new Error("first refresh failed");
    expect(r1.shop).toBe(SHOP);
    expect(r1.response.refresh_token).not.toBe(first.refresh_token);
    expect(r1.response.access_token).not.toBe(first.access_token);
    expect(tokens.validate(r1.response.access_token).ok).toBe(true);

    // Lost response: the app retries its stored (old) refresh token, which still works.
    const retry = tokens.refresh(first.refresh_token!);
    expect(retry.ok).toBe(true);

    // The app starts using the replacement: the predecessor is retired for good.
    const r2 = tokens.refresh(r1.response.refresh_token!);
    expect(r2.ok).toBe(true);
    expect(tokens.refresh(first.refresh_token!)).toEqual({ ok: false, reason: "retired" });
  });

  it("limits the retry window of a used refresh token to 30 days", () => {
    const c = clock();
    const tokens = createTokenRegistry({ now: c.now });
    const first = tokens.issueOffline(SHOP, [], { expiring: true });
    expect(tokens.refresh(first.refresh_token!).ok).toBe(true);
    c.advance(30 * 24 * 3600);
    expect(tokens.refresh(first.refresh_token!)).toEqual({ ok: false, reason: "retired" });
  });

  it("expires refresh tokens after their lifetime", () => {
    const c = clock();
    const tokens = createTokenRegistry({ now: c.now, lifetimes: { refreshSeconds: 10 } });
    const first = tokens.issueOffline(SHOP, [], { expiring: true });
    c.advance(10);
    expect(tokens.refresh(first.refresh_token!)).toEqual({ ok: false, reason: "expired" });
    expect(tokens.refresh("shprt_unknown")).toEqual({ ok: false, reason: "unknown" });
  });

  it("migrates a non-expiring offline token to an expiring one and revokes the old", () => {
    const tokens = createTokenRegistry();
    const legacy = tokens.issueOffline(SHOP, ["read_orders"], { expiring: false });
    const migrated = tokens.migrateToExpiring(legacy.access_token);
    if (!migrated.ok) throw new Error("migration failed");
    expect(migrated.response.expires_in).toBe(3600);
    expect(tokens.validate(legacy.access_token)).toEqual({ ok: false, reason: "revoked" });
    expect(tokens.validate(migrated.response.access_token).ok).toBe(true);
    expect(tokens.migrateToExpiring(migrated.response.access_token)).toEqual({ ok: false, reason: "not_migratable" });
  });
});

describe("token registry test hooks", () => {
  it("expires or revokes a single access token on demand", () => {
    const tokens = createTokenRegistry();
    const a = tokens.issueOffline(SHOP, [], { expiring: true });
    const b = tokens.issueOffline(SHOP, [], { expiring: false });
    expect(tokens.expireAccessToken(a.access_token)).toBe(true);
    expect(tokens.validate(a.access_token)).toEqual({ ok: false, reason: "expired" });
    expect(tokens.revokeAccessToken(b.access_token)).toBe(true);
    expect(tokens.validate(b.access_token)).toEqual({ ok: false, reason: "revoked" });
    expect(tokens.expireAccessToken("shpua_unknown")).toBe(false);
    // The refresh token still works after its access token expired.
    expect(tokens.refresh(a.refresh_token!).ok).toBe(true);
  });
});

describe("token registry housekeeping", () => {
  it("forgets tokens dead for more than a day, keeps reporting recently expired ones", () => {
    const c = clock();
    const tokens = createTokenRegistry({ now: c.now, lifetimes: { onlineAccessSeconds: 60 } });
    const old = tokens.issueOnline(SHOP, [], staffUser(SHOP, 1));
    c.advance(2 * 24 * 3600);
    const recent = tokens.issueOnline(SHOP, [], staffUser(SHOP, 1));
    c.advance(120);
    for (let i = 0; i < 1000; i++) tokens.issueOnline(SHOP, [], staffUser(SHOP, 1));
    expect(tokens.validate(old.access_token)).toEqual({ ok: false, reason: "unknown" });
    expect(tokens.validate(recent.access_token)).toEqual({ ok: false, reason: "expired" });
  });
});
