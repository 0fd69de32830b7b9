// The full rollup rebuild of one shop (after a backfill, a time-zone change, or to
// repair). In one transaction under the shop's rollup lock: readers see the shop's old
// rows until it commits, and other shops' rows are never touched (the tables are shared).
// The orders and sales are read by customer and day once (stageCustomerDays), and every
// customer table — days, months, retention — is filled from that; shop and product
// days take one pass over the sales each. docs/decisions/rollup-rebuild.md.
import { Prisma, type PrismaClient } from "@prisma/client";
import { bumpAnswerVersion } from "./answer-version";
import { rebuildCohortsFromStage } from "./cohort-rollups";
import { clearTakenRollupDays, takePendingRollupDays } from "./rollup-pending";
import {
  KNOWN_ACTION,
  SALE_DAY_FIGURES,
  SOLD,
  insertProductMonthsSql,
  insertShopDays,
  localDateSql,
  lockShop,
  stageCustomerDays,
  timed,
  type Tx,
} from "./rollup-sql";

/**
 * Rebuild all rollups of a shop from scratch: every row of the shop is deleted and each
 * table refilled by GROUP BY passes over the shop's orders and sales by local date —
 * never day by day — and the month tables from the day figures. Gives exactly what
 * recomputeRollups gives for every day (tests/insights-rollups.test.ts compares the two).
 */
