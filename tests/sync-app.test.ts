// End to end through the built app and the simulator over HTTP: the first embedded
// load installs (token exchange → afterAuth) without waiting for the backfill; the
// backfill then fills the database with exactly the simulator's data; the sync status
// API and page report it; "Sync now" runs a pass; after uninstall the app makes no
// further Admin API calls for the shop.
//
// While the app works, this test waits on the app's log, not on the database: the
// embedded PGlite's socket server interleaves the protocol messages of concurrent
// connections (see the report on tests/sync-support.ts), so the test process queries
// the database only while the app is idle.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { spawn } from "node:child_process";
import { appEnv } from "./helpers/app-server";
import { uniqueShopDomain } from "./helpers/db";
import { apiHeaders, openEmbeddedApp, startStack, type Stack } from "./helpers/stack";
import { createSyncTestPrisma, expectDatabaseMatchesSimulator, waitFor } from "./sync-support";

const prisma = createSyncTestPrisma();
let stack: Stack;
const shop = uniqueShopDomain("e2e-sync");

beforeAll(async () => {
  stack = await startStack({
    simulator: { shops: [{ domain: shop, seed: 41, size: "small" }], bulk: { objectsPerSecond: 100_000 } },
  });
});
afterAll(async () => {
  await stack?.close();
  await prisma.$disconnect();
});

async function syncStates() {
  return prisma.syncState.findMany({ where: { shop: { domain: shop } }, orderBy: { resource: "asc" } });
}

function appLog(what: string): number {
  return stack.app
    .output()
    .split("\n")
    .filter((line) => line.includes(what) && line.includes(shop)).length;
}

