// A shop's lifecycle and its customers' privacy rights, as Shopify announces them by
// webhook: uninstall, shop/update, scope changes, and the mandatory compliance topics
// (shop/redact, customers/redact, customers/data_request). Reinstall is the install
// path's job (app/sync/install.ts resumes stopped sync states).
import { Prisma, type PrismaClient, type Shop } from "@prisma/client";
import { bumpAnswerVersion } from "~/insights/answer-version";
import { adjustCustomerTotal } from "~/insights/customer-summary";
import { recomputeAllRollups } from "~/insights/rollups";
import { parseShopifyId } from "./mapping";
import { recordRedactionTombstones } from "./redaction";

type Json = Record<string, unknown>;

function asObject(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function idList(value: unknown, field: string): string[] {
  return Array.isArray(value) ? value.map((v, i) => parseShopifyId(v, `${field}[${i}]`)) : [];
}

// ---------------------------------------------------------------------------
// Uninstall, shop/update, scopes

/**
 * app/uninstalled: the app's access is gone. Sessions (tokens) are deleted, the shop is
 * marked uninstalled and its sync stopped (no further Admin API calls). Data stays
 * until shop/redact; a reinstall re-imports it from scratch (install.ts).
 */
export async function uninstallShop(prisma: PrismaClient, domain: string): Promise<void> {
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { shop: domain } }),
    prisma.shop.updateMany({ where: { domain }, data: { uninstalledAt: new Date() } }),
    prisma.syncState.updateMany({
      where: { shop: { domain } },
      data: { status: "stopped", leaseOwner: null, leaseExpiresAt: null },
    }),
  ]);
}

/**
 * shop/update: name, currency and time zone. Local days depend on the zone, so a zone
 * change rebuilds every rollup of the shop.
 */
export async function updateShopDetails(
  prisma: PrismaClient,
  shop: Shop,
  payload: unknown,
): Promise<{ timeZoneChanged: boolean }> {
  const p = asObject(payload);
  const text = (value: unknown) => (typeof value === "string" && value.length > 0 ? value : undefined);
  const ianaTimezone = text(p.iana_timezone);
  await prisma.shop.update({
    where: { id: shop.id },
    data: {
      name: text(p.name),
      email: text(p.email),
      currencyCode: text(p.currency),
      ianaTimezone,
      planName: text(p.plan_display_name),
    },
  });
  const timeZoneChanged = ianaTimezone !== undefined && ianaTimezone !== shop.ianaTimezone;
  if (timeZoneChanged) await recomputeAllRollups(prisma, shop.id);
  return { timeZoneChanged };
}

/** app/scopes_update: the scopes the merchant granted now. */
export async function updateGrantedScopes(prisma: PrismaClient, shopId: number, payload: unknown): Promise<void> {
  const current = asObject(payload).current;
  const scopes = Array.isArray(current) ? current.map(String) : typeof current === "string" ? current.split(",") : null;
  if (!scopes) return;
  await prisma.shop.update({
    where: { id: shopId },
    data: {
      grantedScopes: scopes
        .map((s) => s.trim())
        .filter(Boolean)
        .join(","),
    },
  });
}

// ---------------------------------------------------------------------------
// Compliance

/**
 * shop/redact (48 hours after uninstall): every row of the shop goes. Tenant tables
 * cascade from the shop row; sessions are keyed by domain and deleted alongside.
 */
export async function redactShop(prisma: PrismaClient, domain: string): Promise<void> {
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { shop: domain } }),
    prisma.webhookRefusal.deleteMany({ where: { shopDomain: domain } }),
    prisma.shop.deleteMany({ where: { domain } }),
  ]);
}

export interface RedactionResult {
  customerId: string | null;
  ordersRedacted: number;
}

