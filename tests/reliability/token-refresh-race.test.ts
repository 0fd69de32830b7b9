// Expiring offline tokens refreshed by two callers at once: two app processes on one
// database and one simulator (access tokens live 2 s), and when the stored token has
// expired, two code paths need it together: the ledger read that orders/create webhooks
// cause (a worker applies the queued events and marks the orders; the ledger refresher
// reads their sales ledgers from the Admin API) and a "Sync now" pass in the other
// process. A relay in front of the simulator holds the first refresh — the ledger read's,
// the only caller until "Sync now" is pressed — until the pass's refresh is in flight, so
// the race happens every run. Expected: both refreshes are answered (Shopify accepts a
// refresh token again while its replacement is unused), every webhook is delivered, the
// ledger read and the pass succeed, nothing ends in "needs re-auth", and the stored token
// and refresh token are ones Shopify accepts.
import http from "node:http";
import getPort from "get-port";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createKeyring, decodeKey, unseal } from "~/security/crypto";
import { startApp, type RunningApp } from "../helpers/app-server";
import { expectConverged } from "../helpers/convergence";
import { uniqueShopDomain } from "../helpers/db";
import { apiHeaders, openEmbeddedApp, startStack, type Stack } from "../helpers/stack";
import { TEST_APP } from "../helpers/test-app";
import { webhooksApplied } from "../helpers/webhook-queue";
import { createSyncTestPrisma, waitFor } from "../sync-support";

const prisma = createSyncTestPrisma();
const shop = uniqueShopDomain("refresh-race");
let stack: Stack;
let second: RunningApp;
let relay: http.Server;
let relayUrl: string;
const refreshes = { started: 0, answered: [] as number[], maxInFlight: 0, inFlight: 0 };
/** Set by the test when the race starts: the next refresh is held (the install's are not). */
let holdNext = false;
let releaseFirst: (() => void) | null = null;

