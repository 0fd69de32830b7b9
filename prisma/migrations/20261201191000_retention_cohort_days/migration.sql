-- Retention rollups refreshed per touched day (app/insights/cohort-rollups.ts): customer x
-- local day rows, the shop's record of a full cohort build (shops without one get the
-- rebuild once - every shop that predates this migration, whose day rows do not exist
-- yet), and a customer's orders in processing order (their first two orders are the
-- index's first entries). The new index covers the one it replaces.
-- DropIndex
DROP INDEX "order_shop_id_customer_id_idx";

-- CreateTable
CREATE TABLE "insights_customer_cohort_day" (
    "shop_id" INTEGER NOT NULL,
    "customer_id" BIGINT NOT NULL,
    "local_date" DATE NOT NULL,
    "orders" INTEGER NOT NULL,
    "net_sales" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "insights_customer_cohort_day_pkey" PRIMARY KEY ("shop_id","customer_id","local_date")
);

-- CreateTable
CREATE TABLE "insights_cohort_build" (
    "shop_id" INTEGER NOT NULL,
    "built_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "insights_cohort_build_pkey" PRIMARY KEY ("shop_id")
);

-- CreateIndex
CREATE INDEX "insights_customer_cohort_day_shop_id_local_date_idx" ON "insights_customer_cohort_day"("shop_id", "local_date");

-- CreateIndex
CREATE INDEX "order_shop_id_customer_id_processed_at_id_idx" ON "order"("shop_id", "customer_id", "processed_at", "id");


-- Derived rows like the other rollups: no foreign key to shop, a rule deletes them with it.
CREATE RULE "insights_customer_cohort_day_follows_shop" AS ON DELETE TO "shop"
  DO ALSO DELETE FROM "insights_customer_cohort_day" WHERE "shop_id" = OLD."id";
CREATE RULE "insights_cohort_build_follows_shop" AS ON DELETE TO "shop"
  DO ALSO DELETE FROM "insights_cohort_build" WHERE "shop_id" = OLD."id";
