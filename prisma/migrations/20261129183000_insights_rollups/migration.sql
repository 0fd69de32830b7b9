-- CreateTable
CREATE TABLE "insights_shop_day" (
    "shop_id" INTEGER NOT NULL,
    "local_date" DATE NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "gross_sales" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "discounts" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "returns" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "shipping" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "shipping_refunds" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "taxes" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "tax_refunds" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "customers" INTEGER NOT NULL DEFAULT 0,
    "new_customers" INTEGER NOT NULL DEFAULT 0,
    "customers_by_gap" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "once_customers_by_next_gap" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "once_customers_no_next" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "insights_shop_day_pkey" PRIMARY KEY ("shop_id","local_date")
);

-- CreateTable
CREATE TABLE "insights_customer_day" (
    "shop_id" INTEGER NOT NULL,
    "customer_id" BIGINT NOT NULL,
    "local_date" DATE NOT NULL,
    "orders" INTEGER NOT NULL,
    "net_total" DECIMAL(20,4) NOT NULL,
    "prev_date" DATE,
    "next_date" DATE,

    CONSTRAINT "insights_customer_day_pkey" PRIMARY KEY ("shop_id","customer_id","local_date")
);

-- CreateTable
CREATE TABLE "insights_product_day" (
    "shop_id" INTEGER NOT NULL,
    "product_id" BIGINT NOT NULL,
    "local_date" DATE NOT NULL,
    "units_sold" INTEGER NOT NULL DEFAULT 0,
    "units_refunded" INTEGER NOT NULL DEFAULT 0,
    "net_sales" DECIMAL(20,4) NOT NULL DEFAULT 0,

    CONSTRAINT "insights_product_day_pkey" PRIMARY KEY ("shop_id","product_id","local_date")
);

-- CreateIndex
CREATE INDEX "insights_customer_day_shop_id_local_date_idx" ON "insights_customer_day"("shop_id", "local_date");

-- CreateIndex
CREATE INDEX "insights_product_day_shop_id_local_date_idx" ON "insights_product_day"("shop_id", "local_date");

-- AddForeignKey
ALTER TABLE "insights_shop_day" ADD CONSTRAINT "insights_shop_day_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "insights_customer_day" ADD CONSTRAINT "insights_customer_day_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "insights_product_day" ADD CONSTRAINT "insights_product_day_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

