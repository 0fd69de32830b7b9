// The table's "why / what would close it" for a missed target: what this run measured
// about it (bench.ts: the process's CPU share and profile, the rebuild's longest steps,
// the in-process answer time behind an HTTP figure) and a note under the table with a
// short standing text per row (what profiles and query plans showed, and the next step).
// Keys are row ids; a key also serves every row whose id starts with it and a dot
// ("dashboard" serves "dashboard.summary.c16"). `npm run bench -- --why file.json`
// replaces any of them with a JSON object of the same shape.
import { readFileSync } from "node:fs";

export const WHY: Record<string, string> = {
  "ingest.limit":
    "The ingest waits on PostgreSQL round trips (about 7 per 1000-line batch against the limit's 3). Next: one statement per batch (data-modifying CTEs) or COPY into a staging table and one merge, two batches in flight on PostgreSQL.",
  "ingest.rss":
    "The file is streamed and at most two batches are held; the rest is the runtime (Node, tsx, Prisma). Next: a heap snapshot at the peak.",
  rollups:
    "The rebuild aggregates the sales three times (customers, shop, products) and writes ≈2.3M rollup rows per 1M orders with their indexes. Next: one pass over the sales feeding the three aggregations, parallel aggregation (CREATE TABLE AS may use parallel workers, INSERT … SELECT may not in PostgreSQL 15).",
  customers:
    "The default sort reads every active customer of the range from the day rollups: O(active customers), not O(page). Next: a stored per-shop customer total with an index in page order.",
  retention:
    "Answers come from the cohort tables (one row per cohort month and offset); a miss means the plan went back to the per-customer table. Next: EXPLAIN the endpoint's query at this size.",
  dashboard:
    "The app, PostgreSQL and the load generator share two cores: at concurrency 16 requests queue (compare /healthz). Next: SET LOCAL max_parallel_workers_per_gather = 0 around the reads (parallel workers start slower than the scan on two busy cores), answers cached per shop until its rollups change.",
  webhooks:
    "Every delivery still runs authenticate.webhook, which loads (and may refresh) the shop's offline session before the event is recorded. Next: the HMAC check alone on the intake path, workers in their own process.",
  "throttle.use":
    "Writing a page took longer than the bucket needs to restore the page's cost, so the bucket waited for the database. Next: more pages in flight per resource.",
  "throttle.throttled":
    "Calls were sent on a stale estimate of the bucket (before an answer reported it). Next: reserve the requested cost from the shared estimate before sending.",
  cron: "A pass with nothing to read makes 4 database statements and one Admin API round trip, 8 passes at once. Next: claim a tick's shops in one statement.",
};

export function loadWhy(overrides?: string): Record<string, string> {
  if (!overrides) return WHY;
  return { ...WHY, ...(JSON.parse(readFileSync(overrides, "utf8")) as Record<string, string>) };
}

/** The key of a row id's standing text: the longest key that is the id or a dot-prefix of it. */
export function whyKey(texts: Record<string, string>, id: string): string | null {
  for (let key = id; key; key = key.includes(".") ? key.slice(0, key.lastIndexOf(".")) : "") {
    if (texts[key]) return key;
  }
  return null;
}
