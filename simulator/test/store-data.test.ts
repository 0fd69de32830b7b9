// The store generator and fixtures: deterministic per seed, realistic mix of
// records, internally consistent money, and fixtures validated with errors
// that name the offending path.
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { FixtureError, loadFixtureFile, parseFixture } from "../src/store/fixtures.js";
import { generateStore, type GeneratedRecord } from "../src/store/generator.js";
import { IdAllocator } from "../src/store/ids.js";
import type { Order } from "../src/store/types.js";
import { cents, FIXED_ANCHOR } from "./helpers.js";

const EXAMPLE = fileURLToPath(new URL("../fixtures/example-store.json", import.meta.url));

function generate(seed: number): GeneratedRecord[] {
  return [
    ...generateStore({
      seed,
      size: "small",
      anchor: FIXED_ANCHOR,
      ianaTimezone: "America/New_York",
      currencyCode: "USD",
      ids: new IdAllocator(0),
    }),
  ];
}

describe("store generator", () => {
  const records = generate(99);
  const orders = records
    .filter((r): r is Extract<GeneratedRecord, { kind: "order" }> => r.kind === "order")
    .map((r) => r.order);
  const customers = records.filter((r) => r.kind === "customer");

  it("is deterministic per seed", () => {
    expect(JSON.stringify(generate(99))).toBe(JSON.stringify(records));
    expect(JSON.stringify(generate(100))).not.toBe(JSON.stringify(records));
  });

  it("has the small size and a realistic mix", () => {
    expect(orders).toHaveLength(1500);
    expect(customers.length).toBeGreaterThan(400);
    const byCustomer = new Map<number, number>();
    for (const o of orders) if (o.customerId) byCustomer.set(o.customerId, (byCustomer.get(o.customerId) ?? 0) + 1);
    const counts = [...byCustomer.values()];
    expect(counts.filter((n) => n === 1).length).toBeGreaterThan(100); // one-time buyers
    expect(counts.filter((n) => n >= 3).length).toBeGreaterThan(20); // repeat buyers
    const share = (pred: (o: Order) => boolean) => orders.filter(pred).length / orders.length;
    expect(share((o) => o.customerId === null)).toBeGreaterThan(0.05); // guest checkouts
    expect(share((o) => o.cancelledAt !== null)).toBeGreaterThan(0.01);
    expect(share((o) => o.test)).toBeGreaterThan(0);
    expect(share((o) => o.presentmentCurrencyCode !== o.currencyCode)).toBeGreaterThan(0.05);
    expect(share((o) => o.lineItems.some((l) => l.isGiftCard))).toBeGreaterThan(0);
    expect(share((o) => o.discountApplications.some((d) => d.level === "order"))).toBeGreaterThan(0.05);
    expect(share((o) => o.discountApplications.some((d) => d.level === "line"))).toBeGreaterThan(0.03);
    expect(share((o) => o.refunds.some((r) => r.refundShippingLines.length > 0))).toBeGreaterThan(0);
    expect(share((o) => Date.parse(o.processedAt) < FIXED_ANCHOR - 60 * 86_400_000)).toBeGreaterThan(0.5);
  });

  it("is seasonal: November and December sell more than February", () => {
    const perMonth = new Map<number, number>();
    for (const o of orders) {
      const m = DateTime.fromISO(o.createdAt, { zone: "America/New_York" }).month;
      perMonth.set(m, (perMonth.get(m) ?? 0) + 1);
    }
    expect(perMonth.get(12)!).toBeGreaterThan(perMonth.get(2)! * 1.5);
  });

  it("keeps money consistent: discounts never exceed lines, refunds come later and do not exceed what was sold", () => {
    for (const o of orders) {
      for (const l of o.lineItems) {
        expect(cents(l.totalDiscount.shop)).toBeLessThanOrEqual(cents(l.originalUnitPrice.shop) * l.quantity);
        if (l.isGiftCard) expect(l.totalDiscount.shop).toBe("0.00");
        // totalDiscount is exactly the line's allocations, each naming one of the order's applications.
        for (const side of ["shop", "presentment"] as const) {
          expect(l.discountAllocations.reduce((n, a) => n + cents(a.amount[side]), 0)).toBe(
            cents(l.totalDiscount[side]),
          );
        }
        for (const a of l.discountAllocations) expect(o.discountApplications[a.applicationIndex]).toBeDefined();
      }
      for (const r of o.refunds) {
        expect(r.createdAt >= o.processedAt).toBe(true);
        expect(Date.parse(r.createdAt)).toBeLessThan(FIXED_ANCHOR);
        for (const rl of r.refundLineItems) {
          const line = o.lineItems.find((l) => l.id === rl.lineItemId)!;
          expect(rl.quantity).toBeLessThanOrEqual(line.quantity);
          expect(cents(rl.subtotal.shop)).toBeLessThanOrEqual(
            cents(line.originalUnitPrice.shop) * line.quantity - cents(line.totalDiscount.shop),
          );
        }
      }
      expect(o.updatedAt >= o.createdAt).toBe(true);
    }
  });

  it("stores timestamps in UTC and follows DST in the shop's zone", () => {
    for (const o of orders) expect(o.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const offsets = new Set(orders.map((o) => DateTime.fromISO(o.createdAt, { zone: "America/New_York" }).offset));
    expect(offsets).toEqual(new Set([-300, -240]));
  });
});

describe("fixtures", () => {
  it("loads the example fixture with defaults filled in", () => {
    const data = loadFixtureFile(EXAMPLE);
    expect(data.shop).toMatchObject({ domain: "fixture-demo.myshopify.com", plan: "advanced", installed: false });
    expect(data.orders[1]).toMatchObject({
      name: "#1002",
      processedAt: "2026-03-09T01:15:00Z",
      currencyCode: "USD",
      presentmentCurrencyCode: "EUR",
      refunds: [],
    });
    expect(data.customers[1]!.state).toBe("DISABLED");
  });

  it("names the path of every problem", () => {
    const bad = {
      shop: { domain: "Not A Domain", name: "x" },
      customers: [{ id: 1, createdAt: "yesterday", updatedAt: "2026-01-01T00:00:00Z", colour: "blue" }],
      orders: [
        {
          id: 5,
          number: 1,
          createdAt: "2026-01-01T00:00:00Z",
          updatedAt: "2026-01-01T00:00:00Z",
          lineItems: [{ id: 1, title: "x", quantity: 0, originalUnitPrice: { shop: 1, presentment: "1.00" } }],
        },
      ],
    };
    let error: FixtureError | undefined;
    try {
      parseFixture(bad, "bad.json");
    } catch (e) {
      error = e as FixtureError;
    }
    expect(error).toBeInstanceOf(FixtureError);
    const text = error!.problems.join("\n");
    expect(text).toContain("/shop/domain");
    expect(text).toContain("/customers/0/createdAt");
    expect(text).toContain('/customers/0: unknown property "colour"');
    expect(text).toContain("/orders/0/lineItems/0/quantity");
    expect(text).toContain("/orders/0/lineItems/0/originalUnitPrice/shop");
    expect(error!.message).toMatch(/^Invalid store fixture bad\.json:/);
  });

  it("allocates a line's discount to the order's only discount application and checks explicit allocations", () => {
    const data = loadFixtureFile(EXAMPLE);
    expect(data.orders[0]!.lineItems[0]!.discountAllocations).toEqual([
      { applicationIndex: 0, amount: { shop: "10.00", presentment: "10.00" } },
    ]);
    expect(data.orders[0]!.lineItems[1]!.discountAllocations).toEqual([]);
    const raw = JSON.parse(JSON.stringify(data));
    raw.orders[0].discountApplications.push({
      level: "line",
      kind: "automatic",
      title: "5% off",
      valueType: "percentage",
      value: "5.0",
    });
    delete raw.orders[0].lineItems[0].discountAllocations;
    expect(() => parseFixture(raw)).toThrow(
      /\/orders\/0\/lineItems\/0\/discountAllocations: required when totalDiscount is set and the order has 2 discount applications/,
    );
    raw.orders[0].lineItems[0].discountAllocations = [
      { applicationIndex: 0, amount: { shop: "8.00", presentment: "8.00" } },
      { applicationIndex: 3, amount: { shop: "1.00", presentment: "1.00" } },
    ];
    expect(() => parseFixture(raw)).toThrow(
      /applicationIndex: no discount application 3[\s\S]*totalDiscount: must equal the sum of discountAllocations \(9\.00/,
    );
  });

  it("checks references between records", () => {
    const data = JSON.parse(JSON.stringify(loadFixtureFile(EXAMPLE)));
    data.orders[0].customerId = 123;
    data.orders[0].refunds[0].refundLineItems[0].lineItemId = 456;
    expect(() => parseFixture(data)).toThrow(
      /\/orders\/0\/customerId: no customer with id 123[\s\S]*\/orders\/0\/refunds\/0\/refundLineItems\/0\/lineItemId: no line item 456/,
    );
  });
});
