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
import type { SyncRunKind } from "@prisma/client";
import { backfillShop, ensureSyncStates, SYNC_RESOURCES, type SyncShop } from "./backfill";
import { createSerialLane, tuning, type SerialLane, type SyncContext } from "./context";
import { NeedsReauthError } from "./graphql-client";
import { syncResourceIncrementally } from "./incremental";
import {
  claimShopLeaseWithStates,
  holdsShopLease,
  releaseShopLease,
  renewShopLease,
  type LeasedState,
  type ShopLease,
} from "./lease";
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
  const config = tuning(ctx);
  // One statement: the shop, its lease and its rows.
  let claim = await claimShopLeaseWithStates(prisma, { domain: shopDomain }, ctx.workerId, config.leaseMs);
  if (!claim.shop) return { status: "skipped", reason: "unknown-shop" };
  if (claim.shop.uninstalledAt) return { status: "skipped", reason: "uninstalled" };
  const shop: SyncShop = {
    id: claim.shop.id,
    domain: claim.shop.domain,
    grantedScopes: claim.shop.grantedScopes ?? "",
  };
  if (claim.rows < SYNC_RESOURCES.length) {
    // The shop's first pass: its rows are created here, then claimed together.
    if (claim.lease) await releaseShopLease(prisma, claim.lease);
    await ensureSyncStates(prisma, shop.id);
    claim = await claimShopLeaseWithStates(prisma, { id: shop.id }, ctx.workerId, config.leaseMs);
    if (claim.shop?.uninstalledAt) return { status: "skipped", reason: "uninstalled" };
  }
  const lease = claim.lease;
  if (!lease) return { status: "skipped", reason: "leased" };

  const started = Date.now();
  const lane = createSerialLane();
  const abort = new AbortController();
  const leaseLost = () => {
    abort.abort(new PassStopped("lease lost"));
    return new LeaseLostError(shop.domain);
  };
  const fenced: SerialLane = (task) =>
    lane(async () => {
      if (!(await holdsShopLease(prisma, lease))) throw leaseLost();
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
      outcomes = await runResources(ctx, shop, options.trigger, abort.signal, {
        fenced,
        own: lane,
        lease,
        states: claim.states,
        leaseLost,
      });
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
    // Uninstalled while we ran: whatever this pass recorded, the sync is stopped (in the
    // release's statement, which only touches rows still under this pass's lease).
    await afterFault(() => lane(() => releaseShopLease(prisma, lease, { stopIfUninstalled: true }))).catch(() => {});
  }
}

/**
 * The pass's own bookkeeping after a fault (its outcome, its sync_run rows, the backoff,
 * giving the lease back), tried again a few times. When the database cut the pass's
 * connections, the pool may still hand out one the server already closed: that statement
 * fails at once and a fresh connection then works. Without this a pass failed by a
 * database fault could crash without recording why, or keep its lease until it expires.
 * A pool can hold several such connections (every one the cut reached), each failing
 * once, and a busy embedded database takes a while to drop the dead client's transaction:
 * four quick tries (0.6 s) were seen to run out on a loaded machine, and the failure was
 * then never recorded (the CI run of 1f0ba6f). So the waits double, up to ≈ 12 s in all,
 * while the heartbeat keeps the lease. A lost lease is final (not retried).
 * recordFailure may count a failure twice if an attempt failed half-way: a longer
 * backoff, nothing worse.
 */
async function afterFault<T>(task: () => Promise<T>, attempts = 9): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (error instanceof LeaseLostError || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** (attempt - 1), 3_000)));
    }
  }
}

/** Heartbeat: renew the lease; a reason to stop when the pass must not go on. */
async function keepGoing(ctx: SyncContext, shop: SyncShop, lease: ShopLease, leaseMs: number): Promise<string | null> {
  const current = await ctx.prisma.shop.findUnique({ where: { id: shop.id }, select: { uninstalledAt: true } });
  if (!current || current.uninstalledAt) return "shop uninstalled";
  if (!(await renewShopLease(ctx.prisma, lease, leaseMs))) return "lease lost";
  return null;
}

