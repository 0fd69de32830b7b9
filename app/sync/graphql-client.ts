// Cost-aware Admin GraphQL caller for one shop. Shopify meters GraphQL with a leaky
// bucket per app × shop (extensions.cost.throttleStatus). Provoking THROTTLED wastes a
// round trip and, repeated, looks abusive; so before each call we estimate what the
// bucket holds now (last reported level + restore rate × elapsed) and wait until the
// query's expected cost fits. THROTTLED, 5xx and network errors are retried with
// exponential backoff and full jitter inside a total time cap; a 401 means the token
// is revoked or expired beyond refresh and is surfaced as NeedsReauthError at once
// (retrying cannot fix it).
//
// Framework-free: the token and the fetch are injected, so the same client runs in a
// route, the cron, the CLI and tests.

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface GraphqlResponseError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
  path?: (string | number)[];
}

/** What the sync modules need: run a document, get `data` or an exception. */
export interface AdminGraphql {
  readonly shop: string;
  request<T>(document: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<T>;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /**
   * Cost to reserve before sending. Given, it wins over the cost learnt from the
   * document's last answer (a document whose size depends on its variables, such as
   * `nodes(ids:)`, says what this call will request).
   */
  expectedCost?: number;
  /** Shopify's cost report of the answer (requested/actual cost, bucket). */
  onCost?: (cost: QueryCost) => void;
}

export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus | null;
}

/** Token revoked/expired (HTTP 401): the merchant must open the app again. */
export class NeedsReauthError extends Error {
  constructor(readonly shop: string) {
    super(`Shopify rejected the access token of ${shop} (401): the shop needs to re-authenticate by opening the app`);
    this.name = "NeedsReauthError";
  }
}

/** GraphQL-level errors that retrying will not fix (invalid document, ACCESS_DENIED, ...). */
export class GraphqlRequestError extends Error {
  constructor(readonly errors: GraphqlResponseError[]) {
    super(
      `Admin GraphQL error: ${errors.map((e) => `${e.message}${e.extensions?.code ? ` (${e.extensions.code})` : ""}`).join("; ")}`,
    );
    this.name = "GraphqlRequestError";
  }
}

/** Retries ran out of time (or attempts); carries the last transient failure. */
export class GraphqlRetriesExhaustedError extends Error {
  constructor(
    message: string,
    readonly lastFailure: string,
  ) {
    super(`${message}; last failure: ${lastFailure}`);
    this.name = "GraphqlRetriesExhaustedError";
  }
}

export interface AdminGraphqlOptions {
  shop: string;
  apiVersion: string;
  /** Current offline access token (refreshed by the provider when it expires). */
  accessToken: () => Promise<string>;
  /** Shopify-bound fetch (simulator origin mapping in simulator mode). */
  fetch: typeof fetch;
  /** Give up retrying after this long in total per call. Default 120 s. */
  maxTotalMs?: number;
  /** Upper bound of one backoff wait. Default 10 s. */
  maxBackoffMs?: number;
  /** First backoff wait. Default 250 ms. */
  baseBackoffMs?: number;
  /** Keep this share of the bucket unused as a margin for other callers. Default 0.05. */
  reserveFraction?: number;
  /** Observers (tests, metrics). */
  onDocument?: (document: string) => void;
  onRetry?: (reason: string, attempt: number, waitMs: number) => void;
  onThrottled?: () => void;
  /** A call waited for the bucket to refill before it was sent. */
  onBucketWait?: (waitMs: number) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

/**
 * Last known bucket level of a shop, shared by every client of the shop in this process,
 * minus what the calls sent since (and not answered yet) may take: `inFlight` is their
 * requested cost. Calls of one shop may run side by side (the resources of a pass, a
 * prefetched page); each takes its cost from the estimate before it is sent, so they
 * queue for the bucket instead of all going at once and coming back THROTTLED.
 */
interface BucketEstimate {
  status: ThrottleStatus | null;
  at: number;
  inFlight: number;
}
const buckets = new Map<string, BucketEstimate>();

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function untilSettledOrAborted(promise: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    void promise.finally(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    });
  });
}

