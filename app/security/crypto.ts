// Authenticated encryption of secrets at rest (offline/online access tokens, refresh
// tokens, customer data-request exports): AES-256-GCM from node:crypto, a fresh 96-bit
// IV per value, the purpose as additional authenticated data (a sealed access token cannot
// be passed off as another field), and the key id stored with each value so old keys
// keep decrypting after a rotation:
//   v1:<kid>:<iv base64url>:<tag base64url>:<ciphertext base64url>
// kid = first 8 hex digits of SHA-256(key): derived, so configuration holds keys only.
// Pure (no environment): keys.server.ts builds the process's keyring.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

export interface Keyring {
  /** Key id new values are sealed with. */
  currentKid: string;
  keys: ReadonlyMap<string, Buffer>;
}

export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyError";
  }
}

/** A base64 (or base64url) key of exactly 32 bytes, else null. */
export function decodeKey(encoded: string): Buffer | null {
  const trimmed = encoded.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return key.length === 32 ? key : null;
}

export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** The current key first; older keys (still decrypting) after it. */
export function createKeyring(current: Buffer, older: readonly Buffer[] = []): Keyring {
  const keys = new Map<string, Buffer>();
  for (const key of [current, ...older]) keys.set(keyId(key), key);
  return { currentKid: keyId(current), keys };
}

const PREFIX = "v1:";

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** Which key sealed the value (null for a legacy plaintext value). */
export function sealedKid(value: string): string | null {
  return isSealed(value) ? (value.split(":")[1] ?? null) : null;
}

export function seal(keyring: Keyring, plaintext: string, purpose: string): string {
  const key = keyring.keys.get(keyring.currentKid)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(purpose, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const b64 = (b: Buffer) => b.toString("base64url");
  return `${PREFIX}${keyring.currentKid}:${b64(iv)}:${b64(cipher.getAuthTag())}:${b64(ciphertext)}`;
}

/**
 * The plaintext of a sealed value. A value without the v1 prefix is returned as is: rows
 * written before encryption was introduced (`npm run rotate-keys` seals them).
 * Throws KeyError (without any part of the value) for an unknown key or a tampered value.
 */
export function unseal(keyring: Keyring, value: string, purpose: string): string {
  if (!isSealed(value)) return value;
  const parts = value.split(":");
  if (parts.length !== 5) throw new KeyError("sealed value is malformed");
  const [, kid, iv, tag, ciphertext] = parts as [string, string, string, string, string];
  const key = keyring.keys.get(kid);
  if (!key)
    throw new KeyError(`no key with id ${kid} is configured (STOREPULSE_ENCRYPTION_KEY / STOREPULSE_ENCRYPTION_KEYS)`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(purpose, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new KeyError(`sealed value failed authentication (key ${kid})`);
  }
}