/**
 * The pass's lanes and lease. fenced: the lease-checked lane for the data writes; own:
 * the same lane without the check, for this pass's own sync_run rows and for the
 * bookkeeping statements that carry the lease check in their own WHERE (one round trip
 * instead of two: an empty pass is mostly bookkeeping).
 */
interface PassLanes {
  fenced: SerialLane;
  own: SerialLane;
  lease: ShopLease;
  /** The rows as the claim read them. */
  states: LeasedState[];
  /** Stops the pass; the error to throw. */
  leaseLost: () => LeaseLostError;
}

async function runResources(
  ctx: SyncContext,
  shop: SyncShop,
  trigger: PassTrigger,
  signal: AbortSignal,
  lanes: PassLanes,
): Promise<ResourceOutcome[]> {
  const lane = lanes.fenced;
  const pending = lanes.states.filter((s) => s.backfillStatus !== "completed").map((s) => s.resource as SyncResource);
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
    const run = await lanes.own(() => startRuns(ctx, lanes, "backfill", pending));
    const results = await backfillShop(ctx, shop, client, signal, lane);
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
      lanes.own(() =>
        recordSuccess(
          ctx,
          lanes,
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
  if (ready.length === 0) return outcomes;
  // The resources run side by side (as a backfill's do): their Admin API calls overlap,
  // the client shares the shop's bucket between them, and their writes take turns in
  // the lane. A pass with nothing to read costs one round trip to Shopify, not three.
  const run = await lanes.own(() => startRuns(ctx, lanes, trigger === "manual" ? "manual" : "incremental", ready));
  const successes = successBatcher(ctx, lanes, ready.length);
  let ledgerMarks = false;
  const settled = await Promise.allSettled(
    ready.map(async (resource): Promise<ResourceOutcome[]> => {
      const own = { ids: new Map([[resource, run.ids.get(resource)!]]) };
      // Told the batcher this resource is done (a failure of the success statement itself is recorded below).
      let reported = false;
      try {
        const watermark = lanes.states.find((s) => s.resource === resource)?.watermark ?? null;
        const result = await syncResourceIncrementally(ctx, shop, client, resource, signal, lane, { watermark });
        reported = true;
        const finished = await successes.done(resource, { runId: own.ids.get(resource)!, records: result.records });
        if (resource === "orders") ledgerMarks = finished.ledgerMarks;
        return [{ resource, kind: "incremental", records: result.records }];
      } catch (error) {
        if (!reported) successes.none();
        await afterFault(() => lanes.own(() => finishRuns(ctx, own, "failed", [], () => error)));
        if (error instanceof LeaseLostError) throw error;
        return afterFault(() => lane(() => recordFailure(ctx, shop, [{ resource, kind: "incremental" }], error)));
      }
    }),
  );
  const lost = settled.find((r) => r.status === "rejected" && r.reason instanceof LeaseLostError);
  if (lost) throw (lost as PromiseRejectedResult).reason;
  for (const r of settled) {
    if (r.status === "rejected") throw r.reason;
    outcomes.push(...r.value);
  }
  // Safety net for the ledger reads webhooks asked for (ledger-refresh.ts): a refresher
  // may have died or not run in the process that applied them. The marks stay on failure.
  // (Whether there are any came with the orders' bookkeeping statement.)
  if (ledgerMarks && !signal.aborted && !outcomes.some((o) => o.error)) {
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

/**
 * Resources done: idle, due again now. With `run`, the resource's sync_run row is closed
 * in the same statement (always: it is this pass's own row). The state rows change only
 * under this pass's lease (a shop uninstalled meanwhile stays "stopped": app/uninstalled
 * has the last word); a lease taken over stops the pass. Also says whether ledger reads
 * are waiting (order_ledger_refresh), so an empty pass does not ask separately.
 */
async function recordSuccess(
  ctx: SyncContext,
  lanes: Pick<PassLanes, "lease" | "leaseLost">,
  resources: SyncResource[],
  runs: { runId: number; records: number }[] = [],
): Promise<{ ledgerMarks: boolean }> {
  const { lease } = lanes;
  const [row] = await ctx.prisma.$queryRaw<{ held: boolean; ledger_marks: boolean }[]>`
    WITH finished_runs AS (
      UPDATE sync_run SET status = 'succeeded', finished_at = now(), records_upserted = r.records, error = NULL
      FROM unnest(${runs.map((r) => r.runId)}::int[], ${runs.map((r) => r.records)}::int[]) AS r(id, records)
      WHERE sync_run.id = r.id
    ), done AS (
      UPDATE sync_state
      SET status = 'idle', last_success_at = now(), last_error = NULL, consecutive_failures = 0,
          next_run_at = now(), updated_at = now()
      WHERE shop_id = ${lease.shopId} AND resource = ANY(${resources}::text[])
        AND lease_token = ${lease.token} AND status <> 'stopped'
    )
    SELECT EXISTS (SELECT 1 FROM sync_state WHERE shop_id = ${lease.shopId} AND lease_token = ${lease.token}) AS held,
           EXISTS (SELECT 1 FROM order_ledger_refresh WHERE shop_id = ${lease.shopId}) AS ledger_marks`;
  if (!row?.held) throw lanes.leaseLost();
  return { ledgerMarks: row.ledger_marks };
}

/**
 * recordSuccess for the resources of a pass in as few statements as possible: a success
 * waits until every resource of the pass has finished (an empty pass: one statement for
 * all three) or for at most `maxWaitMs` (a long orders pass does not hold back the
 * customers' status).
 */
function successBatcher(ctx: SyncContext, lanes: PassLanes, resources: number, maxWaitMs = 1_000) {
  type Waiting = { resource: SyncResource; run: { runId: number; records: number } };
  let left = resources;
  let batch: { items: Waiting[]; promise: Promise<{ ledgerMarks: boolean }>; send: () => void } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    clearTimeout(timer);
    timer = undefined;
    batch?.send();
    batch = null;
  };
  const finished = () => {
    left -= 1;
    if (left === 0) send();
  };
  return {
    done(resource: SyncResource, run: Waiting["run"]): Promise<{ ledgerMarks: boolean }> {
      if (!batch) {
        let start!: () => void;
        const items: Waiting[] = [];
        const promise = new Promise<void>((resolve) => (start = resolve)).then(() =>
          afterFault(() =>
            lanes.own(() =>
              recordSuccess(
                ctx,
                lanes,
                items.map((w) => w.resource),
                items.map((w) => w.run),
              ),
            ),
          ),
        );
        batch = { items, promise, send: start };
        timer = setTimeout(send, maxWaitMs);
      }
      batch.items.push({ resource, run });
      const { promise } = batch;
      finished();
      return promise;
    },
    /** A resource that failed (recorded on its own). */
    none: finished,
  };
}

function describe(error: unknown): string {
  if (error instanceof NeedsReauthError) return NEEDS_REAUTH_MESSAGE;
  if (error instanceof Error) return error.message;
  return String(error);
}

async function recordFailure(
  ctx: SyncContext,
  shop: SyncShop,
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

/** This pass's sync_run rows, one statement, only under its lease. */
async function startRuns(
  ctx: SyncContext,
  lanes: Pick<PassLanes, "lease" | "leaseLost">,
  kind: SyncRunKind,
  resources: SyncResource[],
): Promise<RunHandle> {
  const { lease } = lanes;
  const rows = await ctx.prisma.$queryRaw<{ id: number; resource: SyncResource }[]>`
    INSERT INTO sync_run (shop_id, resource, kind)
    SELECT ${lease.shopId}, r.resource, ${kind}::sync_run_kind
    FROM unnest(${resources}::text[]) WITH ORDINALITY AS r(resource, n)
    WHERE EXISTS (SELECT 1 FROM sync_state WHERE shop_id = ${lease.shopId} AND lease_token = ${lease.token})
    ORDER BY r.n
    RETURNING id, resource`;
  if (rows.length < resources.length) throw lanes.leaseLost();
  return { ids: new Map(rows.map((r) => [r.resource, r.id])) };
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
