// Several sync workers on one database: the lease lets exactly one of them sync a
// shop at a time, a crashed holder's lease expires, and the scheduler (the cron's
// tick) picks due shops only, backs off per shop after errors and can be turned off.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import { validateAdminDocument } from "../simulator/src/index";
import { createSyncTestPrisma, engineContext, startSyncSimulator } from "./sync-support";
import { handleInstall } from "~/sync/install";
import { claimShopLease, releaseShopLease, renewShopLease } from "~/sync/lease";
import { allDocuments } from "~/sync/queries";
import { parseEnv } from "~/env";
import { createSyncScheduler, spreadOffsetMs } from "~/sync/scheduler";
import { TEST_APP } from "./helpers/test-app";
import { backoffMs, runShopPass } from "~/sync/shop-sync";

const prisma = createSyncTestPrisma();
const postgres = inject("databaseKind") === "postgresql";
// On PostgreSQL each worker has its own connection pool, as separate app instances
// do. The embedded PGlite is one backend that is only safe with one connection.
const otherInstance = postgres
  ? new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("databaseUrl") }) })
  : prisma;
afterAll(async () => {
  await prisma.$disconnect();
  if (otherInstance !== prisma) await otherInstance.$disconnect();
});

async function addOfflineSession(shop: string, token: string) {
  await prisma.session.create({
    data: { id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken: token, scope: "read_orders" },
  });
}

