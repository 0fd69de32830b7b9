// Entry point for every webhook, by either door: the Remix route action
// (`webhookAction`, used by `remix vite:dev`) or the production server's own path ahead
// of Remix (`webhookNodeRoutes`, server.mjs; docs/decisions/webhooks-ahead-of-remix.md).
// In order, before anything is written:
// 1. the body is read with a 1 MB cap (413 beyond; body.server.ts);
// 2. the HMAC over the raw body is verified with the app secret, and the headers Shopify
//    always sends are required (verify.server.ts: 401 forged or tampered, 400 incomplete);
//    no session is loaded — the intake never calls Shopify;
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
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ActionFunctionArgs } from "@remix-run/node";
import pg from "pg";
import prisma from "~/db.server";
import { env } from "~/env.server";
import { processWebhook, type WebhookResult } from "~/sync/webhook-events";
import {
  createWebhookIntake,
  describeError,
  isDataTopic,
  isQueuedTopic,
  type IntakeDatabase,
} from "~/sync/webhook-queue";
import { notifyWebhookQueued, payloadSealer } from "~/queue/webhook-worker.server";
import { readCappedBody, readCappedNodeBody, type BodyResult } from "./body.server";
import { ConcurrencyLimit } from "./concurrency-limit.server";
import { checkFreshness, checkPayloadBinding, topicEnum, type TenantFacts } from "./trust";
import { verifyDelivery, type HeaderLookup } from "./verify.server";

/**
 * Webhooks applied inside the request (bulk_operations/finish, shops we hold no row
 * for), one at a time per process; the rest wait their turn (see concurrency-limit).
 */
const admission = new ConcurrencyLimit(1);

/**
 * With DATABASE_URL the intake's INSERTs go through a pool of their own: the statement is
 * the same, without Prisma's per-query work (a quarter of the web process's CPU during a
 * burst). Two connections: the intake keeps at most two INSERTs in flight. Each is one
 * autocommit statement, so a 200 still follows its row's commit. Without DATABASE_URL the
 * embedded database is the db module's own server: the app's client writes.
 * docs/decisions/webhook-intake-throughput.md.
 */
function intakeDatabase(): IntakeDatabase {
  if (!env.DATABASE_URL) return prisma;
  // allowExitOnIdle: idle connections do not hold a stopping process open.
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2, allowExitOnIdle: true });
  // An idle connection the server dropped: the pool replaces it on the next INSERT (without
  // a listener the error would end the process). Names only: the URL holds credentials.
  pool.on("error", (error) => console.error(`[webhooks] intake connection: ${describeError(error)}`));
  return pool;
}
const intake = createWebhookIntake(intakeDatabase(), payloadSealer());

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

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
const nodeRoutes = new Map<string, NodeHandler>();

/**
 * The webhook routes by URL path ("/webhooks/orders/create"), served on Node's request
 * and response without Remix by the production server (server.mjs, through the server
 * build's entry module): no Fetch Request/Response objects, no router, no compression.
 * Filled as the route modules load; server.mjs checks it against the build's routes.
 */
export const webhookNodeRoutes: ReadonlyMap<string, NodeHandler> = nodeRoutes;

/** The action of the webhook route for one topic path, e.g. "shop/redact". */
export function webhookAction(routeTopic: string) {
  nodeRoutes.set(`/webhooks/${routeTopic}`, (req, res) => receiveNodeWebhook(req, res, routeTopic));
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

interface Answer {
  status: number;
  outcome: string;
  headers?: Record<string, string>;
}

function answerHeaders(text: string, started: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "Content-Type": "application/json",
    // A known length below its threshold keeps a compression middleware from gzipping a
    // 20-byte answer per delivery (remix-serve's did: 7% of a burst's CPU).
    "Content-Length": String(Buffer.byteLength(text)),
    "Server-Timing": `webhook;dur=${(performance.now() - started).toFixed(1)}`,
    ...extra,
  };
}

export async function receiveWebhook(request: Request, routeTopic: string): Promise<Response> {
  const started = performance.now();
  const answer = await handleDelivery(
    routeTopic,
    request.method,
    (name) => request.headers.get(name) ?? undefined,
    () => readCappedBody(request),
    request.signal,
  );
  const text = JSON.stringify({ outcome: answer.outcome });
  return new Response(text, { status: answer.status, headers: answerHeaders(text, started, answer.headers) });
}

