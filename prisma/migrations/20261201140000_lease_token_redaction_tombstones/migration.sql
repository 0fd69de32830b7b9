-- AlterTable
ALTER TABLE "sync_state" ADD COLUMN     "lease_token" TEXT;

-- CreateTable
CREATE TABLE "redaction_tombstone" (
    "shop_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "redacted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "redaction_tombstone_pkey" PRIMARY KEY ("shop_id","kind","value")
);

-- AddForeignKey
ALTER TABLE "redaction_tombstone" ADD CONSTRAINT "redaction_tombstone_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

