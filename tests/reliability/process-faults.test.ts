// Process and database faults against the built app over HTTP (its own cron, every
// second), one simulator and a database of this file's own (the cron syncs every
// installed shop of its database):
// - SIGKILL while the backfill's bulk exports run (held by the simulator's `bulkPaused`),
//   then again while the restarted app writes its first batch of orders (the line-item
//   statement held at a TCP relay in front of the database): the restarted app resumes
//   the same exports and converges;
// - SIGKILL while a cron pass writes what changed in the simulator (webhooks dropped):
//   the next scheduled pass after the restart converges;
// - the database connections cut mid-batch (PostgreSQL: pg_terminate_backend of the
//   app's backends while one waits inside a line-item write; PGlite, one backend and no
//   client backends to terminate: every connection cut at the relay as that write is
//   sent): the pass fails and says so, the app stays up, the next pass converges.
// Each scenario syncs a shop of its own and retires it once synced (its offline session
// removed, so the cron leaves it alone: the comparison with the simulator reads a quiet
// shop — the cron would otherwise re-read the last two minutes' changes every second —
// and the next fault lands in the next shop's pass).
// A killed process's lease would expire 90 s after its last renewal (lease.ts); the test
// ages it instead of waiting — the app has no setting for the lease length.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createKeyring, decodeKey, unseal } from "~/security/crypto";
import { DEFAULT_SPREAD_MS, spreadOffsetMs } from "~/sync/scheduler";
import { startApp } from "../helpers/app-server";
import { expectConverged } from "../helpers/convergence";
import { uniqueShopDomain } from "../helpers/db";
import { isolatedDatabase, type IsolatedDatabase } from "../helpers/isolated-db";
import { expectNoSecrets } from "../helpers/secret-scan";
import { apiHeaders, openEmbeddedApp, startStack, type Stack } from "../helpers/stack";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy";
import { TEST_APP } from "../helpers/test-app";
import { waitFor } from "../sync-support";

const postgres = inject("databaseKind") === "postgresql";
// The app's connections carry this name, so the test can tell its backends from its own.
const APP_NAME = "storepulse-fault-app";
const LINE_ITEM_WRITE = /INSERT INTO order_line_item \(/;

/**
 * A shop the app's cron starts within a second of a tick: the cron spreads shops over
 * DEFAULT_SPREAD_MS by a hash of the domain (scheduler.ts).
 */
function promptShop(label: string): string {
  for (;;) {
    const domain = uniqueShopDomain(label);
    if (spreadOffsetMs(domain, DEFAULT_SPREAD_MS) < 1_000) return domain;
  }
}

const SHOPS = {
  backfill: {
    domain: promptShop("kill-backfill"),
    seed: 91,
    size: { orders: 250, customers: 64, products: 10, days: 90 },
  },
  cron: { domain: promptShop("kill-cron"), seed: 92, size: { orders: 250, customers: 65, products: 10, days: 90 } },
  database: { domain: promptShop("db-cut"), seed: 93, size: { orders: 300, customers: 80, products: 12, days: 90 } },
};

let db: IsolatedDatabase;
let relay: TcpProxy;
let stack: Stack;
let prisma: PrismaClient;
let appEnv: Record<string, string>;

beforeAll(async () => {
  db = await isolatedDatabase();
  relay = await startTcpProxy(db.url);
  const appDatabase = new URL(relay.url);
  appDatabase.searchParams.set("application_name", APP_NAME);
  appEnv = { DATABASE_URL: appDatabase.toString(), SYNC_CRON: "on", SYNC_CRON_EXPRESSION: "* * * * * *" };
  // On the embedded PGlite one connection (see createSyncTestPrisma).
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, ...(postgres ? {} : { max: 1 }) }) });
  stack = await startStack({
    simulator: { shops: Object.values(SHOPS), bulk: { objectsPerSecond: 100_000 } },
    appEnv,
  });
}, 240_000);

afterAll(async () => {
  await stack?.close();
  await prisma?.$disconnect();
  await relay?.close();
  await db?.stop();
});

async function shopId(shop: string): Promise<number> {
  const row = await waitFor(() => prisma.shop.findUnique({ where: { domain: shop } }), `the shop row of ${shop}`);
  return row.id;
}

