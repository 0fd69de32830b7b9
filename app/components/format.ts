// Display formatting in the shop's currency and the user's locale. Money arrives as
// exact decimal strings; Intl formats strings without going through floats.
const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, options);
    } catch {
      format = new Intl.NumberFormat("en", options); // unknown locale tag
    }
    cache.set(key, format);
  }
  return format;
}

export function formatMoney(amount: string, currency: string, locale: string): string {
  // Intl accepts decimal strings (ES2023); the cast keeps older lib typings happy.
  return numberFormat(locale, { style: "currency", currency }).format(amount as unknown as number);
}

export function formatCount(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

export function formatRate(value: number, locale: string): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
}

/** A local calendar date (YYYY-MM-DD) for display; formatted in UTC so it never shifts a day. */
export function formatDate(
  date: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: "medium" },
): string {
  const [y, m, d] = date.split("-").map(Number);
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(new Date(Date.UTC(y!, m! - 1, d!)));
  } catch {
    return date;
  }
}

/** Relative change from previous to current, or null when there is no base to compare with. */
export function relativeChange(current: number, previous: number): number | null {
  if (previous === 0) return current === 0 ? 0 : null;
  return (current - previous) / Math.abs(previous);
}

/** The user's locale: Shopify's `locale` query parameter, else the browser's Accept-Language. */
export function requestLocale(request: Request): string {
  const fromShopify = new URL(request.url).searchParams.get("locale");
  const fromHeader = request.headers.get("Accept-Language")?.split(",")[0]?.split(";")[0]?.trim();
  const candidate = fromShopify || fromHeader || "en";
  try {
    return Intl.getCanonicalLocales(candidate)[0] ?? "en";
  } catch {
    return "en";
  }
}
