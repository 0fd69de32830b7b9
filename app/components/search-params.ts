// Pages keep their state in the URL; these helpers change some parameters while keeping
// the rest (Shopify's embedded parameters such as host and shop included).
export function withParams(current: URLSearchParams, updates: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(updates)) {
    if (value === null || value === "") next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/** Range parameters for a picker change: a preset, or custom from/to. */
export function rangeUpdates(change: { preset: string } | { from: string; to: string }): Record<string, string | null> {
  return "preset" in change
    ? { preset: change.preset, from: null, to: null, page: null }
    : { preset: null, from: change.from, to: change.to, page: null };
}
