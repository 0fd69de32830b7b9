// The cron fallback: every minute (node-cron), find the shops that are due and run a
// sync pass for each. Webhooks deliver most changes within seconds; this catches
// what they dropped and finishes interrupted backfills.
//
// - Due: installed, has an offline session, some resource's next_run_at has passed
//   (per-shop backoff after errors pushes it out), not leased by a live worker.
// - Spread: each shop starts at a fixed offset inside the minute (hash of its
//   domain), so a thousand shops do not hit the database and Shopify at second 0.
// - Several app instances may run this; the lease (lease.ts) makes sure only one of
//   them syncs a given shop, whoever gets there first.
import { schedule, type ScheduledTask } from "node-cron";
import { createHash } from "node:crypto";
import type { SyncContext } from "./context";
import { abortableSleep } from "./graphql-client";
import { runShopPass, type PassOutcome } from "./shop-sync";

export interface SchedulerOptions {
  /** node-cron expression; default every minute. */
  cronExpression?: string;
  /** Spread the due shops over this many ms after the tick. Default 50 s. */
  spreadMs?: number;
  /** Passes running at once in this process. Default 2. */
  concurrency?: number;
  /** Restrict to these shops (tests share one database between suites). */
  onlyShops?: string[];
  onPass?: (shop: string, outcome: PassOutcome) => void;
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
       AND bool_and(st.lease_expires_at IS NULL OR st.lease_expires_at < now() OR st.lease_owner = ${ctx.workerId})
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
  /** One tick now (what the cron runs); resolves when its passes have finished. */
  tick(): Promise<Map<string, PassOutcome>>;
  stop(): Promise<void>;
}

export function createSyncScheduler(
  ctx: SyncContext,
  options: SchedulerOptions = {},
): SyncScheduler & { start(): void } {
  const spreadMs = options.spreadMs ?? 50_000;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const running = new Set<string>();
  const stopping = new AbortController();
  let task: ScheduledTask | undefined;
  let ticks: Promise<unknown>[] = [];

  async function runOne(shop: string, results: Map<string, PassOutcome>) {
    running.add(shop);
    try {
      const outcome = await runShopPass(ctx, shop, { trigger: "scheduled", signal: stopping.signal });
      results.set(shop, outcome);
      options.onPass?.(shop, outcome);
    } catch (error) {
      ctx.log.warn("sync pass crashed", { shop, error: (error as Error).message });
    } finally {
      running.delete(shop);
    }
  }

  async function tick(): Promise<Map<string, PassOutcome>> {
    const results = new Map<string, PassOutcome>();
    if (stopping.signal.aborted) return results;
    const due = (await findDueShops(ctx, { onlyShops: options.onlyShops })).filter((s) => !running.has(s));
    const tickStart = Date.now();
    // Start in offset order; at most `concurrency` at once.
    const queue = due
      .map((shop) => ({ shop, at: tickStart + spreadOffsetMs(shop, spreadMs) }))
      .sort((a, b) => a.at - b.at);
    const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const wait = next.at - Date.now();
        if (wait > 0) await abortableSleep(wait, stopping.signal).catch(() => {});
        if (stopping.signal.aborted) return;
        await runOne(next.shop, results);
      }
    });
    await Promise.all(workers);
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
