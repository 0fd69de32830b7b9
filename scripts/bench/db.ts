// The benchmark database: a dedicated PostgreSQL database (BENCH_DATABASE_URL, default
// `storepulse_bench_run` on 127.0.0.1:5432), created and migrated if missing, emptied
// between phases so every measurement starts from the same empty tables.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { applyMigrations } from "../../app/db/migrate.server";

const SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const NAME = "storepulse_bench_run";

/** Migrated once per run: the flag is inherited by the child processes bench.ts starts. */
export async function benchDatabaseUrl(): Promise<string> {
  if (process.env.BENCH_DATABASE_MIGRATED) return process.env.BENCH_DATABASE_MIGRATED;
  const url = await createBenchDatabase();
  process.env.BENCH_DATABASE_MIGRATED = url;
  return url;
}

async function createBenchDatabase(): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) {
    await applyMigrations(process.env.BENCH_DATABASE_URL);
    return process.env.BENCH_DATABASE_URL;
  }
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [NAME]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${NAME}`);
  await admin.end();
  const url = SERVER.replace(/\/postgres$/, `/${NAME}`);
  await applyMigrations(url);
  return url;
}

export function benchPrisma(url: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
}

/**
 * Every shop and what hangs off it (tenant tables reference shop ON DELETE CASCADE; the
 * insights rollups follow shop deletes by rules, which TRUNCATE does not fire: named).
 */
export async function emptyDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`TRUNCATE shop, "Session", insights_shop_day, insights_customer_day, insights_product_day,
      insights_customer_month, insights_product_month, insights_customer_cohort,
      insights_cohort_month, insights_cohort_product, insights_cohort_gap,
      insights_cohort_build RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}

export async function createBenchShop(prisma: PrismaClient, domain: string, ianaTimezone: string) {
  return prisma.shop.create({ data: { domain, currencyCode: "USD", ianaTimezone, installedAt: new Date() } });
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))]!;
}
