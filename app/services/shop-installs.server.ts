// Install bookkeeping that every authenticated request can rely on.
//
// On an embedded page load Remix runs the matched routes' loaders concurrently
// (app.tsx and app._index.tsx both call authenticate.admin). With no session yet,
// each exchanges the session token, but only one runs afterAuth: the library's
// IdempotentPromiseHandler (keyed by the session token) lets the others return
// at once, without waiting for the hook to finish. The Overview's loader then
// read the shop before afterAuth had written it and answered 404 (seen under load
// on PostgreSQL in tests/sync-app.test.ts). So: installs are single-flight per shop,
// and an authenticated request waits for the shop's install before it goes on.
import type { SyncContext } from "~/sync/context";
import { handleInstall } from "~/sync/install";

const pending = new Map<string, Promise<unknown>>();
/** Shops whose row this process has seen (the row outlives uninstalls: checked once per process). */
const recorded = new Set<string>();

/** Record the install (one at a time per shop); the sync pass it starts runs in the background. */
export function installShop(ctx: SyncContext, shop: string, grantedScopes: string): Promise<unknown> {
  let install = pending.get(shop);
  if (!install) {
    install = handleInstall(ctx, shop, grantedScopes)
      .then(() => recorded.add(shop))
      .finally(() => pending.delete(shop));
    pending.set(shop, install);
  }
  return install;
}

/**
 * After authenticate.admin: resolves once the shop's row exists. Waits for an install
 * in flight; if there is none and the row is missing (the session was stored by a
 * concurrent request whose afterAuth has not started yet), records the install itself.
 */
export async function shopInstalled(ctx: SyncContext, shop: string, grantedScopes: string): Promise<void> {
  const inFlight = pending.get(shop);
  if (inFlight) {
    await inFlight;
    return;
  }
  if (recorded.has(shop)) return;
  const row = await ctx.prisma.shop.findUnique({ where: { domain: shop }, select: { id: true } });
  if (row) recorded.add(shop);
  else await installShop(ctx, shop, grantedScopes);
}
