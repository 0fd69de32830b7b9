// The simulator's memory of every access and refresh token it has handed out.
//
// It answers two questions: "is this access token good, and for which shop/scopes?"
// (core asks on every Admin API request through `validate`) and "may this refresh
// token be exchanged?" (the token endpoint asks). Tokens are opaque random strings,
// as on Shopify; all meaning lives here, so nothing about a token can be forged.
//
// Lifetimes follow Shopify's documentation and are configurable so tests can make an
// access token expire in a second:
// - expiring offline access token: 3600 s, with a refresh token valid 90 days;
// - online access token: 86399 s (Shopify answers `expires_in: 86399`);
// - non-expiring offline access token: valid until the shop uninstalls the app.
//
// Refresh-token rotation follows Shopify's behaviour since 2026-08-28
// ("More resilient refreshes for expiring offline access tokens"): every refresh
// returns a new refresh token; the one just used stays retryable until the app
// uses its replacement (at most 30 days from its first use, never past its own
// lifetime); using the replacement retires the predecessor for good.
import { randomBytes } from "node:crypto";
import type { AccessCheck, AccessGrant, TokenRegistry } from "../contracts.js";

export interface TokenLifetimes {
  /** Expiring offline access tokens (`expires_in`). Shopify: 3600. */
  offlineAccessSeconds: number;
  /** Refresh tokens (`refresh_token_expires_in`). Shopify: 90 days. */
  refreshSeconds: number;
  /** Online access tokens (`expires_in`). Shopify: 86399. */
  onlineAccessSeconds: number;
  /** How long a used refresh token may be retried while its replacement is unused. */
  refreshRetrySeconds: number;
}

export const DEFAULT_TOKEN_LIFETIMES: TokenLifetimes = {
  offlineAccessSeconds: 3600,
  refreshSeconds: 90 * 24 * 3600,
  onlineAccessSeconds: 86399,
  refreshRetrySeconds: 30 * 24 * 3600,
};

export interface TokenRegistryOptions {
  lifetimes?: Partial<TokenLifetimes>;
  /** Clock in epoch ms; tests pass a fake one. */
  now?: () => number;
}

/** The staff member an online token acts for (Shopify's `associated_user`). */
export interface AssociatedUser {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  email_verified: boolean;
  account_owner: boolean;
  locale: string;
  collaborator: boolean;
}

/** What the token endpoint returns for an offline grant (Shopify's field names). */
export interface OfflineTokenResponse {
  access_token: string;
  scope: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
}

export interface OnlineTokenResponse {
  access_token: string;
  scope: string;
  expires_in: number;
  associated_user_scope: string;
  associated_user: AssociatedUser;
}

export type RefreshResult =
  | { ok: true; shop: string; response: OfflineTokenResponse }
  | { ok: false; reason: "unknown" | "revoked" | "expired" | "retired" };

/** A non-expiring offline token being swapped for an expiring one (migration). */
export type MigrateResult =
  | { ok: true; shop: string; response: OfflineTokenResponse }
  | { ok: false; reason: "unknown" | "revoked" | "expired" | "not_migratable" };

/** The registry core sees (TokenRegistry) plus what auth's own routes need. */
export interface SimTokenRegistry extends TokenRegistry {
  issueOffline(shop: string, scopes: string[], opts: { expiring: boolean }): OfflineTokenResponse;
  issueOnline(shop: string, scopes: string[], user: AssociatedUser): OnlineTokenResponse;
  refresh(refreshToken: string): RefreshResult;
  /** Token exchange with a non-expiring offline token as subject: revokes it, issues an expiring one. */
  migrateToExpiring(nonExpiringAccessToken: string): MigrateResult;
  /** Revoke one access token (e.g. a test simulating a leaked token being rotated out). */
  revokeAccessToken(accessToken: string): boolean;
  /** Make one access token expire now (tests of an app's refresh path, without waiting). */
  expireAccessToken(accessToken: string): boolean;
  /** The lifetimes in force (read-only copy). */
  lifetimes(): TokenLifetimes;
}

interface AccessRecord {
  grant: AccessGrant;
  revoked: boolean;
}

interface RefreshRecord {
  shop: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
  /** Set once any refresh token minted from this one is used: this one is dead. */
  retired: boolean;
  /** Epoch ms of the first exchange of this token (starts the retry window). */
  firstUsedAt?: number;
  /** The refresh token this one was minted from (retired when this one is used). */
  parent?: string;
}

// Shopify's token prefixes: shpua_ (app access tokens from OAuth), shprt_ (refresh).
// The simulator keeps them so logs/redaction rules that key on prefixes behave alike.
function newToken(prefix: string): string {
  return `${prefix}${randomBytes(16).toString("hex")}`;
}

// Long benchmark runs mint many tokens; every SWEEP_EVERY issuances, records that have
// been dead for a day are dropped. Until then an expired token still reports "expired"
// (not "unknown"), which is what a client debugging a 401 wants to see.
const SWEEP_EVERY = 1000;
const KEEP_DEAD_MS = 24 * 3600 * 1000;