async function receiveNodeWebhook(req: IncomingMessage, res: ServerResponse, routeTopic: string): Promise<void> {
  const started = performance.now();
  // The sender hung up before the answer: what waits for a turn is dropped (see admission).
  const hangUp = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) hangUp.abort();
  });
  let answer: Answer;
  try {
    answer = await handleDelivery(
      routeTopic,
      req.method ?? "GET",
      (name) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value.join(", ") : value;
      },
      () => readCappedNodeBody(req),
      hangUp.signal,
    );
  } catch (error) {
    // What the Remix route would answer for a throwing action, without the stack.
    console.error(`[webhooks] ${routeTopic}: ${describeError(error)}`);
    answer = { status: 500, outcome: "failed" };
  }
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify({ outcome: answer.outcome });
  res.writeHead(answer.status, answerHeaders(text, started, answer.headers));
  res.end(text);
}

async function handleDelivery(
  routeTopic: string,
  method: string,
  header: HeaderLookup,
  readBody: () => Promise<BodyResult>,
  signal: AbortSignal | undefined,
): Promise<Answer> {
  if (method !== "POST") return { status: 405, outcome: "method-not-allowed", headers: { Allow: "POST" } };

  const body = await readBody();
  if (!body.ok) {
    // The rest of a refused body may still be arriving: close rather than read it.
    const outcome = body.status === 413 ? "too-large" : "bad-request";
    return { status: body.status, outcome, headers: { Connection: "close" } };
  }

  const check = verifyDelivery(env.SHOPIFY_API_SECRET, body.bytes, header);
  if (!check.valid) return { status: check.status, outcome: check.status === 401 ? "unauthorized" : "bad-request" };
  const route = topicEnum(routeTopic);
  const { shop } = check;
  const topic = topicEnum(check.topic);
  const eventId = check.eventId ?? check.webhookId;
  const refusal = { shop, topic, routeTopic: route, eventId, triggeredAt: check.triggeredAt };
  const text = body.bytes.toString("utf8");
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    // Parsed after the HMAC check: the sender holds the secret, the body is broken.
    await recordRefusal({ ...refusal, reason: "malformed-json" });
    return { status: 400, outcome: "malformed" };
  }
  if (topic !== route) {
    await recordRefusal({ ...refusal, reason: "route-topic-mismatch" });
    return { status: 400, outcome: "refused" };
  }

  const tenant = await findTenant(shop, topic);
  const binding = checkPayloadBinding(topic, shop, payload, tenant);
  if (!binding.ok) {
    await recordRefusal({ ...refusal, reason: binding.reason });
    return { status: 400, outcome: "refused" };
  }
  const freshness = checkFreshness(topic, check.triggeredAt, tenant, new Date());
  if (!freshness.ok) {
    await recordRefusal({ ...refusal, reason: freshness.reason });
    // A stale destructive event is a genuine-looking delivery that will never apply:
    // 2xx stops Shopify's retries. A forged-looking one gets 400.
    return { status: freshness.kind === "stale" ? 200 : 400, outcome: "refused" };
  }
  if (tenant && tenant.shopifyId === null && binding.shopifyId !== undefined) {
    // First verified shop payload: remember the shop id later compliance bodies must name.
    await prisma.shop.updateMany({ where: { domain: shop, shopifyId: null }, data: { shopifyId: binding.shopifyId } });
  }

  if (tenant && isQueuedTopic(topic)) {
    try {
      const outcome = await intake.enqueue({ shopId: tenant.id, topic, eventId, body: text });
      if (outcome === "queued") notifyWebhookQueued(tenant.id);
      return { status: 200, outcome };
    } catch (error) {
      tenantCache.delete(shop); // its shop may be gone: the retry reads the row again
      // Not recorded (database unavailable…): 500, Shopify delivers it again.
      console.error(`[webhooks] ${topic} for ${shop} not recorded (event ${eventId}): ${describeError(error)}`);
      return { status: 500, outcome: "failed" };
    }
  }

  const result: WebhookResult = (await admission.run(
    () => processWebhook(prisma, { shop, topic, payload, eventId }),
    signal,
  )) ??
    // The sender hung up while this waited: nothing was done; its retry will be.
    { status: 503, outcome: "in-progress" };
  if (result.status === 500) {
    // Names and codes only: payload values (personal data) never reach the log.
    console.error(`[webhooks] ${topic} for ${shop} failed (event ${eventId}): ${describeError(result.error)}`);
  }
  return {
    status: result.status,
    outcome: result.outcome,
    headers: result.status === 503 ? { "Retry-After": "5" } : {},
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
