// Starts the sync scheduler once per server process (imported by entry.server).
// SYNC_CRON=off turns it off (e.g. on web-only instances when a dedicated worker runs
// the cron); under NODE_ENV=test it is off unless SYNC_CRON=on, because test suites
// share one database between several app processes wired to different simulators.
import { serverSyncContext } from "./sync/server-context.server";
import { createSyncScheduler } from "./sync/scheduler";

declare global {
  // One scheduler per process, across Vite's module reloads in development.
  // eslint-disable-next-line no-var
  var storepulseSyncScheduler: { stop(): Promise<void> } | undefined;
}

export function syncCronEnabled(env: Record<string, string | undefined> = process.env): boolean {
  const setting = (env.SYNC_CRON ?? "").trim().toLowerCase();
  if (setting === "off" || setting === "false" || setting === "0") return false;
  if (setting === "on" || setting === "true" || setting === "1") return true;
  return env.NODE_ENV !== "test";
}

export function startSyncCron(): void {
  if (globalThis.storepulseSyncScheduler || !syncCronEnabled()) return;
  const scheduler = createSyncScheduler(serverSyncContext(), {
    cronExpression: process.env.SYNC_CRON_EXPRESSION || "* * * * *",
  });
  scheduler.start();
  globalThis.storepulseSyncScheduler = scheduler;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void scheduler.stop());
  }
  console.log("Sync scheduler started (every minute; SYNC_CRON=off disables it)");
}

startSyncCron();
