// Shopify's leaky bucket for the Admin GraphQL API, one per app × shop. The bucket
// refills continuously at the plan's restore rate up to its maximum; a query may
// start only if the bucket holds its requested cost, and once it has run the
// difference between requested and actual cost is given back.
import type { Plan } from "../contracts.js";

export interface BucketLimits {
  maximumAvailable: number;
  restoreRate: number;
}

export const PLAN_LIMITS: Record<Plan, BucketLimits> = {
  standard: { maximumAvailable: 2000, restoreRate: 100 },
  advanced: { maximumAvailable: 4000, restoreRate: 200 },
  plus: { maximumAvailable: 20000, restoreRate: 1000 },
};

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class LeakyBucket {
  private available: number;
  private updatedAt: number;

  constructor(
    private limits: BucketLimits,
    private readonly clock: () => number,
  ) {
    this.available = limits.maximumAvailable;
    this.updatedAt = clock();
  }

  /** The plan may change at runtime (control API); keep what is available, capped. */
  setLimits(limits: BucketLimits): void {
    this.refill();
    this.limits = limits;
    this.available = Math.min(this.available, limits.maximumAvailable);
  }

  private refill(): void {
    const now = this.clock();
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.available = Math.min(this.limits.maximumAvailable, this.available + elapsed * this.limits.restoreRate);
    this.updatedAt = now;
  }

  /** Take `cost` if the bucket holds it; false (and nothing taken) otherwise. */
  tryTake(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  giveBack(amount: number): void {
    this.refill();
    this.available = Math.min(this.limits.maximumAvailable, this.available + Math.max(0, amount));
  }

  /** Empty the bucket (forced-throttling fault knob). */
  drain(): void {
    this.refill();
    this.available = 0;
  }

  status(): ThrottleStatus {
    this.refill();
    return {
      maximumAvailable: this.limits.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.limits.restoreRate,
    };
  }
}
