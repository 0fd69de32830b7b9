// Who drains the queued webhooks of app/sync/webhook-queue.ts (docs/decisions/webhook-queue.md).
//
// PostgreSQL: pg-boss. One job per shop with the "stately" policy keyed by shop id (at
// most one queued and one running per shop: a shop's events are applied in order by one
// worker at a time, and a burst of one shop is one job, so it cannot hold the workers of
// the others). Every app process runs workers on the same queue; a job whose worker
// died is failed by pg-boss's heartbeat monitor (heartbeatSeconds) and retried, and the
// events it held come free when their lease (renewed while applied) ends — seconds, not the job expiry.
//
// Embedded PGlite (development only; one backend, no cross-connection LISTEN/NOTIFY):
// the same drain function, run by an in-process drainer one shop at a time.
//
// Both: the request wakes a worker after the event is committed (notify); a periodic
// sweep finds queued events nobody took (a process died between recording and waking,
// retries whose backoff passed) and wakes a worker for their shops, and (hourly, first
// shortly after start) deletes applied events past their retention.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { PgBoss } from "pg-boss";
import prisma from "~/db.server";
import { env } from "~/env.server";
import { seal, unseal } from "~/security/crypto";
import { appKeyring } from "~/security/keys.server";
import {
  drainShopWebhooks,
  pruneAppliedWebhooks,
  shopsWithOverdueWebhooks,
  type DrainResult,
  type PayloadSealer,
} from "~/sync/webhook-queue";

const PAYLOAD_PURPOSE = "webhook_event.payload";
/** Queued events no worker took within this are swept (seconds). */
const SWEEP_GRACE_SECONDS = 10;
const SWEEP_INTERVAL_MS = 5_000;
/** Applied events past their retention (webhook-queue.ts) are deleted this often by the sweep. */
const PRUNE_INTERVAL_MS = 3_600_000;
/** One shop's drain yields after this, so a huge backlog takes turns with other shops. */
const DRAIN_BUDGET_MS = 5_000;

export function payloadSealer(): PayloadSealer {
  const keyring = appKeyring();
  return {
    seal: (plaintext) => seal(keyring, plaintext, PAYLOAD_PURPOSE),
    open: (sealed) => unseal(keyring, sealed, PAYLOAD_PURPOSE),
  };
}

interface Engine {
  /** Wake a worker for the shop (the event is committed). Never throws. */
  notify(shopId: number): void;
  stop(): Promise<void>;
}

const log = (line: string) => console.warn(line);

/** One line per drain that applied something (ids and counts only). */
function drained(shopId: number, result: DrainResult): DrainResult {
  if (result.processed + result.retrying + result.dead > 0)
    console.log(
      `[webhooks] shop ${shopId}: ${result.processed} applied, ${result.retrying} to retry, ${result.dead} dead-lettered`,
    );
  return result;
}

// ---------------------------------------------------------------------------
// PostgreSQL: pg-boss

/**
 * The queue's name. Simulator mode: one per simulator origin, because test suites run
 * app processes wired to different simulators against one database, and a shop's
 * events must be applied (and its ledger read) by a process that talks to its simulator.
 */
export function webhookQueueName(simulatorOrigin: string | undefined): string {
  if (!simulatorOrigin) return "webhooks";
  return `webhooks-sim-${createHash("sha256").update(simulatorOrigin).digest("hex").slice(0, 12)}`;
}

