// Authorization codes of the legacy OAuth (authorization-code grant): minted when the
// merchant "approves" at /admin/oauth/authorize, exchanged once at the token endpoint.
import { randomBytes } from "node:crypto";

export interface AuthorizationCode {
  shop: string;
  scopes: string[];
  /** `grant_options[]=per-user` was requested: the code yields an online token. */
  perUser: boolean;
  userId: number;
  expiresAt: number;
}

export interface AuthorizationCodeStore {
  mint(grant: Omit<AuthorizationCode, "expiresAt">): string;
  /** Single use: a code is gone after the first attempt, valid or not. */
  consume(code: string): AuthorizationCode | undefined;
}

/** Shopify's codes are short-lived; one minute unless configured otherwise. */
export const DEFAULT_CODE_TTL_SECONDS = 60;

export function createAuthorizationCodeStore(
  options: { ttlSeconds?: number; now?: () => number } = {},
): AuthorizationCodeStore {
  const ttlMs = (options.ttlSeconds ?? DEFAULT_CODE_TTL_SECONDS) * 1000;
  const now = options.now ?? Date.now;
  const codes = new Map<string, AuthorizationCode>();
  return {
    mint(grant) {
      const code = randomBytes(16).toString("hex");
      codes.set(code, { ...grant, scopes: [...grant.scopes], expiresAt: now() + ttlMs });
      return code;
    },
    consume(code) {
      const grant = codes.get(code);
      codes.delete(code);
      if (!grant || now() >= grant.expiresAt) return undefined;
      return grant;
    },
  };
}
