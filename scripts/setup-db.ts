// `npm run setup`: generate the Prisma client and apply migrations to the
// configured database — DATABASE_URL when set, otherwise the embedded one
// (started here for the duration of the migration, then stopped).
import { spawn } from "node:child_process";
import { startEmbeddedPostgres } from "../app/db/embedded-postgres.server";
import { ConfigError, parseDatabaseEnv } from "../app/env";

// Asynchronous on purpose: the embedded database is served by this very process,
// so blocking the event loop while prisma talks to it would deadlock.
async function prisma(args: string[], databaseUrl?: string): Promise<void> {
  const child = spawn("npx", ["prisma", ...args], {
    stdio: "inherit",
    env: databaseUrl ? { ...process.env, DATABASE_URL: databaseUrl } : process.env,
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`prisma ${args.join(" ")} failed (exit code ${code})`);
}

// The app's own rules for DATABASE_URL and STOREPULSE_DATA_DIR (the Shopify variables are not needed here).
let config: ReturnType<typeof parseDatabaseEnv>;
try {
  config = parseDatabaseEnv(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

await prisma(["generate"]);
if (config.databaseUrl) {
  await prisma(["migrate", "deploy"]);
} else {
  const dataDir = config.embeddedDataDir;
  console.log(`No DATABASE_URL: using the embedded PostgreSQL in ${dataDir}`);
  const embedded = await startEmbeddedPostgres({ dataDir });
  try {
    await prisma(["migrate", "deploy"], embedded.connectionString);
  } finally {
    await embedded.stop();
  }
}
