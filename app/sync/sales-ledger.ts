// Shopify's sales ledger (Order.agreements → sales) mapped to the rows of `sale_agreement`
// and `sale`. Every source hands over the same node shapes (queries.ts SALE_FIELDS and
// AGREEMENT_FIELDS): the bulk export's child lines, the incremental pages and the
// `nodes(ids:)` refreshes after webhooks.
//
// Amounts are the shop-currency side of each MoneyBag (shopMoney), kept as decimal
// strings and signed as Shopify reports them (RETURN sales are negative). The
// agreement's kind comes from its GraphQL type (OrderAgreement, OrderEditAgreement,
// RefundAgreement, ReturnAgreement — SalesAgreement's implementations in the 2026-10
// schema); an implementation added later is stored as "unknown" rather than refused.
import { collection, isoInstant, MappingError, parseShopifyId, shopAmount } from "./mapping";
import type { DecimalString, IsoInstant, ShopifyId } from "./records";

export type AgreementKind = "order" | "order_edit" | "refund" | "return" | "unknown";
export type SaleActionType = "ORDER" | "RETURN" | "UPDATE" | "UNKNOWN";
export type SaleLineType =
  "ADDITIONAL_FEE" | "ADJUSTMENT" | "DUTY" | "FEE" | "GIFT_CARD" | "PRODUCT" | "SHIPPING" | "TIP" | "UNKNOWN";

export interface AgreementRecord {
  id: ShopifyId;
  orderId: ShopifyId;
  kind: AgreementKind;
  happenedAt: IsoInstant;
}

/** A sale as its line names it: its order, kind and happenedAt come from its agreement. */
export interface SaleRecord {
  id: ShopifyId;
  agreementId: ShopifyId;
  actionType: SaleActionType;
  lineType: SaleLineType;
  lineItemId: ShopifyId | null;
  productId: ShopifyId | null;
  quantity: number | null;
  totalAmount: DecimalString;
  totalDiscountBeforeTaxes: DecimalString;
  totalDiscountAfterTaxes: DecimalString;
  totalTax: DecimalString;
}

/** An order's complete ledger as read at `orderUpdatedAt` (the order's Shopify updatedAt). */
export interface OrderLedger {
  orderId: ShopifyId;
  orderUpdatedAt: IsoInstant;
  agreements: AgreementRecord[];
  sales: SaleRecord[];
}

const AGREEMENT_KINDS: Record<string, AgreementKind> = {
  OrderAgreement: "order",
  OrderEditAgreement: "order_edit",
  RefundAgreement: "refund",
  ReturnAgreement: "return",
};
const ACTION_TYPES = new Set<string>(["ORDER", "RETURN", "UPDATE"]);
const LINE_TYPES = new Set<string>([
  "ADDITIONAL_FEE",
  "ADJUSTMENT",
  "DUTY",
  "FEE",
  "GIFT_CARD",
  "PRODUCT",
  "SHIPPING",
  "TIP",
]);

type Json = Record<string, unknown>;

function object(value: unknown, field: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new MappingError(field, "expected an object");
  return value as Json;
}

function requiredAmount(bag: unknown, field: string): DecimalString {
  const amount = shopAmount(bag, field);
  if (amount === null) throw new MappingError(field, "missing");
  return amount;
}

/** Whether a bulk child line is part of the ledger (an agreement or a sale), by its type. */
export function isLedgerLine(node: Record<string, unknown>): boolean {
  const type = node.__typename;
  return typeof type === "string" && (type.endsWith("Agreement") || type.endsWith("Sale"));
}

export function isAgreementLine(node: Record<string, unknown>): boolean {
  return typeof node.__typename === "string" && node.__typename.endsWith("Agreement");
}

export function agreementFromGraphql(node: unknown, orderId: ShopifyId): AgreementRecord {
  const a = object(node, "agreement");
  const type = typeof a.__typename === "string" ? a.__typename : "";
  return {
    id: parseShopifyId(a.id, "agreement.id"),
    orderId,
    kind: AGREEMENT_KINDS[type] ?? "unknown",
    happenedAt: isoInstant(a.happenedAt, "agreement.happenedAt"),
  };
}

