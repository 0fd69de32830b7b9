// A database of its own for a test file whose app processes run the cron (which syncs
// every due shop of its database) or whose faults hit every connection: a fresh database
// on the run's PostgreSQL server, or a fresh embedded PGlite served from this test
// process. Migrated like the run's database (prisma migrate deploy).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { startEmbeddedPostgres } from "~/db/embedded-postgres.server";
import { applyMigrations } from "~/db/migrate.server";

export interface IsolatedDatabase {
  url: string;
  kind: "embedded" | "postgresql";
  stop(): Promise<void>;
}

export async function isolatedDatabase(): Promise<IsolatedDatabase> {
  if (inject("databaseKind") === "embedded") {
    const embedded = await startEmbeddedPostgres({ dataDir: "memory://" });
    await applyMigrations(embedded.connectionString);
    return { url: embedded.connectionString, kind: "embedded", stop: () => embedded.stop() };
  }
  const server = new URL(inject("databaseUrl"));
  const name = `storepulse_fault_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    url: url.toString(),
    kind: "postgresql",
    async stop() {
      const client = new pg.Client({ connectionString: server.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
