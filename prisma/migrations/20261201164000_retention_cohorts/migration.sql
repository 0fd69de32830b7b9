-- CreateTable
CREATE TABLE "insights_customer_cohort" (
    "shop_id" INTEGER NOT NULL,
    "customer_id" BIGINT NOT NULL,
    "cohort_month" DATE NOT NULL,
    "first_date" DATE NOT NULL,
    "second_date" DATE,
    "first_order_id" BIGINT NOT NULL,
    "first_products" BIGINT[] DEFAULT ARRAY[]::BIGINT[],

    CONSTRAINT "insights_customer_cohort_pkey" PRIMARY KEY ("shop_id","customer_id")
);

-- CreateTable
CREATE TABLE "insights_customer_cohort_month" (
    "shop_id" INTEGER NOT NULL,
    "customer_id" BIGINT NOT NULL,
    "month" DATE NOT NULL,
    "orders" INTEGER NOT NULL,
    "net_sales" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "insights_customer_cohort_month_pkey" PRIMARY KEY ("shop_id","customer_id","month")
);

-- CreateTable
CREATE TABLE "insights_cohort_month" (
    "shop_id" INTEGER NOT NULL,
    "cohort_month" DATE NOT NULL,
    "month_offset" INTEGER NOT NULL,
    "active_customers" INTEGER NOT NULL,
    "net_sales" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "insights_cohort_month_pkey" PRIMARY KEY ("shop_id","cohort_month","month_offset")
);

-- CreateTable
CREATE TABLE "insights_cohort_product" (
    "shop_id" INTEGER NOT NULL,
    "cohort_month" DATE NOT NULL,
    "product_id" BIGINT NOT NULL,
    "customers" INTEGER NOT NULL,
    "within_30" INTEGER NOT NULL,
    "within_60" INTEGER NOT NULL,
    "within_90" INTEGER NOT NULL,
    "within_180" INTEGER NOT NULL,

    CONSTRAINT "insights_cohort_product_pkey" PRIMARY KEY ("shop_id","cohort_month","product_id")
);

-- CreateTable
CREATE TABLE "insights_cohort_gap" (
    "shop_id" INTEGER NOT NULL,
    "cohort_month" DATE NOT NULL,
    "gap_days" INTEGER NOT NULL,
    "customers" INTEGER NOT NULL,

    CONSTRAINT "insights_cohort_gap_pkey" PRIMARY KEY ("shop_id","cohort_month","gap_days")
);

-- CreateIndex
CREATE INDEX "insights_customer_cohort_shop_id_cohort_month_idx" ON "insights_customer_cohort"("shop_id", "cohort_month");


-- Derived rows like the other rollups (20261201162000_insights_rollups_without_fk): no
-- foreign key to shop, one rule per table deletes them with their shop.
CREATE RULE "insights_customer_cohort_follows_shop" AS ON DELETE TO "shop"
  DO ALSO DELETE FROM "insights_customer_cohort" WHERE "shop_id" = OLD."id";
CREATE RULE "insights_customer_cohort_month_follows_shop" AS ON DELETE TO "shop"
  DO ALSO DELETE FROM "insights_customer_cohort_month" WHERE "shop_id" = OLD."id";
CREATE RULE "insights_cohort_month_follows_shop" AS ON DELETE TO "shop"
  DO ALSO DELETE FROM "insights_cohort_month" WHERE "shop_id" = OLD."id";
CREATE RULE "insights_cohort_product_follows_shop" AS ON DELETE TO "shop"
  DO ALSO DELETE FROM "insights_cohort_product" WHERE "shop_id" = OLD."id";
CREATE RULE "insights_cohort_gap_follows_shop" AS ON DELETE TO "shop"
  DO ALSO DELETE FROM "insights_cohort_gap" WHERE "shop_id" = OLD."id";
