// Retention rollups: each customer's first and second order, their orders and net sales
// per local day and month, and per cohort month the triangle (active customers and net
// sales per month offset), the days to the second order and the first-order products.
// Refreshed inside recomputeRollups' transaction, after it recomputed the customer-day
// rows of the touched days and months (insights_customer_day and insights_customer_month
// carry the retention figures, net_sales); the customers on them get their first two
// orders again (two index entries each); the cohort tables (sums over customers) get
// each of those customers' new contribution minus their old one, read from the rows
// replaced (the month rows of the touched months; all months of a customer whose cohort
// moved, since each lands in another triangle cell) — so a batch costs its days and
// customers, not their histories or their cohorts' size, and replaying it changes nothing
// (docs/metrics.md, Retention; docs/decisions/retention-cohorts.md).
import { Prisma } from "@prisma/client";
import { stageCustomerDays, type Tx } from "./rollup-sql";

/** Same threshold as the day rollups: bigger batches get fresh planner statistics. */
const LARGE_BATCH_DAYS = 62;

/** processed_at / happened_at (UTC timestamps) → the shop's local timestamp. */
const local = (column: string) => Prisma.raw(`((${column} AT TIME ZONE 'UTC') AT TIME ZONE tz.zone)`);

/**
 * Refresh the retention rollups of the local days `localDates` (orders processed or sales
 * booked on them changed: recomputeRollups' dates) for the customers on them before and
 * after: `insights_affected_customer`, which recomputeRollups fills as it recomputes
 * those days' customer-day rows (their net_sales too). Call it in the rollups'
 * transaction, after that.
 */
export async function refreshCohortRollups(tx: Tx, shopId: number, localDates: readonly string[]): Promise<void> {
  const dates = [...new Set(localDates)].sort();
  if (dates.length === 0) return;
  // A shop whose cohorts were never built from all its orders: an incremental refresh
  // would only add this batch's customers, so it gets the full rebuild instead, once.
  if (await cohortRebuildNeeded(tx, shopId)) return rebuildInBatch(tx, shopId);
  const months = [...new Set(dates.map((d) => `${d.slice(0, 7)}-01`))];
  // Each statement counts (a sync batch's statements are budgeted: tests/store-writes.test.ts),
  // hence the combined statements below. ON COMMIT DROP: one refresh per transaction.
  await createWorkTables(tx);
  // The customers on the days' rows before and after (an order moved, deleted or given to
  // another customer leaves its old day's customer).
  await tx.$executeRawUnsafe(`DO $$ BEGIN
    IF to_regclass('pg_temp.insights_affected_customer') IS NOT NULL THEN
      INSERT INTO cohort_affected SELECT customer_id FROM insights_affected_customer ON CONFLICT DO NOTHING;
    END IF;
  END $$`);
  if (dates.length > LARGE_BATCH_DAYS) await tx.$executeRawUnsafe(`ANALYZE cohort_affected`);
  // First and second order by (processed_at, id): the order Shopify lists a customer's
  // orders in; the first two entries of the customer's (shop_id, customer_id, processed_at, id) index.
  await tx.$executeRaw`
    WITH tz AS (SELECT iana_timezone AS zone FROM shop WHERE id = ${shopId})
    INSERT INTO cohort_new (customer_id, first_date, second_date, first_order_id)
    SELECT a.customer_id, f.first_date, f.second_date, f.first_order_id
    FROM cohort_affected a CROSS JOIN tz
    CROSS JOIN LATERAL (
      SELECT min(x.local_date) FILTER (WHERE x.n = 1) AS first_date, min(x.local_date) FILTER (WHERE x.n = 2) AS second_date,
        min(x.id) FILTER (WHERE x.n = 1) AS first_order_id
      FROM (
        SELECT o.id, ${local("o.processed_at")}::date AS local_date, row_number() OVER (ORDER BY o.processed_at, o.id) AS n
        FROM "order" o
        WHERE o.shop_id = ${shopId} AND o.customer_id = a.customer_id AND o.test = false
        ORDER BY o.processed_at, o.id LIMIT 2
      ) x
    ) f
    WHERE f.first_order_id IS NOT NULL`;
  await replaceCustomers(tx, shopId, months);
  await applyDeltas(tx, shopId);
}

