// The process's keyring for secrets at rest. STOREPULSE_ENCRYPTION_KEY (32 bytes, base64)
// seals new values; STOREPULSE_ENCRYPTION_KEYS (comma-separated, same form) are older keys
// that still decrypt during a rotation (README "Key rotation"). Required in production
// (env.ts refuses to start without it). In development and tests without one, a key is
// generated once into STOREPULSE_DEV_KEY_FILE's place (.data/dev-encryption.key, mode 0600,
// git-ignored) so restarts and the CLI keep decrypting what the app stored.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { env } from "~/env.server";
import { createKeyring, decodeKey, type Keyring } from "./crypto";

export const DEV_KEY_FILE = path.resolve(".data", "dev-encryption.key");

function developmentKey(): Buffer {
  if (existsSync(DEV_KEY_FILE)) {
    const key = decodeKey(readFileSync(DEV_KEY_FILE, "utf8"));
    if (key) return key;
  }
  const key = randomBytes(32);
  mkdirSync(path.dirname(DEV_KEY_FILE), { recursive: true });
  writeFileSync(DEV_KEY_FILE, key.toString("base64"), { mode: 0o600 });
  chmodSync(DEV_KEY_FILE, 0o600);
  console.warn(
    `No STOREPULSE_ENCRYPTION_KEY: generated a development key in ${DEV_KEY_FILE} (production requires the variable).`,
  );
  return key;
}

let keyring: Keyring | undefined;

export function appKeyring(): Keyring {
  if (!keyring) {
    const current = env.STOREPULSE_ENCRYPTION_KEY ? decodeKey(env.STOREPULSE_ENCRYPTION_KEY)! : developmentKey();
    const older = (env.STOREPULSE_ENCRYPTION_KEYS ?? "")
      .split(",")
      .filter((k) => k.trim())
      .map((k) => decodeKey(k)!);
    keyring = createKeyring(current, older);
  }
  return keyring;
}
