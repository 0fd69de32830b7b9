// The ingest of one bulk result (app/sync/bulk-ingest.ts) on the run's real database:
// the next batch is read while the previous one is written, batches commit in file
// order, and a failed write stops the ingest before any later batch is written (so a
// resume point never passes a batch that did not commit).
import { afterAll, describe, expect, it } from "vitest";
import type { BulkRecord } from "~/sync/bulk";
import { ingestBulkRecords } from "~/sync/bulk-ingest";
import { createSerialLane, type SerialLane } from "~/sync/context";
import { createTestPrisma, uniqueShopDomain } from "./helpers/db";

const prisma = createTestPrisma();
afterAll(() => prisma.$disconnect());

const BATCH = 3;

/** Customer lines as a bulk result carries them; `onRead(i)` is told when line i is handed over. */
async function* customerLines(count: number, onRead: (line: number) => void): AsyncGenerator<BulkRecord> {
  for (let i = 0; i < count; i++) {
    onRead(i);
    yield {
      node: {
        id: `gid://shopify/Customer/${9000 + i}`,
        firstName: `F${i}`,
        lastName: `L${i}`,
        email: `c${i}@example.com`,
        state: "ENABLED",
        tags: [],
        numberOfOrders: "0",
        amountSpent: { amount: "0.0", currencyCode: "USD" },
        createdAt: "2026-01-01T00:00:00Z",
        updatedAt: "2026-01-02T00:00:00Z",
      },
      parentId: null,
      type: "Customer",
      end: { line: i + 1, byte: (i + 1) * 100 },
    };
  }
}

async function createShop() {
  return prisma.shop.create({ data: { domain: uniqueShopDomain("ingest"), installedAt: new Date() } });
}

async function storedCustomerIds(shopId: number): Promise<string[]> {
  const rows = await prisma.customer.findMany({ where: { shopId }, select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((r) => r.id.toString());
}

describe("bulk ingest", () => {
  it("reads the next batch while the previous one is written, and commits in file order", async () => {
    const shop = await createShop();
    let linesRead = 0;
    let readAhead!: () => void;
    const nextBatchRead = new Promise<void>((resolve) => (readAhead = resolve));
    const lane = createSerialLane();
    let writes = 0;
    // The first batch's write waits until a line of the second batch has been read:
    // without overlap this never happens and the ingest does not finish.
    const gated: SerialLane = (task) =>
      lane(async () => {
        if (writes++ === 0) await nextBatchRead;
        return task();
      });
    const committed: number[] = [];
    const total = await ingestBulkRecords(
      customerLines(2 * BATCH + 1, (i) => {
        linesRead = i + 1;
        if (linesRead > BATCH) readAhead();
      }),
      {
        prisma,
        shopId: shop.id,
        resource: "customers",
        exportedUntil: new Date(),
        batchSize: BATCH,
        lane: gated,
        onBatchCommitted: async (end) => {
          committed.push(end.line);
        },
      },
    );
    expect(total).toBe(2 * BATCH + 1);
    expect(committed).toEqual([BATCH, 2 * BATCH, 2 * BATCH + 1]);
    expect(await storedCustomerIds(shop.id)).toEqual(Array.from({ length: 2 * BATCH + 1 }, (_, i) => String(9000 + i)));
  });

  it("a failed write stops the ingest: no later batch is written, the resume point stays before it", async () => {
    const shop = await createShop();
    const lane = createSerialLane();
    let writes = 0;
    const failing: SerialLane = (task) =>
      lane(async () => {
        writes++;
        if (writes === 2) throw new Error("database went away");
        return task();
      });
    const committed: number[] = [];
    await expect(
      ingestBulkRecords(
        customerLines(4 * BATCH, () => {}),
        {
          prisma,
          shopId: shop.id,
          resource: "customers",
          exportedUntil: new Date(),
          batchSize: BATCH,
          lane: failing,
          onBatchCommitted: async (end) => {
            committed.push(end.line);
          },
        },
      ),
    ).rejects.toThrow("database went away");
    expect(committed).toEqual([BATCH]);
    // The batch being read while the second one failed may not have been written either.
    expect(writes).toBe(2);
    expect(await storedCustomerIds(shop.id)).toEqual(Array.from({ length: BATCH }, (_, i) => String(9000 + i)));
  });
});
