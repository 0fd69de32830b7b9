// POST /admin/oauth/access_token — Shopify's OAuth token endpoint.
//
// The app reaches the simulator at this path by replacing the origin
// `https://{shop}` with the simulator's origin, so the Host header says nothing about
// the shop. The shop is identified by what the request carries: the session token's
// `dest` (token exchange), the refresh token, the authorization code, or the
// non-expiring access token being migrated.
//
// Grants:
// - token exchange (urn:ietf:params:oauth:grant-type:token-exchange) with an ID token
//   (session token) -> offline (optionally expiring) or online access token; installs
//   the app on an uninstalled shop (Shopify-managed installation);
// - token exchange with a non-expiring offline token as subject -> expiring token
//   (Shopify's migration path; the old token is revoked);
// - refresh_token -> new expiring offline token + rotated refresh token;
// - authorization code (legacy OAuth; the library sends no grant_type) -> offline or,
//   for per-user grants, online token.
//
// Error bodies follow Shopify's OAuth errors: `{error, error_description}`, 400 for
// request/grant problems, 401 `invalid_client` for bad client credentials.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { SimContext } from "../contracts.js";
import type { AuthorizationCodeStore } from "./authorization-codes.js";
import { verifySessionToken } from "./session-token.js";
import { safeEqual } from "./shopify-params.js";
import { staffUser } from "./staff.js";
import type { SimTokenRegistry } from "./token-registry.js";

export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
export const OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token";
export const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";

export interface OAuthError {
  status: 400 | 401;
  error: string;
  error_description: string;
}

const ERRORS = {
  invalidClient: {
    status: 401,
    error: "invalid_client",
    error_description:
      "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
  },
  invalidSubjectToken: {
    status: 400,
    error: "invalid_subject_token",
    error_description: "Token exchange cannot be performed due to an invalid subject token.",
  },
  invalidCode: {
    status: 400,
    error: "invalid_request",
    error_description: "The authorization code was not found or was already used",
  },
  invalidRefreshToken: {
    status: 400,
    error: "invalid_grant",
    error_description: "The refresh token is invalid, expired, or revoked.",
  },
} satisfies Record<string, OAuthError>;

function invalidRequest(description: string): OAuthError {
  return { status: 400, error: "invalid_request", error_description: description };
}

type Params = Record<string, string>;
type TokenBody = Record<string, unknown>;
type Outcome = { ok: true; body: TokenBody } | { ok: false; error: OAuthError };

export interface TokenEndpointDeps {
  ctx: SimContext;
  tokens: SimTokenRegistry;
  codes: AuthorizationCodeStore;
}

/** Shopify accepts parameters as JSON, as a form, or in the query string. */
function readParams(request: FastifyRequest): Params {
  const params: Params = {};
  const take = (source: unknown) => {
    if (!source || typeof source !== "object") return;
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      if (typeof value === "string") params[key] = value;
      else if (typeof value === "number" || typeof value === "boolean") params[key] = String(value);
    }
  };
  take(request.query);
  take(request.body);
  return params;
}