/**
 * Whether the shop's retention rollups need the full rebuild: they were never built from
 * all its orders (no insights_cohort_build row: the shop predates them), or they are
 * empty (deleted) — and there is something to build (a customer's non-test order), so a
 * shop of guests and test orders is not rebuilt on every batch. Call it holding the
 * shop's rollup lock when acting on the answer: two callers then see each other's
 * committed rebuild.
 */
export async function cohortRebuildNeeded(tx: Tx, shopId: number): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ needed: boolean }[]>`
    SELECT (NOT EXISTS (SELECT 1 FROM insights_cohort_build WHERE shop_id = ${shopId})
        OR NOT EXISTS (SELECT 1 FROM insights_customer_cohort WHERE shop_id = ${shopId}))
      AND EXISTS (SELECT 1 FROM "order" WHERE shop_id = ${shopId} AND customer_id IS NOT NULL AND NOT test) AS needed`;
  return row?.needed === true;
}

/**
 * The full rebuild inside a sync batch's transaction, whose planner settings are made for
 * a few days' rows (nested loops only): the rebuild reads every order, so it gets the
 * rebuild's settings (recomputeAllRollups) and the batch's are restored after it.
 */
async function rebuildInBatch(tx: Tx, shopId: number): Promise<void> {
  const [before] = await tx.$queryRaw<
    { enable_hashjoin: string; enable_mergejoin: string; enable_seqscan: string; work_mem: string }[]
  >`
    SELECT current_setting('enable_hashjoin') AS enable_hashjoin, current_setting('enable_mergejoin') AS enable_mergejoin,
      current_setting('enable_seqscan') AS enable_seqscan, current_setting('work_mem') AS work_mem,
      set_config('enable_hashjoin', 'on', true), set_config('enable_mergejoin', 'on', true),
      set_config('enable_seqscan', 'on', true), set_config('work_mem', '256MB', true)`;
  await rebuildCohortRollups(tx, shopId);
  if (!before) return;
  await tx.$queryRaw`
    SELECT set_config('enable_hashjoin', ${before.enable_hashjoin}, true), set_config('enable_mergejoin', ${before.enable_mergejoin}, true),
      set_config('enable_seqscan', ${before.enable_seqscan}, true), set_config('work_mem', ${before.work_mem}, true)`;
}

/** The refresh's work tables (one refresh per transaction: dropped at commit). */
async function createWorkTables(tx: Tx): Promise<void> {
  // One statement (a DO block: one round trip on either protocol).
  await tx.$executeRawUnsafe(`DO $$ BEGIN
    CREATE TEMP TABLE IF NOT EXISTS cohort_affected (customer_id bigint PRIMARY KEY) ON COMMIT DROP;
    CREATE TEMP TABLE IF NOT EXISTS cohort_new (
      customer_id bigint PRIMARY KEY, first_date date, second_date date, first_order_id bigint
    ) ON COMMIT DROP;
    CREATE TEMP TABLE IF NOT EXISTS cohort_moved (customer_id bigint PRIMARY KEY) ON COMMIT DROP;
    CREATE TEMP TABLE IF NOT EXISTS cohort_delta (
      kind smallint, cohort_month date, key bigint, n int, net numeric, w30 int, w60 int, w90 int, w180 int
    ) ON COMMIT DROP;
  END $$`);
  // cohort_delta: contributions to the cohort tables: kind 1 = triangle cell (key = month
  // offset), 2 = days to the second order (key = days), 3 = first-order product (key = product id).
}

