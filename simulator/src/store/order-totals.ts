// Derived money of an order, computed from its lines the way Shopify defines
// them (taxes added on top, i.e. taxesIncluded = false):
//   subtotal       = Σ line (unit × qty − line discounts)
//   totalDiscounts = Σ line discounts (line-level and order-level allocations)
//   totalTax       = Σ line tax + Σ shipping tax
//   totalShipping  = Σ shipping price
//   total          = subtotal + shipping + tax + tip + duties + additional fees
//   totalRefunded  = Σ refunds (line subtotals + line tax + shipping + shipping tax)
// Units an order edit removed stay in the line's quantity and these original totals;
// only the current* amounts drop (recorded: 2026-04/orders/order-edit-money-math.json).
// Every stored amount has at most two decimals (the fixture schema and the
// mutations guarantee it), so these sums and products are exact in integer
// cents; that is several times faster than decimal.js objects on hot paths
// such as bulk exports of a million orders.
import { fromCents, toCents } from "./cents.js";
import type { MoneyPair } from "./money.js";
import { removedByEdits } from "./ledger.js";
import type { DiscountApplication, LineItem, Order, Refund } from "./types.js";

export interface OrderTotals {
  subtotal: MoneyPair;
  totalDiscounts: MoneyPair;
  totalTax: MoneyPair;
  totalShipping: MoneyPair;
  /** Order.totalTipReceivedSet. */
  totalTip: MoneyPair;
  /** Σ duties (Order.originalTotalDutiesSet; duties are never refunded in the simulator, so also current). */
  totalDuties: MoneyPair;
  /** Σ additional fees (Order.originalTotalAdditionalFeesSet, also current). */
  totalAdditionalFees: MoneyPair;
  total: MoneyPair;
  totalRefunded: MoneyPair;
  /** total − refunded − what edits removed (net + tax). */
  currentTotal: MoneyPair;
  /** subtotal − refunded and removed line subtotals (REST current_subtotal_price, GraphQL currentSubtotalPriceSet). */
  currentSubtotal: MoneyPair;
  /** totalDiscounts − the discounts on refunded and removed units (REST current_total_discounts). */
  currentTotalDiscounts: MoneyPair;
  /** totalTax − refunded line and shipping tax − removed units' tax (REST current_total_tax). */
  currentTotalTax: MoneyPair;
  /** Σ shipping − refunded shipping (Order.currentShippingPriceSet; totalRefundedShippingSet is the difference). */
  currentShipping: MoneyPair;
  totalRefundedShipping: MoneyPair;
  /** Σ quantity of every line (the TOTAL_ITEMS_QUANTITY sort). */
  lineItemsQuantity: number;
  /** Σ quantity of lines that count toward the subtotal: gift cards excluded (Order.subtotalLineItemsQuantity). */
  subtotalLineItemsQuantity: number;
  /** The same less refunded units (Order.currentSubtotalLineItemsQuantity). */
  currentSubtotalLineItemsQuantity: number;
}

/** A money pair as integer cents [shop, presentment]. */
type Cents = [number, number];

const c = (p: MoneyPair): Cents => [toCents(p.shop), toCents(p.presentment)];
const pair = ([shop, presentment]: Cents): MoneyPair => ({
  shop: fromCents(shop),
  presentment: fromCents(presentment),
});
const add = (a: Cents, b: Cents): Cents => [a[0] + b[0], a[1] + b[1]];
const sum = (items: Cents[]): Cents => items.reduce(add, [0, 0]);

function originalCents(line: LineItem): Cents {
  const unit = c(line.originalUnitPrice);
  return [unit[0] * line.quantity, unit[1] * line.quantity];
}

function discountedCents(line: LineItem): Cents {
  const original = originalCents(line);
  const discount = c(line.totalDiscount);
  return [original[0] - discount[0], original[1] - discount[1]];
}

function refundCents(refund: Refund): Cents {
  return sum([
    ...refund.refundLineItems.flatMap((r) => [c(r.subtotal), c(r.totalTax)]),
    ...refund.refundShippingLines.flatMap((s) => [c(s.subtotal), c(s.tax)]),
  ]);
}