function isTruthyFlag(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

/** Scopes the app holds on this shop now (what Shopify returns in `scope`). */
function grantedScopes(deps: TokenEndpointDeps, shop: string): string[] {
  return deps.ctx.shops.get(shop)?.grantedScopes ?? [];
}

async function exchangeSessionToken(deps: TokenEndpointDeps, params: Params): Promise<Outcome> {
  const { ctx, tokens } = deps;
  const subject = params.subject_token;
  if (!subject) return { ok: false, error: invalidRequest("Missing required parameter: subject_token") };
  const check = await verifySessionToken(subject, ctx.app);
  if (!check.ok) return { ok: false, error: ERRORS.invalidSubjectToken };
  const shop = ctx.shops.get(check.shop);
  if (!shop) return { ok: false, error: ERRORS.invalidSubjectToken };

  const requested = params.requested_token_type ?? OFFLINE_TOKEN_TYPE;
  if (requested !== OFFLINE_TOKEN_TYPE && requested !== ONLINE_TOKEN_TYPE) {
    return { ok: false, error: invalidRequest(`Unsupported requested_token_type: ${requested}`) };
  }
  // Shopify-managed installation: the first exchange on a shop installs the app with
  // the scopes declared in its configuration.
  if (!shop.installed) ctx.shops.setInstalled(shop.domain, true, [...ctx.app.scopes]);
  const scopes = grantedScopes(deps, shop.domain);

  if (requested === ONLINE_TOKEN_TYPE) {
    const userId = Number(check.claims.sub);
    if (!Number.isSafeInteger(userId)) return { ok: false, error: ERRORS.invalidSubjectToken };
    return { ok: true, body: { ...tokens.issueOnline(shop.domain, scopes, staffUser(shop.domain, userId)) } };
  }
  return {
    ok: true,
    body: { ...tokens.issueOffline(shop.domain, scopes, { expiring: isTruthyFlag(params.expiring) }) },
  };
}

function migrateOfflineToken(deps: TokenEndpointDeps, params: Params): Outcome {
  const subject = params.subject_token;
  if (!subject) return { ok: false, error: invalidRequest("Missing required parameter: subject_token") };
  if (params.requested_token_type !== OFFLINE_TOKEN_TYPE || !isTruthyFlag(params.expiring)) {
    return {
      ok: false,
      error: invalidRequest("An offline access token can only be exchanged for an expiring offline access token"),
    };
  }
  const result = deps.tokens.migrateToExpiring(subject);
  if (!result.ok) return { ok: false, error: ERRORS.invalidSubjectToken };
  return { ok: true, body: { ...result.response } };
}

function refresh(deps: TokenEndpointDeps, params: Params): Outcome {
  const token = params.refresh_token;
  if (!token) return { ok: false, error: invalidRequest("Missing required parameter: refresh_token") };
  const result = deps.tokens.refresh(token);
  if (!result.ok) return { ok: false, error: ERRORS.invalidRefreshToken };
  // Belt and braces: should an uninstall not have revoked the tokens, the shop's
  // state still wins, as on Shopify.
  if (!deps.ctx.shops.get(result.shop)?.installed) {
    deps.tokens.revokeShop(result.shop);
    return { ok: false, error: ERRORS.invalidRefreshToken };
  }
  return { ok: true, body: { ...result.response } };
}

function exchangeCode(deps: TokenEndpointDeps, params: Params): Outcome {
  const code = params.code;
  if (!code) return { ok: false, error: invalidRequest("Missing required parameter: code") };
  const grant = deps.codes.consume(code);
  if (!grant) return { ok: false, error: ERRORS.invalidCode };
  const shop = deps.ctx.shops.get(grant.shop);
  if (!shop?.installed) return { ok: false, error: ERRORS.invalidCode };
  const scopes = grant.scopes;
  if (grant.perUser) {
    return {
      ok: true,
      body: { ...deps.tokens.issueOnline(shop.domain, scopes, staffUser(shop.domain, grant.userId)) },
    };
  }
  return {
    ok: true,
    body: { ...deps.tokens.issueOffline(shop.domain, scopes, { expiring: isTruthyFlag(params.expiring) }) },
  };
}

/** Run one token request; exported so tests and tools can call it without HTTP. */
export async function handleTokenRequest(deps: TokenEndpointDeps, params: Params): Promise<Outcome> {
  const { app } = deps.ctx;
  if (params.client_id !== app.apiKey || !params.client_secret || !safeEqual(params.client_secret, app.apiSecret)) {
    return { ok: false, error: ERRORS.invalidClient };
  }
  const grantType = params.grant_type;
  if (grantType === TOKEN_EXCHANGE_GRANT) {
    const subjectType = params.subject_token_type;
    if (subjectType === ID_TOKEN_TYPE) return exchangeSessionToken(deps, params);
    if (subjectType === OFFLINE_TOKEN_TYPE) return migrateOfflineToken(deps, params);
    return { ok: false, error: invalidRequest(`Unsupported subject_token_type: ${subjectType ?? "(missing)"}`) };
  }
  if (grantType === "refresh_token") return refresh(deps, params);
  // The authorization-code request of Shopify's legacy OAuth carries no grant_type.
  if (grantType === undefined || grantType === "authorization_code") return exchangeCode(deps, params);
  return {
    ok: false,
    error: {
      status: 400,
      error: "unsupported_grant_type",
      error_description: `The grant type ${grantType} is not supported.`,
    },
  };
}

export function registerTokenEndpoint(app: FastifyInstance, deps: TokenEndpointDeps): void {
  app.post("/admin/oauth/access_token", async (request: FastifyRequest, reply: FastifyReply) => {
    const outcome = await handleTokenRequest(deps, readParams(request));
    // Token responses must never be cached (RFC 6749 §5.1).
    reply.header("cache-control", "no-store").header("pragma", "no-cache");
    if (outcome.ok) return reply.code(200).send(outcome.body);
    const { status, ...body } = outcome.error;
    return reply.code(status).send(body);
  });
}
