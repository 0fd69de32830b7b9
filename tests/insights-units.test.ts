// Pure pieces of the insights module: rounding, parameters, CSV, buckets, touched days.
import { describe, expect, it } from "vitest";
import {
  bucketStart,
  bucketStarts,
  currencyMinorUnits,
  localDateOf,
  parseInsightsParams,
  previousRange,
  roundMoney,
  roundRate,
  averageMoney,
  toCsv,
  touchedLocalDates,
  wantsCsv,
} from "~/insights";

describe("money", () => {
  it("knows ISO 4217 minor units", () => {
    expect(currencyMinorUnits("USD")).toBe(2);
    expect(currencyMinorUnits("JPY")).toBe(0);
    expect(currencyMinorUnits("KWD")).toBe(3);
    expect(currencyMinorUnits("BHD")).toBe(3);
  });

  it("rounds half away from zero to the minor units", () => {
    expect(roundMoney("1.005", "USD")).toBe("1.01");
    expect(roundMoney("-1.005", "USD")).toBe("-1.01");
    expect(roundMoney("1.0049", "USD")).toBe("1.00");
    expect(roundMoney("2.5", "JPY")).toBe("3");
    expect(roundMoney("-2.5", "JPY")).toBe("-3");
    expect(roundMoney("1.2345", "KWD")).toBe("1.235");
    expect(roundMoney("-0.004", "USD")).toBe("0.00");
    expect(roundMoney("0", "KWD")).toBe("0.000");
    // exact decimal arithmetic: 0.1 + 0.2 style errors cannot appear
    expect(roundMoney("123456789012345.6750", "USD")).toBe("123456789012345.68");
  });

  it("averages and rates", () => {
    expect(averageMoney("10", 3, "USD")).toBe("3.33");
    expect(averageMoney("20", 3, "USD")).toBe("6.67");
    expect(averageMoney("5", 0, "USD")).toBe("0.00");
    expect(roundRate(1, 3)).toBe(0.3333);
    expect(roundRate(2, 3)).toBe(0.6667);
    expect(roundRate(1, 0)).toBe(0);
    expect(roundRate(5, 5)).toBe(1);
  });
});

describe("dates and buckets", () => {
  it("local dates follow the zone's DST rules", () => {
    expect(localDateOf(new Date("2026-11-02T04:30:00Z"), "America/New_York")).toBe("2026-11-01");
    expect(localDateOf(new Date("2026-11-02T05:30:00Z"), "America/New_York")).toBe("2026-11-02");
    expect(localDateOf(new Date("2026-03-29T23:30:00Z"), "Europe/London")).toBe("2026-03-30");
    expect(localDateOf(new Date("2026-03-28T23:30:00Z"), "Europe/London")).toBe("2026-03-28");
    expect(localDateOf("2026-01-01T10:00:00Z", "Pacific/Kiritimati")).toBe("2026-01-02");
  });

  it("weeks start on Monday, months on the 1st, every bucket listed", () => {
    expect(bucketStart("2026-11-01", "week")).toBe("2026-10-26"); // Sunday
    expect(bucketStart("2026-11-02", "week")).toBe("2026-11-02"); // Monday
    expect(bucketStart("2026-02-28", "month")).toBe("2026-02-01");
    expect(bucketStarts("2026-12-30", "2027-01-05", "week")).toEqual(["2026-12-28", "2027-01-04"]);
    expect(bucketStarts("2026-01-31", "2026-03-01", "month")).toEqual(["2026-01-01", "2026-02-01", "2026-03-01"]);
    expect(bucketStarts("2028-02-27", "2028-03-01", "day")).toEqual([
      "2028-02-27",
      "2028-02-28",
      "2028-02-29",
      "2028-03-01",
    ]);
  });

  it("previous period has equal length and ends the day before", () => {
    expect(previousRange("2026-03-01", "2026-03-31")).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(previousRange("2026-11-01", "2026-11-01")).toEqual({ from: "2026-10-31", to: "2026-10-31" });
  });

  it("touched days: old and new dates of changed orders and refunds, in the shop's zone", () => {
    expect(
      touchedLocalDates("America/New_York", [
        { previousProcessedAt: "2026-11-02T04:30:00Z", processedAt: new Date("2026-11-02T05:30:00Z") },
        { createdAt: "2026-11-04T12:00:00Z" },
        { previousCreatedAt: null, createdAt: "2026-11-04T13:00:00Z" },
      ]),
    ).toEqual(["2026-11-01", "2026-11-02", "2026-11-04"]);
  });
});

