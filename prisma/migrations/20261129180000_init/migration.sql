-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" TIMESTAMP(3),
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN,
    "locale" TEXT,
    "collaborator" BOOLEAN,
    "emailVerified" BOOLEAN,
    "refreshToken" TEXT,
    "refreshTokenExpires" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shop" (
    "id" SERIAL NOT NULL,
    "domain" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "currency_code" TEXT NOT NULL DEFAULT 'USD',
    "iana_timezone" TEXT NOT NULL DEFAULT 'UTC',
    "plan_name" TEXT,
    "granted_scopes" TEXT NOT NULL DEFAULT '',
    "installed_at" TIMESTAMP(3),
    "uninstalled_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "shop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer" (
    "shop_id" INTEGER NOT NULL,
    "id" BIGINT NOT NULL,
    "first_name" TEXT,
    "last_name" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "state" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "number_of_orders" INTEGER,
    "amount_spent" DECIMAL(20,4),
    "shopify_created_at" TIMESTAMP(3),
    "shopify_updated_at" TIMESTAMP(3) NOT NULL,
    "redacted_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "product" (
    "shop_id" INTEGER NOT NULL,
    "id" BIGINT NOT NULL,
    "title" TEXT NOT NULL,
    "handle" TEXT,
    "status" TEXT,
    "vendor" TEXT,
    "product_type" TEXT,
    "shopify_created_at" TIMESTAMP(3),
    "shopify_updated_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "product_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "product_variant" (
    "shop_id" INTEGER NOT NULL,
    "id" BIGINT NOT NULL,
    "product_id" BIGINT NOT NULL,
    "title" TEXT,
    "sku" TEXT,
    "price" DECIMAL(20,4),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "product_variant_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "order" (
    "shop_id" INTEGER NOT NULL,
    "id" BIGINT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "customer_id" BIGINT,
    "processed_at" TIMESTAMP(3) NOT NULL,
    "cancelled_at" TIMESTAMP(3),
    "test" BOOLEAN NOT NULL DEFAULT false,
    "currency_code" TEXT NOT NULL,
    "presentment_currency_code" TEXT,
    "total_price" DECIMAL(20,4) NOT NULL,
    "subtotal_price" DECIMAL(20,4) NOT NULL,
    "total_discounts" DECIMAL(20,4) NOT NULL,
    "total_tax" DECIMAL(20,4) NOT NULL,
    "total_shipping" DECIMAL(20,4) NOT NULL,
    "total_refunded" DECIMAL(20,4) NOT NULL,
    "total_price_presentment" DECIMAL(20,4),
    "shopify_created_at" TIMESTAMP(3) NOT NULL,
    "shopify_updated_at" TIMESTAMP(3) NOT NULL,
    "redacted_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "order_line_item" (
    "shop_id" INTEGER NOT NULL,
    "id" BIGINT NOT NULL,
    "order_id" BIGINT NOT NULL,
    "product_id" BIGINT,
    "variant_id" BIGINT,
    "title" TEXT,
    "sku" TEXT,
    "quantity" INTEGER NOT NULL,
    "original_unit_price" DECIMAL(20,4) NOT NULL,
    "total_discount" DECIMAL(20,4) NOT NULL,
    "is_gift_card" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "order_line_item_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "refund" (
    "shop_id" INTEGER NOT NULL,
    "id" BIGINT NOT NULL,
    "order_id" BIGINT NOT NULL,
    "shopify_created_at" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "shipping_refund" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "shipping_tax_refund" DECIMAL(20,4) NOT NULL DEFAULT 0,

    CONSTRAINT "refund_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "refund_line_item" (
    "shop_id" INTEGER NOT NULL,
    "id" BIGINT NOT NULL,
    "refund_id" BIGINT NOT NULL,
    "line_item_id" BIGINT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "subtotal" DECIMAL(20,4) NOT NULL,
    "total_tax" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "refund_line_item_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "sync_state" (
    "shop_id" INTEGER NOT NULL,
    "resource" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "watermark" TIMESTAMP(3),
    "backfill_status" TEXT NOT NULL DEFAULT 'pending',
    "bulk_operation_id" TEXT,
    "backfill_cursor" TEXT,
    "backfill_since" TIMESTAMP(3),
    "records_stored" INTEGER NOT NULL DEFAULT 0,
    "records_expected" INTEGER,
    "lease_owner" TEXT,
    "lease_expires_at" TIMESTAMP(3),
    "last_success_at" TIMESTAMP(3),
    "last_error" TEXT,
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "next_run_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sync_state_pkey" PRIMARY KEY ("shop_id","resource")
);

