// The cron fallback: every minute (node-cron), find the shops that are due and run a
// sync pass for each. Webhooks deliver most changes within seconds; this catches
// what they dropped and finishes interrupted backfills.
//
// - Due: installed, has an offline session, some resource's next_run_at has passed
//   (per-shop backoff after errors pushes it out), not leased by a live pass (this
//   worker's included: a pass still running from an earlier tick is not started twice).
// - Spread: each shop starts at a fixed offset inside the minute (hash of its
//   domain), so a thousand shops do not hit the database and Shopify at second 0.
// - Ticks never overlap in one process: a tick that comes while the previous one is
//   still handing out its shops is skipped (the next one finds whatever is still due).
//   A tick's part ends once each of its shops has a slot; the passes themselves go on
//   in the pass runner, so a long backfill does not hold up later ticks.
// - Passes start through the pass runner (pass-runner.ts): one per shop per process,
//   at most maxConcurrentPasses at once together with "Sync now" and installs.
// - Several app instances may run this; the lease (lease.ts) makes sure only one of
//   them syncs a given shop, whoever gets there first.
// - Each tick also deletes data-request exports past their retention: otherwise they
//   would only go when the next data request arrives (reads already hide them).
// - Each tick also recomputes the rollup days left marked pending for longer than a grace
//   period (a crash between a write's commit and its recompute; app/insights/rollup-pending.ts).
//   Several instances may both do it for one shop: the work repeats, the result does not.
import { schedule, type ScheduledTask } from "node-cron";
import { createHash } from "node:crypto";
import type { SyncContext } from "./context";
import { abortableSleep } from "./graphql-client";
import { overduePendingRollupDays } from "~/insights/rollup-pending";
import { purgeExpiredDataRequests } from "./lifecycle";
import { passRunner } from "./pass-runner";
import { recomputeRollupsCoalesced } from "./rollup-coalescer";
import type { PassOutcome } from "./shop-sync";

export interface SchedulerOptions {
  /** node-cron expression; default every minute. */
  cronExpression?: string;
  /** Spread the due shops over this many ms after the tick. Default 50 s. */
  spreadMs?: number;
  /** Restrict to these shops (tests share one database between suites). */
  onlyShops?: string[];
  onPass?: (shop: string, outcome: PassOutcome) => void;
  /**
   * Rollup days marked pending longer than this are recomputed by the tick. Default 60 s:
   * well past a live write's own recompute, so only left-behind days are taken.
   */
  pendingRollupGraceMs?: number;
}

/** The cron's default spread window (the app's cron uses it). */
export const DEFAULT_SPREAD_MS = 50_000;

/** Recompute the rollup days no recompute has taken within the grace period. */
export async function recomputeLeftBehindRollupDays(
  ctx: SyncContext,
  options: { graceMs: number; onlyShops?: readonly string[] },
): Promise<number> {
  let days = 0;
  for (const { shopId, dates } of await overduePendingRollupDays(ctx.prisma, {
    olderThanMs: options.graceMs,
    onlyShops: options.onlyShops,
  })) {
    ctx.log.warn("rollup days left behind by an interrupted write recomputed", { shopId, days: dates.length });
    await recomputeRollupsCoalesced(ctx.prisma, shopId, dates);
    days += dates.length;
  }
  return days;
}

export async function findDueShops(
  ctx: SyncContext,
  options: { onlyShops?: string[]; limit?: number } = {},
): Promise<string[]> {
  const only = options.onlyShops ?? null;
  const rows = await ctx.prisma.$queryRaw<{ domain: string }[]>`
    SELECT s.domain
    FROM shop s
    JOIN sync_state st ON st.shop_id = s.id
    WHERE s.uninstalled_at IS NULL
      AND (${only}::text[] IS NULL OR s.domain = ANY(${only}::text[]))
      AND EXISTS (SELECT 1 FROM "Session" se WHERE se.shop = s.domain AND se."isOnline" = false)
    GROUP BY s.domain
    HAVING min(st.next_run_at) <= now()
       AND bool_and(st.lease_expires_at IS NULL OR st.lease_expires_at < now())
    ORDER BY min(st.next_run_at)
    LIMIT ${options.limit ?? 10_000}`;
  return rows.map((r) => r.domain);
}

