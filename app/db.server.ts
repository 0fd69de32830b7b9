// The one Prisma client of the app, over the pg driver adapter (no Rust engine).
// DATABASE_URL set → that PostgreSQL server. Unset → an embedded PostgreSQL
// (PGlite) served by this process on a loopback port, persisted in .data/pglite
// (STOREPULSE_DATA_DIR), migrated at boot. The embedded one is for development
// and demos; production uses PostgreSQL.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { env } from "./env.server";
import { startEmbeddedPostgres } from "./db/embedded-postgres.server";
import { applyMigrations } from "./db/migrate.server";
import { appPoolConfig } from "./db/pool-config";
import { profileRollups } from "./insights/rollups";
import { registerBatchPool } from "./sync/batch-connection";

declare global {
  // Survives Vite's module reloads in development, so we keep one pool and one
  // embedded server per process.
  var storepulseDb: Promise<PrismaClient> | undefined;
}

async function connect(): Promise<PrismaClient> {
  if (env.DATABASE_URL) {
    // Session settings for the dashboard's reads (no parallel workers): db/pool-config.ts.
    const client = new PrismaClient({ adapter: new PrismaPg(appPoolConfig(env.DATABASE_URL)) });
    // Bulk ingest batches over plain pg (app/sync/batch-connection.ts): a few connections,
    // opened on first use; allowExitOnIdle: idle ones do not hold a stopping process open.
    const batchPool = new pg.Pool({ ...appPoolConfig(env.DATABASE_URL), max: 4, allowExitOnIdle: true });
    // An idle connection the server dropped is replaced on next use (without a listener the
    // error would end the process). The message only: the URL holds credentials.
    batchPool.on("error", (error) => console.error(`[sync] batch connection: ${error.message}`));
    registerBatchPool(client, batchPool);
    return client;
  }
  const dataDir = env.embeddedDataDir;
  const embedded = await startEmbeddedPostgres({ dataDir });
  const connectionString = embedded.connectionString;
  await applyMigrations(connectionString);
  // The embedded server keeps the process alive; close it (flushing PGlite's
  // files) when the app is asked to stop.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      embedded.stop().finally(() => process.exit(0));
    });
  }
  console.log(`Embedded PostgreSQL ready (data in ${dataDir}); set DATABASE_URL for production.`);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

globalThis.storepulseDb ??= connect();

// INSIGHTS_PROFILE: step timings of the rollup recomputations this process runs
// (webhooks, backfills, the CLI — every app path has this client).
profileRollups(env.INSIGHTS_PROFILE ? (line) => console.log(line) : null);

const prisma: PrismaClient = await globalThis.storepulseDb;

export default prisma;
