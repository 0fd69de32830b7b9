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
    "On PostgreSQL the batches run over a plain pg pool (2026-12-02, docs/decisions/bulk-ingest-batch-connection.md): Node CPU of the ingest 18.7–21.2 s → 11.6–12.7 s at 50k orders; the refunds go in the order statement and BEGIN with the first one (two round trips fewer per batch), 2,500-line batches (159 orders batches, was 397). Alternating runs of the old and the new code at load 5–11: old 0.45x and 0.66x of the limit, new 0.71x and 0.75x. What is left is round trips and the server's own work (lock query, newer-wins ON CONFLICT, parent checks), each statement waking two processes on two shared cores. Next: line items, agreements and sales of a batch in one statement (sales take their agreement from the CTE), the lock query in the order statement.",
  "ingest.rss":
    "The file is streamed and at most two batches are held: peak RSS does not grow with the store. At 1M orders (7,266,686 rows, 2,500-line batches, 2026-12-02 at load ≈10): peak RSS 316 MB with 192 MB before the ingest started, peak heap 110 MB, 822 s (`npm run bench -- --only ingest --ingest-orders 1000000 --ingest-phase ours`). Next: a heap snapshot at the peak.",
  rollups:
    "The rebuild reads orders and sales by customer and day once (staged in temporary tables) and fills customer days (with their retention figure, net_sales) and customer months (with theirs, since 2026-12-02: the retention month table is gone, each customer month is written once) from that; shop days and product days each take one pass over the sales (reading the sales once for both was tried the same day and not kept: the sale scan is the cheap part, the product grouping then ran twice). Same run at 1M, load 6–11: previous rebuild 170 s mean, this one 145 s (docs/decisions/rollup-rebuild.md); at 10M orders the rebuild took 532 s (53 s per 1M, load 2–5, 2026-12-02). What remains is writing ≈2.3M rows into indexed, logged tables shared by every shop: customer days (≈1M rows, 5 indexes), the staged pass, customer months (3 indexes), shop and product days. Ruled out: work_mem, insert order, parallel plans (PostgreSQL 15 never runs INSERT … SELECT in parallel), per-shop partitions to swap in (thousands of shops × 10 tables). Next: write only rows that differ (a rebuild after a backfill mostly repeats what the batches' refreshes wrote), fewer indexes on customer days (the Customers page's partial indexes cost on every write), customer days and months from one sorted pass.",
  customers:
    "A stored per-shop customer total and indexes in page order serve the default view and the name and last-order sorts (index scan + LIMIT); ascending figure sorts read the customers below zero and the zero block, descending ones the customers above zero first (2026-12-02). Still O(active customers in range) for deep pages: grouping ≈27k day rows into ≈20k customers takes 17–20 ms on an idle core. Reading the range's edge days exactly was tried and not kept (each candidate then costs a random index lookup: 0.7–1.5x the time; docs/decisions/customers-page-summary.md). Next: figures precomputed for rolling windows.",
  retention:
    "Served from the answer cache like the dashboard rows (see there); a miss costs the in-process answer time of the store rows above (≤ 20 ms p95).",
  dashboard:
    "Since 2026-12-02 every row's requests after the warm-up are answered from the per-instance answer cache (docs/decisions/answer-cache.md): one read of the shop and its answer version instead of the answer's queries, the body gzip-compressed once. Measured with the app alone at concurrency 16 (load 7): app CPU per request 2.3–2.8 ms for a cached orders-by-date or summary answer vs 1.4 ms for GET /healthz; the difference is the session token check and the offline session's Prisma read (0.74 ms CPU per read against 0.39 ms for a raw SELECT 1). What /healthz pays too (express.static's stat of every path under public/, Remix route matching, the request log line) and the load generator and PostgreSQL on the same two shared cores make the rest: at concurrency 16 the requests queue behind each other as /healthz's do, and /healthz itself is above 50 ms p95 there: the target at concurrency 16 is below what a bare route reaches on these two shared cores, so compare each row with /healthz's p95 in the same run (several answer below it). Next: the offline session read without the ORM (or a short per-instance cache of the verified session), API routes answered ahead of Express static and Remix as the webhooks are, more cores or app instances.",
  webhooks:
    "An acknowledgement waits for its row's commit, and during the burst a lone one-row commit on its own connection took p50 12-19 ms, p99 90-250 ms here (one WAL for the whole server, shared with other databases' bulk writes): the acknowledgement p99 was 2-3.5x that floor (the bench prints it). Web process profile during the burst: mostly idle or not scheduled; of its busy time Prisma's per-query work for the intake INSERT was 20-28% (the intake now writes through its own pg pool on PostgreSQL: 0.58x Prisma's CPU per event in the same run), pg-boss wake-up sends 6-9%, HTTP ≈12%, our checks and sealing ≈30%. The load generator now uses node:http (≈0.5 ms CPU per request against fetch's 1.1). Web CPU per event 0.48-0.83 ms (0.72-0.88 before). 02:42-02:44Z 2026-12-02 at load 3.7-5: 688/s p99 93 ms, 514/s p99 117 ms, 332/s p99 233 ms (1.6-2.2x /healthz); at load 11-15: 156-299/s. docs/decisions/webhook-intake-throughput.md. Next: at most one pg-boss send per shop every few tens of ms during a burst, workers on other machines, a PostgreSQL whose WAL is not shared with bulk loads.",
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
