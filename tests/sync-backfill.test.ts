// Bulk backfill against the simulator over HTTP, on the test database: the result
// equals the simulator's data record by record; an interrupted backfill resumes
// without re-exporting or re-downloading finished resources and without duplicates;
// without read_all_orders only the last 60 days are fetched and the status says so.
import { afterAll, describe, expect, inject, it } from "vitest";
import { validateAdminDocument } from "../simulator/src/index";
import {
  ALL_SCOPES,
  createSyncTestPrisma,
  engineContext,
  expectDatabaseMatchesSimulator,
  startSyncSimulator,
  waitFor,
} from "./sync-support";
import { handleInstall, recordShopInstall } from "~/sync/install";
import { runShopPass } from "~/sync/shop-sync";
import { getShopSyncStatus } from "~/sync/status";

const prisma = createSyncTestPrisma();
afterAll(() => prisma.$disconnect());

describe(`bulk backfill (${inject("databaseKind")})`, () => {
  it("installs a small store: shop details, every record equal to the simulator's, rollups, valid documents", async () => {
    const { sim, shop } = await startSyncSimulator({ seed: 11, size: "small", label: "backfill" });
    try {
      const { accessToken, scope } = sim.control.install(shop);
      const { ctx, seen } = engineContext(prisma, sim, new Map([[shop, accessToken]]));
      // Three bulk exports run side by side (2026-10 allows several at once): with the
      // simulator's exports held, all three must be started before any can finish.
      sim.control.setFaults(shop, { bulkPaused: true });
      const { done } = await handleInstall(ctx, shop, scope);
      const running = await waitFor(async () => {
        const views = sim.simulator.bulk.views(sim.control.store(shop));
        return views.length === 3 && views;
      }, "three bulk exports started while none can finish");
      for (const op of running) expect(["CREATED", "RUNNING"]).toContain(op.status);
      sim.control.setFaults(shop, { bulkPaused: false });
      const outcome = await done;
      expect(outcome?.status).toBe("succeeded");

      const row = await prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
      const data = sim.control.data(shop);
      expect({
        name: row.name,
        currency: row.currencyCode,
        zone: row.ianaTimezone,
        plan: row.planName,
        scopes: row.grantedScopes,
      }).toEqual({
        name: data.shop.name,
        currency: data.shop.currencyCode,
        zone: data.shop.ianaTimezone,
        plan: expect.any(String),
        scopes: scope,
      });
      await expectDatabaseMatchesSimulator(prisma, row.id, data);
      expect(await prisma.insightsShopDay.count({ where: { shopId: row.id } })).toBeGreaterThan(100);

      const status = await getShopSyncStatus(prisma, shop);
      expect(status?.backfillCompleted).toBe(true);
      expect(status?.historyLimitedNote).toBeNull();
      expect(status?.resources.map((r) => [r.resource, r.recordsStored, r.backfill.progress])).toEqual([
        ["customers", data.customers.length, 1],
        ["products", data.products.length, 1],
        ["orders", data.orders.length, 1],
      ]);

      // The same three exports, all finished.
      const ops = sim.simulator.bulk.views(sim.control.store(shop));
      expect(ops.map((o) => o.status)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED"]);

      for (const document of new Set(seen.documents)) expect(validateAdminDocument(document, "2026-10")).toEqual([]);
      expect(seen.throttled).toBe(0);

      // A second pass is incremental: nothing new, no export, no download.
      const downloads = seen.downloads.length;
      const again = await runShopPass(ctx, shop, { trigger: "manual" });
      expect(again.status).toBe("succeeded");
      expect(sim.simulator.bulk.views(sim.control.store(shop))).toHaveLength(3);
      expect(seen.downloads.length).toBe(downloads);
    } finally {
      await sim.close();
    }
  }, 120_000);

  it("resumes an interrupted backfill: no re-export or re-download of finished resources, no duplicates", async () => {
    const { sim, shop } = await startSyncSimulator({ seed: 12, size: "small", label: "resume" });
    try {
      const { accessToken, scope } = sim.control.install(shop);
      const tokens = new Map([[shop, accessToken]]);
      // The orders file trickles in, so customers and products finish first.
      const slowOrders =
        (inner: typeof fetch): typeof fetch =>
        async (input, init) => {
          const response = await inner(input, init);
          const url = String(input);
          const op = sim.simulator.bulk
            .views(sim.control.store(shop))
            .find((o) => o.url && url.startsWith(o.url.split("?")[0]!));
          if (!op?.query.includes("orders") || !response.body) return response;
          const reader = response.body.getReader();
          const body = new ReadableStream<Uint8Array>({
            async pull(controller) {
              const { done, value } = await reader.read();
              if (done) return controller.close();
              for (let i = 0; i < value.length; i += 4096) {
                await new Promise((r) => setTimeout(r, 15));
                controller.enqueue(value.subarray(i, i + 4096));
              }
            },
            cancel: (reason) => reader.cancel(reason),
          });
          return new Response(body, { status: response.status, headers: response.headers });
        };
      const first = engineContext(prisma, sim, tokens, {
        wrapDownload: slowOrders,
        tuning: { backfillBatchSize: 100 },
      });
      const row = await recordShopInstall(prisma, shop, scope);

      const crash = new AbortController();
      const interrupted = runShopPass(first.ctx, shop, { trigger: "install", signal: crash.signal });
      const ordersState = () =>
        prisma.syncState.findUniqueOrThrow({ where: { shopId_resource: { shopId: row.id, resource: "orders" } } });
      await waitFor(async () => {
        const states = await prisma.syncState.findMany({ where: { shopId: row.id } });
        const orders = states.find((s) => s.resource === "orders")!;
        return states.filter((s) => s.backfillStatus === "completed").length === 2 && orders.recordsStored >= 300;
      }, "customers and products done, orders part-way");
      crash.abort(new Error("simulated crash"));
      const crashed = await interrupted;
      expect(crashed.status).toBe("failed");
      const stopped = await ordersState();
      expect(stopped.backfillStatus).toBe("running");
      expect(stopped.recordsStored).toBeLessThan(1500);
      const committedBefore = await prisma.order.count({ where: { shopId: row.id } });
      expect(committedBefore).toBeGreaterThanOrEqual(stopped.recordsStored);

      // Restart (a new process: fresh observers).
      const second = engineContext(prisma, sim, tokens, { tuning: { backfillBatchSize: 100 } });
      const resumed = await runShopPass(second.ctx, shop, { trigger: "manual" });
      expect(resumed.status).toBe("succeeded");
      const ops = sim.simulator.bulk.views(sim.control.store(shop));
      expect(ops).toHaveLength(3); // no new export at all
      expect(second.seen.downloads).toHaveLength(1); // only the orders file
      expect(second.seen.downloads[0]).toContain(
        ops
          .find((o) => o.query.includes("orders"))!
          .id.split("/")
          .pop()!,
      );
      // Only orders are backfilled again; the finished resources just get their incremental pass.
      expect(
        resumed.status === "succeeded" && resumed.resources.filter((r) => r.kind === "backfill").map((r) => r.resource),
      ).toEqual(["orders"]);

      const data = sim.control.data(shop);
      await expectDatabaseMatchesSimulator(prisma, row.id, data);
      expect(await prisma.orderLineItem.count({ where: { shopId: row.id } })).toBe(
        data.orders.reduce((n, o) => n + o.lineItems.length, 0),
      );
      expect(await prisma.refund.count({ where: { shopId: row.id } })).toBe(
        data.orders.reduce((n, o) => n + o.refunds.length, 0),
      );
      const final = await ordersState();
      expect(final).toMatchObject({
        backfillStatus: "completed",
        recordsStored: data.orders.length,
        recordsExpected: data.orders.length,
      });
    } finally {
      await sim.close();
    }
  }, 120_000);

  it("without read_all_orders fetches only the last 60 days of orders and says so", async () => {
    const { sim, shop } = await startSyncSimulator({ seed: 13, size: "small", label: "recent" });
    try {
      const scopes = ALL_SCOPES.filter((s) => s !== "read_all_orders");
      const { accessToken, scope } = sim.control.install(shop, { scopes });
      const { ctx } = engineContext(prisma, sim, new Map([[shop, accessToken]]));
      const { shop: row, done } = await handleInstall(ctx, shop, scope);
      expect(await done).toMatchObject({ status: "succeeded" });

      const state = await prisma.syncState.findUniqueOrThrow({
        where: { shopId_resource: { shopId: row.id, resource: "orders" } },
      });
      expect(state.backfillSince).not.toBeNull();
      const since = state.backfillSince!;
      expect(Date.now() - since.getTime()).toBeGreaterThan(59 * 86_400_000);
      expect(Date.now() - since.getTime()).toBeLessThan(61 * 86_400_000);
      await expectDatabaseMatchesSimulator(prisma, row.id, sim.control.data(shop), { ordersProcessedSince: since });
      const status = await getShopSyncStatus(prisma, shop);
      expect(status?.historyLimitedNote).toMatch(/last 60 days/);
    } finally {
      await sim.close();
    }
  }, 120_000);
});