export function lineOriginalTotal(line: LineItem): MoneyPair {
  return pair(originalCents(line));
}

export function lineDiscountedTotal(line: LineItem): MoneyPair {
  return pair(discountedCents(line));
}

/**
 * Discounts that count as the line's own on Shopify: allocations from
 * line-level applications (targetSelection ENTITLED/EXPLICIT). LineItem.totalDiscountSet
 * "doesn't include order-level discounts" (2026-10 schema description), so an
 * order-level code's allocation shows only in LineItem.discountAllocations.
 */
export function lineLevelDiscount(line: LineItem, order: Order, includeCodes = true): MoneyPair {
  let shop = 0;
  let presentment = 0;
  for (const a of line.discountAllocations) {
    const app = order.discountApplications[a.applicationIndex];
    if (!app || app.level !== "line") continue;
    if (!includeCodes && discountKind(app) === "code") continue;
    shop += toCents(a.amount.shop);
    presentment += toCents(a.amount.presentment);
  }
  return pair([shop, presentment]);
}

/**
 * Order.cartDiscountAmountSet: "discounts applied to the entire order" at creation
 * (2026-10 schema) — the allocations of the order-level applications; null when there are none.
 */
export function orderLevelDiscount(order: Order): MoneyPair | null {
  if (!order.discountApplications.some((a) => a.level === "order")) return null;
  let shop = 0;
  let presentment = 0;
  for (const l of order.lineItems) {
    for (const a of l.discountAllocations) {
      if (order.discountApplications[a.applicationIndex]?.level !== "order") continue;
      shop += toCents(a.amount.shop);
      presentment += toCents(a.amount.presentment);
    }
  }
  return pair([shop, presentment]);
}

/**
 * LineItem.discountedTotalSet: original total less line-level discounts. The
 * schema: "This value doesn't include order-level discounts. Code-based
 * discounts aren't included by default." — so line-level codes stay out too.
 */
export function lineDiscountedTotalExcludingOrderLevel(line: LineItem, order: Order): MoneyPair {
  const original = originalCents(line);
  const own = c(lineLevelDiscount(line, order, false));
  return pair([original[0] - own[0], original[1] - own[1]]);
}

export function discountKind(app: DiscountApplication): "code" | "automatic" | "manual" {
  return app.kind ?? (app.code ? "code" : "manual");
}

export function refundTotal(refund: Refund): MoneyPair {
  return pair(refundCents(refund));
}

// Totals are asked for many times per order while paging; orders are replaced
// (not mutated in place) on change, so caching by object identity is safe.
const cache = new WeakMap<Order, OrderTotals>();

