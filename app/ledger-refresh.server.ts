// Starts this process's ledger refresher once (imported by entry.server): after an
// orders/* or refunds/create webhook marks an order, the refresher reads the order's
// sales ledger from the Admin API shortly after (app/sync/ledger-refresh.ts). A process
// without it (a script) still leaves the marks in the database for the sync pass.
import { syncEngine } from "./shopify.server";
import { startLedgerRefresher, type LedgerRefresher } from "./sync/ledger-refresh";

declare global {
  // One refresher per process, across Vite's module reloads in development.
  var storepulseLedgerRefresher: LedgerRefresher | undefined;
}

export function startLedgerRefresh(): void {
  if (globalThis.storepulseLedgerRefresher) return;
  const refresher = startLedgerRefresher(syncEngine());
  globalThis.storepulseLedgerRefresher = refresher;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void refresher.stop());
  }
}

startLedgerRefresh();