/** Stable offset of a shop inside the spread window. */
export function spreadOffsetMs(shop: string, spreadMs: number): number {
  if (spreadMs <= 0) return 0;
  return createHash("sha1").update(shop).digest().readUInt32BE(0) % spreadMs;
}

export interface SyncScheduler {
  /**
   * One tick now (what the cron runs); resolves when its passes have finished. A tick
   * while another one is still handing out shops does nothing (an empty map).
   */
  tick(): Promise<Map<string, PassOutcome>>;
  stop(): Promise<void>;
}

export function createSyncScheduler(
  ctx: SyncContext,
  options: SchedulerOptions = {},
): SyncScheduler & { start(): void } {
  const spreadMs = options.spreadMs ?? DEFAULT_SPREAD_MS;
  const runner = passRunner(ctx);
  const stopping = new AbortController();
  let task: ScheduledTask | undefined;
  let ticks: Promise<unknown>[] = [];
  let dispatching = false;

  async function tick(): Promise<Map<string, PassOutcome>> {
    const results = new Map<string, PassOutcome>();
    if (stopping.signal.aborted) return results;
    if (dispatching) {
      ctx.log.info("sync tick skipped: the previous tick is still starting its passes");
      return results;
    }
    dispatching = true;
    const passes: Promise<void>[] = [];
    try {
      await purgeExpiredDataRequests(ctx.prisma).catch((error) =>
        ctx.log.warn("expired data-request exports not purged", { error: (error as Error).message }),
      );
      passes.push(
        recomputeLeftBehindRollupDays(ctx, {
          graceMs: options.pendingRollupGraceMs ?? 60_000,
          onlyShops: options.onlyShops,
        }).then(
          () => undefined,
          (error) => ctx.log.warn("left-behind rollup days not recomputed", { error: (error as Error).message }),
        ),
      );
      const due = (await findDueShops(ctx, { onlyShops: options.onlyShops })).filter((s) => !runner.busy(s));
      const tickStart = Date.now();
      // Start in offset order; the runner's cap decides how many run at once.
      const queue = due
        .map((shop) => ({ shop, at: tickStart + spreadOffsetMs(shop, spreadMs) }))
        .sort((a, b) => a.at - b.at);
      for (const next of queue) {
        const wait = next.at - Date.now();
        if (wait > 0) await abortableSleep(wait, stopping.signal).catch(() => {});
        if (stopping.signal.aborted) break;
        const ticket = runner.submit(next.shop, "scheduled", { signal: stopping.signal });
        passes.push(
          ticket.done.then((outcome) => {
            results.set(next.shop, outcome);
            options.onPass?.(next.shop, outcome);
          }),
        );
        // Hand out the next shop only once this one has a slot: the line stays short
        // and a skipped tick loses nothing that is not still due.
        await ticket.started;
      }
    } finally {
      dispatching = false;
    }
    await Promise.all(passes);
    return results;
  }

  return {
    tick,
    start() {
      if (task) return;
      task = schedule(
        options.cronExpression ?? "* * * * *",
        () => {
          const run = tick().catch((error) => ctx.log.warn("sync tick failed", { error: (error as Error).message }));
          ticks.push(run);
          void run.finally(() => (ticks = ticks.filter((t) => t !== run)));
          return undefined;
        },
        // Overlap is handled by tick() itself (skipped while the previous one dispatches).
        { name: "storepulse-sync", noOverlap: false },
      );
    },
    async stop() {
      stopping.abort(new Error("scheduler stopped"));
      await task?.destroy();
      task = undefined;
      await Promise.allSettled(ticks);
    },
  };
}
