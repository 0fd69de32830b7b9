// Query parameters of the dashboard endpoints, validated with zod. Errors name the
// offending parameter so the API can answer 400 { error, parameter }.
import { z } from "zod";
import {
  GRANULARITIES,
  MAX_RANGE_DAYS,
  addDays,
  localToday,
  parseLocalDate,
  rangeLength,
  type Granularity,
} from "./dates";

export const DEFAULT_RANGE_DAYS = 30;

export interface RangeParams {
  from: string;
  to: string;
}
export interface InsightsParams extends RangeParams {
  granularity: Granularity;
  limit: number;
}

export type ParamsResult<T> = { ok: true; value: T } | { ok: false; error: string; parameter: string };

/**
 * The calendar the API answers for. Outside it nothing is stored (Shopify began in 2006)
 * and derived dates (the previous period) can leave what PostgreSQL and luxon accept:
 * year 1 answered 500 before this bound.
 */
export const MIN_DATE = "1970-01-01";
export const MAX_DATE = "2100-12-31";

const dateSchema = z
  .string()
  .refine((value) => parseLocalDate(value) !== null, { message: "must be a calendar date in YYYY-MM-DD form" })
  .refine((value) => value >= MIN_DATE && value <= MAX_DATE, {
    message: `must be between ${MIN_DATE} and ${MAX_DATE}`,
  });
const granularitySchema = z.enum(GRANULARITIES as [Granularity, ...Granularity[]], {
  message: `must be one of ${GRANULARITIES.join(", ")}`,
});
const limitSchema = z
  .string()
  .regex(/^\d+$/, { message: "must be an integer from 1 to 100" })
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(1, { message: "must be an integer from 1 to 100" })
      .max(100, { message: "must be an integer from 1 to 100" }),
  );

function fail<T>(parameter: string, message: string): ParamsResult<T> {
  return { ok: false, parameter, error: `${parameter} ${message}` };
}

function check<S extends z.ZodType>(schema: S, parameter: string, raw: string): ParamsResult<z.output<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return fail(parameter, parsed.error.issues[0]?.message ?? "is invalid");
}

/**
 * from/to (default: the last 30 local days ending today in the shop's zone),
 * granularity (default day) and limit (default `defaultLimit`).
 */
export function parseInsightsParams(
  search: URLSearchParams,
  options: { timeZone: string; now?: Date; defaultLimit?: number },
): ParamsResult<InsightsParams> {
  const today = localToday(options.timeZone, options.now);
  const rawFrom = search.get("from");
  const rawTo = search.get("to");

  let to = today;
  if (rawTo !== null) {
    const parsed = check(dateSchema, "to", rawTo);
    if (!parsed.ok) return parsed;
    to = parsed.value;
  }
  let from = addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from < MIN_DATE) from = MIN_DATE;
  if (rawFrom !== null) {
    const parsed = check(dateSchema, "from", rawFrom);
    if (!parsed.ok) return parsed;
    from = parsed.value;
  }
  if (from > to) return fail("from", "must not be after to");
  if (rangeLength(from, to) > MAX_RANGE_DAYS) return fail("to", "must be at most 5 years after from");

  let granularity: Granularity = "day";
  const rawGranularity = search.get("granularity");
  if (rawGranularity !== null) {
    const parsed = check(granularitySchema, "granularity", rawGranularity);
    if (!parsed.ok) return parsed;
    granularity = parsed.value;
  }

  let limit = options.defaultLimit ?? 5;
  const rawLimit = search.get("limit");
  if (rawLimit !== null) {
    const parsed = check(limitSchema, "limit", rawLimit);
    if (!parsed.ok) return parsed;
    limit = parsed.value;
  }
  return { ok: true, value: { from, to, granularity, limit } };
}

/** CSV when `?format=csv` or the client asks for text/csv; `format` other than csv/json is an error. */
export function wantsCsv(search: URLSearchParams, accept: string | null): ParamsResult<boolean> {
  const format = search.get("format");
  if (format !== null) {
    if (format === "csv") return { ok: true, value: true };
    if (format === "json") return { ok: true, value: false };
    return fail("format", "must be csv or json");
  }
  return { ok: true, value: (accept ?? "").toLowerCase().includes("text/csv") };
}
