// Coalesced rollup recomputation per shop. Every committed write must be followed by a
// recompute of the local days it touched; when many small writes arrive at once (a
// burst of webhooks), recomputing per write repeats the same work and serialises on
// the shop's advisory lock. Here, callers that arrive while a recompute of the shop is
// running join the next one, which covers all their days in a single pass. A caller's
// promise resolves only after a recompute that started after its call (hence after its
// commit) has finished, so "write returned" still means "rollups are right".
import type { PrismaClient } from "@prisma/client";
import { recomputeRollups } from "~/insights/rollups";

interface PendingBatch {
  dates: Set<string>;
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface ShopQueue {
  running: Promise<void> | null;
  next: PendingBatch | null;
}

const queues = new WeakMap<PrismaClient, Map<number, ShopQueue>>();

function queueFor(prisma: PrismaClient, shopId: number): ShopQueue {
  let byShop = queues.get(prisma);
  if (!byShop) queues.set(prisma, (byShop = new Map()));
  let queue = byShop.get(shopId);
  if (!queue) byShop.set(shopId, (queue = { running: null, next: null }));
  return queue;
}

function newBatch(): PendingBatch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { dates: new Set(), done, resolve, reject };
}

/** Recompute the rollups of `dates` for the shop, sharing the pass with concurrent callers. */
export function recomputeRollupsCoalesced(
  prisma: PrismaClient,
  shopId: number,
  dates: readonly string[],
): Promise<void> {
  if (dates.length === 0) return Promise.resolve();
  const queue = queueFor(prisma, shopId);
  queue.next ??= newBatch();
  const batch = queue.next;
  for (const date of dates) batch.dates.add(date);
  if (!queue.running) start(prisma, shopId, queue);
  return batch.done;
}

function start(prisma: PrismaClient, shopId: number, queue: ShopQueue): void {
  const batch = queue.next;
  if (!batch) {
    queue.running = null;
    return;
  }
  queue.next = null;
  queue.running = recomputeRollups(prisma, shopId, [...batch.dates]).then(
    () => batch.resolve(),
    (error: unknown) => batch.reject(error),
  );
  void queue.running.then(() => start(prisma, shopId, queue));
}
