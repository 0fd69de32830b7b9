// Embedded PostgreSQL for development, demos and the default test run: PGlite
// (PostgreSQL compiled to WASM) served over the PostgreSQL wire protocol on a
// loopback port, so Prisma, `pg` and `prisma migrate deploy` use it exactly like a
// real server. Production uses a real PostgreSQL through DATABASE_URL.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  connectionString: string;
  stop(): Promise<void>;
}

/** Default data directory (git-ignored), overridable with STOREPULSE_DATA_DIR. */
export function defaultEmbeddedDataDir(): string {
  return path.resolve(process.env.STOREPULSE_DATA_DIR ?? ".data/pglite");
}

export async function startEmbeddedPostgres(options: {
  /** Directory holding the database files; `memory://` for a throwaway database. */
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
}): Promise<EmbeddedPostgres> {
  if (!options.dataDir.startsWith("memory://")) {
    mkdirSync(options.dataDir, { recursive: true });
  }
  const db = await PGlite.create(options.dataDir);
  // PGlite has one backend: the socket server queues clients instead of refusing them.
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: 100,
  });
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:<port>"
  return {
    connectionString: `postgresql://postgres:postgres@${address}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