export function saleFromGraphql(node: unknown, agreementId: ShopifyId): SaleRecord {
  const s = object(node, "sale");
  const action = typeof s.actionType === "string" ? s.actionType : "";
  const line = typeof s.lineType === "string" ? s.lineType : "";
  const lineItem = s.lineItem === null || s.lineItem === undefined ? null : object(s.lineItem, "sale.lineItem");
  const product =
    lineItem?.product === null || lineItem?.product === undefined ? null : object(lineItem.product, "product");
  const quantity = s.quantity;
  if (quantity !== null && quantity !== undefined && !Number.isSafeInteger(quantity))
    throw new MappingError("sale.quantity", "expected an integer");
  return {
    id: parseShopifyId(s.id, "sale.id"),
    agreementId,
    actionType: ACTION_TYPES.has(action) ? (action as SaleActionType) : "UNKNOWN",
    lineType: LINE_TYPES.has(line) ? (line as SaleLineType) : "UNKNOWN",
    lineItemId: lineItem ? parseShopifyId(lineItem.id, "sale.lineItem.id") : null,
    productId: product ? parseShopifyId(product.id, "sale.lineItem.product.id") : null,
    quantity: (quantity as number | null | undefined) ?? null,
    totalAmount: requiredAmount(s.totalAmount, "sale.totalAmount"),
    totalDiscountBeforeTaxes: requiredAmount(s.totalDiscountAmountBeforeTaxes, "sale.totalDiscountAmountBeforeTaxes"),
    totalDiscountAfterTaxes: requiredAmount(s.totalDiscountAmountAfterTaxes, "sale.totalDiscountAmountAfterTaxes"),
    totalTax: requiredAmount(s.totalTaxAmount, "sale.totalTaxAmount"),
  };
}

/**
 * An order node with its complete agreements (every page already read) → its ledger.
 * Agreements may come as `{ edges: [{ node }] }` or `{ nodes }`, sales likewise.
 */
export function ledgerFromOrderNode(node: unknown): OrderLedger {
  const o = object(node, "order");
  const orderId = parseShopifyId(o.id, "order.id");
  const ledger: OrderLedger = {
    orderId,
    orderUpdatedAt: isoInstant(o.updatedAt, "order.updatedAt"),
    agreements: [],
    sales: [],
  };
  for (const a of collection(o.agreements)) {
    const agreement = agreementFromGraphql(a, orderId);
    ledger.agreements.push(agreement);
    for (const s of collection(a.sales)) ledger.sales.push(saleFromGraphql(s, agreement.id));
  }
  return ledger;
}

/** Ledgers of complete order nodes; a node that cannot be read is reported, not written. */
export function mapOrderLedgers(nodes: readonly unknown[]): { ledgers: OrderLedger[]; failures: string[] } {
  const out = { ledgers: [] as OrderLedger[], failures: [] as string[] };
  for (const node of nodes) {
    try {
      out.ledgers.push(ledgerFromOrderNode(node));
    } catch (error) {
      const id = node && typeof node === "object" ? (node as { id?: unknown }).id : undefined;
      out.failures.push(`${String(id ?? "?")}: ${(error as Error).message}`);
    }
  }
  return out;
}

/** Map bulk ledger lines (agreements under an order id, sales under an agreement id). */
export function mapLedgerLines(lines: readonly { node: Record<string, unknown>; parentId: string | null }[]): {
  agreements: AgreementRecord[];
  sales: SaleRecord[];
  failures: string[];
} {
  const out = { agreements: [] as AgreementRecord[], sales: [] as SaleRecord[], failures: [] as string[] };
  for (const line of lines) {
    try {
      const parent = parseShopifyId(line.parentId, "__parentId");
      if (isAgreementLine(line.node)) out.agreements.push(agreementFromGraphql(line.node, parent));
      else out.sales.push(saleFromGraphql(line.node, parent));
    } catch (error) {
      out.failures.push(`${String(line.node.id ?? "?")}: ${(error as Error).message}`);
    }
  }
  return out;
}