const states = (id: number) => prisma.syncState.findMany({ where: { shopId: id }, orderBy: { resource: "asc" } });

async function backfillDone(id: number): Promise<boolean> {
  const rows = await states(id);
  return rows.length === 3 && rows.every((s) => s.backfillStatus === "completed");
}

/** A relay trap, waited for like any condition: a fault that never lands fails the test instead of hanging it. */
async function sprung<T>(trap: Promise<T>, what: string): Promise<T> {
  let result: { value: T } | null = null;
  void trap.then((value) => (result = { value }));
  return (await waitFor(async () => result, what, 120_000)).value;
}

/** kill -9; the dead process's output is scanned like every app's. */
async function crash(): Promise<void> {
  await stack.app.kill("SIGKILL");
  expectNoSecrets(stack.app.output());
}

/** The app again, same database, same port (the simulator's webhooks go there). */
async function restart(): Promise<void> {
  const url = stack.app.url;
  stack.app = await startApp(
    { SHOPIFY_SIMULATOR_URL: stack.sim.url, SHOPIFY_APP_URL: url, ...appEnv },
    { port: Number(new URL(url).port) },
  );
}

/** The killed process's lease, aged past its expiry (what 90 s of waiting would do). */
async function expireDeadLease(id: number): Promise<void> {
  const aged = await prisma.$executeRaw`
    UPDATE sync_state SET lease_expires_at = now() - interval '1 second'
    WHERE shop_id = ${id} AND lease_owner IS NOT NULL`;
  expect(aged, "the dead process still held the shop's lease").toBe(3);
}

/** The shop's offline token as the app stored it (sealed at rest). */
async function storedToken(shop: string): Promise<string> {
  const session = await prisma.session.findFirstOrThrow({ where: { shop, isOnline: false } });
  return unseal(createKeyring(decodeKey(TEST_APP.encryptionKey)!), session.accessToken, "session.accessToken");
}

/** Out of the cron's reach from now on: no offline session, and no pass of it still running. */
async function retire(shop: string, id: number): Promise<void> {
  await prisma.session.deleteMany({ where: { shop } });
  await waitFor(
    async () => (await prisma.syncState.count({ where: { shopId: id, leaseOwner: { not: null } } })) === 0,
    `the last pass of ${shop} to end`,
  );
}

