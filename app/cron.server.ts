// Starts the sync scheduler once per server process (imported by entry.server).
// SYNC_CRON=off turns it off (e.g. on web-only instances when a dedicated worker runs
// the cron); under NODE_ENV=test it is off unless SYNC_CRON=on, because test suites
// share one database between several app processes wired to different simulators.
import { syncEngine } from "./shopify.server";
import { env } from "./env.server";
import { createSyncScheduler } from "./sync/scheduler";
import { startWebhookWorker } from "./queue/webhook-worker.server";

declare global {
  // One scheduler per process, across Vite's module reloads in development.
  var storepulseSyncScheduler: { stop(): Promise<void> } | undefined;
}

export function startSyncCron(): void {
  if (globalThis.storepulseSyncScheduler || !env.syncCron) return;
  const scheduler = createSyncScheduler(syncEngine(), { cronExpression: env.SYNC_CRON_EXPRESSION });
  scheduler.start();
  globalThis.storepulseSyncScheduler = scheduler;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void scheduler.stop());
  }
  console.log(`Sync scheduler started ("${env.SYNC_CRON_EXPRESSION}"; SYNC_CRON=off disables it)`);
}

startSyncCron();
// Queued webhooks are applied by workers in every process (app/queue/webhook-worker.server.ts).
void startWebhookWorker();
