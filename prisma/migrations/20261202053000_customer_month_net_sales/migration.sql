-- The retention rollup rows per customer x local month move into insights_customer_month
-- (app/insights/cohort-rollups.ts), as their day rows did into insights_customer_day
-- (20261202020000_customer_day_net_sales): same keys, the same order counts (every day
-- with an order is a retention day), so the full rebuild wrote every customer month twice
-- (docs/decisions/rollup-rebuild.md). net_sales is the sum over the month of the customer days
-- net_sales, null when the month had no retention day — exactly the rows
-- insights_customer_cohort_month did not have. Shops whose retention rollups were never
-- built have none: theirs stay null until that one-time build fills them.
-- AlterTable
ALTER TABLE "insights_customer_month" ADD COLUMN "net_sales" DECIMAL(20,4);

UPDATE "insights_customer_month" m SET "net_sales" = c."net_sales"
FROM "insights_customer_cohort_month" c
WHERE c."shop_id" = m."shop_id" AND c."customer_id" = m."customer_id" AND c."month" = m."month";

-- Nothing writes or reads the old table any more: it is emptied here and dropped once the
-- last code naming it (app/sync/install.ts, which deletes the rows of a shop) no longer does.
DELETE FROM "insights_customer_cohort_month";
