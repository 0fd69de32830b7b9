// The Customers and Products pages: every customer/product we hold, with its figures
// for the selected range, searchable, sortable and paginated in SQL.
import { Prisma } from "@prisma/client";
import { roundMoney, toDecimal } from "./money";
import type { RangeParams } from "./params";
import type { InsightsDb, InsightsShop } from "./queries";

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
// - Columns are qualified with `listed.` so they name the numeric/date input columns: a
//   bare `total_spent` would name the SELECT's `total_spent::text` output and sort money
//   as text ($972.95, $95.39, $920.60, …).
// - Text compares case-insensitively (lower) by the Unicode root collation ("und-x-icu",
//   present in PostgreSQL built with ICU and in PGlite), not by the database's default
//   collation, which is "C" (code points: "Émile" after "Zola") on both of ours.
// - Missing values (no name, never ordered) come last in both directions.
// - Ties are broken by the Shopify id ascending in both directions, so paging with
//   LIMIT/OFFSET is stable: no row repeats or goes missing between pages.
const TEXT_COLLATION = '"und-x-icu"';
const CUSTOMER_ORDER: Record<CustomerSort, string> = {
  totalSpent: "listed.total_spent",
  orders: "listed.orders",
  name: `lower(listed.name) COLLATE ${TEXT_COLLATION}`,
  lastOrderDate: "listed.last_order_date",
};
const PRODUCT_ORDER: Record<ProductSort, string> = {
  netSales: "listed.net_sales",
  unitsSold: "listed.units_sold",
  title: `lower(listed.title) COLLATE ${TEXT_COLLATION}`,
};

function orderBy(column: string, direction: SortDirection): Prisma.Sql {
  return Prisma.raw(`${column} ${direction === "asc" ? "ASC" : "DESC"} NULLS LAST, listed.id_num ASC`);
}

type CustomerRow = {
  id: string;
  name: string | null;
  email: string | null;
  orders: number;
  total_spent: string;
  last_order_date: string | null;
};