describe(`sync workers on one database (${inject("databaseKind")})`, () => {
  it("every GraphQL document of the engine validates against the vendored 2026-10 schema", () => {
    for (const [name, document] of Object.entries(allDocuments())) {
      expect(validateAdminDocument(document, "2026-10"), name).toEqual([]);
    }
  });

  it("two workers never sync the same shop at once; exactly one runs each round", async () => {
    const { sim, shop } = await startSyncSimulator({
      seed: 31,
      size: { orders: 60, customers: 20, products: 5, days: 30 },
      label: "workers",
    });
    try {
      const { accessToken, scope } = sim.control.install(shop);
      const tokens = new Map([[shop, accessToken]]);
      const inFlight = new Map<string, number>();
      let overlaps = 0;
      // Each round holds the first Admin API request of whichever worker got the lease
      // until the other worker's pass has returned (or has itself reached a request,
      // which is the overlap this test exists to catch). Without the hold, a fast pass
      // can finish and release the lease before the other worker even tries, and both
      // run one after the other: legal, but it proves nothing about exclusion.
      let hold: {
        settled: Map<string, Promise<unknown>>;
        entered: Map<string, () => void>;
        reached: Map<string, Promise<void>>;
      } | null = null;
      const around =
        (worker: string) =>
        async <T>(_shop: string, call: () => Promise<T>) => {
          for (const [other, n] of inFlight) if (other !== worker && n > 0) overlaps += 1;
          inFlight.set(worker, (inFlight.get(worker) ?? 0) + 1);
          try {
            const round = hold;
            if (round) {
              round.entered.get(worker)!();
              const other = worker === "worker-a" ? "worker-b" : "worker-a";
              await Promise.race([round.settled.get(other)!, round.reached.get(other)!]);
              if (inFlight.get(other)! > 0) overlaps += 1;
            }
            return await call();
          } finally {
            inFlight.set(worker, inFlight.get(worker)! - 1);
          }
        };
      const a = engineContext(prisma, sim, tokens, { workerId: "worker-a", aroundRequest: around("worker-a") });
      const b = engineContext(otherInstance, sim, tokens, { workerId: "worker-b", aroundRequest: around("worker-b") });
      const { done } = await handleInstall(a.ctx, shop, scope);
      await done;

      for (let round = 0; round < 8; round++) {
        const entered = new Map<string, () => void>();
        const reached = new Map<string, Promise<void>>();
        for (const worker of ["worker-a", "worker-b"]) {
          reached.set(worker, new Promise<void>((resolve) => entered.set(worker, resolve)));
        }
        const settled = new Map<string, Promise<unknown>>();
        const settle = new Map<string, () => void>();
        for (const worker of ["worker-a", "worker-b"]) {
          settled.set(worker, new Promise<void>((resolve) => settle.set(worker, resolve)));
        }
        hold = { settled, entered, reached };
        const [ra, rb] = await Promise.all([
          runShopPass(a.ctx, shop, { trigger: "scheduled" }).finally(settle.get("worker-a")),
          runShopPass(b.ctx, shop, { trigger: "scheduled" }).finally(settle.get("worker-b")),
        ]);
        hold = null;
        const ran = [ra, rb].filter((r) => r.status !== "skipped");
        expect(ran, `round ${round}`).toHaveLength(1);
        expect([ra, rb].find((r) => r.status === "skipped")).toEqual({ status: "skipped", reason: "leased" });
      }
      expect(overlaps).toBe(0);

      // The same through two schedulers ticking together (the cron on two instances).
      await addOfflineSession(shop, accessToken);
      const row = await prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
      for (let round = 0; round < 4; round++) {
        await prisma.syncState.updateMany({
          where: { shopId: row.id },
          data: { nextRunAt: new Date(Date.now() - 1000) },
        });
        const sa = createSyncScheduler(a.ctx, { spreadMs: 0, onlyShops: [shop] });
        const sb = createSyncScheduler(b.ctx, { spreadMs: 0, onlyShops: [shop] });
        const [ta, tb] = await Promise.all([sa.tick(), sb.tick()]);
        const ran = [...ta.values(), ...tb.values()].filter((o) => o.status !== "skipped");
        expect(ran, `tick ${round}`).toHaveLength(1);
        await Promise.all([sa.stop(), sb.stop()]);
      }
      expect(overlaps).toBe(0);
    } finally {
      await sim.close();
    }
  }, 120_000);

  it("a crashed worker's lease expires and another worker takes over", async () => {
    const shop = await prisma.shop.create({ data: { domain: `lease-${process.pid}-${Date.now()}.myshopify.com` } });
    await prisma.syncState.createMany({
      data: ["customers", "products", "orders"].map((resource) => ({ shopId: shop.id, resource })),
    });
    const crashed = await claimShopLease(prisma, shop.id, "crashed-worker", 800);
    expect(crashed).not.toBeNull();
    expect(await claimShopLease(otherInstance, shop.id, "worker-b", 60_000)).toBeNull();
    // Not even the holder's own worker id claims it twice (one pass at a time); it renews.
    expect(await claimShopLease(prisma, shop.id, "crashed-worker", 800)).toBeNull();
    expect(await renewShopLease(prisma, crashed!, 800)).toBe(true);
    // Wait until the database itself says the crashed worker's lease has run out.
    await vi.waitFor(
      async () => {
        const [row] = await prisma.$queryRaw<
          { expired: boolean }[]
        >`SELECT bool_and(lease_expires_at < now()) AS expired FROM sync_state WHERE shop_id = ${shop.id}`;
        if (!row?.expired) throw new Error("lease still held");
      },
      { timeout: 30_000, interval: 50 },
    );
    const taken = await claimShopLease(otherInstance, shop.id, "worker-b", 60_000);
    expect(taken).not.toBeNull();
    const states = await prisma.syncState.findMany({ where: { shopId: shop.id } });
    expect(states.every((s) => s.leaseOwner === "worker-b" && s.leaseToken === taken!.token)).toBe(true);
    // The crashed worker's token no longer renews or releases anything.
    expect(await renewShopLease(prisma, crashed!, 800)).toBe(false);
    await releaseShopLease(prisma, crashed!);
    expect(await claimShopLease(prisma, shop.id, "worker-c", 60_000)).toBeNull();
    await releaseShopLease(otherInstance, taken!);
    expect(await claimShopLease(prisma, shop.id, "worker-c", 60_000)).not.toBeNull();
  });

  it("concurrent claims of one shop: exactly one wins", async () => {
    const shop = await prisma.shop.create({ data: { domain: `race-${process.pid}-${Date.now()}.myshopify.com` } });
    await prisma.syncState.createMany({
      data: ["customers", "products", "orders"].map((resource) => ({ shopId: shop.id, resource })),
    });
    const clients = [prisma, otherInstance];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => claimShopLease(clients[i % 2]!, shop.id, `racer-${i}`, 60_000)),
    );
    expect(results.filter((lease) => lease !== null)).toHaveLength(1);
  });

  it("the scheduler backs off per shop after errors, spreads shops over the minute, and can be off", async () => {
    expect(backoffMs(1)).toBe(60_000);
    expect(backoffMs(3)).toBe(4 * 60_000);
    expect(backoffMs(20)).toBe(60 * 60_000);
    const offsets = ["a", "b", "c", "d", "e"].map((s) => spreadOffsetMs(`${s}.myshopify.com`, 50_000));
    expect(new Set(offsets).size).toBe(5);
    expect(offsets.every((o) => o >= 0 && o < 50_000)).toBe(true);
    expect(spreadOffsetMs("a.myshopify.com", 50_000)).toBe(offsets[0]);
    const syncCron = (vars: Record<string, string>) =>
      parseEnv({
        SHOPIFY_API_KEY: TEST_APP.apiKey,
        SHOPIFY_API_SECRET: TEST_APP.apiSecret,
        SHOPIFY_APP_URL: "https://app.example",
        SCOPES: TEST_APP.scopes,
        DATABASE_URL: "postgresql://db.example/storepulse",
        STOREPULSE_ENCRYPTION_KEY: TEST_APP.encryptionKey,
        ...vars,
      }).syncCron;
    expect(syncCron({ SYNC_CRON: "off", NODE_ENV: "production" })).toBe(false);
    expect(syncCron({ NODE_ENV: "production" })).toBe(true);
    expect(syncCron({ NODE_ENV: "test" })).toBe(false);
    expect(syncCron({ SYNC_CRON: "on", NODE_ENV: "test" })).toBe(true);

    // A shop whose token was revoked: one failed pass, then not due for hours.
    const { sim, shop } = await startSyncSimulator({
      seed: 32,
      size: { orders: 10, customers: 5, products: 2, days: 10 },
      label: "backoff",
    });
    try {
      const { accessToken, scope } = sim.control.install(shop);
      const tokens = new Map([[shop, accessToken]]);
      const { ctx } = engineContext(prisma, sim, tokens);
      await (
        await handleInstall(ctx, shop, scope)
      ).done;
      await addOfflineSession(shop, accessToken);
      const row = await prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
      await prisma.syncState.updateMany({
        where: { shopId: row.id },
        data: { nextRunAt: new Date(Date.now() - 1000) },
      });
      tokens.set(shop, "revoked");
      const scheduler = createSyncScheduler(ctx, { spreadMs: 0, onlyShops: [shop] });
      const first = await scheduler.tick();
      expect(first.get(shop)?.status).toBe("failed");
      expect((await scheduler.tick()).size).toBe(0);
      await scheduler.stop();
    } finally {
      await sim.close();
    }
  }, 60_000);
});
