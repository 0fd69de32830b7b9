// Whether the first sync has completed, for the pages' empty state: until the
// backfill of orders is done, zeros would look like real numbers. The numbers are
// app/sync/progress.ts's, the same the Sync status page shows.
import type { PrismaClient } from "@prisma/client";
import { backfillProgress, type BackfillView } from "~/sync/progress";

export interface BackfillProgress {
  /** True once every resource's backfill completed. */
  completed: boolean;
  /** 0..1 when known (records imported / expected, over all resources). */
  progress: number | null;
  status: BackfillView;
  needsReauth: boolean;
  lastError: string | null;
}

export async function getBackfillProgress(
  prisma: Pick<PrismaClient, "syncState">,
  shopId: number,
): Promise<BackfillProgress> {
  const states = await prisma.syncState.findMany({
    where: { shopId },
    select: {
      resource: true,
      status: true,
      backfillStatus: true,
      recordsStored: true,
      recordsExpected: true,
      lastError: true,
    },
  });
  const { completed, progress, status, needsReauth, lastError } = backfillProgress(states);
  return { completed, progress, status, needsReauth, lastError };
}
