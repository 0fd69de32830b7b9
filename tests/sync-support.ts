// Shared pieces of the sync engine tests (tests/sync-*.test.ts): a simulator with a
// shop no other suite uses, an engine context wired to it (the same framework-free
// modules the app runs, with observers on every Admin API call), and the
// record-by-record comparison of the database with the simulator's data.
import type { PrismaClient } from "@prisma/client";
import DecimalJs from "decimal.js";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as Client } from "@prisma/client";
import { expect, inject } from "vitest";
import { startSimulator, type RunningSimulator, type StartSimulatorOptions } from "../simulator/src/index";
import type { ShopData } from "../simulator/src/store/types";
import type { CreateShopOptions } from "../simulator/src/store/shop-registry";
import { consoleSyncLogger, silentSyncLogger, type SyncContext, type SyncTuning } from "~/sync/context";
import { createAdminGraphql, type AdminGraphqlOptions } from "~/sync/graphql-client";
import { handleInstall } from "~/sync/install";
import { ADMIN_API_VERSION } from "~/sync/queries";
import { uniqueShopDomain, withBatchPool } from "./helpers/db";

const Decimal = DecimalJs.clone({ precision: 40 });

/**
 * The test database client for engine tests. On the embedded PGlite one connection:
 * its socket server shares one backend between connections and interleaves their
 * extended-protocol messages ("bind message supplies 4 parameters, but prepared
 * statement requires 10"), so concurrent queries from several pooled connections
 * corrupt each other.
 */
export function createSyncTestPrisma(): PrismaClient {
  const embedded = inject("databaseKind") === "embedded";
  return withBatchPool(
    new Client({
      adapter: new PrismaPg({ connectionString: inject("databaseUrl"), ...(embedded ? { max: 1 } : {}) }),
    }),
  );
}

export const ALL_SCOPES = ["read_customers", "read_orders", "read_all_orders", "read_products"];

export async function startSyncSimulator(
  shop: Omit<CreateShopOptions, "domain"> & { label?: string },
  options: Partial<StartSimulatorOptions> = {},
): Promise<{ sim: RunningSimulator; shop: string }> {
  const domain = uniqueShopDomain(shop.label ?? "sync");
  const sim = await startSimulator({
    port: 0,
    appToml: false,
    bulk: { objectsPerSecond: 200_000 },
    ...options,
    shops: [{ ...shop, domain }],
  });
  return { sim, shop: domain };
}

/** https://{shop}.myshopify.com/... → the simulator, as the app's shopifyFetch does. */
export function simulatorFetch(simUrl: string): typeof fetch {
  return (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    return fetch(url.replace(/^https:\/\/[^/]+\.myshopify\.com/, simUrl), init);
  };
}

export interface EngineObservations {
  documents: string[];
  throttled: number;
  /** Calls that waited for the bucket before being sent (instead of being THROTTLED). */
  bucketWaits: number;
  retries: string[];
  downloads: string[];
}

export interface EngineOptions {
  workerId?: string;
  tuning?: Partial<SyncTuning>;
  client?: Partial<AdminGraphqlOptions>;
  /** Wraps the bulk-download fetch (tests slow or cut downloads). */
  wrapDownload?: (fetchFn: typeof fetch) => typeof fetch;
  /** Called around every Admin API request (concurrency checks). */
  aroundRequest?: <T>(shop: string, call: () => Promise<T>) => Promise<T>;
}

