// Entry point for every webhook route. In order, before anything is written:
// 1. the body is read with a 1 MB cap (413 beyond; body.server.ts);
// 2. the HMAC is verified by authenticate.webhook (401 for a forged or tampered body);
// 3. the route's own topic must equal X-Shopify-Topic, the body must belong to that topic
//    and to the header's shop, and destructive events must be fresh (trust.ts) — the
//    HMAC covers only the body, so these are what stop a signed body of one kind being
//    replayed as another or against another tenant;
// 4. malformed JSON under a valid HMAC answers 400 (not 500).
// Every refusal of a verified request is recorded in webhook_refusal (no payload kept).
// Then the event is recorded in the queue and answered at once ("queued"; workers apply
// it: app/sync/webhook-queue.ts, app/queue/); concurrent deliveries share one multi-row
// INSERT, each answered after the commit that holds its row. Only bulk_operations/finish and events of
// shops we hold no row for are applied inside the request (app/sync/webhook-events.ts),
// a handler failure answering 500 so Shopify retries. The answer carries the outcome and a
// Server-Timing entry (handling time); bodies are ignored by Shopify.
import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "~/db.server";
import { authenticate } from "~/shopify.server";
import { processWebhook, type WebhookResult } from "~/sync/webhook-events";
import { createWebhookIntake, describeError, isDataTopic, isQueuedTopic } from "~/sync/webhook-queue";
import { notifyWebhookQueued, payloadSealer } from "~/queue/webhook-worker.server";
import { readCappedBody } from "./body.server";
import { ConcurrencyLimit } from "./concurrency-limit.server";
import { checkFreshness, checkPayloadBinding, topicEnum, type TenantFacts } from "./trust";

/**
 * Webhooks applied inside the request (bulk_operations/finish, shops we hold no row
 * for), one at a time per process; the rest wait their turn (see concurrency-limit).
 */
const admission = new ConcurrencyLimit(1);
const intake = createWebhookIntake(prisma, payloadSealer());

type Tenant = TenantFacts & { id: number };

/**
 * Shop rows of recent data deliveries (orders/…, customers/…, products/…, refunds/…), for
 * TENANT_CACHE_MS: those topics only need the row's id (their trust checks read nothing
 * else), and a burst of one shop would otherwise read the same row per delivery. A
 * cached id of a shop deleted meanwhile fails the INSERT (foreign key): 500, the entry
 * is dropped and Shopify's retry reads afresh. Destructive, compliance and shop topics
 * always read the row (they check its install times and Shopify id).
 */
const TENANT_CACHE_MS = 2_000;
const tenantCache = new Map<string, { tenant: Tenant; until: number }>();

async function findTenant(shop: string, topic: string): Promise<Tenant | null> {
  const cacheable = isDataTopic(topic);
  const now = Date.now();
  if (cacheable) {
    const hit = tenantCache.get(shop);
    if (hit && hit.until > now) return hit.tenant;
  }
  const tenant = await prisma.shop.findUnique({
    where: { domain: shop },
    select: { id: true, shopifyId: true, installedAt: true, uninstalledAt: true },
  });
  if (cacheable && tenant) {
    if (tenantCache.size >= 10_000) tenantCache.clear(); // bound: a cache, not a registry
    tenantCache.set(shop, { tenant, until: now + TENANT_CACHE_MS });
  }
  return tenant;
}

/** The action of the webhook route for one topic path, e.g. "shop/redact". */
export function webhookAction(routeTopic: string) {
  return ({ request }: ActionFunctionArgs) => receiveWebhook(request, routeTopic);
}

interface Refusal {
  shop: string;
  topic: string;
  routeTopic: string;
  eventId?: string;
  triggeredAt?: string;
  reason: string;
}

