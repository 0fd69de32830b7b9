// Once per `npm test` run: a freshly migrated database and a production build of
// the app. Embedded PGlite by default; with TEST_DATABASE_URL a brand-new
// database on that server (created here, dropped at the end), so runs never see
// each other's rows.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../app/db/embedded-postgres.server";
import { applyMigrations } from "../app/db/migrate.server";
import "./helpers/test-app";

async function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${output}`);
}

async function createServerDatabase(serverUrl: string) {
  const name = `storepulse_test_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    connectionString: url.toString(),
    async stop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const buildDir = path.resolve(".cache", `test-build-${randomBytes(4).toString("hex")}`);
  const database = serverUrl
    ? await createServerDatabase(serverUrl)
    : await startEmbeddedPostgres({ dataDir: "memory://" });
  await Promise.all([
    applyMigrations(database.connectionString),
    // vitest sets NODE_ENV=test, which would put React's development build in the bundle.
    run("npx", ["remix", "vite:build"], { ...process.env, NODE_ENV: "production", STOREPULSE_BUILD_DIR: buildDir }),
  ]);
  project.provide("databaseUrl", database.connectionString);
  project.provide("databaseKind", serverUrl ? "postgresql" : "embedded");
  project.provide("buildDir", buildDir);
  return async () => {
    await database.stop();
    rmSync(buildDir, { recursive: true, force: true });
  };
}
