// Bad input refused before it reaches a query or a spreadsheet (pure logic, no database):
// CSV formula injection and the calendar the dashboard parameters accept.
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env";
import { parseInsightsParams, toCsv } from "~/insights";

describe("CSV formula injection (OWASP CSV Injection)", () => {
  const cells = (value: string | number) => toCsv(["v"], [{ v: value }]).split("\r\n")[1];

  it.each(['=HYPERLINK("http://evil","x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTAB", "\r=1"])(
    "prefixes and quotes a text cell starting with a formula character: %j",
    (value) => {
      const cell = cells(value);
      expect(cell.startsWith(`"'`)).toBe(true);
      // The original text follows the apostrophe, quotes doubled.
      expect(cell).toBe(`"'${value.replace(/"/g, '""')}"`);
    },
  );

  it("keeps numbers numeric, negative amounts included", () => {
    expect(cells("-12.50")).toBe("-12.50");
    expect(cells(-3)).toBe("-3");
    expect(cells("0.00")).toBe("0.00");
    expect(cells("Ada")).toBe("Ada");
    expect(cells("a=b")).toBe("a=b");
  });
});

describe("dashboard dates stay in a sane calendar (1970-01-01 … 2100-12-31)", () => {
  const parse = (query: string) =>
    parseInsightsParams(new URLSearchParams(query), { timeZone: "UTC", now: new Date("2026-06-15T12:00:00Z") });

  it.each([
    ["from=0001-01-01&to=0001-01-31", "to"],
    ["from=1969-12-31&to=1970-01-10", "from"],
    ["from=9999-01-01&to=9999-12-31", "to"],
    ["from=2100-12-31&to=2101-01-01", "to"],
  ])("refuses %s naming %s", (query, parameter) => {
    const result = parse(query);
    expect(result).toMatchObject({ ok: false, parameter });
  });

  it("accepts the bounds themselves, and a default range that would start before 1970 starts at 1970-01-01", () => {
    expect(parse("from=1970-01-01&to=1970-01-31")).toMatchObject({
      ok: true,
      value: { from: "1970-01-01", to: "1970-01-31" },
    });
    expect(parse("from=2100-12-01&to=2100-12-31").ok).toBe(true);
    expect(parse("to=1970-01-05")).toMatchObject({ ok: true, value: { from: "1970-01-01", to: "1970-01-05" } });
  });
});

describe("encryption key configuration", () => {
  const base = {
    SHOPIFY_API_KEY: "k",
    SHOPIFY_API_SECRET: "s",
    SHOPIFY_APP_URL: "https://app.example.com",
    SCOPES: "read_orders",
    DATABASE_URL: "postgresql://db/x",
  };
  const key = Buffer.alloc(32, 7).toString("base64");

  it("is required in production and must be 32 bytes of base64; the error never echoes the value", () => {
    expect(() => parseEnv({ ...base, NODE_ENV: "production" })).toThrow(/STOREPULSE_ENCRYPTION_KEY/);
    const short = Buffer.alloc(16, 1).toString("base64");
    expect(() => parseEnv({ ...base, STOREPULSE_ENCRYPTION_KEY: short })).toThrow(
      /STOREPULSE_ENCRYPTION_KEY is invalid/,
    );
    try {
      parseEnv({ ...base, STOREPULSE_ENCRYPTION_KEY: short });
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
    }
    expect(() =>
      parseEnv({ ...base, STOREPULSE_ENCRYPTION_KEY: key, STOREPULSE_ENCRYPTION_KEYS: `${key},nope` }),
    ).toThrow(/STOREPULSE_ENCRYPTION_KEYS/);
    expect(
      parseEnv({ ...base, NODE_ENV: "production", STOREPULSE_ENCRYPTION_KEY: key }).STOREPULSE_ENCRYPTION_KEY,
    ).toBe(key);
  });
});

describe("simulator and embedded database guards", () => {
  const base = {
    SHOPIFY_API_KEY: "k",
    SHOPIFY_API_SECRET: "s",
    SHOPIFY_APP_URL: "https://app.example.com",
    SCOPES: "read_orders",
  };
  const key = Buffer.alloc(32, 7).toString("base64");

  it("accepts only a loopback simulator origin", () => {
    for (const url of ["http://127.0.0.1:4000", "http://localhost:4000", "https://[::1]:4000"]) {
      expect(parseEnv({ ...base, SHOPIFY_SIMULATOR_URL: url }).simulatorOrigin).toBe(new URL(url).origin);
    }
    for (const url of [
      "http://sim.example.com:4000",
      "http://10.0.0.5:4000",
      "ftp://127.0.0.1:21",
      "http://127.0.0.1.evil.com",
    ]) {
      expect(() => parseEnv({ ...base, SHOPIFY_SIMULATOR_URL: url }), url).toThrow(/SHOPIFY_SIMULATOR_URL/);
    }
  });

  it("refuses the embedded database in production", () => {
    expect(() => parseEnv({ ...base, NODE_ENV: "production", STOREPULSE_ENCRYPTION_KEY: key })).toThrow(/DATABASE_URL/);
    expect(
      parseEnv({ ...base, NODE_ENV: "production", STOREPULSE_ENCRYPTION_KEY: key, DATABASE_URL: "postgresql://db/x" })
        .NODE_ENV,
    ).toBe("production");
  });
});
