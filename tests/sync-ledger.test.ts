// The sales ledger (Order.agreements → sales) in the `sale` table, on every ingestion
// path, against the simulator over HTTP on the test database: after the bulk backfill
// (also interrupted and resumed), after an incremental pass over edits, refunds and
// orders whose ledger does not fit in one page, and after reads by the refresh that
// webhooks ask for (cost-aware `nodes(ids:)` batches; one bulk export for a large
// backlog). The expectation is read in the test with its own plain GraphQL query
// (tests/ledger-support.ts), independent of the app's code: same ids, same amounts, no
// duplicates; reading every order again changes nothing.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { RunningSimulator } from "../simulator/src/index";
import { adminLedger, storedLedger } from "./ledger-support";
import {
  createSyncTestPrisma,
  engineContext,
  installAndBackfill,
  startSyncSimulator,
  waitFor,
  type EngineOptions,
} from "./sync-support";
import { recordShopInstall } from "~/sync/install";
import { deleteRecords } from "~/sync/store";
import { redactShop } from "~/sync/lifecycle";
import { ledgerBatchSize, LEDGER_COST_TARGET } from "~/sync/ledger-fetch";
import { drainLedgerRefresh, requestLedgerRefresh } from "~/sync/ledger-refresh";
import { ORDER_LEDGERS } from "~/sync/queries";
import { runShopPass } from "~/sync/shop-sync";
import { recomputeAllRollups } from "~/insights/rollups";

const prisma = createSyncTestPrisma();
afterAll(() => prisma.$disconnect());

const installed = (sim: RunningSimulator, shop: string, options: EngineOptions = {}) =>
  installAndBackfill(prisma, sim, shop, options);

async function expectLedgerMatches(sim: RunningSimulator, shop: string, token: string, shopId: number) {
  const expected = await adminLedger(sim.url, token);
  const stored = await storedLedger(prisma, shopId);
  expect(stored.length).toBe(expected.length);
  expect(stored).toEqual(expected);
  return expected;
}

/** Edits, refunds and a big order through the simulator's control API (what a merchant does). */
function changeOrders(sim: RunningSimulator, shop: string) {
  const data = sim.control.data(shop);
  const open = data.orders.filter((o) => !o.cancelledAt && o.lineItems.length > 0);
  const variants = data.products.flatMap((p) => p.variants);
  // An order whose ledger does not fit in the first page: 14 product sales at placement
  // (more than the 10 sales per agreement the pages carry) and, after 4 edits and
  // refunds, more agreements than the 3 per order they carry.
  const big = sim.control.createOrder(shop, {
    customerId: data.customers[0]!.id,
    lineItems: variants.slice(0, 14).map((v, i) => ({ variantId: v.id, quantity: 1 + (i % 3) })),
    orderDiscount: { code: "BIG10", amount: "10.00" },
    shippingPrice: "9.95",
    taxRate: "0.08",
  }) as { id: number; lineItems: { id: number; quantity: number }[] };
  for (let i = 0; i < 2; i++) {
    const line = big.lineItems[i]!;
    sim.control.editOrder(shop, big.id, { quantities: [{ lineItemId: line.id, quantity: line.quantity + 2 }] });
  }
  sim.control.refundOrder(shop, big.id, {
    lineItems: [{ lineItemId: big.lineItems[3]!.id, quantity: 1 }],
    shipping: { full: true },
  });
  sim.control.refundOrder(shop, big.id, { lineItems: [{ lineItemId: big.lineItems[4]!.id, quantity: 1 }] });
  for (const order of open.slice(0, 6)) {
    const line = order.lineItems[0]!;
    sim.control.editOrder(shop, order.id, { quantities: [{ lineItemId: line.id, quantity: line.quantity + 1 }] });
  }
  for (const order of open.slice(6, 12)) {
    try {
      sim.control.refundOrder(shop, order.id, { lineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }] });
    } catch {
      // nothing left to refund on this one
    }
  }
  return big.id;
}

