// Small encodings Shopify uses in URLs it hands to apps: the store handle, the
// base64 `host` parameter and the query-string HMAC.
import { createHmac, timingSafeEqual } from "node:crypto";

/** "demo-store.myshopify.com" -> "demo-store" (the admin.shopify.com/store/{handle} part). */
export function shopHandle(shop: string): string {
  return shop.replace(/\.myshopify\.com$/i, "");
}

/** "demo-store" -> "demo-store.myshopify.com". */
export function shopDomainFromHandle(handle: string): string {
  return `${handle.toLowerCase()}.myshopify.com`;
}

/**
 * Shopify's `host` parameter: base64 of "admin.shopify.com/store/{handle}", padding
 * stripped as the admin sends it (both atob() and @shopify/shopify-api accept that).
 */
export function hostParam(shop: string): string {
  return Buffer.from(`admin.shopify.com/store/${shopHandle(shop)}`, "utf8")
    .toString("base64")
    .replace(/=+$/, "");
}

/**
 * The message Shopify signs in OAuth redirects and embedded-app URLs: every parameter
 * except `hmac`/`signature`, sorted by name, form-encoded with %20 for spaces
 * (the same string @shopify/shopify-api rebuilds in validateHmac).
 */
function hmacMessage(params: Record<string, string>): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(params).sort((a, b) => a.localeCompare(b))) {
    if (key === "hmac" || key === "signature") continue;
    search.append(key, params[key]!);
  }
  return search.toString().replace(/\+/g, "%20");
}

/** Hex HMAC-SHA256 of the query with the app secret, as Shopify puts in `hmac`. */
export function queryHmac(params: Record<string, string>, secret: string): string {
  return createHmac("sha256", secret).update(hmacMessage(params)).digest("hex");
}

/** Return `params` plus its `hmac`, ready to put in a URL. */
export function signQuery(params: Record<string, string>, secret: string): Record<string, string> {
  return { ...params, hmac: queryHmac(params, secret) };
}

/** Constant-time comparison of two secrets given as strings. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
