import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { inject } from "vitest";
import { registerBatchPool } from "~/sync/batch-connection";

/** A Prisma client on the run's migrated test database. Disconnect it in afterAll. */
export function createTestPrisma(): PrismaClient {
  return withBatchPool(new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("databaseUrl") }) }));
}

/**
 * On PostgreSQL, as the app (db.server.ts): bulk ingest batches over a pg pool of their
 * own (app/sync/batch-connection.ts), so the tests run the path production runs. Never on
 * the embedded database (one shared backend). `pool`: that pool instead of a new one.
 */
export function withBatchPool(prisma: PrismaClient, pool?: pg.Pool): PrismaClient {
  if (inject("databaseKind") === "embedded") return prisma;
  registerBatchPool(
    prisma,
    pool ?? new pg.Pool({ connectionString: inject("databaseUrl"), max: 2, allowExitOnIdle: true }),
  );
  return prisma;
}

/**
 * A Prisma client whose connections record every statement they send (pg_stat_statements
 * is not available on the embedded database): counted at the pg client, so transaction
 * control (BEGIN/COMMIT) counts too.
 */
export function createCountingPrisma(): { prisma: PrismaClient; statements: string[] } {
  const statements: string[] = [];
  const pool = new pg.Pool({ connectionString: inject("databaseUrl") });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      statements.push(typeof first === "string" ? first : String((first as { text?: string }).text ?? first));
      return query(...args);
    };
  });
  // The batch pool is this pool too: the ingest's statements are counted as well.
  return { prisma: withBatchPool(new PrismaClient({ adapter: new PrismaPg(pool) }), pool), statements };
}

let counter = 0;
/** A shop domain no other test uses (tests share one database). */
export function uniqueShopDomain(label = "shop"): string {
  counter += 1;
  const suffix = `${process.pid}-${Date.now().toString(36)}-${counter}`;
  return `${label}-${suffix}.myshopify.com`;
}

/** The shop's offline session, as the install leaves it (what authenticate.admin looks up). */
export async function createOfflineSession(
  prisma: PrismaClient,
  shop: string,
  options: { accessToken?: string; scope?: string } = {},
): Promise<void> {
  await prisma.session.create({
    data: {
      id: `offline_${shop}`,
      shop,
      state: "installed",
      accessToken: options.accessToken ?? "shpat_test",
      isOnline: false,
      scope: options.scope,
    },
  });
}
