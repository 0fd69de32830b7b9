// What the Customers page reads instead of every customer (docs/decisions/customers-page-summary.md):
// - the shop's customer total, stored in `customer_total` and adjusted by every statement
//   that inserts or deletes customer rows, in that statement's transaction (store.ts
//   upserts and deletes, the customers/redact placeholder; a reinstall's purge drops the
//   row, a deleted shop takes it along). A shop without a row (customers written by
//   other means, e.g. fixtures) is counted instead: the figure is exact either way;
// - the name sort key, the same expression as two indexes on `customer` (one per
//   direction), and each customer's last order day, the order day without a next one
//   in `insights_customer_day` (partial indexes; the rollups keep the links exact).
import { Prisma } from "@prisma/client";
import type { InsightsDb } from "./queries";

type Tx = Prisma.TransactionClient;

/**
 * A customer's display name ("First Last", either alone, or null): concat_ws(' ', first,
 * last) with '' as null, written with immutable operators only (concat_ws is merely
 * stable) so that an index can hold it. Alias `c` = customer.
 */
export const CUSTOMER_NAME = Prisma.raw(
  `nullif(coalesce(c.first_name || ' ' || c.last_name, c.first_name, c.last_name), '')`,
);

/**
 * The name sort key: lower-cased (the database's lower(), as before), compared by the
 * Unicode root collation. Must stay the indexes' expression (migration
 * 20261201190000_customers_page_summary), or name sorts read every customer again.
 */
export const CUSTOMER_SORT_NAME = Prisma.raw(
  `lower(nullif(coalesce(c.first_name || ' ' || c.last_name, c.first_name, c.last_name), '')) COLLATE "und-x-icu"`,
);

/**
 * Add `delta` (customer rows inserted minus rows deleted by this transaction) to the
 * shop's stored total. Call it in the transaction that wrote the rows, after them.
 * Without a row yet, the total is counted (this transaction's rows included); when
 * another transaction creates the row meanwhile, its count did not see our rows
 * (uncommitted), so ours are added to it: exact under concurrent writers.
 */
export async function adjustCustomerTotal(tx: Tx, shopId: number, delta: number): Promise<void> {
  if (delta === 0) return;
  const updated = await tx.$executeRaw`
    UPDATE customer_total SET customers = customers + ${delta}::int WHERE shop_id = ${shopId}`;
  if (updated > 0) return;
  await tx.$executeRaw`
    INSERT INTO customer_total (shop_id, customers)
    SELECT ${shopId}, count(*)::int FROM customer WHERE shop_id = ${shopId}
    ON CONFLICT (shop_id) DO UPDATE SET customers = customer_total.customers + ${delta}::int`;
}

/** The shop's customer total: the stored one, or a count when none is stored. */
export async function customerTotal(db: InsightsDb, shopId: number): Promise<number> {
  // COALESCE evaluates the count only when no total is stored.
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT coalesce(
      (SELECT customers FROM customer_total WHERE shop_id = ${shopId}),
      (SELECT count(*)::int FROM customer WHERE shop_id = ${shopId})
    ) AS n`;
  return Number(row?.n ?? 0);
}
