-- Emptied by 20261202053000_customer_month_net_sales (its rows live on as
-- insights_customer_month.net_sales) and no longer written or read.
DROP RULE IF EXISTS "insights_customer_cohort_month_follows_shop" ON "shop";

-- DropTable
DROP TABLE "insights_customer_cohort_month";
