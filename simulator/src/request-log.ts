// Admin API calls per shop, so tests can assert e.g. "no further Admin API calls
// after uninstall". Keeps counts forever and the most recent entries in a ring.
export interface AdminCall {
  at: string;
  shop: string;
  apiVersion: string;
  status: number;
  /** First operation name or the first 120 characters of the query. */
  operation: string;
  requestedCost?: number;
  actualCost?: number | null;
}

const KEEP = 1000;

export class AdminRequestLog {
  private readonly counts = new Map<string, number>();
  private readonly recent = new Map<string, AdminCall[]>();
  /** Per shop: calls per operation, kept forever (the ring forgets; fault tests count phases). */
  private readonly byOperation = new Map<string, Map<string, number>>();

  record(call: AdminCall): void {
    this.counts.set(call.shop, (this.counts.get(call.shop) ?? 0) + 1);
    let operations = this.byOperation.get(call.shop);
    if (!operations) this.byOperation.set(call.shop, (operations = new Map()));
    operations.set(call.operation, (operations.get(call.operation) ?? 0) + 1);
    let list = this.recent.get(call.shop);
    if (!list) this.recent.set(call.shop, (list = []));
    list.push(call);
    if (list.length > KEEP) list.splice(0, list.length - KEEP);
  }

  count(shop: string): number {
    return this.counts.get(shop) ?? 0;
  }

  /** Calls of a shop whose operation matches, since the start. */
  countMatching(shop: string, operation: RegExp): number {
    let n = 0;
    for (const [name, count] of this.byOperation.get(shop) ?? []) if (operation.test(name)) n += count;
    return n;
  }

  calls(shop: string): AdminCall[] {
    return [...(this.recent.get(shop) ?? [])];
  }
}
