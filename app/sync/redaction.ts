// customers/redact tombstones: what a redaction named — the customer's id, their email
// and the orders to redact — kept per shop, so that personal data erased once is not
// written back when it arrives later: an order the backfill has not reached yet, an
// incremental sync, a late or replayed webhook. Every write path of orders and
// customers (store.ts) calls the erase functions below inside its own transaction,
// after its upsert, so no other reader ever sees the personal fields.
//
// Kept per tombstone: the Shopify numeric id (order, customer) or, for an email, the
// hex SHA-256 of the lower-cased address — the address itself is what was to be
// forgotten. Tombstones go with the shop (shop/redact cascades).
//
// Personal fields we hold: customer first/last name, email, phone, tags; order email;
// refund note (free text a merchant types, often about the customer). Order amounts
// and ids stay: they are not personal on their own and the metrics need them.
import { Prisma } from "@prisma/client";

type Tx = Prisma.TransactionClient;

export interface RedactionRequest {
  customerId: string | null;
  email: string | null;
  orderIds: string[];
}

/** The SQL for an email's tombstone value (same expression when recording and matching). */
function emailKey(email: Prisma.Sql | string): Prisma.Sql {
  const value = typeof email === "string" ? Prisma.sql`${email}::text` : email;
  return Prisma.sql`encode(sha256(convert_to(lower(${value}), 'UTF8')), 'hex')`;
}

// Redactions against writers that skip the erase statements when the shop has no
// tombstones (a backfill's batches, store.ts writeOrderBatch "guarded"): such a writer
// holds this shop's lock shared from before it reads the tombstones until its commit,
// and a redaction holds it exclusively from before it records its tombstones until its
// commit. So a redaction either committed before the writer's read (which then sees
// its tombstones and erases) or waits for the writer's commit, and its own UPDATEs then
// see the rows the writer inserted. Without it, an order a batch inserted while a
// redaction ran was invisible to both. Class id of pg_advisory_xact_lock(int, int); the
// rollups' lock is 7_349_120.
const REDACTION_LOCK_CLASS = 7_349_121;

/** The SQL expression that takes the shop's redaction lock shared (for a batch's first statement). */
export function redactionLockShared(shopId: number): Prisma.Sql {
  return Prisma.sql`pg_advisory_xact_lock_shared(${REDACTION_LOCK_CLASS}::int, ${shopId}::int)`;
}

/** Record a redaction's tombstones; first in the redaction's transaction (it takes the shop's redaction lock). */
export async function recordRedactionTombstones(tx: Tx, shopId: number, request: RedactionRequest): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${REDACTION_LOCK_CLASS}::int, ${shopId}::int)) AS l`;
  const values: Prisma.Sql[] = request.orderIds.map((id) => Prisma.sql`('order', ${id}::text)`);
  if (request.customerId !== null) values.push(Prisma.sql`('customer', ${request.customerId}::text)`);
  if (request.email !== null) values.push(Prisma.sql`('email', ${emailKey(request.email)})`);
  if (values.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO redaction_tombstone (shop_id, kind, value)
    SELECT ${shopId}, t.kind, t.value FROM (VALUES ${Prisma.join(values)}) AS t(kind, value)
    ON CONFLICT DO NOTHING`;
}

/**
 * After orders were written: erase the personal fields of those among `orderIds` that
 * are redacted — already (redacted_at), by a tombstone (order id, customer id, email) or
 * because their customer is — and the notes of their refunds. Returns the orders erased now.
 */
export async function eraseRedactedOrders(tx: Tx, shopId: number, orderIds: string[]): Promise<number> {
  if (orderIds.length === 0) return 0;
  const erased = await tx.$executeRaw`
    UPDATE "order" o SET email = NULL, redacted_at = coalesce(o.redacted_at, now())
    WHERE o.shop_id = ${shopId} AND o.id = ANY(${orderIds}::bigint[])
      AND (o.redacted_at IS NULL OR o.email IS NOT NULL)
      AND (o.redacted_at IS NOT NULL
        OR EXISTS (SELECT 1 FROM redaction_tombstone t
                   WHERE t.shop_id = ${shopId} AND t.kind = 'order' AND t.value = o.id::text)
        OR (o.customer_id IS NOT NULL AND EXISTS (SELECT 1 FROM redaction_tombstone t
                   WHERE t.shop_id = ${shopId} AND t.kind = 'customer' AND t.value = o.customer_id::text))
        OR (o.email IS NOT NULL AND EXISTS (SELECT 1 FROM redaction_tombstone t
                   WHERE t.shop_id = ${shopId} AND t.kind = 'email' AND t.value = ${emailKey(Prisma.raw("o.email"))}))
        OR EXISTS (SELECT 1 FROM customer c
                   WHERE c.shop_id = ${shopId} AND c.id = o.customer_id AND c.redacted_at IS NOT NULL))`;
  await tx.$executeRaw`
    UPDATE refund r SET note = NULL
    FROM "order" o
    WHERE r.shop_id = ${shopId} AND r.order_id = ANY(${orderIds}::bigint[]) AND r.note IS NOT NULL
      AND o.shop_id = ${shopId} AND o.id = r.order_id AND o.redacted_at IS NOT NULL`;
  return erased;
}

/** After customers were written: erase those among `customerIds` with a tombstone. */
export async function eraseRedactedCustomers(tx: Tx, shopId: number, customerIds: string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE customer c SET first_name = NULL, last_name = NULL, email = NULL, phone = NULL, tags = '{}',
      redacted_at = coalesce(c.redacted_at, now())
    WHERE c.shop_id = ${shopId} AND c.id = ANY(${customerIds}::bigint[])
      AND (c.redacted_at IS NULL OR c.first_name IS NOT NULL OR c.last_name IS NOT NULL
        OR c.email IS NOT NULL OR c.phone IS NOT NULL OR cardinality(c.tags) > 0)
      AND (c.redacted_at IS NOT NULL
        OR EXISTS (SELECT 1 FROM redaction_tombstone t
                   WHERE t.shop_id = ${shopId} AND t.kind = 'customer' AND t.value = c.id::text))`;
}
