// Recorded bulk results for the ingest benchmark: the app's own bulk queries
// (customers, products, orders) run once against a simulated store of the wanted
// size, and the JSONL files the simulator answers are kept under .cache/bench/, so
// the ingest is measured apart from the simulator (no export time, no HTTP).
//
//   npx tsx scripts/bench/fixture.ts --orders 1000000   (prints the directory)
//
// Generating the 1M-order store needs a big heap (the simulator holds the store in
// memory); ensureBulkFixture() runs this file in a child process with one.
//
// Large sizes are tiled from a recorded one: the simulator's export runs at a few
// thousand lines per second (GraphQL execution of every node; 1M orders ≈ 7M lines
// took over 38 minutes), so a fixture of k × 50,000 orders is the recorded
// 50,000-order export repeated k times, every id but the shared catalog's (products,
// variants) moved by copy × 10^8 in all its gids at once (an id and every reference to
// it move together: __parentId, customer, lineItem, sale and agreement ids; the
// simulator's per-shop id ranges are 10^10 wide and a 50k store uses under 10^6 of
// each, so copies never collide). Written line by line (streaming, a minute or two for 1M).
// Same shape per order as the recorded store (lines, refunds, ledger, interleaving
// within a copy); customers are copied with their orders (250k at 1M), products kept (500).
import { spawn } from "node:child_process";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
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
  const dir = fixtureDir(orders);
  const meta = path.join(dir, "meta.json");
  if (!existsSync(meta)) return null;
  const fixture = JSON.parse(readFileSync(meta, "utf8")) as BulkFixture;
  // meta.json holds absolute paths: a fixture copied from another checkout (recording
  // one takes minutes) is read from where it is now.
  for (const file of Object.values(fixture.files)) file.path = path.join(dir, path.basename(file.path));
  return { ...fixture, dir };
}

/** Recorded size that larger fixtures are tiled from. */
export const TILE_BASE_ORDERS = 50_000;
/** Id shift between copies (see the top of the file). */
const TILE_ID_STRIDE = 100_000_000;
/** Ids shared by every copy: the catalog. */
const SHARED_TYPES = new Set(["Product", "ProductVariant"]);

function tiled(orders: number): boolean {
  return orders > 2 * TILE_BASE_ORDERS && orders % TILE_BASE_ORDERS === 0;
}

/** Copy `from` `copies` times into `to`, moving every non-catalog id by copy × TILE_ID_STRIDE. */
async function tileFile(from: string, to: string, copies: number): Promise<{ lines: number; bytes: number }> {
  const out = createWriteStream(`${to}.part`, { highWaterMark: 1 << 20 });
  let lines = 0;
  let bytes = 0;
  for (let copy = 0; copy < copies; copy++) {
    const shift = copy * TILE_ID_STRIDE;
    const input = createInterface({ input: createReadStream(from, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
    for await (const line of input) {
      const moved =
        shift === 0
          ? line
          : line.replace(/gid:\/\/shopify\/([A-Za-z]+)\/(\d+)/g, (whole, type: string, id: string) =>
              SHARED_TYPES.has(type) ? whole : `gid://shopify/${type}/${Number(id) + shift}`,
            );
      const text = moved + "\n";
      lines++;
      bytes += Buffer.byteLength(text);
      if (!out.write(text)) await once(out, "drain");
    }
  }
  out.end();
  await once(out, "finish");
  renameSync(`${to}.part`, to);
  return { lines, bytes };
}

async function tileFixture(orders: number, log: (line: string) => void): Promise<BulkFixture> {
  const base = await ensureBulkFixture(TILE_BASE_ORDERS, log);
  const copies = orders / TILE_BASE_ORDERS;
  const dir = fixtureDir(orders);
  mkdirSync(dir, { recursive: true });
  log(`tiling ${copies} copies of the recorded ${TILE_BASE_ORDERS.toLocaleString("en")}-order export into ${dir}…`);
  const files = {} as BulkFixture["files"];
  for (const resource of ["customers", "products", "orders"] as const) {
    const file = path.join(dir, `${resource}.jsonl`);
    const made = await tileFile(base.files[resource].path, file, resource === "products" ? 1 : copies);
    files[resource] = { path: file, ...made, completedAt: base.files[resource].completedAt };
  }
  const fixture: BulkFixture = { dir, orders, files };
  writeFileSync(path.join(dir, "meta.json"), JSON.stringify(fixture, null, 2));
  return fixture;
}

/** The cached fixture, made first (in a child process with a big heap, or tiled) if missing. */
export async function ensureBulkFixture(orders: number, log: (line: string) => void): Promise<BulkFixture> {
  const cached = readFixture(orders);
  if (cached) return cached;
  if (tiled(orders)) return tileFixture(orders, log);
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
  const orders = Number(values.orders);
  const fixture = tiled(orders) ? await tileFixture(orders, (line) => console.log(line)) : await record(orders);
  console.log(fixture.dir);
}