-- CreateTable
CREATE TABLE "sync_run" (
    "id" SERIAL NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "resource" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "records_upserted" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "sync_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_event" (
    "id" SERIAL NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "event_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMP(3),
    "outcome" TEXT,

    CONSTRAINT "webhook_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_data_request" (
    "id" SERIAL NOT NULL,
    "shop_id" INTEGER NOT NULL,
    "customer_id" BIGINT,
    "email" TEXT,
    "requested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "export" JSONB,

    CONSTRAINT "customer_data_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "shop_domain_key" ON "shop"("domain");

-- CreateIndex
CREATE INDEX "customer_shop_id_shopify_updated_at_idx" ON "customer"("shop_id", "shopify_updated_at");

-- CreateIndex
CREATE INDEX "customer_shop_id_email_idx" ON "customer"("shop_id", "email");

-- CreateIndex
CREATE INDEX "product_shop_id_shopify_updated_at_idx" ON "product"("shop_id", "shopify_updated_at");

-- CreateIndex
CREATE INDEX "product_variant_shop_id_product_id_idx" ON "product_variant"("shop_id", "product_id");

-- CreateIndex
CREATE INDEX "order_shop_id_processed_at_idx" ON "order"("shop_id", "processed_at");

-- CreateIndex
CREATE INDEX "order_shop_id_customer_id_idx" ON "order"("shop_id", "customer_id");

-- CreateIndex
CREATE INDEX "order_shop_id_shopify_updated_at_idx" ON "order"("shop_id", "shopify_updated_at");

-- CreateIndex
CREATE INDEX "order_line_item_shop_id_order_id_idx" ON "order_line_item"("shop_id", "order_id");

-- CreateIndex
CREATE INDEX "order_line_item_shop_id_product_id_idx" ON "order_line_item"("shop_id", "product_id");

-- CreateIndex
CREATE INDEX "refund_shop_id_order_id_idx" ON "refund"("shop_id", "order_id");

-- CreateIndex
CREATE INDEX "refund_shop_id_shopify_created_at_idx" ON "refund"("shop_id", "shopify_created_at");

-- CreateIndex
CREATE INDEX "refund_line_item_shop_id_refund_id_idx" ON "refund_line_item"("shop_id", "refund_id");

-- CreateIndex
CREATE INDEX "refund_line_item_shop_id_line_item_id_idx" ON "refund_line_item"("shop_id", "line_item_id");

-- CreateIndex
CREATE INDEX "sync_state_next_run_at_idx" ON "sync_state"("next_run_at");

-- CreateIndex
CREATE INDEX "sync_run_shop_id_started_at_idx" ON "sync_run"("shop_id", "started_at");

-- CreateIndex
CREATE INDEX "webhook_event_shop_id_received_at_idx" ON "webhook_event"("shop_id", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_event_shop_id_event_id_key" ON "webhook_event"("shop_id", "event_id");

-- CreateIndex
CREATE INDEX "customer_data_request_shop_id_requested_at_idx" ON "customer_data_request"("shop_id", "requested_at");

-- AddForeignKey
ALTER TABLE "customer" ADD CONSTRAINT "customer_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product" ADD CONSTRAINT "product_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_variant" ADD CONSTRAINT "product_variant_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_variant" ADD CONSTRAINT "product_variant_shop_id_product_id_fkey" FOREIGN KEY ("shop_id", "product_id") REFERENCES "product"("shop_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order" ADD CONSTRAINT "order_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_line_item" ADD CONSTRAINT "order_line_item_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_line_item" ADD CONSTRAINT "order_line_item_shop_id_order_id_fkey" FOREIGN KEY ("shop_id", "order_id") REFERENCES "order"("shop_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund" ADD CONSTRAINT "refund_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund" ADD CONSTRAINT "refund_shop_id_order_id_fkey" FOREIGN KEY ("shop_id", "order_id") REFERENCES "order"("shop_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund_line_item" ADD CONSTRAINT "refund_line_item_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund_line_item" ADD CONSTRAINT "refund_line_item_shop_id_refund_id_fkey" FOREIGN KEY ("shop_id", "refund_id") REFERENCES "refund"("shop_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_state" ADD CONSTRAINT "sync_state_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_run" ADD CONSTRAINT "sync_run_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_event" ADD CONSTRAINT "webhook_event_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_data_request" ADD CONSTRAINT "customer_data_request_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

