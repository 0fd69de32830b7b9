// Admin API faults during a sync pass, through the sync engine the app runs (real
// database, the simulator over HTTP): 5xx bursts, a 30 s outage (on a virtual clock shared
// by the client and the simulator, so the backoff is real but nothing waits 30 s),
// throttling storms, bulk operations FAILED (with and without partial data) or with
// expired results, a token revoked mid-pass, and an uninstall during the backfill followed
// by a reinstall. After each: the pass failed cleanly or finished, and the next pass leaves
// the database equal to the simulator's data (helpers/convergence.ts), no duplicates.
import { afterAll, describe, expect, inject, it } from "vitest";
import type { RunningSimulator, StartSimulatorOptions } from "../../simulator/src/index";
import { handleInstall } from "~/sync/install";
import { uninstallShop } from "~/sync/lifecycle";
import { createSyncScheduler } from "~/sync/scheduler";
import { NEEDS_REAUTH_MESSAGE, runShopPass, type PassOutcome } from "~/sync/shop-sync";
import { getShopSyncStatus } from "~/sync/status";
import { expectConverged, virtualClock } from "../helpers/convergence";
import {
  ALL_SCOPES,
  createShopRow,
  createSyncTestPrisma,
  engineContext,
  startSyncSimulator,
  waitFor,
  type EngineOptions,
} from "../sync-support";

const prisma = createSyncTestPrisma();
afterAll(() => prisma.$disconnect());

const SIZE = { orders: 120, customers: 40, products: 8, days: 90 };

interface Scenario {
  sim: RunningSimulator;
  shop: string;
  shopId: number;
  tokens: Map<string, string>;
  ctx: ReturnType<typeof engineContext>["ctx"];
  seen: ReturnType<typeof engineContext>["seen"];
  clock: ReturnType<typeof virtualClock>;
  token(): string;
}

async function scenario(
  label: string,
  seed: number,
  options: { simulator?: Partial<StartSimulatorOptions>; engine?: EngineOptions } = {},
): Promise<Scenario> {
  const clock = virtualClock();
  const { sim, shop } = await startSyncSimulator(
    { seed, size: SIZE, label },
    { clock: clock.now, ...options.simulator },
  );
  const { accessToken } = sim.control.install(shop);
  const tokens = new Map([[shop, accessToken]]);
  const { ctx, seen } = engineContext(prisma, sim, tokens, {
    ...options.engine,
    client: { now: clock.now, sleep: clock.sleep, ...options.engine?.client },
  });
  const row = await createShopRow(prisma, shop);
  return { sim, shop, shopId: row.id, tokens, ctx, seen, clock, token: () => tokens.get(shop)! };
}

async function states(shopId: number) {
  return prisma.syncState.findMany({ where: { shopId }, orderBy: { resource: "asc" } });
}

/** A failed pass leaves a consistent record: an error per failed resource, the lease given back. */
async function expectFailedCleanly(outcome: PassOutcome, shopId: number, error: RegExp) {
  expect(outcome.status).toBe("failed");
  const rows = await states(shopId);
  const failed = rows.filter((s) => s.status === "error");
  expect(failed.length).toBeGreaterThan(0);
  for (const s of failed) expect(s.lastError).toMatch(error);
  for (const s of rows) expect(s.leaseOwner).toBeNull();
}

