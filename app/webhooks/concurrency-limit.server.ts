// First-come-first-served admission for webhook handling. A burst of deliveries (a
// bulk edit in the admin, Shopify catching up after an outage) would otherwise be
// processed all at once: every request shares the database, every one finishes late,
// all miss Shopify's 5 s deadline and come back as retries on top of the work still
// running. Admitting a few at a time, oldest first, keeps early deliveries fast; the
// ones whose sender gave up while waiting are dropped before any work (Shopify retries).

export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Run `task` once a slot is free; `null` if `signal` aborted while waiting. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T | null> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      if (signal?.aborted) return null;
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
