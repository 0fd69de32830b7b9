// The one computation of the initial import's progress, from the shop's sync_state
// rows. The Sync status page (status.ts) and the insights pages' empty state
// (app/insights/sync-status.ts) both report it, so they cannot disagree.
import type { BackfillStatus, SyncState, SyncStatus } from "@prisma/client";
import { SYNC_RESOURCES } from "./backfill";
import type { SyncResource } from "./records";

/** What a status view shows for one resource's import ("failed": stopped by an error, resumes on the next pass). */
export type BackfillView = "pending" | "running" | "completed" | "failed";

export type ProgressState = Pick<
  SyncState,
  "resource" | "status" | "backfillStatus" | "recordsStored" | "recordsExpected" | "lastError"
>;

export interface ResourceProgress {
  resource: SyncResource;
  status: SyncStatus;
  backfill: BackfillView;
  processed: number;
  expected: number | null;
  /** 0..1 when known. */
  progress: number | null;
  lastError: string | null;
}

export interface BackfillProgress {
  /** Every resource's import completed. */
  completed: boolean;
  /**
   * 0..1: records imported over records expected, summed over the resources (a large
   * orders import weighs more than a few products). Null while some running import
   * does not know its total yet.
   */
  progress: number | null;
  status: BackfillView;
  /** Shopify refused our token: nothing syncs until the merchant opens the app again. */
  needsReauth: boolean;
  /** The first failed resource's error (orders first: what the pages show). */
  lastError: string | null;
  resources: ResourceProgress[];
}

const FAILED: readonly SyncStatus[] = ["error", "needs_reauth"];

function view(backfill: BackfillStatus, status: SyncStatus): BackfillView {
  if (backfill === "running" && FAILED.includes(status)) return "failed";
  return backfill;
}

function resourceProgress(resource: SyncResource, state: ProgressState | undefined): ResourceProgress {
  const backfill = state ? view(state.backfillStatus, state.status) : "pending";
  const processed = state?.recordsStored ?? 0;
  const expected = state?.recordsExpected ?? null;
  const progress =
    backfill === "completed" ? 1 : expected === null ? null : expected === 0 ? 1 : Math.min(1, processed / expected);
  return {
    resource,
    status: state?.status ?? "pending",
    backfill,
    processed,
    expected,
    progress,
    lastError: state?.lastError ?? null,
  };
}

export function backfillProgress(states: readonly ProgressState[]): BackfillProgress {
  const resources = SYNC_RESOURCES.map((resource) =>
    resourceProgress(
      resource,
      states.find((s) => s.resource === resource),
    ),
  );
  const completed = resources.every((r) => r.backfill === "completed");
  // Install creates every resource's row at once; until then nothing is known of a
  // resource, so the weighted progress covers the resources that have a row.
  const known = resources.filter((r) => states.some((s) => s.resource === r.resource));
  let progress: number | null = null;
  if (completed) progress = 1;
  else if (known.length > 0 && known.every((r) => r.backfill === "completed" || r.expected !== null)) {
    // A completed import counts as whole, whatever its estimate said.
    let done = 0;
    let total = 0;
    for (const r of known) {
      const size = r.backfill === "completed" ? Math.max(r.processed, r.expected ?? 0) : r.expected!;
      total += size;
      done += r.backfill === "completed" ? size : Math.min(r.processed, size);
    }
    progress = total === 0 ? 1 : done / total;
  }
  const failed = resources.filter((r) => r.backfill === "failed" || FAILED.includes(r.status));
  const byPriority = [...failed].sort((a, b) => Number(b.resource === "orders") - Number(a.resource === "orders"));
  return {
    completed,
    progress,
    status: completed
      ? "completed"
      : resources.some((r) => r.backfill === "failed")
        ? "failed"
        : resources.some((r) => r.backfill === "running" || r.backfill === "completed")
          ? "running"
          : "pending",
    needsReauth: resources.some((r) => r.status === "needs_reauth"),
    lastError: byPriority[0]?.lastError ?? null,
    resources,
  };
}
