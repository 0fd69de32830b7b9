// Done-when of the ledger metrics (docs/metrics.md): on a generated store with order
// edits, returns, shipping refunds with tax, order-level discounts, tips, duties and fees,
// every dashboard figure the app serves over HTTP equals a brute-force computation over
// the sales ledger read through the Admin API (tests/helpers/oracle.ts, no app code) —
// after the install's backfill, and again after a stream of edits, refunds, returns and
// cancellations delivered by webhooks with duplicates and reordering. Runs on both
// databases (TEST_DATABASE_URL for PostgreSQL, the embedded PGlite otherwise).
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueShopDomain } from "./helpers/db";
import { LedgerOracle, readLedger } from "./helpers/oracle";
import { seededRandom } from "./helpers/random";
import { apiHeaders, openEmbeddedApp, startStack, type Stack } from "./helpers/stack";
import { waitFor } from "./sync-support";

const ZONE = "America/New_York"; // DST ends 2026-11-01, starts 2026-03-08
let stack: Stack;
let shop: string;
let token: string;

beforeAll(async () => {
  shop = uniqueShopDomain("ledger-oracle");
  stack = await startStack({
    simulator: {
      shops: [{ domain: shop, size: "small", seed: 29, ianaTimezone: ZONE, ledgerCases: true }],
      bulk: { objectsPerSecond: 200_000 },
    },
  });
  // Install the way Shopify Admin does (token exchange, then the backfill in the background).
  expect((await openEmbeddedApp(stack, shop)).status).toBe(200);
  await waitFor(async () => stack.app.output().includes("sync pass finished"), "the first sync", 200_000);
  // A second offline token for the oracle's own Admin API reads.
  token = stack.sim.control.install(shop).accessToken;
}, 300_000);
afterAll(async () => {
  await stack?.close();
});

