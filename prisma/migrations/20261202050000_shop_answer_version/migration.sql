-- The version of a shop's insights answers (app/insights/answer-cache.server.ts): bumped
-- in the same transaction as every write that changes what an answer shows (rollups,
-- customer and product rows, redaction), so an app instance that cached an answer under
-- an older version knows, with one cheap read of the shop row, that it is stale.
-- AlterTable
ALTER TABLE "shop" ADD COLUMN "answer_version" BIGINT NOT NULL DEFAULT 0;