/** A SyncContext on the test database and the simulator, with the shop's token from `tokens`. */
export function engineContext(
  prisma: PrismaClient,
  sim: RunningSimulator,
  tokens: Map<string, string>,
  options: EngineOptions = {},
): { ctx: SyncContext; seen: EngineObservations } {
  const seen: EngineObservations = { documents: [], throttled: 0, bucketWaits: 0, retries: [], downloads: [] };
  const toSim = simulatorFetch(sim.url);
  const download: typeof fetch = (input, init) => {
    seen.downloads.push(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    return toSim(input, init);
  };
  const ctx: SyncContext = {
    prisma,
    clientFor: async (shop) => {
      const client = createAdminGraphql({
        shop,
        apiVersion: ADMIN_API_VERSION,
        fetch: toSim,
        accessToken: async () => tokens.get(shop) ?? "no-token",
        onDocument: (document) => seen.documents.push(document),
        onThrottled: () => (seen.throttled += 1),
        onBucketWait: () => (seen.bucketWaits += 1),
        onRetry: (reason) => seen.retries.push(reason),
        ...options.client,
      });
      const around = options.aroundRequest;
      if (!around) return client;
      return {
        shop,
        request: (document, variables, requestOptions) =>
          around(shop, () => client.request(document, variables, requestOptions)),
      };
    },
    fetch: options.wrapDownload ? options.wrapDownload(download) : download,
    workerId: options.workerId ?? `test-worker-${process.pid}`,
    log: process.env.SYNC_TEST_LOG ? consoleSyncLogger : silentSyncLogger,
    options: { bulkMinPollMs: 50, bulkMaxPollMs: 200, ...options.tuning },
  };
  return { ctx, seen };
}

/**
 * Install the app on `shop` in the simulator and run the install pass (the backfill) to
 * success: the engine, the shop row, the offline token and the token map it reads.
 */
export async function installAndBackfill(
  prisma: PrismaClient,
  sim: RunningSimulator,
  shop: string,
  options: EngineOptions = {},
) {
  const { accessToken, scope } = sim.control.install(shop);
  const tokens = new Map([[shop, accessToken]]);
  const engine = engineContext(prisma, sim, tokens, options);
  const { shop: row, done } = await handleInstall(engine.ctx, shop, scope);
  expect(await done).toMatchObject({ status: "succeeded" });
  return { ...engine, row, token: accessToken, tokens };
}

export async function createShopRow(
  prisma: PrismaClient,
  domain: string,
  scopes: string[] = ALL_SCOPES,
  ianaTimezone = "America/New_York",
) {
  return prisma.shop.create({
    data: { domain, grantedScopes: scopes.join(","), installedAt: new Date(), ianaTimezone },
  });
}

export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Compare until the app's answers equal the expected ones (the app converges after
 * webhooks), then return the last comparison, equal or not, for the test's assertion
 * (so a failure shows the difference, not only a timeout).
 */
export async function lastComparison(
  compare: () => Promise<{ actual: unknown[]; expected: unknown[] }>,
  what: string,
  timeoutMs: number,
): Promise<{ actual: unknown[]; expected: unknown[] }> {
  let last: { actual: unknown[]; expected: unknown[] } = { actual: [], expected: [null] };
  await waitFor(
    async () => {
      last = await compare();
      return JSON.stringify(last.actual) === JSON.stringify(last.expected);
    },
    what,
    timeoutMs,
  ).catch(() => undefined);
  return last;
}

// ---------------------------------------------------------------------------
// Database vs simulator, record by record. Expectations come from the simulator's
// own data (sim.control.data), with totals derived the way its README defines them.

function money(value: unknown): string {
  if (value === null || value === undefined) return "null";
  return new Decimal(String(value)).toFixed(4);
}

function sum(values: (string | null | undefined)[]): string {
  return money(values.reduce((acc, v) => acc.plus(v ?? 0), new Decimal(0)).toFixed());
}

function instant(value: string | Date | null | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}

