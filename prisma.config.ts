// Prisma CLI configuration for offline machines: the JavaScript schema engine
// over the pg driver adapter, so `prisma migrate deploy/status/diff` need no
// downloaded Rust engine. DATABASE_URL is provided by `npm run setup`
// (scripts/setup-db.ts), which starts the embedded database when none is configured.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { MigrationPool } from "./prisma/migration-pool";

// The schema's `url = env("DATABASE_URL")` must resolve for the CLI to read the
// schema at all (otherwise it falls back to downloading engines), even for
// `prisma generate`, which never connects. Remember the real value first.
const configuredUrl = process.env.DATABASE_URL;
process.env.DATABASE_URL ??= "postgresql://unconfigured@127.0.0.1:1/unconfigured";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const connectionString = configuredUrl;
    if (!connectionString) {
      throw new Error(
        "DATABASE_URL is not set. Run migrations through `npm run setup`, which uses the embedded database when DATABASE_URL is unset.",
      );
    }
    return new PrismaPg(new MigrationPool({ connectionString }));
  },
});
