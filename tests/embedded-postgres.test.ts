// The embedded PostgreSQL must behave like a server under concurrent clients:
// PGlite has a single backend, and interleaving two clients' extended-protocol
// messages (Parse/Bind/Execute … Sync) used to corrupt each other's statements.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "~/db/embedded-postgres.server";

let embedded: EmbeddedPostgres;
let pools: pg.Pool[];

beforeAll(async () => {
  embedded = await startEmbeddedPostgres({ dataDir: "memory://" });
  pools = [1, 2].map(() => new pg.Pool({ connectionString: embedded.connectionString, max: 8 }));
  for (const pool of pools) pool.on("error", () => {}); // surfaced through the queries below
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await embedded.stop();
});

describe("embedded PostgreSQL under concurrent clients", () => {
  it("keeps each client's parameterised queries and transactions intact", async () => {
    await pools[0]!.query("CREATE TABLE concurrency_probe (id int PRIMARY KEY, v text NOT NULL)");
    const writes = 300;
    const outcomes = await Promise.allSettled(
      Array.from({ length: writes }, async (_, i) => {
        const pool = pools[i % 2]!;
        const value = `value-${i}`;
        if (i % 5 === 0) {
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            await client.query("INSERT INTO concurrency_probe VALUES ($1, $2)", [i, value]);
            const read = await client.query("SELECT v FROM concurrency_probe WHERE id = $1", [i]);
            await client.query("COMMIT");
            return read.rows[0]?.v;
          } finally {
            client.release();
          }
        }
        await pool.query("INSERT INTO concurrency_probe VALUES ($1, $2)", [i, value]);
        return (await pool.query("SELECT v FROM concurrency_probe WHERE id = $1", [i])).rows[0]?.v;
      }),
    );

    const failures = outcomes
      .filter((o) => o.status === "rejected")
      .map((o) => String((o as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    const values = outcomes.map((o) => (o as PromiseFulfilledResult<string>).value);
    expect(values).toEqual(Array.from({ length: writes }, (_, i) => `value-${i}`));
    const { rows } = await pools[1]!.query("SELECT count(*)::int AS n FROM concurrency_probe");
    expect(rows[0].n).toBe(writes);
  });
});
