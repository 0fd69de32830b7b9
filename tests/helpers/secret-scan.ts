// Secrets never in logs: scans captured process output for the app's API secret, the
// encryption key (base64 and raw), Shopify access and refresh tokens by their prefixes
// (shpat_/shpua_/shpca_/shprt_, as Shopify issues them and the simulator mints them) and
// any further values a test names. The failure message never repeats the secret.
import { TEST_APP } from "./test-app";

const TOKEN_PATTERN = /\b(shpat|shpua|shpca|shppa|shprt)_[A-Za-z0-9_-]{8,}/g;

export function findSecrets(output: string, extra: string[] = []): string[] {
  const found: string[] = [];
  const key = Buffer.from(TEST_APP.encryptionKey, "base64");
  const named: [string, string][] = [
    ["SHOPIFY_API_SECRET", TEST_APP.apiSecret],
    ["STOREPULSE_ENCRYPTION_KEY", TEST_APP.encryptionKey],
    ["STOREPULSE_ENCRYPTION_KEY (raw)", key.toString("latin1")],
    ["STOREPULSE_ENCRYPTION_KEY (hex)", key.toString("hex")],
    ...extra.map((value, i): [string, string] => [`test secret #${i + 1}`, value]),
  ];
  for (const [name, value] of named) if (value && output.includes(value)) found.push(name);
  for (const match of output.matchAll(TOKEN_PATTERN)) found.push(`a ${match[1]}_ token at offset ${match.index}`);
  return found;
}

/** Throws (naming what, never the value) when the output holds a secret. */
export function expectNoSecrets(output: string, extra: string[] = []): void {
  const found = findSecrets(output, extra);
  if (found.length > 0) throw new Error(`secrets in the app's output: ${[...new Set(found)].join(", ")}`);
}
