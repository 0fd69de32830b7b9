// The simulated Shopify admin: store pages, the embedded app page and the App Bridge
// stand-in script.
//
//   GET  /store                                   every shop
//   GET  /store/{handle}                          the shop's home: "Open {app}", "Uninstall"
//   GET  /store/{handle}/apps/{api_key}[/path]    the app embedded in the admin; installs
//                                                 the app first if needed (Shopify-managed
//                                                 installation). ?user={id} acts as that
//                                                 staff member (default: the owner).
//   POST /store/{handle}/apps/{api_key}/session-token   a fresh session token for the page
//   POST /store/{handle}/uninstall                uninstall (emits app/uninstalled via core)
//   GET  /store/{handle}/*                        "not simulated" admin pages
//   GET  /shopifycloud/app-bridge.js              the App Bridge stand-in
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ShopInfo, SimContext } from "../contracts.js";
import { sessionTokenClaims, signSessionToken } from "../auth/session-token.js";
import { hostParam, shopDomainFromHandle, shopHandle, signQuery } from "../auth/shopify-params.js";
import { ownerUserId } from "../auth/staff.js";
import { appPage, notFoundPage, notSimulatedPage, storeHomePage, storeIndexPage } from "./pages.js";

export interface AdminOptions {
  /** Shown in the admin nav and title bar. Default "Storepulse". */
  appName?: string;
  /** App path the iframe opens when the admin URL names none. Default "/app". */
  entryPath?: string;
}

export interface AdminDeps {
  ctx: SimContext;
  /** Revoke the app's tokens on a shop (the token registry's revokeShop). */
  revokeShop(shop: string): void;
}

const APP_BRIDGE_JS = readFileSync(new URL("./assets/app-bridge.js", import.meta.url), "utf8");
const ADMIN_HOST_JS = readFileSync(new URL("./assets/admin-host.js", import.meta.url), "utf8");

/** The App Bridge stand-in's source, as served at /shopifycloud/app-bridge.js. */
export function appBridgeScript(): string {
  return APP_BRIDGE_JS;
}

/** Path of the admin page embedding the app for `shop`. */
export function adminAppPath(shop: string, apiKey: string): string {
  return `/store/${encodeURIComponent(shopHandle(shop))}/apps/${encodeURIComponent(apiKey)}`;
}

// Parameters the admin itself adds to the iframe URL; any others the merchant put on
// the admin URL are passed through to the app, as Shopify does.
const EMBED_PARAMS = new Set([
  "embedded",
  "hmac",
  "host",
  "id_token",
  "locale",
  "session",
  "shop",
  "timestamp",
  "user",
]);

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function parseUserId(value: unknown, shop: string): number {
  const n = typeof value === "string" ? Number(value) : typeof value === "number" ? value : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : ownerUserId(shop);
}

