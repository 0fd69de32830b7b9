// An order's sales ledger as Shopify's Admin API exposes it in Order.agreements:
// one agreement per event (placement, edit, refund, return), each with its sales
// ("Shopify creates a sales agreement whenever an order is placed, edited, or
// refunded … and records a sale for each line item", SalesAgreement, 2026-10 schema).
//
// The ledger is derived from the order's records, never stored: every sale comes
// from exactly one source record (a line item at placement, an edit change, a
// refund line, a refunded shipping line, a duty, a fee, the tip) and takes its id
// from that record (ledgerId), so ids are stable and unique per shop, and the sum
// of the sales is the order's current total by construction of the same records:
//   Σ totalAmount(ORDER + UPDATE + RETURN)   = currentTotalPriceSet
//   Σ totalTaxAmount                         = currentTotalTaxSet
//   Σ totalDiscountAmountBeforeTaxes (lines) = currentTotalDiscountsSet
//   Σ quantity per line item                 = LineItem.currentQuantity
//
// Signs: sales of an ORDER or an added quantity are positive; RETURN sales (refunded
// or returned goods, refunded shipping) and UPDATE sales that remove units carry
// negative quantities and amounts: in Sales reports "returns appear as a negative
// value for the day that they were processed" (Sales report definitions at
// help.bythenumbersapp.com/article/15-sales-report, written after Shopify's; see
// simulator/docs/fidelity.md). Not recorded from a live store: the stricter reading.
import { fromCents, rateToScaled, toCents } from "./cents.js";
import { ledgerId } from "./ids.js";
import type { MoneyPair } from "./money.js";
import type { LineItem, Order, Refund } from "./types.js";

export type AgreementTypename = "OrderAgreement" | "OrderEditAgreement" | "RefundAgreement" | "ReturnAgreement";
export type SaleTypename =
  "ProductSale" | "GiftCardSale" | "ShippingLineSale" | "TipSale" | "DutySale" | "AdditionalFeeSale";
export type SaleActionType = "ORDER" | "RETURN" | "UPDATE";
export type SaleLineType = "PRODUCT" | "GIFT_CARD" | "SHIPPING" | "TIP" | "DUTY" | "ADDITIONAL_FEE";

export interface LedgerSale {
  id: number;
  typename: SaleTypename;
  actionType: SaleActionType;
  lineType: SaleLineType;
  /** Units (signed); null for shipping, duties and fees, which have no units. */
  quantity: number | null;
  /** The line item (product, gift card and tip sales). */
  lineItemId?: number;
  /** The shipping line (ORDER shipping sales only: "not available if the SaleActionType is a return"). */
  shippingLineId?: number;
  dutyId?: number;
  additionalFeeId?: number;
  /** After discounts and taxes. */
  totalAmount: MoneyPair;
  totalDiscountAmountBeforeTaxes: MoneyPair;
  totalDiscountAmountAfterTaxes: MoneyPair;
  totalTaxAmount: MoneyPair;
  /** The tax rate the sale's tax was charged at ("0.0800"); its one SaleTax when the tax is not zero. */
  taxRate: string;
}

export interface LedgerAgreement {
  id: number;
  typename: AgreementTypename;
  reason: "ORDER" | "ORDER_EDIT" | "REFUND" | "RETURN";
  happenedAt: string;
  refundId?: number;
  returnId?: number;
  sales: LedgerSale[];
}

// Id slots (see ledgerId): one per source record type, so no two sales share an id.
const SALE_SLOT = {
  line: 1,
  shipping: 2,
  refundLine: 3,
  refundShipping: 4,
  editChange: 5,
  duty: 6,
  fee: 7,
} as const;
const AGREEMENT_SLOT = { order: 1, edit: 2, refund: 3, return: 4 } as const;

/** [shop, presentment] cents. */
type Cents = [number, number];
const c = (p: MoneyPair): Cents => [toCents(p.shop), toCents(p.presentment)];
const pair = ([shop, presentment]: Cents): MoneyPair => ({
  shop: fromCents(shop),
  presentment: fromCents(presentment),
});
const plus = (a: Cents, b: Cents): Cents => [a[0] + b[0], a[1] + b[1]];
const minus = (a: Cents, b: Cents): Cents => [a[0] - b[0], a[1] - b[1]];
const neg = (a: Cents): Cents => [-a[0], -a[1]];
const times = (a: Cents, n: number): Cents => [a[0] * n, a[1] * n];
const ZERO_CENTS: Cents = [0, 0];

/** cents × rate, half away from zero (the tax a discount would have carried). */
function taxOn(cents: number, scaledRate: number): number {
  const abs = Math.floor((Math.abs(cents) * scaledRate + 5_000) / 10_000);
  return cents < 0 ? -abs : abs;
}

/**
 * "The total discounts allocated to the sale after taxes": with taxes added on top
 * (taxesIncluded false) the discount plus the tax it saved. Not recorded; see fidelity.md.
 */
