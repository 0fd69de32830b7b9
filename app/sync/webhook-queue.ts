// Queued webhook intake and its drain (docs/decisions/webhook-queue.md).
//
// The request records the verified event in webhook_event (payload sealed: it carries
// customer data) and answers at once; a worker then drains the shop's queued events in
// receipt order, up to DRAIN_BATCH per claim, applying each claim's data events with one
// set-based write per resource (one transaction per store batch, one rollup pass and one
// ledger-refresh mark per claim instead of one per event). Which worker runs the drain
// (pg-boss on PostgreSQL, an in-process drainer on the embedded database) is the
// caller's business (app/queue/); this module only knows the ledger.
//
// Exactly once, as before: the event id is unique per shop, so a redelivery is a
// duplicate; an event is marked processed only after its write, and re-applying after a
// crash between the two is a no-op thanks to the store's newer-wins rule. A claim is a
// short lease (available_at moves forward), so a crashed worker's events are taken
// again LEASE_SECONDS later. Failures are retried with backoff; an event that cannot be
// mapped, or that failed MAX_ATTEMPTS times, is dead-lettered (dead_at), kept with its
// payload and shown in the sync status. A redelivery of a dead event revives it.
import { createHash } from "node:crypto";
import type { PrismaClient, Shop } from "@prisma/client";
import { requestLedgerRefresh } from "./ledger-refresh";
import {
  customerFromWebhook,
  deletedIdFromWebhook,
  MappingError,
  orderFromWebhook,
  productFromWebhook,
  refundFromWebhook,
} from "./mapping";
import type { CustomerRecord, OrderRecord, ProductRecord, RefundRecord } from "./records";
import { addRefunds, deleteRecords, upsertCustomers, upsertOrders, upsertProducts } from "./store";
import { WEBHOOK_HANDLERS, type WebhookOutcome } from "./webhook-handlers";

/** Events taken per claim (and applied together). */
export const DRAIN_BATCH = 500;
/**
 * A claimed event is another worker's to take after this unless its worker renews the
 * lease (every LEASE_SECONDS / 3 while it applies): a killed worker's events come free
 * within seconds.
 */
export const LEASE_SECONDS = 10;
/** Failures before an event is dead-lettered. */
export const MAX_ATTEMPTS = 5;

/**
 * Topics applied through the queue: every topic with a handler for a shop we hold,
 * compliance and destructive ones included — in receipt order behind the shop's data
 * events, so a customers/redact cannot run before the customers/create it erases (a
 * redaction of a row not yet written would not stop the later write). Only
 * bulk_operations/finish stays in the request: it wakes a waiter of the receiving process.
 */
export function isQueuedTopic(topic: string): boolean {
  return topic !== "BULK_OPERATIONS_FINISH" && topic in WEBHOOK_HANDLERS;
}

/**
 * Data topics (orders/…, customers/…, products/…, refunds/…): applied set-based from the
 * payload alone; their trust checks need nothing of the shop row but its id.
 */
export function isDataTopic(topic: string): boolean {
  return topic in ITEM_OF;
}

