// What a sync run needs from the outside world, injected so the same engine runs in
// a route, the cron, the CLI and tests: the database, an Admin GraphQL caller per
// shop, the Shopify-bound fetch (bulk result downloads), and a logger.
import type { PrismaClient } from "@prisma/client";
import type { AdminGraphql } from "./graphql-client";

export interface SyncLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface SyncContext {
  prisma: PrismaClient;
  /** A cost-aware caller for the shop; throws NeedsReauthError when there is no usable token. */
  clientFor(shopDomain: string): Promise<AdminGraphql>;
  /** Shopify-bound fetch for bulk result files. */
  fetch: typeof fetch;
  /** Identifies this process in leases ("host:pid:random"). */
  workerId: string;
  log: SyncLogger;
  /** Tuning (tests shorten the waits). */
  options?: Partial<SyncTuning>;
}

export interface SyncTuning {
  /** Rows per write batch during a backfill. */
  backfillBatchSize: number;
  bulkMinPollMs: number;
  bulkMaxPollMs: number;
  leaseMs: number;
  /** Overlap subtracted from the watermark: clock skew and same-second updates. */
  incrementalOverlapMs: number;
  /** Sync passes running at once in one process, whoever started them (pass-runner.ts). */
  maxConcurrentPasses: number;
}

export const DEFAULT_TUNING: SyncTuning = {
  // 2500 lines (≈360 orders with their lines and ledger): fewer round trips and commits per
  // row than 1000 (ingest benchmark, 50k orders: Node CPU 8.9 s against 10.8 s), each
  // statement still ≤ 1000 rows (store.ts BATCH_SIZE); peak RSS at 1M orders in
  // docs/benchmarks.md (the 400 MB cap). docs/decisions/bulk-ingest-batch-connection.md.
  backfillBatchSize: 2500,
  bulkMinPollMs: 200,
  bulkMaxPollMs: 5_000,
  leaseMs: 90_000,
  incrementalOverlapMs: 120_000,
  maxConcurrentPasses: 8,
};

export function tuning(ctx: SyncContext): SyncTuning {
  return { ...DEFAULT_TUNING, ...ctx.options };
}

export const consoleSyncLogger: SyncLogger = {
  info: (message, fields) => console.log(`[sync] ${message}${fields ? ` ${JSON.stringify(fields)}` : ""}`),
  warn: (message, fields) => console.warn(`[sync] ${message}${fields ? ` ${JSON.stringify(fields)}` : ""}`),
};

export const silentSyncLogger: SyncLogger = { info: () => {}, warn: () => {} };

/**
 * Runs tasks one at a time, in call order. A pass's concurrent parts (the resources
 * of a backfill, the lease heartbeat) share one lane for their database work: the
 * network work overlaps, the writes do not. Writes of one shop gain little from
 * running side by side, and the embedded PGlite (one backend behind its socket
 * server) is not safe with concurrent statements from several connections.
 */
export type SerialLane = <T>(task: () => Promise<T>) => Promise<T>;

export function createSerialLane(): SerialLane {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => {});
    return run;
  };
}