function discountAfterTaxes(discount: Cents, rate: string): Cents {
  const r = rateToScaled(rate);
  return [discount[0] + taxOn(discount[0], r), discount[1] + taxOn(discount[1], r)];
}

function productSale(
  id: number,
  line: LineItem,
  actionType: SaleActionType,
  quantity: number,
  discount: Cents,
  tax: Cents,
): LedgerSale {
  const gross = times(c(line.originalUnitPrice), quantity);
  return {
    id,
    typename: line.isGiftCard ? "GiftCardSale" : "ProductSale",
    actionType,
    lineType: line.isGiftCard ? "GIFT_CARD" : "PRODUCT",
    quantity,
    lineItemId: line.id,
    totalAmount: pair(plus(minus(gross, discount), tax)),
    totalDiscountAmountBeforeTaxes: pair(discount),
    totalDiscountAmountAfterTaxes: pair(discountAfterTaxes(discount, line.taxRate)),
    totalTaxAmount: pair(tax),
    taxRate: line.taxRate,
  };
}

function plainSale(
  id: number,
  typename: SaleTypename,
  lineType: SaleLineType,
  actionType: SaleActionType,
  amount: Cents,
  tax: Cents,
  taxRate: string,
  extra: Partial<LedgerSale>,
): LedgerSale {
  return {
    id,
    typename,
    actionType,
    lineType,
    quantity: null,
    totalAmount: pair(plus(amount, tax)),
    totalDiscountAmountBeforeTaxes: pair(ZERO_CENTS),
    totalDiscountAmountAfterTaxes: pair(ZERO_CENTS),
    totalTaxAmount: pair(tax),
    taxRate,
    ...extra,
  };
}

/** The order's shipping tax rate: shipping is taxed at the rate of its taxable lines. */
function shippingRate(order: Order): string {
  return order.lineItems.find((l) => l.taxable)?.taxRate ?? "0.0000";
}

/** Refund line items → RETURN sales: the refunded units, their discount share and tax, negative. */
function refundLineSales(order: Order, refund: Refund, lines: Map<number, LineItem>): LedgerSale[] {
  const out: LedgerSale[] = [];
  for (const x of refund.refundLineItems) {
    const line = lines.get(x.lineItemId);
    if (!line) continue;
    const subtotal = c(x.subtotal);
    const discount = minus(times(c(line.originalUnitPrice), x.quantity), subtotal);
    out.push(
      productSale(ledgerId(SALE_SLOT.refundLine, x.id), line, "RETURN", -x.quantity, neg(discount), neg(c(x.totalTax))),
    );
  }
  return out;
}

function refundShippingSales(order: Order, refund: Refund): LedgerSale[] {
  return refund.refundShippingLines.map((s) =>
    plainSale(
      ledgerId(SALE_SLOT.refundShipping, s.id),
      "ShippingLineSale",
      "SHIPPING",
      "RETURN",
      neg(c(s.subtotal)),
      neg(c(s.tax)),
      shippingRate(order),
      {},
    ),
  );
}

/** Units, discount and tax the edits added to a line (what is not the placement's). */
function addedByEdits(order: Order, lineId: number): { quantity: number; discount: Cents; tax: Cents } {
  let quantity = 0;
  let discount = ZERO_CENTS;
  let tax = ZERO_CENTS;
  for (const e of order.edits ?? []) {
    for (const ch of e.changes) {
      if (ch.lineItemId !== lineId || ch.quantity <= 0) continue;
      quantity += ch.quantity;
      discount = plus(discount, c(ch.discount));
      tax = plus(tax, c(ch.tax));
    }
  }
  return { quantity, discount, tax };
}

/** Units of a line that order edits removed (positive). */
export function removedQuantity(order: Order, lineId: number): number {
  let n = 0;
  for (const e of order.edits ?? [])
    for (const ch of e.changes) if (ch.lineItemId === lineId && ch.quantity < 0) n -= ch.quantity;
  return n;
}

export function refundedQuantity(order: Order, lineId: number): number {
  let n = 0;
  for (const r of order.refunds) for (const x of r.refundLineItems) if (x.lineItemId === lineId) n += x.quantity;
  return n;
}

/** LineItem.currentQuantity: "The number of units ordered, excluding refunded and removed units." */
export function currentQuantity(order: Order, line: LineItem): number {
  return line.quantity - removedQuantity(order, line.id) - refundedQuantity(order, line.id);
}

// Recently derived ledgers, by order identity (orders are replaced, never mutated, on
// change). Bounded: a bulk export of a million orders must not keep a million ledgers.
const CACHE_SIZE = 4096;
const cache = new Map<Order, LedgerAgreement[]>();

