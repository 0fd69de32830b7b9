// Money and rate rounding. Sums are exact (decimal.js over numeric(20,4) strings);
// only final results are rounded, half away from zero (Decimal.ROUND_HALF_UP rounds
// ties away from zero for negative numbers too).
import DecimalJs from "decimal.js";

// decimal.js rounds every result to 20 significant digits by default; sums of
// numeric(20,4) need more, so this module's Decimal carries 40.
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace Decimal {
  type Value = DecimalJs.Value;
}

const minorUnitsCache = new Map<string, number>();

/** ISO 4217 minor units of a currency (USD 2, JPY 0, KWD 3), as Intl knows them. */
export function currencyMinorUnits(currency: string): number {
  const code = currency.toUpperCase();
  let digits = minorUnitsCache.get(code);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2; // unknown code: the most common case rather than failing a whole report
    }
    minorUnitsCache.set(code, digits);
  }
  return digits;
}

/** Exact decimal from a SQL numeric rendered as text (null → 0). */
export function toDecimal(value: string | number | Decimal | null | undefined): Decimal {
  if (value === null || value === undefined || value === "") return new Decimal(0);
  return new Decimal(value);
}

/** Decimal string rounded half away from zero to the currency's minor units. */
export function roundMoney(value: Decimal.Value, currency: string): string {
  const rounded = new Decimal(value).toDecimalPlaces(currencyMinorUnits(currency), Decimal.ROUND_HALF_UP);
  // "-0.00" is not a useful answer
  return (rounded.isZero() ? new Decimal(0) : rounded).toFixed(currencyMinorUnits(currency));
}

/** A rate as a number rounded half away from zero to 4 decimals; 0 when the denominator is 0. */
export function roundRate(numerator: Decimal.Value, denominator: Decimal.Value): number {
  const den = new Decimal(denominator);
  if (den.isZero()) return 0;
  return new Decimal(numerator).div(den).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber();
}

/** a / count rounded to money; 0 when count is 0 (averageOrderValue). */
export function averageMoney(total: Decimal.Value, count: number, currency: string): string {
  if (count === 0) return roundMoney(0, currency);
  return roundMoney(new Decimal(total).div(count), currency);
}
