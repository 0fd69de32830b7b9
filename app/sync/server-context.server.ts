// The sync engine wired to the running app: the app's Prisma client, Admin GraphQL
// callers on the shops' offline sessions (loaded and, for expiring offline tokens,
// refreshed by @shopify/shopify-app-remix), and the Shopify-bound fetch (simulator
// origin mapping). Routes, the cron and the CLI all get their context here.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import prisma from "~/db.server";
import { shopifyFetch } from "~/shopify-simulator.server";
import { unauthenticated } from "~/shopify.server";
import { consoleSyncLogger, type SyncContext } from "./context";
import { createAdminGraphql, NeedsReauthError, type AdminGraphql } from "./graphql-client";
import { ADMIN_API_VERSION } from "./queries";

/** Reload the session this long before its token expires (the library refreshes it). */
const TOKEN_EXPIRY_MARGIN_MS = 5 * 60_000;

async function offlineAccessToken(shop: string): Promise<{ token: string; expires: Date | null }> {
  try {
    const { session } = await unauthenticated.admin(shop);
    if (!session.accessToken) throw new NeedsReauthError(shop);
    return { token: session.accessToken, expires: session.expires ?? null };
  } catch (error) {
    // No session (uninstalled, never installed) or a refresh Shopify refused.
    if ((error as Error).name === "SessionNotFoundError" || error instanceof NeedsReauthError) throw new NeedsReauthError(shop);
    const status = (error as { response?: { code?: number } }).response?.code;
    if (status === 400 || status === 401) throw new NeedsReauthError(shop);
    throw error;
  }
}

function clientForShop(shop: string): AdminGraphql {
  let cached: { token: string; expires: Date | null } | undefined;
  // Single flight: the resources of a backfill ask at the same moment, and each
  // refresh rotates the refresh token — one refresh, not three racing ones.
  let loading: Promise<{ token: string; expires: Date | null }> | undefined;
  return createAdminGraphql({
    shop,
    apiVersion: ADMIN_API_VERSION,
    fetch: shopifyFetch,
    accessToken: async () => {
      if (!cached || (cached.expires && cached.expires.getTime() - Date.now() < TOKEN_EXPIRY_MARGIN_MS)) {
        loading ??= offlineAccessToken(shop).finally(() => (loading = undefined));
        cached = await loading;
      }
      return cached.token;
    },
  });
}

let context: SyncContext | undefined;

export function serverSyncContext(): SyncContext {
  context ??= {
    prisma,
    // A fresh caller per pass: a token stored since (re-auth) is picked up.
    clientFor: async (shop) => {
      const client = clientForShop(shop);
      await offlineAccessToken(shop); // fail fast with NeedsReauthError when there is no session
      return client;
    },
    fetch: shopifyFetch,
    workerId: `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`,
    log: consoleSyncLogger,
  };
  return context;
}
