// Where the bulk ingest's batches run (app/sync/batch-connection.ts): on PostgreSQL over
// the pg pool registered for the client, BEGIN together with the batch's first statement;
// on the embedded database through Prisma (never a second connection to its one backend).
// And the pg transaction client itself: Prisma.sql's text and values, instants as UTC
// text, raw statements only, rollback and rethrow on failure.
import { afterAll, describe, expect, inject, it } from "vitest";
import type pg from "pg";
import { Prisma } from "@prisma/client";
import type { BulkRecord } from "~/sync/bulk";
import { inlineIntegers, poolTransaction, rawTransactionClient } from "~/sync/batch-connection";
import { ingestBulkRecords, writeBackfillResumePoint } from "~/sync/bulk-ingest";
import { createSerialLane } from "~/sync/context";
import { createCountingPrisma, uniqueShopDomain } from "./helpers/db";

const { prisma, statements } = createCountingPrisma();
afterAll(() => prisma.$disconnect());

/** A pg client stand-in that records what it is sent. */
function recordingClient(rows: unknown[] = [], rowCount = 0) {
  const sent: { text: string; values: unknown[] }[] = [];
  const client = {
    query: async (text: string, values: unknown[] = []) => {
      sent.push({ text, values });
      return { rows, rowCount };
    },
  };
  return { client: client as unknown as pg.ClientBase, sent };
}

async function* customerLines(count: number): AsyncGenerator<BulkRecord> {
  for (let i = 0; i < count; i++) {
    yield {
      node: {
        id: `gid://shopify/Customer/${61_000 + i}`,
        firstName: `F${i}`,
        state: "ENABLED",
        tags: [],
        createdAt: "2026-01-01T00:00:00Z",
        updatedAt: "2026-01-02T00:00:00Z",
      },
      parentId: null,
      type: "Customer",
      end: { line: i + 1, byte: (i + 1) * 100 },
    };
  }
}

describe("batch connection", () => {
  it("sends Prisma.sql's text and values, instants as UTC text, and refuses model calls", async () => {
    const { client, sent } = recordingClient([{ id: "7" }], 3);
    const tx = rawTransactionClient(client);
    const at = new Date("2026-03-01T10:00:00.000Z");
    const rows =
      await tx.$queryRaw`SELECT id FROM t WHERE a = ${5} AND b = ANY(${["1", "2"]}::bigint[]) AND c <= ${at}`;
    expect(rows).toEqual([{ id: "7" }]);
    expect(sent[0]).toEqual({
      text: "SELECT id FROM t WHERE a = $1 AND b = ANY($2::bigint[]) AND c <= $3",
      values: [5, ["1", "2"], "2026-03-01T10:00:00.000Z"],
    });
    // A composed statement (fragments inside) keeps its numbering.
    const fragment = Prisma.sql`x = ${"y"}`;
    expect(await tx.$executeRaw(Prisma.sql`UPDATE t SET ${fragment} WHERE id = ${9}`)).toBe(3);
    expect(sent[1]).toEqual({ text: "UPDATE t SET x = $1 WHERE id = $2", values: ["y", 9] });
    expect(() => (tx as unknown as { syncState: unknown }).syncState).toThrow(/raw SQL only/);
  });

  it("writes only integers into a statement sent with BEGIN", () => {
    expect(inlineIntegers(Prisma.sql`SELECT f(${7_349_121}::int, ${42}::int)`)).toBe("SELECT f(7349121::int, 42::int)");
    expect(() => inlineIntegers(Prisma.sql`SELECT ${"1; DROP TABLE shop"}`)).toThrow(/not an integer/);
    expect(() => inlineIntegers(Prisma.sql`SELECT ${1.5}`)).toThrow(/not an integer/);
  });

  it("rolls a failed batch back and rethrows; the connection goes back to the pool", async () => {
    const released: unknown[] = [];
    const { client, sent } = recordingClient();
    const pool = {
      connect: async () =>
        Object.assign(client, {
          on: () => client,
          off: () => client,
          release: (error?: unknown) => released.push(error),
        }),
    } as unknown as pg.Pool;
    await expect(
      poolTransaction(pool, "SELECT 1", async (tx) => {
        await tx.$executeRaw`UPDATE t SET a = 1`;
        throw new Error("batch failed");
      }),
    ).rejects.toThrow("batch failed");
    expect(sent.map((s) => s.text)).toEqual(["BEGIN; SELECT 1", "UPDATE t SET a = 1", "ROLLBACK"]);
    expect(released).toEqual([undefined]);
  });

  it(`runs the ingest's batches where the database allows (${inject("databaseKind")})`, async () => {
    const shop = await prisma.shop.create({
      data: { domain: uniqueShopDomain("batch-conn"), installedAt: new Date() },
    });
    await prisma.syncState.create({ data: { shopId: shop.id, resource: "customers" } });
    statements.length = 0;
    const timeouts: string[] = [];
    await ingestBulkRecords(customerLines(5), {
      prisma,
      shopId: shop.id,
      resource: "customers",
      exportedUntil: new Date("2026-03-02T00:00:00Z"),
      batchSize: 2,
      lane: createSerialLane(),
      writeResumePoint: async (tx, end, count) => {
        const [row] = await tx.$queryRaw<{ statement: string; idle: string }[]>`
          SELECT current_setting('statement_timeout') AS statement,
            current_setting('idle_in_transaction_session_timeout') AS idle`;
        timeouts.push(`${row?.statement}/${row?.idle}`);
        await writeBackfillResumePoint(tx, shop.id, "customers", `${end.line}`, count);
      },
    });
    // PostgreSQL: a stuck batch is ended by the server (Prisma's transaction timeout does not
    // cover the pg pool); the embedded database's batches keep Prisma's.
    if (inject("databaseKind") !== "embedded") expect(new Set(timeouts)).toEqual(new Set(["2min/2min"]));
    const beginsWithReady = statements.filter((s) => /^BEGIN; SELECT 1 AS ready/.test(s));
    // PostgreSQL: one message per batch opens it and takes the redaction lock (3 batches of 2, 2, 1 lines).
    expect(beginsWithReady).toHaveLength(inject("databaseKind") === "embedded" ? 0 : 3);
    const state = await prisma.syncState.findUniqueOrThrow({
      where: { shopId_resource: { shopId: shop.id, resource: "customers" } },
    });
    expect({ cursor: state.backfillCursor, stored: state.recordsStored }).toEqual({ cursor: "5", stored: 1 });
    expect(await prisma.customer.count({ where: { shopId: shop.id } })).toBe(5);
  });

  it("a resume point of a sync state that is gone fails the batch, which rolls back", async () => {
    const shop = await prisma.shop.create({
      data: { domain: uniqueShopDomain("batch-conn"), installedAt: new Date() },
    });
    await expect(
      ingestBulkRecords(customerLines(2), {
        prisma,
        shopId: shop.id,
        resource: "customers",
        exportedUntil: new Date("2026-03-02T00:00:00Z"),
        batchSize: 10,
        lane: createSerialLane(),
        writeResumePoint: (tx, end, count) => writeBackfillResumePoint(tx, shop.id, "customers", `${end.line}`, count),
      }),
    ).rejects.toThrow(/no sync state/);
    expect(await prisma.customer.count({ where: { shopId: shop.id } })).toBe(0);
  });
});