/**
 * customers/redact: erase the customer's personal data — name, email, phone, tags —
 * the personal fields of their orders (email) and the notes of those orders' refunds,
 * and any data-request export about them. Order amounts and the customer's numeric id
 * stay: they are not personal on their own and the metrics (sales, new vs returning
 * customers) need them. redacted_at and the redaction's tombstones (redaction.ts) make
 * the erasure stick: later payloads cannot write personal data back (store.ts), also
 * for orders named here that we do not hold yet (the backfill has not reached them, a
 * webhook was missed), and a customer we do not hold yet gets a redacted placeholder row.
 */
export async function redactCustomer(prisma: PrismaClient, shopId: number, payload: unknown): Promise<RedactionResult> {
  const p = asObject(payload);
  const customer = asObject(p.customer);
  const customerId =
    customer.id === undefined || customer.id === null ? null : parseShopifyId(customer.id, "customer.id");
  const email = typeof customer.email === "string" && customer.email.length > 0 ? customer.email : null;
  const orderIds = idList(p.orders_to_redact, "orders_to_redact");

  return prisma.$transaction(async (tx) => {
    await recordRedactionTombstones(tx, shopId, { customerId, email, orderIds });
    if (customerId !== null) {
      const [row] = await tx.$queryRaw<{ inserted: boolean }[]>`
        INSERT INTO customer (shop_id, id, shopify_updated_at, redacted_at)
        VALUES (${shopId}, ${customerId}::bigint, to_timestamp(0) AT TIME ZONE 'UTC', now())
        ON CONFLICT (shop_id, id) DO UPDATE SET
          first_name = NULL, last_name = NULL, email = NULL, phone = NULL, tags = '{}',
          redacted_at = coalesce(customer.redacted_at, now()), updated_at = now()
        RETURNING (xmax = 0) AS inserted`;
      // A placeholder row is a customer the Customers page lists: the stored total counts it.
      if (row?.inserted) await adjustCustomerTotal(tx, shopId, 1);
    }
    const redacted = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "order" SET email = NULL, redacted_at = coalesce(redacted_at, now()), updated_at = now()
      WHERE shop_id = ${shopId}
        AND (id = ANY(${orderIds}::bigint[])
          OR (${customerId}::bigint IS NOT NULL AND customer_id = ${customerId}::bigint)
          OR (${email}::text IS NOT NULL AND lower(email) = lower(${email}::text)))
      RETURNING id::text AS id`;
    const ordersRedacted = redacted.length;
    // Refund notes are free text about the order, often about its customer.
    await tx.$executeRaw`
      UPDATE refund SET note = NULL
      WHERE shop_id = ${shopId} AND order_id = ANY(${redacted.map((r) => r.id)}::bigint[]) AND note IS NOT NULL`;
    await tx.$executeRaw`
      DELETE FROM customer_data_request
      WHERE shop_id = ${shopId}
        AND ((${customerId}::bigint IS NOT NULL AND customer_id = ${customerId}::bigint)
          OR (${email}::text IS NOT NULL AND lower(email) = lower(${email}::text)))`;
    await bumpAnswerVersion(tx, shopId); // top-customers answers showed the erased name and email
    return { customerId, ordersRedacted };
  });
}

/**
 * How data-request exports are kept: sealed at rest (AES-256-GCM, app/security) and
 * deleted after `retentionDays`. Registered once by the app's wiring (shopify.server.ts)
 * so this module stays free of configuration; without one, exports are refused (500,
 * Shopify retries) rather than stored in plaintext.
 */
export interface ExportVault {
  seal(plaintext: string): string;
  open(sealed: string): string;
  retentionDays: number;
}

let vault: ExportVault | undefined;

export function configureExportVault(configured: ExportVault): void {
  vault = configured;
}

function requireVault(): ExportVault {
  if (!vault) throw new Error("data-request export vault not configured");
  return vault;
}

/** Deletes every data-request export past its retention (all shops). */
export async function purgeExpiredDataRequests(prisma: PrismaClient, now: Date = new Date()): Promise<number> {
  const { count } = await prisma.customerDataRequest.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}

/** What we hold about one customer, as the merchant downloads it. */
export interface CustomerDataExport {
  shop: string;
  requestedAt: string;
  /** Shopify's id of the request, when the payload carried one. */
  shopifyDataRequestId: string | null;
  customer: Json | null;
  orders: Json[];
}

/**
 * customers/data_request: record the request and build the export from what we store
 * (customer row; their orders — the requested ones and any under their id — with line
 * items and refunds). Shopify expects the merchant to pass it on to the customer.
 */
export async function recordCustomerDataRequest(
  prisma: PrismaClient,
  shop: Shop,
  payload: unknown,
): Promise<{ id: number }> {
  const p = asObject(payload);
  const customer = asObject(p.customer);
  const customerId =
    customer.id === undefined || customer.id === null ? null : parseShopifyId(customer.id, "customer.id");
  const email = typeof customer.email === "string" && customer.email.length > 0 ? customer.email : null;
  const orderIds = idList(p.orders_requested, "orders_requested").map(BigInt);
  const dataRequest = asObject(p.data_request);
  const shopifyRequestId = dataRequest.id === undefined || dataRequest.id === null ? null : String(dataRequest.id);

  const customerRow =
    customerId === null
      ? null
      : await prisma.customer.findUnique({ where: { shopId_id: { shopId: shop.id, id: BigInt(customerId) } } });
  const orders = await prisma.order.findMany({
    where: {
      shopId: shop.id,
      OR: [
        { id: { in: orderIds } },
        ...(customerId !== null ? [{ customerId: BigInt(customerId) }] : []),
        ...(email !== null ? [{ email: { equals: email, mode: Prisma.QueryMode.insensitive } }] : []),
      ],
    },
    include: { lineItems: true, refunds: { include: { lineItems: true } } },
    orderBy: { processedAt: "asc" },
  });
  const requestedAt = new Date();
  const exported: CustomerDataExport = {
    shop: shop.domain,
    requestedAt: requestedAt.toISOString(),
    shopifyDataRequestId: shopifyRequestId,
    customer: customerRow ? plain(customerRow, ["shopId", "createdAt", "updatedAt"]) : null,
    orders: orders.map((o) => ({
      ...plain(o, ["shopId", "createdAt", "updatedAt", "lineItems", "refunds"]),
      lineItems: o.lineItems.map((l) => plain(l, ["shopId"])),
      refunds: o.refunds.map((r) => ({
        ...plain(r, ["shopId", "lineItems"]),
        lineItems: r.lineItems.map((x) => plain(x, ["shopId"])),
      })),
    })),
  };
  const { seal, retentionDays } = requireVault();
  const row = await prisma.customerDataRequest.create({
    data: {
      shopId: shop.id,
      customerId: customerId === null ? null : BigInt(customerId),
      email,
      requestedAt,
      sealedExport: seal(JSON.stringify(exported)),
      expiresAt: new Date(requestedAt.getTime() + retentionDays * 86_400_000),
    },
  });
  await purgeExpiredDataRequests(prisma, requestedAt);
  return { id: row.id };
}

/** A row as JSON-safe values: bigint and Decimal as strings, dates as ISO strings. */
function plain(row: object, omit: string[]): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(row)) {
    if (omit.includes(key)) continue;
    if (typeof value === "bigint") out[key] = value.toString();
    else if (value instanceof Date) out[key] = value.toISOString();
    else if (Prisma.Decimal.isDecimal(value)) out[key] = (value as Prisma.Decimal).toString();
    else out[key] = value;
  }
  return out;
}

/** A stored export, only for its own shop (the id alone names nothing across tenants). */
export async function findCustomerDataExport(prisma: PrismaClient, shopDomain: string, requestId: number) {
  const row = await prisma.customerDataRequest.findFirst({
    where: {
      id: requestId,
      shop: { domain: shopDomain },
      OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }],
    },
    select: { id: true, requestedAt: true, export: true, sealedExport: true },
  });
  if (!row) return null;
  const exported =
    row.sealedExport !== null ? (JSON.parse(requireVault().open(row.sealedExport)) as unknown) : row.export;
  return { id: row.id, requestedAt: row.requestedAt, export: exported };
}
