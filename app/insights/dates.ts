// Local calendar dates (YYYY-MM-DD strings) in a shop's IANA time zone, and the
// day/week/month buckets of the series endpoints. Pure functions (luxon), no database.
import { DateTime } from "luxon";

export type Granularity = "day" | "week" | "month";
export const GRANULARITIES: readonly Granularity[] = ["day", "week", "month"];

/** Longest accepted range: 5 years including one or two leap days. */
export const MAX_RANGE_DAYS = 1827;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parse a strict YYYY-MM-DD calendar date (rejects 2026-02-30). */
export function parseLocalDate(value: string): DateTime | null {
  if (!ISO_DATE.test(value)) return null;
  const date = DateTime.fromISO(value, { zone: "UTC" });
  return date.isValid && date.toISODate() === value ? date : null;
}

function asDate(value: string): DateTime {
  const date = parseLocalDate(value);
  if (!date) throw new Error(`Not a YYYY-MM-DD date: ${value}`);
  return date;
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** The calendar date of an instant in the given IANA time zone. */
export function localDateOf(instant: Date | string, timeZone: string): string {
  const dt = typeof instant === "string" ? DateTime.fromISO(instant, { zone: "UTC" }) : DateTime.fromJSDate(instant);
  const local = dt.setZone(timeZone);
  if (!local.isValid) throw new Error(`Invalid instant or time zone: ${String(instant)} ${timeZone}`);
  return local.toISODate()!;
}

/** Today's date in the zone. */
export function localToday(timeZone: string, now: Date = new Date()): string {
  return localDateOf(now, timeZone);
}

export function addDays(date: string, days: number): string {
  return asDate(date).plus({ days }).toISODate()!;
}

/** Number of days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round(asDate(b).diff(asDate(a), "days").days);
}

/** Inclusive number of days in from..to. */
export function rangeLength(from: string, to: string): number {
  return daysBetween(from, to) + 1;
}

/** The range of equal length ending the day before `from`. */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const length = rangeLength(from, to);
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/** First day of the bucket holding `date`: itself, its Monday, or the 1st of its month. */
export function bucketStart(date: string, granularity: Granularity): string {
  const d = asDate(date);
  if (granularity === "day") return date;
  if (granularity === "week") return d.minus({ days: d.weekday - 1 }).toISODate()!; // luxon: Monday = 1
  return d.startOf("month").toISODate()!;
}

/** Every bucket start overlapping from..to, in order (for zero-filling). */
export function bucketStarts(from: string, to: string, granularity: Granularity): string[] {
  const starts: string[] = [];
  let cursor = asDate(bucketStart(from, granularity));
  const end = asDate(to);
  const step = granularity === "day" ? { days: 1 } : granularity === "week" ? { weeks: 1 } : { months: 1 };
  while (cursor <= end) {
    starts.push(cursor.toISODate()!);
    cursor = cursor.plus(step);
  }
  return starts;
}

/** Every date in from..to. */
export function datesInRange(from: string, to: string): string[] {
  return bucketStarts(from, to, "day");
}

/**
 * The whole calendar months inside from..to, as their first and last days, or null.
 * Long ranges read those from month rollups and only the partial months from days.
 */
export function wholeMonthsWithin(from: string, to: string): { start: string; end: string } | null {
  const start = from.endsWith("-01") ? from : addDays(bucketStart(from, "month"), 32).slice(0, 8) + "01";
  const afterTo = addDays(to, 1);
  const endExclusive = afterTo.endsWith("-01") ? afterTo : bucketStart(to, "month");
  if (start >= endExclusive) return null;
  return { start, end: addDays(endExclusive, -1) };
}
