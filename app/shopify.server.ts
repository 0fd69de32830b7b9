// The one place Shopify is configured: embedded app, Shopify-managed install
// with token exchange, expiring offline tokens, Admin API 2026-10, sessions in
// PostgreSQL through Prisma. Also the process's sync engine, because the engine
// runs on the offline sessions this instance loads and refreshes, and afterAuth
// starts the backfill with it (built here so nothing imports back into this module).
import { routeShopifyApiToSimulator } from "./shopify-simulator.server"; // before the adapter
import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import prisma from "./db.server";
import { EncryptedSessionStorage } from "./security/encrypted-session-storage.server";
import { appExportVault } from "./security/export-vault.server";
import { appKeyring } from "./security/keys.server";
import { configureExportVault } from "./sync/lifecycle";
import { env } from "./env.server";
import { createSyncEngine } from "./services/sync-engine.server";
import type { SyncContext } from "./sync/context";
import { installShop, shopInstalled } from "./services/shop-installs.server";

export const apiVersion = ApiVersion.October26;

routeShopifyApiToSimulator();
// Data-request exports sealed at rest and expiring (app/sync/lifecycle.ts).
configureExportVault(appExportVault());

const shopify = shopifyApp({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion,
  scopes: env.SCOPES.split(",").map((scope) => scope.trim()),
  appUrl: env.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  // Tokens sealed at rest (AES-256-GCM; docs/decisions/0005-secrets-and-webhook-trust.md).
  sessionStorage: new EncryptedSessionStorage(new PrismaSessionStorage(prisma), appKeyring),
  distribution: AppDistribution.AppStore,
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  hooks: {
    afterAuth: async ({ session }) => {
      // Shop row now; shop details and the backfill in the background (the page
      // does not wait).
      await installShop(syncEngine(), session.shop, session.scope ?? "");
    },
  },
  ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
});

let engine: SyncContext | undefined;

/** The sync engine of this process (routes, cron, CLI, afterAuth): one worker id, one set of token caches. */
export function syncEngine(): SyncContext {
  engine ??= createSyncEngine(async (shop) => (await shopify.unauthenticated.admin(shop)).session);
  return engine;
}

export default shopify;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = {
  ...shopify.authenticate,
  /** authenticate.admin, then wait until the shop's install is recorded (see shop-installs.server). */
  async admin(request: Request): ReturnType<typeof shopify.authenticate.admin> {
    const context = await shopify.authenticate.admin(request);
    await shopInstalled(syncEngine(), context.session.shop, context.session.scope ?? "");
    return context;
  },
};
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const sessionStorage = shopify.sessionStorage;
