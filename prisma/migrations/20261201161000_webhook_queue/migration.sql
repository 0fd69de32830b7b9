-- AlterTable
ALTER TABLE "webhook_event" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "available_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "dead_at" TIMESTAMP(3),
ADD COLUMN     "last_error" TEXT,
ADD COLUMN     "payload" TEXT;

-- CreateIndex
CREATE INDEX "webhook_event_shop_id_processed_at_id_idx" ON "webhook_event"("shop_id", "processed_at", "id");

-- CreateIndex
CREATE INDEX "webhook_event_processed_at_available_at_idx" ON "webhook_event"("processed_at", "available_at");

