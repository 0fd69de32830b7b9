// What Shopify signs, signed the way Shopify signs it: webhook HMACs and
// session tokens (App Bridge id tokens), with the test app's secret.
import { createHmac, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { TEST_APP } from "./test-app";

export function webhookHmac(rawBody: string, secret: string = TEST_APP.apiSecret): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("base64");
}

export function webhookHeaders(options: {
  topic: string;
  shop: string;
  rawBody: string;
  secret?: string;
  eventId?: string;
}): Record<string, string> {
  const id = options.eventId ?? randomUUID();
  return {
    "Content-Type": "application/json",
    "X-Shopify-Topic": options.topic,
    "X-Shopify-Shop-Domain": options.shop,
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Webhook-Id": id,
    "X-Shopify-Event-Id": id,
    "X-Shopify-Triggered-At": new Date().toISOString(),
    "X-Shopify-Hmac-Sha256": webhookHmac(options.rawBody, options.secret),
  };
}

export async function sessionToken(options: {
  shop: string;
  secret?: string;
  apiKey?: string;
  userId?: string;
  expiresInSeconds?: number;
}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: `https://${options.shop}/admin`,
    dest: `https://${options.shop}`,
    aud: options.apiKey ?? TEST_APP.apiKey,
    sub: options.userId ?? "42",
    jti: randomUUID(),
    sid: randomUUID(),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(now)
    .setNotBefore(now - 1)
    .setExpirationTime(now + (options.expiresInSeconds ?? 60))
    .sign(new TextEncoder().encode(options.secret ?? TEST_APP.apiSecret));
}
