// The pull side against the simulator (Shopify's cost model and leaky bucket):
// - throttled sync: an incremental pass that has far more to read than the bucket
//   allows; how much of the restore rate it uses (baseline: the restore rate itself)
//   and how many answers were THROTTLED;
// - one cron tick over 1,000 installed shops (baseline: the same number of bare Admin
//   API round trips at the same concurrency).
import { performance } from "node:perf_hooks";
import type { PrismaClient } from "@prisma/client";
import { startSimulator } from "../../simulator/src/index";
import { DEFAULT_TUNING, silentSyncLogger, type SyncContext } from "../../app/sync/context";
import { createAdminGraphql } from "../../app/sync/graphql-client";
import { ADMIN_API_VERSION, CUSTOMERS_PAGE, ORDERS_PAGE, PRODUCTS_PAGE } from "../../app/sync/queries";
import { searchSince } from "../../app/sync/incremental";
import { SYNC_RESOURCES } from "../../app/sync/backfill";
import { createSyncScheduler } from "../../app/sync/scheduler";
import { runShopPass } from "../../app/sync/shop-sync";
import { createBenchShop } from "./db";

type Sim = Awaited<ReturnType<typeof startSimulator>>;

const PAGE_DOCUMENTS = { customers: CUSTOMERS_PAGE, products: PRODUCTS_PAGE, orders: ORDERS_PAGE };

function simFetch(sim: Sim, observe?: (body: Record<string, unknown>) => void): typeof fetch {
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input).replace(/^https:\/\/[^/]+/, sim.url);
    const response = await fetch(url, init);
    if (observe && url.includes("/graphql.json")) observe((await response.clone().json()) as Record<string, unknown>);
    return response;
  };
}

function context(
  prisma: PrismaClient,
  fetchFn: typeof fetch,
  tokens: Map<string, string>,
  onThrottled?: () => void,
): SyncContext {
  return {
    prisma,
    clientFor: async (shop) =>
      createAdminGraphql({
        shop,
        apiVersion: ADMIN_API_VERSION,
        fetch: fetchFn,
        accessToken: async () => tokens.get(shop)!,
        onThrottled,
      }),
    fetch: fetchFn,
    workerId: `bench-${process.pid}`,
    log: silentSyncLogger,
  };
}

/** Backfill marked done with the watermark at `watermark`, so a pass is incremental from there. */
async function markBackfilled(prisma: PrismaClient, shopIds: number[], watermark: Date) {
  await prisma.syncState.createMany({
    data: shopIds.flatMap((shopId) =>
      SYNC_RESOURCES.map((resource) => ({
        shopId,
        resource,
        status: "idle" as const,
        backfillStatus: "completed" as const,
        watermark,
        nextRunAt: new Date(Date.now() - 60_000),
      })),
    ),
  });
}

export interface ThrottleFigures {
  seconds: number;
  restoreRate: number;
  /** Points the pass spent beyond the bucket it started with, per second. */
  pointsPerSecond: number;
  utilisation: number;
  requests: number;
  throttled: number;
}

