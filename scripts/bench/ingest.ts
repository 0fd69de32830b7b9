// Backfill ingest measured apart from the simulator: the recorded bulk results
// (fixture.ts) go through the app's real ingest path (app/sync/bulk-ingest.ts, as a
// backfill runs it, reading the file through readJsonl as if downloaded) into
// PostgreSQL, compared in the same run with
//   - the set-based limit: the same rows, already mapped (no reading, no parsing, no
//     checks), inserted with 1000-row `unnest` statements, only the database time counted;
//   - a naive per-row ORM baseline: one Prisma upsert per row on a slice, per-row time
//     extrapolated.
// The reads at store scale (rollup rebuild, Customers page, dashboard) are measured on
// a SQL-generated store (store.ts): recording and ingesting 1M orders does not fit
// npm run bench's 20 minutes.
//
// Runs in its own process (peak RSS is this process's): bench.ts starts it as
//   node --import tsx scripts/bench/ingest.ts --orders N --out file.json [--keep]
// add node's --cpu-prof (--cpu-prof-dir) to profile; `--phase ours` runs only our path.
import { createReadStream, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import type { PrismaClient } from "@prisma/client";
import { bulkRecords, readJsonl, type BulkRecord } from "../../app/sync/bulk";
import { ingestBulkRecords, PROBED_TABLES, writeBackfillResumePoint, WRITTEN_TABLES } from "../../app/sync/bulk-ingest";
import { registerBatchPool } from "../../app/sync/batch-connection";
import { createSerialLane, DEFAULT_TUNING } from "../../app/sync/context";
import { mapBulkChildren, mapGraphqlNodes, type ChildRecord } from "../../app/sync/record-writer";
import { isLedgerLine, mapLedgerLines, type AgreementRecord, type SaleRecord } from "../../app/sync/sales-ledger";
import type {
  CustomerRecord,
  OrderLineItemRecord,
  OrderRecord,
  ProductRecord,
  ProductVariantRecord,
  RefundRecord,
  SyncResource,
} from "../../app/sync/records";
import { benchDatabaseUrl, benchPrisma, createBenchShop, emptyDatabase, quantile } from "./db";
import { ensureBulkFixture, FIXTURE_TIMEZONE, readFixture, type BulkFixture } from "./fixture";

const RESOURCES: readonly SyncResource[] = ["customers", "products", "orders"];
const LIMIT_BATCH = 1000;

export interface IngestFigures {
  orders: number;
  rows: number;
  fileBytes: number;
  ours: {
    seconds: number;
    rowsPerSecond: number;
    peakRssMb: number;
    /** Peak JS heap in use, and the RSS before the ingest started (modules loaded, clients connected). */
    peakHeapMb: number;
    startRssMb: number;
    nodeCpuSeconds: number;
    batchSize: number;
    /** Orders-export batches: count, and the median wall ms of the first and the last five (a table that grows must not slow its batches). */
    orderBatches: { count: number; firstMs: number; lastMs: number };
  };
  limit: { seconds: number; rowsPerSecond: number };
  naive: { rows: number; seconds: number; rowsPerSecond: number };
  /** Seconds spent recording the fixture in this run (null: it was cached). */
  fixtureSeconds: number | null;
  shopDomain: string;
  databaseUrl: string;
}

/** The fetch a backfill downloads with, answering from the recorded file instead. */
function fileFetch(path: string): typeof fetch {
  return async () =>
    new Response(Readable.toWeb(createReadStream(path, { highWaterMark: 1 << 20 })) as ReadableStream, {
      status: 200,
    });
}

function recordsOf(path: string): AsyncGenerator<BulkRecord> {
  return bulkRecords(readJsonl(fileFetch(path), `file://${path}`));
}

async function tableRows(prisma: PrismaClient, shopId: number): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT (SELECT count(*) FROM customer WHERE shop_id = ${shopId})
      + (SELECT count(*) FROM product WHERE shop_id = ${shopId})
      + (SELECT count(*) FROM product_variant WHERE shop_id = ${shopId})
      + (SELECT count(*) FROM "order" WHERE shop_id = ${shopId})
      + (SELECT count(*) FROM order_line_item WHERE shop_id = ${shopId})
      + (SELECT count(*) FROM refund WHERE shop_id = ${shopId})
      + (SELECT count(*) FROM sale_agreement WHERE shop_id = ${shopId})
      + (SELECT count(*) FROM sale WHERE shop_id = ${shopId}) AS n`;
  return Number(row!.n);
}

// ---- ours: the app's ingest path --------------------------------------------------------

async function runOurs(prisma: PrismaClient, shopId: number, fixture: BulkFixture, batchSize: number) {
  const startRssMb = process.memoryUsage().rss / 2 ** 20;
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  // RSS every 50 ms (cheap); the JS heap at the same moments, to tell a growing heap from the runtime's floor.
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  await prisma.syncState.createMany({
    data: RESOURCES.map((resource) => ({ shopId, resource })),
    skipDuplicates: true,
  });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  // Wall time between batch commits (reading overlaps writing, so this is the write pace).
  const batches: { resource: SyncResource; ms: number }[] = [];
  let writeMs = 0;
  try {
    const serial = createSerialLane();
    // Time inside the lane's tasks: the database side of the ingest (the rest is reading and mapping).
    const lane: typeof serial = (task) =>
      serial(async () => {
        const t = performance.now();
        try {
          return await task();
        } finally {
          writeMs += performance.now() - t;
        }
      });
    // The three resources one after the other (a backfill runs them side by side on one lane).
    for (const resource of RESOURCES) {
      const file = fixture.files[resource];
      let failures = 0;
      let stored = 0;
      let batchStarted = performance.now();
      await ingestBulkRecords(recordsOf(file.path), {
        prisma,
        shopId,
        resource,
        exportedUntil: new Date(file.completedAt),
        batchSize,
        lane,
        onMappingFailures: (f) => (failures += f.length),
        writeResumePoint: async (tx, end, count) => {
          // What the backfill writes with each batch (backfill.ts): the resume point.
          await writeBackfillResumePoint(tx, shopId, resource, `${end.line}:${end.byte}`, stored + count);
        },
        onBatchCommitted: async (_end, count) => {
          stored += count;
          const now = performance.now();
          batches.push({ resource, ms: now - batchStarted });
          // Long runs (1M orders): where it is, and the RSS trend, every 200 batches.
          if (process.env.BENCH_PROGRESS && batches.length % 200 === 0)
            console.log(
              `  ${((now - started) / 1000).toFixed(0)} s: ${batches.length} batches (${resource}), RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB, peak ${(peakRss / 2 ** 20).toFixed(0)} MB`,
            );
          batchStarted = now;
        },
      });
      if (failures > 0) throw new Error(`${failures} ${resource} lines could not be mapped`);
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return {
    seconds,
    peakRssMb: peakRss / 2 ** 20,
    peakHeapMb: peakHeap / 2 ** 20,
    startRssMb,
    nodeCpuSeconds: (cpu.user + cpu.system) / 1e6,
    writeSeconds: writeMs / 1000,
    batches,
  };
}

// ---- the set-based limit ----------------------------------------------------------------

interface Rows {
  customers: CustomerRecord[];
  products: ProductRecord[];
  variants: ProductVariantRecord[];
  orders: OrderRecord[];
  lines: OrderLineItemRecord[];
  refunds: RefundRecord[];
  agreements: AgreementRecord[];
  /** Sales with their agreement's facts (the limit looks them up in memory, outside the clock). */
  sales: (SaleRecord & { agreement: AgreementRecord })[];
}

const LIMIT_SQL = {
  customers: `INSERT INTO customer (shop_id, id, first_name, last_name, email, phone, state, tags, number_of_orders,
      amount_spent, shopify_created_at, shopify_updated_at, updated_at)
    SELECT $1, i.id, i.first_name, i.last_name, i.email, i.phone, i.state,
      ARRAY(SELECT jsonb_array_elements_text(i.tags::jsonb)), i.number_of_orders, i.amount_spent, i.created_at,
      i.updated_at, now()
    FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[],
      $10::numeric[], $11::timestamptz[], $12::timestamptz[])
      AS i(id, first_name, last_name, email, phone, state, tags, number_of_orders, amount_spent, created_at, updated_at)
    ON CONFLICT DO NOTHING`,
  products: `INSERT INTO product (shop_id, id, title, handle, status, vendor, product_type, shopify_created_at,
      shopify_updated_at, updated_at)
    SELECT $1, i.*, now() FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
      $8::timestamptz[], $9::timestamptz[]) AS i ON CONFLICT DO NOTHING`,
  variants: `INSERT INTO product_variant (shop_id, id, product_id, title, sku, price, updated_at)
    SELECT $1, v.*, now() FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::numeric[]) AS v
    ON CONFLICT DO NOTHING`,
  orders: `INSERT INTO "order" (shop_id, id, name, email, customer_id, processed_at, cancelled_at, test, currency_code,
      presentment_currency_code, total_price, subtotal_price, total_discounts, total_tax, total_shipping,
      total_refunded, total_price_presentment, shopify_created_at, shopify_updated_at, updated_at)
    SELECT $1, i.*, now() FROM unnest($2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::timestamptz[],
      $7::timestamptz[], $8::boolean[], $9::text[], $10::text[], $11::numeric[], $12::numeric[], $13::numeric[],
      $14::numeric[], $15::numeric[], $16::numeric[], $17::numeric[], $18::timestamptz[], $19::timestamptz[]) AS i
    ON CONFLICT DO NOTHING`,
  lines: `INSERT INTO order_line_item (shop_id, id, order_id, product_id, variant_id, title, sku, quantity,
      original_unit_price, total_discount, is_gift_card)
    SELECT $1, l.* FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[], $7::text[],
      $8::int[], $9::numeric[], $10::numeric[], $11::boolean[]) AS l ON CONFLICT DO NOTHING`,
  refunds: `INSERT INTO refund (shop_id, id, order_id, shopify_created_at, note, shipping_refund, shipping_tax_refund)
    SELECT $1, r.* FROM unnest($2::bigint[], $3::bigint[], $4::timestamptz[], $5::text[], $6::numeric[],
      $7::numeric[]) AS r ON CONFLICT DO NOTHING`,
  agreements: `INSERT INTO sale_agreement (shop_id, id, order_id, kind, happened_at)
    SELECT $1, a.id, a.order_id, a.kind::"SalesAgreementKind", a.happened_at AT TIME ZONE 'UTC'
    FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::timestamptz[]) AS a(id, order_id, kind, happened_at)
    ON CONFLICT DO NOTHING`,
  sales: `INSERT INTO sale (shop_id, id, order_id, agreement_id, agreement_kind, happened_at, action_type, line_type,
      line_item_id, product_id, quantity, total_amount, total_discount_before_taxes, total_discount_after_taxes, total_tax)
    SELECT $1, s.id, s.order_id, s.agreement_id, s.kind::"SalesAgreementKind", s.happened_at AT TIME ZONE 'UTC',
      s.action_type::"SaleActionType", s.line_type::"SaleLineType", s.line_item_id, s.product_id, s.quantity,
      s.total_amount, s.discount_before, s.discount_after, s.total_tax
    FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::timestamptz[], $7::text[], $8::text[],
      $9::bigint[], $10::bigint[], $11::int[], $12::numeric[], $13::numeric[], $14::numeric[], $15::numeric[])
      AS s(id, order_id, agreement_id, kind, happened_at, action_type, line_type, line_item_id, product_id, quantity,
        total_amount, discount_before, discount_after, total_tax)
    ON CONFLICT DO NOTHING`,
} as const;

function limitParams(table: keyof Rows, shopId: number, rows: Rows): unknown[] {
  const col = <T>(items: T[], f: (x: T) => unknown) => items.map(f);
  switch (table) {
    case "customers": {
      const c = rows.customers;
      // Tags travel as one JSON text per row (a 2-D array parameter needs equal lengths), as in store.ts.
      return [
        shopId,
        col(c, (x) => x.id),
        col(c, (x) => x.firstName),
        col(c, (x) => x.lastName),
        col(c, (x) => x.email),
        col(c, (x) => x.phone),
        col(c, (x) => x.state),
        col(c, (x) => JSON.stringify(x.tags)),
        col(c, (x) => x.numberOfOrders),
        col(c, (x) => x.amountSpent),
        col(c, (x) => x.shopifyCreatedAt),
        col(c, (x) => x.shopifyUpdatedAt),
      ];
    }
    case "products": {
      const p = rows.products;
      return [
        shopId,
        col(p, (x) => x.id),
        col(p, (x) => x.title),
        col(p, (x) => x.handle),
        col(p, (x) => x.status),
        col(p, (x) => x.vendor),
        col(p, (x) => x.productType),
        col(p, (x) => x.shopifyCreatedAt),
        col(p, (x) => x.shopifyUpdatedAt),
      ];
    }
    case "variants": {
      const v = rows.variants;
      return [
        shopId,
        col(v, (x) => x.id),
        col(v, (x) => x.productId),
        col(v, (x) => x.title),
        col(v, (x) => x.sku),
        col(v, (x) => x.price),
      ];
    }
    case "orders": {
      const o = rows.orders;
      return [
        shopId,
        col(o, (x) => x.id),
        col(o, (x) => x.name),
        col(o, (x) => x.email),
        col(o, (x) => x.customerId),
        col(o, (x) => x.processedAt),
        col(o, (x) => x.cancelledAt),
        col(o, (x) => x.test),
        col(o, (x) => x.currencyCode),
        col(o, (x) => x.presentmentCurrencyCode),
        col(o, (x) => x.totalPrice),
        col(o, (x) => x.subtotalPrice),
        col(o, (x) => x.totalDiscounts),
        col(o, (x) => x.totalTax),
        col(o, (x) => x.totalShipping),
        col(o, (x) => x.totalRefunded),
        col(o, (x) => x.totalPricePresentment),
        col(o, (x) => x.shopifyCreatedAt),
        col(o, (x) => x.shopifyUpdatedAt),
      ];
    }
    case "lines": {
      const l = rows.lines;
      return [
        shopId,
        col(l, (x) => x.id),
        col(l, (x) => x.orderId),
        col(l, (x) => x.productId),
        col(l, (x) => x.variantId),
        col(l, (x) => x.title),
        col(l, (x) => x.sku),
        col(l, (x) => x.quantity),
        col(l, (x) => x.originalUnitPrice),
        col(l, (x) => x.totalDiscount),
        col(l, (x) => x.isGiftCard),
      ];
    }
    case "refunds": {
      const r = rows.refunds;
      return [
        shopId,
        col(r, (x) => x.id),
        col(r, (x) => x.orderId),
        col(r, (x) => x.shopifyCreatedAt),
        col(r, (x) => x.note),
        col(r, (x) => x.shippingRefund),
        col(r, (x) => x.shippingTaxRefund),
      ];
    }
    case "agreements": {
      const a = rows.agreements;
      return [
        shopId,
        col(a, (x) => x.id),
        col(a, (x) => x.orderId),
        col(a, (x) => x.kind),
        col(a, (x) => x.happenedAt),
      ];
    }
    case "sales": {
      const v = rows.sales;
      return [
        shopId,
        col(v, (x) => x.id),
        col(v, (x) => x.agreement.orderId),
        col(v, (x) => x.agreementId),
        col(v, (x) => x.agreement.kind),
        col(v, (x) => x.agreement.happenedAt),
        col(v, (x) => x.actionType),
        col(v, (x) => x.lineType),
        col(v, (x) => x.lineItemId),
        col(v, (x) => x.productId),
        col(v, (x) => x.quantity),
        col(v, (x) => x.totalAmount),
        col(v, (x) => x.totalDiscountBeforeTaxes),
        col(v, (x) => x.totalDiscountAfterTaxes),
        col(v, (x) => x.totalTax),
      ];
    }
  }
}

/**
 * The same rows, mapped outside the clock, inserted set-based with nothing else:
 * only the INSERT statements' time counts. Parents of a batch go in before its children.
 * The tables' statistics are refreshed on the same schedule as ours (bulk-ingest.ts:
 * the probed tables whenever what was written doubled, all at the end; counted):
 * without it the foreign keys' checks run on plans made for empty tables and the limit
 * itself slows down as the tables grow.
 */
async function runLimit(url: string, shopId: number, fixture: BulkFixture) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let dbMs = 0;
  let rowCount = 0;
  const perTable: Record<string, number> = {};
  const empty = (): Rows => ({
    customers: [],
    products: [],
    variants: [],
    orders: [],
    lines: [],
    refunds: [],
    agreements: [],
    sales: [],
  });
  const tables = ["customers", "products", "orders", "variants", "lines", "refunds", "agreements", "sales"] as const;
  const write = async (rows: Rows) => {
    for (const table of tables) {
      if (rows[table].length === 0) continue;
      const params = limitParams(table, shopId, rows);
      const t = performance.now();
      const result = await client.query(LIMIT_SQL[table], params);
      dbMs += performance.now() - t;
      perTable[table] = (perTable[table] ?? 0) + performance.now() - t;
      rowCount += result.rowCount ?? 0;
    }
  };
  // Agreements by id, for the sales of later batches (in memory: the limit does no lookups).
  const agreementsById = new Map<string, AgreementRecord>();
  try {
    for (const resource of RESOURCES) {
      let rows = empty();
      let roots: unknown[] = [];
      let children: BulkRecord[] = [];
      let ledger: BulkRecord[] = [];
      let linesWritten = 0;
      let analyzeAt = 1;
      const flush = async () => {
        const mapped = mapGraphqlNodes(resource, roots).records;
        const kids = mapBulkChildren(resource, children).records;
        const ledgerRows = mapLedgerLines(ledger);
        for (const a of ledgerRows.agreements) agreementsById.set(a.id, a);
        rows.agreements = ledgerRows.agreements;
        rows.sales = ledgerRows.sales.map((sale) => ({ ...sale, agreement: agreementsById.get(sale.agreementId)! }));
        const lines = roots.length + children.length + ledger.length;
        if (resource === "customers") rows.customers = mapped as CustomerRecord[];
        if (resource === "products") rows.products = mapped as ProductRecord[];
        if (resource === "orders") {
          rows.orders = mapped as OrderRecord[];
          rows.refunds = rows.orders.flatMap((o) => o.refunds);
        }
        rows.variants = kids.flatMap((k: ChildRecord) => (k.kind === "variant" ? [k.record] : []));
        rows.lines = kids.flatMap((k: ChildRecord) => (k.kind === "lineItem" ? [k.record] : []));
        roots = [];
        children = [];
        ledger = [];
        await write(rows);
        rows = empty();
        linesWritten += lines;
        if (linesWritten >= analyzeAt) {
          const t = performance.now();
          await client.query(`ANALYZE ${PROBED_TABLES[resource].map((name) => `"${name}"`).join(", ")}`);
          dbMs += performance.now() - t;
          perTable.analyze = (perTable.analyze ?? 0) + performance.now() - t;
          analyzeAt = 2 * linesWritten;
        }
      };
      for await (const record of recordsOf(fixture.files[resource].path)) {
        if (record.parentId === null) roots.push(record.node);
        else if (isLedgerLine(record.node)) ledger.push(record);
        else children.push(record);
        if (roots.length + children.length + ledger.length >= LIMIT_BATCH) await flush();
      }
      await flush();
      const t = performance.now();
      await client.query(`ANALYZE ${WRITTEN_TABLES[resource].map((name) => `"${name}"`).join(", ")}`);
      dbMs += performance.now() - t;
      perTable.analyze = (perTable.analyze ?? 0) + performance.now() - t;
    }
  } finally {
    await client.end();
  }
  if (process.env.BENCH_DEBUG) console.log("limit ms per table", perTable);
  return { seconds: dbMs / 1000, rows: rowCount };
}

// ---- naive per-row ORM baseline ---------------------------------------------------------

/** One Prisma upsert per row (what an ORM-first ingest does): the first `slice` lines of the orders file. */
async function runNaive(prisma: PrismaClient, shopId: number, fixture: BulkFixture, slice: number) {
  const roots: unknown[] = [];
  const children: BulkRecord[] = [];
  for await (const record of recordsOf(fixture.files.orders.path)) {
    if (record.parentId === null) roots.push(record.node);
    else children.push(record);
    if (roots.length + children.length >= slice) break;
  }
  const orders = mapGraphqlNodes("orders", roots).records as OrderRecord[];
  const held = new Set(orders.map((o) => o.id));
  const lines = mapBulkChildren("orders", children)
    .records.flatMap((k) => (k.kind === "lineItem" ? [k.record] : []))
    .filter((l) => held.has(l.orderId));
  const started = performance.now();
  let rows = 0;
  for (const o of orders) {
    const data = {
      name: o.name,
      email: o.email,
      customerId: o.customerId === null ? null : BigInt(o.customerId),
      processedAt: new Date(o.processedAt),
      cancelledAt: o.cancelledAt === null ? null : new Date(o.cancelledAt),
      test: o.test,
      currencyCode: o.currencyCode,
      presentmentCurrencyCode: o.presentmentCurrencyCode,
      totalPrice: o.totalPrice,
      subtotalPrice: o.subtotalPrice,
      totalDiscounts: o.totalDiscounts,
      totalTax: o.totalTax,
      totalShipping: o.totalShipping,
      totalRefunded: o.totalRefunded,
      totalPricePresentment: o.totalPricePresentment,
      shopifyCreatedAt: new Date(o.shopifyCreatedAt),
      shopifyUpdatedAt: new Date(o.shopifyUpdatedAt),
    };
    const key = { shopId_id: { shopId, id: BigInt(o.id) } };
    await prisma.order.upsert({ where: key, create: { shopId, id: BigInt(o.id), ...data }, update: data });
    rows++;
    for (const r of o.refunds) {
      const refund = {
        orderId: BigInt(r.orderId),
        shopifyCreatedAt: new Date(r.shopifyCreatedAt),
        note: r.note,
        shippingRefund: r.shippingRefund,
        shippingTaxRefund: r.shippingTaxRefund,
      };
      await prisma.refund.upsert({
        where: { shopId_id: { shopId, id: BigInt(r.id) } },
        create: { shopId, id: BigInt(r.id), ...refund },
        update: refund,
      });
      rows++;
    }
  }
  for (const l of lines) {
    const line = {
      orderId: BigInt(l.orderId),
      productId: l.productId === null ? null : BigInt(l.productId),
      variantId: l.variantId === null ? null : BigInt(l.variantId),
      title: l.title,
      sku: l.sku,
      quantity: l.quantity,
      originalUnitPrice: l.originalUnitPrice,
      totalDiscount: l.totalDiscount,
      isGiftCard: l.isGiftCard,
    };
    await prisma.orderLineItem.upsert({
      where: { shopId_id: { shopId, id: BigInt(l.id) } },
      create: { shopId, id: BigInt(l.id), ...line },
      update: line,
    });
    rows++;
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}

// ---- run -------------------------------------------------------------------------------------

function orderBatchFigures(batches: readonly { resource: SyncResource; ms: number }[]) {
  const ms = batches.filter((b) => b.resource === "orders").map((b) => b.ms);
  const median = (xs: number[]) => (xs.length === 0 ? NaN : quantile(xs, 0.5));
  return { count: ms.length, firstMs: median(ms.slice(0, 5)), lastMs: median(ms.slice(-5)) };
}

export async function runIngestBench(options: {
  orders: number;
  naiveSlice: number;
  phase: "all" | "ours" | "limit";
  /** Lines per ingest batch; default the app's (DEFAULT_TUNING.backfillBatchSize). */
  batchSize?: number;
  log: (line: string) => void;
}): Promise<IngestFigures> {
  const { log } = options;
  const fixtureStarted = performance.now();
  const cached = readFixture(options.orders) !== null;
  const fixture = await ensureBulkFixture(options.orders, log);
  const fixtureSeconds = cached ? null : (performance.now() - fixtureStarted) / 1000;
  const fileBytes = RESOURCES.reduce((n, r) => n + fixture.files[r].bytes, 0);
  const url = await benchDatabaseUrl();
  const prisma = benchPrisma(url);
  // As the app on PostgreSQL (db.server.ts): the batches over a pg pool of their own
  // (app/sync/batch-connection.ts). BENCH_INGEST_PRISMA=1: through Prisma, for comparison.
  const batchPool = process.env.BENCH_INGEST_PRISMA ? null : new pg.Pool({ connectionString: url, max: 2 });
  if (batchPool) registerBatchPool(prisma, batchPool);
  const domain = "bench-ingest.myshopify.com";
  try {
    // Ours first, so its peak RSS is not what the limit's mapped rows left on the heap.
    let rows = 0;
    let ours = {
      seconds: NaN,
      peakRssMb: NaN,
      peakHeapMb: NaN,
      startRssMb: NaN,
      nodeCpuSeconds: NaN,
      batches: [] as { resource: SyncResource; ms: number }[],
      writeSeconds: NaN,
    };
    const batchSize = options.batchSize ?? DEFAULT_TUNING.backfillBatchSize;
    if (options.phase !== "limit") {
      await emptyDatabase(url);
      const shop = await createBenchShop(prisma, domain, FIXTURE_TIMEZONE);
      log("ingest: the app's ingest path (recorded JSONL → readJsonl → map → upserts)…");
      ours = await runOurs(prisma, shop.id, fixture, batchSize);
      rows = await tableRows(prisma, shop.id);
      log(
        `  ${rows} rows in ${ours.seconds.toFixed(1)} s (writing ${ours.writeSeconds.toFixed(1)} s, Node CPU ${ours.nodeCpuSeconds.toFixed(1)} s), peak RSS ${ours.peakRssMb.toFixed(0)} MB (${ours.startRssMb.toFixed(0)} MB before it; peak heap ${ours.peakHeapMb.toFixed(0)} MB)`,
      );
      if (process.env.BENCH_DEBUG)
        log(`  batch ms: ${ours.batches.map((b) => `${b.resource[0]}${b.ms.toFixed(0)}`).join(" ")}`);
      const ob = orderBatchFigures(ours.batches);
      log(
        `  orders batches: ${ob.count}, median ${ob.firstMs.toFixed(0)} ms of the first five, ${ob.lastMs.toFixed(0)} ms of the last five`,
      );
    }
    let limit = { seconds: NaN, rows: 0 };
    if (options.phase !== "ours") {
      await emptyDatabase(url);
      const limitShop = await createBenchShop(prisma, domain, FIXTURE_TIMEZONE);
      log("ingest: set-based limit (same rows, mapped outside the clock, unnest inserts)…");
      limit = await runLimit(url, limitShop.id, fixture);
      log(`  ${limit.rows} rows in ${limit.seconds.toFixed(1)} s of database time`);
      if (options.phase === "all" && limit.rows !== rows)
        throw new Error(`the limit wrote ${limit.rows} rows, ours ${rows}`);
    }
    let naive = { rows: 0, seconds: NaN };
    if (options.phase === "all") {
      log("ingest: naive per-row ORM upserts (slice)…");
      const naiveShop = await createBenchShop(prisma, "bench-naive.myshopify.com", FIXTURE_TIMEZONE);
      naive = await runNaive(prisma, naiveShop.id, fixture, options.naiveSlice);
      log(`  ${naive.rows} rows in ${naive.seconds.toFixed(1)} s`);
    }
    return {
      orders: options.orders,
      rows,
      fileBytes,
      ours: {
        seconds: ours.seconds,
        rowsPerSecond: rows / ours.seconds,
        peakRssMb: ours.peakRssMb,
        peakHeapMb: ours.peakHeapMb,
        startRssMb: ours.startRssMb,
        nodeCpuSeconds: ours.nodeCpuSeconds,
        batchSize,
        orderBatches: orderBatchFigures(ours.batches),
      },
      limit: { seconds: limit.seconds, rowsPerSecond: limit.rows / limit.seconds },
      naive: { ...naive, rowsPerSecond: naive.rows / naive.seconds },
      fixtureSeconds,
      shopDomain: domain,
      databaseUrl: url,
    };
  } finally {
    await batchPool?.end();
    await prisma.$disconnect();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      orders: { type: "string", default: "1000000" },
      "naive-slice": { type: "string", default: "3000" },
      phase: { type: "string", default: "all" },
      out: { type: "string" },
      batch: { type: "string" },
    },
  });
  const figures = await runIngestBench({
    orders: Number(values.orders),
    naiveSlice: Number(values["naive-slice"]),
    phase: values.phase === "ours" || values.phase === "limit" ? values.phase : "all",
    batchSize: values.batch ? Number(values.batch) : undefined,
    log: (line) => console.log(line),
  });
  if (values.out) writeFileSync(values.out, JSON.stringify(figures, null, 2));
  else console.log(JSON.stringify(figures, null, 2));
}
