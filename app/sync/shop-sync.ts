// One sync pass for one shop — what the cron, "Sync now", the install hook and the
// CLI all run: take the shop's lease, finish any incomplete backfill, then fetch
// what changed since each resource's watermark; record the outcome per resource
// (last success, last error, per-shop backoff) and give the lease back.
//
// While the pass runs, the lease is renewed; if it is lost (we stalled past its
// expiry and another worker took over) or the shop is uninstalled meanwhile, the
// pass is aborted so no further Admin API call is made for it. Every database task
// of the pass first checks that the lease is still this pass's (its token): a pass
// that lost it between heartbeats writes nothing more, and records nothing but the
// end of its own sync_run rows.
//
// Callers go through pass-runner.ts (one pass per shop per process, a global cap);
// the lease makes it one pass per shop across processes.
import type { Shop, SyncRunKind } from "@prisma/client";
import { backfillShop, ensureSyncStates, SYNC_RESOURCES, type SyncShop } from "./backfill";
import { createSerialLane, tuning, type SerialLane, type SyncContext } from "./context";
import { NeedsReauthError } from "./graphql-client";
import { syncResourceIncrementally } from "./incremental";
import { claimShopLease, holdsShopLease, releaseShopLease, renewShopLease, type ShopLease } from "./lease";
import { drainLedgerRefresh } from "./ledger-refresh";
import type { SyncResource } from "./records";

export type PassTrigger = "scheduled" | "manual" | "install" | "cli";

export type PassOutcome =
  | {
      status: "skipped";
      /** leased: a pass runs in another process (or another context); running: in this one (pass-runner). */
      reason: "unknown-shop" | "uninstalled" | "leased" | "running" | "stopped" | "crashed";
    }
  | {
      status: "succeeded" | "failed";
      resources: ResourceOutcome[];
      durationMs: number;
      /** Set when the pass stopped because another pass took its lease over. */
      leaseLost?: true;
    };

export interface ResourceOutcome {
  resource: SyncResource;
  kind: "backfill" | "incremental";
  records: number;
  error?: string;
}

/** The message the status shows for a revoked or expired token (the state itself is status "needs_reauth"). */
export const NEEDS_REAUTH_MESSAGE =
  "needs re-auth: Shopify no longer accepts our access token; open the app in Shopify admin to reconnect";

/** Wait after n consecutive failed passes: 1, 2, 4, … minutes, at most an hour. */
export function backoffMs(consecutiveFailures: number): number {
  return Math.min(60, 2 ** Math.max(0, consecutiveFailures - 1)) * 60_000;
}

/** Until the merchant re-authenticates (afterAuth resets it), try again rarely. */
const NEEDS_REAUTH_RETRY_MS = 6 * 3600_000;

class PassStopped extends Error {}

/** Thrown by the fenced lane once the lease belongs to another pass. */
export class LeaseLostError extends Error {
  constructor(shop: string) {
    super(`lease lost: another pass took over ${shop}`);
    this.name = "LeaseLostError";
  }
}

export async function runShopPass(
  ctx: SyncContext,
  shopDomain: string,
  options: { trigger: PassTrigger; signal?: AbortSignal },
): Promise<PassOutcome> {
  const { prisma } = ctx;
  const shop = await prisma.shop.findUnique({ where: { domain: shopDomain } });
  if (!shop) return { status: "skipped", reason: "unknown-shop" };
  if (shop.uninstalledAt) return { status: "skipped", reason: "uninstalled" };
  await ensureSyncStates(prisma, shop.id);
  const config = tuning(ctx);
  const lease = await claimShopLease(prisma, shop.id, ctx.workerId, config.leaseMs);
  if (!lease) return { status: "skipped", reason: "leased" };

  const started = Date.now();
  const lane = createSerialLane();
  const abort = new AbortController();
  const fenced: SerialLane = (task) =>
    lane(async () => {
      if (!(await holdsShopLease(prisma, lease))) {
        abort.abort(new PassStopped("lease lost"));
        throw new LeaseLostError(shop.domain);
      }
      return task();
    });
  const onOuterAbort = () => abort.abort(options.signal!.reason);
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  if (options.signal?.aborted) onOuterAbort();
  const heartbeat = setInterval(
    () => {
      void lane(() => keepGoing(ctx, shop, lease, config.leaseMs)).then(
        (reason) => reason && abort.abort(new PassStopped(reason)),
        () => {},
      );
    },
    Math.max(1_000, Math.floor(config.leaseMs / 3)),
  );

  try {
    let outcomes: ResourceOutcome[];
    try {
      outcomes = await runResources(ctx, shop, options.trigger, abort.signal, { fenced, own: lane });
    } catch (error) {
      if (!(error instanceof LeaseLostError)) throw error;
      ctx.log.warn("sync pass stopped: lease lost", { shop: shop.domain, trigger: options.trigger });
      return { status: "failed", resources: [], durationMs: Date.now() - started, leaseLost: true };
    }
    const failed = outcomes.some((o) => o.error);
    if (failed) await afterFault(() => fenced(() => backOffShop(ctx, shop.id))).catch(() => {});
    const durationMs = Date.now() - started;
    ctx.log.info("sync pass finished", {
      shop: shop.domain,
      trigger: options.trigger,
      status: failed ? "failed" : "succeeded",
      durationMs,
    });
    return { status: failed ? "failed" : "succeeded", resources: outcomes, durationMs };
  } finally {
    clearInterval(heartbeat);
    options.signal?.removeEventListener("abort", onOuterAbort);
    // Uninstalled while we ran: whatever this pass recorded, the sync is stopped.
    await fenced(async () => {
      const current = await prisma.shop.findUnique({ where: { id: shop.id }, select: { uninstalledAt: true } });
      if (current?.uninstalledAt)
        await prisma.syncState.updateMany({ where: { shopId: shop.id }, data: { status: "stopped" } });
    }).catch(() => {});
    await afterFault(() => lane(() => releaseShopLease(prisma, lease))).catch(() => {});
  }
}