/** Seals payloads at rest (app/security/crypto.ts with the process keyring). */
export interface PayloadSealer {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

// ---------------------------------------------------------------------------
// Intake

export interface QueuedWebhook {
  shopId: number;
  /** Library enum spelling, e.g. "ORDERS_UPDATED". */
  topic: string;
  eventId: string;
  /** The verified raw body. */
  body: string;
}

/**
 * Record the event durably. "queued": a worker will apply it; "duplicate": the event id
 * is already held (applied, queued or being applied). A dead event is revived with the
 * redelivered body (a manual resend is the operator's way to retry it).
 */
export async function enqueueWebhook(
  db: IntakeDatabase,
  event: QueuedWebhook,
  sealer: PayloadSealer,
): Promise<"queued" | "duplicate"> {
  const [outcome] = await insertEvents(db, [event], sealer);
  return outcome!;
}

/**
 * Where the intake's INSERT runs: the app's Prisma client, or a pg pool on the same
 * database. On PostgreSQL the web process gives the intake a small pool of its own
 * (app/webhooks/receive.server.ts): the same statement without the ORM's per-query work,
 * which was a quarter of the web process's CPU during a burst (≈0.2 ms of CPU per event
 * through Prisma against ≈0.05 ms through pg; docs/decisions/webhook-intake-throughput.md).
 */
export type IntakeDatabase =
  Pick<PrismaClient, "$queryRawUnsafe"> | { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };

const INSERT_EVENTS = `
    INSERT INTO webhook_event (shop_id, event_id, topic, payload)
    SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[])
    ON CONFLICT (shop_id, event_id) DO UPDATE
      SET payload = EXCLUDED.payload, topic = EXCLUDED.topic, dead_at = NULL, attempts = 0,
          available_at = now(), received_at = now(), outcome = NULL, last_error = NULL
      WHERE webhook_event.dead_at IS NOT NULL
    RETURNING shop_id, event_id`;

/**
 * One multi-row INSERT for events of distinct (shop, event id); outcome per event, in
 * order. Rows get ids in the given order (receipt order within the statement). The
 * statement commits on its own: when it returns, every row is durable.
 */
async function insertEvents(
  db: IntakeDatabase,
  events: readonly QueuedWebhook[],
  sealer: PayloadSealer,
): Promise<("queued" | "duplicate")[]> {
  const values = [
    events.map((e) => e.shopId),
    events.map((e) => e.eventId),
    events.map((e) => e.topic),
    events.map((e) => sealer.seal(e.body)),
  ];
  const rows = (
    "$queryRawUnsafe" in db
      ? await db.$queryRawUnsafe(INSERT_EVENTS, ...values)
      : (await db.query(INSERT_EVENTS, values)).rows
  ) as { shop_id: number; event_id: string }[];
  const recorded = new Set(rows.map((r) => `${r.shop_id} ${r.event_id}`));
  return events.map((e) => (recorded.has(`${e.shopId} ${e.eventId}`) ? "queued" : "duplicate"));
}

/**
 * Intake for concurrent requests: events recorded while an INSERT is in flight wait and
 * go together in the next one (a multi-row INSERT; at most `maxInFlight` at once), so
 * under a burst the database sees a few statements per round trip instead of one per
 * delivery, and a lone delivery waits for nobody. Each caller's promise settles after
 * the statement that holds its row has committed: a 200 still means "durable".
 */
export interface WebhookIntake {
  enqueue(event: QueuedWebhook): Promise<"queued" | "duplicate">;
}

export function createWebhookIntake(
  db: IntakeDatabase,
  sealer: PayloadSealer,
  options: { maxBatch?: number; maxInFlight?: number } = {},
): WebhookIntake {
  const maxBatch = options.maxBatch ?? 200;
  const maxInFlight = options.maxInFlight ?? 2;
  type Waiting = { event: QueuedWebhook; resolve: (o: "queued" | "duplicate") => void; reject: (e: unknown) => void };
  let waiting: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || inFlight >= maxInFlight || waiting.length === 0) return;
    scheduled = true;
    // The next turn of the event loop: requests whose bodies arrived together join.
    setImmediate(() => {
      scheduled = false;
      flush();
    });
  };

  const flush = () => {
    if (inFlight >= maxInFlight || waiting.length === 0) return;
    const batch = waiting.slice(0, maxBatch);
    waiting = waiting.slice(batch.length);
    inFlight += 1;
    write(batch).finally(() => {
      inFlight -= 1;
      schedule();
    });
    schedule();
  };

  const write = async (batch: Waiting[]) => {
    // A redelivery racing its original in one statement: one row, the later ones duplicates
    // (ON CONFLICT cannot touch one row twice in a statement).
    const first = new Map<string, Waiting>();
    const repeats: Waiting[] = [];
    for (const w of batch) {
      const key = `${w.event.shopId} ${w.event.eventId}`;
      if (first.has(key)) repeats.push(w);
      else first.set(key, w);
    }
    const distinct = [...first.values()];
    try {
      const outcomes = await insertEvents(
        db,
        distinct.map((w) => w.event),
        sealer,
      );
      distinct.forEach((w, i) => w.resolve(outcomes[i]!));
      for (const w of repeats) w.resolve("duplicate");
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      // One bad row (its shop deleted meanwhile…) must not fail the others: one at a time.
      for (const w of batch) await enqueueWebhook(db, w.event, sealer).then(w.resolve, w.reject);
    }
  };

  return {
    enqueue(event) {
      return new Promise((resolve, reject) => {
        waiting.push({ event, resolve, reject });
        schedule();
      });
    },
  };
}

