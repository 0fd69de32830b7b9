// Runtime fault knobs per shop, driven by a seeded Random so a test that sets
// the same knobs and seed sees the same faults every run.
import { Random } from "./store/random.js";

export interface FaultKnobs {
  /** Probability that a webhook is delivered twice. */
  webhookDuplicateRate: number;
  /** Webhooks are held back by a random delay in [0, this] ms, so they may arrive out of order. */
  webhookReorderDelayMs: number;
  /** Probability that a webhook is silently never delivered. */
  webhookDropRate: number;
  /** Probability that an Admin API request answers with a 5xx. */
  adminApiErrorRate: number;
  /** When true every Admin API query is THROTTLED. */
  forceThrottle: boolean;
  /**
   * Throttling storm: probability that an Admin API query finds the bucket drained
   * (answers THROTTLED, as when other apps' calls or a burst emptied it). Shopify answers
   * a query over the bucket's level with errors[].extensions.code THROTTLED and HTTP 200
   * (shopify.dev/docs/api/usage/limits#rate-limits; recorded in
   * simulator/test/recordings, graphql-throttle).
   */
  throttleRate: number;
  /**
   * Outage: until this instant (epoch ms on the simulator's clock) every Admin API request
   * answers HTTP 503, as during a Shopify incident. null: no outage.
   */
  adminApiDownUntil: number | null;
  /** Every Admin API answer is held back this long (ms): slow network, or a slow shop. */
  adminApiLatencyMs: number;
  /**
   * Bulk query operations fail with this BulkOperationErrorCode ("TIMEOUT" or
   * "INTERNAL_SERVER_ERROR": partial or incomplete data, shopify.dev BulkOperationErrorCode);
   * what they wrote stays available at partialDataUrl. null: no failure.
   */
  bulkFailure: "TIMEOUT" | "INTERNAL_SERVER_ERROR" | null;
  /** …once at least this many objects are written (0: before the first, so no partial data). */
  bulkFailAfterObjects: number;
  /**
   * Bulk query operations make no progress while true (they stay RUNNING, as a long
   * export on a big shop does), so a test can act "while the export runs" on any machine.
   */
  bulkPaused: boolean;
  /** Finished bulk operations show as EXPIRED with no URL, as they do 7 days after completion. */
  bulkResultsExpired: boolean;
  /** Seed of the fault dice (also orders ungrouped bulk output). */
  seed: number;
}

export const NO_FAULTS: FaultKnobs = {
  webhookDuplicateRate: 0,
  webhookReorderDelayMs: 0,
  webhookDropRate: 0,
  adminApiErrorRate: 0,
  forceThrottle: false,
  throttleRate: 0,
  adminApiDownUntil: null,
  adminApiLatencyMs: 0,
  bulkFailure: null,
  bulkFailAfterObjects: 0,
  bulkPaused: false,
  bulkResultsExpired: false,
  seed: 1,
};

export class ShopFaults {
  knobs: FaultKnobs = { ...NO_FAULTS };
  private dice = new Random(NO_FAULTS.seed);

  set(update: Partial<FaultKnobs>): FaultKnobs {
    this.knobs = { ...this.knobs, ...update };
    // Re-seed on every change so a test's fault sequence starts from its own seed.
    this.dice = new Random(this.knobs.seed);
    return this.knobs;
  }

  roll(probability: number): boolean {
    if (probability <= 0) return false;
    return this.dice.next() < probability;
  }

  delay(maxMs: number): number {
    return maxMs > 0 ? Math.floor(this.dice.next() * maxMs) : 0;
  }
}
