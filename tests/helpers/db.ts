import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { inject } from "vitest";

/** A Prisma client on the run's migrated test database. Disconnect it in afterAll. */
export function createTestPrisma(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("databaseUrl") }) });
}

let counter = 0;
/** A shop domain no other test uses (tests share one database). */
export function uniqueShopDomain(label = "shop"): string {
  counter += 1;
  const suffix = `${process.pid}-${Date.now().toString(36)}-${counter}`;
  return `${label}-${suffix}.myshopify.com`;
}
