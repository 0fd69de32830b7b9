// The version of a shop's insights answers (docs/decisions/answer-cache.md). Every write
// that changes what a dashboard, retention or insights page answer shows calls
// bumpAnswerVersion inside its own transaction, so the new version becomes visible
// together with the rows: an app instance that read the old version cannot have missed
// the write, and one that reads the new version finds its cached answer outdated.
import type { Prisma, PrismaClient } from "@prisma/client";

type Db = Pick<PrismaClient, "$executeRaw"> | Pick<Prisma.TransactionClient, "$executeRaw">;

export async function bumpAnswerVersion(db: Db, shopId: number): Promise<void> {
  // A non-key column: the FOR KEY SHARE locks that foreign-key checks of concurrent
  // inserts take on the shop row do not conflict with this update.
  await db.$executeRaw`UPDATE shop SET answer_version = answer_version + 1 WHERE id = ${shopId}`;
}
