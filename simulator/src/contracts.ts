// The seams between the simulator's parts. Two people build the simulator in
// parallel: "core" (store, GraphQL, bulk, webhooks, control API, server, CLI) and
// "auth" (OAuth/token endpoint, session tokens, embedded admin page, App Bridge
// stand-in). Both code against these types so neither waits for the other.
import type { FastifyInstance } from "fastify";

export type Plan = "standard" | "advanced" | "plus";

/** The app the simulator pretends to host (from SHOPIFY_API_KEY / _SECRET / _APP_URL). */
export interface AppCredentials {
  apiKey: string;
  apiSecret: string;
  /** e.g. http://127.0.0.1:3000 — where the admin iframe and webhooks go. */
  appUrl: string;
  /** Scopes the app asks for (from shopify.app.toml `access_scopes.scopes`). */
  scopes: string[];
}

export interface ShopInfo {
  /** myshopify domain, e.g. "demo-store.myshopify.com" */
  domain: string;
  name: string;
  plan: Plan;
  currencyCode: string;
  ianaTimezone: string;
  /** Is the app installed on this shop right now. */
  installed: boolean;
  /** Scopes granted to the app on this shop (empty when not installed). */
  grantedScopes: string[];
}

export interface AccessGrant {
  shop: string;
  scopes: string[];
  kind: "offline" | "online";
  /** Online tokens only: the staff user id the token acts for. */
  userId?: number;
  /** Epoch ms; undefined = non-expiring token. */
  expiresAt?: number;
}

export type AccessCheck =
  { ok: true; grant: AccessGrant } | { ok: false; reason: "missing" | "unknown" | "revoked" | "expired" };

/** Owned by auth. Core calls validate() on every Admin API request. */
export interface TokenRegistry {
  validate(accessToken: string | undefined): AccessCheck;
  /** Revoke every access and refresh token of the app on this shop (uninstall). */
  revokeShop(shop: string): void;
}

/** Owned by core; what auth needs from the rest of the simulator. */
export interface SimContext {
  app: AppCredentials;
  /** The simulator's own origin, e.g. http://127.0.0.1:49152 (known after listen). */
  origin(): string;
  shops: {
    get(domain: string): ShopInfo | undefined;
    list(): ShopInfo[];
    /** Install (grants scopes) or uninstall; uninstall must also emit app/uninstalled. */
    setInstalled(domain: string, installed: boolean, scopes?: string[]): void;
  };
  tokens: TokenRegistry;
}

/** Auth's entry point, called once by core's server factory. */
export type RegisterAuthRoutes = (app: FastifyInstance, ctx: SimContext) => void;
