-- CreateTable
CREATE TABLE "deleted_record" (
    "shop_id" INTEGER NOT NULL,
    "resource" TEXT NOT NULL,
    "id" BIGINT NOT NULL,
    "deleted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deleted_record_pkey" PRIMARY KEY ("shop_id","resource","id")
);

-- AddForeignKey
ALTER TABLE "deleted_record" ADD CONSTRAINT "deleted_record_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

