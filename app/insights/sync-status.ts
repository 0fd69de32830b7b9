// Whether the first sync has completed, for the pages' empty state: until the
// backfill of orders is done, zeros would look like real numbers.
import type { PrismaClient } from "@prisma/client";

export interface BackfillProgress {
  /** True once every resource's backfill completed (or it has none pending). */
  completed: boolean;
  /** 0..1 when known (records stored / expected). */
  progress: number | null;
  status: "pending" | "running" | "completed" | "failed";
  lastError: string | null;
}

export async function getBackfillProgress(
  prisma: Pick<PrismaClient, "syncState">,
  shopId: number,
): Promise<BackfillProgress> {
  const states = await prisma.syncState.findMany({
    where: { shopId },
    select: { resource: true, backfillStatus: true, recordsStored: true, recordsExpected: true, lastError: true },
  });
  if (states.length === 0) return { completed: false, progress: null, status: "pending", lastError: null };
  const orders = states.find((s) => s.resource === "orders");
  const completed = states.every((s) => s.backfillStatus === "completed");
  const failed = states.find((s) => s.backfillStatus === "failed");
  const stored = states.reduce((sum, s) => sum + s.recordsStored, 0);
  const expected = states.every((s) => s.recordsExpected !== null)
    ? states.reduce((sum, s) => sum + (s.recordsExpected ?? 0), 0)
    : null;
  const progress = completed ? 1 : expected && expected > 0 ? Math.min(1, stored / expected) : null;
  return {
    completed,
    progress,
    status: completed ? "completed" : failed ? "failed" : states.some((s) => s.backfillStatus === "running") ? "running" : "pending",
    lastError: failed?.lastError ?? orders?.lastError ?? null,
  };
}
