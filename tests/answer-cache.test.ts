// The answer cache's rules (app/insights/answer-cache.ts) and the writes that move a
// shop's answer version (app/insights/answer-version.ts), on the test database.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerDashboardEndpoint, recomputeAllRollups, recomputeRollups } from "~/insights";
import { AnswerCache, answerCache, rememberAnswerVersion } from "~/insights/answer-cache";
import { findInsightsShop } from "~/insights/shop";
import { redactCustomer } from "~/sync/lifecycle";
import { deleteRecords, upsertCustomers, upsertProducts } from "~/sync/store";
import { createTestPrisma } from "./helpers/db";
import { buildFallBackStore } from "./insights-store-fixtures";

let prisma: PrismaClient;
beforeAll(() => {
  prisma = createTestPrisma();
});
afterAll(async () => {
  await prisma.$disconnect();
});

const sized = { size: (v: string) => v.length };

describe("AnswerCache", () => {
  it("serves an entry only at its version, and an older computation never replaces a newer one", async () => {
    const cache = new AnswerCache({ maxBytes: 1000, maxEntries: 10 });
    let computed = 0;
    const compute = (value: string) => async () => {
      computed++;
      return value;
    };
    expect(await cache.get("k", 1n, compute("v1"), sized)).toBe("v1");
    expect(await cache.get("k", 1n, compute("other"), sized)).toBe("v1");
    expect(computed).toBe(1);
    expect(await cache.get("k", 2n, compute("v2"), sized)).toBe("v2");
    // A request that read version 1 before the write finishes late: version 2's answer stays.
    expect(await cache.get("k", 1n, compute("late v1"), sized)).toBe("late v1");
    expect(await cache.get("k", 2n, compute("other"), sized)).toBe("v2");
    expect(computed).toBe(3);
  });

  it("shares one computation between concurrent misses and keeps no refused answers", async () => {
    const cache = new AnswerCache({ maxBytes: 1000, maxEntries: 10 });
    let computed = 0;
    const slow = async () => {
      computed++;
      await new Promise((r) => setTimeout(r, 20));
      return "answer";
    };
    const answers = await Promise.all(Array.from({ length: 16 }, () => cache.get("k", 1n, slow, sized)));
    expect(answers).toEqual(Array(16).fill("answer"));
    expect(computed).toBe(1);
    const keep = { ...sized, keep: (v: string) => v !== "error" };
    await cache.get("e", 1n, async () => "error", keep);
    expect(await cache.get("e", 1n, async () => "fine", keep)).toBe("fine");
  });

  it("stays within its byte and entry caps, dropping the least recently used first", async () => {
    const cache = new AnswerCache({ maxBytes: 100, maxEntries: 3 });
    const put = (key: string, value: string) => cache.get(key, 1n, async () => value, sized);
    await put("a", "x".repeat(20));
    await put("b", "x".repeat(20));
    await put("c", "x".repeat(20));
    await put("a", "unused"); // a hit: "a" is now the most recently used
    await put("d", "x".repeat(20)); // four entries: "b", the least recently used, goes
    expect(cache.stats()).toMatchObject({ entries: 3, bytes: 60 });
    expect(await put("b", "recomputed")).toBe("recomputed");
    expect(await put("a", "unused")).toBe("x".repeat(20));
    await put("big", "y".repeat(90)); // over a quarter of the cap: served, not kept
    expect(cache.stats().bytes).toBeLessThanOrEqual(100);
    expect(await put("big", "again")).toBe("again");
  });
});

describe("answer keys", () => {
  it("a default range is keyed by the shop's local date, not the UTC one (injected clock)", async () => {
    const shop = await buildFallBackStore(prisma, "cache-key-date");
    await recomputeAllRollups(prisma, shop.id);
    const versioned = { id: shop.id, domain: shop.domain, currencyCode: "USD", ianaTimezone: "America/New_York" };
    rememberAnswerVersion(versioned, 1n);
    const url = new URL("http://app/api/dashboard/summary");
    const ask = async (now: Date) => {
      const { misses } = answerCache.stats();
      const answer = await answerDashboardEndpoint(prisma, versioned, "summary", url, null, now);
      return { to: JSON.parse(answer.body).to as string, missed: answerCache.stats().misses - misses };
    };
    // 2026-11-05 03:30Z is still 11-04 in New York; 04:45Z too (the same key); 05:30Z is 11-05 there.
    expect(await ask(new Date("2026-11-05T03:30:00Z"))).toEqual({ to: "2026-11-04", missed: 1 });
    expect(await ask(new Date("2026-11-05T04:45:00Z"))).toEqual({ to: "2026-11-04", missed: 0 });
    expect(await ask(new Date("2026-11-05T05:30:00Z"))).toEqual({ to: "2026-11-05", missed: 1 });
    // Explicit dates too: an answer may depend on today (retention's current month).
    const fixed = new URL("http://app/api/dashboard/summary?from=2026-11-01&to=2026-11-04");
    const fixedAsk = async (now: Date) => {
      const { misses } = answerCache.stats();
      await answerDashboardEndpoint(prisma, versioned, "summary", fixed, null, now);
      return answerCache.stats().misses - misses;
    };
    expect(await fixedAsk(new Date("2026-11-05T04:00:00Z"))).toBe(1);
    expect(await fixedAsk(new Date("2026-11-05T04:30:00Z"))).toBe(0);
    expect(await fixedAsk(new Date("2026-11-05T05:30:00Z"))).toBe(1);
  });
});

describe("answer version", () => {
  it("moves with every write that changes an answer", async () => {
    const shop = await buildFallBackStore(prisma, "cache-version");
    const version = async () => (await prisma.shop.findUniqueOrThrow({ where: { id: shop.id } })).answerVersion;
    const moves = async (write: () => Promise<unknown>) => {
      const before = await version();
      await write();
      return (await version()) > before;
    };
    expect(await moves(() => recomputeAllRollups(prisma, shop.id))).toBe(true);
    expect(await moves(() => recomputeRollups(prisma, shop.id, ["2026-11-02"]))).toBe(true);
    const customer = {
      id: "101",
      firstName: "Augusta",
      lastName: "King",
      email: "ada@example.com",
      phone: null,
      state: null,
      tags: [],
      numberOfOrders: null,
      amountSpent: null,
      shopifyCreatedAt: null,
      shopifyUpdatedAt: "2026-11-20T00:00:00.000Z",
    };
    expect(await moves(() => upsertCustomers(prisma, shop.id, [customer]))).toBe(true);
    // The same version again is no change (newer wins): nothing to invalidate.
    expect(await moves(() => upsertCustomers(prisma, shop.id, [customer]))).toBe(false);
    const product = {
      id: "201",
      title: "Widget Pro",
      handle: "widget",
      status: "ACTIVE",
      vendor: null,
      productType: null,
      shopifyCreatedAt: null,
      shopifyUpdatedAt: "2026-11-20T00:00:00.000Z",
      variants: [],
    };
    expect(await moves(() => upsertProducts(prisma, shop.id, [product]))).toBe(true);
    expect(await moves(() => redactCustomer(prisma, shop.id, { customer: { id: 102 }, orders_to_redact: [] }))).toBe(
      true,
    );
    expect(await moves(() => deleteRecords(prisma, shop.id, "customers", ["104"], { rollups: "defer" }))).toBe(true);
    // The version comes with the shop the requests resolve.
    const found = await findInsightsShop(prisma, shop.domain);
    expect(found).not.toBeNull();
    expect(Object.keys(found!).sort()).toEqual(["currencyCode", "domain", "ianaTimezone", "id"]);
  });
});
