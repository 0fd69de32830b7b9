-- AlterTable
ALTER TABLE "shop" ADD COLUMN     "shopify_id" BIGINT;

-- AlterTable
ALTER TABLE "customer_data_request" ADD COLUMN     "expires_at" TIMESTAMP(3),
ADD COLUMN     "sealed_export" TEXT;

-- CreateTable
CREATE TABLE "webhook_refusal" (
    "id" SERIAL NOT NULL,
    "shop_domain" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "route_topic" TEXT NOT NULL,
    "event_id" TEXT,
    "triggered_at" TIMESTAMP(3),
    "reason" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_refusal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_refusal_shop_domain_received_at_idx" ON "webhook_refusal"("shop_domain", "received_at");

-- CreateIndex
CREATE INDEX "customer_data_request_expires_at_idx" ON "customer_data_request"("expires_at");