/**
 * The pass's own bookkeeping after a fault (its outcome, its sync_run rows, the backoff,
 * giving the lease back), tried again a few times. When the database cut the pass's
 * connections, the pool may still hand out one the server already closed: that statement
 * fails at once and a fresh connection then works. Without this a pass failed by a
 * database fault could crash without recording why, or keep its lease until it expires.
 * A lost lease is final (not retried). recordFailure may count a failure twice if an
 * attempt failed half-way: a longer backoff, nothing worse.
 */
async function afterFault<T>(task: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (error instanceof LeaseLostError || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** Heartbeat: renew the lease; a reason to stop when the pass must not go on. */
async function keepGoing(ctx: SyncContext, shop: Shop, lease: ShopLease, leaseMs: number): Promise<string | null> {
  const current = await ctx.prisma.shop.findUnique({ where: { id: shop.id }, select: { uninstalledAt: true } });
  if (!current || current.uninstalledAt) return "shop uninstalled";
  if (!(await renewShopLease(ctx.prisma, lease, leaseMs))) return "lease lost";
  return null;
}

async function runResources(
  ctx: SyncContext,
  shop: Shop,
  trigger: PassTrigger,
  signal: AbortSignal,
  /** fenced: the lease-checked lane for everything; own: only to close this pass's own sync_run rows. */
  lanes: { fenced: SerialLane; own: SerialLane },
): Promise<ResourceOutcome[]> {
  const { prisma } = ctx;
  const lane = lanes.fenced;
  const syncShop: SyncShop = { id: shop.id, domain: shop.domain, grantedScopes: shop.grantedScopes };
  const states = await lane(() => prisma.syncState.findMany({ where: { shopId: shop.id } }));
  const pending = states.filter((s) => s.backfillStatus !== "completed").map((s) => s.resource as SyncResource);
  const outcomes: ResourceOutcome[] = [];

  let client;
  try {
    client = await ctx.clientFor(shop.domain);
  } catch (error) {
    return lane(() =>
      recordFailure(
        ctx,
        shop,
        SYNC_RESOURCES.map((resource) => ({ resource, kind: "incremental" as const })),
        error,
      ),
    );
  }

  if (pending.length > 0) {
    const run = await lane(() => startRun(ctx, shop.id, "backfill", pending));
    const results = await backfillShop(ctx, syncShop, client, signal, lane);
    const done: ResourceOutcome[] = [];
    for (const r of results) {
      if (r.ok && r.result.ran) done.push({ resource: r.resource, kind: "backfill", records: r.result.records });
    }
    const failures = results.filter((r): r is Extract<typeof r, { ok: false }> => !r.ok);
    // Each failed resource's run records its own error (one resource's connection or export
    // failing is not another's).
    const errors = new Map(failures.map((f) => [f.resource, f.error]));
    await afterFault(() =>
      lanes.own(() =>
        finishRuns(ctx, run, failures.length ? "failed" : "succeeded", done, (resource) => errors.get(resource)),
      ),
    );
    const lost = failures.find((f) => f.error instanceof LeaseLostError);
    if (lost) throw lost.error;
    await afterFault(() =>
      lane(() =>
        recordSuccess(
          ctx,
          shop.id,
          done.map((o) => o.resource),
        ),
      ),
    );
    outcomes.push(...done);
    for (const failure of failures) {
      outcomes.push(
        ...(await afterFault(() =>
          lane(() => recordFailure(ctx, shop, [{ resource: failure.resource, kind: "backfill" }], failure.error)),
        )),
      );
    }
    // Incremental syncs start once every backfill is done (a later pass).
    if (failures.length > 0) return outcomes;
  }

  const ready = SYNC_RESOURCES.filter((r) => !pending.includes(r));
  for (const resource of ready) {
    const run = await lane(() => startRun(ctx, shop.id, trigger === "manual" ? "manual" : "incremental", [resource]));
    try {
      const result = await syncResourceIncrementally(ctx, syncShop, client, resource, signal, lane);
      const outcome: ResourceOutcome = { resource, kind: "incremental", records: result.records };
      outcomes.push(outcome);
      await lanes.own(() => finishRuns(ctx, run, "succeeded", [outcome]));
      await lane(() => recordSuccess(ctx, shop.id, [resource]));
    } catch (error) {
      await afterFault(() => lanes.own(() => finishRuns(ctx, run, "failed", [], () => error)));
      if (error instanceof LeaseLostError) throw error;
      outcomes.push(
        ...(await afterFault(() => lane(() => recordFailure(ctx, shop, [{ resource, kind: "incremental" }], error)))),
      );
      if (error instanceof NeedsReauthError || signal.aborted) break;
    }
  }
  // Safety net for the ledger reads webhooks asked for (ledger-refresh.ts): a refresher
  // may have died or not run in the process that applied them. The marks stay on failure.
  if (ready.includes("orders") && !signal.aborted && !outcomes.some((o) => o.error)) {
    await drainLedgerRefresh(ctx, shop, client, { signal, lane }).catch((error: unknown) =>
      ctx.log.warn("ledger refresh failed", { shop: shop.domain, error: describe(error) }),
    );
  }
  return outcomes;
}

/** Backoff is per shop: the whole shop waits as long as its longest-waiting failed resource. */
async function backOffShop(ctx: SyncContext, shopId: number): Promise<void> {
  await ctx.prisma.$executeRaw`
    UPDATE sync_state SET next_run_at = failed.latest
    FROM (SELECT max(next_run_at) AS latest FROM sync_state WHERE shop_id = ${shopId} AND status IN ('error', 'needs_reauth')) AS failed
    WHERE sync_state.shop_id = ${shopId} AND failed.latest IS NOT NULL AND sync_state.next_run_at < failed.latest`;
}

async function recordSuccess(ctx: SyncContext, shopId: number, resources: SyncResource[]): Promise<void> {
  // A shop uninstalled meanwhile stays "stopped" (app/uninstalled has the last word).
  await ctx.prisma.syncState.updateMany({
    where: { shopId, resource: { in: resources }, status: { not: "stopped" } },
    data: { status: "idle", lastSuccessAt: new Date(), lastError: null, consecutiveFailures: 0, nextRunAt: new Date() },
  });
}

function describe(error: unknown): string {
  if (error instanceof NeedsReauthError) return NEEDS_REAUTH_MESSAGE;
  if (error instanceof Error) return error.message;
  return String(error);
}

async function recordFailure(
  ctx: SyncContext,
  shop: Shop,
  resources: { resource: SyncResource; kind: ResourceOutcome["kind"] }[],
  error: unknown,
): Promise<ResourceOutcome[]> {
  const { prisma } = ctx;
  const current = await prisma.shop.findUnique({ where: { id: shop.id }, select: { uninstalledAt: true } });
  const uninstalled = !current || current.uninstalledAt !== null;
  const message = uninstalled ? "stopped: the app was uninstalled" : describe(error);
  const names = resources.map((r) => r.resource);
  if (uninstalled) {
    await prisma.syncState.updateMany({
      where: { shopId: shop.id, resource: { in: names } },
      data: { status: "stopped", lastError: message },
    });
  } else {
    const states = await prisma.syncState.findMany({ where: { shopId: shop.id, resource: { in: names } } });
    for (const state of states) {
      const failures = state.consecutiveFailures + 1;
      const needsReauth = error instanceof NeedsReauthError;
      const wait = needsReauth ? NEEDS_REAUTH_RETRY_MS : backoffMs(failures);
      await prisma.syncState.update({
        where: { shopId_resource: { shopId: shop.id, resource: state.resource } },
        data: {
          status: needsReauth ? "needs_reauth" : "error",
          lastError: message,
          consecutiveFailures: failures,
          nextRunAt: new Date(Date.now() + wait),
        },
      });
    }
    ctx.log.warn("sync failed", { shop: shop.domain, resources: names, error: message });
  }
  return resources.map((r) => ({ ...r, records: 0, error: message }));
}

interface RunHandle {
  ids: Map<SyncResource, number>;
}

async function startRun(
  ctx: SyncContext,
  shopId: number,
  kind: SyncRunKind,
  resources: SyncResource[],
): Promise<RunHandle> {
  const ids = new Map<SyncResource, number>();
  for (const resource of resources) {
    const run = await ctx.prisma.syncRun.create({ data: { shopId, resource, kind }, select: { id: true } });
    ids.set(resource, run.id);
  }
  return { ids };
}

async function finishRuns(
  ctx: SyncContext,
  run: RunHandle,
  status: "succeeded" | "failed",
  outcomes: ResourceOutcome[],
  /** What a failed resource's run failed with. */
  errorOf: (resource: SyncResource) => unknown = () => undefined,
): Promise<void> {
  for (const [resource, id] of run.ids) {
    const outcome = outcomes.find((o) => o.resource === resource);
    await ctx.prisma.syncRun.update({
      where: { id },
      data: {
        status: outcome ? "succeeded" : status,
        finishedAt: new Date(),
        recordsUpserted: outcome?.records ?? 0,
        error: outcome || status === "succeeded" ? null : describe(errorOf(resource)),
      },
    });
  }
}
