// Expiring offline tokens: with access tokens that live 2 seconds, the app's sync
// (install backfill, then "Sync now" after the token expired) refreshes the token
// through the stored refresh token before use and never ends in "needs re-auth".
// Waits on the app's log while the app works (see tests/sync-app.test.ts).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uniqueShopDomain } from "./helpers/db";
import { apiHeaders, openEmbeddedApp, startStack, type Stack } from "./helpers/stack";
import { createSyncTestPrisma, expectDatabaseMatchesSimulator, waitFor } from "./sync-support";

const prisma = createSyncTestPrisma();
let stack: Stack;
const shop = uniqueShopDomain("token-refresh");

beforeAll(async () => {
  stack = await startStack({
    simulator: {
      shops: [{ domain: shop, seed: 51, size: { orders: 200, customers: 60, products: 10, days: 90 } }],
      tokens: { lifetimes: { offlineAccessSeconds: 2 } },
      bulk: { objectsPerSecond: 2_000 },
    },
  });
});
afterAll(async () => {
  await stack?.close();
  await prisma.$disconnect();
});

function passLines(): string[] {
  return stack.app
    .output()
    .split("\n")
    .filter((line) => line.includes("sync pass finished") && line.includes(shop));
}

describe(`expiring offline tokens (${inject("databaseKind")})`, () => {
  it("refreshes the token before use during the backfill and on a later pass", async () => {
    expect((await openEmbeddedApp(stack, shop)).status).toBe(200);
    await waitFor(async () => passLines().length >= 1, "the install pass", 120_000);
    expect(passLines()[0]).toContain('"status":"succeeded"');
    const session = await prisma.session.findFirstOrThrow({ where: { shop, isOnline: false } });
    expect(session.expires!.getTime() - Date.now()).toBeLessThan(10_000);

    stack.sim.control.createCustomer(shop, { firstName: "Late", lastName: "Comer", email: "late@example.com" });
    // Wait on the condition itself: the stored token's expiry has passed.
    await waitFor(async () => Date.now() > session.expires!.getTime(), "the stored token to expire", 30_000);
    const response = await fetch(`${stack.app.url}/api/sync/status`, {
      method: "POST",
      headers: await apiHeaders(shop),
    });
    expect(response.status).toBe(202);
    await waitFor(async () => passLines().length >= 2, "the manual pass");
    expect(passLines()[1]).toContain('"status":"succeeded"');
    expect(stack.app.output()).not.toContain("needs re-auth");
    const row = await prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
    await expectDatabaseMatchesSimulator(prisma, row.id, stack.sim.control.data(shop));
  }, 180_000);
});
