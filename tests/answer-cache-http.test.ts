// The answer cache over HTTP (app/insights/answer-cache.ts), on the built app: an answer
// is served from the cache until the shop's answer version moves, a webhook's write
// moves it (no stale answer after it is applied), and two app instances on one database
// never serve an answer older than the other instance's write.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recomputeAllRollups, type InsightsShop } from "~/insights";
import { bumpAnswerVersion } from "~/insights/answer-version";
import { startApp, type RunningApp } from "./helpers/app-server";
import { createOfflineSession, createTestPrisma } from "./helpers/db";
import { sessionToken, webhookHeaders } from "./helpers/shopify-signing";
import { webhooksApplied } from "./helpers/webhook-queue";
import { buildFallBackStore } from "./insights-store-fixtures";

const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
const RANGE = "from=2026-11-01&to=2026-11-04";

let prisma: PrismaClient;
let a: RunningApp;
let b: RunningApp;
let shop: InsightsShop;

async function get(app: RunningApp, path: string) {
  const response = await fetch(`${app.url}${path}`, {
    headers: { "User-Agent": BROWSER_UA, Authorization: `Bearer ${await sessionToken({ shop: shop.domain })}` },
  });
  expect(response.status).toBe(200);
  return response.json();
}

const ordersIn = async (app: RunningApp) => (await get(app, `/api/dashboard/summary?${RANGE}`)).totals.orders as number;
const topNames = async (app: RunningApp) =>
  ((await get(app, `/api/dashboard/top-customers?${RANGE}&limit=10`)).customers as { name: string }[]).map(
    (c) => c.name,
  );

async function deliver(app: RunningApp, topic: string, payload: object) {
  const rawBody = JSON.stringify(payload);
  const response = await fetch(`${app.url}/webhooks/${topic}`, {
    method: "POST",
    headers: webhookHeaders({ topic, shop: shop.domain, rawBody }),
    body: rawBody,
  });
  expect(response.status).toBe(200);
  await webhooksApplied(prisma, shop.domain);
}

/** A REST orders/create body of a new order on 2026-11-02 (New York), no customer, no lines. */
function newOrder(id: number) {
  return {
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#${id}`,
    processed_at: "2026-11-02T15:00:00Z",
    created_at: "2026-11-02T15:00:00Z",
    updated_at: "2026-11-02T15:00:00Z",
    currency: "USD",
    total_price: "12.00",
    test: false,
    line_items: [],
    refunds: [],
  };
}

beforeAll(async () => {
  prisma = createTestPrisma();
  shop = await buildFallBackStore(prisma, "answer-cache");
  await recomputeAllRollups(prisma, shop.id);
  await createOfflineSession(prisma, shop.domain, { scope: "read_orders" });
  [a, b] = await Promise.all([startApp(), startApp()]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await prisma?.$disconnect();
});

describe("answer cache over HTTP", () => {
  it("serves the cached answer until the shop's answer version moves", async () => {
    const before = await ordersIn(a);
    // A rollup row changed behind the app's back (no version bump): the cached answer stays…
    await prisma.$executeRaw`
      UPDATE insights_shop_day SET orders = orders + 100 WHERE shop_id = ${shop.id} AND local_date = '2026-11-02'`;
    expect(await ordersIn(a)).toBe(before);
    // …until the version moves, as every rollup write moves it in its own transaction.
    await bumpAnswerVersion(prisma, shop.id);
    expect(await ordersIn(a)).toBe(before + 100);
    await prisma.$executeRaw`
      UPDATE insights_shop_day SET orders = orders - 100 WHERE shop_id = ${shop.id} AND local_date = '2026-11-02'`;
    await bumpAnswerVersion(prisma, shop.id);
    expect(await ordersIn(a)).toBe(before);
  });

  it("a cached answer goes gzip-compressed once to clients that accept it, as it is to others", async () => {
    const fetchWith = async (encoding: string) =>
      fetch(`${a.url}/api/dashboard/orders-by-date?from=2026-08-01&to=2026-11-04`, {
        headers: {
          "User-Agent": BROWSER_UA,
          Authorization: `Bearer ${await sessionToken({ shop: shop.domain })}`,
          "Accept-Encoding": encoding,
        },
      });
    const plain = await fetchWith("identity");
    expect(plain.headers.get("content-encoding")).toBeNull();
    const text = await plain.text();
    expect(text.length).toBeGreaterThanOrEqual(1024); // over the compression threshold
    for (const encoding of ["gzip", "br, gzip;q=0.8", "gzip, deflate, br, zstd"]) {
      const zipped = await fetchWith(encoding);
      expect(zipped.status).toBe(200);
      expect(zipped.headers.get("content-encoding")).toBe("gzip");
      expect(zipped.headers.get("vary")).toContain("Accept-Encoding");
      expect(await zipped.text()).toBe(text); // fetch decodes it
    }
    const refused = await fetchWith("gzip;q=0, identity");
    expect(refused.headers.get("content-encoding")).toBeNull();
  });

  it("a webhook that adds an order: the next answer counts it", async () => {
    const before = await ordersIn(a);
    expect(await ordersIn(a)).toBe(before); // cached now
    await deliver(a, "orders/create", newOrder(9_100_001));
    expect(await ordersIn(a)).toBe(before + 1);
  });

  it("two instances: neither serves an answer older than the other's write", async () => {
    // Both instances hold the current answers.
    const orders = await ordersIn(a);
    expect(await ordersIn(b)).toBe(orders);
    const names = await topNames(a);
    expect(await topNames(b)).toEqual(names);
    expect(names).toContain("Ada Lovelace");

    // An order through B: A's next answer has it.
    await deliver(b, "orders/create", newOrder(9_100_002));
    expect(await ordersIn(a)).toBe(orders + 1);
    expect(await ordersIn(b)).toBe(orders + 1);

    // Both hold the top customers at the version the order left.
    expect(await topNames(a)).toEqual(names);
    expect(await topNames(b)).toEqual(names);
    // A customer's new name through A (no rollup changes: the customer row's write moves the version).
    await deliver(a, "customers/update", {
      id: 101,
      admin_graphql_api_id: "gid://shopify/Customer/101",
      first_name: "Augusta",
      last_name: "King",
      email: "ada@example.com",
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-11-20T00:00:00Z",
    });
    const renamed = names.map((n) => (n === "Ada Lovelace" ? "Augusta King" : n));
    expect(await topNames(b)).toEqual(renamed);
    expect(await topNames(a)).toEqual(renamed);
  });
});