describe(`sales ledger ingestion (${inject("databaseKind")})`, () => {
  it("backfill (bulk, ungrouped lines in small batches, interrupted and resumed) stores exactly the Admin API's ledger", async () => {
    const { sim, shop } = await startSyncSimulator({
      seed: 91,
      size: { orders: 300, customers: 100, products: 20, days: 200 },
      label: "ledger-backfill",
    });
    try {
      const { accessToken, scope } = sim.control.install(shop);
      const tokens = new Map([[shop, accessToken]]);
      // Small batches: a sale line often lands in a later batch than its agreement.
      const first = engineContext(prisma, sim, tokens, { tuning: { backfillBatchSize: 40 } });
      const row = await recordShopInstall(prisma, shop, scope);
      const crash = new AbortController();
      const interrupted = runShopPass(first.ctx, shop, { trigger: "install", signal: crash.signal });
      await waitFor(async () => {
        const orders = await prisma.syncState.findUnique({
          where: { shopId_resource: { shopId: row.id, resource: "orders" } },
        });
        return (orders?.recordsStored ?? 0) >= 40 && (await prisma.sale.count({ where: { shopId: row.id } })) > 0;
      }, "orders and sales part-way");
      crash.abort(new Error("simulated crash"));
      await interrupted;

      const second = engineContext(prisma, sim, tokens, { tuning: { backfillBatchSize: 40 } });
      expect((await runShopPass(second.ctx, shop, { trigger: "manual" })).status).toBe("succeeded");
      const expected = await expectLedgerMatches(sim, shop, accessToken, row.id);
      // The store has every kind of agreement the generator makes, and sales on later days than the order.
      expect(new Set(expected.map((s) => s.agreementKind))).toEqual(
        new Set(["order", "order_edit", "refund", "return"].filter((k) => expected.some((s) => s.agreementKind === k))),
      );
      expect(expected.length).toBeGreaterThan(100);
      expect(expected.some((s) => s.actionType === "RETURN")).toBe(true);
      expect(await prisma.saleAgreement.count({ where: { shopId: row.id } })).toBe(
        new Set(expected.map((s) => s.agreementId)).size,
      );
    } finally {
      await sim.close();
    }
  }, 180_000);

  it("incremental pass: edits, refunds and a ledger beyond the first page; reading every order again changes nothing", async () => {
    const { sim, shop } = await startSyncSimulator({
      seed: 92,
      size: { orders: 300, customers: 100, products: 20, days: 200 },
      label: "ledger-incremental",
    });
    try {
      const { ctx, row, token, seen } = await installed(sim, shop);
      await expectLedgerMatches(sim, shop, token, row.id);

      const bigId = changeOrders(sim, shop);
      expect((await runShopPass(ctx, shop, { trigger: "manual" })).status).toBe("succeeded");
      const expected = await expectLedgerMatches(sim, shop, token, row.id);
      const big = expected.filter((s) => s.orderId === String(bigId));
      expect(new Set(big.map((s) => s.agreementId)).size).toBeGreaterThan(3);
      expect(big.filter((s) => s.agreementKind === "order").length).toBeGreaterThan(10);
      // The follow-up pages were used (the first page could not hold that order).
      expect(seen.documents.some((d) => d.includes("query StorepulseOrderAgreements"))).toBe(true);
      expect(seen.documents.some((d) => d.includes("query StorepulseAgreementSales"))).toBe(true);

      // Re-read every order (as a pass after a lost watermark would): nothing changes.
      const before = await storedLedger(prisma, row.id);
      await prisma.syncState.update({
        where: { shopId_resource: { shopId: row.id, resource: "orders" } },
        data: { watermark: new Date(0) },
      });
      expect((await runShopPass(ctx, shop, { trigger: "manual" })).status).toBe("succeeded");
      expect(await storedLedger(prisma, row.id)).toEqual(before);
      const orderIds = (await prisma.order.findMany({ where: { shopId: row.id }, select: { id: true } })).map((o) =>
        o.id.toString(),
      );
      await requestLedgerRefresh(prisma, row.id, orderIds);
      const client = await ctx.clientFor(shop);
      await drainLedgerRefresh(ctx, row, client);
      expect(await storedLedger(prisma, row.id)).toEqual(before);
      expect(await prisma.orderLedgerRefresh.count({ where: { shopId: row.id } })).toBe(0);
    } finally {
      await sim.close();
    }
  }, 180_000);

  it("a shop synced before the ledger existed gets it on its next pass (migration 20261201165000)", async () => {
    const { sim, shop } = await startSyncSimulator({
      seed: 93,
      size: { orders: 120, customers: 40, products: 10, days: 90 },
      label: "ledger-upgrade",
    });
    try {
      const { ctx, row, token } = await installed(sim, shop);
      const expected = await expectLedgerMatches(sim, shop, token, row.id);
      const dayTotals = () =>
        prisma.$queryRaw<{ day: string; gross: string; discounts: string; returns: string; taxes: string }[]>`
          SELECT local_date::text AS day, gross_sales::text AS gross, discounts::text AS discounts,
                 returns::text AS returns, taxes::text AS taxes
          FROM insights_shop_day WHERE shop_id = ${row.id} ORDER BY local_date`;
      const synced = await dayTotals();
      expect(synced.some((d) => d.gross !== "0.0000")).toBe(true);

      // The state an upgraded database is in: orders stored, no ledger, rollups without sales.
      await prisma.$executeRaw`DELETE FROM sale WHERE shop_id = ${row.id}`;
      await prisma.$executeRaw`DELETE FROM sale_agreement WHERE shop_id = ${row.id}`;
      await recomputeAllRollups(prisma, row.id);
      expect(await dayTotals()).not.toEqual(synced);

      const migration = readFileSync(
        new URL("../prisma/migrations/20261201165000_mark_orders_without_ledger/migration.sql", import.meta.url),
        "utf8",
      );
      await prisma.$executeRawUnsafe(migration);
      const orders = await prisma.order.count({ where: { shopId: row.id } });
      expect(await prisma.orderLedgerRefresh.count({ where: { shopId: row.id } })).toBe(orders);

      expect((await runShopPass(ctx, shop, { trigger: "scheduled" })).status).toBe("succeeded");
      expect(await storedLedger(prisma, row.id)).toEqual(expected);
      expect(await prisma.orderLedgerRefresh.count({ where: { shopId: row.id } })).toBe(0);
      expect(await dayTotals()).toEqual(synced);
      // Orders that have their ledger are not marked again.
      await prisma.$executeRawUnsafe(migration);
      expect(await prisma.orderLedgerRefresh.count({ where: { shopId: row.id } })).toBe(0);
    } finally {
      await sim.close();
    }
  }, 180_000);

  it("refreshes marked orders in nodes(ids:) batches sized by the reported cost, within half the bucket", async () => {
    const { sim, shop } = await startSyncSimulator({
      seed: 93,
      size: { orders: 300, customers: 100, products: 20, days: 200 },
      label: "ledger-cost",
    });
    try {
      const costs: { ids: number; actual: number | null; max: number | null }[] = [];
      const engine = await installed(sim, shop);
      changeOrders(sim, shop);
      const orderIds = sim.control.data(shop).orders.map((o) => String(o.id));
      // What the webhooks would do: write the orders (here: an incremental pass, whose
      // ledgers we then throw away) and mark them.
      expect((await runShopPass(engine.ctx, shop, { trigger: "manual" })).status).toBe("succeeded");
      await prisma.sale.deleteMany({ where: { shopId: engine.row.id } });
      await requestLedgerRefresh(prisma, engine.row.id, orderIds);

      const client = await engine.ctx.clientFor(shop);
      const observed = {
        shop,
        request: <T>(
          document: string,
          variables?: Record<string, unknown>,
          options?: Parameters<typeof client.request>[2],
        ) =>
          client.request<T>(document, variables, {
            ...options,
            onCost: (cost) => {
              if (document === ORDER_LEDGERS)
                costs.push({
                  ids: (variables?.ids as unknown[]).length,
                  actual: cost.actualQueryCost,
                  max: cost.throttleStatus?.maximumAvailable ?? null,
                });
              options?.onCost?.(cost);
            },
          }),
      };
      const result = await drainLedgerRefresh(engine.ctx, engine.row, observed);
      expect(result.mode).toBe("batches");
      expect(result.orders).toBe(orderIds.length);
      expect(costs.length).toBe(result.queries);
      expect(costs.length).toBeGreaterThan(1);
      for (const cost of costs) {
        // Each answer drains at most the target and at most half of the bucket.
        expect(cost.actual!).toBeLessThanOrEqual(Math.min(LEDGER_COST_TARGET, cost.max! / 2));
      }
      // After the first answer the batch is sized from the reported cost: it fills the budget.
      const perOrder = costs[0]!.actual! / costs[0]!.ids;
      expect(costs[1]!.ids).toBe(ledgerBatchSize(perOrder, costs[0]!.max));
      expect(costs[1]!.ids).toBeGreaterThan(costs[0]!.ids);
      expect(engine.seen.throttled).toBe(0);
      await expectLedgerMatches(sim, shop, engine.token, engine.row.id);
      expect(await prisma.orderLedgerRefresh.count({ where: { shopId: engine.row.id } })).toBe(0);

      // Batch sizing itself: half a small bucket, at least 1, at most 250 ids.
      expect(ledgerBatchSize(10, 200)).toBe(10);
      expect(ledgerBatchSize(10_000, 200)).toBe(1);
      expect(ledgerBatchSize(0.5, 20_000)).toBe(250);
    } finally {
      await sim.close();
    }
  }, 180_000);

  it("a large backlog is read with one bulk export filtered by updated_at, and marks made during it survive", async () => {
    const { sim, shop } = await startSyncSimulator({
      seed: 94,
      size: { orders: 300, customers: 100, products: 20, days: 200 },
      label: "ledger-bulk",
    });
    try {
      const engine = await installed(sim, shop);
      changeOrders(sim, shop);
      expect((await runShopPass(engine.ctx, shop, { trigger: "manual" })).status).toBe("succeeded");
      await prisma.sale.deleteMany({ where: { shopId: engine.row.id } });
      await prisma.saleAgreement.deleteMany({ where: { shopId: engine.row.id } });
      const orderIds = sim.control.data(shop).orders.map((o) => String(o.id));
      await requestLedgerRefresh(prisma, engine.row.id, orderIds);
      const opsBefore = sim.simulator.bulk.views(sim.control.store(shop)).length;

      const client = await engine.ctx.clientFor(shop);
      // A webhook marks an order again while the export runs: its mark must survive the drain.
      const late = orderIds[0]!;
      const marking: typeof client = {
        shop,
        request: async (document, variables, options) => {
          const answer = await client.request(document, variables, options);
          if (document.includes("bulkOperationRunQuery")) await requestLedgerRefresh(prisma, engine.row.id, [late]);
          return answer as never;
        },
      };
      const result = await drainLedgerRefresh(engine.ctx, engine.row, marking, { bulkThreshold: 20 });
      expect(result.mode).toBe("bulk");
      const ops = sim.simulator.bulk.views(sim.control.store(shop));
      expect(ops.length).toBe(opsBefore + 1);
      expect(ops.at(-1)!.query).toMatch(/orders\(query: "updated_at:>='[^']+'"\)/);
      expect(engine.seen.documents.filter((d) => d === ORDER_LEDGERS)).toHaveLength(0);
      await expectLedgerMatches(sim, shop, engine.token, engine.row.id);
      expect(
        (await prisma.orderLedgerRefresh.findMany({ where: { shopId: engine.row.id } })).map((r) =>
          r.orderId.toString(),
        ),
      ).toEqual([late]);

      // Below the threshold: batches.
      await requestLedgerRefresh(prisma, engine.row.id, orderIds.slice(0, 5));
      expect((await drainLedgerRefresh(engine.ctx, engine.row, client, { bulkThreshold: 20 })).mode).toBe("batches");
      await expectLedgerMatches(sim, shop, engine.token, engine.row.id);
      expect(await prisma.orderLedgerRefresh.count({ where: { shopId: engine.row.id } })).toBe(0);
    } finally {
      await sim.close();
    }
  }, 180_000);

  it("deleting an order (orders/delete) or redacting the shop removes its sales; a tombstoned order takes none back", async () => {
    const { sim, shop } = await startSyncSimulator({
      seed: 95,
      size: { orders: 300, customers: 100, products: 20, days: 200 },
      label: "ledger-delete",
    });
    try {
      const engine = await installed(sim, shop);
      const withSales = await prisma.sale.findFirstOrThrow({ where: { shopId: engine.row.id } });
      const orderId = withSales.orderId.toString();
      await requestLedgerRefresh(prisma, engine.row.id, [orderId]);
      await deleteRecords(prisma, engine.row.id, "orders", [orderId]);
      expect(await prisma.sale.count({ where: { shopId: engine.row.id, orderId: withSales.orderId } })).toBe(0);
      expect(await prisma.saleAgreement.count({ where: { shopId: engine.row.id, orderId: withSales.orderId } })).toBe(
        0,
      );
      expect(await prisma.orderLedgerRefresh.count({ where: { shopId: engine.row.id } })).toBe(0);
      // A late ledger read of the deleted order (still in Shopify here) writes nothing.
      await requestLedgerRefresh(prisma, engine.row.id, [orderId]);
      const client = await engine.ctx.clientFor(shop);
      expect((await drainLedgerRefresh(engine.ctx, engine.row, client)).mode).toBe("none");
      expect((await runShopPass(engine.ctx, shop, { trigger: "manual" })).status).toBe("succeeded");
      await prisma.syncState.update({
        where: { shopId_resource: { shopId: engine.row.id, resource: "orders" } },
        data: { watermark: new Date(0) },
      });
      expect((await runShopPass(engine.ctx, shop, { trigger: "manual" })).status).toBe("succeeded");
      expect(await prisma.sale.count({ where: { shopId: engine.row.id, orderId: withSales.orderId } })).toBe(0);

      expect(await prisma.sale.count({ where: { shopId: engine.row.id } })).toBeGreaterThan(0);
      await redactShop(prisma, shop);
      expect(await prisma.sale.count({ where: { shopId: engine.row.id } })).toBe(0);
      expect(await prisma.saleAgreement.count({ where: { shopId: engine.row.id } })).toBe(0);
    } finally {
      await sim.close();
    }
  }, 180_000);
});
