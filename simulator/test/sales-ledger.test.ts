// Order.agreements → sales (Shopify's sales ledger) over HTTP, checked against what
// the same answers say about the order in its own fields. Every expectation is an
// identity Shopify states for these fields, summed here in integer cents:
//   currentTotalPriceSet        = Σ sales totalAmount ("after returns"; 2026-10 schema)
//   currentTotalTaxSet          = Σ sales totalTaxAmount
//   currentTotalDiscountsSet    = Σ product sales totalDiscountAmountBeforeTaxes
//   totalDiscountsSet           = Σ LineItem.discountAllocations = Σ discounts of sales that add units
//   currentSubtotalPriceSet     = Σ product sales before tax; currentShippingPriceSet likewise for shipping
//   totalTipReceivedSet, currentTotalDutiesSet, currentTotalAdditionalFeesSet = Σ tip / duty / fee sales
//   totalRefundedSet            = −Σ RETURN sales
//   LineItem.currentQuantity    = Σ its sales' quantities; LineItem.quantity = Σ the positive ones
// The stores are generated with every ledger case (edits, returns, tips, duties, fees)
// and the test first proves each case is present, so the identities are exercised.
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index.js";
import { cents, FIXED_ANCHOR, startTestSimulator, waitFor } from "./helpers.js";

interface Bag {
  shopMoney: { amount: string };
  presentmentMoney: { amount: string };
}
interface SaleJ {
  __typename: string;
  id: string;
  actionType: string;
  lineType: string;
  quantity: number | null;
  totalAmount: Bag;
  totalTaxAmount: Bag;
  totalDiscountAmountBeforeTaxes: Bag;
  totalDiscountAmountAfterTaxes: Bag;
  taxes: Array<{ amount: Bag }>;
  lineItem?: { id: string };
}
interface AgreementJ {
  __typename: string;
  id: string;
  happenedAt: string;
  reason: string;
  sales: SaleJ[];
}
interface LineJ {
  id: string;
  quantity: number;
  currentQuantity: number;
  discountAllocations: Array<{ allocatedAmountSet: Bag; discountApplication: { __typename: string } }>;
}
interface OrderJ {
  id: string;
  createdAt: string;
  processedAt: string;
  totalPriceSet: Bag;
  currentTotalPriceSet: Bag;
  currentTotalTaxSet: Bag;
  currentTotalDiscountsSet: Bag;
  totalDiscountsSet: Bag;
  currentSubtotalPriceSet: Bag;
  currentShippingPriceSet: Bag;
  totalTipReceivedSet: Bag;
  currentTotalDutiesSet: Bag | null;
  currentTotalAdditionalFeesSet: Bag | null;
  totalRefundedSet: Bag;
  lineItems: LineJ[];
  agreements: AgreementJ[];
}

const BAG = "shopMoney { amount } presentmentMoney { amount }";
const SALE_FIELDS = `__typename id actionType lineType quantity
  totalAmount { ${BAG} } totalTaxAmount { ${BAG} }
  totalDiscountAmountBeforeTaxes { ${BAG} } totalDiscountAmountAfterTaxes { ${BAG} }
  taxes { amount { ${BAG} } }
  ... on ProductSale { lineItem { id } }
  ... on GiftCardSale { lineItem { id } }
  ... on TipSale { lineItem { id } }`;
const ORDER_FIELDS = `id createdAt processedAt
  totalPriceSet { ${BAG} } currentTotalPriceSet { ${BAG} } currentTotalTaxSet { ${BAG} }
  currentTotalDiscountsSet { ${BAG} } totalDiscountsSet { ${BAG} } currentSubtotalPriceSet { ${BAG} }
  currentShippingPriceSet { ${BAG} } totalTipReceivedSet { ${BAG} } currentTotalDutiesSet { ${BAG} }
  currentTotalAdditionalFeesSet { ${BAG} } totalRefundedSet { ${BAG} }`;
const LINE_FIELDS = `id quantity currentQuantity
  discountAllocations { allocatedAmountSet { ${BAG} } discountApplication { __typename } }`;

const BULK_QUERY = `{
  orders {
    edges { node {
      ${ORDER_FIELDS}
      lineItems { edges { node { ${LINE_FIELDS} } } }
      agreements { edges { node {
        __typename id happenedAt reason
        sales { edges { node { ${SALE_FIELDS} } } }
      } } }
    } }
  }
}`;

const SHOPS = [
  { domain: "ledger-7.myshopify.com", seed: 7, ianaTimezone: "America/New_York" },
  { domain: "ledger-11.myshopify.com", seed: 11, ianaTimezone: "Europe/Berlin" },
];

