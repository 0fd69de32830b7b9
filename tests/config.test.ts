// The configuration schema (app/env.ts): every variable the app reads is validated
// there, with one line per problem that names the variable and never echoes a value.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseDatabaseEnv, parseEnv } from "~/env";
import { DESTRUCTIVE_RETENTION_MS } from "~/webhooks/trust";
import { APPLIED_EVENT_RETENTION_DAYS } from "~/sync/webhook-queue";
import { TEST_APP } from "./helpers/test-app";

const required = {
  SHOPIFY_API_KEY: TEST_APP.apiKey,
  SHOPIFY_API_SECRET: TEST_APP.apiSecret,
  SHOPIFY_APP_URL: "https://storepulse.example",
  SCOPES: TEST_APP.scopes,
};

function problems(vars: Record<string, string | undefined>): string[] {
  try {
    parseEnv(vars);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("defaults: embedded data directory, every-minute cron on outside tests, no profiling, the CDN's App Bridge", () => {
    // Production requires a database server and a token-sealing key (32 bytes, base64): fixed test values.
    const config = parseEnv({
      ...required,
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://storepulse@db.example/storepulse",
      STOREPULSE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    });
    expect(config.embeddedDataDir).toBe(path.resolve(".data/pglite"));
    expect(config.SYNC_CRON_EXPRESSION).toBe("* * * * *");
    expect(config.syncCron).toBe(true);
    expect(config.INSIGHTS_PROFILE).toBe(false);
    expect(config.appBridgeUrl).toBeUndefined();
    expect(config.simulatorOrigin).toBeUndefined();
  });

  it("validates SYNC_CRON_EXPRESSION with node-cron and names it", () => {
    expect(parseEnv({ ...required, SYNC_CRON_EXPRESSION: "*/5 * * * *" }).SYNC_CRON_EXPRESSION).toBe("*/5 * * * *");
    expect(problems({ ...required, SYNC_CRON_EXPRESSION: "every minute" })).toEqual([
      expect.stringMatching(/^environment variable SYNC_CRON_EXPRESSION is invalid/),
    ]);
    expect(problems({ ...required, SYNC_CRON_EXPRESSION: "61 * * * *" })).toHaveLength(1);
  });

  it("STOREPULSE_WEBHOOK_RETENTION_DAYS: 7 by default, longer on request, never shorter than a destructive event stays acceptable", () => {
    expect(parseEnv(required).STOREPULSE_WEBHOOK_RETENTION_DAYS).toBe(APPLIED_EVENT_RETENTION_DAYS);
    expect(parseEnv({ ...required, STOREPULSE_WEBHOOK_RETENTION_DAYS: "30" }).STOREPULSE_WEBHOOK_RETENTION_DAYS).toBe(
      30,
    );
    const minimumDays = DESTRUCTIVE_RETENTION_MS / 86_400_000;
    expect(
      parseEnv({ ...required, STOREPULSE_WEBHOOK_RETENTION_DAYS: String(minimumDays) })
        .STOREPULSE_WEBHOOK_RETENTION_DAYS,
    ).toBe(minimumDays);
    expect(problems({ ...required, STOREPULSE_WEBHOOK_RETENTION_DAYS: String(minimumDays - 1) })).toEqual([
      expect.stringMatching(/^environment variable STOREPULSE_WEBHOOK_RETENTION_DAYS is invalid/),
    ]);
  });

  it("SYNC_CRON and INSIGHTS_PROFILE take on/off (and true/false, 1/0), nothing else", () => {
    expect(parseEnv({ ...required, SYNC_CRON: "OFF" }).syncCron).toBe(false);
    expect(parseEnv({ ...required, NODE_ENV: "test", SYNC_CRON: "on" }).syncCron).toBe(true);
    expect(parseEnv({ ...required, NODE_ENV: "test" }).syncCron).toBe(false);
    expect(parseEnv({ ...required, INSIGHTS_PROFILE: "1" }).INSIGHTS_PROFILE).toBe(true);
    expect(problems({ ...required, SYNC_CRON: "sometimes", INSIGHTS_PROFILE: "yes please" })).toEqual([
      expect.stringContaining("SYNC_CRON is invalid"),
      expect.stringContaining("INSIGHTS_PROFILE is invalid"),
    ]);
  });

  it("derives the App Bridge URL: explicit APP_BRIDGE_URL, else the simulator's stand-in in simulator mode", () => {
    const simulated = parseEnv({ ...required, SHOPIFY_SIMULATOR_URL: "http://127.0.0.1:4599/some/path" });
    expect(simulated.simulatorOrigin).toBe("http://127.0.0.1:4599");
    expect(simulated.appBridgeUrl).toBe("http://127.0.0.1:4599/shopifycloud/app-bridge.js");
    const explicit = parseEnv({ ...required, APP_BRIDGE_URL: "https://bridge.example/app-bridge.js" });
    expect(explicit.appBridgeUrl).toBe("https://bridge.example/app-bridge.js");
    expect(problems({ ...required, APP_BRIDGE_URL: "not a url" })).toEqual([
      expect.stringContaining("APP_BRIDGE_URL is invalid"),
    ]);
  });

  it("STOREPULSE_DATA_DIR and DATABASE_URL parse the same way for npm run setup (without the Shopify variables)", () => {
    expect(parseDatabaseEnv({ STOREPULSE_DATA_DIR: "tmp/pg" })).toEqual({
      databaseUrl: undefined,
      embeddedDataDir: path.resolve("tmp/pg"),
    });
    expect(parseEnv({ ...required, STOREPULSE_DATA_DIR: "tmp/pg" }).embeddedDataDir).toBe(path.resolve("tmp/pg"));
    expect(() => parseDatabaseEnv({ DATABASE_URL: "mysql://secret-password@db" })).toThrow(/DATABASE_URL is invalid/);
  });

  it("never echoes a value (it may be a secret)", () => {
    const secret = "postgres-password-that-must-not-leak";
    const found = problems({ ...required, SHOPIFY_APP_URL: secret, DATABASE_URL: `mysql://${secret}@db` });
    expect(found).toHaveLength(2);
    expect(found.join("\n")).not.toContain(secret);
  });
});