export async function runThrottledSync(prisma: PrismaClient, seconds: number): Promise<ThrottleFigures> {
  const domain = `bench-throttle-${Date.now().toString(36)}.myshopify.com`;
  const sim = await startSimulator({
    port: 0,
    appToml: false,
    shops: [{ domain, seed: 3, size: "medium", plan: "standard" }],
  });
  try {
    const { accessToken } = sim.control.install(domain);
    let requests = 0;
    let throttled = 0;
    let spent = 0;
    const fetchFn = simFetch(sim, (body) => {
      requests++;
      const cost = (body.extensions as { cost?: { actualQueryCost?: number | null } } | undefined)?.cost;
      spent += cost?.actualQueryCost ?? 0;
      const errors = (body.errors as { extensions?: { code?: string } }[] | undefined) ?? [];
      if (errors.some((e) => e.extensions?.code === "THROTTLED")) throttled++;
    });
    const ctx = context(prisma, fetchFn, new Map([[domain, accessToken]]));
    const shop = await createBenchShop(prisma, domain, "America/New_York");
    await prisma.shop.update({
      where: { id: shop.id },
      data: { grantedScopes: "read_orders,read_all_orders,read_customers,read_products" },
    });
    // Everything since the beginning is "changed": far more than the bucket gives in the window.
    await markBackfilled(prisma, [shop.id], new Date(0));
    const bucket = sim.simulator.bucket(domain);
    const before = bucket.status();
    const started = performance.now();
    await runShopPass(ctx, domain, { trigger: "cli", signal: AbortSignal.timeout(seconds * 1000) });
    const elapsed = (performance.now() - started) / 1000;
    const after = bucket.status();
    // Restored points the pass used: spent minus what the initial bucket paid for.
    const fromRestore = spent - (before.currentlyAvailable - after.currentlyAvailable);
    const pointsPerSecond = fromRestore / elapsed;
    return {
      seconds: elapsed,
      restoreRate: before.restoreRate,
      pointsPerSecond,
      utilisation: pointsPerSecond / before.restoreRate,
      requests,
      throttled,
    };
  } finally {
    await sim.close();
  }
}

export interface CronFigures {
  shops: number;
  seconds: number;
  succeeded: number;
  baselineSeconds: number;
  concurrency: number;
}

export async function runCronPass(prisma: PrismaClient, shops: number, concurrency: number): Promise<CronFigures> {
  const tag = Date.now().toString(36);
  const domains = Array.from({ length: shops }, (_, i) => `bench-cron-${tag}-${i}.myshopify.com`);
  const sim = await startSimulator({
    port: 0,
    appToml: false,
    shops: domains.map((domain) => ({ domain, size: "empty" as const })),
  });
  try {
    const tokens = new Map(domains.map((d) => [d, sim.control.install(d).accessToken]));
    const fetchFn = simFetch(sim);
    const ctx = context(prisma, fetchFn, tokens);
    await prisma.shop.createMany({
      data: domains.map((domain) => ({
        domain,
        ianaTimezone: "America/New_York",
        installedAt: new Date(),
        grantedScopes: "read_orders,read_all_orders,read_customers,read_products",
      })),
    });
    const rows = await prisma.shop.findMany({ where: { domain: { in: domains } }, select: { id: true } });
    await prisma.session.createMany({
      data: domains.map((shop) => ({
        id: `offline_${shop}`,
        shop,
        state: "installed",
        isOnline: false,
        scope: "read_orders",
        accessToken: "unused-by-the-bench",
      })),
    });
    const watermark = new Date(Date.now() - 3600_000);
    await markBackfilled(
      prisma,
      rows.map((r) => r.id),
      watermark,
    );

    // Baseline: the pass's Admin API calls alone — each resource's first page since the
    // watermark, the three side by side as the pass sends them — same concurrency, no database.
    const queue = [...domains];
    const since = searchSince(watermark, DEFAULT_TUNING.incrementalOverlapMs);
    const baselineStarted = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let shop = queue.shift(); shop; shop = queue.shift()) {
          const client = await ctx.clientFor(shop);
          await Promise.all(
            Object.values(PAGE_DOCUMENTS).map((document) => client.request(document, { query: since, after: null })),
          );
        }
      }),
    );
    const baselineSeconds = (performance.now() - baselineStarted) / 1000;

    // The process's cap on concurrent passes (the pass runner reads it from the tuning).
    ctx.options = { ...ctx.options, maxConcurrentPasses: concurrency };
    const scheduler = createSyncScheduler(ctx, { spreadMs: 0, onlyShops: domains });
    const started = performance.now();
    const results = await scheduler.tick();
    const seconds = (performance.now() - started) / 1000;
    await scheduler.stop();
    const succeeded = [...results.values()].filter((o) => o.status === "succeeded").length;
    return { shops, seconds, succeeded, baselineSeconds, concurrency };
  } finally {
    await sim.close();
  }
}
