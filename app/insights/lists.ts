// The Customers and Products pages: every customer/product we hold, with its figures
// for the selected range, searchable, sortable and paginated in SQL.
import { Prisma } from "@prisma/client";
import { roundMoney, toDecimal } from "./money";
import type { RangeParams } from "./params";
import { rangeLength } from "./dates";
import { CUSTOMER_NAME, CUSTOMER_SORT_NAME, customerTotal } from "./customer-summary";
import type { InsightsDb, InsightsShop } from "./queries";
import { anyMonthDeeperThan, spendCandidateCtes, spendThreshold, type RankedFigure } from "./top-spend";

export type SortDirection = "asc" | "desc";
export const CUSTOMER_SORTS = ["totalSpent", "orders", "name", "lastOrderDate"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
export const PRODUCT_SORTS = ["netSales", "unitsSold", "title"] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export interface ListOptions<Sort extends string> extends RangeParams {
  search?: string;
  sort: Sort;
  direction: SortDirection;
  page: number; // 1-based
  pageSize: number;
}

export interface ListPage<Item> {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CustomerListItem {
  id: string;
  name: string | null;
  email: string | null;
  orders: number;
  totalSpent: string;
  lastOrderDate: string | null;
}

/** ILIKE pattern matching the text literally (%, _ and \ escaped). */
function likePattern(search: string | undefined): string | null {
  const text = search?.trim();
  if (!text) return null;
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

// Sort keys map to fixed SQL; user text never reaches Prisma.raw.
// The ordering staff get (tests/insights-list-sorting.test.ts checks it page by page):
// - Columns are qualified (`listed.`, `p.`, `c.`) so they name the numeric/date input
//   columns: a bare `total_spent` would name the SELECT's `total_spent::text` output and
//   sort money as text ($972.95, $95.39, $920.60, …).
// - Text compares case-insensitively (lower) by the Unicode root collation ("und-x-icu",
//   present in PostgreSQL built with ICU and in PGlite), not by the database's default
//   collation, which is "C" (code points: "Émile" after "Zola") on both of ours.
// - Missing values (no name, never ordered) come last in both directions.
// - Ties are broken by the Shopify id ascending in both directions, so paging with
//   LIMIT/OFFSET is stable: no row repeats or goes missing between pages.
// Customers are read in page order, not listed and sorted whole
// (docs/decisions/customers-page-summary.md): each sort has its own reading below.
const TEXT_COLLATION = '"und-x-icu"';
const PRODUCT_ORDER: Record<ProductSort, string> = {
  netSales: "listed.net_sales",
  unitsSold: "listed.units_sold",
  title: `lower(listed.title) COLLATE ${TEXT_COLLATION}`,
};

function sqlDirection(direction: SortDirection): Prisma.Sql {
  return Prisma.raw(direction === "asc" ? "ASC" : "DESC");
}

function orderBy(column: string, direction: SortDirection): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(column)} ${sqlDirection(direction)} NULLS LAST, listed.id_num ASC`;
}

type CustomerRow = {
  id: string;
  name: string | null;
  email: string | null;
  orders: number;
  total_spent: string;
  last_order_date: string | null;
};

/** Reads one page of customers in its sort's order (`pattern`: the search, or null). */
type CustomerPageReader = (
  db: InsightsDb,
  shop: InsightsShop,
  options: ListOptions<CustomerSort>,
  pattern: string | null,
) => Promise<CustomerRow[]>;

export async function listCustomers(
  db: InsightsDb,
  shop: InsightsShop,
  options: ListOptions<CustomerSort>,
): Promise<ListPage<CustomerListItem>> {
  const pattern = likePattern(options.search);
  const { sort } = options;
  // Figure sorts try a path that reads only the page's neighbourhood first, and read every
  // active customer of the range when it cannot answer. Descending: the threshold path,
  // whose bounds are per month: over a range much shorter than the months it touches they
  // rarely settle, and such a range's active customers are few. Ascending: the customers
  // below zero and the zero block, which come first.
  const byFigure = async (figure: RankedFigure) =>
    (options.direction === "asc"
      ? await listCustomersFromBelow(db, shop, { ...options, sort: figure }, pattern)
      : pattern === null && rangeLength(options.from, options.to) >= MIN_TOP_SPEND_DAYS
        ? await listCustomersByTopFigure(db, shop, { ...options, sort: figure })
        : null) ?? listCustomersByFigure(db, shop, { ...options, sort: figure }, pattern);
  const [rows, total] = await Promise.all([
    sort === "totalSpent" || sort === "orders"
      ? byFigure(sort)
      : sort === "name"
        ? listCustomersByName(db, shop, options, pattern)
        : listCustomersByLastOrder(db, shop, options, pattern),
    // Without a search the stored total; a search has to look at every customer anyway.
    pattern === null ? customerTotal(db, shop.id) : countCustomers(db, shop, pattern),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      orders: Number(row.orders),
      totalSpent: roundMoney(toDecimal(row.total_spent), shop.currencyCode),
      lastOrderDate: row.last_order_date,
    })),
    total,
    page: options.page,
    pageSize: options.pageSize,
  };
}

/** Deepest per-month candidate list tried before reading every active customer of the range. */
const MAX_SPEND_DEPTH = 1600;
/** Shortest range given to the threshold path. */
const MIN_TOP_SPEND_DAYS = 28;

/**
 * Total spent or orders, descending, without a search (total spent: the page's default
 * view): the first `offset + pageSize` customers by the in-range figure without
 * aggregating every active customer of the range — the threshold algorithm
 * (top-spend.ts), ranking listed customers with a positive figure only; the ranking
 * stands once it is full and its last figure exceeds the threshold (no other customer can
 * reach it, nor tie it). Otherwise deepen; null when it does not settle (the caller then
 * reads every active customer).
 */
async function listCustomersByTopFigure(
  db: InsightsDb,
  shop: InsightsShop,
  options: ListOptions<RankedFigure>,
): Promise<CustomerRow[] | null> {
  const offset = (options.page - 1) * options.pageSize;
  const reach = offset + options.pageSize;
  const figure = Prisma.raw(options.sort === "orders" ? "sum(orders)" : "sum(net_total)");
  for (let depth = Math.max(100, reach * 4); depth <= MAX_SPEND_DEPTH; depth *= 4) {
    const ctes = Prisma.sql`
      ${spendCandidateCtes(shop.id, options, depth, options.sort)},
      ranked AS MATERIALIZED (
        SELECT t.customer_id AS id_num, t.total AS key
        FROM (SELECT customer_id, ${figure} AS total FROM parts GROUP BY customer_id) t
        WHERE t.total > 0
          AND EXISTS (SELECT 1 FROM customer c WHERE c.shop_id = ${shop.id} AND c.id = t.customer_id)
        ORDER BY t.total DESC, t.customer_id ASC
        LIMIT ${reach}
      ),
      verdict AS MATERIALIZED (
        SELECT (SELECT count(*) FROM ranked)::int AS ranked, (SELECT min(key) FROM ranked) AS last,
          ${spendThreshold(depth)} AS threshold
      ),`;
    const rows = await db.$queryRaw<(CustomerRow & { ranked: number; settled: boolean })[]>(
      withFigures(
        shop,
        options,
        Prisma.sql`SELECT id_num, key FROM ranked ORDER BY key DESC, id_num ASC
          LIMIT ${options.pageSize} OFFSET ${offset}`,
        Prisma.sql`p.key DESC, p.id_num ASC`,
        {
          ctes,
          columns: Prisma.sql`(SELECT ranked FROM verdict) AS ranked,
            (SELECT last > threshold FROM verdict) AS settled,`,
        },
      ),
    );
    const [first] = rows;
    if (first && first.ranked === reach && first.settled) return rows;
    // Every customer with a positive bound was a candidate, and the positive block ends
    // before the page does: the page reaches the zero block.
    if (!first || first.ranked < reach) {
      const deeper = await anyMonthDeeperThan(db, shop.id, options, depth);
      if (!deeper) return null;
    }
  }
  return null;
}

/**
 * Total spent or orders, ascending: customers below zero (total spent only: orders are
 * counts), then the zero block by id, then those above zero. The first two are read
 * without the range's other active customers: a customer's total can only be negative
 * with a negative day in range, and those days have a partial index; the zero block walks
 * customers in id order, each figure summed from its own day rows (primary key), until
 * the page's end. Null when the page reaches the customers above zero.
 */
async function listCustomersFromBelow(
  db: InsightsDb,
  shop: InsightsShop,
  options: ListOptions<RankedFigure>,
  pattern: string | null,
): Promise<CustomerRow[] | null> {
  const offset = (options.page - 1) * options.pageSize;
  const reach = offset + options.pageSize;
  const column = Prisma.raw(options.sort === "orders" ? "orders" : "net_total");
  const inRange = (id: Prisma.Sql) => Prisma.sql`(SELECT coalesce(sum(cd.${column}), 0) FROM insights_customer_day cd
    WHERE cd.shop_id = ${shop.id} AND cd.customer_id = ${id}
      AND cd.local_date BETWEEN ${options.from}::date AND ${options.to}::date)`;
  const below =
    options.sort === "orders"
      ? Prisma.sql`SELECT NULL::bigint AS id_num, NULL::numeric AS key WHERE false`
      : Prisma.sql`SELECT t.customer_id AS id_num, t.key
          FROM (SELECT DISTINCT customer_id FROM insights_customer_day
                WHERE shop_id = ${shop.id} AND local_date BETWEEN ${options.from}::date AND ${options.to}::date
                  AND net_total < 0) d
          CROSS JOIN LATERAL (SELECT d.customer_id, ${inRange(Prisma.sql`d.customer_id`)} AS key) t
          WHERE t.key < 0
            AND EXISTS (SELECT 1 FROM customer c WHERE c.shop_id = ${shop.id} AND c.id = t.customer_id AND ${matches(pattern)})`;
  const rows = await db.$queryRaw<(CustomerRow & { reached: number })[]>(
    withFigures(
      shop,
      options,
      Prisma.sql`SELECT part, id_num, key FROM parts ORDER BY part, key, id_num
        LIMIT ${options.pageSize} OFFSET ${offset}`,
      Prisma.sql`p.part, p.key, p.id_num`,
      {
        ctes: Prisma.sql`
          below AS MATERIALIZED (${below}),
          zero AS MATERIALIZED (
            SELECT c.id AS id_num FROM customer c
            WHERE c.shop_id = ${shop.id} AND ${matches(pattern)}
              -- A boolean subquery, not "(subquery) = 0": the planner's default for the
              -- latter (0.5% of customers) prices the walk as a full scan and turns on JIT
              -- compilation, which costs far more than the walk.
              AND (SELECT coalesce(sum(cd.${column}), 0) = 0 FROM insights_customer_day cd
                   WHERE cd.shop_id = ${shop.id} AND cd.customer_id = c.id
                     AND cd.local_date BETWEEN ${options.from}::date AND ${options.to}::date)
            ORDER BY c.id
            LIMIT ${reach}
          ),
          parts AS (
            SELECT 0 AS part, id_num, key FROM below
            UNION ALL
            SELECT 1, id_num, 0 FROM zero
          ),`,
        columns: Prisma.sql`(SELECT count(*) FROM parts)::int AS reached,`,
      },
    ),
  );
  const [first] = rows;
  // Fewer rows than the page's end: the page reaches the customers above zero.
  if (!first || first.reached < reach) return null;
  return rows;
}

/**
 * Sorts by an in-range figure (total spent, orders): a page is read without listing every
 * customer. The order is: customers whose figure is non-zero on one side of zero, then every
 * customer at zero by id (most customers: none in range), then the other side. The
 * non-zero customers are the range's active ones (from the day rollups); the zero block
 * is read from the customer key index from its start and stops at the page's end, so a
 * view costs O(active customers in range + offset), not O(customers).
 */
async function listCustomersByFigure(
  db: InsightsDb,
  shop: InsightsShop,
  options: ListOptions<"totalSpent" | "orders">,
  pattern: string | null,
): Promise<CustomerRow[]> {
  // Only the sorted figure is summed here (a second sum per customer doubled the
  // aggregate's cost); the page's figures are read per customer by withFigures. Money is
  // summed as whole ten-thousandths (net_total has 4 decimals): bigint sums are exact and
  // far cheaper than numeric ones, and order the same; the key is only compared, never shown.
  const sum = Prisma.raw(options.sort === "orders" ? "sum(orders)::int" : "sum((net_total * 10000)::bigint)");
  const desc = options.direction === "desc";
  // Parts in page order: 0 before the zero block, 1 the zero block, 2 after it.
  const [firstSign, lastSign] = desc ? [">", "<"] : ["<", ">"];
  const dir = sqlDirection(options.direction);
  const offset = (options.page - 1) * options.pageSize;
  const reach = offset + options.pageSize;
  // Descending, the page usually lies among the customers above zero (thousands of them):
  // they are read first, alone; the zero block and the customers below zero (another pass
  // over the range's figures, a hash of every active customer) only when that part ends
  // before the page does. Not with a search: its matches among them may be too few.
  if (desc && pattern === null) {
    const rows = await db.$queryRaw<(CustomerRow & { reached: number })[]>(
      withFigures(
        shop,
        options,
        Prisma.sql`SELECT id_num, key FROM first_part ORDER BY key DESC, id_num LIMIT ${options.pageSize} OFFSET ${offset}`,
        Prisma.sql`p.key DESC, p.id_num`,
        {
          ctes: Prisma.sql`
            first_part AS MATERIALIZED (
              SELECT k.id_num, k.key
              FROM (
                SELECT customer_id AS id_num, ${sum} AS key FROM insights_customer_day
                WHERE shop_id = ${shop.id} AND local_date BETWEEN ${options.from}::date AND ${options.to}::date
                GROUP BY customer_id
                HAVING ${sum} > 0
                ORDER BY key DESC, id_num
              ) k
              CROSS JOIN LATERAL (${listedCustomer(shop.id, Prisma.sql`k.id_num`, pattern)}) listed
              ORDER BY k.key DESC, k.id_num LIMIT ${reach}
            ),`,
          columns: Prisma.sql`(SELECT count(*) FROM first_part)::int AS reached,`,
        },
      ),
    );
    const [first] = rows;
    if (first && first.reached === reach) return rows.map(({ reached: _reached, ...row }) => row);
  }
  const ctes = Prisma.sql`
    keyed AS MATERIALIZED (
      SELECT customer_id AS id_num, key
      FROM (
        SELECT customer_id, ${sum} AS key FROM insights_customer_day
        WHERE shop_id = ${shop.id} AND local_date BETWEEN ${options.from}::date AND ${options.to}::date
        GROUP BY customer_id
      ) r
      WHERE key <> 0
    ),
    -- Listed customers only (a customer row must exist and match the search), looked up
    -- by key in page order until the page's end is reached: a few probes, not one per
    -- active customer.
    parts AS (
      (SELECT 0 AS part, k.id_num, k.key
       FROM (SELECT id_num, key FROM keyed WHERE key ${Prisma.raw(firstSign)} 0 ORDER BY key ${dir}, id_num) k
       CROSS JOIN LATERAL (${listedCustomer(shop.id, Prisma.sql`k.id_num`, pattern)}) listed
       ORDER BY k.key ${dir}, k.id_num LIMIT ${reach})
      UNION ALL
      (SELECT 1, c.id, 0 FROM customer c
       WHERE c.shop_id = ${shop.id} AND c.id NOT IN (SELECT id_num FROM keyed) AND ${matches(pattern)}
       ORDER BY c.id LIMIT ${reach})
      UNION ALL
      (SELECT 2, k.id_num, k.key
       FROM (SELECT id_num, key FROM keyed WHERE key ${Prisma.raw(lastSign)} 0 ORDER BY key ${dir}, id_num) k
       CROSS JOIN LATERAL (${listedCustomer(shop.id, Prisma.sql`k.id_num`, pattern)}) listed
       ORDER BY k.key ${dir}, k.id_num LIMIT ${reach})
    ),`;
  return db.$queryRaw<CustomerRow[]>(
    withFigures(
      shop,
      options,
      Prisma.sql`SELECT part, id_num, key FROM parts ORDER BY part, key ${dir}, id_num
        LIMIT ${options.pageSize} OFFSET ${offset}`,
      Prisma.sql`p.part, p.key ${dir}, p.id_num`,
      { ctes, columns: Prisma.empty },
    ),
  );
}

/** One row when customer `id` is stored and matches the search pattern. */
function listedCustomer(shopId: number, id: Prisma.Sql, pattern: string | null): Prisma.Sql {
  return Prisma.sql`SELECT 1 FROM customer c
    WHERE c.shop_id = ${shopId} AND c.id = ${id}
      AND ${matches(pattern)}
    LIMIT 1`;
}

/** Customer `c` matches the search pattern (any when null). */
function matches(pattern: string | null): Prisma.Sql {
  return Prisma.sql`(${pattern}::text IS NULL OR concat_ws(' ', c.first_name, c.last_name, c.email) ILIKE ${pattern}::text)`;
}

/**
 * The listed figures of the customers a page query selected (`page`: id_num and key, at
 * most a page of them), in `order`: names, and the in-range figures and last order day
 * read per customer (a few index probes each), not for every customer of the range.
 */
function withFigures(
  shop: InsightsShop,
  options: ListOptions<CustomerSort>,
  page: Prisma.Sql,
  order: Prisma.Sql,
  extra: { ctes: Prisma.Sql; columns: Prisma.Sql } = { ctes: Prisma.empty, columns: Prisma.empty },
): Prisma.Sql {
  return Prisma.sql`
    WITH ${extra.ctes} page AS MATERIALIZED (${page})
    SELECT p.id_num::text AS id, ${CUSTOMER_NAME} AS name, c.email, ${extra.columns}
      coalesce(r.orders, 0) AS orders, coalesce(r.total_spent, 0)::text AS total_spent,
      (SELECT max(local_date) FROM insights_customer_day cd
       WHERE cd.shop_id = ${shop.id} AND cd.customer_id = p.id_num AND cd.orders > 0)::text AS last_order_date
    FROM page p
    JOIN customer c ON c.shop_id = ${shop.id} AND c.id = p.id_num
    LEFT JOIN LATERAL (
      SELECT sum(cd.orders)::int AS orders, sum(cd.net_total) AS total_spent
      FROM insights_customer_day cd
      WHERE cd.shop_id = ${shop.id} AND cd.customer_id = p.id_num
        AND cd.local_date BETWEEN ${options.from}::date AND ${options.to}::date
    ) r ON true
    ORDER BY ${order}`;
}

/**
 * Sorts by name: one scan of the name-key index of that direction (missing names last,
 * ties by id ascending: the index's order), up to the page's end.
 */
const listCustomersByName: CustomerPageReader = async (db, shop, options, pattern) => {
  const dir = sqlDirection(options.direction);
  return db.$queryRaw<CustomerRow[]>(
    withFigures(
      shop,
      options,
      Prisma.sql`SELECT c.id AS id_num, ${CUSTOMER_SORT_NAME} AS key FROM customer c
        WHERE c.shop_id = ${shop.id} AND ${matches(pattern)}
        ORDER BY ${CUSTOMER_SORT_NAME} ${dir} NULLS LAST, c.id ASC
        LIMIT ${options.pageSize} OFFSET ${(options.page - 1) * options.pageSize}`,
      Prisma.sql`p.key ${dir} NULLS LAST, p.id_num ASC`,
    ),
  );
};

/**
 * Sorts by last order date. Customers who ordered come first, read in order from their
 * last order days (the partial index of each direction on insights_customer_day), each
 * checked to be listed; then those who never ordered (no last order date), by id. The
 * second block is read only when a page reaches past the first: it scans customers in
 * id order, skipping those with orders, so the last pages of a shop where nearly every
 * customer ordered cost O(customers).
 */
const listCustomersByLastOrder: CustomerPageReader = async (db, shop, options, pattern) => {
  const dir = sqlDirection(options.direction);
  const offset = (options.page - 1) * options.pageSize;
  const ordered = Prisma.sql`FROM insights_customer_day d
    WHERE d.shop_id = ${shop.id} AND d.orders > 0 AND d.next_date IS NULL
      AND EXISTS (SELECT 1 FROM customer c WHERE c.shop_id = ${shop.id} AND c.id = d.customer_id AND ${matches(pattern)})`;
  const first = await db.$queryRaw<CustomerRow[]>(
    withFigures(
      shop,
      options,
      Prisma.sql`SELECT d.customer_id AS id_num, d.local_date AS key ${ordered}
        ORDER BY d.local_date ${dir}, d.customer_id ASC
        LIMIT ${options.pageSize} OFFSET ${offset}`,
      Prisma.sql`p.key ${dir}, p.id_num ASC`,
    ),
  );
  if (first.length === options.pageSize) return first;
  // The first block ends on this page (or before it): how many rows it has.
  let orderedCount = offset + first.length;
  if (first.length === 0 && offset > 0) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT 1 ${ordered} LIMIT ${offset}) AS upto`;
    orderedCount = Number(row?.n ?? 0);
  }
  const never = await db.$queryRaw<CustomerRow[]>(
    withFigures(
      shop,
      options,
      Prisma.sql`SELECT c.id AS id_num, NULL::date AS key FROM customer c
        WHERE c.shop_id = ${shop.id} AND ${matches(pattern)}
          AND NOT EXISTS (SELECT 1 FROM insights_customer_day d
                          WHERE d.shop_id = ${shop.id} AND d.customer_id = c.id AND d.orders > 0)
        ORDER BY c.id
        LIMIT ${options.pageSize - first.length} OFFSET ${Math.max(0, offset - orderedCount)}`,
      Prisma.sql`p.id_num ASC`,
    ),
  );
  return [...first, ...never];
};

