// Money is always a decimal string ("12.30"), never a float: Shopify's Decimal
// scalar is a string and sums of prices must not drift. decimal.js does the math.
import Decimal from "decimal.js";
import { allocateCents } from "./cents.js";

/** An amount in the shop's currency and the same amount in the order's presentment currency. */
export interface MoneyPair {
  shop: string;
  presentment: string;
}

export const ZERO: MoneyPair = { shop: "0.00", presentment: "0.00" };

/** Two decimals, half-up like Shopify's currency rounding for 2-decimal currencies. */
export function fmt(value: Decimal.Value): string {
  return new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export function addPairs(...pairs: MoneyPair[]): MoneyPair {
  let shop = new Decimal(0);
  let presentment = new Decimal(0);
  for (const p of pairs) {
    shop = shop.plus(p.shop);
    presentment = presentment.plus(p.presentment);
  }
  return { shop: fmt(shop), presentment: fmt(presentment) };
}

export function subPairs(a: MoneyPair, b: MoneyPair): MoneyPair {
  return {
    shop: fmt(new Decimal(a.shop).minus(b.shop)),
    presentment: fmt(new Decimal(a.presentment).minus(b.presentment)),
  };
}

export function mulPair(a: MoneyPair, factor: Decimal.Value): MoneyPair {
  return {
    shop: fmt(new Decimal(a.shop).times(factor)),
    presentment: fmt(new Decimal(a.presentment).times(factor)),
  };
}

/** A shop-currency amount converted at `rate` (presentment units per shop unit). */
export function pairFromShop(shopAmount: Decimal.Value, rate: Decimal.Value): MoneyPair {
  const shop = new Decimal(shopAmount);
  return { shop: fmt(shop), presentment: fmt(shop.times(rate)) };
}

/**
 * Splits `total` over `weights` so the parts sum exactly to `total`: how an
 * order-level discount is allocated to line items (allocateCents: floors, then the
 * remaining cents one at a time from the first line, as Shopify's Sale docs state).
 */
export function allocate(total: string, weights: Decimal.Value[]): string[] {
  const cents = new Decimal(total).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  // Weights are amounts with at most two decimals: scale them to whole cents for integer math.
  const scaled = weights.map((w) => new Decimal(w).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
  return allocateCents(cents, scaled).map((c) => fmt(new Decimal(c).div(100)));
}

export function sumStrings(values: string[]): string {
  return fmt(values.reduce((acc, v) => acc.plus(v), new Decimal(0)));
}

export { Decimal };

/**
 * An amount as Shopify serialises its `Decimal` scalar (MoneyV2.amount) in
 * GraphQL: trailing zeros trimmed, at least one decimal place — "55.0", "0.0",
 * "7.25", "949.95". Recorded throughout simulator/test/recordings/ (e.g.
 * 2025-01/orders/order-create-line-item-fields.json: subtotal "24.0", discount
 * "0.0"). The older `Money` scalar (ProductVariant.price) keeps two places
 * ("25.00", "0.00" in 2026-04/products/product-relationship-roots-mutation-preflight.json),
 * and REST webhook bodies use two places; stored amounts stay two-place strings.
 */
export function graphqlDecimal(amount: string): string {
  const neg = amount.startsWith("-");
  const body = neg ? amount.slice(1) : amount;
  const [whole = "0", frac = ""] = body.split(".");
  const trimmed = frac.replace(/0+$/, "");
  const out = `${whole}.${trimmed === "" ? "0" : trimmed}`;
  return neg && out !== "0.0" ? `-${out}` : out;
}
