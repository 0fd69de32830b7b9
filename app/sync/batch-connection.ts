// Where a bulk ingest's batch transactions run (bulk-ingest.ts): on PostgreSQL a plain
// pg pool of their own, on the embedded database (PGlite) the app's Prisma client.
//
// Why: a batch sends a handful of INSERT … SELECT FROM unnest(<column arrays>)
// statements of 1000 rows each. Through Prisma (driver adapter, query compiler) every
// array parameter is walked and converted before pg serialises it again: profiled at
// 50k orders, Prisma's parameter work cost about five times plain pg's CPU for the same
// array query, on two cores the database shares. The statements stay the same: the store
// functions build them with Prisma.sql and take a transaction client; on PostgreSQL they
// get `rawTransactionClient`, which sends Prisma.sql's text and values through a pg
// client (raw statements only; a model call fails loudly).
//
// Never on the embedded database: its socket server shares one backend between
// connections, so a second pool's transaction would interleave with the app's
// (tests/sync-support.ts). A client gets a pool only when its creator says so
// (`registerBatchPool`: db.server.ts with DATABASE_URL, the benchmark, PostgreSQL tests);
// without one the batches run through Prisma, as before.
// docs/decisions/bulk-ingest-batch-connection.md.
import { Prisma, type PrismaClient } from "@prisma/client";
import type pg from "pg";

/** What a batch's statements need of a transaction: raw SQL only. */
export type RawTransactionClient = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

const pools = new WeakMap<object, pg.Pool>();

/** Batch transactions of `prisma`'s database run on `pool` (PostgreSQL only, never the embedded server). */
export function registerBatchPool(prisma: PrismaClient, pool: pg.Pool): void {
  pools.set(prisma, pool);
}

/** The pool registered for `prisma`, if any. */
export function batchPoolOf(prisma: PrismaClient): pg.Pool | undefined {
  return pools.get(prisma);
}

/** A parameter as Prisma sends it: instants as ISO text (UTC), bigints as text. */
function toPgValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value))
    return value.some((v) => v instanceof Date || typeof v === "bigint") ? value.map(toPgValue) : value;
  return value;
}

/** A Prisma.Sql (`$queryRaw(Prisma.sql…)`), not a tagged template's strings (an array). */
function isSql(value: TemplateStringsArray | Prisma.Sql): value is Prisma.Sql {
  return !Array.isArray(value);
}

/**
 * A transaction client over a pg client already inside a transaction: `$queryRaw` and
 * `$executeRaw` (tagged templates or Prisma.sql) with Prisma's placeholders and values.
 * Results: the rows as pg returns them (the batch statements select text, booleans and
 * integers only, which both drivers return alike); `$executeRaw` the row count.
 */
export function rawTransactionClient(client: pg.ClientBase): Prisma.TransactionClient {
  const run = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) => {
    const sql = isSql(query) ? query : Prisma.sql(query, ...(values as Prisma.Sql[]));
    return client.query(sql.text, sql.values.map(toPgValue));
  };
  const raw: RawTransactionClient = {
    $queryRaw: (async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
      (await run(query, values)).rows) as unknown as RawTransactionClient["$queryRaw"],
    $executeRaw: (async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
      (await run(query, values)).rowCount ?? 0) as unknown as RawTransactionClient["$executeRaw"],
  };
  return new Proxy(raw, {
    get(target, property) {
      if (property in target) return target[property as keyof RawTransactionClient];
      // `then`: the client is not a promise (awaiting it must not call a model).
      if (property === "then") return undefined;
      throw new Error(`batch transaction over pg: ${String(property)} is not available (raw SQL only)`);
    },
  }) as unknown as Prisma.TransactionClient;
}

/**
 * Integer parameters written into the SQL text, for a statement sent together with BEGIN
 * in one simple-protocol message (which takes no parameters). Only safe integers: a value
 * of another kind throws.
 */
export function inlineIntegers(sql: Prisma.Sql): string {
  return sql.text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = sql.values[Number(n) - 1];
    if (typeof value !== "number" || !Number.isSafeInteger(value))
      throw new Error(`inlineIntegers: parameter $${n} is not an integer`);
    return String(value);
  });
}

/**
 * One transaction on the pool: `begin` (statements without parameters) goes with BEGIN
 * in one round trip, then `work`, then COMMIT; any failure rolls back and is rethrown.
 * A connection whose ROLLBACK failed is discarded, not returned to the pool.
 */
export async function poolTransaction<T>(
  pool: pg.Pool,
  begin: string,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection lost while checked out (server restart, terminated backend) is reported
  // as an 'error' event on the client, which would end the process without a listener;
  // the statement in flight fails on its own and the connection is discarded below.
  const onError = (error: Error) => (broken = error);
  client.on("error", onError);
  try {
    await client.query(`BEGIN; ${begin}`);
    const result = await work(rawTransactionClient(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}