async function countCustomers(db: InsightsDb, shop: InsightsShop, pattern: string | null): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM customer c WHERE c.shop_id = ${shop.id} AND ${matches(pattern)}`;
  return Number(row?.n ?? 0);
}

export interface ProductListItem {
  id: string;
  title: string;
  vendor: string | null;
  unitsSold: number;
  netSales: string;
}

export async function listProducts(
  db: InsightsDb,
  shop: InsightsShop,
  options: ListOptions<ProductSort>,
): Promise<ListPage<ProductListItem>> {
  const pattern = likePattern(options.search);
  const rows = await db.$queryRaw<
    { id: string; title: string; vendor: string | null; units_sold: number; net_sales: string; total: number }[]
  >`
    WITH in_range AS (
      SELECT product_id, (sum(units_sold) - sum(units_refunded))::int AS units_sold, sum(net_sales) AS net_sales
      FROM insights_product_day
      WHERE shop_id = ${shop.id} AND local_date BETWEEN ${options.from}::date AND ${options.to}::date
      GROUP BY product_id
    ),
    listed AS (
      SELECT p.id AS id_num, p.title, p.vendor,
        coalesce(r.units_sold, 0) AS units_sold, coalesce(r.net_sales, 0) AS net_sales
      FROM product p
      LEFT JOIN in_range r ON r.product_id = p.id
      WHERE p.shop_id = ${shop.id}
        AND (${pattern}::text IS NULL OR concat_ws(' ', p.title, p.vendor, p.product_type) ILIKE ${pattern}::text)
    )
    SELECT id_num::text AS id, title, vendor, units_sold, net_sales::text AS net_sales, (count(*) OVER ())::int AS total
    FROM listed
    ORDER BY ${orderBy(PRODUCT_ORDER[options.sort], options.direction)}
    LIMIT ${options.pageSize} OFFSET ${(options.page - 1) * options.pageSize}`;
  let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  if (rows.length === 0 && options.page > 1) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM product p WHERE p.shop_id = ${shop.id}
        AND (${pattern}::text IS NULL OR concat_ws(' ', p.title, p.vendor, p.product_type) ILIKE ${pattern}::text)`;
    total = Number(row?.n ?? 0);
  }
  return {
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      vendor: row.vendor,
      unitsSold: Number(row.units_sold),
      netSales: roundMoney(toDecimal(row.net_sales), shop.currencyCode),
    })),
    total,
    page: options.page,
    pageSize: options.pageSize,
  };
}