export async function expectDatabaseMatchesSimulator(
  prisma: PrismaClient,
  shopId: number,
  data: ShopData,
  options: { ordersProcessedSince?: Date } = {},
): Promise<void> {
  const since = options.ordersProcessedSince;
  const expectedOrders = since ? data.orders.filter((o) => new Date(o.processedAt) >= since) : data.orders;

  // Customers
  const customers = await prisma.customer.findMany({ where: { shopId }, orderBy: { id: "asc" } });
  expect(customers.map((c) => c.id.toString())).toEqual(data.customers.map((c) => String(c.id)).sort(byNumericString));
  const customerById = new Map(customers.map((c) => [c.id.toString(), c]));
  for (const c of data.customers) {
    const row = customerById.get(String(c.id))!;
    expect(
      {
        firstName: row.firstName,
        lastName: row.lastName,
        email: row.email,
        phone: row.phone,
        state: row.state,
        tags: row.tags,
        createdAt: instant(row.shopifyCreatedAt),
        updatedAt: instant(row.shopifyUpdatedAt),
      },
      `customer ${c.id}`,
    ).toEqual({
      firstName: c.firstName,
      lastName: c.lastName,
      email: c.email,
      phone: c.phone,
      state: c.state,
      tags: c.tags,
      createdAt: instant(c.createdAt),
      updatedAt: instant(c.updatedAt),
    });
  }

  // Products and variants
  const products = await prisma.product.findMany({ where: { shopId }, include: { variants: true } });
  expect(products.map((p) => p.id.toString()).sort(byNumericString)).toEqual(
    data.products.map((p) => String(p.id)).sort(byNumericString),
  );
  const productById = new Map(products.map((p) => [p.id.toString(), p]));
  for (const p of data.products) {
    const row = productById.get(String(p.id))!;
    expect(
      {
        title: row.title,
        handle: row.handle,
        status: row.status,
        vendor: row.vendor,
        productType: row.productType,
        createdAt: instant(row.shopifyCreatedAt),
        updatedAt: instant(row.shopifyUpdatedAt),
      },
      `product ${p.id}`,
    ).toEqual({
      title: p.title,
      handle: p.handle,
      status: p.status,
      vendor: p.vendor,
      productType: p.productType,
      createdAt: instant(p.createdAt),
      updatedAt: instant(p.updatedAt),
    });
    const variants = row.variants
      .map((v) => ({ id: v.id.toString(), title: v.title, sku: v.sku, price: money(v.price?.toString()) }))
      .sort((a, b) => byNumericString(a.id, b.id));
    expect(variants, `variants of product ${p.id}`).toEqual(
      p.variants
        .map((v) => ({ id: String(v.id), title: v.title, sku: v.sku, price: money(v.price) }))
        .sort((a, b) => byNumericString(a.id, b.id)),
    );
  }

  // Orders with line items and refunds
  const orders = await prisma.order.findMany({
    where: { shopId },
    include: { lineItems: true, refunds: { include: { lineItems: true } } },
  });
  expect(orders.map((o) => o.id.toString()).sort(byNumericString)).toEqual(
    expectedOrders.map((o) => String(o.id)).sort(byNumericString),
  );
  const orderById = new Map(orders.map((o) => [o.id.toString(), o]));
  for (const o of expectedOrders) {
    const row = orderById.get(String(o.id))!;
    // A line's discount: every allocation on it, line- and order-level (Shopify's
    // LineItem.discountAllocations), summed here rather than read from the simulator's total.
    const lineDiscount = (l: (typeof o.lineItems)[number]) => sum(l.discountAllocations.map((a) => a.amount.shop));
    const subtotal = sum(
      o.lineItems.map((l) => new Decimal(l.originalUnitPrice.shop).times(l.quantity).minus(lineDiscount(l)).toFixed()),
    );
    const shipping = sum(o.shippingLines.map((s) => s.price.shop));
    const tax = sum([...o.lineItems.map((l) => l.tax.shop), ...o.shippingLines.map((s) => s.tax.shop)]);
    const refunded = sum(
      o.refunds.flatMap((r) => [
        ...r.refundLineItems.flatMap((x) => [x.subtotal.shop, x.totalTax.shop]),
        ...r.refundShippingLines.flatMap((s) => [s.subtotal.shop, s.tax.shop]),
      ]),
    );
    expect(
      {
        name: row.name,
        email: row.email,
        customerId: row.customerId?.toString() ?? null,
        processedAt: instant(row.processedAt),
        cancelledAt: instant(row.cancelledAt),
        test: row.test,
        currencyCode: row.currencyCode,
        presentmentCurrencyCode: row.presentmentCurrencyCode,
        createdAt: instant(row.shopifyCreatedAt),
        updatedAt: instant(row.shopifyUpdatedAt),
        subtotal: money(row.subtotalPrice.toString()),
        shipping: money(row.totalShipping.toString()),
        tax: money(row.totalTax.toString()),
        total: money(row.totalPrice.toString()),
        refunded: money(row.totalRefunded.toString()),
        discounts: money(row.totalDiscounts.toString()),
      },
      `order ${o.id}`,
    ).toEqual({
      name: o.name,
      email: o.email,
      customerId: o.customerId === null ? null : String(o.customerId),
      processedAt: instant(o.processedAt),
      cancelledAt: instant(o.cancelledAt),
      test: o.test,
      currencyCode: o.currencyCode,
      presentmentCurrencyCode: o.presentmentCurrencyCode,
      createdAt: instant(o.createdAt),
      updatedAt: instant(o.updatedAt),
      subtotal,
      shipping,
      tax,
      total: sum([subtotal, shipping, tax]),
      refunded,
      discounts: sum(o.lineItems.map(lineDiscount)),
    });
    const lines = row.lineItems
      .map((l) => ({
        id: l.id.toString(),
        productId: l.productId?.toString() ?? null,
        variantId: l.variantId?.toString() ?? null,
        title: l.title,
        sku: l.sku,
        quantity: l.quantity,
        unit: money(l.originalUnitPrice.toString()),
        discount: money(l.totalDiscount.toString()),
        giftCard: l.isGiftCard,
      }))
      .sort((a, b) => byNumericString(a.id, b.id));
    expect(lines, `line items of order ${o.id}`).toEqual(
      o.lineItems
        .map((l) => ({
          id: String(l.id),
          productId: l.productId === null ? null : String(l.productId),
          variantId: l.variantId === null ? null : String(l.variantId),
          title: l.title,
          sku: l.sku,
          quantity: l.quantity,
          unit: money(l.originalUnitPrice.shop),
          discount: lineDiscount(l),
          giftCard: l.isGiftCard,
        }))
        .sort((a, b) => byNumericString(a.id, b.id)),
    );
    const refunds = row.refunds
      .map((r) => ({
        id: r.id.toString(),
        createdAt: instant(r.shopifyCreatedAt),
        note: r.note,
        shipping: money(r.shippingRefund.toString()),
        shippingTax: money(r.shippingTaxRefund.toString()),
        lines: r.lineItems
          .map((x) => ({
            id: x.id.toString(),
            lineItemId: x.lineItemId.toString(),
            quantity: x.quantity,
            subtotal: money(x.subtotal.toString()),
            tax: money(x.totalTax.toString()),
          }))
          .sort((a, b) => byNumericString(a.id, b.id)),
      }))
      .sort((a, b) => byNumericString(a.id, b.id));
    expect(refunds, `refunds of order ${o.id}`).toEqual(
      o.refunds
        .map((r) => ({
          id: String(r.id),
          createdAt: instant(r.createdAt),
          note: r.note,
          shipping: sum(r.refundShippingLines.map((s) => s.subtotal.shop)),
          shippingTax: sum(r.refundShippingLines.map((s) => s.tax.shop)),
          lines: r.refundLineItems
            .map((x) => ({
              id: String(x.id),
              lineItemId: String(x.lineItemId),
              quantity: x.quantity,
              subtotal: money(x.subtotal.shop),
              tax: money(x.totalTax.shop),
            }))
            .sort((a, b) => byNumericString(a.id, b.id)),
        }))
        .sort((a, b) => byNumericString(a.id, b.id)),
    );
  }
}

function byNumericString(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
