// The sales ledger as Shopify's Admin API tells it, read by the tests with their own
// plain GraphQL query (no app code: no engine client, no mapping), and the `sale` table
// in the same shape, to compare the two row by row.
import type { PrismaClient } from "@prisma/client";
import DecimalJs from "decimal.js";

const Decimal = DecimalJs.clone({ precision: 40 });

export interface LedgerRow {
  id: string;
  orderId: string;
  agreementId: string;
  agreementKind: string;
  happenedAt: string;
  actionType: string;
  lineType: string;
  lineItemId: string | null;
  productId: string | null;
  quantity: number | null;
  totalAmount: string;
  discountBeforeTaxes: string;
  discountAfterTaxes: string;
  tax: string;
}

const SALE = `
  __typename id actionType lineType quantity
  totalAmount { shopMoney { amount } }
  totalDiscountAmountBeforeTaxes { shopMoney { amount } }
  totalDiscountAmountAfterTaxes { shopMoney { amount } }
  totalTaxAmount { shopMoney { amount } }
  ... on ProductSale { lineItem { id product { id } } }
  ... on GiftCardSale { lineItem { id product { id } } }`;

const AGREEMENTS = (first: number, sales: number) => `
  agreements(first: ${first}) {
    nodes { __typename id happenedAt sales(first: ${sales}) { nodes { ${SALE} } pageInfo { hasNextPage } } }
    pageInfo { hasNextPage }
  }`;

const ORDERS = `query TestLedger($after: String) {
  orders(first: 10, after: $after, sortKey: ID) {
    nodes { id ${AGREEMENTS(10, 50)} }
    pageInfo { hasNextPage endCursor }
  }
}`;

const ONE_ORDER = `query TestOrderLedger($id: ID!) { order(id: $id) { id ${AGREEMENTS(250, 250)} } }`;

const KINDS: Record<string, string> = {
  OrderAgreement: "order",
  OrderEditAgreement: "order_edit",
  RefundAgreement: "refund",
  ReturnAgreement: "return",
};

interface Money {
  shopMoney: { amount: string };
}
interface SaleNode {
  id: string;
  actionType: string;
  lineType: string;
  quantity: number | null;
  totalAmount: Money;
  totalDiscountAmountBeforeTaxes: Money;
  totalDiscountAmountAfterTaxes: Money;
  totalTaxAmount: Money;
  lineItem?: { id: string; product: { id: string } | null };
}
interface AgreementNode {
  __typename: string;
  id: string;
  happenedAt: string;
  sales: { nodes: SaleNode[]; pageInfo: { hasNextPage: boolean } };
}
interface OrderNode {
  id: string;
  agreements: { nodes: AgreementNode[]; pageInfo: { hasNextPage: boolean } };
}

const numeric = (gid: string) => gid.split("/").pop()!.split("?")[0]!;
const money = (value: string | { toString(): string }) => new Decimal(value.toString()).toFixed(4);
const byId = (a: { id: string }, b: { id: string }) => a.id.length - b.id.length || (a.id < b.id ? -1 : 1);

async function graphql<T>(simUrl: string, token: string, query: string, variables: object): Promise<T> {
  for (;;) {
    const response = await fetch(`${simUrl}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      // The token names the shop (the simulator serves every shop at one origin).
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (body.errors?.some((e) => e.extensions?.code === "THROTTLED")) {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    if (!response.ok || body.errors || !body.data) throw new Error(`test ledger query failed: ${JSON.stringify(body)}`);
    return body.data;
  }
}

/** Every sale of every order of the shop, as the Admin API reports them, sorted by sale id. */
export async function adminLedger(simUrl: string, token: string): Promise<LedgerRow[]> {
  const rows: LedgerRow[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { orders: { nodes: OrderNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
      await graphql(simUrl, token, ORDERS, { after });
    for (let order of data.orders.nodes) {
      const partial =
        order.agreements.pageInfo.hasNextPage || order.agreements.nodes.some((a) => a.sales.pageInfo.hasNextPage);
      if (partial) order = (await graphql<{ order: OrderNode }>(simUrl, token, ONE_ORDER, { id: order.id })).order;
      if (order.agreements.pageInfo.hasNextPage || order.agreements.nodes.some((a) => a.sales.pageInfo.hasNextPage))
        throw new Error(`order ${order.id}: more than 250 agreements or sales; the test reader does not page that far`);
      for (const agreement of order.agreements.nodes) {
        for (const sale of agreement.sales.nodes) {
          rows.push({
            id: numeric(sale.id),
            orderId: numeric(order.id),
            agreementId: numeric(agreement.id),
            agreementKind: KINDS[agreement.__typename] ?? "unknown",
            happenedAt: new Date(agreement.happenedAt).toISOString(),
            actionType: sale.actionType,
            lineType: sale.lineType,
            lineItemId: sale.lineItem ? numeric(sale.lineItem.id) : null,
            productId: sale.lineItem?.product ? numeric(sale.lineItem.product.id) : null,
            quantity: sale.quantity,
            totalAmount: money(sale.totalAmount.shopMoney.amount),
            discountBeforeTaxes: money(sale.totalDiscountAmountBeforeTaxes.shopMoney.amount),
            discountAfterTaxes: money(sale.totalDiscountAmountAfterTaxes.shopMoney.amount),
            tax: money(sale.totalTaxAmount.shopMoney.amount),
          });
        }
      }
    }
    if (!data.orders.pageInfo.hasNextPage) break;
    after = data.orders.pageInfo.endCursor;
  }
  const ids = new Set(rows.map((r) => r.id));
  if (ids.size !== rows.length) throw new Error("the Admin API listed a sale id twice");
  return rows.sort(byId);
}

/** The `sale` table of the shop in the same shape, sorted by sale id. */
export async function storedLedger(prisma: PrismaClient, shopId: number): Promise<LedgerRow[]> {
  const sales = await prisma.sale.findMany({ where: { shopId } });
  return sales
    .map((s) => ({
      id: s.id.toString(),
      orderId: s.orderId.toString(),
      agreementId: s.agreementId.toString(),
      agreementKind: s.agreementKind,
      happenedAt: s.happenedAt.toISOString(),
      actionType: s.actionType,
      lineType: s.lineType,
      lineItemId: s.lineItemId?.toString() ?? null,
      productId: s.productId?.toString() ?? null,
      quantity: s.quantity,
      totalAmount: money(s.totalAmount),
      discountBeforeTaxes: money(s.totalDiscountBeforeTaxes),
      discountAfterTaxes: money(s.totalDiscountAfterTaxes),
      tax: money(s.totalTax),
    }))
    .sort(byId);
}