describe(`process and database faults (${inject("databaseKind")})`, () => {
  it("SIGKILL while the backfill's exports run and while its rows are written: the restarted app resumes and converges", async () => {
    const { domain: shop } = SHOPS.backfill;
    const store = stack.sim.control.store(shop);
    const exports = () => stack.sim.simulator.bulk.views(store);
    stack.sim.control.setFaults(shop, { bulkPaused: true });
    expect((await openEmbeddedApp(stack, shop)).status).toBe(200);
    const id = await shopId(shop);

    // Kill 1: the install pass started its three exports (and recorded them); none can finish.
    await waitFor(
      async () => (await states(id)).filter((s) => s.bulkOperationId).length === 3 && exports().length === 3,
      "the three exports started and recorded",
    );
    for (const op of exports()) expect(["CREATED", "RUNNING"]).toContain(op.status);
    await crash();
    const atKill1 = await states(id);
    expect(atKill1.filter((s) => s.backfillStatus === "completed")).toHaveLength(0);

    // Kill 2: restarted, the exports finish; killed while the first orders batch is written
    // (its orders written inside the batch's transaction, the statement writing its line
    // items held before the database). A batch is one transaction (bulk-ingest.ts), so
    // nothing of it is committed — and on PGlite, one backend, that open transaction holds
    // the whole database: nothing is looked at before the kill.
    const lineWrite = relay.holdStatement(LINE_ITEM_WRITE);
    stack.sim.control.setFaults(shop, { bulkPaused: false });
    await restart();
    await expireDeadLease(id);
    await sprung(lineWrite, "the first line-item write of the resumed backfill");
    await crash();
    const atKill2 = {
      orders: await prisma.order.count({ where: { shopId: id } }),
      lines: await prisma.orderLineItem.count({ where: { shopId: id } }),
      completed: (await states(id)).filter((s) => s.backfillStatus === "completed").map((s) => s.resource),
    };
    expect(atKill2).toMatchObject({ orders: 0, lines: 0 });
    expect(atKill2.completed).not.toContain("orders");

    await restart();
    await expireDeadLease(id);
    await waitFor(() => backfillDone(id), "the resumed backfill", 120_000);
    // Resumed, not started over: still the first process's three exports.
    expect(exports()).toHaveLength(3);
    const token = await storedToken(shop);
    await retire(shop, id);
    const counts = await expectConverged(prisma, stack.sim, shop, token, { ledger: true });
    console.log(
      `SIGKILL during backfill: kill 1 with ${atKill1.filter((s) => s.backfillStatus === "completed").length}/3 resources complete; ` +
        `kill 2 with ${atKill2.orders} orders and ${atKill2.lines} line items stored, complete: [${atKill2.completed.join(", ")}]; ` +
        `${exports().length} exports in all; converged ${JSON.stringify(counts)}`,
    );
  }, 300_000);

  it("SIGKILL while a cron pass writes what changed: the next scheduled pass after the restart converges", async () => {
    const { domain: shop } = SHOPS.cron;
    expect((await openEmbeddedApp(stack, shop)).status).toBe(200);
    const id = await shopId(shop);
    await waitFor(() => backfillDone(id), "the install backfill", 120_000);

    // Changes the webhooks do not deliver: only a cron pass can bring them.
    stack.sim.control.setFaults(shop, { webhookDropRate: 1 });
    // The generated store's records are older than the incremental overlap: the first
    // customer write from now on is the pass carrying these changes. Held at its second
    // statement (redaction erasure, store.ts upsertCustomers): the customers are written
    // inside the transaction, not committed.
    const customerWrite = relay.holdStatement(/UPDATE customer c SET first_name = NULL/);
    const data = stack.sim.control.data(shop);
    for (const c of data.customers.slice(0, 60)) stack.sim.control.updateCustomer(shop, c.id, { lastName: "Cronkill" });
    const live = data.orders.filter((o) => !o.cancelledAt);
    for (const o of live.slice(0, 15)) stack.sim.control.editOrder(shop, o.id, { tags: ["cron-kill"] });
    for (const o of live.slice(15, 25)) stack.sim.control.cancelOrder(shop, o.id);
    for (let n = 0; n < 15; n++) {
      stack.sim.control.createOrder(shop, { lineItems: [{ title: `Cron kill ${n}`, price: "19.90", quantity: 2 }] });
    }
    await sprung(customerWrite, "the scheduled pass to write the changed customers");
    // Killed inside the write's transaction (on PGlite, one backend, that transaction holds
    // the whole database: nothing is looked at before the kill).
    await crash();
    // It was a scheduled pass (its incremental sync_runs left open: the resources run side by
    // side) and nothing of it committed (on PGlite the dead client's transaction is rolled
    // back, not left to the next client).
    const open = await prisma.syncRun.findMany({ where: { shopId: id, finishedAt: null } });
    expect(open.length).toBeGreaterThan(0);
    expect(new Set(open.map((r) => r.kind))).toEqual(new Set(["incremental"]));
    expect(await prisma.customer.count({ where: { shopId: id, lastName: "Cronkill" } })).toBe(0);

    const mark = (await prisma.syncRun.aggregate({ _max: { id: true } }))._max.id ?? 0;
    await restart();
    await expireDeadLease(id);
    await waitFor(
      () =>
        prisma.syncRun.findFirst({ where: { shopId: id, resource: "orders", status: "succeeded", id: { gt: mark } } }),
      "a scheduled pass after the restart",
    );
    const token = await storedToken(shop);
    await retire(shop, id);
    const counts = await expectConverged(prisma, stack.sim, shop, token, { ledger: true });
    expect(await prisma.customer.count({ where: { shopId: id, lastName: "Cronkill" } })).toBe(60);
    const after = await prisma.syncRun.findMany({ where: { shopId: id, id: { gt: mark } } });
    expect(after.every((r) => r.kind === "incremental")).toBe(true);
    console.log(`SIGKILL during a cron pass: converged ${JSON.stringify(counts)}`);
    stack.sim.control.setFaults(shop, { webhookDropRate: 0 });
  }, 300_000);

  it("database connections cut mid-batch: the pass fails and says so, the app stays up, the next pass converges", async () => {
    const { domain: shop } = SHOPS.database;
    let cut: { connections: number; busy?: number };
    let locker: pg.Client | undefined;
    let relayCut: Promise<number> | undefined;
    if (postgres) {
      // The line-item write of the first orders batch waits on this lock: the app's backend
      // is inside that statement when it is terminated.
      locker = new pg.Client({ connectionString: db.url });
      await locker.connect();
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE order_line_item IN SHARE MODE");
    } else {
      relayCut = relay.cutOnNextStatement(LINE_ITEM_WRITE);
    }
    try {
      expect((await openEmbeddedApp(stack, shop)).status).toBe(200);
      const id = await shopId(shop);
      if (locker) {
        await waitFor(
          async () =>
            (
              await prisma.$queryRaw<{ n: number }[]>`
                SELECT count(*)::int AS n FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = ${APP_NAME} AND wait_event_type = 'Lock'`
            )[0]!.n > 0,
          "the app's line-item write to wait inside the database",
        );
        const terminated = await prisma.$queryRaw<{ state: string | null; killed: boolean }[]>`
          SELECT state, pg_terminate_backend(pid) AS killed FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = ${APP_NAME}`;
        cut = {
          connections: terminated.filter((t) => t.killed).length,
          busy: terminated.filter((t) => t.state === "active").length,
        };
        await locker.query("ROLLBACK");
      } else {
        cut = { connections: await sprung(relayCut!, "the line-item write to be cut") };
      }
      expect(cut.connections).toBeGreaterThan(0);

      // The pass ends failed, recorded where the merchant and an operator look.
      await waitFor(async () => {
        const rows = await states(id);
        return rows.some((s) => s.status === "error") && rows.every((s) => s.leaseOwner === null);
      }, "the pass to fail and give its lease back").catch(async (error: Error) => {
        const rows = (await states(id)).map((s) => [s.resource, s.status, s.leaseOwner !== null, s.lastError]);
        const runs = (await prisma.syncRun.findMany({ where: { shopId: id }, orderBy: { id: "asc" } })).map((r) => [
          r.resource,
          r.kind,
          r.status,
          r.error,
        ]);
        const said = stack.app
          .output()
          .split("\n")
          .filter((line) => line.includes(shop) || /error|fail/i.test(line))
          .slice(-15);
        throw new Error(
          `${error.message}; sync_state: ${JSON.stringify(rows)}; sync_run: ${JSON.stringify(runs)}; app said:\n${said.join("\n")}`,
        );
      });
      const failed = (await states(id)).find((s) => s.resource === "orders")!;
      expect(failed.status).toBe("error");
      expect(failed.backfillStatus).not.toBe("completed");
      const failedRun = await prisma.syncRun.findFirstOrThrow({ where: { shopId: id, resource: "orders" } });
      expect(failedRun.status).toBe("failed");
      expect(failedRun.error).toBe(failed.lastError);
      const status = (await (
        await fetch(`${stack.app.url}/api/sync/status`, { headers: await apiHeaders(shop) })
      ).json()) as { resources: { resource: string; status: string; lastError: string | null }[] };
      expect(status.resources.find((r) => r.resource === "orders")).toMatchObject({
        status: "error",
        lastError: failed.lastError,
      });
      expect(stack.app.output()).toMatch(new RegExp(`sync failed \\{"shop":"${shop.replace(/\./g, "\\.")}"`));
      expect((await fetch(`${stack.app.url}/healthz`)).status).toBe(200);

      // "Sync now" (the failed shop waits out its backoff otherwise): resumes and converges.
      const syncNow = await fetch(`${stack.app.url}/api/sync/status`, {
        method: "POST",
        headers: await apiHeaders(shop),
      });
      expect(syncNow.status).toBe(202);
      await waitFor(() => backfillDone(id), "the next pass", 120_000);
      const token = await storedToken(shop);
      await retire(shop, id);
      const counts = await expectConverged(prisma, stack.sim, shop, token, { ledger: true });
      console.log(
        `database cut mid-batch: ${cut.connections} connections ${postgres ? `terminated (${cut.busy} busy)` : "cut"}; ` +
          `failed with "${failed.lastError}"; next pass converged ${JSON.stringify(counts)}`,
      );
    } finally {
      await locker?.end();
    }
  }, 300_000);
});
