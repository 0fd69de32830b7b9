// Auth part of the Shopify simulator: the OAuth token endpoint, the legacy OAuth
// authorize step, session tokens, and (through ../admin) the embedded admin page with
// its App Bridge stand-in.
//
// Seam with core (see ../contracts.ts): core builds the context with
// `tokens: createTokenRegistry(...)`, calls `registerAuthRoutes(app, ctx)` from its
// server factory, and validates `X-Shopify-Access-Token` with `ctx.tokens.validate()`.
import type { FastifyInstance } from "fastify";
import type { RegisterAuthRoutes, SimContext, TokenRegistry } from "../contracts.js";
import { registerAdminRoutes, type AdminOptions } from "../admin/admin-routes.js";
import { createAuthorizationCodeStore } from "./authorization-codes.js";
import { registerAuthorizeRoutes } from "./authorize.js";
import { registerTokenEndpoint } from "./token-endpoint.js";
import type { SimTokenRegistry } from "./token-registry.js";

export { createTokenRegistry, DEFAULT_TOKEN_LIFETIMES } from "./token-registry.js";
export type {
  SimTokenRegistry,
  TokenLifetimes,
  TokenRegistryOptions,
  AssociatedUser,
  OfflineTokenResponse,
  OnlineTokenResponse,
  RefreshResult,
} from "./token-registry.js";
export {
  mintSessionToken,
  signSessionToken,
  sessionTokenClaims,
  verifySessionToken,
  SESSION_TOKEN_TTL_SECONDS,
} from "./session-token.js";
export type { SessionTokenClaims, MintOptions, SessionTokenCheck } from "./session-token.js";
export { hostParam, shopHandle, shopDomainFromHandle, queryHmac } from "./shopify-params.js";
export { ownerUserId, staffUser } from "./staff.js";
export { adminAppPath, appBridgeScript } from "../admin/admin-routes.js";
export type { AdminOptions } from "../admin/admin-routes.js";

export interface AuthRouteOptions {
  admin?: AdminOptions;
  /** Lifetime of legacy-OAuth authorization codes. Default 60 s. */
  codeTtlSeconds?: number;
}

function isSimTokenRegistry(tokens: TokenRegistry): tokens is SimTokenRegistry {
  const t = tokens as Partial<SimTokenRegistry>;
  return typeof t.issueOffline === "function" && typeof t.issueOnline === "function" && typeof t.refresh === "function";
}

/** URL of the admin page that embeds the app for `shop` (print it at start). */
export function adminAppUrl(ctx: SimContext, shop: string): string {
  return `${ctx.origin()}/store/${encodeURIComponent(shop.replace(/\.myshopify\.com$/i, ""))}/apps/${encodeURIComponent(ctx.app.apiKey)}`;
}

export const registerAuthRoutes: RegisterAuthRoutes &
  ((app: FastifyInstance, ctx: SimContext, options?: AuthRouteOptions) => void) = (
  app: FastifyInstance,
  ctx: SimContext,
  options: AuthRouteOptions = {},
) => {
  const tokens = ctx.tokens;
  if (!isSimTokenRegistry(tokens)) {
    throw new Error("registerAuthRoutes: ctx.tokens must come from createTokenRegistry() of simulator/src/auth");
  }
  const codes = createAuthorizationCodeStore({ ttlSeconds: options.codeTtlSeconds });
  // An encapsulated plugin, so the form-body parser added here stays local to these routes.
  void app.register(async (scope) => {
    if (!scope.hasContentTypeParser("application/x-www-form-urlencoded")) {
      scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });
    }
    registerTokenEndpoint(scope, { ctx, tokens, codes });
    registerAuthorizeRoutes(scope, { ctx, codes });
    registerAdminRoutes(scope, { ctx, revokeShop: (shop) => tokens.revokeShop(shop) }, options.admin);
  });
};
