-- The retention rollups' customer x local day rows move into insights_customer_day
-- (app/insights/cohort-rollups.ts): they had the same keys and the same order counts, so
-- the full rebuild wrote every customer day twice (docs/decisions/rollup-rebuild.md).
-- net_sales is null on days that were no retention day (no order and no net-sales sale),
-- exactly the rows insights_customer_cohort_day did not have. Shops whose retention
-- rollups were never built have no such rows: their net_sales stay null until that
-- one-time build (insights_cohort_build) fills them.
-- AlterTable
ALTER TABLE "insights_customer_day" ADD COLUMN "net_sales" DECIMAL(20,4);

UPDATE "insights_customer_day" d SET "net_sales" = c."net_sales"
FROM "insights_customer_cohort_day" c
WHERE c."shop_id" = d."shop_id" AND c."customer_id" = d."customer_id" AND c."local_date" = d."local_date";

DROP RULE IF EXISTS "insights_customer_cohort_day_follows_shop" ON "shop";

-- DropTable
DROP TABLE "insights_customer_cohort_day";
