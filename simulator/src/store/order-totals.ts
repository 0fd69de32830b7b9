// Derived money of an order, computed from its lines the way Shopify defines
// them (taxes added on top, i.e. taxesIncluded = false):
//   subtotal       = Σ line (unit × qty − line discounts)
//   totalDiscounts = Σ line discounts
//   totalTax       = Σ line tax + Σ shipping tax
//   totalShipping  = Σ shipping price
//   total          = subtotal + shipping + tax
//   totalRefunded  = Σ refunds (line subtotals + line tax + shipping + shipping tax)
import { addPairs, mulPair, subPairs, ZERO, type MoneyPair } from "./money.js";
import type { LineItem, Order, Refund } from "./types.js";

export interface OrderTotals {
  subtotal: MoneyPair;
  totalDiscounts: MoneyPair;
  totalTax: MoneyPair;
  totalShipping: MoneyPair;
  total: MoneyPair;
  totalRefunded: MoneyPair;
  /** total − refunded. */
  currentTotal: MoneyPair;
  lineItemsQuantity: number;
}

export function lineOriginalTotal(line: LineItem): MoneyPair {
  return mulPair(line.originalUnitPrice, line.quantity);
}

export function lineDiscountedTotal(line: LineItem): MoneyPair {
  return subPairs(lineOriginalTotal(line), line.totalDiscount);
}

export function refundTotal(refund: Refund): MoneyPair {
  return addPairs(
    ZERO,
    ...refund.refundLineItems.flatMap((r) => [r.subtotal, r.totalTax]),
    ...refund.refundShippingLines.flatMap((s) => [s.subtotal, s.tax]),
  );
}

// Totals are asked for many times per order while paging; orders are replaced
// (not mutated in place) on change, so caching by object identity is safe.
const cache = new WeakMap<Order, OrderTotals>();

export function orderTotals(order: Order): OrderTotals {
  const hit = cache.get(order);
  if (hit) return hit;
  const subtotal = addPairs(ZERO, ...order.lineItems.map(lineDiscountedTotal));
  const totalDiscounts = addPairs(ZERO, ...order.lineItems.map((l) => l.totalDiscount));
  const totalTax = addPairs(ZERO, ...order.lineItems.map((l) => l.tax), ...order.shippingLines.map((s) => s.tax));
  const totalShipping = addPairs(ZERO, ...order.shippingLines.map((s) => s.price));
  const total = addPairs(subtotal, totalShipping, totalTax);
  const totalRefunded = addPairs(ZERO, ...order.refunds.map(refundTotal));
  const totals: OrderTotals = {
    subtotal,
    totalDiscounts,
    totalTax,
    totalShipping,
    total,
    totalRefunded,
    currentTotal: subPairs(total, totalRefunded),
    lineItemsQuantity: order.lineItems.reduce((n, l) => n + l.quantity, 0),
  };
  cache.set(order, totals);
  return totals;
}

/** Shopify's displayFinancialStatus for paid orders with refunds. */
export function financialStatus(order: Order): "PAID" | "PARTIALLY_REFUNDED" | "REFUNDED" | "VOIDED" {
  const t = orderTotals(order);
  if (order.cancelledAt && order.refunds.length === 0) return "VOIDED";
  if (order.refunds.length === 0 || Number(t.totalRefunded.shop) === 0) return "PAID";
  return Number(t.currentTotal.shop) <= 0 ? "REFUNDED" : "PARTIALLY_REFUNDED";
}