/**
 * Rebuild the shop's retention rollups from scratch (a shop that predates them, or whose
 * rows are gone): one pass over its orders and sales by customer and day
 * (stageCustomerDays), the customer days' and months' net_sales set from it where they
 * differ (a shop that predates them has none), then rebuildCohortsFromStage.
 */
export async function rebuildCohortRollups(tx: Tx, shopId: number): Promise<void> {
  const [shop] = await tx.$queryRaw<{ tz: string }[]>`SELECT iana_timezone AS tz FROM shop WHERE id = ${shopId}`;
  if (!shop) return;
  await stageCustomerDays(tx, shopId, shop.tz);
  await tx.$executeRaw`
    WITH months AS (
      UPDATE insights_customer_month m SET net_sales = r.net_sales
      FROM rebuild_customer_month r
      WHERE m.shop_id = ${shopId} AND m.customer_id = r.customer_id AND m.month = r.month
        AND m.net_sales IS DISTINCT FROM r.net_sales
    )
    UPDATE insights_customer_day d SET net_sales = r.net_sales
    FROM (SELECT customer_id, local_date, CASE WHEN in_cohort THEN net_sales END AS net_sales FROM rebuild_customer_day) r
    WHERE d.shop_id = ${shopId} AND d.customer_id = r.customer_id AND d.local_date = r.local_date
      AND d.net_sales IS DISTINCT FROM r.net_sales`;
  await rebuildCohortsFromStage(tx, shopId);
}

/**
 * Every retention rollup of the shop from the staged customer days and months
 * (stageCustomerDays, in this transaction) but the day and month figures
 * (insights_customer_day and insights_customer_month, written by the caller): each
 * customer's first two orders from their first two order days, and the cohort tables
 * summed straight from the customer rows — what the refreshes' contributions add up to
 * from empty tables. Records the build (insights_cohort_build): from then on, refreshes
 * are incremental.
 */
