// Date-range presets of the Overview page, resolved against "today" in the shop's zone.
import { addDays, bucketStart } from "./dates";

export const DATE_PRESETS = [
  { id: "today", label: "Today" },
  { id: "last7", label: "Last 7 days" },
  { id: "last30", label: "Last 30 days" },
  { id: "last90", label: "Last 90 days" },
  { id: "thisMonth", label: "This month" },
  { id: "lastMonth", label: "Last month" },
  { id: "thisYear", label: "This year" },
  { id: "custom", label: "Custom" },
] as const;
export type DatePreset = (typeof DATE_PRESETS)[number]["id"];

export function isDatePreset(value: string | null): value is DatePreset {
  return DATE_PRESETS.some((preset) => preset.id === value);
}

/** from/to of a preset ("custom" has none: the caller keeps its own dates). */
export function resolvePreset(preset: Exclude<DatePreset, "custom">, today: string): { from: string; to: string } {
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "last7":
      return { from: addDays(today, -6), to: today };
    case "last30":
      return { from: addDays(today, -29), to: today };
    case "last90":
      return { from: addDays(today, -89), to: today };
    case "thisMonth":
      return { from: bucketStart(today, "month"), to: today };
    case "lastMonth": {
      const lastDay = addDays(bucketStart(today, "month"), -1);
      return { from: bucketStart(lastDay, "month"), to: lastDay };
    }
    case "thisYear":
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

/** The preset a range corresponds to (for showing the picker's state), else "custom". */
export function presetOf(range: { from: string; to: string }, today: string): DatePreset {
  for (const { id } of DATE_PRESETS) {
    if (id === "custom") continue;
    const r = resolvePreset(id, today);
    if (r.from === range.from && r.to === range.to) return id;
  }
  return "custom";
}
