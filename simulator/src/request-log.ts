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

  record(call: AdminCall): void {
    this.counts.set(call.shop, (this.counts.get(call.shop) ?? 0) + 1);
    let list = this.recent.get(call.shop);
    if (!list) this.recent.set(call.shop, (list = []));
    list.push(call);
    if (list.length > KEEP) list.splice(0, list.length - KEEP);
  }

  count(shop: string): number {
    return this.counts.get(shop) ?? 0;
  }

  calls(shop: string): AdminCall[] {
    return [...(this.recent.get(shop) ?? [])];
  }
}
