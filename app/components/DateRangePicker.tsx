// Preset or custom date range, kept in the URL (?preset= or ?from=&to=) so the view
// can be bookmarked and the loader does the work.
import { useState } from "react";
import { Button, InlineStack, Select, TextField } from "@shopify/polaris";
import { DATE_PRESETS, type DatePreset } from "~/insights/presets";

export interface DateRangePickerProps {
  preset: DatePreset;
  from: string;
  to: string;
  onChange: (change: { preset: DatePreset } | { from: string; to: string }) => void;
}

export function DateRangePicker({ preset, from, to, onChange }: DateRangePickerProps) {
  const [mode, setMode] = useState<DatePreset>(preset);
  const [customFrom, setCustomFrom] = useState(from);
  const [customTo, setCustomTo] = useState(to);
  // A new range from the URL (navigation) resets the local edits: adjust state while
  // rendering, as React recommends, rather than in an effect (one render, not two).
  const [shown, setShown] = useState({ preset, from, to });
  if (shown.preset !== preset || shown.from !== from || shown.to !== to) {
    setShown({ preset, from, to });
    setMode(preset);
    setCustomFrom(from);
    setCustomTo(to);
  }
  const invalid = !customFrom || !customTo || customFrom > customTo;
  return (
    <InlineStack gap="200" blockAlign="end" wrap>
      <Select
        label="Date range"
        options={DATE_PRESETS.map((p) => ({ label: p.label, value: p.id }))}
        value={mode}
        onChange={(value) => {
          const next = value as DatePreset;
          setMode(next);
          if (next !== "custom") onChange({ preset: next });
        }}
      />
      {mode === "custom" && (
        <>
          <TextField
            label="From"
            type="date"
            value={customFrom}
            onChange={setCustomFrom}
            autoComplete="off"
            max={customTo}
          />
          <TextField
            label="To"
            type="date"
            value={customTo}
            onChange={setCustomTo}
            autoComplete="off"
            min={customFrom}
          />
          <Button disabled={invalid} onClick={() => onChange({ from: customFrom, to: customTo })}>
            Apply
          </Button>
        </>
      )}
    </InlineStack>
  );
}