export async function listCustomers(
  db: InsightsDb,
  shop: InsightsShop,
  options: ListOptions<CustomerSort>,
): Promise<ListPage<CustomerListItem>> {
  const pattern = likePattern(options.search);
  const byFigure = options.sort === "totalSpent" || options.sort === "orders";
  const [rows, total] = await Promise.all([
    byFigure
      ? listCustomersByFigure(db, shop, { ...options, sort: options.sort as "totalSpent" | "orders" }, pattern)
      : listCustomersByColumn(db, shop, options, pattern),
    countCustomers(db, shop, pattern),
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
  const key = Prisma.raw(options.sort === "orders" ? "r.orders" : "r.total_spent");
  const desc = options.direction === "desc";
  // Parts in page order: 0 before the zero block, 1 the zero block, 2 after it.
  const [firstSign, lastSign] = desc ? [">", "<"] : ["<", ">"];
  const dir = Prisma.raw(desc ? "DESC" : "ASC");
  const offset = (options.page - 1) * options.pageSize;
  const reach = offset + options.pageSize;
  return db.$queryRaw<CustomerRow[]>`
    WITH in_range AS MATERIALIZED (
      SELECT customer_id, sum(orders)::int AS orders, sum(net_total) AS total_spent
      FROM insights_customer_day
      WHERE shop_id = ${shop.id} AND local_date BETWEEN ${options.from}::date AND ${options.to}::date
      GROUP BY customer_id
    ),
    keyed AS MATERIALIZED (
      SELECT customer_id AS id_num, ${key} AS key FROM in_range r WHERE ${key} <> 0
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
       WHERE c.shop_id = ${shop.id} AND c.id NOT IN (SELECT id_num FROM keyed)
         AND (${pattern}::text IS NULL OR concat_ws(' ', c.first_name, c.last_name, c.email) ILIKE ${pattern}::text)
       ORDER BY c.id LIMIT ${reach})
      UNION ALL
      (SELECT 2, k.id_num, k.key
       FROM (SELECT id_num, key FROM keyed WHERE key ${Prisma.raw(lastSign)} 0 ORDER BY key ${dir}, id_num) k
       CROSS JOIN LATERAL (${listedCustomer(shop.id, Prisma.sql`k.id_num`, pattern)}) listed
       ORDER BY k.key ${dir}, k.id_num LIMIT ${reach})
    ),
    page AS (
      SELECT part, id_num, key FROM parts ORDER BY part, key ${dir}, id_num
      LIMIT ${options.pageSize} OFFSET ${offset}
    )
    SELECT p.id_num::text AS id, nullif(concat_ws(' ', c.first_name, c.last_name), '') AS name, c.email,
      coalesce(r.orders, 0) AS orders, coalesce(r.total_spent, 0)::text AS total_spent,
      (SELECT max(local_date) FROM insights_customer_day cd
       WHERE cd.shop_id = ${shop.id} AND cd.customer_id = p.id_num AND cd.orders > 0)::text AS last_order_date
    FROM page p
    JOIN customer c ON c.shop_id = ${shop.id} AND c.id = p.id_num
    LEFT JOIN in_range r ON r.customer_id = p.id_num
    ORDER BY p.part, p.key ${dir}, p.id_num`;
}

/** One row when customer `id` is stored and matches the search pattern. */
function listedCustomer(shopId: number, id: Prisma.Sql, pattern: string | null): Prisma.Sql {
  return Prisma.sql`SELECT 1 FROM customer c
    WHERE c.shop_id = ${shopId} AND c.id = ${id}
      AND (${pattern}::text IS NULL OR concat_ws(' ', c.first_name, c.last_name, c.email) ILIKE ${pattern}::text)
    LIMIT 1`;
}

/** Sorts by name or last order date: every customer of the shop is listed, sorted, cut. */
async function listCustomersByColumn(
  db: InsightsDb,
  shop: InsightsShop,
  options: ListOptions<CustomerSort>,
  pattern: string | null,
): Promise<CustomerRow[]> {
  return db.$queryRaw<CustomerRow[]>`
    WITH in_range AS (
      SELECT customer_id, sum(orders)::int AS orders, sum(net_total) AS total_spent
      FROM insights_customer_day
      WHERE shop_id = ${shop.id} AND local_date BETWEEN ${options.from}::date AND ${options.to}::date
      GROUP BY customer_id
    ),
    listed AS (
      SELECT c.id AS id_num, nullif(concat_ws(' ', c.first_name, c.last_name), '') AS name, c.email,
        coalesce(r.orders, 0) AS orders, coalesce(r.total_spent, 0) AS total_spent,
        (SELECT max(local_date) FROM insights_customer_day cd WHERE cd.shop_id = ${shop.id} AND cd.customer_id = c.id AND cd.orders > 0) AS last_order_date
      FROM customer c
      LEFT JOIN in_range r ON r.customer_id = c.id
      WHERE c.shop_id = ${shop.id}
        AND (${pattern}::text IS NULL OR concat_ws(' ', c.first_name, c.last_name, c.email) ILIKE ${pattern}::text)
    )
    SELECT id_num::text AS id, name, email, orders, total_spent::text AS total_spent,
      last_order_date::text AS last_order_date
    FROM listed
    ORDER BY ${orderBy(CUSTOMER_ORDER[options.sort], options.direction)}
    LIMIT ${options.pageSize} OFFSET ${(options.page - 1) * options.pageSize}`;
}

async function countCustomers(db: InsightsDb, shop: InsightsShop, pattern: string | null): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM customer c WHERE c.shop_id = ${shop.id}
      AND (${pattern}::text IS NULL OR concat_ws(' ', c.first_name, c.last_name, c.email) ILIKE ${pattern}::text)`;
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
