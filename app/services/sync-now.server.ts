// "Sync now" from the UI or the API: make the shop due and run a pass in the
// background in this process (the request answers at once; the status shows the
// progress). If another worker holds the shop's lease, that worker's pass is the sync.
import { syncEngine } from "~/shopify.server";
import { runShopPass } from "~/sync/shop-sync";
import { requestSyncNow } from "~/sync/status";

const inFlight = new Map<string, Promise<unknown>>();

export async function startSyncNow(shop: string): Promise<{ accepted: boolean }> {
  const ctx = syncEngine();
  if (!(await requestSyncNow(ctx.prisma, shop))) return { accepted: false };
  if (!inFlight.has(shop)) {
    const pass = runShopPass(ctx, shop, { trigger: "manual" })
      .catch((error) => ctx.log.warn("sync now failed", { shop, error: (error as Error).message }))
      .finally(() => inFlight.delete(shop));
    inFlight.set(shop, pass);
  }
  return { accepted: true };
}
