// The threshold algorithm over customer months, shared by the dashboard's top customers
// (queries.ts) and the Customers page's total-spent and orders sorts (lists.ts): customers
// ranked by an in-range figure without aggregating every customer of a long range.
//
// Candidates are the `depth` customers with the largest bound in each month the range
// touches: for total spent upper_bound (the sum of their positive days), for orders the
// month's orders (never negative, so no part of a month has more). Their exact range
// figures come from whole months (month rollup) and the partial months at either end
// (day rollup). A ranking of candidates is exact once its last figure exceeds the
// threshold, the sum over months of the best bound left out: no customer outside the
// candidates can reach it.
import { Prisma } from "@prisma/client";
import { addDays, bucketStarts, wholeMonthsWithin } from "./dates";
import type { RangeParams } from "./params";
import type { InsightsDb } from "./queries";

/** The month column bounding a figure; each has an index in (shop_id, month, bound DESC, customer_id) order. */
const BOUND = { totalSpent: Prisma.raw("upper_bound"), orders: Prisma.raw("orders") } as const;
export type RankedFigure = keyof typeof BOUND;

/**
 * CTEs `best` (month, customer_id, bound, rn: the `depth + 1` best bounds of each
 * month), `candidates` (ids: the first `depth` of each month) and `parts` (customer_id,
 * orders, net_total: the candidates' in-range rows, whose sums are their exact figures).
 * Written for a WITH list: no leading WITH, no trailing comma.
 */
export function spendCandidateCtes(
  shopId: number,
  range: RangeParams,
  depth: number,
  figure: RankedFigure = "totalSpent",
): Prisma.Sql {
  const bound = BOUND[figure];
  const months = bucketStarts(range.from, range.to, "month");
  const whole = wholeMonthsWithin(range.from, range.to) ?? { start: addDays(range.to, 1), end: range.to };
  return Prisma.sql`
    best AS MATERIALIZED (
      SELECT m.month, t.customer_id, t.bound,
        row_number() OVER (PARTITION BY m.month ORDER BY t.bound DESC, t.customer_id) AS rn
      FROM unnest(${months}::date[]) AS m(month)
      CROSS JOIN LATERAL (
        SELECT customer_id, ${bound} AS bound FROM insights_customer_month
        WHERE shop_id = ${shopId} AND month = m.month
        ORDER BY ${bound} DESC, customer_id
        LIMIT ${depth + 1}
      ) t
    ),
    candidates AS (SELECT array_agg(DISTINCT customer_id) AS ids FROM best WHERE rn <= ${depth}),
    parts AS (
      SELECT customer_id, orders, net_total FROM insights_customer_month
      WHERE shop_id = ${shopId} AND customer_id = ANY((SELECT ids FROM candidates)::bigint[])
        AND month >= ${whole.start}::date AND month <= ${whole.end}::date
      UNION ALL
      SELECT customer_id, orders, net_total FROM insights_customer_day
      WHERE shop_id = ${shopId} AND customer_id = ANY((SELECT ids FROM candidates)::bigint[])
        AND local_date >= ${range.from}::date AND local_date < ${whole.start}::date
      UNION ALL
      SELECT customer_id, orders, net_total FROM insights_customer_day
      WHERE shop_id = ${shopId} AND customer_id = ANY((SELECT ids FROM candidates)::bigint[])
        AND local_date > ${whole.end}::date AND local_date <= ${range.to}::date
    )`;
}

/** The threshold of `spendCandidateCtes(…, depth)`: the sum over months of the best bound left out. */
export function spendThreshold(depth: number): Prisma.Sql {
  return Prisma.sql`(SELECT coalesce(sum(bound), 0) FROM best WHERE rn = ${depth + 1})`;
}

/** Whether some month of the range has more than `depth` customers (so not everyone was a candidate). */
export async function anyMonthDeeperThan(
  db: InsightsDb,
  shopId: number,
  range: RangeParams,
  depth: number,
): Promise<boolean> {
  const months = bucketStarts(range.from, range.to, "month");
  const [row] = await db.$queryRaw<{ deeper: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM unnest(${months}::date[]) AS m(month)
      CROSS JOIN LATERAL (
        SELECT 1 FROM insights_customer_month WHERE shop_id = ${shopId} AND month = m.month OFFSET ${depth} LIMIT 1
      ) t
    ) AS deeper`;
  return row?.deeper ?? false;
}