export function createTokenRegistry(options: TokenRegistryOptions = {}): SimTokenRegistry {
  const life: TokenLifetimes = { ...DEFAULT_TOKEN_LIFETIMES, ...options.lifetimes };
  const now = options.now ?? Date.now;
  const access = new Map<string, AccessRecord>();
  const refreshTokens = new Map<string, RefreshRecord>();
  let issuedSinceSweep = 0;

  function sweepSometimes(): void {
    if (++issuedSinceSweep < SWEEP_EVERY) return;
    issuedSinceSweep = 0;
    const cutoff = now() - KEEP_DEAD_MS;
    for (const [token, record] of access) {
      if (record.grant.expiresAt !== undefined && record.grant.expiresAt < cutoff) access.delete(token);
    }
    for (const [token, record] of refreshTokens) {
      if (record.expiresAt < cutoff) refreshTokens.delete(token);
    }
  }

  function scopeString(scopes: string[]): string {
    return scopes.join(",");
  }

  function mintExpiringOffline(shop: string, scopes: string[], parent?: string): OfflineTokenResponse {
    sweepSometimes();
    const t = now();
    const accessToken = newToken("shpua_");
    access.set(accessToken, {
      grant: { shop, scopes: [...scopes], kind: "offline", expiresAt: t + life.offlineAccessSeconds * 1000 },
      revoked: false,
    });
    const refreshToken = newToken("shprt_");
    refreshTokens.set(refreshToken, {
      shop,
      scopes: [...scopes],
      expiresAt: t + life.refreshSeconds * 1000,
      revoked: false,
      retired: false,
      parent,
    });
    return {
      access_token: accessToken,
      scope: scopeString(scopes),
      expires_in: life.offlineAccessSeconds,
      refresh_token: refreshToken,
      refresh_token_expires_in: life.refreshSeconds,
    };
  }

  return {
    validate(accessToken: string | undefined): AccessCheck {
      if (accessToken === undefined || accessToken.trim() === "") return { ok: false, reason: "missing" };
      const record = access.get(accessToken.trim());
      if (!record) return { ok: false, reason: "unknown" };
      if (record.revoked) return { ok: false, reason: "revoked" };
      if (record.grant.expiresAt !== undefined && now() >= record.grant.expiresAt) {
        return { ok: false, reason: "expired" };
      }
      return { ok: true, grant: { ...record.grant, scopes: [...record.grant.scopes] } };
    },

    revokeShop(shop: string): void {
      for (const record of access.values()) if (record.grant.shop === shop) record.revoked = true;
      for (const record of refreshTokens.values()) if (record.shop === shop) record.revoked = true;
    },

    issueOffline(shop, scopes, { expiring }) {
      if (expiring) return mintExpiringOffline(shop, scopes);
      const accessToken = newToken("shpua_");
      access.set(accessToken, { grant: { shop, scopes: [...scopes], kind: "offline" }, revoked: false });
      return { access_token: accessToken, scope: scopeString(scopes) };
    },

    issueOnline(shop, scopes, user) {
      sweepSometimes();
      const accessToken = newToken("shpua_");
      access.set(accessToken, {
        grant: {
          shop,
          scopes: [...scopes],
          kind: "online",
          userId: user.id,
          expiresAt: now() + life.onlineAccessSeconds * 1000,
        },
        revoked: false,
      });
      return {
        access_token: accessToken,
        scope: scopeString(scopes),
        expires_in: life.onlineAccessSeconds,
        associated_user_scope: scopeString(scopes),
        associated_user: { ...user },
      };
    },

    refresh(refreshToken) {
      const record = refreshTokens.get(refreshToken);
      if (!record) return { ok: false, reason: "unknown" };
      if (record.revoked) return { ok: false, reason: "revoked" };
      if (record.retired) return { ok: false, reason: "retired" };
      const t = now();
      if (t >= record.expiresAt) return { ok: false, reason: "expired" };
      if (record.firstUsedAt !== undefined && t >= record.firstUsedAt + life.refreshRetrySeconds * 1000) {
        return { ok: false, reason: "retired" };
      }
      record.firstUsedAt ??= t;
      // Using a replacement proves the app stored it, so its predecessor can go.
      if (record.parent) {
        const parent = refreshTokens.get(record.parent);
        if (parent) parent.retired = true;
      }
      return { ok: true, shop: record.shop, response: mintExpiringOffline(record.shop, record.scopes, refreshToken) };
    },

    migrateToExpiring(nonExpiringAccessToken) {
      const record = access.get(nonExpiringAccessToken);
      if (!record) return { ok: false, reason: "unknown" };
      if (record.revoked) return { ok: false, reason: "revoked" };
      if (record.grant.kind !== "offline" || record.grant.expiresAt !== undefined) {
        return { ok: false, reason: "not_migratable" };
      }
      record.revoked = true;
      return {
        ok: true,
        shop: record.grant.shop,
        response: mintExpiringOffline(record.grant.shop, record.grant.scopes),
      };
    },

    revokeAccessToken(accessToken) {
      const record = access.get(accessToken);
      if (!record) return false;
      record.revoked = true;
      return true;
    },

    expireAccessToken(accessToken) {
      const record = access.get(accessToken);
      if (!record) return false;
      record.grant.expiresAt = now();
      return true;
    },

    lifetimes() {
      return { ...life };
    },
  };
}
