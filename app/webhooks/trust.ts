// Whether a verified webhook may be applied to the tenant its headers name. The HMAC
// covers only the body: the topic, shop domain, event id and trigger time come from
// unsigned headers an attacker holding one signed body can rewrite. So before anything
// is written the body itself must fit the route:
// - the route's own topic equals X-Shopify-Topic (each route serves one topic);
// - compliance payloads name the shop (shop_domain, shop_id), app/uninstalled and
//   shop/update carry the shop object (myshopify_domain, id); both must match the header's
//   shop and the Shopify shop id we hold (https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance
//   lists shop_id and shop_domain in every compliance payload);
// - resource payloads whose admin_graphql_api_id names another resource type are refused;
// - destructive topics (app/uninstalled, shop/redact, customers/redact) must carry a
//   trigger time within the retention window and, for the shop-wide ones, after the
//   shop's latest (re)install; shop/redact only applies to an uninstalled shop (Shopify
//   sends it 48 hours after uninstall: https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance#shop-redact).
// Pure policy: no database, no Remix. See docs/decisions/0005-secrets-and-webhook-trust.md.

/** Library enum spelling of a topic path: "shop/redact" → "SHOP_REDACT". */
export function topicEnum(topic: string): string {
  return topic.trim().toUpperCase().replace(/[/.]/g, "_");
}

export const DESTRUCTIVE_TOPICS: ReadonlySet<string> = new Set(["APP_UNINSTALLED", "SHOP_REDACT", "CUSTOMERS_REDACT"]);

/** Destructive events triggered longer ago than this are not applied (Shopify retries for 4 hours). */
export const DESTRUCTIVE_RETENTION_MS = 7 * 24 * 3600 * 1000;
/** Tolerated clock difference between Shopify and us for trigger times in the future. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface TenantFacts {
  shopifyId: bigint | null;
  installedAt: Date | null;
  uninstalledAt: Date | null;
}

export type TrustVerdict =
  /** shopifyId: the shop id a bound shop payload names (learned when we hold none). */
  | { ok: true; shopifyId?: bigint }
  /**
   * forged: the body does not fit the route or tenant (400: not a delivery Shopify would
   * make, nothing written); stale: a genuine-looking but outdated destructive event
   * (answered 200 so Shopify stops retrying a delivery that will never apply).
   */
  | { ok: false; kind: "forged" | "stale"; reason: string };

const COMPLIANCE = new Set(["SHOP_REDACT", "CUSTOMERS_REDACT", "CUSTOMERS_DATA_REQUEST"]);
const SHOP_OBJECT = new Set(["APP_UNINSTALLED", "SHOP_UPDATE"]);
const RESOURCE_GID: Readonly<Record<string, string>> = {
  ORDERS_CREATE: "Order",
  ORDERS_UPDATED: "Order",
  ORDERS_CANCELLED: "Order",
  ORDERS_PAID: "Order",
  CUSTOMERS_CREATE: "Customer",
  CUSTOMERS_UPDATE: "Customer",
  CUSTOMERS_DELETE: "Customer",
  PRODUCTS_CREATE: "Product",
  PRODUCTS_UPDATE: "Product",
  REFUNDS_CREATE: "Refund",
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function idOf(value: unknown): bigint | null {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return BigInt(value);
  if (typeof value === "string" && /^[1-9][0-9]{0,18}$/.test(value)) return BigInt(value);
  return null;
}

const forged = (reason: string): TrustVerdict => ({ ok: false, kind: "forged", reason });
const stale = (reason: string): TrustVerdict => ({ ok: false, kind: "stale", reason });

/** Does the signed body belong to this route's topic and to the header's shop? */
export function checkPayloadBinding(
  topic: string,
  shopDomain: string,
  payload: unknown,
  tenant: TenantFacts | null,
): TrustVerdict {
  if (!isObject(payload)) return forged("payload-not-object");
  const shop = shopDomain.toLowerCase();
  if (COMPLIANCE.has(topic) || SHOP_OBJECT.has(topic)) {
    const domain = COMPLIANCE.has(topic) ? payload.shop_domain : payload.myshopify_domain;
    const id = idOf(COMPLIANCE.has(topic) ? payload.shop_id : payload.id);
    if (typeof domain !== "string" || domain.toLowerCase() !== shop) return forged("shop-domain-mismatch");
    if (id === null) return forged("shop-id-missing");
    if (tenant?.shopifyId != null && tenant.shopifyId !== id) return forged("shop-id-mismatch");
    if (
      topic !== "SHOP_REDACT" &&
      topic !== "APP_UNINSTALLED" &&
      topic !== "SHOP_UPDATE" &&
      !isObject(payload.customer)
    ) {
      return forged("customer-missing");
    }
    return { ok: true, shopifyId: id };
  }
  const type = RESOURCE_GID[topic];
  if (type && payload.admin_graphql_api_id !== undefined) {
    const gid = payload.admin_graphql_api_id;
    if (typeof gid !== "string" || !gid.startsWith(`gid://shopify/${type}/`)) return forged("resource-type-mismatch");
  }
  return { ok: true };
}

/** Destructive events only: is the trigger time recent and after the shop's (re)install? */
export function checkFreshness(
  topic: string,
  triggeredAt: string | undefined,
  tenant: TenantFacts | null,
  now: Date,
): TrustVerdict {
  if (!DESTRUCTIVE_TOPICS.has(topic)) return { ok: true };
  const at = triggeredAt ? new Date(triggeredAt) : null;
  if (!at || Number.isNaN(at.getTime())) return forged("triggered-at-missing");
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) return forged("triggered-at-future");
  if (at.getTime() < now.getTime() - DESTRUCTIVE_RETENTION_MS) return stale("older-than-retention");
  if (topic === "CUSTOMERS_REDACT" || !tenant) return { ok: true };
  // An install (token exchange) proves the app was installed then: an uninstall or
  // shop/redact triggered before it is superseded by the reinstall.
  if (tenant.installedAt && at < tenant.installedAt) return stale("before-reinstall");
  if (topic === "SHOP_REDACT" && tenant.uninstalledAt === null) return stale("shop-installed");
  return { ok: true };
}
