// What the webhook queue keeps and for how long (app/sync/webhook-queue.ts), on the real
// database: applied events past their retention are deleted (the worker's sweep runs
// pruneAppliedWebhooks), and a customers/redact reaches the sealed payloads of dead-lettered
// events that name the customer, leaving other customers' dead letters alone. Concurrent
// deliveries recorded by the intake batcher each get their own answer, through either of
// its writers (the app's Prisma client, or the pg pool the web process gives it).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createKeyring, seal, unseal } from "~/security/crypto";
import {
  APPLIED_EVENT_RETENTION_DAYS,
  createWebhookIntake,
  drainShopWebhooks,
  pruneAppliedWebhooks,
  type IntakeDatabase,
  type PayloadSealer,
} from "~/sync/webhook-queue";
import { createTestPrisma, uniqueShopDomain } from "./helpers/db";

const prisma = createTestPrisma();
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
// The shops go, and their events with them (cascade): payloads sealed under this file's
// throwaway key must not outlive it — npm run rotate-keys (secrets-at-rest) re-seals every
// payload of the shared database and stops at one it cannot open.
const shops: number[] = [];
afterAll(async () => {
  await prisma.shop.deleteMany({ where: { id: { in: shops } } });
  await prisma.$disconnect();
  await pool.end();
});

const keyring = createKeyring(randomBytes(32));
const sealer: PayloadSealer = {
  seal: (text) => seal(keyring, text, "webhook_event.payload"),
  open: (text) => unseal(keyring, text, "webhook_event.payload"),
};

const newShop = async (label: string) => {
  const { id } = await prisma.shop.create({
    data: { domain: uniqueShopDomain(label), ianaTimezone: "UTC", installedAt: new Date() },
  });
  shops.push(id);
  return id;
};

const DAY_MS = 86_400_000;

