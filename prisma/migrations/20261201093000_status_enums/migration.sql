-- Status columns become enums (they were free text). Generated with
--   prisma migrate diff --from-schema-datamodel <previous schema.prisma> --to-schema-datamodel prisma/schema.prisma --script
-- (--from-migrations needs a shadow database, which hits prisma/orm#27403 offline). The
-- generated DROP COLUMN / ADD COLUMN pairs would lose the values of every row, so they
-- were rewritten as ALTER COLUMN ... TYPE ... USING, converting existing values in place.
-- A value outside the enum makes the cast fail and the migration stop (loud, not lossy).
-- No semicolons or quotes in these comments: the migration is split into statements naively.

-- CreateEnum
CREATE TYPE "sync_status" AS ENUM ('pending', 'backfilling', 'idle', 'error', 'needs_reauth', 'stopped');

-- CreateEnum
CREATE TYPE "backfill_status" AS ENUM ('pending', 'running', 'completed');

-- CreateEnum
CREATE TYPE "sync_run_kind" AS ENUM ('backfill', 'incremental', 'manual');

-- CreateEnum
CREATE TYPE "sync_run_status" AS ENUM ('running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "webhook_outcome" AS ENUM ('applied', 'stale', 'ignored', 'failed');

-- AlterTable: needs re-auth was status error recognised by its message text, now it is a status of its own.
ALTER TABLE "sync_state" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "sync_state" ALTER COLUMN "status" TYPE "sync_status" USING (
  CASE WHEN "status" = 'error' AND "last_error" LIKE 'needs re-auth:%' THEN 'needs_reauth' ELSE "status" END
)::"sync_status";
ALTER TABLE "sync_state" ALTER COLUMN "status" SET DEFAULT 'pending';

-- AlterTable: failed was documented but never written (a failed import stays running, resumable).
ALTER TABLE "sync_state" ALTER COLUMN "backfill_status" DROP DEFAULT;
ALTER TABLE "sync_state" ALTER COLUMN "backfill_status" TYPE "backfill_status" USING (
  CASE WHEN "backfill_status" = 'failed' THEN 'running' ELSE "backfill_status" END
)::"backfill_status";
ALTER TABLE "sync_state" ALTER COLUMN "backfill_status" SET DEFAULT 'pending';

-- AlterTable
ALTER TABLE "sync_run" ALTER COLUMN "kind" TYPE "sync_run_kind" USING "kind"::"sync_run_kind";
ALTER TABLE "sync_run" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "sync_run" ALTER COLUMN "status" TYPE "sync_run_status" USING "status"::"sync_run_status";
ALTER TABLE "sync_run" ALTER COLUMN "status" SET DEFAULT 'running';

-- AlterTable
ALTER TABLE "webhook_event" ALTER COLUMN "outcome" TYPE "webhook_outcome" USING "outcome"::"webhook_outcome";