async function startPgBoss(db: PrismaClient, connectionString: string, sealer: PayloadSealer): Promise<Engine> {
  const queue = webhookQueueName(env.simulatorOrigin);
  const boss = new PgBoss({
    connectionString,
    schema: "pgboss",
    max: 4,
    // Crash recovery: heartbeats are checked on the monitor pass; default passes are 60 s apart.
    superviseIntervalSeconds: 5,
    monitorIntervalSeconds: 5,
    useListenNotify: true,
    schedule: false,
  });
  boss.on("error", (error: Error) => log(`[webhooks] queue engine: ${error.name}: ${error.message}`));
  await boss.start();
  const options = {
    policy: "stately" as const,
    notify: true,
    heartbeatSeconds: 10,
    expireInSeconds: 300,
    retryLimit: 50,
    retryDelay: 1,
    retryBackoff: true,
    retryDelayMax: 30,
    deleteAfterSeconds: 3600,
  };
  if (!(await boss.getQueue(queue))) {
    await boss.createQueue(queue, options).catch(async (error: unknown) => {
      if (!(await boss.getQueue(queue))) throw error; // another process created it meanwhile
    });
  }

  // STOREPULSE_WEBHOOK_WORKERS=0: this process records and wakes; other processes apply.
  if (env.STOREPULSE_WEBHOOK_WORKERS > 0)
    await boss.work<{ shopId: number }>(
      queue,
      { localConcurrency: env.STOREPULSE_WEBHOOK_WORKERS, batchSize: 1, pollingIntervalSeconds: 1 },
      async ([job]) => {
        if (!job) return;
        const result = drained(
          job.data.shopId,
          await drainShopWebhooks(db, job.data.shopId, sealer, { budgetMs: DRAIN_BUDGET_MS, log }),
        );
        // Out of time with events left: a fresh job (behind other shops' jobs) continues.
        if (result.more) send(job.data.shopId);
      },
    );

  // One send in flight per shop; a notify during it sends once more afterwards (that
  // send may have been deduplicated against a job that started before the new event).
  const sending = new Map<number, boolean>();
  function send(shopId: number): void {
    if (sending.has(shopId)) {
      sending.set(shopId, true);
      return;
    }
    sending.set(shopId, false);
    boss
      .send(queue, { shopId }, { singletonKey: String(shopId) })
      .catch((error: Error) => log(`[webhooks] could not queue a drain: ${error.name}`)) // the sweep retries
      .finally(() => {
        const again = sending.get(shopId);
        sending.delete(shopId);
        if (again) send(shopId);
      });
  }

  const sweep = startSweep(db, send);
  return {
    notify: send,
    async stop() {
      sweep.stop();
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

// ---------------------------------------------------------------------------
// Embedded PGlite: an in-process drainer

function startInProcess(db: PrismaClient, sealer: PayloadSealer): Engine {
  // Shops waiting, in wake-up order; one drain at a time (PGlite has one backend).
  const waiting = new Set<number>();
  let running: Promise<void> | null = null;
  let stopped = false;

  const run = () => {
    if (running || stopped) return;
    const next = waiting.values().next();
    if (next.done) return;
    const shopId = next.value;
    waiting.delete(shopId);
    running = drainShopWebhooks(db, shopId, sealer, { budgetMs: DRAIN_BUDGET_MS, log })
      .then((result) => {
        drained(shopId, result);
        if (result.more) waiting.add(shopId); // behind the shops already waiting
      })
      .catch((error: Error) => {
        log(`[webhooks] drain failed: ${error.name}`); // the events stay queued; the sweep retries
      })
      .finally(() => {
        running = null;
        run();
      });
  };
  const notify = (shopId: number) => {
    waiting.add(shopId);
    run();
  };
  const sweep = startSweep(db, notify);
  return {
    notify,
    async stop() {
      stopped = true;
      sweep.stop();
      await running;
    },
  };
}

// ---------------------------------------------------------------------------

function startSweep(db: PrismaClient, notify: (shopId: number) => void) {
  let busy = false;
  let prunedAt = 0; // the first sweep prunes, then hourly
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    const prune = Date.now() - prunedAt >= PRUNE_INTERVAL_MS;
    if (prune) prunedAt = Date.now();
    shopsWithOverdueWebhooks(db, SWEEP_GRACE_SECONDS)
      .then((shops) => shops.forEach(notify))
      .then(async () => {
        if (!prune) return;
        const deleted = await pruneAppliedWebhooks(db, env.STOREPULSE_WEBHOOK_RETENTION_DAYS);
        if (deleted > 0) console.log(`[webhooks] pruned ${deleted} applied events past their retention`);
      })
      .catch((error: Error) => log(`[webhooks] sweep failed: ${error.name}`))
      .finally(() => (busy = false));
  }, SWEEP_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

async function isEmbeddedDatabase(db: PrismaClient): Promise<boolean> {
  const [row] = await db.$queryRaw<{ version: string }[]>`SELECT version()`;
  return /PGlite/i.test(row?.version ?? "");
}

declare global {
  // One engine per process, across Vite's module reloads in development.
  var storepulseWebhookWorker: Promise<Engine | null> | undefined;
}

async function start(): Promise<Engine | null> {
  const sealer = payloadSealer();
  // Tests and development may point DATABASE_URL at an embedded server too: ask it.
  const embedded = !env.DATABASE_URL || (await isEmbeddedDatabase(prisma));
  const engine = embedded ? startInProcess(prisma, sealer) : await startPgBoss(prisma, env.DATABASE_URL!, sealer);
  console.log(
    embedded
      ? "Webhook workers started (in-process drainer: embedded database)"
      : `Webhook workers started (pg-boss queue ${webhookQueueName(env.simulatorOrigin)}, ${env.STOREPULSE_WEBHOOK_WORKERS} local)`,
  );
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void engine.stop());
  return engine;
}

/** Start this process's webhook workers (once). Resolves when they are ready. */
export function startWebhookWorker(): Promise<Engine | null> {
  globalThis.storepulseWebhookWorker ??= start().catch((error: Error) => {
    // The events stay recorded; a healthy process (or this one, restarted) applies them.
    console.error(`[webhooks] workers did not start: ${error.name}: ${error.message}`);
    globalThis.storepulseWebhookWorker = undefined;
    return null;
  });
  return globalThis.storepulseWebhookWorker;
}

/** Wake a worker for a shop whose event was just recorded (fire and forget). */
export function notifyWebhookQueued(shopId: number): void {
  void startWebhookWorker().then((engine) => engine?.notify(shopId));
}
