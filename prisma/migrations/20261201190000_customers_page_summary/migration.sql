-- CreateTable
CREATE TABLE "customer_total" (
    "shop_id" INTEGER NOT NULL,
    "customers" INTEGER NOT NULL,

    CONSTRAINT "customer_total_pkey" PRIMARY KEY ("shop_id")
);

-- AddForeignKey
ALTER TABLE "customer_total" ADD CONSTRAINT "customer_total_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The shops' totals as they stand. From here on every write of customer rows keeps them
-- (app/insights/customer-summary.ts).
INSERT INTO "customer_total" ("shop_id", "customers")
SELECT "shop_id", count(*)::int FROM "customer" GROUP BY "shop_id";

-- The Customers page's name sort key (CUSTOMER_SORT_NAME in app/insights/customer-summary.ts,
-- the same expression: the planner matches it), one index per direction so that each
-- order (missing names last, ties by id ascending) is one index scan up to the page's end.
CREATE INDEX "customer_sort_name_asc_idx" ON "customer" (
  "shop_id",
  (lower(nullif(coalesce("first_name" || ' ' || "last_name", "first_name", "last_name"), ''))) COLLATE "und-x-icu" ASC NULLS LAST,
  "id"
);
CREATE INDEX "customer_sort_name_desc_idx" ON "customer" (
  "shop_id",
  (lower(nullif(coalesce("first_name" || ' ' || "last_name", "first_name", "last_name"), ''))) COLLATE "und-x-icu" DESC NULLS LAST,
  "id"
);

-- Each customer's last order day: the one order day (orders > 0) without a next order
-- day. The rollups keep the links exact, so these are per-customer summary rows in
-- last-order order (Customers page, last-order sort), one index per direction.
CREATE INDEX "insights_customer_day_last_order_asc_idx" ON "insights_customer_day" ("shop_id", "local_date" ASC, "customer_id")
  WHERE "orders" > 0 AND "next_date" IS NULL;
CREATE INDEX "insights_customer_day_last_order_desc_idx" ON "insights_customer_day" ("shop_id", "local_date" DESC, "customer_id")
  WHERE "orders" > 0 AND "next_date" IS NULL;
