// Credentials of the fictional app the tests run. Not secrets of any real app.
export const TEST_APP = {
  apiKey: "storepulse-test-api-key",
  apiSecret: "storepulse-test-api-secret-0123456789abcdef",
  scopes: "read_customers,read_orders,read_all_orders,read_products",
  /** STOREPULSE_ENCRYPTION_KEY of the test app processes (32 bytes, base64). */
  encryptionKey: Buffer.from("storepulse-test-encryption-key!!", "utf8").toString("base64"),
} as const;

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string of the migrated test database. */
    databaseUrl: string;
    /** "embedded" (PGlite) or "postgresql" (TEST_DATABASE_URL). */
    databaseKind: "embedded" | "postgresql";
    /** This run's production build of the app (server entry at server/index.js). */
    buildDir: string;
  }
}