export function orderTotals(order: Order): OrderTotals {
  const hit = cache.get(order);
  if (hit) return hit;
  const subtotal = sum(order.lineItems.map(discountedCents));
  const totalDiscounts = sum(order.lineItems.map((l) => c(l.totalDiscount)));
  const totalTax = sum([...order.lineItems.map((l) => c(l.tax)), ...order.shippingLines.map((s) => c(s.tax))]);
  const totalShipping = sum(order.shippingLines.map((s) => c(s.price)));
  const totalTip: Cents = order.tip ? c(order.tip.amount) : [0, 0];
  const totalDuties = sum((order.duties ?? []).map((d) => c(d.price)));
  const totalAdditionalFees = sum((order.additionalFees ?? []).map((f) => c(f.price)));
  const total = sum([subtotal, totalShipping, totalTax, totalTip, totalDuties, totalAdditionalFees]);
  const totalRefunded = sum(order.refunds.map(refundCents));
  // What refunds take off the current_* amounts: each refunded unit's discounted price, its
  // discount (unit price × units − refunded subtotal) and its tax; refunded shipping's tax.
  let refundedSubtotal: Cents = [0, 0];
  let refundedDiscount: Cents = [0, 0];
  let refundedTax: Cents = [0, 0];
  let refundedSubtotalUnits = 0;
  let refundedShipping: Cents = [0, 0];
  const lines = new Map(order.lineItems.map((l) => [l.id, l]));
  for (const r of order.refunds) {
    for (const x of r.refundLineItems) {
      const line = lines.get(x.lineItemId);
      const sub = c(x.subtotal);
      refundedSubtotal = add(refundedSubtotal, sub);
      refundedTax = add(refundedTax, c(x.totalTax));
      if (!line) continue;
      const unit = c(line.originalUnitPrice);
      refundedDiscount = add(refundedDiscount, [unit[0] * x.quantity - sub[0], unit[1] * x.quantity - sub[1]]);
      if (!line.isGiftCard) refundedSubtotalUnits += x.quantity;
    }
    for (const x of r.refundShippingLines) {
      refundedTax = add(refundedTax, c(x.tax));
      refundedShipping = add(refundedShipping, c(x.subtotal));
    }
  }
  const removed = removedByEdits(order);
  refundedSubtotal = add(refundedSubtotal, removed.net);
  refundedDiscount = add(refundedDiscount, removed.discount);
  refundedTax = add(refundedTax, removed.tax);
  refundedSubtotalUnits += removed.units;
  const minus = (a: Cents, b: Cents): MoneyPair => pair([a[0] - b[0], a[1] - b[1]]);
  const subtotalLineItemsQuantity = order.lineItems.reduce((n, l) => n + (l.isGiftCard ? 0 : l.quantity), 0);
  const totals: OrderTotals = {
    subtotal: pair(subtotal),
    totalDiscounts: pair(totalDiscounts),
    totalTax: pair(totalTax),
    totalShipping: pair(totalShipping),
    totalTip: pair(totalTip),
    totalDuties: pair(totalDuties),
    totalAdditionalFees: pair(totalAdditionalFees),
    total: pair(total),
    totalRefunded: pair(totalRefunded),
    currentTotal: pair([
      total[0] - totalRefunded[0] - removed.net[0] - removed.tax[0],
      total[1] - totalRefunded[1] - removed.net[1] - removed.tax[1],
    ]),
    currentShipping: minus(totalShipping, refundedShipping),
    totalRefundedShipping: pair(refundedShipping),
    currentSubtotal: minus(subtotal, refundedSubtotal),
    currentTotalDiscounts: minus(totalDiscounts, refundedDiscount),
    currentTotalTax: minus(totalTax, refundedTax),
    lineItemsQuantity: order.lineItems.reduce((n, l) => n + l.quantity, 0),
    subtotalLineItemsQuantity,
    currentSubtotalLineItemsQuantity: subtotalLineItemsQuantity - refundedSubtotalUnits,
  };
  cache.set(order, totals);
  return totals;
}

/**
 * Shop-currency total and refunded amount in cents, without building the full
 * totals: sorting a million orders by price needs only these numbers.
 */
export function orderTotalCents(order: Order): { total: number; refunded: number } {
  let total = 0;
  for (const l of order.lineItems)
    total += toCents(l.originalUnitPrice.shop) * l.quantity - toCents(l.totalDiscount.shop) + toCents(l.tax.shop);
  for (const s of order.shippingLines) total += toCents(s.price.shop) + toCents(s.tax.shop);
  if (order.tip) total += toCents(order.tip.amount.shop);
  for (const d of order.duties ?? []) total += toCents(d.price.shop);
  for (const f of order.additionalFees ?? []) total += toCents(f.price.shop);
  let refunded = 0;
  for (const r of order.refunds) {
    for (const x of r.refundLineItems) refunded += toCents(x.subtotal.shop) + toCents(x.totalTax.shop);
    for (const x of r.refundShippingLines) refunded += toCents(x.subtotal.shop) + toCents(x.tax.shop);
  }
  if (order.edits?.length) {
    const removed = removedByEdits(order);
    refunded += removed.net[0] + removed.tax[0];
  }
  return { total, refunded };
}

/** Shopify's displayFinancialStatus for paid orders with refunds. */
export function financialStatus(order: Order): "PAID" | "PARTIALLY_REFUNDED" | "REFUNDED" | "VOIDED" {
  const t = orderTotals(order);
  if (order.cancelledAt && order.refunds.length === 0) return "VOIDED";
  const refunded = toCents(t.totalRefunded.shop);
  if (order.refunds.length === 0 || refunded === 0) return "PAID";
  return toCents(t.currentTotal.shop) <= 0 ? "REFUNDED" : "PARTIALLY_REFUNDED";
}
