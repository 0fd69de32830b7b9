// The one door through which a process starts sync passes — the cron tick, "Sync now"
// and the install hook all come here:
//
// - One pass per shop in this process: a request for a shop whose pass is running or
//   waiting for a slot starts nothing (the caller is told so). Across processes the
//   lease (lease.ts) does the same; a pass that loses the claim is skipped "leased".
// - A global cap: at most `maxConcurrentPasses` (SyncTuning; STOREPULSE_SYNC_MAX_PASSES
//   in the app) passes run at once in this process, whoever started them; the rest wait
//   in line, first come first served. Each pass holds a database connection for its
//   writes and runs its own Admin API calls, so the cap bounds both.
//
// One runner per SyncContext: the app has one context per process; tests build several
// to stand for several processes.
import type { SyncContext } from "./context";
import { tuning } from "./context";
import { shopLeaseHeld } from "./lease";
import { runShopPass, type PassOutcome, type PassTrigger } from "./shop-sync";
import { requestSyncNow } from "./status";

/** started: runs now; queued: waits for a slot; running: one is already running or queued here. */
export type PassAdmission = "started" | "queued" | "running";

export interface PassTicket {
  admission: PassAdmission;
  /** Settles once the pass holds a slot and has begun (or was turned away). */
  started: Promise<void>;
  /** The pass's outcome; for "running", `{ status: "skipped", reason: "running" }`. */
  done: Promise<PassOutcome>;
}

export interface PassRunner {
  submit(shop: string, trigger: PassTrigger, options?: { signal?: AbortSignal }): PassTicket;
  /** Whether a pass of the shop runs or waits in this process. */
  busy(shop: string): boolean;
  /** Passes running now in this process. */
  active(): number;
  /** Resolves when no pass runs or waits in this process. */
  idle(): Promise<void>;
}

const runners = new WeakMap<SyncContext, PassRunner>();

export function passRunner(ctx: SyncContext): PassRunner {
  let runner = runners.get(ctx);
  if (!runner) {
    runner = createPassRunner(ctx, Math.max(1, tuning(ctx).maxConcurrentPasses));
    runners.set(ctx, runner);
  }
  return runner;
}

function createPassRunner(ctx: SyncContext, cap: number): PassRunner {
  const shops = new Map<string, Promise<PassOutcome>>();
  const waiting: Array<() => void> = [];
  let running = 0;

  function acquire(signal?: AbortSignal): Promise<boolean> {
    if (running < cap) {
      running += 1;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const grant = () => {
        signal?.removeEventListener("abort", giveUp);
        running += 1;
        resolve(true);
      };
      const giveUp = () => {
        const at = waiting.indexOf(grant);
        if (at >= 0) waiting.splice(at, 1);
        resolve(false);
      };
      waiting.push(grant);
      signal?.addEventListener("abort", giveUp, { once: true });
    });
  }

  function release(): void {
    running -= 1;
    waiting.shift()?.();
  }

  return {
    submit(shop, trigger, options = {}) {
      if (shops.has(shop)) {
        const turnedAway: PassOutcome = { status: "skipped", reason: "running" };
        return { admission: "running", started: Promise.resolve(), done: Promise.resolve(turnedAway) };
      }
      const admission: PassAdmission = running < cap ? "started" : "queued";
      const slot = acquire(options.signal);
      const done = (async (): Promise<PassOutcome> => {
        if (!(await slot)) return { status: "skipped", reason: "stopped" };
        try {
          return await runShopPass(ctx, shop, { trigger, signal: options.signal });
        } catch (error) {
          ctx.log.warn("sync pass crashed", { shop, trigger, error: (error as Error).message });
          return { status: "skipped", reason: "crashed" };
        } finally {
          release();
        }
      })();
      shops.set(shop, done);
      void done.finally(() => shops.delete(shop));
      return { admission, started: slot.then(() => undefined), done };
    },
    busy: (shop) => shops.has(shop),
    active: () => running,
    async idle() {
      while (shops.size > 0) await Promise.allSettled([...shops.values()]);
    },
  };
}

export type SyncNowAnswer = { accepted: false } | { accepted: true; state: PassAdmission; done: Promise<PassOutcome> };

/**
 * "Sync now": make every resource of the shop due and start a pass in this process —
 * unless a pass of the shop already runs, here or in another process: then that pass
 * is the sync (state "running"; the next tick picks up whatever it missed, the shop
 * being due at once). Answers without waiting for the pass.
 */
export async function syncNow(ctx: SyncContext, shop: string): Promise<SyncNowAnswer> {
  const row = await ctx.prisma.shop.findUnique({ where: { domain: shop }, select: { id: true } });
  if (!row || !(await requestSyncNow(ctx.prisma, shop))) return { accepted: false };
  const runner = passRunner(ctx);
  if (!runner.busy(shop) && (await shopLeaseHeld(ctx.prisma, row.id))) {
    return { accepted: true, state: "running", done: Promise.resolve({ status: "skipped", reason: "leased" }) };
  }
  const ticket = runner.submit(shop, "manual");
  return { accepted: true, state: ticket.admission, done: ticket.done };
}
