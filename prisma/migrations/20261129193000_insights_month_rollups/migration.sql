-- CreateTable
CREATE TABLE "insights_customer_month" (
    "shop_id" INTEGER NOT NULL,
    "customer_id" BIGINT NOT NULL,
    "month" DATE NOT NULL,
    "orders" INTEGER NOT NULL,
    "net_total" DECIMAL(20,4) NOT NULL,
    "upper_bound" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "insights_customer_month_pkey" PRIMARY KEY ("shop_id","customer_id","month")
);

-- CreateTable
CREATE TABLE "insights_product_month" (
    "shop_id" INTEGER NOT NULL,
    "product_id" BIGINT NOT NULL,
    "month" DATE NOT NULL,
    "units_sold" INTEGER NOT NULL,
    "units_refunded" INTEGER NOT NULL,
    "net_sales" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "insights_product_month_pkey" PRIMARY KEY ("shop_id","product_id","month")
);

-- CreateIndex
CREATE INDEX "insights_customer_month_shop_id_month_upper_bound_idx" ON "insights_customer_month"("shop_id", "month", "upper_bound" DESC);

-- CreateIndex
CREATE INDEX "insights_product_month_shop_id_month_idx" ON "insights_product_month"("shop_id", "month");

-- AddForeignKey
ALTER TABLE "insights_customer_month" ADD CONSTRAINT "insights_customer_month_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "insights_product_month" ADD CONSTRAINT "insights_product_month_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

