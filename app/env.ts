// The configuration schema: every environment variable the app reads, validated with
// zod, plus the values derived from them. Pure (no side effects) so scripts and tests
// can parse a given environment; `env.server.ts` parses the process's own, once.
import path from "node:path";
import { validate as validCronExpression } from "node-cron";
import { z } from "zod";
import { decodeKey } from "./security/crypto";

const onOff = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.enum(["on", "off", "true", "false", "1", "0"]))
  .transform((value) => ["on", "true", "1"].includes(value));

const encryptionKey = z
  .string()
  .refine((value) => decodeKey(value) !== null, "must be 32 bytes, base64 (openssl rand -base64 32)");

const databaseSchema = z.object({
  // Unset: the embedded PostgreSQL (development and demos only).
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  // Where the embedded PostgreSQL keeps its files (git-ignored default).
  STOREPULSE_DATA_DIR: z.string().default(".data/pglite"),
});

const schema = databaseSchema.extend({
  SHOPIFY_API_KEY: z.string().min(1),
  SHOPIFY_API_SECRET: z.string().min(1),
  SHOPIFY_APP_URL: z.url(),
  SCOPES: z.string().min(1),
  // Set: all Shopify HTTP goes to this simulator origin (see simulator/README.md).
  // Loopback only: the simulator holds no real data, and an arbitrary origin here would
  // send every shop's tokens to whoever runs it.
  SHOPIFY_SIMULATOR_URL: z
    .url()
    .refine(
      (value) =>
        /^https?:$/.test(new URL(value).protocol) &&
        ["127.0.0.1", "localhost", "[::1]"].includes(new URL(value).hostname),
      "must be http(s)://127.0.0.1|localhost|[::1]:port",
    )
    .optional(),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  // The App Bridge script the pages load; unset: Shopify's CDN, or the simulator's
  // stand-in in simulator mode (the CDN is unreachable offline).
  APP_BRIDGE_URL: z.url().optional(),
  // Fallback sync tick in this process: on|off (default on, off under NODE_ENV=test:
  // test suites share one database between app processes wired to different simulators).
  SYNC_CRON: onOff.optional(),
  SYNC_CRON_EXPRESSION: z
    .string()
    .refine((expression) => validCronExpression(expression), 'not a node-cron expression, e.g. "* * * * *"')
    .default("* * * * *"),
  // Sync passes running at once in this process, whoever started them (cron, Sync now,
  // installs); more wait in line. Each holds a database connection while it writes.
  STOREPULSE_SYNC_MAX_PASSES: z.coerce.number().int().min(1).max(64).default(8),
  // Queued webhooks applied at once by this process's workers (app/queue/); 0: this
  // process only records webhooks (web-only instances when dedicated workers run).
  STOREPULSE_WEBHOOK_WORKERS: z.coerce.number().int().min(0).max(64).default(4),
  // Days an applied webhook event is kept for its event-id dedupe. Never under 7: a
  // destructive event up to 7 days old is still accepted (webhooks/trust.ts
  // DESTRUCTIVE_RETENTION_MS), so a replay of one must still find its row.
  STOREPULSE_WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).default(7),
  // Secrets at rest (app/security): the key sealing tokens and exports (32 bytes, base64;
  // required in production), older keys still decrypting during a rotation, and how long
  // customer data-request exports are kept.
  STOREPULSE_ENCRYPTION_KEY: encryptionKey.optional(),
  STOREPULSE_ENCRYPTION_KEYS: z
    .string()
    .refine(
      (list) => list.split(",").every((k) => !k.trim() || decodeKey(k) !== null),
      "each key must be 32 bytes, base64",
    )
    .optional(),
  STOREPULSE_DATA_REQUEST_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  // on: print how long each step of a rollup recomputation takes.
  INSIGHTS_PROFILE: onOff.default(false),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type AppEnv = z.infer<typeof schema>;

/** The parsed variables and what follows from them. */
export interface AppConfig extends AppEnv {
  /** Absolute directory of the embedded database (STOREPULSE_DATA_DIR). */
  embeddedDataDir: string;
  /** Origin of the simulator in simulator mode. */
  simulatorOrigin: string | undefined;
  /** App Bridge script for our pages and the library's (APP_BRIDGE_URL or the simulator's stand-in). */
  appBridgeUrl: string | undefined;
  /** Whether this process runs the fallback sync tick. */
  syncCron: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Storepulse cannot start: ${problems.join("; ")}. See README.md, section "Configuration".`);
    this.name = "ConfigError";
  }
}

function parseWith<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  // Treat empty strings like unset: `DATABASE_URL=` in a .env file means "none".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.join(".");
      // Never echo the value: it may be a secret.
      return cleaned[name] === undefined
        ? `missing environment variable ${name}`
        : `environment variable ${name} is invalid (${issue.message})`;
    });
    throw new ConfigError(problems);
  }
  return result.data;
}

/** The database part alone (`npm run setup` migrates without the Shopify credentials). */
export function parseDatabaseEnv(source: Record<string, string | undefined>): {
  databaseUrl: string | undefined;
  embeddedDataDir: string;
} {
  const parsed = parseWith(databaseSchema, source);
  return { databaseUrl: parsed.DATABASE_URL, embeddedDataDir: path.resolve(parsed.STOREPULSE_DATA_DIR) };
}

export function parseEnv(source: Record<string, string | undefined>): AppConfig {
  const parsed = parseWith(schema, source);
  if (parsed.SHOPIFY_SIMULATOR_URL && parsed.NODE_ENV === "production") {
    throw new ConfigError([
      "SHOPIFY_SIMULATOR_URL is set while NODE_ENV=production (the simulator is for development and tests only)",
    ]);
  }
  if (!parsed.DATABASE_URL && parsed.NODE_ENV === "production") {
    throw new ConfigError([
      "missing environment variable DATABASE_URL (required in production: the embedded PGlite is for development and demos)",
    ]);
  }
  if (!parsed.STOREPULSE_ENCRYPTION_KEY && parsed.NODE_ENV === "production") {
    throw new ConfigError([
      "missing environment variable STOREPULSE_ENCRYPTION_KEY (required in production: it seals tokens at rest)",
    ]);
  }
  const simulatorOrigin = parsed.SHOPIFY_SIMULATOR_URL ? new URL(parsed.SHOPIFY_SIMULATOR_URL).origin : undefined;
  return {
    ...parsed,
    embeddedDataDir: path.resolve(parsed.STOREPULSE_DATA_DIR),
    simulatorOrigin,
    appBridgeUrl:
      parsed.APP_BRIDGE_URL ?? (simulatorOrigin ? `${simulatorOrigin}/shopifycloud/app-bridge.js` : undefined),
    syncCron: parsed.SYNC_CRON ?? parsed.NODE_ENV !== "test",
  };
}
