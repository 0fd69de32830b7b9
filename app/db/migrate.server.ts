// Applies the committed migrations with `prisma migrate deploy`. Used at boot
// when the app serves its own embedded database (nobody else can have migrated
// it: PGlite's data directory is opened by one process at a time).
import { spawn } from "node:child_process";

export async function applyMigrations(databaseUrl: string): Promise<void> {
  const child = spawn("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) {
    throw new Error(`Applying database migrations failed (exit code ${code}):\n${output}`);
  }
}
