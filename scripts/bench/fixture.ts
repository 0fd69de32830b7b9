// Recorded bulk results for the ingest benchmark: the app's own bulk queries
// (customers, products, orders) run once against a simulated store of the wanted
// size, and the JSONL files the simulator answers are kept under .cache/bench/, so
// the ingest is measured apart from the simulator (no export time, no HTTP).
//
//   npx tsx scripts/bench/fixture.ts --orders 1000000   (prints the directory)
//
// Generating the 1M-order store needs a big heap (the simulator holds the store in
// memory); ensureBulkFixture() runs this file in a child process with one.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startSimulator } from "../../simulator/src/index";
import { startBulkQuery, waitForBulkOperation } from "../../app/sync/bulk";
import { createAdminGraphql } from "../../app/sync/graphql-client";
import { ADMIN_API_VERSION, BULK_CUSTOMERS, BULK_PRODUCTS, bulkOrdersQuery } from "../../app/sync/queries";
import type { SyncResource } from "../../app/sync/records";

export const FIXTURE_SEED = 11;
/** Fixed history end, so the same size gives the same file on every machine. */
export const FIXTURE_ANCHOR = Date.UTC(2026, 10, 29);
export const FIXTURE_TIMEZONE = "America/New_York";

export interface BulkFixture {
  dir: string;
  orders: number;
  /** The export's completedAt per resource (the ChildWriteGuard's exportedUntil). */
  files: Record<SyncResource, { path: string; lines: number; bytes: number; completedAt: string }>;
}

function fixtureDir(orders: number): string {
  return path.resolve(".cache", "bench", `bulk-seed${FIXTURE_SEED}-${orders}`);
}

/** Store shape at `orders` orders: the large store's proportions (1M orders, 250k customers, 1k products). */
export function storeSpec(orders: number) {
  return {
    orders,
    customers: Math.max(50, Math.round(orders / 4)),
    products: Math.max(20, Math.min(1_000, Math.round(orders / 100))),
    days: 1_095,
  };
}

export function readFixture(orders: number): BulkFixture | null {
  const meta = path.join(fixtureDir(orders), "meta.json");
  return existsSync(meta) ? (JSON.parse(readFileSync(meta, "utf8")) as BulkFixture) : null;
}

/** The cached fixture, made first (in a child process with a big heap) if missing. */
export async function ensureBulkFixture(orders: number, log: (line: string) => void): Promise<BulkFixture> {
  const cached = readFixture(orders);
  if (cached) return cached;
  log(
    `recording bulk results of a ${orders.toLocaleString("en")}-order simulated store into ${fixtureDir(orders)} (once)…`,
  );
  const code = await new Promise<number | null>((resolve) =>
    spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--orders", String(orders)], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=8192" },
    }).on("exit", resolve),
  );
  const made = readFixture(orders);
  if (code !== 0 || !made) throw new Error(`recording the bulk fixture failed (exit ${code})`);
  return made;
}

async function record(orders: number): Promise<BulkFixture> {
  const dir = fixtureDir(orders);
  mkdirSync(dir, { recursive: true });
  const domain = "bench-ingest.myshopify.com";
  const started = Date.now();
  const sim = await startSimulator({
    port: 0,
    appToml: false,
    shops: [
      {
        domain,
        seed: FIXTURE_SEED,
        size: storeSpec(orders),
        anchor: FIXTURE_ANCHOR,
        ianaTimezone: FIXTURE_TIMEZONE,
        onProgress: (n) => console.log(`  generated ${n.toLocaleString("en")} orders`),
      },
    ],
    bulk: { objectsPerSecond: 1e9 },
  });
  try {
    console.log(`  store loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const { accessToken } = sim.control.install(domain);
    const toSim: typeof fetch = (input, init) =>
      fetch(String(input instanceof Request ? input.url : input).replace(/^https:\/\/[^/]+/, sim.url), init);
    const client = createAdminGraphql({
      shop: domain,
      apiVersion: ADMIN_API_VERSION,
      fetch: toSim,
      accessToken: async () => accessToken,
      maxTotalMs: 3_600_000,
    });
    const queries: Record<SyncResource, string> = {
      customers: BULK_CUSTOMERS,
      products: BULK_PRODUCTS,
      orders: bulkOrdersQuery(null),
    };
    const files = {} as BulkFixture["files"];
    for (const resource of ["customers", "products", "orders"] as const) {
      const t = Date.now();
      const op = await startBulkQuery(client, queries[resource]);
      const done = await waitForBulkOperation(client, op.id, { minPollMs: 500, maxPollMs: 2_000 });
      if (done.status !== "COMPLETED" || !done.url) throw new Error(`${resource} export ended ${done.status}`);
      const file = path.join(dir, `${resource}.jsonl`);
      const response = await toSim(done.url);
      if (!response.ok || !response.body) throw new Error(`download of ${resource} failed: ${response.status}`);
      await pipeline(Readable.fromWeb(response.body as never), createWriteStream(`${file}.part`));
      renameSync(`${file}.part`, file);
      files[resource] = {
        path: file,
        lines: Number(done.objectCount),
        bytes: Number(done.fileSize),
        completedAt: done.completedAt ?? new Date().toISOString(),
      };
      console.log(`  ${resource}: ${done.objectCount} lines in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    }
    const fixture: BulkFixture = { dir, orders, files };
    writeFileSync(path.join(dir, "meta.json"), JSON.stringify(fixture, null, 2));
    return fixture;
  } finally {
    await sim.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { orders: { type: "string", default: "1000000" } } });
  const fixture = await record(Number(values.orders));
  console.log(fixture.dir);
}
