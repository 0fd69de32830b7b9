// Session tokens (App Bridge "ID tokens"): the JWT Shopify's admin hands an embedded
// app, and the subject token of the token-exchange grant.
//
// Claims and signing match Shopify's: HS256 with the app's client secret,
// iss `https://{shop}/admin`, dest `https://{shop}`, aud = API key (client id),
// sub = staff user id, exp = iat + 60 s, nbf, iat, jti (unique), sid (admin session),
// sig: the payload of "Anatomy of a session token" ends with "sig": "<signature>"
// (shopify.dev/docs/apps/build/authentication-authorization/session-tokens). Shopify does
// not document what it signs and no library reads it; here it is an opaque 64-hex value.
import { randomBytes, randomUUID } from "node:crypto";
import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import type { SimContext } from "../contracts.js";
import { ownerUserId } from "./staff.js";

/** Shopify's session tokens live one minute. */
export const SESSION_TOKEN_TTL_SECONDS = 60;

/** Clock skew we forgive when verifying, the same 10 s @shopify/shopify-api allows. */
export const SESSION_TOKEN_CLOCK_TOLERANCE_SECONDS = 10;

export interface SessionTokenClaims {
  iss: string;
  dest: string;
  aud: string;
  sub: string;
  exp: number;
  nbf: number;
  iat: number;
  jti: string;
  sid: string;
  sig: string;
}

export interface MintOptions {
  /** Staff user the token is for; defaults to the shop owner. */
  userId?: number;
  ttlSeconds?: number;
  /** Admin session id (`sid`); defaults to a stable id per shop+user. */
  sid?: string;
  /** Epoch seconds used as `iat`; tests use it to mint already-expired tokens. */
  issuedAt?: number;
}

function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

// One admin "login session" per shop+user for the simulator's lifetime: Shopify keeps
// `sid` stable while the staff member stays logged in.
const adminSessions = new Map<string, string>();
function adminSessionId(shop: string, userId: number): string {
  const key = `${shop}#${userId}`;
  let sid = adminSessions.get(key);
  if (!sid) {
    sid = randomUUID();
    adminSessions.set(key, sid);
  }
  return sid;
}

/** Build the claims Shopify would put in a session token for this shop and user. */
export function sessionTokenClaims(apiKey: string, shop: string, options: MintOptions = {}): SessionTokenClaims {
  const userId = options.userId ?? ownerUserId(shop);
  const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const ttl = options.ttlSeconds ?? SESSION_TOKEN_TTL_SECONDS;
  return {
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: apiKey,
    sub: String(userId),
    exp: iat + ttl,
    nbf: iat,
    iat,
    jti: randomUUID(),
    sid: options.sid ?? adminSessionId(shop, userId),
    sig: randomBytes(32).toString("hex"),
  };
}

/** Sign arbitrary session-token claims with a secret (tests use it with wrong secrets). */
export async function signSessionToken(claims: SessionTokenClaims, secret: string): Promise<string> {
  return new SignJWT({ ...claims }).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(secretKey(secret));
}

/** A fresh session token for `shop`, as the admin would hand the embedded app. */
export async function mintSessionToken(ctx: SimContext, shop: string, options: MintOptions = {}): Promise<string> {
  return signSessionToken(sessionTokenClaims(ctx.app.apiKey, shop, options), ctx.app.apiSecret);
}

export type SessionTokenCheck =
  | { ok: true; claims: SessionTokenClaims; shop: string }
  | {
      ok: false;
      reason: "malformed" | "bad_signature" | "expired" | "not_yet_valid" | "wrong_audience" | "bad_claims";
    };

/**
 * Verify a session token as Shopify's token endpoint does: signature with the app
 * secret (HS256 only), time window, audience = the app's API key, and a `dest` that
 * names a shop. Whether that shop exists is the caller's question.
 */
export async function verifySessionToken(
  token: string,
  app: { apiKey: string; apiSecret: string },
): Promise<SessionTokenCheck> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, secretKey(app.apiSecret), {
      algorithms: ["HS256"],
      clockTolerance: SESSION_TOKEN_CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: "expired" };
    if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === "nbf") {
      return { ok: false, reason: "not_yet_valid" };
    }
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) return { ok: false, reason: "bad_signature" };
    return { ok: false, reason: "malformed" };
  }
  if (payload.aud !== app.apiKey) return { ok: false, reason: "wrong_audience" };
  const dest = typeof payload.dest === "string" ? payload.dest : "";
  const match = /^https:\/\/([a-zA-Z0-9][a-zA-Z0-9-]*\.myshopify\.com)$/.exec(dest);
  if (!match || typeof payload.sub !== "string" || typeof payload.exp !== "number") {
    return { ok: false, reason: "bad_claims" };
  }
  return { ok: true, claims: payload as unknown as SessionTokenClaims, shop: match[1]!.toLowerCase() };
}
