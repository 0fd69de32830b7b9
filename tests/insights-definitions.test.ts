// One text of the definitions: docs/metrics.md quotes every figure's definition and
// computation from app/insights/definitions.ts (what the Overview's popovers show)
// verbatim, and cites every source the definitions name.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { METRIC_DEFINITIONS, METRIC_KEYS, REPORTED_APART, SALES_BREAKDOWN, SOURCES } from "~/insights/definitions";

const doc = readFileSync(path.resolve(__dirname, "../docs/metrics.md"), "utf8");
// Prettier may wrap prose: compare with runs of whitespace collapsed.
const flat = (text: string) => text.replace(/\s+/g, " ");

describe("docs/metrics.md and app/insights/definitions.ts", () => {
  it.each(METRIC_KEYS)("%s: the page quotes its definition and computation", (key) => {
    const d = METRIC_DEFINITIONS[key];
    expect(d.key).toBe(key);
    expect(flat(doc)).toContain(`### ${d.label} (\`${key}\`)`);
    expect(flat(doc)).toContain(flat(d.definition));
    expect(flat(doc)).toContain(flat(d.ledger));
    for (const source of d.sources) expect(doc).toContain(SOURCES[source]);
  });

  it("the breakdown runs gross → discounts → returns → net → shipping → taxes → total, tips and gift cards apart", () => {
    const order = ["grossSales", "discounts", "returns", "netSales", "shipping", "taxes", "totalSales"];
    const positions = order.map((key) => SALES_BREAKDOWN.indexOf(key as (typeof SALES_BREAKDOWN)[number]));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect([...REPORTED_APART]).toEqual(["tips", "giftCardSales"]);
    for (const key of REPORTED_APART) expect(SALES_BREAKDOWN).not.toContain(key);
  });
});
