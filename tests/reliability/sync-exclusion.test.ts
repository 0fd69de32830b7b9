// One sync pass per shop at a time, whoever starts it: two engines on one database
// (two app instances; on PostgreSQL each with its own pool), each with its cron tick and
// "Sync now", plus the install hook, all at the same moment — exactly one pass. The
// per-process cap holds with many due shops and overlapping ticks, and a pass whose
// lease was taken over writes nothing more.
//
// Passes are observed in the database (sync_run rows: one per resource and pass) and
// at the Admin API (a gate that holds the first page request, so every entry point has
// decided before the winning pass can end).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startSimulator } from "../../simulator/src/index";
import { uniqueShopDomain } from "../helpers/db";
import { createSyncTestPrisma, engineContext, simulatorFetch, startSyncSimulator, waitFor } from "../sync-support";
import { handleInstall } from "~/sync/install";
import { claimShopLease, releaseShopLease } from "~/sync/lease";
import { passRunner, syncNow } from "~/sync/pass-runner";
import { createSyncScheduler } from "~/sync/scheduler";
import { runShopPass, type PassOutcome } from "~/sync/shop-sync";
import { SYNC_RESOURCES } from "~/sync/backfill";

const prisma = createSyncTestPrisma();
const postgres = inject("databaseKind") === "postgresql";
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

async function makeDue(shopIds: number[]) {
  await prisma.syncState.updateMany({
    where: { shopId: { in: shopIds } },
    data: { nextRunAt: new Date(Date.now() - 1000) },
  });
}

/** Holds Admin API page requests until opened; counts the ones waiting. */
function pageGate(simUrl: string, matches: (body: string) => boolean) {
  const toSim = simulatorFetch(simUrl);
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let waiting = 0;
  const fetchFn: typeof fetch = async (input, init) => {
    if (typeof init?.body === "string" && matches(init.body)) {
      waiting += 1;
      await opened;
      waiting -= 1;
    }
    return toSim(input, init);
  };
  return { fetch: fetchFn, open, waiting: () => waiting };
}

// A pass reads its resources side by side: its first orders page stands for the pass
// (one held request per pass; two held means two passes).
const isPassFirstOrdersPage = (body: string) => body.includes("StorepulseOrdersPage");

interface RunRow {
  shop_id: number;
  /** A pass opens its runs in one statement: runs of one pass share their start. */
  started: string;
  resource: string;
  started_ms: number;
  finished_ms: number;
}

/** The newest sync_run id so far: runs after it are the ones under test. */
async function lastRunId(): Promise<number> {
  return (await prisma.syncRun.aggregate({ _max: { id: true } }))._max.id ?? 0;
}

async function runsSince(shopIds: number[], afterId: number): Promise<RunRow[]> {
  return prisma.$queryRaw<RunRow[]>`
    SELECT shop_id, resource, started_at::text AS started,
      (extract(epoch FROM started_at) * 1000)::float8 AS started_ms,
      (extract(epoch FROM finished_at) * 1000)::float8 AS finished_ms
    FROM sync_run WHERE shop_id = ANY(${shopIds}::int[]) AND id > ${afterId}
    ORDER BY started_at, id`;
}