interface GraphqlBody<T> {
  data?: T | null;
  errors?: GraphqlResponseError[] | string;
  extensions?: {
    cost?: { requestedQueryCost?: number; actualQueryCost?: number | null; throttleStatus?: ThrottleStatus };
  };
}

export function createAdminGraphql(options: AdminGraphqlOptions): AdminGraphql {
  const maxTotalMs = options.maxTotalMs ?? 120_000;
  const maxBackoffMs = options.maxBackoffMs ?? 10_000;
  const baseBackoffMs = options.baseBackoffMs ?? 250;
  const reserveFraction = options.reserveFraction ?? 0.05;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const url = `https://${options.shop}/admin/api/${options.apiVersion}/graphql.json`;
  // Requested cost per document, learnt from the first answer (Shopify reports it).
  const requestedCost = new Map<string, number>();

  function estimateOf(shop: string): BucketEstimate {
    let estimate = buckets.get(shop);
    if (!estimate) buckets.set(shop, (estimate = { status: null, at: now(), inFlight: 0 }));
    return estimate;
  }

  /** What the bucket holds now by the estimate (null before the shop's first answer). */
  function level(estimate: BucketEstimate): number | null {
    if (!estimate.status) return null;
    const { maximumAvailable, currentlyAvailable, restoreRate } = estimate.status;
    const elapsedS = (now() - estimate.at) / 1000;
    return Math.min(maximumAvailable, currentlyAvailable + elapsedS * restoreRate);
  }

  /** How long to wait until `cost` points fit in the bucket (0 when they do now). */
  function waitForCost(cost: number): number {
    const estimate = estimateOf(options.shop);
    const available = level(estimate);
    if (available === null || !estimate.status) return 0;
    const { maximumAvailable, restoreRate } = estimate.status;
    const needed = Math.min(maximumAvailable, cost + maximumAvailable * reserveFraction);
    if (available >= needed || restoreRate <= 0) return 0;
    return Math.ceil(((needed - available) / restoreRate) * 1000);
  }

  // Until this client has had an answer, its calls go one at a time: the shared estimate
  // may be stale (another caller of the app × shop may just have drained the bucket), and
  // calls sent side by side on it would all come back THROTTLED. One answer tells the truth.
  let answered = false;
  let probe: Promise<void> | null = null;
  let probeDone = () => {};

  /** Wait until `cost` fits, then take it from the estimate until the answer comes. */
  async function reserve(cost: number, signal?: AbortSignal): Promise<void> {
    for (;;) {
      while (!answered && probe) await untilSettledOrAborted(probe, signal);
      const pause = waitForCost(cost);
      if (pause <= 0) break;
      options.onBucketWait?.(pause);
      // Another call of the shop may take the points first: look again after the wait.
      await sleep(pause, signal);
    }
    // No await between the checks above and here: one probe at a time.
    if (!answered) probe = new Promise<void>((resolve) => (probeDone = resolve));
    const estimate = estimateOf(options.shop);
    const available = level(estimate);
    if (estimate.status && available !== null)
      estimate.status = { ...estimate.status, currentlyAvailable: available - cost };
    estimate.at = now();
    estimate.inFlight += cost;
  }

  /**
   * The call's answer (or failure) is in: its cost is no longer in flight. A reported
   * bucket is the truth as of now, less what the other calls still in flight may take
   * (counted even if Shopify already did: the safe side).
   */
  function settle(cost: number, status: ThrottleStatus | undefined) {
    if (status) answered = true;
    if (probe) {
      // The probe's answer is in (or it failed without one: the next call probes).
      probe = null;
      probeDone();
    }
    const estimate = estimateOf(options.shop);
    estimate.inFlight = Math.max(0, estimate.inFlight - cost);
    if (status) {
      estimate.status = { ...status, currentlyAvailable: status.currentlyAvailable - estimate.inFlight };
      estimate.at = now();
    }
  }

  function backoff(attempt: number): number {
    // Full jitter: spreads retries of many workers instead of synchronising them.
    const cap = Math.min(maxBackoffMs, baseBackoffMs * 2 ** attempt);
    return Math.round(cap / 2 + random() * (cap / 2));
  }

  async function request<T>(
    document: string,
    variables: Record<string, unknown> = {},
    requestOptions: RequestOptions = {},
  ): Promise<T> {
    const { signal } = requestOptions;
    const started = now();
    options.onDocument?.(document);
    let attempt = 0;
    const waitOrGiveUp = async (reason: string, waitMs: number) => {
      if (now() - started + waitMs > maxTotalMs) {
        throw new GraphqlRetriesExhaustedError(
          `Admin GraphQL call for ${options.shop} gave up after ${attempt + 1} attempts`,
          reason,
        );
      }
      options.onRetry?.(reason, attempt, waitMs);
      attempt += 1;
      await sleep(waitMs, signal);
    };

    for (;;) {
      const cost = requestOptions.expectedCost ?? requestedCost.get(document) ?? 0;
      await reserve(cost, signal);
      let settled = false;
      const settleOnce = (status?: ThrottleStatus) => {
        if (!settled) settle(cost, status);
        settled = true;
      };

      let response: Response;
      try {
        response = await options.fetch(url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Accept: "application/json",
            "X-Shopify-Access-Token": await options.accessToken(),
          },
          body: JSON.stringify({ query: document, variables }),
          signal,
        });
      } catch (error) {
        settleOnce();
        if (signal?.aborted) throw signal.reason;
        await waitOrGiveUp(`network error: ${(error as Error).message}`, backoff(attempt));
        continue;
      }

      if (response.status === 401) {
        settleOnce();
        await response.body?.cancel();
        throw new NeedsReauthError(options.shop);
      }
      if (response.status >= 500 || response.status === 429) {
        settleOnce();
        await response.body?.cancel();
        const retryAfter = Number(response.headers.get("Retry-After"));
        const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : backoff(attempt);
        await waitOrGiveUp(`HTTP ${response.status}`, wait);
        continue;
      }
      let body: GraphqlBody<T>;
      try {
        body = (await response.json()) as GraphqlBody<T>;
      } catch (error) {
        settleOnce();
        if (signal?.aborted) throw signal.reason;
        await waitOrGiveUp(
          `unreadable response (HTTP ${response.status}): ${(error as Error).message}`,
          backoff(attempt),
        );
        continue;
      }
      const costInfo = body.extensions?.cost;
      settleOnce(costInfo?.throttleStatus);
      if (!response.ok) {
        const message = typeof body.errors === "string" ? body.errors : JSON.stringify(body.errors ?? body);
        throw new GraphqlRequestError([{ message: `HTTP ${response.status}: ${message}` }]);
      }

      if (costInfo?.requestedQueryCost !== undefined) {
        requestedCost.set(document, costInfo.requestedQueryCost);
        requestOptions.onCost?.({
          requestedQueryCost: costInfo.requestedQueryCost,
          actualQueryCost: costInfo.actualQueryCost ?? null,
          throttleStatus: costInfo.throttleStatus ?? null,
        });
      }

      const errors = Array.isArray(body.errors) ? body.errors : body.errors ? [{ message: body.errors }] : [];
      if (errors.some((e) => e.extensions?.code === "THROTTLED")) {
        options.onThrottled?.();
        // Wait exactly until the requested cost fits again (the answer carries the bucket).
        const fit = waitForCost(costInfo?.requestedQueryCost ?? cost);
        await waitOrGiveUp("THROTTLED", Math.max(fit, backoff(0)) + Math.round(random() * 250));
        continue;
      }
      if (errors.some((e) => e.extensions?.code === "INTERNAL_SERVER_ERROR")) {
        await waitOrGiveUp("INTERNAL_SERVER_ERROR", backoff(attempt));
        continue;
      }
      if (errors.length > 0) throw new GraphqlRequestError(errors);
      if (body.data == null) throw new GraphqlRequestError([{ message: "response without data" }]);
      return body.data;
    }
  }

  return { shop: options.shop, request };
}

/** Forget bucket estimates (tests start each shop fresh). */
export function resetBucketEstimates(): void {
  buckets.clear();
}
