// Exact integer-cents arithmetic for the generator's hot path. A million orders
// with decimal.js objects for every amount took minutes; integers (never
// fractional floats) give the same exact, half-up-rounded results much faster.
// Everything outside the generator uses decimal.js (money.ts).

/** "12.34" → 1234. Accepts up to 2 decimals. */
export function toCents(amount: string): number {
  const neg = amount.startsWith("-");
  const [whole = "0", frac = ""] = (neg ? amount.slice(1) : amount).split(".");
  const c = Number(whole) * 100 + Number((frac + "00").slice(0, 2));
  return neg ? -c : c;
}

/** 1234 → "12.34". */
export function fromCents(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  return `${neg ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** A rate with up to 4 decimals ("0.0725", "1.3512") as an integer scaled by 10⁴. */
export function rateToScaled(rate: string): number {
  const [whole = "0", frac = ""] = rate.split(".");
  return Number(whole) * 10_000 + Number((frac + "0000").slice(0, 4));
}

/** cents × rate, rounded half-up to whole cents (non-negative inputs). */
export function mulScaled(cents: number, scaledRate: number): number {
  return Math.floor((cents * scaledRate + 5_000) / 10_000);
}

/** cents × percent / 100, rounded half-up (non-negative inputs). */
export function percentOf(cents: number, percent: number): number {
  return Math.floor((cents * percent + 50) / 100);
}

/**
 * Split `total` cents over `weights` so the parts sum to `total` exactly, as Shopify
 * allocates order discounts and taxes across line items: each part is its proportional
 * share rounded down, then "the remaining currency units that couldn't be divided
 * evenly are allocated one at a time, starting with the first line item" (Sale
 * interface, 2026-10 schema). Lines of zero weight get nothing.
 */
export function allocateCents(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let remaining = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; remaining > 0 && i < parts.length; i = (i + 1) % parts.length) {
    if (weights[i]! > 0) {
      parts[i]! += 1;
      remaining--;
    }
  }
  return parts;
}