// ---------------------------------------------------------------------------
// Drain

export interface DrainResult {
  /** Events marked processed (applied, stale or ignored). */
  processed: number;
  /** Events that failed and will be retried. */
  retrying: number;
  /** Events dead-lettered by this drain. */
  dead: number;
  /** More events were due when the time budget ran out: drain the shop again. */
  more: boolean;
}

interface ClaimedEvent {
  id: number;
  eventId: string;
  topic: string;
  payload: string;
  attempts: number;
}

interface DrainOptions {
  batchSize?: number;
  /** Stop claiming after this long (fairness between shops); `more` says so. */
  budgetMs?: number;
  log?: (line: string) => void;
}

/** Apply the shop's due queued events in receipt order, a claim at a time. */
export async function drainShopWebhooks(
  prisma: PrismaClient,
  shopId: number,
  sealer: PayloadSealer,
  options: DrainOptions = {},
): Promise<DrainResult> {
  const batchSize = options.batchSize ?? DRAIN_BATCH;
  const deadline = Date.now() + (options.budgetMs ?? 10_000);
  const result: DrainResult = { processed: 0, retrying: 0, dead: 0, more: false };
  for (;;) {
    if (Date.now() > deadline) {
      result.more = (await claimableCount(prisma, shopId)) > 0;
      return result;
    }
    const claimed = await claim(prisma, shopId, batchSize);
    if (claimed.length === 0) return result;
    const shop = await prisma.shop.findUnique({ where: { id: shopId } });
    if (!shop) return result; // redacted meanwhile: its events went with it
    const settled = await withLease(prisma, claimed, () => applyClaim(prisma, shop, claimed, sealer));
    await settle(prisma, shopId, settled, sealer, result, options.log);
    if (claimed.length < batchSize) return result;
  }
}

async function claim(prisma: PrismaClient, shopId: number, limit: number): Promise<ClaimedEvent[]> {
  const rows = await prisma.$queryRaw<ClaimedEvent[]>`
    UPDATE webhook_event e
    SET available_at = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = e.attempts + 1
    FROM (
      SELECT id FROM webhook_event
      WHERE shop_id = ${shopId} AND processed_at IS NULL AND dead_at IS NULL
        AND payload IS NOT NULL AND available_at <= now()
      ORDER BY id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) due
    WHERE e.id = due.id
    RETURNING e.id, e.event_id AS "eventId", e.topic, e.payload, e.attempts`;
  return rows.sort((a, b) => a.id - b.id); // receipt order
}

/** Run `apply` while renewing the claim's lease (a slow claim is not taken twice). */
async function withLease<T>(prisma: PrismaClient, claimed: ClaimedEvent[], apply: () => Promise<T>): Promise<T> {
  const ids = claimed.map((e) => e.id);
  const renew = setInterval(
    () => {
      prisma.$executeRaw`
      UPDATE webhook_event SET available_at = now() + make_interval(secs => ${LEASE_SECONDS})
      WHERE id = ANY(${ids}::int[]) AND processed_at IS NULL`.catch(() => undefined); // the next renewal retries
    },
    (LEASE_SECONDS * 1000) / 3,
  );
  try {
    return await apply();
  } finally {
    clearInterval(renew);
  }
}

