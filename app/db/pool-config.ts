// Connection settings of the app's pool on an external PostgreSQL server (not the
// embedded PGlite, whose socket server takes no startup options).
//
// max_parallel_workers_per_gather = 0: the dashboard reads a few thousand rollup rows per
// request; the planner still picks parallel plans for some of them (top products: a
// Parallel Append over the month and day rollups), and starting the workers costs more
// than the scan — at 1M orders on a busy 2-core machine, 22.5 ms p50 with workers against
// 10.6 ms without. The full rollup rebuild, the one statement set that reads whole tables,
// sets its own value in its transaction (app/insights/rollups.ts).
// docs/decisions/insights-rebuild-and-read-performance.md.
import type { PoolConfig } from "pg";

export const APP_SESSION_SETTINGS: Readonly<Record<string, string>> = {
  max_parallel_workers_per_gather: "0",
};

/**
 * The pg pool configuration for `connectionString`, with APP_SESSION_SETTINGS sent as
 * startup options (`-c name=value`, applied by the server at connection time: no extra
 * round trip). Options already in the URL (`?options=...`) are kept and come first; a
 * setting they name is not overridden.
 */
export function appPoolConfig(connectionString: string, extra: PoolConfig = {}): PoolConfig {
  const url = new URL(connectionString);
  const existing = url.searchParams.get("options") ?? "";
  const ours = Object.entries(APP_SESSION_SETTINGS)
    .filter(([name]) => !new RegExp(`(^|\\s)-c\\s*${name}=`).test(existing))
    .map(([name, value]) => `-c ${name}=${value}`);
  // pg lets the URL's options replace the config's: merge them into the URL itself.
  if (ours.length > 0) url.searchParams.set("options", [existing, ...ours].filter(Boolean).join(" "));
  return { ...extra, connectionString: url.toString() };
}
