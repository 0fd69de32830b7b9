// Order.agreements → sales (Shopify's sales ledger) over HTTP: for every order of two
// generated stores (every ledger case on: edits, returns, tips, duties, fees), the
// ledger adds up to what the same answers say in the order's own fields (the
// identities in ledger-identities.ts), exported in bulk (orders → agreements → sales,
// two nested connections) and read with nodes(ids:) / order(id:). The test first proves
// every case is present, so each identity is exercised.
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index.js";
import { parseFixture } from "../src/store/fixtures.js";
import { orderLedger } from "../src/store/ledger.js";
import { FIXED_ANCHOR, startTestSimulator, waitFor } from "./helpers.js";
import {
  amt,
  LINE_FIELDS,
  ORDER_FIELDS,
  SALE_FIELDS,
  violations,
  type AgreementJ,
  type LineJ,
  type OrderJ,
  type SaleJ,
} from "./ledger-identities.js";

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
    // A return: its agreement names it, the order lists it, the refund that settles it points to it and comes later.
    const withReturn = chosen[1]!;
    const ret = await gql(
      domain,
      `query($id: ID!) { order(id: $id) { returnStatus returns(first: 5) { nodes { id name status totalQuantity } }
        refunds { processedAt return { id } }
        agreements(first: 10) { nodes { __typename happenedAt ... on ReturnAgreement { return { id } } } } } }`,
      { id: withReturn.id },
    );
    expect(ret.errors).toBeUndefined();
    const returnNode = ret.data.order.returns.nodes[0];
    expect(ret.data.order.returnStatus).toBe("RETURNED");
    expect(returnNode.status).toBe("CLOSED");
    const returnAgreement = ret.data.order.agreements.nodes.find((a: any) => a.__typename === "ReturnAgreement");
    expect(returnAgreement.return.id).toBe(returnNode.id);
    const settling = ret.data.order.refunds.find((r: any) => r.return?.id === returnNode.id);
    expect(settling.processedAt > returnAgreement.happenedAt).toBe(true);
    const returnedUnits = -withReturn.agreements
      .filter((a) => a.__typename === "ReturnAgreement")
      .flatMap((a) => a.sales)
      .reduce((n, x) => n + x.quantity!, 0);
    expect(returnNode.totalQuantity).toBe(returnedUnits);

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

  it("a read-back of the ledger store loads as a fixture with the same ledger", () => {
    const { domain } = SHOPS[0]!;
    const data = sim.control.data(domain);
    const copy = sim.control.createShop({ fixture: parseFixture(data), domain: "ledger-copy.myshopify.com" });
    const again = sim.control.store(copy.domain);
    for (const o of data.orders) expect(orderLedger(again.order(o.id)!)).toEqual(orderLedger(o));
  });
});