async function claimableCount(prisma: PrismaClient, shopId: number): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM webhook_event
    WHERE shop_id = ${shopId} AND processed_at IS NULL AND dead_at IS NULL
      AND payload IS NOT NULL AND available_at <= now()`;
  return row?.n ?? 0;
}

type Settled =
  { event: ClaimedEvent; ok: true; outcome: WebhookOutcome } | { event: ClaimedEvent; ok: false; error: unknown };

// Data topics of one claim go through the store together; the others (shop/update,
// app/scopes_update) run alone at their place in receipt order. Within a group the order
// of events does not change the result: newer-wins on updated_at, tombstones for
// deletes, refunds after the orders of the same group (refunds/create only adds to
// orders we hold).
type Item =
  | { kind: "customer"; record: CustomerRecord }
  | { kind: "product"; record: ProductRecord }
  | { kind: "order"; record: OrderRecord }
  | { kind: "refund"; record: RefundRecord }
  | { kind: "delete"; resource: "customers" | "products" | "orders"; id: string };

const ITEM_OF: Readonly<Record<string, (payload: unknown) => Item>> = {
  CUSTOMERS_CREATE: (p) => ({ kind: "customer", record: customerFromWebhook(p) }),
  CUSTOMERS_UPDATE: (p) => ({ kind: "customer", record: customerFromWebhook(p) }),
  PRODUCTS_CREATE: (p) => ({ kind: "product", record: productFromWebhook(p) }),
  PRODUCTS_UPDATE: (p) => ({ kind: "product", record: productFromWebhook(p) }),
  ORDERS_CREATE: (p) => ({ kind: "order", record: orderFromWebhook(p) }),
  ORDERS_UPDATED: (p) => ({ kind: "order", record: orderFromWebhook(p) }),
  ORDERS_CANCELLED: (p) => ({ kind: "order", record: orderFromWebhook(p) }),
  ORDERS_PAID: (p) => ({ kind: "order", record: orderFromWebhook(p) }),
  REFUNDS_CREATE: (p) => ({ kind: "refund", record: refundFromWebhook(p) }),
  CUSTOMERS_DELETE: (p) => ({ kind: "delete", resource: "customers", id: deletedIdFromWebhook(p, "customers") }),
  PRODUCTS_DELETE: (p) => ({ kind: "delete", resource: "products", id: deletedIdFromWebhook(p, "products") }),
  ORDERS_DELETE: (p) => ({ kind: "delete", resource: "orders", id: deletedIdFromWebhook(p, "orders") }),
};

async function applyClaim(
  prisma: PrismaClient,
  shop: Shop,
  claimed: ClaimedEvent[],
  sealer: PayloadSealer,
): Promise<Settled[]> {
  const settled: Settled[] = [];
  let group: { event: ClaimedEvent; payload: unknown; item: Item }[] = [];
  const flush = async () => {
    if (group.length > 0) settled.push(...(await applyGroup(prisma, shop, group)));
    group = [];
  };
  for (const event of claimed) {
    let payload: unknown;
    let item: Item | undefined;
    try {
      payload = JSON.parse(sealer.open(event.payload));
      item = ITEM_OF[event.topic]?.(payload);
    } catch (error) {
      settled.push({ event, ok: false, error });
      continue;
    }
    if (item) {
      group.push({ event, payload, item });
      continue;
    }
    await flush();
    const one = await applyOne(prisma, shop, event, payload);
    settled.push(one);
    if (one.ok && event.topic === "CUSTOMERS_REDACT") await forgetDeadPayloadsOf(prisma, shop.id, payload, sealer);
  }
  await flush();
  return settled;
}

async function applyOne(prisma: PrismaClient, shop: Shop, event: ClaimedEvent, payload: unknown): Promise<Settled> {
  const handler = WEBHOOK_HANDLERS[event.topic];
  if (!handler) return { event, ok: true, outcome: "ignored" };
  try {
    return { event, ok: true, outcome: await handler({ prisma, shop, payload }) };
  } catch (error) {
    return { event, ok: false, error };
  }
}

async function applyGroup(
  prisma: PrismaClient,
  shop: Shop,
  group: { event: ClaimedEvent; payload: unknown; item: Item }[],
): Promise<Settled[]> {
  const of = <K extends Item["kind"]>(kind: K) =>
    group.filter((g): g is (typeof group)[number] & { item: Extract<Item, { kind: K }> } => g.item.kind === kind);
  const customers = of("customer");
  const products = of("product");
  const orders = of("order");
  const refunds = of("refund");
  const deletes = of("delete");
  try {
    const stale = new Set<number>(); // event ids (webhook_event.id) that changed nothing
    const applyUpserts = async <R extends { id: string; shopifyUpdatedAt: string }>(
      items: { event: ClaimedEvent; item: { record: R } }[],
      write: (records: R[]) => Promise<{ applied: number; storedNewer?: string[] }>,
    ) => {
      if (items.length === 0) return;
      // Within the claim only the newest version of a record can apply.
      const newest = new Map<string, { event: ClaimedEvent; record: R }>();
      for (const { event, item } of items) {
        const seen = newest.get(item.record.id);
        if (!seen || seen.record.shopifyUpdatedAt <= item.record.shopifyUpdatedAt) {
          if (seen) stale.add(seen.event.id);
          newest.set(item.record.id, { event, record: item.record });
        } else stale.add(event.id);
      }
      const result = await write([...newest.values()].map((n) => n.record));
      // Per-event outcome: exact when nothing or everything applied; otherwise the
      // records the store reports as held newer are the stale ones.
      const storedNewer = new Set(result.storedNewer ?? []);
      for (const { event, record } of newest.values())
        if (result.applied === 0 || storedNewer.has(record.id)) stale.add(event.id);
    };
    await applyUpserts(customers, (records) => upsertCustomers(prisma, shop.id, records));
    await applyUpserts(products, (records) => upsertProducts(prisma, shop.id, records));
    await applyUpserts(orders, (records) => upsertOrders(prisma, shop.id, records));
    if (refunds.length > 0) {
      const result = await addRefunds(
        prisma,
        shop.id,
        refunds.map((r) => r.item.record),
      );
      if (result.applied === 0) for (const r of refunds) stale.add(r.event.id);
    }
    for (const resource of ["customers", "products", "orders"] as const) {
      const items = deletes.filter((d) => d.item.resource === resource);
      if (items.length === 0) continue;
      const { deleted } = await deleteRecords(
        prisma,
        shop.id,
        resource,
        items.map((d) => d.item.id),
      );
      if (deleted === 0) for (const d of items) stale.add(d.event.id);
    }
    // Orders and refunds carry no sales ledger: mark the orders for a ledger read once
    // per claim, whatever the outcome (a re-applied event after a crash must still mark).
    const touchedOrders = [...orders.map((o) => o.item.record.id), ...refunds.map((r) => r.item.record.orderId)];
    if (touchedOrders.length > 0) await requestLedgerRefresh(prisma, shop.id, [...new Set(touchedOrders)]);
    return group.map(({ event }) => ({ event, ok: true, outcome: stale.has(event.id) ? "stale" : "applied" }));
  } catch {
    // One event's write failed the set: apply them one by one to find it (the others
    // are applied; newer-wins makes re-applying any written before the failure a no-op).
    const settled: Settled[] = [];
    for (const { event, payload } of group) settled.push(await applyOne(prisma, shop, event, payload));
    return settled;
  }
}

/**
 * customers/redact: dead-lettered events keep their payload (for an operator's look), so
 * the redaction must reach them too — every dead payload of the shop that names the
 * customer (id, email) or one of the orders to redact is deleted (the row stays, marked
 * "redacted"; a redelivery of the event revives it, and the redaction's tombstones keep
 * personal data from being written back). A payload is matched on its text: a number
 * elsewhere equal to an id also clears it — erring towards erasure. Pending events need
 * nothing: they are applied (behind the tombstones) and their payload dropped.
 * shop/redact deletes the shop row, and its events with it (cascade).
 */
async function forgetDeadPayloadsOf(
  prisma: PrismaClient,
  shopId: number,
  payload: unknown,
  sealer: PayloadSealer,
): Promise<void> {
  const p = (typeof payload === "object" && payload !== null ? payload : {}) as Record<string, unknown>;
  const customer = (typeof p.customer === "object" && p.customer !== null ? p.customer : {}) as Record<string, unknown>;
  const ids = [customer.id, ...(Array.isArray(p.orders_to_redact) ? p.orders_to_redact : [])]
    .map((id) => String(id ?? ""))
    .filter((id) => /^[0-9]+$/.test(id));
  const needles = ids.map((id) => new RegExp(`(?<![0-9])${id}(?![0-9])`));
  if (typeof customer.email === "string" && customer.email.length > 0)
    needles.push(new RegExp(customer.email.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i"));
  if (needles.length === 0) return;
  const dead = await prisma.$queryRaw<{ id: number; payload: string }[]>`
    SELECT id, payload FROM webhook_event
    WHERE shop_id = ${shopId} AND dead_at IS NOT NULL AND payload IS NOT NULL`;
  const named = dead
    .filter((row) => {
      let text: string;
      try {
        text = sealer.open(row.payload);
      } catch {
        return true; // cannot be read, so cannot be cleared of the customer: delete it
      }
      return needles.some((needle) => needle.test(text));
    })
    .map((row) => row.id);
  if (named.length > 0)
    await prisma.$executeRaw`
      UPDATE webhook_event SET payload = NULL, last_error = 'redacted'
      WHERE id = ANY(${named}::int[]) AND dead_at IS NOT NULL`;
}

/**
 * Applied events are kept this long, then deleted (the worker's sweep): the ledger's
 * dedupe only has to outlast Shopify's retries (hours), and a destructive event older
 * than this is refused as stale anyway (trust.ts DESTRUCTIVE_RETENTION_MS); a data event
 * redelivered after its row is gone is re-applied as a no-op (newer-wins, tombstones).
 * The default; operators keep them longer with STOREPULSE_WEBHOOK_RETENTION_DAYS.
 */
export const APPLIED_EVENT_RETENTION_DAYS = 7;

/** Delete applied events older than the retention, in bounded batches; returns how many. */
export async function pruneAppliedWebhooks(
  prisma: Pick<PrismaClient, "$executeRaw">,
  retentionDays: number = APPLIED_EVENT_RETENTION_DAYS,
  batch = 5_000,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const n = await prisma.$executeRaw`
      DELETE FROM webhook_event WHERE id IN (
        SELECT id FROM webhook_event
        WHERE processed_at < now() - make_interval(days => ${retentionDays})
        LIMIT ${batch})`;
    deleted += n;
    if (n < batch) return deleted;
  }
}

/** Seconds before the next attempt after `attempts` failures (2, 4, 8, 16…). */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(300, 2 ** attempts);
}

async function settle(
  prisma: PrismaClient,
  shopId: number,
  settled: Settled[],
  sealer: PayloadSealer,
  result: DrainResult,
  log: ((line: string) => void) | undefined,
): Promise<void> {
  const done = settled.filter((s): s is Extract<Settled, { ok: true }> => s.ok);
  if (done.length > 0) {
    await prisma.$executeRaw`
      UPDATE webhook_event e
      SET processed_at = now(), outcome = d.outcome::webhook_outcome, payload = NULL, last_error = NULL
      FROM unnest(${done.map((d) => d.event.id)}::int[], ${done.map((d) => d.outcome)}::text[]) AS d(id, outcome)
      WHERE e.id = d.id`;
    result.processed += done.length;
  }
  for (const failure of settled) {
    if (failure.ok) continue;
    const { event, error } = failure;
    const dead = diesNow(event, error);
    const reason = describeError(error);
    // Names and fields only: payload values (personal data) never reach the log.
    log?.(`[webhooks] ${event.topic} event ${event.eventId} failed (attempt ${event.attempts}): ${reason}`);
    await prisma.$executeRaw`
      UPDATE webhook_event
      SET outcome = 'failed', last_error = ${reason.slice(0, 500)},
          dead_at = CASE WHEN ${dead} THEN now() END,
          available_at = now() + make_interval(secs => ${retryDelaySeconds(event.attempts)})
      WHERE id = ${event.id} AND processed_at IS NULL`;
    if (dead) result.dead += 1;
    else result.retrying += 1;
  }
  const died = settled.flatMap((s) => (!s.ok && diesNow(s.event, s.error) ? [s.event] : []));
  if (died.length > 0) await forgetDeadPayloadsNamedByTombstones(prisma, shopId, died, sealer);
}

/** A payload that cannot be read or mapped will never apply; other failures retry until MAX_ATTEMPTS. */
function diesNow(event: ClaimedEvent, error: unknown): boolean {
  return error instanceof MappingError || error instanceof SyntaxError || event.attempts >= MAX_ATTEMPTS;
}

/**
 * An event can still be waiting for its retry when a customers/redact behind it is applied
 * (a retrying event does not hold the events after it), so forgetDeadPayloadsOf never saw
 * it as dead. When such an event dies later, the shop's redaction tombstones decide: a
 * payload naming a redacted order or customer id (any number in it, erring towards
 * erasure as forgetDeadPayloadsOf does) or a redacted email (tombstones keep its SHA-256)
 * is deleted like those the redaction itself reached.
 */
async function forgetDeadPayloadsNamedByTombstones(
  prisma: PrismaClient,
  shopId: number,
  events: ClaimedEvent[],
  sealer: PayloadSealer,
): Promise<void> {
  const tokens = new Map<number, { numbers: string[]; emails: string[] }>();
  for (const event of events) {
    let text: string;
    try {
      text = sealer.open(event.payload);
    } catch {
      continue; // unreadable: the redaction that reaches dead letters deletes it (forgetDeadPayloadsOf)
    }
    const numbers = [...new Set(text.match(/(?<![0-9])[0-9]{1,19}(?![0-9])/g) ?? [])];
    const emails = [...new Set((text.match(/[^\s"'<>,;:@]+@[^\s"'<>,;:@]+/g) ?? []).map(emailTombstone))];
    tokens.set(event.id, { numbers, emails });
  }
  if (tokens.size === 0) return;
  const all = [...tokens.values()];
  const matched = await prisma.$queryRaw<{ kind: string; value: string }[]>`
    SELECT kind, value FROM redaction_tombstone
    WHERE shop_id = ${shopId}
      AND ((kind IN ('order', 'customer') AND value = ANY(${all.flatMap((t) => t.numbers)}::text[]))
        OR (kind = 'email' AND value = ANY(${all.flatMap((t) => t.emails)}::text[])))`;
  if (matched.length === 0) return;
  const named = new Set(matched.map((m) => m.value));
  const ids = [...tokens]
    .filter(([, t]) => t.numbers.some((n) => named.has(n)) || t.emails.some((e) => named.has(e)))
    .map(([id]) => id);
  if (ids.length > 0)
    await prisma.$executeRaw`
      UPDATE webhook_event SET payload = NULL, last_error = 'redacted'
      WHERE id = ANY(${ids}::int[]) AND dead_at IS NOT NULL`;
}

/** The tombstone of an email (redaction.ts keeps the hex SHA-256 of the lower-cased address). */
function emailTombstone(email: string): string {
  return createHash("sha256").update(email.toLowerCase(), "utf8").digest("hex");
}

export function describeError(error: unknown): string {
  if (error instanceof MappingError) return `MappingError ${error.message}`; // field names, no values
  if (error && typeof error === "object") {
    const { name, code } = error as { name?: unknown; code?: unknown };
    return [name, code].filter((part) => typeof part === "string").join(" ") || "error";
  }
  return "error";
}

// ---------------------------------------------------------------------------
// Discovery and status

/**
 * Shops with queued events nobody is working on: events claimed before whose lease or
 * backoff has passed (a worker died holding them, or they failed), and events never
 * claimed `graceSeconds` after receipt (the receiving process died between recording and
 * waking a worker).
 */
export async function shopsWithOverdueWebhooks(
  prisma: Pick<PrismaClient, "$queryRaw">,
  graceSeconds: number,
): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ shop_id: number }[]>`
    SELECT DISTINCT shop_id FROM webhook_event
    WHERE processed_at IS NULL AND dead_at IS NULL AND payload IS NOT NULL
      AND ((attempts = 0 AND available_at <= now() - make_interval(secs => ${graceSeconds}))
        OR (attempts > 0 AND available_at <= now()))`;
  return rows.map((r) => r.shop_id);
}

export interface WebhookQueueStatus {
  /** Recorded, not yet applied (including retries). */
  pending: number;
  /** Among pending: failed at least once, waiting for the next attempt. */
  retrying: number;
  /** Gave up after repeated failures (dead letter); a redelivery retries one. */
  dead: number;
  /** When the oldest pending event was received (ISO), null when none. */
  oldestPendingAt: string | null;
  /** The last failure's error name (no payload values). */
  lastError: string | null;
}

export async function webhookQueueStatus(
  prisma: Pick<PrismaClient, "$queryRaw">,
  shopId: number,
): Promise<WebhookQueueStatus> {
  const [row] = await prisma.$queryRaw<
    { pending: number; retrying: number; dead: number; oldest: Date | null; last_error: string | null }[]
  >`
    SELECT count(*) FILTER (WHERE dead_at IS NULL)::int AS pending,
           count(*) FILTER (WHERE dead_at IS NULL AND outcome = 'failed')::int AS retrying,
           count(*) FILTER (WHERE dead_at IS NOT NULL)::int AS dead,
           min(received_at) FILTER (WHERE dead_at IS NULL) AS oldest,
           (array_agg(last_error ORDER BY available_at DESC) FILTER (WHERE last_error IS NOT NULL))[1] AS last_error
    FROM webhook_event
    WHERE shop_id = ${shopId} AND processed_at IS NULL AND payload IS NOT NULL`;
  return {
    pending: row?.pending ?? 0,
    retrying: row?.retrying ?? 0,
    dead: row?.dead ?? 0,
    oldestPendingAt: row?.oldest ? row.oldest.toISOString() : null,
    lastError: row?.last_error ?? null,
  };
}