export function registerAdminRoutes(app: FastifyInstance, deps: AdminDeps, options: AdminOptions = {}): void {
  const { ctx } = deps;
  const appName = options.appName ?? "Storepulse";
  const entryPath = options.entryPath ?? "/app";

  function findShop(handle: string): ShopInfo | undefined {
    return ctx.shops.get(shopDomainFromHandle(handle));
  }
  function isThisApp(appId: string): boolean {
    return appId === ctx.app.apiKey || appId === slug(appName);
  }
  function notFound(reply: FastifyReply, message: string) {
    return reply.code(404).type("text/html; charset=utf-8").send(notFoundPage(message));
  }

  app.get("/shopifycloud/app-bridge.js", async (_request, reply) =>
    reply
      .type("application/javascript; charset=utf-8")
      .header("access-control-allow-origin", "*")
      .header("cache-control", "no-cache")
      .send(APP_BRIDGE_JS),
  );

  app.get("/store", async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(storeIndexPage(ctx.shops.list(), appName)),
  );

  app.get<{ Params: { handle: string } }>("/store/:handle", async (request, reply) => {
    const shop = findShop(request.params.handle);
    if (!shop) return notFound(reply, `No store "${request.params.handle}" in this simulator.`);
    return reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .send(
        storeHomePage({
          shop,
          appName,
          adminAppPath: adminAppPath(shop.domain, ctx.app.apiKey),
          uninstallPath: `/store/${encodeURIComponent(shopHandle(shop.domain))}/uninstall`,
        }),
      );
  });

  app.post<{ Params: { handle: string } }>("/store/:handle/uninstall", async (request, reply) => {
    const shop = findShop(request.params.handle);
    if (!shop) return notFound(reply, `No store "${request.params.handle}" in this simulator.`);
    if (shop.installed) {
      // Core's setInstalled sends app/uninstalled; revoking here as well keeps the
      // tokens dead whatever the store implementation does.
      ctx.shops.setInstalled(shop.domain, false);
      deps.revokeShop(shop.domain);
    }
    return reply.redirect(`/store/${encodeURIComponent(shopHandle(shop.domain))}`, 303);
  });

  async function renderApp(
    request: FastifyRequest<{ Params: { handle: string; appId: string; "*"?: string } }>,
    reply: FastifyReply,
  ) {
    const { handle, appId } = request.params;
    let shop = findShop(handle);
    if (!shop) return notFound(reply, `No store "${handle}" in this simulator.`);
    if (!isThisApp(appId)) return notFound(reply, `No app "${appId}" on ${shop.name}.`);
    if (!shop.installed) {
      // Shopify-managed installation: opening the app installs it with its declared scopes.
      ctx.shops.setInstalled(shop.domain, true, [...ctx.app.scopes]);
      shop = ctx.shops.get(shop.domain) ?? shop;
    }
    const query = request.query as Record<string, unknown>;
    const userId = parseUserId(query.user, shop.domain);
    const claims = sessionTokenClaims(ctx.app.apiKey, shop.domain, { userId });
    const idToken = await signSessionToken(claims, ctx.app.apiSecret);

    const appUrl = new URL(ctx.app.appUrl);
    const appBasePath = appUrl.pathname.replace(/\/+$/, "");
    const rest = request.params["*"];
    const appPath = rest ? `/${rest}` : entryPath;
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(query)) {
      if (!EMBED_PARAMS.has(key) && typeof value === "string") params[key] = value;
    }
    Object.assign(params, {
      embedded: "1",
      host: hostParam(shop.domain),
      id_token: idToken,
      locale: "en",
      session: createHash("sha256").update(claims.sid).digest("hex"),
      shop: shop.domain,
      timestamp: String(claims.iat),
    });
    const iframe = new URL(appUrl.origin + appBasePath + appPath);
    for (const [key, value] of Object.entries(signQuery(params, ctx.app.apiSecret)))
      iframe.searchParams.set(key, value);

    const adminPath = adminAppPath(shop.domain, ctx.app.apiKey);
    const html = appPage({
      shop,
      appName,
      adminAppPath: adminPath,
      iframeSrc: iframe.toString(),
      hostScript: ADMIN_HOST_JS,
      hostConfig: {
        appOrigin: appUrl.origin,
        appBasePath,
        appName,
        apiKey: ctx.app.apiKey,
        shop: shop.domain,
        shopName: shop.name,
        host: hostParam(shop.domain),
        locale: "en",
        userId,
        ownerUserId: ownerUserId(shop.domain),
        adminAppPath: adminPath,
        adminStorePath: `/store/${encodeURIComponent(shopHandle(shop.domain))}`,
        sessionTokenUrl: `${adminPath}/session-token`,
      },
    });
    // The page embeds a live session token: never cache it.
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(html);
  }
  app.get("/store/:handle/apps/:appId", renderApp);
  app.get("/store/:handle/apps/:appId/*", renderApp);

  app.post<{ Params: { handle: string; appId: string } }>(
    "/store/:handle/apps/:appId/session-token",
    async (request, reply) => {
      const shop = findShop(request.params.handle);
      if (!shop || !isThisApp(request.params.appId)) return reply.code(404).send({ error: "not_found" });
      // Only the admin page (same origin) may ask; browsers always send Origin on POST.
      const origin = request.headers.origin;
      if (origin !== undefined && safeHost(origin) !== request.headers.host) {
        return reply.code(403).send({ error: "forbidden_origin" });
      }
      if (!shop.installed) return reply.code(403).send({ error: "app_not_installed" });
      const body = (request.body ?? {}) as Record<string, unknown>;
      const userId = parseUserId(body.userId, shop.domain);
      const token = await signSessionToken(
        sessionTokenClaims(ctx.app.apiKey, shop.domain, { userId }),
        ctx.app.apiSecret,
      );
      return reply.header("cache-control", "no-store").send({ token });
    },
  );

  app.get<{ Params: { handle: string; "*": string } }>("/store/:handle/*", async (request, reply) => {
    const shop = findShop(request.params.handle);
    if (!shop) return notFound(reply, `No store "${request.params.handle}" in this simulator.`);
    return reply
      .type("text/html; charset=utf-8")
      .send(notSimulatedPage(shop, appName, adminAppPath(shop.domain, ctx.app.apiKey), `/${request.params["*"]}`));
  });
}

function safeHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
