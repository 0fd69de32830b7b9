// GET /admin/oauth/authorize — the merchant-facing step of Shopify's legacy OAuth
// (authorization-code grant). The simulated merchant approves at once: the app is
// installed with the requested scopes and the browser is sent back to `redirect_uri`
// with code, hmac, host, shop, state and timestamp, signed as Shopify signs them.
//
// On Shopify this URL lives on the shop's own domain. Through the simulator the shop
// is taken from, in order: the `shop` query parameter, the Host header when it is a
// known shop domain, or the `/store/{handle}/admin/oauth/authorize` form of the path.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { SimContext } from "../contracts.js";
import type { AuthorizationCodeStore } from "./authorization-codes.js";
import { hostParam, shopDomainFromHandle, signQuery } from "./shopify-params.js";
import { ownerUserId } from "./staff.js";

export interface AuthorizeDeps {
  ctx: SimContext;
  codes: AuthorizationCodeStore;
}

type Query = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function errorPage(reply: FastifyReply, message: string) {
  return reply
    .code(400)
    .type("text/html; charset=utf-8")
    .send(`<!doctype html><title>Oauth error</title><h1>Oauth error invalid_request</h1><p>${escapeHtml(message)}</p>`);
}

function resolveShop(ctx: SimContext, request: FastifyRequest, query: Query, handle?: string): string | undefined {
  const fromQuery = first(query.shop)?.toLowerCase();
  if (fromQuery && ctx.shops.get(fromQuery)) return fromQuery;
  const host = (request.headers.host ?? "").toLowerCase().replace(/:\d+$/, "");
  if (ctx.shops.get(host)) return host;
  if (handle) {
    const domain = shopDomainFromHandle(handle);
    if (ctx.shops.get(domain)) return domain;
  }
  return undefined;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

async function authorize(deps: AuthorizeDeps, request: FastifyRequest, reply: FastifyReply, handle?: string) {
  const { ctx, codes } = deps;
  const query = request.query as Query;
  const clientId = first(query.client_id);
  if (clientId !== ctx.app.apiKey) return errorPage(reply, "Invalid client_id: the app could not be found.");
  const shop = resolveShop(ctx, request, query, handle);
  if (!shop)
    return errorPage(
      reply,
      "Unknown shop: pass ?shop={shop}.myshopify.com or use /store/{handle}/admin/oauth/authorize.",
    );
  const redirectUri = first(query.redirect_uri);
  // Shopify only redirects to URLs registered for the app; here: the app URL's origin.
  if (!redirectUri || !sameOrigin(redirectUri, ctx.app.appUrl)) {
    return errorPage(reply, "The redirect_uri is not whitelisted");
  }
  const requested = (first(query.scope) ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const scopes = requested.length > 0 ? requested : [...ctx.app.scopes];
  const grantOptions = query["grant_options[]"] ?? query.grant_options;
  const perUser = (Array.isArray(grantOptions) ? grantOptions : [grantOptions]).includes("per-user");

  ctx.shops.setInstalled(shop, true, scopes);
  const code = codes.mint({ shop, scopes, perUser, userId: ownerUserId(shop) });
  const params: Record<string, string> = {
    code,
    host: hostParam(shop),
    shop,
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  const state = first(query.state);
  if (state !== undefined) params.state = state;
  // The HMAC covers every parameter the app will see, including any already in redirect_uri.
  const target = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
  const all = Object.fromEntries(target.searchParams.entries());
  target.searchParams.set("hmac", signQuery(all, ctx.app.apiSecret).hmac!);
  return reply.redirect(target.toString(), 302);
}

export function registerAuthorizeRoutes(app: FastifyInstance, deps: AuthorizeDeps): void {
  app.get("/admin/oauth/authorize", (request, reply) => authorize(deps, request, reply));
  app.get<{ Params: { handle: string } }>("/store/:handle/admin/oauth/authorize", (request, reply) =>
    authorize(deps, request, reply, request.params.handle),
  );
}
