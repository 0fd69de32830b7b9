// Retention (issue 13, docs/metrics.md "Retention"): on a generated store with every
// ledger case plus hand-placed customers — first orders in the last local hour of a month
// whose UTC date is already the next month (around both DST switches), a first order
// refunded later, guests at a month edge, a customer with only a test order — the three
// /api/insights endpoints the app serves over HTTP equal a brute-force computation over
// the Admin API (tests/helpers/cohort-oracle.ts, no app code): after the install's
// backfill, and again after refunds, cancellations and new orders arrive by webhook (the
// cohort rollups are maintained incrementally). Plus auth, parameter errors and CSV.
// Runs on both databases (TEST_DATABASE_URL for PostgreSQL, the embedded PGlite otherwise).
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CohortOracle } from "./helpers/cohort-oracle";
import { uniqueShopDomain } from "./helpers/db";
import { readLedger } from "./helpers/oracle";
import { sessionToken } from "./helpers/shopify-signing";
import { BROWSER_USER_AGENT, apiHeaders, openEmbeddedApp, startStack, type Stack } from "./helpers/stack";
import { lastComparison, waitFor } from "./sync-support";

const ZONE = "America/New_York"; // DST starts 2026-03-08, ends 2026-11-01
const ENDPOINTS = ["cohorts", "repeat-purchase", "first-product"] as const;
const FORMULA_TITLE = '=HYPERLINK("http://evil.example","x")';

let stack: Stack;
let shop: string;
let token: string;
/** Orders placed by hand, by role. */
const placed: Record<string, number> = {};

beforeAll(async () => {
  shop = uniqueShopDomain("retention");
  stack = await startStack({
    simulator: {
      shops: [{ domain: shop, size: "small", seed: 31, ianaTimezone: ZONE, ledgerCases: true }],
      bulk: { objectsPerSecond: 200_000 },
    },
  });
  placeEdgeCases();
  expect((await openEmbeddedApp(stack, shop)).status).toBe(200);
  await waitFor(async () => stack.app.output().includes("sync pass finished"), "the first sync", 200_000);
  token = stack.sim.control.install(shop).accessToken;
}, 300_000);
afterAll(async () => {
  await stack?.close();
});

/** Customers and orders the generator does not place on purpose (before the install: the backfill reads them). */
function placeEdgeCases() {
  const c = stack.sim.control;
  const product = c.createProduct(shop, { title: FORMULA_TITLE, variants: [{ price: "20.00" }] });
  const variantId = product.variants[0]!.id;
  const customer = (firstName: string) =>
    c.createCustomer(shop, { firstName, lastName: "Cohort", email: `${firstName.toLowerCase()}@example.com` }).id;
  const order = (customerId: number | null, processedAt: string, test = false) =>
    c.createOrder(shop, {
      customerId,
      processedAt,
      test,
      lineItems: [{ variantId, quantity: 2, discount: "1.00" }],
      shippingPrice: "5.00",
      taxRate: "0.05",
    });
  // 23:30 EDT on 31 October is 03:30 UTC on 1 November: an October customer. The second
  // order, 00:30 EST after the clocks went back, is one local day later.
  const october = customer("October");
  placed.octoberFirst = order(october, "2026-11-01T03:30:00Z").id;
  placed.octoberSecond = order(october, "2026-11-01T05:30:00Z").id;
  // 23:30 EST on 28 February (04:30 UTC on 1 March): a February customer whose first order
  // is refunded in full today; they ordered again at noon on the spring-forward day.
  const february = customer("February");
  const refunded = order(february, "2026-03-01T04:30:00Z");
  placed.februarySecond = order(february, "2026-03-08T16:00:00Z").id;
  c.refundOrder(shop, refunded.id, {
    lineItems: [{ lineItemId: refunded.lineItems[0]!.id, quantity: 2 }],
    shipping: { full: true },
  });
  placed.februaryRefunded = refunded.id;
  // 23:45 EDT on 31 March (after spring forward) is 03:45 UTC on 1 April: a March customer.
  placed.march = order(customer("March"), "2026-04-01T03:45:00Z").id;
  // A guest at the same month edge, and a customer whose only order is a test order: in no cohort.
  placed.guest = order(null, "2026-04-01T03:50:00Z").id;
  placed.testOnly = order(customer("Tester"), "2026-05-10T15:00:00Z", true).id;
}