type Side = "shopMoney" | "presentmentMoney";
const SIDES: Side[] = ["shopMoney", "presentmentMoney"];
const amt = (b: Bag | null | undefined, side: Side) => (b ? cents(b[side].amount) : 0);
const sum = (sales: SaleJ[], side: Side, f: (s: SaleJ) => Bag) => sales.reduce((n, s) => n + amt(f(s), side), 0);
const isProduct = (s: SaleJ) => s.lineType === "PRODUCT" || s.lineType === "GIFT_CARD";

/** Every identity of the header comment for one order; returns the list of violations. */
function violations(o: OrderJ): string[] {
  const out: string[] = [];
  const check = (what: string, actual: number | string, expected: number | string) => {
    if (actual !== expected) out.push(`${o.id} ${what}: ledger ${actual} ≠ order ${expected}`);
  };
  const sales = o.agreements.flatMap((a) => a.sales);
  for (const side of SIDES) {
    check(
      `${side} Σ totalAmount`,
      sum(sales, side, (s) => s.totalAmount),
      amt(o.currentTotalPriceSet, side),
    );
    check(
      `${side} Σ tax`,
      sum(sales, side, (s) => s.totalTaxAmount),
      amt(o.currentTotalTaxSet, side),
    );
    const products = sales.filter(isProduct);
    check(
      `${side} Σ discounts`,
      sum(products, side, (s) => s.totalDiscountAmountBeforeTaxes),
      amt(o.currentTotalDiscountsSet, side),
    );
    const adding = sales.filter((s) => s.actionType === "ORDER" || (s.actionType === "UPDATE" && s.quantity! > 0));
    check(
      `${side} Σ discounts of added units`,
      sum(adding.filter(isProduct), side, (s) => s.totalDiscountAmountBeforeTaxes),
      amt(o.totalDiscountsSet, side),
    );
    check(
      `${side} Σ discountAllocations`,
      o.lineItems.reduce(
        (n, l) => n + l.discountAllocations.reduce((m, a) => m + amt(a.allocatedAmountSet, side), 0),
        0,
      ),
      amt(o.totalDiscountsSet, side),
    );
    check(
      `${side} totalPriceSet`,
      sum(adding, side, (s) => s.totalAmount),
      amt(o.totalPriceSet, side),
    );
    check(
      `${side} subtotal`,
      sum(products, side, (s) => s.totalAmount) - sum(products, side, (s) => s.totalTaxAmount),
      amt(o.currentSubtotalPriceSet, side),
    );
    const shipping = sales.filter((s) => s.lineType === "SHIPPING");
    check(
      `${side} shipping`,
      sum(shipping, side, (s) => s.totalAmount) - sum(shipping, side, (s) => s.totalTaxAmount),
      amt(o.currentShippingPriceSet, side),
    );
    const of = (lineType: string) => sales.filter((s) => s.lineType === lineType);
    check(
      `${side} tips`,
      sum(of("TIP"), side, (s) => s.totalAmount),
      amt(o.totalTipReceivedSet, side),
    );
    check(
      `${side} duties`,
      sum(of("DUTY"), side, (s) => s.totalAmount),
      amt(o.currentTotalDutiesSet, side),
    );
    check(
      `${side} fees`,
      sum(of("ADDITIONAL_FEE"), side, (s) => s.totalAmount),
      amt(o.currentTotalAdditionalFeesSet, side),
    );
    const returns = sales.filter((s) => s.actionType === "RETURN");
    check(`${side} refunded`, -sum(returns, side, (s) => s.totalAmount), amt(o.totalRefundedSet, side));
    for (const s of sales)
      check(
        `${side} ${s.id} Σ taxes`,
        s.taxes.reduce((n, t) => n + amt(t.amount, side), 0),
        amt(s.totalTaxAmount, side),
      );
  }
  for (const l of o.lineItems) {
    const own = sales.filter((s) => s.lineItem?.id === l.id);
    check(
      `${l.id} currentQuantity`,
      own.reduce((n, s) => n + s.quantity!, 0),
      l.currentQuantity,
    );
    check(
      `${l.id} quantity`,
      own.filter((s) => s.quantity! > 0).reduce((n, s) => n + s.quantity!, 0),
      l.quantity,
    );
  }
  const placements = o.agreements.filter((a) => a.__typename === "OrderAgreement");
  check("one OrderAgreement", placements.length, 1);
  check("placement date", placements[0]?.happenedAt ?? "", o.processedAt);
  const expectedAction: Record<string, string> = {
    OrderAgreement: "ORDER",
    OrderEditAgreement: "UPDATE",
    RefundAgreement: "RETURN",
    ReturnAgreement: "RETURN",
  };
  for (const a of o.agreements) {
    for (const s of a.sales) {
      check(`${s.id} actionType in ${a.__typename}`, s.actionType, expectedAction[a.__typename]!);
      if (s.actionType === "RETURN") {
        check(`${s.id} RETURN quantity sign`, String((s.quantity ?? -1) < 0), "true");
        check(`${s.id} RETURN amount sign`, String(amt(s.totalAmount, "shopMoney") <= 0), "true");
      }
    }
    if (a.__typename === "OrderEditAgreement" || a.__typename === "ReturnAgreement")
      check(`${a.id} after the order`, String(a.happenedAt >= o.createdAt), "true");
  }
  // In the order they happened.
  const dates = o.agreements.map((a) => a.happenedAt);
  check("agreements in date order", JSON.stringify(dates), JSON.stringify([...dates].sort()));
  return out;
}