export async function rebuildCohortsFromStage(tx: Tx, shopId: number): Promise<void> {
  await tx.$executeRaw`
    WITH built AS (
      INSERT INTO insights_cohort_build (shop_id, built_at) VALUES (${shopId}, now() AT TIME ZONE 'UTC')
      ON CONFLICT (shop_id) DO UPDATE SET built_at = excluded.built_at
    ),
    a AS (DELETE FROM insights_customer_cohort WHERE shop_id = ${shopId}),
    c AS (DELETE FROM insights_cohort_month WHERE shop_id = ${shopId}),
    d AS (DELETE FROM insights_cohort_gap WHERE shop_id = ${shopId})
    DELETE FROM insights_cohort_product WHERE shop_id = ${shopId}`;
  // First and second order by (processed_at, id): the first lies on the customer's first
  // order day, the second on that day too when it had two, else on the next order day.
  // The first order's id is the first entry of the customer's (shop_id, customer_id,
  // processed_at, id) index.
  await tx.$executeRaw`
    INSERT INTO insights_customer_cohort
      (shop_id, customer_id, cohort_month, first_date, second_date, first_order_id, first_products)
    SELECT ${shopId}, f.customer_id, date_trunc('month', f.first_date)::date, f.first_date, f.second_date, fo.id,
      ARRAY(SELECT DISTINCT li.product_id FROM order_line_item li
        WHERE li.shop_id = ${shopId} AND li.order_id = fo.id AND li.product_id IS NOT NULL
        ORDER BY 1)
    FROM (
      SELECT customer_id, local_date AS first_date,
        CASE WHEN orders >= 2 THEN local_date ELSE next_order_day END AS second_date
      FROM (
        SELECT customer_id, local_date, orders, row_number() OVER w AS n, lead(local_date) OVER w AS next_order_day
        FROM rebuild_customer_day WHERE orders > 0
        WINDOW w AS (PARTITION BY customer_id ORDER BY local_date)
      ) AS d
      WHERE n = 1
    ) AS f
    CROSS JOIN LATERAL (
      SELECT o.id FROM "order" o
      WHERE o.shop_id = ${shopId} AND o.customer_id = f.customer_id AND o.test = false
      ORDER BY o.processed_at, o.id LIMIT 1
    ) AS fo`;
  await tx.$executeRaw`
    WITH cells AS (
      INSERT INTO insights_cohort_month (shop_id, cohort_month, month_offset, active_customers, net_sales)
      SELECT ${shopId}, c.cohort_month,
        ((extract(year FROM m.month) - extract(year FROM c.cohort_month)) * 12
          + extract(month FROM m.month) - extract(month FROM c.cohort_month))::int AS month_offset,
        count(*) FILTER (WHERE m.orders > 0)::int, sum(m.net_sales)
      FROM rebuild_customer_month m
      JOIN insights_customer_cohort c ON c.shop_id = ${shopId} AND c.customer_id = m.customer_id
      WHERE m.net_sales IS NOT NULL
      GROUP BY c.cohort_month, month_offset
      HAVING count(*) FILTER (WHERE m.orders > 0) <> 0 OR sum(m.net_sales) <> 0
    ),
    gaps AS (
      INSERT INTO insights_cohort_gap (shop_id, cohort_month, gap_days, customers)
      SELECT ${shopId}, cohort_month, second_date - first_date, count(*)::int
      FROM insights_customer_cohort
      WHERE shop_id = ${shopId} AND second_date IS NOT NULL
      GROUP BY 2, 3
    )
    INSERT INTO insights_cohort_product
      (shop_id, cohort_month, product_id, customers, within_30, within_60, within_90, within_180)
    SELECT ${shopId}, c.cohort_month, p.product_id, count(*)::int,
      count(*) FILTER (WHERE c.second_date - c.first_date <= 30)::int,
      count(*) FILTER (WHERE c.second_date - c.first_date <= 60)::int,
      count(*) FILTER (WHERE c.second_date - c.first_date <= 90)::int,
      count(*) FILTER (WHERE c.second_date - c.first_date <= 180)::int
    FROM insights_customer_cohort c CROSS JOIN unnest(c.first_products) AS p(product_id)
    WHERE c.shop_id = ${shopId}
    GROUP BY c.cohort_month, p.product_id`;
}

/**
 * One customer's contribution rows (kinds 2 and 3) from customer rows `c` (first/second
 * date, first products), signed: -1 for the rows replaced, +1 for their replacements.
 */
function customerContributions(rows: string, sign: 1 | -1): Prisma.Sql {
  const c = Prisma.raw(rows);
  const within = (days: number) => Prisma.raw(`${sign} * (c.second_date - c.first_date <= ${days})::int`);
  return Prisma.sql`
    SELECT 2::smallint, c.cohort_month, (c.second_date - c.first_date)::bigint, ${sign}::int, 0::numeric, 0, 0, 0, 0
    FROM ${c} c WHERE c.second_date IS NOT NULL
    UNION ALL
    SELECT 3::smallint, c.cohort_month, p.product_id, ${sign}::int, 0::numeric,
      coalesce(${within(30)}, 0), coalesce(${within(60)}, 0), coalesce(${within(90)}, 0), coalesce(${within(180)}, 0)
    FROM ${c} c CROSS JOIN unnest(c.first_products) AS p(product_id)`;
}

/** Triangle-cell contribution rows of customer-month rows `months` whose customers' cohort rows are in the table. */
function cellContributions(shopId: number, months: Prisma.Sql, sign: 1 | -1): Prisma.Sql {
  return Prisma.sql`
    SELECT 1::smallint, c.cohort_month,
      ((extract(year FROM m.month) - extract(year FROM c.cohort_month)) * 12
        + extract(month FROM m.month) - extract(month FROM c.cohort_month))::bigint,
      ${sign} * (m.orders > 0)::int, ${sign} * m.net_sales, 0, 0, 0, 0
    FROM (${months}) m
    JOIN insights_customer_cohort c ON c.shop_id = ${shopId} AND c.customer_id = m.customer_id`;
}