describe(`Admin API faults during a pass (${inject("databaseKind")})`, () => {
  it("5xx bursts during the backfill and the next incremental pass: retried with backoff, converges", async () => {
    const s = await scenario("burst", 61);
    try {
      s.sim.control.setFaults(s.shop, { adminApiErrorRate: 0.5, seed: 11 });
      const backfill = await runShopPass(s.ctx, s.shop, { trigger: "install" });
      expect(backfill.status).toBe("succeeded");
      s.sim.control.createCustomer(s.shop, { firstName: "Burst", lastName: "Survivor", email: "burst@example.com" });
      const incremental = await runShopPass(s.ctx, s.shop, { trigger: "scheduled" });
      s.sim.control.setFaults(s.shop, { adminApiErrorRate: 0 });
      expect(incremental.status).toBe("succeeded");
      const retried = s.seen.retries.filter((r) => r === "HTTP 503").length;
      // Every 503 the simulator answered was retried (none surfaced as a failure).
      const answered503 = s.sim.simulator.requestLog.calls(s.shop).filter((c) => c.status === 503).length;
      expect(retried).toBe(answered503);
      expect(retried).toBeGreaterThanOrEqual(3);
      // Backoff, not a hot loop: the client waited between attempts.
      expect(s.clock.skippedMs()).toBeGreaterThan(retried * 100);
      const counts = await expectConverged(prisma, s.sim, s.shop, s.token());
      console.log(`5xx burst: ${retried} retried 503s; converged ${JSON.stringify(counts)}`);
    } finally {
      await s.sim.close();
    }
  }, 120_000);

  it("a 30 s outage (every request 503) in the middle of the backfill: the pass waits it out and converges", async () => {
    let calls = 0;
    let outageStarted = false;
    let s: Scenario | undefined = undefined;
    s = await scenario("outage", 62, {
      engine: {
        aroundRequest: async (shop, call) => {
          calls += 1;
          // The outage begins after the exports were started, while the pass polls them.
          if (calls === 4 && !outageStarted) {
            outageStarted = true;
            s!.sim.control.setFaults(shop, { adminApiDownUntil: s!.clock.now() + 30_000 });
          }
          return call();
        },
      },
    });
    try {
      const realStart = Date.now();
      const outcome = await runShopPass(s.ctx, s.shop, { trigger: "install" });
      expect(outageStarted).toBe(true);
      expect(outcome.status).toBe("succeeded");
      const failedRequests = s.seen.retries.filter((r) => r === "HTTP 503").length;
      // The outage lasted 30 s of the clock the client and the simulator share…
      expect(s.clock.skippedMs()).toBeGreaterThanOrEqual(30_000);
      // …and exponential backoff kept the attempts few (each caller: 0.25, 0.5, 1, 2, 4, 8, 10, 10 s …).
      expect(failedRequests).toBeGreaterThan(0);
      expect(failedRequests).toBeLessThan(40);
      const counts = await expectConverged(prisma, s.sim, s.shop, s.token());
      console.log(
        `30 s outage: ${failedRequests} attempts answered 503, ${Math.round(s.clock.skippedMs() / 1000)} s waited (virtual), ${Date.now() - realStart} ms real; converged ${JSON.stringify(counts)}`,
      );
    } finally {
      await s.sim.close();
    }
  }, 120_000);

  it("a throttling storm (40% of queries THROTTLED): waits for the bucket, converges, no duplicates", async () => {
    const s = await scenario("storm", 63);
    try {
      s.sim.control.setFaults(s.shop, { throttleRate: 0.4, seed: 5 });
      const backfill = await runShopPass(s.ctx, s.shop, { trigger: "install" });
      expect(backfill.status).toBe("succeeded");
      for (const c of s.sim.control.data(s.shop).customers.slice(0, 30)) {
        s.sim.control.updateCustomer(s.shop, c.id, { tags: ["storm"] });
      }
      const incremental = await runShopPass(s.ctx, s.shop, { trigger: "scheduled" });
      expect(incremental.status).toBe("succeeded");
      s.sim.control.setFaults(s.shop, { throttleRate: 0 });
      expect(s.seen.throttled).toBeGreaterThan(3);
      const counts = await expectConverged(prisma, s.sim, s.shop, s.token());
      console.log(
        `throttling storm: ${s.seen.throttled} THROTTLED answers retried; converged ${JSON.stringify(counts)}`,
      );
    } finally {
      await s.sim.close();
    }
  }, 120_000);

  it.each([
    [
      "FAILED with partial data (INTERNAL_SERVER_ERROR after 25 objects)",
      { bulkFailure: "INTERNAL_SERVER_ERROR", bulkFailAfterObjects: 25 },
    ],
    ["FAILED before any data (TIMEOUT)", { bulkFailure: "TIMEOUT", bulkFailAfterObjects: 0 }],
    ["results expired (EXPIRED, no URL)", { bulkResultsExpired: true }],
  ] as const)(
    "bulk export %s: the pass fails cleanly, the next one converges",
    async (_name, knobs) => {
      const s = await scenario("bulk", 64);
      try {
        s.sim.control.setFaults(s.shop, knobs);
        const failed = await runShopPass(s.ctx, s.shop, { trigger: "install" });
        await expectFailedCleanly(failed, s.shopId, /bulk export of \w+ ended (FAILED|EXPIRED)/);
        // Nothing of a failed export counts as imported: its resource is not marked complete.
        const afterFailure = await states(s.shopId);
        expect(afterFailure.some((st) => st.status === "error")).toBe(true);
        for (const st of afterFailure.filter((st) => st.status === "error")) {
          expect(st.backfillStatus, st.resource).not.toBe("completed");
          expect(st.bulkOperationId, st.resource).toBeNull();
        }
        s.sim.control.setFaults(s.shop, { bulkFailure: null, bulkFailAfterObjects: 0, bulkResultsExpired: false });
        const next = await runShopPass(s.ctx, s.shop, { trigger: "scheduled" });
        expect(next.status).toBe("succeeded");
        await expectConverged(prisma, s.sim, s.shop, s.token());
      } finally {
        await s.sim.close();
      }
    },
    120_000,
  );

  it("a token revoked mid-pass: needs re-auth, no retry loop, no crash; the scheduler leaves the shop alone", async () => {
    let calls = 0;
    let callsAfterRevoke = 0;
    let revoked = false;
    let s: Scenario | undefined = undefined;
    s = await scenario("revoked", 65, {
      engine: {
        aroundRequest: async (shop, call) => {
          calls += 1;
          if (revoked) callsAfterRevoke += 1;
          if (calls === 5 && !revoked) {
            revoked = true;
            s!.sim.simulator.tokens.revokeShop(shop);
          }
          return call();
        },
      },
    });
    try {
      const outcome = await runShopPass(s.ctx, s.shop, { trigger: "install" });
      expect(revoked).toBe(true);
      expect(outcome.status).toBe("failed");
      // Each resource's caller learns it once (401 is not retried): at most one call each.
      expect(callsAfterRevoke).toBeLessThanOrEqual(3);
      const status = await getShopSyncStatus(prisma, s.shop);
      expect(status?.needsReauth).toBe(true);
      const rows = await states(s.shopId);
      expect(rows.filter((r) => r.status === "needs_reauth").length).toBeGreaterThan(0);
      for (const r of rows.filter((r) => r.status === "needs_reauth")) expect(r.lastError).toBe(NEEDS_REAUTH_MESSAGE);
      for (const r of rows) expect(r.leaseOwner).toBeNull();
      // No crash loop: ticks of the scheduler do not pick the shop up again.
      const before = callsAfterRevoke;
      const scheduler = createSyncScheduler(s.ctx, { spreadMs: 0, onlyShops: [s.shop] });
      expect((await scheduler.tick()).size).toBe(0);
      expect((await scheduler.tick()).size).toBe(0);
      await scheduler.stop();
      expect(callsAfterRevoke).toBe(before);
    } finally {
      await s.sim.close();
    }
  }, 120_000);

  it("uninstall during the backfill stops it; a reinstall starts clean and leaves no orphaned rows", async () => {
    let callsAfterUninstall = 0;
    let uninstalled = false;
    const s = await scenario("reinstall", 66, {
      simulator: { bulk: { objectsPerSecond: 150 } },
      engine: {
        aroundRequest: async (_shop, call) => {
          if (uninstalled) callsAfterUninstall += 1;
          return call();
        },
      },
    });
    try {
      // A product no order refers to, so deleting it later leaves no line pointing at it.
      const doomed = s.sim.control.createProduct(s.shop, {
        title: "Discontinued lamp",
        variants: [{ price: "12.00" }],
      });
      const fast = { ...s.ctx, options: { ...s.ctx.options, leaseMs: 3_000 } };
      const running = runShopPass(fast, s.shop, { trigger: "install" });
      const store = s.sim.control.store(s.shop);
      // Uninstalled mid-backfill: products are stored, the orders export still runs.
      await waitFor(
        async () =>
          (await prisma.syncState.findFirst({
            where: { shopId: s.shopId, resource: "products", backfillStatus: "completed" },
          })) !== null,
        "the products backfill",
      );
      expect(await prisma.product.count({ where: { shopId: s.shopId, id: BigInt(doomed.id) } })).toBe(1);
      const oldExports = new Set(s.sim.simulator.bulk.views(store).map((v) => v.id));
      s.sim.control.uninstall(s.shop);
      uninstalled = true;
      await uninstallShop(prisma, s.shop); // what the app/uninstalled webhook does
      const stopped = await running;
      expect(stopped.status).toBe("failed");
      expect(callsAfterUninstall).toBeLessThanOrEqual(3);
      expect((await states(s.shopId)).every((st) => st.status === "stopped")).toBe(true);

      // While the app is uninstalled the store changes and no webhook reaches us.
      const data = s.sim.control.data(s.shop);
      const refunded = data.orders.find((o) => o.refunds.length > 0)!;
      s.sim.control.deleteOrder(s.shop, refunded.id);
      s.sim.control.deleteOrder(s.shop, data.orders.find((o) => o.id !== refunded.id)!.id);
      s.sim.control.deleteProduct(s.shop, doomed.id);
      s.sim.control.createCustomer(s.shop, { firstName: "Back", lastName: "Again", email: "back@example.com" });

      // Reinstall: a new token, afterAuth's install hook.
      s.sim.control.setFaults(s.shop, {});
      s.tokens.set(s.shop, s.sim.control.install(s.shop).accessToken);
      s.sim.simulator.bulk.setSpeed(200_000);
      uninstalled = false;
      const { done } = await handleInstall(s.ctx, s.shop, ALL_SCOPES.join(","));
      expect(await done).toMatchObject({ status: "succeeded" });
      // Started clean: exports made after the reinstall, not the interrupted ones.
      const used = (await states(s.shopId)).map((st) => st.bulkOperationId).filter((id): id is string => id !== null);
      for (const id of used) expect(oldExports.has(id)).toBe(false);
      await expectConverged(prisma, s.sim, s.shop, s.token());
    } finally {
      await s.sim.close();
    }
  }, 120_000);
});