/** The order's agreements, in the order they happened (ties by id). */
export function orderLedger(order: Order): LedgerAgreement[] {
  const hit = cache.get(order);
  if (hit) return hit;
  const lines = new Map(order.lineItems.map((l) => [l.id, l]));
  const agreements: LedgerAgreement[] = [];

  // ---- placement ----
  const placed: LedgerSale[] = [];
  for (const line of [...order.lineItems].sort((a, b) => a.id - b.id)) {
    const added = addedByEdits(order, line.id);
    const quantity = line.quantity - added.quantity;
    if (quantity <= 0) continue;
    placed.push(
      productSale(
        ledgerId(SALE_SLOT.line, line.id),
        line,
        "ORDER",
        quantity,
        minus(c(line.totalDiscount), added.discount),
        minus(c(line.tax), added.tax),
      ),
    );
  }
  if (order.tip) {
    const tip = order.tip;
    placed.push({
      ...plainSale(
        ledgerId(SALE_SLOT.line, tip.lineItemId),
        "TipSale",
        "TIP",
        "ORDER",
        c(tip.amount),
        ZERO_CENTS,
        "0.0000",
        {
          lineItemId: tip.lineItemId,
        },
      ),
      quantity: 1,
    });
  }
  for (const s of order.shippingLines) {
    placed.push(
      plainSale(
        ledgerId(SALE_SLOT.shipping, s.id),
        "ShippingLineSale",
        "SHIPPING",
        "ORDER",
        c(s.price),
        c(s.tax),
        shippingRate(order),
        { shippingLineId: s.id },
      ),
    );
  }
  for (const d of order.duties ?? []) {
    placed.push(
      plainSale(ledgerId(SALE_SLOT.duty, d.id), "DutySale", "DUTY", "ORDER", c(d.price), ZERO_CENTS, "0.0000", {
        dutyId: d.id,
      }),
    );
  }
  for (const f of order.additionalFees ?? []) {
    placed.push(
      plainSale(
        ledgerId(SALE_SLOT.fee, f.id),
        "AdditionalFeeSale",
        "ADDITIONAL_FEE",
        "ORDER",
        c(f.price),
        ZERO_CENTS,
        "0.0000",
        { additionalFeeId: f.id },
      ),
    );
  }
  agreements.push({
    id: ledgerId(AGREEMENT_SLOT.order, order.id),
    typename: "OrderAgreement",
    reason: "ORDER",
    happenedAt: order.processedAt,
    sales: placed,
  });

  // ---- edits ----
  for (const e of order.edits ?? []) {
    const sales: LedgerSale[] = [];
    for (const ch of e.changes) {
      const line = lines.get(ch.lineItemId);
      if (!line || ch.quantity === 0) continue;
      sales.push(
        productSale(ledgerId(SALE_SLOT.editChange, ch.id), line, "UPDATE", ch.quantity, c(ch.discount), c(ch.tax)),
      );
    }
    agreements.push({
      id: ledgerId(AGREEMENT_SLOT.edit, e.id),
      typename: "OrderEditAgreement",
      reason: "ORDER_EDIT",
      happenedAt: e.createdAt,
      sales,
    });
  }

  // ---- returns: the goods of the refunds that settle them, on the return's date ----
  for (const ret of order.returns ?? []) {
    const sales = order.refunds.filter((r) => r.returnId === ret.id).flatMap((r) => refundLineSales(order, r, lines));
    agreements.push({
      id: ledgerId(AGREEMENT_SLOT.return, ret.id),
      typename: "ReturnAgreement",
      reason: "RETURN",
      happenedAt: ret.createdAt,
      returnId: ret.id,
      sales,
    });
  }

  // ---- refunds: refunded goods not booked by a return, and refunded shipping ----
  const returnIds = new Set((order.returns ?? []).map((r) => r.id));
  for (const r of order.refunds) {
    const viaReturn = r.returnId !== undefined && returnIds.has(r.returnId);
    agreements.push({
      id: ledgerId(AGREEMENT_SLOT.refund, r.id),
      typename: "RefundAgreement",
      reason: "REFUND",
      happenedAt: r.processedAt,
      refundId: r.id,
      sales: [...(viaReturn ? [] : refundLineSales(order, r, lines)), ...refundShippingSales(order, r)],
    });
  }

  agreements.sort((a, b) => (a.happenedAt < b.happenedAt ? -1 : a.happenedAt > b.happenedAt ? 1 : a.id - b.id));
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(order, agreements);
  return agreements;
}

/** Amounts that order edits removed from the order (positive): what current* totals drop besides refunds. */
export function removedByEdits(order: Order): { units: number; net: Cents; discount: Cents; tax: Cents } {
  const lines = new Map(order.lineItems.map((l) => [l.id, l]));
  let units = 0;
  let net = ZERO_CENTS;
  let discount = ZERO_CENTS;
  let tax = ZERO_CENTS;
  for (const e of order.edits ?? []) {
    for (const ch of e.changes) {
      const line = lines.get(ch.lineItemId);
      if (!line || ch.quantity >= 0) continue;
      const q = -ch.quantity;
      const d = neg(c(ch.discount));
      if (!line.isGiftCard) units += q;
      discount = plus(discount, d);
      net = plus(net, minus(times(c(line.originalUnitPrice), q), d));
      tax = plus(tax, neg(c(ch.tax)));
    }
  }
  return { units, net, discount, tax };
}