export async function recomputeAllRollups(
  prisma: PrismaClient,
  shopId: number,
  options: { timeoutMs?: number } = {},
): Promise<{ days: number }> {
  return prisma.$transaction(
    async (tx) => {
      await lockShop(tx, shopId);
      // Every day is rebuilt: every mark seen now is covered (rollup-pending.ts).
      const taken = await takePendingRollupDays(tx, shopId, null);
      await tx.$executeRawUnsafe(`SET LOCAL jit = off`);
      // The aggregates and the customer window sort hold every order/sale of the shop:
      // in memory they take seconds, spilled to disk in 4 MB runs several times that.
      await tx.$executeRawUnsafe(`SET LOCAL work_mem = '256MB'`);
      const [shop] = await tx.$queryRaw<{ tz: string }[]>`SELECT iana_timezone AS tz FROM shop WHERE id = ${shopId}`;
      if (!shop) return { days: 0 };
      await timed("delete", () => deleteRollups(tx, shopId));
      await timed("stage customer days", () => stageCustomerDays(tx, shopId, shop.tz));
      await timed("customer days", () => rebuildCustomerDays(tx, shopId));
      await timed("shop days", () => rebuildShopDays(tx, shopId, shop.tz));
      await timed("product days", () => rebuildProductDays(tx, shopId, shop.tz));
      await timed("months", () => rebuildMonths(tx, shopId));
      await timed("cohorts", () => rebuildCohortsFromStage(tx, shopId));
      await clearTakenRollupDays(tx, shopId, taken);
      await bumpAnswerVersion(tx, shopId);
      const [row] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM insights_shop_day WHERE shop_id = ${shopId}`;
      return { days: row?.n ?? 0 };
    },
    { timeout: options.timeoutMs ?? 10 * 60_000, maxWait: 60_000 },
  );
}

async function deleteRollups(tx: Tx, shopId: number): Promise<void> {
  await tx.$executeRaw`
    WITH a AS (DELETE FROM insights_shop_day WHERE shop_id = ${shopId}),
    b AS (DELETE FROM insights_customer_day WHERE shop_id = ${shopId}),
    c AS (DELETE FROM insights_product_day WHERE shop_id = ${shopId}),
    d AS (DELETE FROM insights_customer_month WHERE shop_id = ${shopId})
    DELETE FROM insights_product_month WHERE shop_id = ${shopId}`;
}

/**
 * Every customer day of the shop from the staged days (the retention figures too), with
 * the prev/next order-day links from window functions (rows with orders = 0 are not order days: no links, as
 * the incremental path leaves them).
 */
async function rebuildCustomerDays(tx: Tx, shopId: number): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO insights_customer_day (shop_id, customer_id, local_date, orders, net_total, net_sales, prev_date, next_date)
    SELECT ${shopId}, customer_id, local_date, orders, net_total, CASE WHEN in_cohort THEN net_sales END,
      CASE WHEN orders > 0 THEN lag(local_date) OVER w END,
      CASE WHEN orders > 0 THEN lead(local_date) OVER w END
    FROM rebuild_customer_day
    WINDOW w AS (PARTITION BY customer_id, orders > 0 ORDER BY local_date)
    -- Date order, as rows arrive day by day in a live shop: range reads (Customers page,
    -- top customers' partial months) then read a few pages per day, not most of the table.
    ORDER BY local_date, customer_id`;
  // Fresh statistics: the shop-day pass below reads these rows.
  await tx.$executeRawUnsafe(`ANALYZE insights_customer_day`);
}

/**
 * Sales of the shop's non-test orders (alias s): an anti-join on the few test orders
 * (a small hash) instead of joining every order for its test flag.
 */
function liveSales(shopId: number): Prisma.Sql {
  return Prisma.sql`sale s
      WHERE s.shop_id = ${shopId} AND ${KNOWN_ACTION}
        AND NOT EXISTS (SELECT 1 FROM "order" t WHERE t.shop_id = ${shopId} AND t.id = s.order_id AND t.test)`;
}

async function rebuildShopDays(tx: Tx, shopId: number, tz: string): Promise<void> {
  await insertShopDays(
    tx,
    shopId,
    Prisma.sql`order_day AS (
      SELECT ${localDateSql("o.processed_at", tz)} AS local_date, count(*)::int AS orders
      FROM "order" o
      WHERE o.shop_id = ${shopId} AND o.test = false
      GROUP BY 1
    ),
    sale_day AS (
      SELECT ${localDateSql("s.happened_at", tz)} AS local_date, ${SALE_DAY_FIGURES}
      FROM ${liveSales(shopId)}
      GROUP BY 1
    ),
    cd AS (SELECT * FROM insights_customer_day WHERE shop_id = ${shopId} AND orders > 0),
    days AS (
      SELECT local_date FROM order_day UNION SELECT local_date FROM sale_day UNION SELECT DISTINCT local_date FROM cd
    )`,
  );
}

/** Every product day of the shop in one pass, written in (date, product) order as the range reads scan them. */
async function rebuildProductDays(tx: Tx, shopId: number, tz: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO insights_product_day (shop_id, product_id, local_date, units_sold, units_refunded, net_sales)
    SELECT ${shopId}, product_id, local_date, units_sold, units_refunded, net_sales
    FROM (
      SELECT s.product_id, ${localDateSql("s.happened_at", tz)} AS local_date,
        coalesce(sum(s.quantity) FILTER (WHERE ${SOLD}), 0)::int AS units_sold,
        coalesce(sum(abs(s.quantity)) FILTER (WHERE s.action_type = 'RETURN'), 0)::int AS units_refunded,
        sum(s.total_amount - s.total_tax) AS net_sales
      FROM ${liveSales(shopId)} AND s.line_type = 'PRODUCT' AND s.product_id IS NOT NULL
      GROUP BY 1, 2
    ) AS g
    ORDER BY local_date, product_id`;
}

/**
 * Month tables of the shop (customer months staged, with their retention figure; product
 * months from the product days), inserted in primary-key order: the shop's rows then extend the key index page
 * by page instead of dirtying pages all over it (random-order inserts of ~1M rows evict
 * and rewrite index pages many times).
 */
async function rebuildMonths(tx: Tx, shopId: number): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO insights_customer_month (shop_id, customer_id, month, orders, net_total, upper_bound, net_sales)
    SELECT ${shopId}, customer_id, month, orders, net_total, upper_bound, net_sales
    FROM rebuild_customer_month
    ORDER BY customer_id, month`;
  await tx.$executeRaw(insertProductMonthsSql(shopId, null));
}
