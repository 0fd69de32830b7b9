// The one-time retention rebuild of a shop that predates the cohort rollups (or whose
// cohort rows are gone): its incremental refreshes only ever add the customers of new
// batches, so without it the Retention page shows empty or partial cohorts. A sync batch
// does it by itself (refreshCohortRollups); this is the door for a shop with no batch in
// sight — its Retention page asks for it. Safe when several instances ask at once: the
// rebuild runs under the shop's rollup lock and checks again once it holds it.
import type { PrismaClient } from "@prisma/client";
import { bumpAnswerVersion } from "./answer-version";
import { cohortRebuildNeeded, rebuildCohortRollups } from "./cohort-rollups";
import { lockShop } from "./rollups";

/** Rebuild the shop's retention rollups if they were never built from all its orders; true when it did. */
export async function ensureCohortRollups(prisma: PrismaClient, shopId: number): Promise<boolean> {
  // Cheap check first, without waiting for a sync batch that may hold the lock.
  const needed = await cohortRebuildNeeded(prisma, shopId);
  if (!needed) return false;
  return prisma.$transaction(
    async (tx) => {
      await lockShop(tx, shopId);
      if (!(await cohortRebuildNeeded(tx, shopId))) return false;
      await tx.$executeRawUnsafe(`SET LOCAL jit = off`);
      await tx.$executeRawUnsafe(`SET LOCAL work_mem = '256MB'`);
      await rebuildCohortRollups(tx, shopId);
      await bumpAnswerVersion(tx, shopId);
      return true;
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}

const running = new Map<number, Promise<boolean>>();

/**
 * ensureCohortRollups once per shop at a time in this process, without the caller
 * waiting longer than `waitMs` (a page load): resolves to "done" when the rollups are
 * complete within it, "building" while the rebuild goes on in the background.
 */
export async function ensureCohortRollupsSoon(
  prisma: PrismaClient,
  shopId: number,
  waitMs: number,
): Promise<"done" | "building"> {
  let build = running.get(shopId);
  if (!build) {
    build = ensureCohortRollups(prisma, shopId).finally(() => running.delete(shopId));
    running.set(shopId, build);
  }
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<"building">((resolve) => (timer = setTimeout(() => resolve("building"), waitMs)));
  try {
    return await Promise.race([build.then(() => "done" as const), waited]);
  } finally {
    clearTimeout(timer);
  }
}