describe("webhook queue hygiene", () => {
  it("deletes applied events older than the retention, keeps newer, pending and dead ones", async () => {
    const shopId = await newShop("retention");
    const ago = (days: number) => new Date(Date.now() - days * DAY_MS);
    const old = APPLIED_EVENT_RETENTION_DAYS + 1;
    const rows = {
      appliedOld: { processedAt: ago(old), outcome: "applied" as const },
      appliedOlder: { processedAt: ago(old + 30), outcome: "stale" as const },
      appliedRecent: { processedAt: ago(APPLIED_EVENT_RETENTION_DAYS - 1), outcome: "applied" as const },
      pendingOld: { receivedAt: ago(old), payload: sealer.seal("{}") },
      deadOld: { receivedAt: ago(old), deadAt: ago(old), payload: sealer.seal("{}") },
    };
    for (const [eventId, data] of Object.entries(rows))
      await prisma.webhookEvent.create({ data: { shopId, eventId, topic: "ORDERS_CREATE", ...data } });

    // Small batches: the loop must go round until nothing is left.
    const deleted = await pruneAppliedWebhooks(prisma, APPLIED_EVENT_RETENTION_DAYS, 1);
    expect(deleted).toBeGreaterThanOrEqual(2); // other tests' shops may hold old applied rows too
    const left = await prisma.webhookEvent.findMany({ where: { shopId }, select: { eventId: true } });
    expect(left.map((r) => r.eventId).sort()).toEqual(["appliedRecent", "deadOld", "pendingOld"]);
  });

  it("customers/redact deletes the dead-lettered payloads naming the customer or their orders", async () => {
    const shopId = await newShop("redact-dead");
    // Payloads that cannot be mapped (a created_at that is no date) are dead-lettered at once.
    const broken = (customer: number, email: string) =>
      JSON.stringify({ id: customer, email, first_name: "Private", created_at: "not a date" });
    const brokenOrder = (order: number) =>
      JSON.stringify({ id: order, email: "someone@example.com", created_at: "not a date" });
    const intake = createWebhookIntake(prisma, sealer);
    await intake.enqueue({
      shopId,
      topic: "CUSTOMERS_CREATE",
      eventId: "c-777",
      body: broken(777, "Gone@Example.com"),
    });
    await intake.enqueue({ shopId, topic: "CUSTOMERS_UPDATE", eventId: "c-7770", body: broken(7770, "x@example.com") });
    await intake.enqueue({
      shopId,
      topic: "CUSTOMERS_UPDATE",
      eventId: "c-888",
      body: broken(888, "stay@example.com"),
    });
    await intake.enqueue({ shopId, topic: "ORDERS_CREATE", eventId: "o-4242", body: brokenOrder(4242) });
    await intake.enqueue({
      shopId,
      topic: "CUSTOMERS_UPDATE",
      eventId: "c-999",
      body: broken(999, "gone@example.com"), // same person's email under another id
    });
    expect((await drainShopWebhooks(prisma, shopId, sealer)).dead).toBe(5);

    await intake.enqueue({
      shopId,
      topic: "CUSTOMERS_REDACT",
      eventId: "redact-777",
      body: JSON.stringify({
        shop_id: 1,
        shop_domain: "x.myshopify.com",
        customer: { id: 777, email: "gone@example.com", phone: null },
        orders_to_redact: [4242],
      }),
    });
    expect((await drainShopWebhooks(prisma, shopId, sealer)).processed).toBe(1);

    const events = await prisma.webhookEvent.findMany({ where: { shopId }, orderBy: { id: "asc" } });
    const payloadOf = (eventId: string) => events.find((e) => e.eventId === eventId)!.payload;
    expect(payloadOf("c-777")).toBeNull();
    expect(payloadOf("o-4242")).toBeNull();
    expect(payloadOf("c-999")).toBeNull();
    // 7770 is not 777; 888 is someone else: their dead letters stay as they were.
    expect(sealer.open(payloadOf("c-7770")!)).toBe(broken(7770, "x@example.com"));
    expect(sealer.open(payloadOf("c-888")!)).toBe(broken(888, "stay@example.com"));
    expect(events.find((e) => e.eventId === "redact-777")!.outcome).toBe("applied");
  });

  it("an event still waiting for its retry when the redaction is applied loses its payload when it dies", async () => {
    const shopId = await newShop("redact-retrying");
    const intake = createWebhookIntake(prisma, sealer);
    const broken = (customer: number, email: string) =>
      JSON.stringify({ id: customer, email, first_name: "Private", created_at: "not a date" });
    await intake.enqueue({ shopId, topic: "CUSTOMERS_UPDATE", eventId: "c-555", body: broken(555, "x@example.com") });
    await intake.enqueue({
      shopId,
      topic: "CUSTOMERS_UPDATE",
      eventId: "c-556",
      body: broken(556, "Later@Example.com"), // named by the redaction's email only
    });
    await intake.enqueue({
      shopId,
      topic: "CUSTOMERS_UPDATE",
      eventId: "c-600",
      body: broken(600, "keep@example.com"),
    });
    // As after a transient failure: attempted once, its retry not due yet.
    await prisma.webhookEvent.updateMany({
      where: { shopId },
      data: { attempts: 1, outcome: "failed", availableAt: new Date(Date.now() + 3_600_000) },
    });
    await intake.enqueue({
      shopId,
      topic: "CUSTOMERS_REDACT",
      eventId: "redact-555",
      body: JSON.stringify({
        shop_id: 1,
        shop_domain: "x.myshopify.com",
        customer: { id: 555, email: "later@example.com", phone: null },
        orders_to_redact: [],
      }),
    });
    expect(await drainShopWebhooks(prisma, shopId, sealer)).toMatchObject({ processed: 1, dead: 0 });
    const waiting = await prisma.webhookEvent.findMany({ where: { shopId, deadAt: null, processedAt: null } });
    expect(waiting.map((e) => e.eventId).sort()).toEqual(["c-555", "c-556", "c-600"]);
    expect(waiting.every((e) => e.payload !== null)).toBe(true); // pending events still apply (behind tombstones)

    // The retry comes due, and the unmappable payloads die.
    await prisma.webhookEvent.updateMany({
      where: { shopId, deadAt: null, processedAt: null },
      data: { availableAt: new Date() },
    });
    expect((await drainShopWebhooks(prisma, shopId, sealer)).dead).toBe(3);
    const events = await prisma.webhookEvent.findMany({ where: { shopId } });
    const of = (eventId: string) => events.find((e) => e.eventId === eventId)!;
    expect(of("c-555").payload).toBeNull();
    expect(of("c-555").lastError).toBe("redacted");
    expect(of("c-556").payload).toBeNull();
    expect(sealer.open(of("c-600").payload!)).toBe(broken(600, "keep@example.com"));
    expect(of("c-600").deadAt).not.toBeNull();
  });

  it.each([
    ["the Prisma client", () => prisma as IntakeDatabase],
    ["a pg pool", () => pool as IntakeDatabase],
  ])(
    "records concurrent deliveries in shared INSERTs through %s, each answered: repeats of one event id are duplicates",
    async (_, writer) => {
      const shopId = await newShop("batch");
      const intake = createWebhookIntake(writer(), sealer, { maxInFlight: 1 });
      const ids = Array.from({ length: 60 }, (_, i) => `e-${i % 40}`); // 20 repeats
      const outcomes = await Promise.all(
        ids.map((eventId) => intake.enqueue({ shopId, topic: "ORDERS_CREATE", eventId, body: `{"n":"${eventId}"}` })),
      );
      expect(outcomes.filter((o) => o === "queued")).toHaveLength(40);
      expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(20);
      // The first delivery of each id is the queued one (receipt order).
      ids.forEach((eventId, i) => expect([eventId, outcomes[i]]).toEqual([eventId, i < 40 ? "queued" : "duplicate"]));
      const rows = await prisma.webhookEvent.findMany({ where: { shopId }, orderBy: { id: "asc" } });
      expect(rows.map((r) => r.eventId)).toEqual(ids.slice(0, 40));
      expect(rows.map((r) => sealer.open(r.payload!))).toEqual(ids.slice(0, 40).map((e) => `{"n":"${e}"}`));

      // A row that cannot be written (its shop is gone) fails its own delivery only.
      const [good, bad] = await Promise.allSettled([
        intake.enqueue({ shopId, topic: "ORDERS_CREATE", eventId: "after-1", body: "{}" }),
        intake.enqueue({ shopId: 2_000_000_000, topic: "ORDERS_CREATE", eventId: "after-2", body: "{}" }),
      ]);
      expect(good).toEqual({ status: "fulfilled", value: "queued" });
      expect(bad.status).toBe("rejected");
    },
  );
});