async function api<T = any>(endpoint: string, query: string): Promise<T> {
  const response = await fetch(`${stack.app.url}/api/insights/${endpoint}?${query}`, {
    headers: await apiHeaders(shop),
  });
  if (response.status !== 200) throw new Error(`${endpoint}?${query}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Every retention answer for the ranges worth asking, from the app and from the oracle, side by side. */
async function compareAll(): Promise<{ actual: unknown[]; expected: unknown[]; oracle: CohortOracle }> {
  const ledger = await readLedger(stack.sim.graphqlUrl("2026-10"), token, { lineItems: true });
  const oracle = new CohortOracle(ledger);
  const today = oracle.localDate(new Date().toISOString());
  const first = oracle.customers.map((c) => c.firstDate).sort()[0]!;
  const lastYear = DateTime.fromISO(today).startOf("month").minus({ months: 11 }).toISODate()!;
  const ranges = [
    { query: `from=${first}&to=${today}`, from: first, to: today },
    { query: "", from: lastYear, to: today }, // the default: 12 cohort months up to today
    { query: "from=2026-02-14&to=2026-04-02", from: "2026-02-14", to: "2026-04-02" }, // spring-forward month edges
    { query: "from=2026-10-31&to=2026-11-01", from: "2026-10-31", to: "2026-11-01" }, // fall-back month edge
  ];
  const actual: unknown[] = [];
  const expected: unknown[] = [];
  for (const { query, from, to } of ranges) {
    actual.push(await api("cohorts", query));
    expected.push(oracle.cohorts(from, to, today));
    actual.push(await api("repeat-purchase", query));
    expected.push(oracle.repeatPurchase(from, to));
    for (const limit of [20, 100]) {
      const result = await api("first-product", `${query}&limit=${limit}`);
      actual.push(
        result.products.map(
          ({ title: _title, handle: _handle, ...figures }: { title: string; handle: string }) => figures,
        ),
      );
      expected.push(oracle.firstProducts(from, to, limit));
    }
  }
  return { actual, expected, oracle };
}

describe("retention figures equal a brute-force computation over the Admin API", () => {
  it("after the install's backfill, with month edges, refunded first orders, guests and test orders", async () => {
    const { actual, expected, oracle } = await compareAll();
    // The store exercises what this is about.
    const refundedIds = new Set([String(placed.februaryRefunded)]);
    const coverage = oracle.coverage(
      (o) => refundedIds.has(o.id) || o.sales.some((s) => s.actionType === "RETURN" && s.lineType === "PRODUCT"),
    );
    for (const [kind, count] of Object.entries(coverage)) expect(count, kind).toBeGreaterThan(1);
    const byName = (id: number) => oracle.customers.find((c) => c.orders[0]!.id === String(id));
    expect(byName(placed.octoberFirst!)).toMatchObject({
      cohort: "2026-10",
      firstDate: "2026-10-31",
      secondDate: "2026-11-01",
    });
    expect(byName(placed.februaryRefunded!)).toMatchObject({ cohort: "2026-02", secondDate: "2026-03-08" });
    expect(byName(placed.march!)).toMatchObject({ cohort: "2026-03", firstDate: "2026-03-31" });
    expect(oracle.customers.some((c) => c.orders.some((o) => o.id === String(placed.testOnly)))).toBe(false);
    expect(actual).toEqual(expected);
  }, 300_000);

  it("after refunds, cancellations and new orders delivered by webhooks", async () => {
    const c = stack.sim.control;
    const variant = c.store(shop).list("products")[0]!.variants[0]!;
    const orders = c
      .store(shop)
      .list("orders")
      .filter((o) => !o.test && o.customerId !== null && !o.cancelledAt);
    // A repeat customer's first order refunded, another's cancelled, a customer's new order, a new customer.
    const firstOrders = new Map<number, (typeof orders)[number]>();
    for (const o of [...orders].sort((a, b) => a.processedAt.localeCompare(b.processedAt))) {
      if (!firstOrders.has(o.customerId!)) firstOrders.set(o.customerId!, o);
    }
    const [toRefund, toCancel] = [...firstOrders.values()].filter((o) => o.refunds.length === 0).slice(-2);
    c.refundOrder(shop, toRefund!.id, { lineItems: [{ lineItemId: toRefund!.lineItems[0]!.id, quantity: 1 }] });
    c.cancelOrder(shop, toCancel!.id, { refund: true });
    c.createOrder(shop, { customerId: toRefund!.customerId, lineItems: [{ variantId: variant.id, quantity: 1 }] });
    const newcomer = c.createCustomer(shop, { firstName: "Newcomer", email: "newcomer@example.com" });
    c.createOrder(shop, { customerId: newcomer.id, lineItems: [{ variantId: variant.id, quantity: 3 }] });
    await c.webhooksIdle();
    const last = await lastComparison(
      compareAll,
      "the retention figures to equal the ledger after the webhooks",
      180_000,
    );
    expect(last.actual).toEqual(last.expected);
  }, 300_000);

  it("after edits and refunds of months-old orders, booked today: days no order of theirs is on", async () => {
    const c = stack.sim.control;
    const variant = c.store(shop).list("products")[0]!.variants[0]!;
    const today = DateTime.now().setZone(ZONE).toISODate()!;
    const orders = c
      .store(shop)
      .list("orders")
      .filter((o) => !o.test && o.customerId !== null && !o.cancelledAt)
      .filter((o) => DateTime.fromISO(o.processedAt).setZone(ZONE).toISODate()! < today.slice(0, 8) + "01")
      .sort((a, b) => a.processedAt.localeCompare(b.processedAt) || a.id - b.id);
    const byCustomer = new Map<number, typeof orders>();
    for (const o of orders) byCustomer.set(o.customerId!, [...(byCustomer.get(o.customerId!) ?? []), o]);
    const repeat = [...byCustomer.values()].filter((list) => list.length >= 2);
    expect(repeat.length).toBeGreaterThan(3);
    // Orders without refunds and with a product line: their lines can be edited or refunded.
    const plain = (o: (typeof orders)[number]) => o.refunds.length === 0 && o.lineItems.some((l) => !l.isGiftCard);
    const line = (o: (typeof orders)[number]) => o.lineItems.find((l) => !l.isGiftCard)!;
    const picked = repeat.filter((list) => list.slice(0, 2).every(plain)).slice(0, 4);
    expect(picked).toHaveLength(4);
    // Customer 1: a line added to their first order (an UPDATE sale today, months after it).
    c.editOrder(shop, picked[0]![0]!.id, { addLineItems: [{ variantId: variant.id, quantity: 2 }] });
    // Customer 2: their second order's product line removed by an edit today.
    c.editOrder(shop, picked[1]![1]!.id, { quantities: [{ lineItemId: line(picked[1]![1]!).id, quantity: 0 }] });
    // Customers 3 and 4: their first and their second order refunded today (goods back months later).
    c.refundOrder(shop, picked[2]![0]!.id, { lineItems: [{ lineItemId: line(picked[2]![0]!).id, quantity: 1 }] });
    c.refundOrder(shop, picked[3]![1]!.id, { lineItems: [{ lineItemId: line(picked[3]![1]!).id, quantity: 1 }] });
    await c.webhooksIdle();
    const last = await lastComparison(compareAll, "the retention figures to equal the ledger after the edits", 180_000);
    expect(last.actual).toEqual(last.expected);
  }, 300_000);
});

describe("retention API: auth, parameters, CSV", () => {
  it.each(ENDPOINTS)("%s: 401 without a token, with a forged or an expired token", async (endpoint) => {
    const url = `${stack.app.url}/api/insights/${endpoint}`;
    const call = async (token?: string) =>
      (
        await fetch(url, {
          headers: { "User-Agent": BROWSER_USER_AGENT, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          redirect: "manual",
        })
      ).status;
    expect(await call()).toBe(401);
    expect(await call(await sessionToken({ shop, secret: "not-the-secret" }))).toBe(401);
    expect(await call(await sessionToken({ shop, expiresInSeconds: -120 }))).toBe(401);
  });

  it.each(ENDPOINTS)("%s: 400 naming the parameter", async (endpoint) => {
    const cases: [string, string][] = [
      ["from=2026-02-30", "from"],
      ["to=2101-01-01", "to"],
      ["from=1969-12-31&to=1970-01-31", "from"],
      ["from=2026-05-01&to=2026-04-01", "from"],
      ["from=2020-01-01&to=2026-01-01", "to"],
      ["format=xml", "format"],
      ["limit=0", "limit"],
      ["limit=abc", "limit"],
    ];
    for (const [query, parameter] of cases) {
      const response = await fetch(`${stack.app.url}/api/insights/${endpoint}?${query}`, {
        headers: await apiHeaders(shop),
      });
      expect(response.status, query).toBe(400);
      expect(await response.json(), query).toMatchObject({ parameter, error: expect.stringContaining(parameter) });
    }
  });

  it("CSV: the JSON's figures, one row per cohort cell, bucket and product; formulas escaped", async () => {
    const query = "from=2026-01-01&to=2026-11-30";
    const csv = async (endpoint: string, extra = "") => {
      const response = await fetch(`${stack.app.url}/api/insights/${endpoint}?${query}${extra}&format=csv`, {
        headers: await apiHeaders(shop),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/csv");
      expect(response.headers.get("content-disposition")).toContain(`${endpoint}_2026-01-01_2026-11-30.csv`);
      return (await response.text()).split("\r\n").filter((line) => line !== "");
    };
    const cohorts = await api("cohorts", query);
    const cohortLines = await csv("cohorts");
    expect(cohortLines[0]).toBe("cohort,customers,offset,month,activeCustomers,retention,netSales,lifetimeValue");
    const cells = cohorts.cohorts.flatMap((c: any) =>
      c.cells.map((cell: any) =>
        [
          c.cohort,
          c.customers,
          cell.offset,
          cell.month,
          cell.activeCustomers,
          cell.retention,
          cell.netSales,
          cell.lifetimeValue,
        ].join(","),
      ),
    );
    expect(cohortLines.slice(1)).toEqual(cells);

    const repeat = await api("repeat-purchase", query);
    const repeatLines = await csv("repeat-purchase");
    expect(repeatLines[0]).toBe("bucket,minDays,maxDays,customers,share");
    expect(repeatLines.slice(1)).toEqual(
      repeat.timeToSecondOrder.map((b: any) => [b.bucket, b.minDays, b.maxDays ?? "", b.customers, b.share].join(",")),
    );

    const productLines = await csv("first-product", "&limit=100");
    expect(productLines[0]).toBe(
      "id,title,handle,customers,within30,rate30,within60,rate60,within90,rate90,within180,rate180",
    );
    expect(productLines.some((line) => line.includes(`"'=HYPERLINK(""http://evil.example"",""x"")"`))).toBe(true);
    expect(productLines.some((line) => line.includes(`,=HYPERLINK`))).toBe(false);
  });
});