describe(`sync through the app (${inject("databaseKind")})`, () => {
  it("installs on the first load without waiting, then backfills exactly the simulator's data", async () => {
    const started = Date.now();
    const response = await openEmbeddedApp(stack, shop);
    const pageMs = Date.now() - started;
    expect(response.status).toBe(200);
    // The page did not wait for the backfill.
    expect(appLog("backfill completed")).toBe(0);

    await waitFor(async () => appLog("sync pass finished") >= 1, "the install pass", 150_000).catch((error) => {
      throw new Error(`${(error as Error).message}; app output:\n${stack.app.output().slice(-4000)}`);
    });
    expect(appLog("backfill completed")).toBe(3);
    expect((await syncStates()).map((s) => s.backfillStatus)).toEqual(["completed", "completed", "completed"]);
    const row = await prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
    const data = stack.sim.control.data(shop);
    expect({ name: row.name, zone: row.ianaTimezone, currency: row.currencyCode }).toEqual({
      name: data.shop.name,
      zone: data.shop.ianaTimezone,
      currency: data.shop.currencyCode,
    });
    await expectDatabaseMatchesSimulator(prisma, row.id, data);
    console.log(
      `first embedded load answered in ${pageMs} ms; backfill of the small store done ${Date.now() - started} ms after it started`,
    );
  }, 180_000);

  it("reports the sync status over the API and the page, and runs a pass on 'Sync now'", async () => {
    const statusResponse = await fetch(`${stack.app.url}/api/sync/status`, { headers: await apiHeaders(shop) });
    expect(statusResponse.status).toBe(200);
    const status = await statusResponse.json();
    const data = stack.sim.control.data(shop);
    expect(status).toMatchObject({
      shop,
      installed: true,
      needsReauth: false,
      backfillCompleted: true,
      backfillProgress: 1,
      historyLimitedNote: null,
    });
    expect(
      status.resources.map((r: { resource: string; recordsStored: number; lastError: string | null }) => [
        r.resource,
        r.recordsStored,
        r.lastError,
      ]),
    ).toEqual([
      ["customers", data.customers.length, null],
      ["products", data.products.length, null],
      ["orders", data.orders.length, null],
    ]);
    for (const r of status.resources) expect(r.lastSuccessAt).not.toBeNull();

    expect((await fetch(`${stack.app.url}/api/sync/status`)).status).toBe(401);

    stack.sim.control.createCustomer(shop, { firstName: "Grace", lastName: "Hopper", email: "grace@example.com" });
    const passesBefore = appLog("sync pass finished");
    const now = await fetch(`${stack.app.url}/api/sync/status`, { method: "POST", headers: await apiHeaders(shop) });
    expect(now.status).toBe(202);
    await waitFor(async () => appLog("sync pass finished") > passesBefore, "the manual pass");
    expect(await prisma.syncRun.count({ where: { shop: { domain: shop }, kind: "manual", status: "succeeded" } })).toBe(
      3,
    );
    const row = await prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
    await expectDatabaseMatchesSimulator(prisma, row.id, stack.sim.control.data(shop));

    const page = await openEmbeddedApp(stack, shop, "/app/sync");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Sync status");
    expect(html).toContain("Sync now");
    expect(html).toContain("Initial import complete");
    // Times read in the shop's own zone (the server runs in another), whatever the browser's.
    expect(row.ianaTimezone).not.toBe("UTC");
    const customers = await prisma.syncState.findFirstOrThrow({ where: { shopId: row.id, resource: "customers" } });
    const inShopZone = new Intl.DateTimeFormat("en", {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZone: row.ianaTimezone,
      timeZoneName: "short",
    }).format(customers.lastSuccessAt!);
    expect(html.replace(/\u202f|&#x202f;|\s/gi, " ")).toContain(inShopZone.replace(/\u202f|\s/g, " "));
  }, 120_000);

  it("runs one pass from the CLI: npm run sync -- --shop <domain>", async () => {
    stack.sim.control.createCustomer(shop, { firstName: "Cli", lastName: "Pass", email: "cli@example.com" });
    const env = appEnv(0, { SHOPIFY_SIMULATOR_URL: stack.sim.url, SHOPIFY_APP_URL: stack.app.url });
    delete env.PORT;
    const child = spawn("npx", ["tsx", "scripts/sync.ts", "--shop", shop], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(output).toMatch(new RegExp(`sync of ${shop.replace(/\./g, "\\.")} succeeded in \\d+ ms`));
    expect(output).toMatch(/customers\s+incremental\s+\d+ records/);
    expect(code).toBe(0);
    const row = await prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
    await expectDatabaseMatchesSimulator(prisma, row.id, stack.sim.control.data(shop));
  }, 120_000);

  it("answers every first embedded load with the page, however afterAuth and the route loaders interleave", async () => {
    // Regression: Remix runs app.tsx's and app._index.tsx's loaders concurrently; both
    // authenticate, only one runs afterAuth, and the library lets the other go on without
    // waiting for it — the Overview read the shop before it was recorded and answered 404.
    // Eight fresh shops opened at once make that interleaving all but certain without the fix.
    const shops = Array.from(
      { length: 8 },
      () => stack.sim.control.createShop({ domain: uniqueShopDomain("first-load"), size: "empty" }).domain,
    );
    const statuses = await Promise.all(shops.map(async (s) => (await openEmbeddedApp(stack, s)).status));
    expect(statuses).toEqual(shops.map(() => 200));
    expect(await prisma.shop.count({ where: { domain: { in: shops } } })).toBe(shops.length);
  }, 120_000);

  it("the Overview and the Sync status report the same import progress (one computation)", async () => {
    const fresh = stack.sim.control.createShop({ domain: uniqueShopDomain("progress"), size: "empty" }).domain;
    const passes = stack.app
      .output()
      .split("\n")
      .filter((line) => line.includes("sync pass finished") && line.includes(fresh)).length;
    expect((await openEmbeddedApp(stack, fresh)).status).toBe(200);
    await waitFor(
      async () =>
        stack.app
          .output()
          .split("\n")
          .filter((line) => line.includes("sync pass finished") && line.includes(fresh)).length > passes,
      "the install pass of the empty shop",
    );
    // An import part-way through, written directly (no pass runs now: the cron is off in tests).
    const row = await prisma.shop.findUniqueOrThrow({ where: { domain: fresh } });
    const states = {
      customers: { status: "idle", backfillStatus: "completed", recordsStored: 10, recordsExpected: 10 },
      products: { status: "backfilling", backfillStatus: "running", recordsStored: 3, recordsExpected: 10 },
      orders: { status: "backfilling", backfillStatus: "running", recordsStored: 40, recordsExpected: 160 },
    } as const;
    for (const [resource, data] of Object.entries(states)) {
      await prisma.syncState.update({
        where: { shopId_resource: { shopId: row.id, resource } },
        data: { ...data, nextRunAt: new Date(Date.now() + 3600_000) },
      });
    }
    // Records imported over records expected, over all resources: (10 + 3 + 40) / (10 + 10 + 160).
    const expected = (10 + 3 + 40) / (10 + 10 + 160);
    const percent = `${Math.round(expected * 100)}% imported`;

    const api = await (await fetch(`${stack.app.url}/api/sync/status`, { headers: await apiHeaders(fresh) })).json();
    expect(api.backfillProgress).toBeCloseTo(expected, 12);
    expect(api.backfillCompleted).toBe(false);
    const syncPage = await (await openEmbeddedApp(stack, fresh, "/app/sync")).text();
    const overview = await (await openEmbeddedApp(stack, fresh, "/app")).text();
    expect(syncPage).toContain(percent);
    expect(overview).toContain(percent);
  }, 120_000);

  it("after uninstall makes no further Admin API calls for the shop, and never prints tokens", async () => {
    stack.sim.control.uninstall(shop);
    // Acknowledged once recorded, applied by the app's webhook worker.
    await waitFor(
      async () => (await prisma.shop.findUniqueOrThrow({ where: { domain: shop } })).uninstalledAt !== null,
      "app/uninstalled to be applied",
    );
    const calls = stack.sim.control.adminApiCallCount(shop);
    // Everything Shopify still had in flight for the shop has been answered by the app.
    await stack.sim.control.webhooksIdle();
    expect(stack.sim.control.adminApiCallCount(shop)).toBe(calls);
    expect(stack.app.output()).not.toMatch(/shpua_|shprt_/);
  }, 60_000);
});
