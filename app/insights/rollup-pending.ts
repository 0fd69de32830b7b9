// Durable "these days' rollups are behind" marks (rollup_pending_day). A write commits
// its rows first and recomputes the days it touched after the commit; a crash, a killed
// instance or a failed recompute in between would leave those days' rollups wrong until
// the next full rebuild. So every write that changes rollup days marks them in its own
// transaction (committed together with the rows), the recompute that covers a day clears
// its mark in the recompute's transaction, and the cron recomputes the days whose marks
// are still there after a grace period (app/sync/scheduler.ts).
//
// A recompute clears only the marks it saw before it read any data, and only if no write
// re-marked the day since (the mark number changes on every mark): a write committed
// while the recompute runs keeps its mark, and its own recompute (or the sweep) takes it.
// Writers never wait on a recompute here: the recompute only reads marks until its last
// statement.
import type { PrismaClient } from "@prisma/client";
import type { Tx } from "./rollup-sql";

/** The marks a recompute saw at its start: cleared at its end if unchanged. */
export interface TakenMarks {
  dates: string[];
  marks: string[];
}

/** Mark `dates` (YYYY-MM-DD, shop zone) pending, inside the write's transaction. */
export async function markRollupDaysPending(tx: Tx, shopId: number, dates: readonly string[]): Promise<void> {
  if (dates.length === 0) return;
  // Sorted: concurrent writers upsert the same rows in the same order (no deadlocks).
  const sorted = [...new Set(dates)].sort();
  await tx.$executeRaw`
    INSERT INTO rollup_pending_day (shop_id, local_date)
    SELECT ${shopId}, d FROM unnest(${sorted}::date[]) AS d
    ON CONFLICT (shop_id, local_date) DO UPDATE SET mark = nextval('rollup_pending_day_mark_seq')`;
}

/**
 * The marks of `dates` (all of the shop's when null) as they are now. Call it before the
 * recompute reads anything: every write whose mark it returns is committed, so the
 * recompute's later statements see that write's rows.
 */
export async function takePendingRollupDays(
  tx: Tx,
  shopId: number,
  dates: readonly string[] | null,
): Promise<TakenMarks> {
  const rows = await tx.$queryRaw<{ local_date: string; mark: string }[]>`
    SELECT local_date::text AS local_date, mark::text AS mark FROM rollup_pending_day
    WHERE shop_id = ${shopId} AND (${dates as string[] | null}::date[] IS NULL OR local_date = ANY(${dates as string[] | null}::date[]))`;
  return { dates: rows.map((r) => r.local_date), marks: rows.map((r) => r.mark) };
}

/** Clear the taken marks that no write has renewed since; the recompute's last statement. */
export async function clearTakenRollupDays(tx: Tx, shopId: number, taken: TakenMarks): Promise<void> {
  if (taken.dates.length === 0) return;
  await tx.$executeRaw`
    DELETE FROM rollup_pending_day p
    USING unnest(${taken.dates}::date[], ${taken.marks}::bigint[]) AS t(local_date, mark)
    WHERE p.shop_id = ${shopId} AND p.local_date = t.local_date AND p.mark = t.mark`;
}

/**
 * Days per shop whose marks are older than `olderThanMs`: no recompute has taken them
 * (a crash between a write's commit and its recompute, or a failed recompute).
 */
export async function overduePendingRollupDays(
  prisma: PrismaClient,
  options: { olderThanMs: number; onlyShops?: readonly string[] },
): Promise<{ shopId: number; dates: string[] }[]> {
  const only = options.onlyShops ? [...options.onlyShops] : null;
  const rows = await prisma.$queryRaw<{ shop_id: number; dates: string[] }[]>`
    SELECT p.shop_id, array_agg(p.local_date::text ORDER BY p.local_date) AS dates
    FROM rollup_pending_day p JOIN shop s ON s.id = p.shop_id
    WHERE p.marked_at < now() - make_interval(secs => ${options.olderThanMs / 1000}::float8)
      AND (${only}::text[] IS NULL OR s.domain = ANY(${only}::text[]))
    GROUP BY p.shop_id ORDER BY p.shop_id`;
  return rows.map((r) => ({ shopId: r.shop_id, dates: r.dates }));
}
