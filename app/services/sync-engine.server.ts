// The sync engine wired to the running app: the app's Prisma client, Admin GraphQL
// callers on the shops' offline sessions (loaded and, for expiring offline tokens,
// refreshed by @shopify/shopify-app-remix), and the Shopify-bound fetch (simulator
// origin mapping).
//
// The offline sessions come from the `shopify` instance, which itself needs the
// engine (afterAuth starts the backfill). To keep the import graph acyclic this
// module does not import `shopify.server`: it is a factory, and `shopify.server`
// builds the one engine of the process from it (`syncEngine()`), handing in its
// session loader. Routes, the cron and the CLI get the engine there.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Session } from "@shopify/shopify-api";
import prisma from "~/db.server";
import { env } from "~/env.server";
import { shopifyFetch } from "~/shopify-simulator.server";
import { consoleSyncLogger, type SyncContext } from "~/sync/context";
import { createAdminGraphql, NeedsReauthError, type AdminGraphql } from "~/sync/graphql-client";
import { ADMIN_API_VERSION } from "~/sync/queries";

/** Loads (and, when it is about to expire, refreshes) the shop's offline session. */
export type OfflineSessionLoader = (shop: string) => Promise<Session>;

/** Reload the session this long before its token expires (the library refreshes it). */
const TOKEN_EXPIRY_MARGIN_MS = 5 * 60_000;

interface AccessToken {
  token: string;
  expires: Date | null;
}

async function offlineAccessToken(loadSession: OfflineSessionLoader, shop: string): Promise<AccessToken> {
  try {
    const session = await loadSession(shop);
    if (!session.accessToken) throw new NeedsReauthError(shop);
    return { token: session.accessToken, expires: session.expires ?? null };
  } catch (error) {
    // No session (uninstalled, never installed) or a refresh Shopify refused.
    if ((error as Error).name === "SessionNotFoundError" || error instanceof NeedsReauthError)
      throw new NeedsReauthError(shop);
    const status = (error as { response?: { code?: number } }).response?.code;
    if (status === 400 || status === 401) throw new NeedsReauthError(shop);
    throw error;
  }
}

function clientForShop(loadSession: OfflineSessionLoader, shop: string): AdminGraphql {
  let cached: AccessToken | undefined;
  // Single flight: the resources of a backfill ask at the same moment, and each
  // refresh rotates the refresh token — one refresh, not three racing ones.
  let loading: Promise<AccessToken> | undefined;
  return createAdminGraphql({
    shop,
    apiVersion: ADMIN_API_VERSION,
    fetch: shopifyFetch,
    accessToken: async () => {
      if (!cached || (cached.expires && cached.expires.getTime() - Date.now() < TOKEN_EXPIRY_MARGIN_MS)) {
        loading ??= offlineAccessToken(loadSession, shop).finally(() => (loading = undefined));
        cached = await loading;
      }
      return cached.token;
    },
  });
}

/** The engine's context for this process (call once; `shopify.server` keeps it). */
export function createSyncEngine(loadSession: OfflineSessionLoader): SyncContext {
  return {
    prisma,
    // A fresh caller per pass: a token stored since (re-auth) is picked up.
    clientFor: async (shop) => {
      const client = clientForShop(loadSession, shop);
      await offlineAccessToken(loadSession, shop); // fail fast with NeedsReauthError when there is no session
      return client;
    },
    fetch: shopifyFetch,
    workerId: `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`,
    log: consoleSyncLogger,
    options: { maxConcurrentPasses: env.STOREPULSE_SYNC_MAX_PASSES },
  };
}
