-- The Customers page's figure sorts (app/insights/lists.ts, top-spend.ts).
-- Orders, descending: the threshold path reads each month's customers by their orders
-- there (a month's orders bound any part of it), as it reads upper_bound for total spent.
CREATE INDEX "insights_customer_month_orders_idx" ON "insights_customer_month" ("shop_id", "month", "orders" DESC, "customer_id");

-- Total spent, ascending: a customer's range total is negative only with a negative day
-- in the range. These days (refunds of earlier orders) are few, so the customers below
-- zero are found without reading the range's other customers.
CREATE INDEX "insights_customer_day_negative_idx" ON "insights_customer_day" ("shop_id", "local_date", "customer_id")
  WHERE "net_total" < 0;

-- Shops whose customers were written without keeping the stored total (stores generated
-- by SQL for the benchmarks) get it counted once, as 20261201190000 did for every shop.
INSERT INTO "customer_total" ("shop_id", "customers")
SELECT "shop_id", count(*)::int FROM "customer" GROUP BY "shop_id"
ON CONFLICT ("shop_id") DO NOTHING;
