-- CreateTable
CREATE TABLE "sale_agreement" (
    "shop_id" INTEGER NOT NULL,
    "id" BIGINT NOT NULL,
    "order_id" BIGINT NOT NULL,
    "kind" "SalesAgreementKind" NOT NULL,
    "happened_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sale_agreement_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "order_ledger_refresh" (
    "shop_id" INTEGER NOT NULL,
    "order_id" BIGINT NOT NULL,
    "requested_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_ledger_refresh_pkey" PRIMARY KEY ("shop_id","order_id")
);

-- CreateIndex
CREATE INDEX "sale_agreement_shop_id_order_id_idx" ON "sale_agreement"("shop_id", "order_id");

-- CreateIndex
CREATE INDEX "order_ledger_refresh_shop_id_requested_at_idx" ON "order_ledger_refresh"("shop_id", "requested_at");

-- AddForeignKey
ALTER TABLE "sale_agreement" ADD CONSTRAINT "sale_agreement_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sale_agreement" ADD CONSTRAINT "sale_agreement_shop_id_order_id_fkey" FOREIGN KEY ("shop_id", "order_id") REFERENCES "order"("shop_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_ledger_refresh" ADD CONSTRAINT "order_ledger_refresh_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_ledger_refresh" ADD CONSTRAINT "order_ledger_refresh_shop_id_order_id_fkey" FOREIGN KEY ("shop_id", "order_id") REFERENCES "order"("shop_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

