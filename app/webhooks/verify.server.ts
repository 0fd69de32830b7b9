// Is this delivery from Shopify? The same decision as @shopify/shopify-api's
// `webhooks.validate` (node_modules/@shopify/shopify-api/dist/esm/lib/webhooks/validate.mjs
// and lib/utils/hmac-validator.mjs), with the same answers: an empty body or no
// X-Shopify-Hmac-Sha256 is a bad request (400), a wrong HMAC is unauthorized (401), and
// a signed delivery without topic, shop domain, API version or webhook id is a bad
// request (400). Shopify signs the raw body with the app's secret (HMAC-SHA256, base64):
// https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook.
//
// Why not `authenticate.webhook`: after validating it loads (and, for an expiring
// offline token, refreshes) the shop's offline session from the database on every
// delivery, for an admin client the intake never uses — most of a delivery's cost.
// Why not the library's `validate`: it imports the HMAC key with WebCrypto per call and
// needs a request object; node:crypto over the bytes we already hold does the same
// check. Only the `X-Shopify-*` header set is taken (the app subscribes those
// webhooks; the library also took the newer `Shopify-*` event headers).
import { createHmac, timingSafeEqual } from "node:crypto";

/** A header by lower-case name (Fetch `Headers` or Node's `req.headers`). */
export type HeaderLookup = (name: string) => string | undefined;

export type DeliveryCheck =
  | {
      valid: true;
      topic: string;
      shop: string;
      apiVersion: string;
      webhookId: string;
      eventId?: string;
      triggeredAt?: string;
    }
  | { valid: false; status: 400 | 401; reason: "missing-body" | "missing-hmac" | "invalid-hmac" | "missing-headers" };

/** Timing-safe comparison of the header with the base64 HMAC-SHA256 of the raw body. */
export function hmacMatches(secret: string, rawBody: Buffer, header: string): boolean {
  const expected = Buffer.from(createHmac("sha256", secret).update(rawBody).digest("base64"), "latin1");
  const given = Buffer.from(header, "latin1");
  // The length of a base64 SHA-256 digest is public (44): comparing it leaks nothing.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function verifyDelivery(secret: string, rawBody: Buffer, header: HeaderLookup): DeliveryCheck {
  if (rawBody.length === 0) return { valid: false, status: 400, reason: "missing-body" };
  const hmac = header("x-shopify-hmac-sha256");
  if (!hmac) return { valid: false, status: 400, reason: "missing-hmac" };
  if (!hmacMatches(secret, rawBody, hmac)) return { valid: false, status: 401, reason: "invalid-hmac" };
  const topic = header("x-shopify-topic");
  const shop = header("x-shopify-shop-domain");
  const apiVersion = header("x-shopify-api-version");
  const webhookId = header("x-shopify-webhook-id");
  if (!topic || !shop || !apiVersion || !webhookId) return { valid: false, status: 400, reason: "missing-headers" };
  return {
    valid: true,
    topic,
    shop,
    apiVersion,
    webhookId,
    eventId: header("x-shopify-event-id") || undefined,
    triggeredAt: header("x-shopify-triggered-at") || undefined,
  };
}