describe("parameters", () => {
  const now = new Date("2026-11-02T03:00:00Z"); // still 2026-11-01 in New York
  const parse = (query: string, defaultLimit?: number) =>
    parseInsightsParams(new URLSearchParams(query), { timeZone: "America/New_York", now, defaultLimit });

  it("defaults to the last 30 local days ending today in the shop's zone", () => {
    expect(parse("")).toEqual({
      ok: true,
      value: { from: "2026-10-03", to: "2026-11-01", granularity: "day", limit: 5 },
    });
    expect(parse("to=2026-01-30")).toMatchObject({ value: { from: "2026-01-01", to: "2026-01-30" } });
    expect(parse("from=2026-01-01&to=2026-01-01&granularity=month&limit=100", 10)).toMatchObject({
      value: { from: "2026-01-01", to: "2026-01-01", granularity: "month", limit: 100 },
    });
    expect(parse("", 10)).toMatchObject({ value: { limit: 10 } });
  });

  it.each([
    ["from=2026-13-01", "from"],
    ["from=2026-02-30", "from"],
    ["from=20260101", "from"],
    ["to=yesterday", "to"],
    ["from=2026-02-02&to=2026-02-01", "from"],
    ["from=2020-01-01&to=2025-01-01", "to"], // 1828 days
    ["granularity=year", "granularity"],
    ["granularity=", "granularity"],
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=5.5", "limit"],
    ["limit=abc", "limit"],
  ])("rejects %s naming %s", (query, parameter) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.parameter).toBe(parameter);
      expect(result.error).toContain(parameter);
    }
  });

  it("accepts exactly five years", () => {
    expect(parse("from=2021-01-01&to=2025-12-31").ok).toBe(true); // 1826 days
    expect(parse("from=2020-01-01&to=2024-12-31").ok).toBe(true); // 1827 days, two leap days
  });

  it("CSV by format or Accept", () => {
    expect(wantsCsv(new URLSearchParams("format=csv"), null)).toEqual({ ok: true, value: true });
    expect(wantsCsv(new URLSearchParams(""), "text/csv")).toEqual({ ok: true, value: true });
    expect(wantsCsv(new URLSearchParams(""), "application/json")).toEqual({ ok: true, value: false });
    expect(wantsCsv(new URLSearchParams("format=json"), "text/csv")).toEqual({ ok: true, value: false });
    expect(wantsCsv(new URLSearchParams("format=xml"), null)).toMatchObject({ ok: false, parameter: "format" });
  });
});

describe("csv", () => {
  it("writes a header and quotes what needs quoting", () => {
    const csv = toCsv(
      ["id", "name", "total"],
      [
        { id: "1", name: 'Ada "The Countess", Lovelace', total: "-1.50" },
        { id: "2", name: "Line\nbreak", total: "0.00" },
        { id: "3", name: null, total: "2" },
      ],
    );
    expect(csv).toBe('id,name,total\r\n1,"Ada ""The Countess"", Lovelace",-1.50\r\n2,"Line\nbreak",0.00\r\n3,,2\r\n');
  });
});

describe("whole months inside a range", () => {
  it("splits long ranges into whole months and partial ends", async () => {
    const { wholeMonthsWithin } = await import("~/insights");
    expect(wholeMonthsWithin("2025-11-29", "2026-11-28")).toEqual({ start: "2025-12-01", end: "2026-10-31" });
    expect(wholeMonthsWithin("2026-01-01", "2026-01-31")).toEqual({ start: "2026-01-01", end: "2026-01-31" });
    expect(wholeMonthsWithin("2026-01-31", "2026-03-01")).toEqual({ start: "2026-02-01", end: "2026-02-28" });
    expect(wholeMonthsWithin("2026-01-02", "2026-01-30")).toBeNull();
    expect(wholeMonthsWithin("2026-11-01", "2026-11-04")).toBeNull();
  });
});