/** Forwards everything to the simulator; refresh grants are counted and the first after `holdNext` is held. */
async function startRelay(target: string): Promise<void> {
  relay = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const isRefresh = req.url === "/admin/oauth/access_token" && body.toString().includes("refresh_token");
      if (isRefresh) {
        refreshes.started += 1;
        refreshes.inFlight += 1;
        refreshes.maxInFlight = Math.max(refreshes.maxInFlight, refreshes.inFlight);
        if (holdNext) {
          holdNext = false;
          // Hold the first until a second refresh is on its way (or 30 s: then no race happened
          // and the test says so).
          await new Promise<void>((resolve) => {
            releaseFirst = resolve;
            setTimeout(resolve, 30_000);
          });
        } else if (releaseFirst) {
          const release = releaseFirst;
          releaseFirst = null;
          setTimeout(release, 50);
        }
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !["host", "content-length", "connection"].includes(k)),
      ) as Record<string, string>;
      const answer = await fetch(`${target}${req.url}`, {
        method: req.method,
        headers,
        body: ["GET", "HEAD"].includes(req.method ?? "GET") ? undefined : body,
      });
      const text = Buffer.from(await answer.arrayBuffer());
      if (isRefresh) {
        refreshes.inFlight -= 1;
        refreshes.answered.push(answer.status);
      }
      res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
      res.end(text);
    });
  });
  const port = await getPort({ host: "127.0.0.1" });
  await new Promise<void>((resolve) => relay.listen(port, "127.0.0.1", resolve));
  relayUrl = `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  // The stack's simulator first (its URL is the relay's target), then both apps on the relay.
  stack = await startStack({
    simulator: {
      shops: [{ domain: shop, seed: 81, size: { orders: 60, customers: 20, products: 5, days: 60 } }],
      tokens: { lifetimes: { offlineAccessSeconds: 2 } },
      bulk: { objectsPerSecond: 100_000 },
    },
  });
  await startRelay(stack.sim.url);
  // Restart the stack's app on the relay (same port: the simulator's webhooks go there).
  const port = new URL(stack.app.url).port;
  await stack.app.stop();
  stack.app = await startApp(
    { SHOPIFY_SIMULATOR_URL: relayUrl, SHOPIFY_APP_URL: stack.app.url },
    { port: Number(port) },
  );
  second = await startApp({ SHOPIFY_SIMULATOR_URL: relayUrl });
}, 240_000);

afterAll(async () => {
  await second?.stop();
  await stack?.app.stop(); // the restarted one (close() stops the first)
  await stack?.close();
  await new Promise((r) => relay?.close(r));
  await prisma.$disconnect();
});

const lines = (app: RunningApp, what: string) =>
  app
    .output()
    .split("\n")
    .filter((l) => l.includes(what) && l.includes(shop));

describe(`expiring token refresh racing (${inject("databaseKind")})`, () => {
  it("two refreshes at once: both answered, both callers continue, a valid token stored", async () => {
    expect((await openEmbeddedApp(stack, shop)).status).toBe(200);
    await waitFor(async () => lines(stack.app, "sync pass finished").length >= 1, "the install pass", 120_000);
    await stack.sim.control.webhooksIdle();
    const session = await prisma.session.findFirstOrThrow({ where: { shop, isOnline: false } });
    await waitFor(async () => Date.now() > session.expires!.getTime(), "the stored token to expire", 30_000);
    const startedBefore = refreshes.started;
    refreshes.maxInFlight = refreshes.inFlight;
    holdNext = true;
    const passesBefore = lines(stack.app, "sync pass finished").length + lines(second, "sync pass finished").length;

    // First caller: orders whose webhooks reach the first app; applying them marks the
    // orders, and the ledger refresher (in whichever process applied them) reads their
    // ledgers, refreshing the expired token. The relay holds that refresh.
    const { customers, products } = stack.sim.control.data(shop);
    for (let i = 0; i < 3; i++) {
      stack.sim.control.createOrder(shop, {
        customerId: customers[i]!.id,
        lineItems: [{ variantId: products[i]!.variants[0]!.id, quantity: 1 + i }],
      });
    }
    await waitFor(async () => refreshes.started > startedBefore, "the ledger read's token refresh", 60_000);
    // Second caller, while the first refresh is held: "Sync now" in the second process.
    const sync = await fetch(`${second.url}/api/sync/status`, { method: "POST", headers: await apiHeaders(shop) });
    expect(sync.status).toBe(202);
    await stack.sim.control.webhooksIdle();
    await waitFor(
      async () =>
        lines(stack.app, "sync pass finished").length + lines(second, "sync pass finished").length > passesBefore &&
        refreshes.inFlight === 0,
      "the pass",
      120_000,
    );
    // The race happened: two refreshes were in flight at once, and both were answered 200.
    expect(refreshes.started - startedBefore).toBeGreaterThanOrEqual(2);
    expect(refreshes.maxInFlight).toBeGreaterThanOrEqual(2);
    expect(refreshes.answered.every((status) => status === 200)).toBe(true);
    // Both callers continued: every webhook delivered and applied, the ledger read and the
    // pass succeeded.
    const deliveries = stack.sim.control.webhookDeliveries({ shop, topic: "orders/create" });
    expect(deliveries.length).toBeGreaterThanOrEqual(3);
    for (const d of deliveries) expect([d.state, d.lastStatus]).toEqual(["delivered", 200]);
    await webhooksApplied(prisma, shop);
    const finished = [...lines(stack.app, "sync pass finished"), ...lines(second, "sync pass finished")];
    expect(finished.filter((l) => l.includes('"failed"'))).toEqual([]);
    for (const app of [stack.app, second]) {
      expect(app.output()).not.toMatch(/needs re-auth/);
      expect(app.output()).not.toMatch(/ledger refresh failed/);
    }
    expect(
      await prisma.syncState.count({ where: { shop: { domain: shop }, status: { in: ["needs_reauth", "error"] } } }),
    ).toBe(0);

    // The stored token and refresh token are ones Shopify accepts.
    const stored = await prisma.session.findFirstOrThrow({ where: { shop, isOnline: false } });
    const ring = createKeyring(decodeKey(TEST_APP.encryptionKey)!);
    const token = unseal(ring, stored.accessToken, "session.accessToken");
    const refreshToken = unseal(ring, stored.refreshToken!, "session.refreshToken");
    const check = await fetch(stack.sim.graphqlUrl("2026-10"), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });
    // (A 2-second token may have expired again by now; an expired one answers 401 too, so
    // the refresh token below is the decisive check.)
    expect([200, 401]).toContain(check.status);
    const refreshed = await fetch(`${stack.sim.url}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({
        client_id: TEST_APP.apiKey,
        client_secret: TEST_APP.apiSecret,
        grant_type: "refresh_token",
        refresh_token: refreshToken,
      }),
    });
    expect(refreshed.status).toBe(200);
    const fresh = ((await refreshed.json()) as { access_token: string }).access_token;
    await expectConverged(prisma, stack.sim, shop, fresh);
    console.log(
      `refresh race: ${refreshes.started - startedBefore} refreshes, ${refreshes.maxInFlight} in flight at once, answers ${refreshes.answered.join(",")}`,
    );
  }, 240_000);
});