describe("sales ledger (Order.agreements → sales)", () => {
  let sim: RunningSimulator;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    sim = await startTestSimulator({
      shops: SHOPS.map((s) => ({ ...s, size: "small" as const, anchor: FIXED_ANCHOR, ledgerCases: true })),
      bulk: { objectsPerSecond: 1_000_000 },
    });
    for (const s of SHOPS) tokens.set(s.domain, sim.control.install(s.domain).accessToken);
  });
  afterAll(async () => {
    await sim?.close();
  });

  async function gql<T = Record<string, any>>(shop: string, query: string, variables?: Record<string, unknown>) {
    const res = await fetch(`${sim.url}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-access-token": tokens.get(shop)! },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data: T; errors?: unknown; extensions?: any };
  }

  /** Run the ledger bulk export and reassemble orders from the JSONL by __parentId. */
  async function exportLedger(shop: string): Promise<OrderJ[]> {
    const started = await gql(
      shop,
      `mutation Run($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { field message } } }`,
      { q: BULK_QUERY },
    );
    expect(started.data.bulkOperationRunQuery.userErrors).toEqual([]);
    const id = started.data.bulkOperationRunQuery.bulkOperation.id as string;
    const done = await waitFor(
      async () => {
        const s = (await gql(shop, `query($id: ID!) { node(id: $id) { ... on BulkOperation { status url } } }`, { id }))
          .data.node;
        return s.status === "RUNNING" || s.status === "CREATED" ? undefined : s;
      },
      120_000,
      "ledger bulk export",
    );
    expect(done.status).toBe("COMPLETED");
    const text = await (await fetch(done.url)).text();
    const orders = new Map<string, OrderJ>();
    const agreements = new Map<string, AgreementJ>();
    const rows = text
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, any>);
    const parentOf = new Map(rows.map((r) => [r, r.__parentId as string | undefined]));
    for (const r of rows) delete r.__parentId;
    // Children come after their parent (not necessarily right after): two passes by depth.
    for (const r of rows)
      if (!parentOf.get(r)) orders.set(r.id, { ...r, lineItems: [], agreements: [] } as unknown as OrderJ);
    for (const r of rows) {
      const parent = parentOf.get(r);
      if (!parent || !orders.has(parent)) continue;
      const o = orders.get(parent)!;
      if (r.id.startsWith("gid://shopify/LineItem/")) o.lineItems.push(r as LineJ);
      else {
        const a = { ...r, sales: [] } as unknown as AgreementJ;
        agreements.set(r.id, a);
        o.agreements.push(a);
      }
    }
    for (const r of rows) {
      const parent = parentOf.get(r);
      if (parent && agreements.has(parent)) agreements.get(parent)!.sales.push(r as SaleJ);
    }
    for (const o of orders.values())
      o.agreements.sort((a, b) => (a.happenedAt < b.happenedAt ? -1 : a.happenedAt > b.happenedAt ? 1 : 0));
    return [...orders.values()];
  }

  const exported = new Map<string, OrderJ[]>();

  it.each(SHOPS)(
    "bulk export: every order's ledger agrees with its fields ($domain)",
    async ({ domain, ianaTimezone }) => {
      const orders = await exportLedger(domain);
      exported.set(domain, orders);
      expect(orders.length).toBe(sim.control.data(domain).orders.length);
      const problems = orders.flatMap(violations);
      expect(problems.slice(0, 20)).toEqual([]);

      // Every case the ledger must handle is present in the generated store.
      const sales = orders.flatMap((o) => o.agreements.flatMap((a) => a.sales));
      const agreements = orders.flatMap((o) => o.agreements);
      const present = {
        addedLater: sales.some((s) => s.actionType === "UPDATE" && s.quantity! > 0),
        reduced: sales.some((s) => s.actionType === "UPDATE" && s.quantity! < 0),
        returnAgreements: agreements.some((a) => a.__typename === "ReturnAgreement"),
        refundAgreements: agreements.some((a) => a.__typename === "RefundAgreement"),
        shippingRefundWithTax: sales.some(
          (s) => s.lineType === "SHIPPING" && s.actionType === "RETURN" && amt(s.totalTaxAmount, "shopMoney") < 0,
        ),
        orderLevelCode: orders.some((o) =>
          o.lineItems.some((l) =>
            l.discountAllocations.some((d) => d.discountApplication.__typename === "DiscountCodeApplication"),
          ),
        ),
        tip: sales.some((s) => s.__typename === "TipSale"),
        duty: sales.some((s) => s.__typename === "DutySale"),
        fee: sales.some((s) => s.__typename === "AdditionalFeeSale"),
        giftCard: sales.some((s) => s.__typename === "GiftCardSale"),
        // An edit on a day with a DST switch, booked where the shop's local date differs from the UTC date.
        editAcrossDst: agreements.some((a) => {
          if (a.__typename !== "OrderEditAgreement") return false;
          const local = DateTime.fromISO(a.happenedAt, { zone: ianaTimezone });
          const day = local.startOf("day");
          return day.offset !== day.endOf("day").offset && local.toISODate() !== a.happenedAt.slice(0, 10);
        }),
      };
      expect(present).toEqual(Object.fromEntries(Object.keys(present).map((k) => [k, true])));

      // Sale and agreement ids: gid://shopify/<Type>/<number>, unique in the shop across all types.
      const saleNumbers = sales.map((s) => {
        const m = /^gid:\/\/shopify\/(\w+)\/(\d+)$/.exec(s.id);
        expect(m?.[1]).toBe(s.__typename);
        return BigInt(m![2]!);
      });
      expect(new Set(saleNumbers).size).toBe(sales.length);
      const agreementNumbers = agreements.map((a) => BigInt(/\/(\d+)$/.exec(a.id)![1]!));
      expect(new Set(agreementNumbers).size).toBe(agreements.length);
    },
  );

  it("order(id:) and nodes(ids:) answer the same ledger as the bulk export, page by page", async () => {
    const { domain } = SHOPS[0]!;
    const orders = exported.get(domain) ?? (await exportLedger(domain));
    // Orders with each kind of later event.
    const pick = (f: (o: OrderJ) => boolean) => orders.find(f)!;
    const chosen = [
      pick((o) => o.agreements.some((a) => a.__typename === "OrderEditAgreement")),
      pick((o) => o.agreements.some((a) => a.__typename === "ReturnAgreement")),
      pick((o) => o.agreements.some((a) => a.sales.some((s) => s.lineType === "TIP"))),
      pick((o) => o.agreements.some((a) => a.sales.some((s) => s.lineType === "DUTY"))),
    ];
    const LEDGER = `agreements(first: 10) { nodes { __typename id happenedAt reason sales(first: 50) { nodes { ${SALE_FIELDS} } } } }`;
    const viaNodes = await gql(domain, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Order { id ${LEDGER} } } }`, {
      ids: chosen.map((o) => o.id),
    });
    expect(viaNodes.errors).toBeUndefined();
    for (const [i, o] of chosen.entries()) {
      const got = viaNodes.data.nodes[i];
      expect(got.id).toBe(o.id);
      expect(got.agreements.nodes.map((a: AgreementJ) => ({ ...a, sales: a.sales }))).toEqual(
        o.agreements.map((a) => ({
          ...a,
          sales: {
            nodes: [...a.sales].sort((x, y) =>
              BigInt(x.id.split("/").pop()!) < BigInt(y.id.split("/").pop()!) ? -1 : 1,
            ),
          },
        })),
      );
    }
    // order(id:), paging agreements one at a time.
    const target = chosen[1]!;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await gql(
        domain,
        `query($id: ID!, $after: String) { order(id: $id) { agreements(first: 1, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } }`,
        { id: target.id, after },
      );
      expect(page.errors).toBeUndefined();
      seen.push(...page.data.order.agreements.nodes.map((n: { id: string }) => n.id));
      if (!page.data.order.agreements.pageInfo.hasNextPage) break;
      after = page.data.order.agreements.pageInfo.endCursor;
    }
    expect(seen).toEqual(target.agreements.map((a) => a.id));
    // query: happened_at filters the agreements.
    const placedAt = target.processedAt;
    const filtered = await gql(
      domain,
      `query($id: ID!, $q: String) { order(id: $id) { agreements(first: 10, query: $q) { nodes { id happenedAt } } } }`,
      { id: target.id, q: `happened_at:>'${placedAt}'` },
    );
    expect(filtered.data.order.agreements.nodes.map((n: { id: string }) => n.id)).toEqual(
      target.agreements.filter((a) => a.happenedAt > placedAt).map((a) => a.id),
    );
  });
});
