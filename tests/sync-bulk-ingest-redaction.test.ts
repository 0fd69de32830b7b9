// The bulk ingest's batches and customers/redact (app/sync/bulk-ingest.ts, store.ts
// RedactionMode "guarded", redaction.ts): a batch skips the erase statements while the
// shop has no redaction tombstones, and a redaction that arrives while a batch is being
// written still erases that batch's orders (the shop's redaction lock orders the two).
import { afterAll, describe, expect, inject, it } from "vitest";
import type { BulkRecord } from "~/sync/bulk";
import { ingestBulkRecords } from "~/sync/bulk-ingest";
import { createSerialLane } from "~/sync/context";
import { redactCustomer } from "~/sync/lifecycle";
import { createCountingPrisma, uniqueShopDomain } from "./helpers/db";

const { prisma, statements } = createCountingPrisma();
afterAll(() => prisma.$disconnect());

const CUSTOMER = 4242;
const EMAIL = "Ada.Lovelace@example.com";

/** Order lines of a bulk result: `count` orders of CUSTOMER with EMAIL, ids from `first`. */
async function* orderLines(first: number, count: number): AsyncGenerator<BulkRecord> {
  for (let i = 0; i < count; i++) {
    yield {
      node: {
        id: `gid://shopify/Order/${first + i}`,
        name: `#${first + i}`,
        email: EMAIL,
        customer: { id: `gid://shopify/Customer/${CUSTOMER}` },
        createdAt: "2026-03-01T10:00:00Z",
        updatedAt: "2026-03-01T10:00:00Z",
        processedAt: "2026-03-01T10:00:00Z",
        currencyCode: "EUR",
        totalPriceSet: { shopMoney: { amount: "12.50", currencyCode: "EUR" } },
      },
      parentId: null,
      type: "Order",
      end: { line: i + 1, byte: (i + 1) * 100 },
    };
  }
}

async function createShop() {
  return prisma.shop.create({ data: { domain: uniqueShopDomain("ingest-redact"), installedAt: new Date() } });
}

async function storedOrders(shopId: number) {
  const rows = await prisma.order.findMany({
    where: { shopId },
    select: { id: true, email: true, redactedAt: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ id: r.id.toString(), email: r.email, redacted: r.redactedAt !== null }));
}

/** Three orders of the customer from `first` on, ingested as the backfill does; `options` adds hooks. */
function ingestOrders(shopId: number, first: number, options: Partial<Parameters<typeof ingestBulkRecords>[1]> = {}) {
  return ingestBulkRecords(orderLines(first, 3), {
    prisma,
    shopId,
    resource: "orders",
    exportedUntil: new Date("2026-03-02T00:00:00Z"),
    batchSize: 100,
    lane: createSerialLane(),
    ...options,
  });
}

const isEraseStatement = (sql: string) => /UPDATE "order" o SET email = NULL/.test(sql);

describe(`bulk ingest and customers/redact (${inject("databaseKind")})`, () => {
  it("sends no erase statement while the shop has no tombstones, and erases once it has one", async () => {
    const shop = await createShop();
    const ingest = (first: number) => ingestOrders(shop.id, first);
    statements.length = 0;
    await ingest(71_000);
    expect(statements.filter(isEraseStatement)).toEqual([]);
    expect((await storedOrders(shop.id)).map((o) => o.email)).toEqual([EMAIL, EMAIL, EMAIL]);

    // The customer is redacted (their stored orders with them); orders of theirs that
    // arrive later are written erased.
    await redactCustomer(prisma, shop.id, { customer: { id: CUSTOMER, email: EMAIL }, orders_to_redact: [] });
    statements.length = 0;
    await ingest(72_000);
    expect(statements.filter(isEraseStatement)).toHaveLength(1);
    const orders = await storedOrders(shop.id);
    expect(orders).toHaveLength(6);
    expect(orders.filter((o) => o.email !== null || !o.redacted)).toEqual([]);
  });

  it("a redaction that arrives while a batch is written erases that batch's orders", async () => {
    const shop = await createShop();
    let batchWritten!: () => void;
    const written = new Promise<void>((resolve) => (batchWritten = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The batch's orders are inserted, its transaction stays open until released.
    const ingest = ingestOrders(shop.id, 73_000, {
      writeResumePoint: async () => {
        batchWritten();
        await released;
      },
    });
    await written;
    let redactionDone = false;
    const redaction = redactCustomer(prisma, shop.id, {
      customer: { id: CUSTOMER, email: EMAIL },
      orders_to_redact: [],
    }).finally(() => (redactionDone = true));
    if (inject("databaseKind") === "postgresql") {
      // Let the redaction run as far as it can: it either finishes (it did not see the
      // batch's uncommitted orders: the bug) or waits for the batch's redaction lock.
      for (;;) {
        const [row] = await prisma.$queryRaw<{ waiting: boolean }[]>`
          SELECT EXISTS (SELECT 1 FROM pg_locks
            WHERE locktype = 'advisory' AND classid = 7349121 AND objid = ${shop.id} AND NOT granted) AS waiting`;
        if (row!.waiting || redactionDone) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    // (Embedded: one backend runs one transaction at a time, the redaction waits for the batch's commit.)
    release();
    await ingest;
    await redaction;
    const orders = await storedOrders(shop.id);
    expect(orders.map((o) => o.id)).toEqual(["73000", "73001", "73002"]);
    expect(orders.filter((o) => o.email !== null || !o.redacted)).toEqual([]);
  });
});
