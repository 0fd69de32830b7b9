-- DropForeignKey
ALTER TABLE "insights_shop_day" DROP CONSTRAINT "insights_shop_day_shop_id_fkey";

-- DropForeignKey
ALTER TABLE "insights_customer_day" DROP CONSTRAINT "insights_customer_day_shop_id_fkey";

-- DropForeignKey
ALTER TABLE "insights_product_day" DROP CONSTRAINT "insights_product_day_shop_id_fkey";

-- DropForeignKey
ALTER TABLE "insights_customer_month" DROP CONSTRAINT "insights_customer_month_shop_id_fkey";

-- DropForeignKey
ALTER TABLE "insights_product_month" DROP CONSTRAINT "insights_product_month_shop_id_fkey";


-- Rollups are derived rows written millions at a time by a full rebuild, where the
-- per-row foreign-key check on shop cost as much as the rest of the insert. They still
-- go with their shop: one rule per table deletes them in the same statement as the shop
-- row. (Rules, not a trigger: the migration runner splits scripts at every semicolon,
-- so a function body cannot be written here.) TRUNCATE shop does not reach them: name
-- the tables too.
CREATE RULE "insights_shop_day_follows_shop" AS ON DELETE TO "shop"
  DO ALSO DELETE FROM "insights_shop_day" WHERE "shop_id" = OLD."id";
CREATE RULE "insights_customer_day_follows_shop" AS ON DELETE TO "shop"
  DO ALSO DELETE FROM "insights_customer_day" WHERE "shop_id" = OLD."id";
CREATE RULE "insights_product_day_follows_shop" AS ON DELETE TO "shop"
  DO ALSO DELETE FROM "insights_product_day" WHERE "shop_id" = OLD."id";
CREATE RULE "insights_customer_month_follows_shop" AS ON DELETE TO "shop"
  DO ALSO DELETE FROM "insights_customer_month" WHERE "shop_id" = OLD."id";
CREATE RULE "insights_product_month_follows_shop" AS ON DELETE TO "shop"
  DO ALSO DELETE FROM "insights_product_month" WHERE "shop_id" = OLD."id";