describe(`one sync pass per shop (${inject("databaseKind")})`, () => {
  it("two instances' cron ticks and Sync now plus the install hook, all at once: exactly one pass", async () => {
    const { sim, shop } = await startSyncSimulator({
      seed: 41,
      size: { orders: 30, customers: 10, products: 4, days: 20 },
      label: "exclusive",
    });
    try {
      const { accessToken, scope } = sim.control.install(shop);
      const tokens = new Map([[shop, accessToken]]);
      // The backfill first (ungated); then the passes under test are incremental ones.
      const setup = engineContext(prisma, sim, tokens, { workerId: "setup" });
      expect((await (await handleInstall(setup.ctx, shop, scope)).done)?.status).toBe("succeeded");
      await addOfflineSession(shop, accessToken);
      const row = await prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
      await makeDue([row.id]);

      const gate = pageGate(sim.url, isPassFirstOrdersPage);
      const a = engineContext(prisma, sim, tokens, { workerId: "instance-a", client: { fetch: gate.fetch } });
      const b = engineContext(otherInstance, sim, tokens, { workerId: "instance-b", client: { fetch: gate.fetch } });
      const cronA = createSyncScheduler(a.ctx, { spreadMs: 0, onlyShops: [shop] });
      const cronB = createSyncScheduler(b.ctx, { spreadMs: 0, onlyShops: [shop] });
      const since = await lastRunId();

      const outcomes: Promise<PassOutcome | null | undefined>[] = [
        cronA.tick().then((r) => r.get(shop)),
        cronB.tick().then((r) => r.get(shop)),
        syncNow(a.ctx, shop).then((answer) => (answer.accepted ? answer.done : null)),
        syncNow(b.ctx, shop).then((answer) => (answer.accepted ? answer.done : null)),
        handleInstall(a.ctx, shop, scope).then((install) => install.done),
      ];
      let settled = 0;
      for (const outcome of outcomes) void outcome.finally(() => (settled += 1));
      // Every entry point but the winner has decided while the winner's first page
      // request is held; two passes would both be held here.
      await waitFor(
        async () => (gate.waiting() >= 1 && settled >= outcomes.length - 1) || gate.waiting() >= 2,
        "every entry point to decide",
      );
      expect(gate.waiting()).toBe(1);
      gate.open();
      const results = await Promise.all(outcomes);

      const ran = results.filter((r) => r && r.status !== "skipped");
      expect(ran).toHaveLength(1);
      expect(ran[0]!.status).toBe("succeeded");
      // The database's record: one sync_run per resource, i.e. one pass.
      const runs = await runsSince([row.id], since);
      expect(runs.map((r) => r.resource).sort()).toEqual([...SYNC_RESOURCES].sort());
      await Promise.all([cronA.stop(), cronB.stop()]);
    } finally {
      await sim.close();
    }
  }, 120_000);

  it("the per-process cap holds with many due shops, overlapping ticks, Sync now and installs", async () => {
    const domains = Array.from({ length: 6 }, (_, i) => uniqueShopDomain(`cap${i}`));
    const sim = await startSimulator({
      port: 0,
      appToml: false,
      bulk: { objectsPerSecond: 200_000 },
      shops: domains.map((domain, i) => ({
        domain,
        seed: 50 + i,
        size: { orders: 8, customers: 4, products: 2, days: 5 },
      })),
    });
    try {
      const tokens = new Map<string, string>();
      const scopes = new Map<string, string>();
      for (const domain of domains) {
        const { accessToken, scope } = sim.control.install(domain);
        tokens.set(domain, accessToken);
        scopes.set(domain, scope);
      }
      const setup = engineContext(prisma, sim, tokens, { workerId: "cap-setup", tuning: { maxConcurrentPasses: 6 } });
      for (const domain of domains) {
        expect((await (await handleInstall(setup.ctx, domain, scopes.get(domain)!)).done)?.status).toBe("succeeded");
        await addOfflineSession(domain, tokens.get(domain)!);
      }
      const rows = await prisma.shop.findMany({ where: { domain: { in: domains } } });
      const ids = rows.map((r) => r.id);
      await makeDue(ids);

      // Slow Admin API answers make passes overlap for long enough to see the cap.
      const cap = 2;
      const { ctx } = engineContext(prisma, sim, tokens, {
        workerId: "capped",
        tuning: { maxConcurrentPasses: cap },
        aroundRequest: async (_shop, call) => {
          await new Promise((resolve) => setTimeout(resolve, 150));
          return call();
        },
      });
      const cron = createSyncScheduler(ctx, { spreadMs: 0, onlyShops: domains });
      const since = await lastRunId();
      const [, second] = await Promise.all([
        cron.tick(),
        cron.tick(),
        ...domains.slice(0, 3).map((d) => syncNow(ctx, d).then((answer) => (answer.accepted ? answer.done : null))),
        handleInstall(ctx, domains[5]!, scopes.get(domains[5]!)!).then((install) => install.done),
      ]);
      await passRunner(ctx).idle();
      // The second tick came while the first was handing out shops: it did nothing.
      expect(second.size).toBe(0);

      const runs = await runsSince(ids, since);
      // Every shop had a pass; a shop's passes never overlapped; never more than `cap` shops at once.
      expect(new Set(runs.map((r) => r.shop_id))).toEqual(new Set(ids));
      const points = runs.flatMap((r) => [r.started_ms, r.finished_ms]);
      let peak = 0;
      for (const t of points) {
        const active = runs.filter((r) => r.started_ms <= t && t < r.finished_ms);
        const shops = new Set(active.map((r) => r.shop_id));
        for (const id of shops) {
          // The runs of a shop active at one moment all belong to one pass.
          expect(new Set(active.filter((r) => r.shop_id === id).map((r) => r.started)).size, `shop ${id} at ${t}`).toBe(
            1,
          );
        }
        peak = Math.max(peak, shops.size);
      }
      expect(peak).toBeLessThanOrEqual(cap);
      expect(peak).toBe(cap);
      await cron.stop();
    } finally {
      await sim.close();
    }
  }, 180_000);

  it("a pass whose lease was taken over writes nothing more and does not release the new holder's lease", async () => {
    const { sim, shop } = await startSyncSimulator({
      seed: 43,
      size: { orders: 20, customers: 6, products: 3, days: 10 },
      label: "stolen",
    });
    try {
      const { accessToken, scope } = sim.control.install(shop);
      const tokens = new Map([[shop, accessToken]]);
      const setup = engineContext(prisma, sim, tokens, { workerId: "stolen-setup" });
      expect((await (await handleInstall(setup.ctx, shop, scope)).done)?.status).toBe("succeeded");
      const row = await prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
      const watermarkBefore = (
        await prisma.syncState.findUniqueOrThrow({ where: { shopId_resource: { shopId: row.id, resource: "orders" } } })
      ).watermark;

      // New orders in Shopify: the next pass's orders page carries them.
      const created = [1, 2, 3].map((n) =>
        sim.control.createOrder(shop, { lineItems: [{ title: `Probe ${n}`, price: "12.50", quantity: 1 }] }),
      );
      const gate = pageGate(sim.url, (body) => body.includes("StorepulseOrdersPage"));
      // A long lease: the heartbeat (every leaseMs / 3) does not run during the test;
      // what stops the old pass is the fence on its writes.
      const worker = "same-worker";
      const { ctx } = engineContext(prisma, sim, tokens, {
        workerId: worker,
        tuning: { leaseMs: 120_000 },
        client: { fetch: gate.fetch },
      });
      const old = runShopPass(ctx, shop, { trigger: "scheduled" });
      await waitFor(async () => gate.waiting() === 1, "the old pass to ask for the orders page");

      // The old pass stalls past its lease; another pass — same worker id — takes over.
      await prisma.$executeRaw`UPDATE sync_state SET lease_expires_at = now() - interval '1 second' WHERE shop_id = ${row.id}`;
      const thief = await claimShopLease(otherInstance, row.id, worker, 120_000);
      expect(thief).not.toBeNull();
      gate.open();
      const outcome = await old;

      const stored = await prisma.order.count({
        where: { shopId: row.id, id: { in: created.map((o) => BigInt(o.id)) } },
      });
      expect(stored).toBe(0);
      expect(outcome).toMatchObject({ status: "failed", leaseLost: true });
      const states = await prisma.syncState.findMany({ where: { shopId: row.id } });
      expect(states.every((s) => s.leaseToken === thief!.token)).toBe(true);
      expect(states.find((s) => s.resource === "orders")!.watermark).toEqual(watermarkBefore);

      // Control: once the new holder is done, a pass stores them.
      await releaseShopLease(otherInstance, thief!);
      const next = engineContext(prisma, sim, tokens, { workerId: worker });
      expect((await runShopPass(next.ctx, shop, { trigger: "scheduled" })).status).toBe("succeeded");
      expect(
        await prisma.order.count({ where: { shopId: row.id, id: { in: created.map((o) => BigInt(o.id)) } } }),
      ).toBe(created.length);
    } finally {
      await sim.close();
    }
  }, 120_000);
});
