// What the Retention page loads, so its Remix loader stays thin: the cohort months
// (`?months=6|12|24`, or from/to as the API takes them), then the three retention answers.
import type { PrismaClient } from "@prisma/client";
import { DateTime } from "luxon";
import { ensureCohortRollupsSoon } from "./cohort-backfill";
import { RETENTION_SPANS, type RetentionSpan } from "./cohort-spans";
import { getCohorts, getFirstProducts, getRepeatPurchase, parseCohortParams } from "./cohorts";
import { localToday } from "./dates";
import type { InsightsShop } from "./queries";
import { getBackfillProgress } from "./sync-status";

/** How long a page load waits for a shop's one-time cohort rebuild before showing what is there. */
const REBUILD_WAIT_MS = 3_000;

export async function loadRetentionPage(prisma: PrismaClient, shop: InsightsShop, search: URLSearchParams, now?: Date) {
  const today = localToday(shop.ianaTimezone, now);
  const asked = Number(search.get("months"));
  const months: RetentionSpan = (RETENTION_SPANS as readonly number[]).includes(asked) ? (asked as RetentionSpan) : 12;
  const params = new URLSearchParams();
  const custom = search.has("from") || search.has("to");
  for (const key of ["from", "to"]) if (search.has(key)) params.set(key, search.get(key)!);
  if (!custom) {
    const first = DateTime.fromISO(today, { zone: "UTC" })
      .startOf("month")
      .minus({ months: months - 1 });
    params.set("from", first.toISODate()!);
    params.set("to", today);
  }
  let parsed = parseCohortParams(params, { timeZone: shop.ianaTimezone, now, defaultLimit: 20 });
  const error = parsed.ok ? null : parsed.error;
  if (!parsed.ok) parsed = parseCohortParams(new URLSearchParams(), { timeZone: shop.ianaTimezone, now });
  if (!parsed.ok) throw new Error(parsed.error); // the defaults always parse
  const range = parsed.value;
  const [sync, hasData] = await Promise.all([
    getBackfillProgress(prisma, shop.id),
    prisma.insightsCohortMonth.findFirst({ where: { shopId: shop.id }, select: { shopId: true } }),
  ]);
  // A shop imported before the cohort rollups existed gets its one-time rebuild here; a
  // large one finishes in the background while the page says so (cohort-backfill.ts).
  const preparing = sync.completed && (await ensureCohortRollupsSoon(prisma, shop.id, REBUILD_WAIT_MS)) === "building";
  const base = { shop, months: custom ? null : months, range, error, sync, preparing };
  if (!hasData && !sync.completed) return { ...base, ready: false as const };
  const [cohorts, repeat, firstProducts] = await Promise.all([
    getCohorts(prisma, shop, range),
    getRepeatPurchase(prisma, shop, range),
    getFirstProducts(prisma, shop, range),
  ]);
  // The current month (or a later one) without a first order yet is not a cohort with zero
  // customers but one that has not started: the heat map leaves it out (the API and its
  // CSV list every month of the range, docs/metrics.md). Earlier empty months stay, as zeros.
  const shown = cohorts.cohorts.filter((c) => c.customers > 0 || `${c.cohort}-01` < range.currentMonth);
  return { ...base, ready: true as const, cohorts: shown, repeat, products: firstProducts.products };
}