export async function receiveWebhook(request: Request, routeTopic: string): Promise<Response> {
  const started = performance.now();
  const answer = (status: number, outcome: string, extra: Record<string, string> = {}) => {
    const text = JSON.stringify({ outcome });
    return new Response(text, {
      status,
      headers: {
        "Content-Type": "application/json",
        // A known length below its threshold keeps the server's compression middleware
        // from gzipping a 20-byte answer per delivery (it did: 7% of a burst's CPU).
        "Content-Length": String(Buffer.byteLength(text)),
        "Server-Timing": `webhook;dur=${(performance.now() - started).toFixed(1)}`,
        ...extra,
      },
    });
  };
  if (request.method !== "POST") return answer(405, "method-not-allowed", { Allow: "POST" });

  const body = await readCappedBody(request);
  if (!body.ok) return answer(body.status, body.status === 413 ? "too-large" : "bad-request");

  // The library reads the body itself: hand it the bytes already read.
  const headers = new Headers(request.headers);
  headers.delete("Content-Length");
  const buffered = new Request(request.url, { method: "POST", headers, body: body.text, signal: request.signal });
  const route = topicEnum(routeTopic);
  let verified: Awaited<ReturnType<typeof authenticate.webhook>>;
  try {
    verified = await authenticate.webhook(buffered);
  } catch (thrown) {
    if (thrown instanceof Response)
      return answer(thrown.status, thrown.status === 401 ? "unauthorized" : "bad-request");
    if (thrown instanceof SyntaxError) {
      // JSON.parse runs after the HMAC check: the sender holds the secret, the body is broken.
      await recordRefusal({ ...fromHeaders(request.headers), routeTopic: route, reason: "malformed-json" });
      return answer(400, "malformed");
    }
    throw thrown;
  }
  const { shop, topic, payload } = verified;
  const eventId = ("eventId" in verified ? verified.eventId : undefined) ?? verified.webhookId;
  const refusal = { shop, topic, routeTopic: route, eventId, triggeredAt: verified.triggeredAt };
  if (topic !== route) {
    await recordRefusal({ ...refusal, reason: "route-topic-mismatch" });
    return answer(400, "refused");
  }

  const tenant = await findTenant(shop, topic);
  const binding = checkPayloadBinding(topic, shop, payload, tenant);
  if (!binding.ok) {
    await recordRefusal({ ...refusal, reason: binding.reason });
    return answer(400, "refused");
  }
  const freshness = checkFreshness(topic, verified.triggeredAt, tenant, new Date());
  if (!freshness.ok) {
    await recordRefusal({ ...refusal, reason: freshness.reason });
    // A stale destructive event is a genuine-looking delivery that will never apply:
    // 2xx stops Shopify's retries. A forged-looking one gets 400.
    return answer(freshness.kind === "stale" ? 200 : 400, "refused");
  }
  if (tenant && tenant.shopifyId === null && binding.shopifyId !== undefined) {
    // First verified shop payload: remember the shop id later compliance bodies must name.
    await prisma.shop.updateMany({ where: { domain: shop, shopifyId: null }, data: { shopifyId: binding.shopifyId } });
  }

  if (tenant && isQueuedTopic(topic)) {
    try {
      const outcome = await intake.enqueue({ shopId: tenant.id, topic, eventId, body: body.text });
      if (outcome === "queued") notifyWebhookQueued(tenant.id);
      return answer(200, outcome);
    } catch (error) {
      tenantCache.delete(shop); // its shop may be gone: the retry reads the row again
      // Not recorded (database unavailable…): 500, Shopify delivers it again.
      console.error(`[webhooks] ${topic} for ${shop} not recorded (event ${eventId}): ${describeError(error)}`);
      return answer(500, "failed");
    }
  }

  const result: WebhookResult = (await admission.run(
    () => processWebhook(prisma, { shop, topic, payload, eventId }),
    request.signal,
  )) ??
    // The sender hung up while this waited: nothing was done; its retry will be.
    { status: 503, outcome: "in-progress" };
  if (result.status === 500) {
    // Names and codes only: payload values (personal data) never reach the log.
    console.error(`[webhooks] ${topic} for ${shop} failed (event ${eventId}): ${describeError(result.error)}`);
  }
  return answer(result.status, result.outcome, result.status === 503 ? { "Retry-After": "5" } : {});
}

function fromHeaders(headers: Headers) {
  return {
    shop: headers.get("X-Shopify-Shop-Domain") ?? "",
    topic: topicEnum(headers.get("X-Shopify-Topic") ?? ""),
    eventId: headers.get("X-Shopify-Event-Id") ?? headers.get("X-Shopify-Webhook-Id") ?? undefined,
    triggeredAt: headers.get("X-Shopify-Triggered-At") ?? undefined,
  };
}

async function recordRefusal(refusal: Refusal): Promise<void> {
  const triggered = refusal.triggeredAt ? new Date(refusal.triggeredAt) : null;
  console.warn(`[webhooks] refused ${refusal.topic} on ${refusal.routeTopic} for ${refusal.shop}: ${refusal.reason}`);
  await prisma.webhookRefusal
    .create({
      data: {
        shopDomain: refusal.shop.slice(0, 255),
        topic: refusal.topic.slice(0, 100),
        routeTopic: refusal.routeTopic,
        eventId: refusal.eventId?.slice(0, 255) ?? null,
        triggeredAt: triggered && !Number.isNaN(triggered.getTime()) ? triggered : null,
        reason: refusal.reason,
      },
    })
    .catch((error) => console.error(`[webhooks] could not record a refusal: ${describeError(error)}`));
}
