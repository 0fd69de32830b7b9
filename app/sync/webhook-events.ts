// Exactly-once application of at-least-once webhooks. Each event id (X-Shopify-Event-Id,
// else X-Shopify-Webhook-Id) is claimed in webhook_event (unique per shop) before its
// handler runs and marked processed after it succeeds:
// - a duplicate of a processed event is acknowledged without running again;
// - a failed handler leaves the event unprocessed (outcome "failed") and the caller
//   answers 5xx, so Shopify's retry claims it again and re-applies it;
// - a claim left behind by a crashed process is taken over after CLAIM_TIMEOUT.
// Re-applying after a crash between the write and the "processed" mark is harmless:
// the store's newer-wins rule makes the second write a no-op.
import type { PrismaClient } from "@prisma/client";
import { handleWebhookWithoutShop, WEBHOOK_HANDLERS, type WebhookOutcome } from "./webhook-handlers";

/** An unprocessed claim older than this belongs to a process that died mid-way. */
const CLAIM_TIMEOUT_SECONDS = 120;

export interface VerifiedWebhook {
  /** myshopify domain from the verified request. */
  shop: string;
  /** Library enum spelling, e.g. "ORDERS_UPDATED". */
  topic: string;
  eventId: string;
  payload: unknown;
}

export type WebhookResult =
  | { status: 200; outcome: WebhookOutcome | "duplicate" }
  /** The same event is being applied by another request right now: retry later. */
  | { status: 503; outcome: "in-progress" }
  | { status: 500; outcome: "failed"; error: unknown };

export async function processWebhook(prisma: PrismaClient, webhook: VerifiedWebhook): Promise<WebhookResult> {
  try {
    return await applyOnce(prisma, webhook);
  } catch (error) {
    // The ledger itself failed (database unavailable…): nothing is marked, Shopify retries.
    return { status: 500, outcome: "failed", error };
  }
}

async function applyOnce(prisma: PrismaClient, webhook: VerifiedWebhook): Promise<WebhookResult> {
  const shop = await prisma.shop.findUnique({ where: { domain: webhook.shop } });
  if (!shop) {
    try {
      return { status: 200, outcome: await handleWebhookWithoutShop(prisma, webhook.topic, webhook.shop) };
    } catch (error) {
      return { status: 500, outcome: "failed", error };
    }
  }

  const handler = WEBHOOK_HANDLERS[webhook.topic];
  if (!handler) return { status: 200, outcome: "ignored" };

  const claimed = await prisma.$queryRaw<{ id: number }[]>`
    INSERT INTO webhook_event (shop_id, event_id, topic)
    VALUES (${shop.id}, ${webhook.eventId}, ${webhook.topic})
    ON CONFLICT (shop_id, event_id) DO UPDATE SET received_at = now(), outcome = NULL
    WHERE webhook_event.processed_at IS NULL
      AND (webhook_event.outcome = 'failed'
        OR webhook_event.received_at < now() - make_interval(secs => ${CLAIM_TIMEOUT_SECONDS}))
    RETURNING id`;
  const claimId = claimed[0]?.id;
  if (claimId === undefined) {
    const existing = await prisma.webhookEvent.findUnique({
      where: { shopId_eventId: { shopId: shop.id, eventId: webhook.eventId } },
      select: { processedAt: true },
    });
    return existing?.processedAt ? { status: 200, outcome: "duplicate" } : { status: 503, outcome: "in-progress" };
  }

  let outcome: WebhookOutcome;
  try {
    outcome = await handler({ prisma, shop, payload: webhook.payload });
  } catch (error) {
    await prisma.webhookEvent
      .updateMany({ where: { id: claimId, processedAt: null }, data: { outcome: "failed" } })
      .catch(() => undefined); // the 5xx and Shopify's retry matter more than this note
    return { status: 500, outcome: "failed", error };
  }
  // shop/redact deleted the shop and, with it, this row: nothing left to mark.
  await prisma.webhookEvent.updateMany({ where: { id: claimId }, data: { processedAt: new Date(), outcome } });
  return { status: 200, outcome };
}
