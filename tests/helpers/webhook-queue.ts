// Webhooks are acknowledged once recorded and applied by the app's workers shortly
// after (app/sync/webhook-queue.ts): a test that asserts their effect first waits until
// no event of its shops is pending (applied, or dead-lettered — which the sync status
// shows and a test can assert).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import type { RunningSimulator } from "../../simulator/src/index";
import { webhookQueueStatus } from "~/sync/webhook-queue";
import { waitFor } from "../sync-support";

export async function webhooksApplied(
  prisma: PrismaClient,
  shops: string | readonly string[],
  timeoutMs = 60_000,
): Promise<void> {
  const domains = typeof shops === "string" ? [shops] : shops;
  await waitFor(
    async () => {
      const rows = await prisma.shop.findMany({ where: { domain: { in: [...domains] } }, select: { id: true } });
      for (const { id } of rows) if ((await webhookQueueStatus(prisma, id)).pending > 0) return false;
      return true;
    },
    `queued webhooks of ${domains.join(", ")} applied`,
    timeoutMs,
  );
}

/**
 * Make the simulator's `webhooksIdle()` mean "delivered and applied": after Shopify's
 * side is idle, also wait until the app applied every event it acknowledged for the
 * shops the simulator delivered to (tests written against in-request handling keep
 * their meaning). `databaseUrl`: the database the app writes.
 */
export function idleIncludesAppliedWebhooks(sim: RunningSimulator, databaseUrl: string): { close(): Promise<void> } {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });
  const delivered = sim.control.webhooksIdle.bind(sim.control);
  sim.control.webhooksIdle = async () => {
    await delivered();
    await webhooksApplied(prisma, [...new Set(sim.control.webhookDeliveries().map((d) => d.shop))]);
  };
  return { close: () => prisma.$disconnect() };
}