/**
 * Replace the affected customers' cohort rows (from cohort_new), recording their old and
 * new contributions in cohort_delta. `months`: the batch's months, whose month rows
 * recomputeRollups replaced (the old retention rows are in
 * insights_replaced_customer_month) — a customer's triangle cells change only there,
 * except for customers whose cohort month changed or who are new (cohort_moved): every
 * month of theirs, since each lands in another triangle cell now.
 */
async function replaceCustomers(tx: Tx, shopId: number, months: string[]): Promise<void> {
  // Customer lists as arrays (= ANY(ARRAY(…))): the planner knows nothing of the work
  // tables' sizes and would otherwise read whole rollup tables and probe the list per row;
  // an array is an index condition on the key's prefix, whatever its length.
  // Staying: same cohort month before and after (only those with a cohort row: retention
  // months exist for customers with a non-test order); moved: another cohort month, new or gone.
  const staying = Prisma.raw(`ARRAY(SELECT n.customer_id FROM cohort_new n
    WHERE NOT EXISTS (SELECT 1 FROM cohort_moved v WHERE v.customer_id = n.customer_id))`);
  const moved = Prisma.raw(`ARRAY(SELECT customer_id FROM cohort_moved)`);
  const movedKept = Prisma.raw(`ARRAY(SELECT v.customer_id FROM cohort_moved v JOIN cohort_new n USING (customer_id))`);
  await tx.$executeRaw`
      INSERT INTO cohort_moved
      SELECT a.customer_id FROM cohort_affected a
      LEFT JOIN insights_customer_cohort c ON c.shop_id = ${shopId} AND c.customer_id = a.customer_id
      LEFT JOIN cohort_new n ON n.customer_id = a.customer_id
      WHERE c.cohort_month IS DISTINCT FROM date_trunc('month', n.first_date)::date`;
  // Old contributions: the replaced month rows (affected customers only; those without
  // an old cohort row join none) and the moved customers' other months, unchanged. The
  // sibling CTE's DELETE is not seen: the old cohort rows are still joined.
  const oldMonths = Prisma.sql`
      SELECT customer_id, month, orders, net_sales FROM insights_replaced_customer_month
      UNION ALL
      SELECT m.customer_id, m.month, m.orders, m.net_sales FROM insights_customer_month m
      WHERE m.shop_id = ${shopId} AND m.customer_id = ANY(${moved}) AND m.month <> ALL(${months}::date[])
        AND m.net_sales IS NOT NULL`;
  await tx.$executeRaw`
      WITH removed AS (
        DELETE FROM insights_customer_cohort
        WHERE shop_id = ${shopId} AND customer_id = ANY(ARRAY(SELECT customer_id FROM cohort_affected))
        RETURNING cohort_month, first_date, second_date, first_products
      )
      INSERT INTO cohort_delta
      ${customerContributions("removed", -1)}
      UNION ALL
      ${cellContributions(shopId, oldMonths, -1)}`;
  await tx.$executeRaw`
    WITH inserted AS (
      INSERT INTO insights_customer_cohort
        (shop_id, customer_id, cohort_month, first_date, second_date, first_order_id, first_products)
      SELECT ${shopId}, n.customer_id, date_trunc('month', n.first_date)::date, n.first_date, n.second_date,
        n.first_order_id,
        ARRAY(SELECT DISTINCT li.product_id FROM order_line_item li
          WHERE li.shop_id = ${shopId} AND li.order_id = n.first_order_id AND li.product_id IS NOT NULL
          ORDER BY 1)
      FROM cohort_new n
      RETURNING cohort_month, first_date, second_date, first_products
    )
    INSERT INTO cohort_delta ${customerContributions("inserted", 1)}`;
  // New contributions in their own statement: their cells join the cohort rows just
  // written. The retention months (net_sales not null) of the batch's months, all of a
  // moved customer's.
  const newMonths = Prisma.sql`
      SELECT m.customer_id, m.month, m.orders, m.net_sales FROM insights_customer_month m
      WHERE m.shop_id = ${shopId} AND m.customer_id = ANY(${staying}) AND m.month = ANY(${months}::date[])
        AND m.net_sales IS NOT NULL
      UNION ALL
      SELECT m.customer_id, m.month, m.orders, m.net_sales FROM insights_customer_month m
      WHERE m.shop_id = ${shopId} AND m.customer_id = ANY(${movedKept}) AND m.net_sales IS NOT NULL`;
  await tx.$executeRaw`INSERT INTO cohort_delta ${cellContributions(shopId, newMonths, 1)}`;
}

