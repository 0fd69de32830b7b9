// Computed insights answers, kept per app instance until the shop's data changes
// (docs/decisions/answer-cache.md). Correct across instances without talking to them:
// every entry carries the shop's answer version (shop.answer_version) read before the
// answer was computed, and every write that changes an answer bumps that version in its
// own transaction (answer-version.ts). A request reads the current version with the shop
// row it needs anyway; an entry of another version is never served.
//
// Keys hold the shop's numeric id, the endpoint and its resolved parameters (concrete
// dates, so "last 30 days" moves on at the shop's midnight), the shop's local date, zone
// and currency — never a domain, a token or anything from a header but Accept's format.

export interface AnswerCacheLimits {
  /** Upper bound of the summed entry sizes (estimated bytes). */
  maxBytes: number;
  maxEntries: number;
}

/**
 * 16 MB: a dashboard answer is 0.2–20 kB, so a few thousand answers of the shops in use
 * stay while the process's memory stays bounded whatever the traffic.
 */
export const DEFAULT_ANSWER_CACHE_LIMITS: AnswerCacheLimits = { maxBytes: 16 * 1024 * 1024, maxEntries: 20_000 };

interface Entry {
  version: bigint;
  value: unknown;
  bytes: number;
}

export interface AnswerCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

export class AnswerCache {
  // A Map iterates in insertion order: re-inserting on every hit makes its first key the
  // least recently used one.
  private readonly entries = new Map<string, Entry>();
  // Concurrent misses of one key and version share one computation (a page's first
  // requests at concurrency 16 would otherwise run the same queries 16 times).
  private readonly pending = new Map<string, Promise<unknown>>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(private readonly limits: AnswerCacheLimits = DEFAULT_ANSWER_CACHE_LIMITS) {}

  /**
   * The answer stored for `key` at `version`, or `compute()`'s, stored when `keep` says
   * so (errors and refusals are not kept). `version` must have been read before
   * `compute` reads anything: then an entry never holds data older than its version.
   */
  async get<T>(
    key: string,
    version: bigint,
    compute: () => Promise<T>,
    options: { size: (value: T) => number; keep?: (value: T) => boolean },
  ): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.version === version) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.hits++;
      return entry.value as T;
    }
    this.misses++;
    const pendingKey = `${version}\u0000${key}`;
    const running = this.pending.get(pendingKey);
    if (running) return running as Promise<T>;
    const computing = compute().then((value) => {
      if (options.keep?.(value) ?? true) this.store(key, version, value, options.size(value));
      return value;
    });
    this.pending.set(pendingKey, computing);
    try {
      return await computing;
    } finally {
      this.pending.delete(pendingKey);
    }
  }

  private store(key: string, version: bigint, value: unknown, bytes: number): void {
    const current = this.entries.get(key);
    // A slow computation that read an older version must not replace a newer answer.
    if (current && current.version > version) return;
    if (bytes > this.limits.maxBytes / 4) return; // one huge answer would flush everything else
    if (current) this.remove(key, current);
    this.entries.set(key, { version, value, bytes });
    this.bytes += bytes;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.limits.maxBytes && this.entries.size <= this.limits.maxEntries) break;
      this.remove(oldest, old);
    }
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  stats(): AnswerCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, bytes: this.bytes };
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

/** The process's cache, shared by the API routes and the page loaders. */
export const answerCache = new AnswerCache();

/** What a key needs of a shop. */
export interface KeyedShop {
  id: number;
  currencyCode: string;
  ianaTimezone: string;
}

// The answer version read together with a shop object (shop.ts). Kept beside the object
// rather than on it: shop objects go to the pages as JSON. A shop object that was not
// read with its version (tests, scripts) has none, and its answers are not cached.
const versions = new WeakMap<object, bigint>();

export function rememberAnswerVersion(shop: object, version: bigint): void {
  versions.set(shop, version);
}

export function answerVersionOf(shop: object): bigint | undefined {
  return versions.get(shop);
}

/**
 * `compute()` through the process's cache when `shop` came with its answer version;
 * computed every time otherwise.
 */
export function cachedAnswer<T>(
  shop: KeyedShop,
  key: () => string,
  compute: () => Promise<T>,
  options: { size: (value: T) => number; keep?: (value: T) => boolean },
): Promise<T> {
  const version = answerVersionOf(shop);
  if (version === undefined) return compute();
  return answerCache.get(key(), version, compute, options);
}

/**
 * The cache key of one answer: everything it is computed from besides the stored rows.
 * `localDate` is the shop's today, so a key made on one local day is never used on the
 * next even when the parameters spell out the same dates (an answer may depend on today).
 */
export function answerKey(
  shop: KeyedShop,
  localDate: string,
  kind: string,
  params: Record<string, string | number | boolean>,
): string {
  const parts = Object.keys(params)
    .sort()
    .map((name) => `${name}=${String(params[name])}`);
  return [shop.id, shop.ianaTimezone, shop.currencyCode, localDate, kind, ...parts].join("\u001f");
}

/** UTF-16 code units, twice: what a JS string of that length can take in memory. */
export function stringBytes(text: string): number {
  return 2 * text.length + 64;
}
