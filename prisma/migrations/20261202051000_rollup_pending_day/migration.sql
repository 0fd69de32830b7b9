-- Durable marks of local days whose rollups are behind their committed rows
-- (app/insights/rollup-pending.ts). BIGSERIAL names the sequence rollup_pending_day_mark_seq,
-- which every re-mark draws from.

-- CreateTable
CREATE TABLE "rollup_pending_day" (
    "shop_id" INTEGER NOT NULL,
    "local_date" DATE NOT NULL,
    "mark" BIGSERIAL NOT NULL,
    "marked_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rollup_pending_day_pkey" PRIMARY KEY ("shop_id","local_date")
);

-- CreateIndex
CREATE INDEX "rollup_pending_day_marked_at_idx" ON "rollup_pending_day"("marked_at");

-- AddForeignKey
ALTER TABLE "rollup_pending_day" ADD CONSTRAINT "rollup_pending_day_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

