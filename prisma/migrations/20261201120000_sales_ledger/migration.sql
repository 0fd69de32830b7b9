-- CreateEnum
CREATE TYPE "SalesAgreementKind" AS ENUM ('order', 'order_edit', 'refund', 'return', 'unknown');

-- CreateEnum
CREATE TYPE "SaleActionType" AS ENUM ('ORDER', 'RETURN', 'UPDATE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "SaleLineType" AS ENUM ('ADDITIONAL_FEE', 'ADJUSTMENT', 'DUTY', 'FEE', 'GIFT_CARD', 'PRODUCT', 'SHIPPING', 'TIP', 'UNKNOWN');

-- CreateTable
CREATE TABLE "sale" (
    "shop_id" INTEGER NOT NULL,
    "id" BIGINT NOT NULL,
    "order_id" BIGINT NOT NULL,
    "agreement_id" BIGINT NOT NULL,
    "agreement_kind" "SalesAgreementKind" NOT NULL,
    "happened_at" TIMESTAMP(3) NOT NULL,
    "action_type" "SaleActionType" NOT NULL,
    "line_type" "SaleLineType" NOT NULL,
    "line_item_id" BIGINT,
    "product_id" BIGINT,
    "quantity" INTEGER,
    "total_amount" DECIMAL(20,4) NOT NULL,
    "total_discount_before_taxes" DECIMAL(20,4) NOT NULL,
    "total_discount_after_taxes" DECIMAL(20,4) NOT NULL,
    "total_tax" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "sale_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateIndex
CREATE INDEX "sale_shop_id_order_id_idx" ON "sale"("shop_id", "order_id");

-- CreateIndex
CREATE INDEX "sale_shop_id_happened_at_idx" ON "sale"("shop_id", "happened_at");

-- AddForeignKey
ALTER TABLE "sale" ADD CONSTRAINT "sale_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sale" ADD CONSTRAINT "sale_shop_id_order_id_fkey" FOREIGN KEY ("shop_id", "order_id") REFERENCES "order"("shop_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

