-- Insights money from the sales ledger (docs/metrics.md). Shipping and taxes are now net
-- of their RETURN sales, so the refund columns go. Duties, fees, tips and gift cards added.
-- Existing rows are rebuilt by recomputeAllRollups once the shop's ledger is stored.
-- AlterTable
ALTER TABLE "insights_shop_day" DROP COLUMN "shipping_refunds",
DROP COLUMN "tax_refunds",
ADD COLUMN     "additional_fees" DECIMAL(20,4) NOT NULL DEFAULT 0,
ADD COLUMN     "duties" DECIMAL(20,4) NOT NULL DEFAULT 0,
ADD COLUMN     "gift_card_sales" DECIMAL(20,4) NOT NULL DEFAULT 0,
ADD COLUMN     "tips" DECIMAL(20,4) NOT NULL DEFAULT 0;

