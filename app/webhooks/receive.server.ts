// Entry point for every webhook route: verify (HMAC via authenticate.webhook; a forged
// or tampered request gets 401 from the library), then apply exactly once
// (app/sync/webhook-events.ts). A handler failure answers 500 so Shopify retries.
// The answer carries the outcome and a Server-Timing entry (handling time, measured
// by the tests); bodies are ignored by Shopify.
import prisma from "~/db.server";
import { authenticate } from "~/shopify.server";
import { MappingError } from "~/sync/mapping";
import { processWebhook, type WebhookResult } from "~/sync/webhook-events";
import { ConcurrencyLimit } from "./concurrency-limit.server";

/**
 * Webhooks applied at once per process; the rest wait their turn (see concurrency-limit).
 * One: a single webhook's write and rollup pass take tens of milliseconds, and the
 * embedded database (PGlite over its socket) interleaves the protocol messages of
 * concurrent connections, which corrupts statements under load. On PostgreSQL a few
 * more would be safe; the gain is small next to Shopify's 5 s budget.
 */
const admission = new ConcurrencyLimit(1);

export async function receiveWebhook(request: Request): Promise<Response> {
  const started = performance.now();
  const { shop, topic, payload, eventId, webhookId } = await authenticate.webhook(request);
  const result: WebhookResult =
    (await admission.run(() => processWebhook(prisma, { shop, topic, payload, eventId: eventId ?? webhookId }), request.signal)) ??
    // The sender hung up while this waited: nothing was done; its retry will be.
    { status: 503, outcome: "in-progress" };
  if (result.status === 500) {
    // Names and codes only: payload values (personal data) never reach the log.
    console.error(`[webhooks] ${topic} for ${shop} failed (event ${eventId ?? webhookId}): ${describeError(result.error)}`);
  }
  const duration = (performance.now() - started).toFixed(1);
  return new Response(JSON.stringify({ outcome: result.outcome }), {
    status: result.status,
    headers: {
      "Content-Type": "application/json",
      "Server-Timing": `webhook;dur=${duration}`,
      ...(result.status === 503 ? { "Retry-After": "5" } : {}),
    },
  });
}

function describeError(error: unknown): string {
  if (error instanceof MappingError) return error.message; // field names, no values
  if (error && typeof error === "object") {
    const { name, code } = error as { name?: unknown; code?: unknown };
    return [name, code].filter((part) => typeof part === "string").join(" ") || "error";
  }
  return "error";
}
