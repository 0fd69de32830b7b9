// "Sync now" from the UI or the API, wired to this process's engine: the shop is made
// due and a pass starts in the background through the pass runner (the request answers
// at once; the status shows the progress). If a pass of the shop already runs, here or
// in another instance, that pass is the sync and the answer says so (app/sync/pass-runner.ts).
import { syncEngine } from "~/shopify.server";
import { syncNow, type PassAdmission } from "~/sync/pass-runner";

export async function startSyncNow(shop: string): Promise<{ accepted: boolean; state?: PassAdmission }> {
  const ctx = syncEngine();
  const answer = await syncNow(ctx, shop);
  if (!answer.accepted) return { accepted: false };
  void answer.done.catch((error) => ctx.log.warn("sync now failed", { shop, error: (error as Error).message }));
  return { accepted: true, state: answer.state };
}