/** Add the summed contributions to the cohort tables, then drop the rows left at zero. */
async function applyDeltas(tx: Tx, shopId: number): Promise<void> {
  await tx.$executeRaw`
    WITH d AS MATERIALIZED (
      SELECT kind, cohort_month, key, sum(n)::int AS n, sum(net) AS net,
        sum(w30)::int AS w30, sum(w60)::int AS w60, sum(w90)::int AS w90, sum(w180)::int AS w180
      FROM cohort_delta GROUP BY kind, cohort_month, key
      HAVING sum(n) <> 0 OR sum(net) <> 0 OR sum(w30) <> 0 OR sum(w60) <> 0 OR sum(w90) <> 0 OR sum(w180) <> 0
    ),
    cells AS (
      INSERT INTO insights_cohort_month AS t (shop_id, cohort_month, month_offset, active_customers, net_sales)
      SELECT ${shopId}, cohort_month, key::int, n, net FROM d WHERE kind = 1
      ON CONFLICT (shop_id, cohort_month, month_offset) DO UPDATE
      SET active_customers = t.active_customers + excluded.active_customers,
        net_sales = t.net_sales + excluded.net_sales
    ),
    gaps AS (
      INSERT INTO insights_cohort_gap AS t (shop_id, cohort_month, gap_days, customers)
      SELECT ${shopId}, cohort_month, key::int, n FROM d WHERE kind = 2
      ON CONFLICT (shop_id, cohort_month, gap_days) DO UPDATE SET customers = t.customers + excluded.customers
    )
    INSERT INTO insights_cohort_product AS t
      (shop_id, cohort_month, product_id, customers, within_30, within_60, within_90, within_180)
    SELECT ${shopId}, cohort_month, key, n, w30, w60, w90, w180 FROM d WHERE kind = 3
    ON CONFLICT (shop_id, cohort_month, product_id) DO UPDATE
    SET customers = t.customers + excluded.customers, within_30 = t.within_30 + excluded.within_30,
      within_60 = t.within_60 + excluded.within_60, within_90 = t.within_90 + excluded.within_90,
      within_180 = t.within_180 + excluded.within_180`;
  // A cell nobody contributes to any more (a customer's cohort moved, an order was deleted).
  await tx.$executeRaw`
    WITH touched AS MATERIALIZED (SELECT DISTINCT cohort_month FROM cohort_delta),
    cells AS (
      DELETE FROM insights_cohort_month
      WHERE shop_id = ${shopId} AND cohort_month IN (SELECT cohort_month FROM touched)
        AND active_customers = 0 AND net_sales = 0
    ),
    gaps AS (
      DELETE FROM insights_cohort_gap
      WHERE shop_id = ${shopId} AND cohort_month IN (SELECT cohort_month FROM touched) AND customers = 0
    )
    DELETE FROM insights_cohort_product
    WHERE shop_id = ${shopId} AND cohort_month IN (SELECT cohort_month FROM touched) AND customers = 0`;
}