async function api<T = any>(endpoint: string, query: string): Promise<T> {
  const response = await fetch(`${stack.app.url}/api/dashboard/${endpoint}?${query}`, {
    headers: await apiHeaders(shop),
  });
  if (response.status !== 200) throw new Error(`${endpoint}?${query}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

type Range = { from: string; to: string };

/** The ranges worth asking: everything, the last 30 days, both DST weeks, days of edits and refunds. */
function rangesOf(oracle: LedgerOracle, ledger: Awaited<ReturnType<typeof readLedger>>): Range[] {
  const days = ledger.orders
    .filter((o) => !o.test)
    .flatMap((o) => [o.processedAt, ...o.sales.map((s) => s.happenedAt)])
    .map((instant) => oracle.localDate(instant))
    .sort();
  const first = days[0]!;
  const last = days.at(-1)!;
  const capped = DateTime.fromISO(last).minus({ days: 1826 }).toISODate()!;
  const dayOf = (pick: (s: { actionType: string; lineType: string; quantity: number | null }) => boolean) => {
    const sale = ledger.orders.flatMap((o) => (o.test ? [] : o.sales)).find(pick);
    return sale ? oracle.localDate(sale.happenedAt) : last;
  };
  const editDay = dayOf((s) => s.actionType === "UPDATE");
  const refundDay = dayOf((s) => s.actionType === "RETURN" && s.lineType === "SHIPPING");
  return [
    { from: first > capped ? first : capped, to: last },
    { from: DateTime.fromISO(last).minus({ days: 29 }).toISODate()!, to: last },
    { from: "2026-10-29", to: "2026-11-04" }, // 25-hour day
    { from: "2026-03-05", to: "2026-03-11" }, // 23-hour day
    { from: editDay, to: editDay },
    { from: refundDay, to: refundDay },
  ];
}

/** Every dashboard answer for the ranges, from the app and from the oracle, side by side. */
async function compareAll(): Promise<{ actual: unknown[]; expected: unknown[] }> {
  const started = Date.now();
  const ledger = await readLedger(stack.sim.graphqlUrl("2026-10"), token);
  const read = Date.now();
  const oracle = new LedgerOracle(ledger);
  const actual: unknown[] = [];
  const expected: unknown[] = [];
  for (const { from, to } of rangesOf(oracle, ledger)) {
    const q = `from=${from}&to=${to}`;
    const summary = await api("summary", q);
    delete summary.shop;
    actual.push(summary);
    expected.push(oracle.summary(from, to));
    for (const granularity of ["day", "week", "month"] as const) {
      const series = oracle.series(from, to, granularity);
      const g = `${q}&granularity=${granularity}`;
      actual.push((await api("orders-by-date", g)).series, (await api("new-customers-by-date", g)).series);
      expected.push(series.ordersByDate, series.newCustomers);
      actual.push((await api("avg-order-value-by-date", g)).series);
      expected.push(series.averageOrderValue);
    }
    for (const limit of [5, 100]) {
      actual.push((await api("top-customers", `${q}&limit=${limit}`)).customers);
      expected.push(oracle.topCustomers(from, to, limit));
      const products = (await api("top-products", `${q}&limit=${limit}`)).products as { title?: string }[];
      actual.push(products.map(({ title: _title, ...figures }) => figures));
      expected.push(oracle.topProducts(from, to, limit));
    }
  }
  console.log(`ledger oracle: read ${read - started} ms, compared ${Date.now() - read} ms, ${actual.length} answers`);
  return { actual, expected };
}

describe("dashboard figures equal a brute-force computation over the Admin API's sales ledger", () => {
  it("after the install's backfill, on a store with every ledger case", async () => {
    const ledger = await readLedger(stack.sim.graphqlUrl("2026-10"), token);
    const coverage = new LedgerOracle(ledger).coverage();
    // The store exercises what only the ledger gets right.
    for (const [kind, count] of Object.entries(coverage)) expect(count, kind).toBeGreaterThan(0);
    const { actual, expected } = await compareAll();
    expect(actual.length).toBeGreaterThan(50);
    expect(actual).toEqual(expected);
  }, 480_000);

  it("after edits, refunds, returns and cancellations delivered by webhooks with duplicates and reordering", async () => {
    const c = stack.sim.control;
    c.setFaults(shop, { seed: 17, webhookDuplicateRate: 0.3, webhookReorderDelayMs: 400, webhookDropRate: 0 });
    const rnd = seededRandom(99).next;
    const done: Record<string, number> = {};
    for (let burst = 0; burst < 6; burst++) {
      for (let i = 0; i < 15; i++) {
        const open = c
          .store(shop)
          .list("orders")
          .filter((o) => !o.cancelledAt && !o.test);
        const order = open[Math.floor(rnd() * open.length)]!;
        const line = order.lineItems[Math.floor(rnd() * order.lineItems.length)]!;
        const roll = rnd();
        let kind: string;
        try {
          if (roll < 0.35) {
            kind = "edit";
            c.editOrder(shop, order.id, {
              quantities: [{ lineItemId: line.id, quantity: Math.max(0, line.quantity + (rnd() < 0.6 ? 1 : -1)) }],
            });
          } else if (roll < 0.75) {
            kind = "refund";
            c.refundOrder(shop, order.id, {
              lineItems: [{ lineItemId: line.id, quantity: 1 }],
              shipping: rnd() < 0.4 ? { full: true } : undefined,
            });
          } else if (roll < 0.9) {
            kind = "cancel";
            c.cancelOrder(shop, order.id, { refund: true });
          } else {
            kind = "createOrder";
            const variant = c.store(shop).list("products")[0]!.variants[0]!;
            c.createOrder(shop, {
              customerId: order.customerId,
              lineItems: [{ variantId: variant.id, quantity: 2, discount: "1.00" }],
              orderDiscount: { code: "SAVE5", amount: "5.00" },
              shippingPrice: "6.95",
              taxRate: "0.08",
            });
          }
          done[kind] = (done[kind] ?? 0) + 1;
        } catch {
          // The simulator refused the change (nothing left to refund, …): not a change.
        }
      }
      await c.webhooksIdle();
    }
    expect(Object.values(done).reduce((a, b) => a + b, 0)).toBeGreaterThan(60);
    const deliveries = c.webhookDeliveries({ shop });
    expect(deliveries.filter((d) => d.duplicates > 0).length).toBeGreaterThan(5);
    // Webhooks carry no ledger: the app fetches the changed orders' ledgers after them.
    // Wait for it to converge (on a busy machine this takes a while), then compare.
    let last: { actual: unknown[]; expected: unknown[] } = { actual: [], expected: [null] };
    await waitFor(
      async () => {
        last = await compareAll();
        return JSON.stringify(last.actual) === JSON.stringify(last.expected);
      },
      "the dashboard to equal the ledger after the webhooks",
      180_000,
    ).catch(() => undefined);
    expect(last.actual).toEqual(last.expected);
    console.log(`ledger oracle after webhooks: ${JSON.stringify(done)}, ${deliveries.length} deliveries`);
  }, 420_000);
});
