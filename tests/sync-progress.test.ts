// The one computation of import progress (app/sync/progress.ts), on hand-written
// sync_state rows; expectations computed by hand from the rows.
import { describe, expect, it } from "vitest";
import { backfillProgress, type ProgressState } from "~/sync/progress";

function state(resource: string, fields: Partial<ProgressState>): ProgressState {
  return {
    resource,
    status: "pending",
    backfillStatus: "pending",
    recordsStored: 0,
    recordsExpected: null,
    lastError: null,
    ...fields,
  };
}

describe("import progress", () => {
  it("nothing recorded yet: pending, progress unknown", () => {
    expect(backfillProgress([])).toMatchObject({
      completed: false,
      progress: null,
      status: "pending",
      needsReauth: false,
      lastError: null,
    });
  });

  it("a resource without a row yet is pending and not weighed (install creates all rows at once)", () => {
    const p = backfillProgress([
      state("orders", { status: "backfilling", backfillStatus: "running", recordsStored: 40, recordsExpected: 160 }),
    ]);
    expect(p).toMatchObject({ completed: false, progress: 0.25, status: "running" });
    expect(p.resources.map((r) => [r.resource, r.backfill, r.progress])).toEqual([
      ["customers", "pending", null],
      ["products", "pending", null],
      ["orders", "running", 0.25],
    ]);
  });

  it("weighs resources by their records: 10 of 10, 3 of 10, 40 of 160 is 53/180", () => {
    const p = backfillProgress([
      state("customers", { status: "idle", backfillStatus: "completed", recordsStored: 10, recordsExpected: 10 }),
      state("products", { status: "backfilling", backfillStatus: "running", recordsStored: 3, recordsExpected: 10 }),
      state("orders", { status: "backfilling", backfillStatus: "running", recordsStored: 40, recordsExpected: 160 }),
    ]);
    expect(p.progress).toBeCloseTo(53 / 180, 12);
    expect(p.status).toBe("running");
    expect(p.resources.map((r) => r.progress)).toEqual([1, 0.3, 0.25]);
  });

  it("unknown while a running import has no total; a completed import counts whole even without an estimate", () => {
    expect(
      backfillProgress([
        state("customers", { backfillStatus: "completed", recordsStored: 7 }),
        state("products", { backfillStatus: "running", recordsStored: 2 }),
        state("orders", { backfillStatus: "running", recordsStored: 0, recordsExpected: 5 }),
      ]).progress,
    ).toBeNull();
    expect(
      backfillProgress([
        state("customers", { backfillStatus: "completed", recordsStored: 7 }),
        state("products", { backfillStatus: "completed", recordsStored: 3, recordsExpected: 2 }),
        state("orders", { backfillStatus: "running", recordsStored: 5, recordsExpected: 10 }),
      ]).progress,
    ).toBeCloseTo((7 + 3 + 5) / (7 + 3 + 10), 12);
  });

  it("stored beyond the estimate caps at the estimate; empty totals are complete", () => {
    const p = backfillProgress([
      state("customers", { backfillStatus: "running", recordsStored: 12, recordsExpected: 10 }),
      state("products", { backfillStatus: "running", recordsStored: 0, recordsExpected: 0 }),
      state("orders", { backfillStatus: "running", recordsStored: 0, recordsExpected: 10 }),
    ]);
    expect(p.progress).toBeCloseTo(10 / 20, 12);
    expect(p.resources.map((r) => r.progress)).toEqual([1, 1, 0]);
  });

  it("needs re-auth is a status, whatever the message says; orders' error is the one shown", () => {
    const p = backfillProgress([
      state("customers", {
        status: "error",
        backfillStatus: "running",
        recordsExpected: 4,
        lastError: "customers broke",
      }),
      state("products", { status: "idle", backfillStatus: "completed", lastError: null }),
      state("orders", {
        status: "needs_reauth",
        backfillStatus: "running",
        recordsExpected: 9,
        lastError: "any text at all",
      }),
    ]);
    expect(p).toMatchObject({ completed: false, status: "failed", needsReauth: true, lastError: "any text at all" });
    expect(p.resources.map((r) => r.backfill)).toEqual(["failed", "completed", "failed"]);
    const textOnly = backfillProgress([
      state("orders", {
        status: "error",
        backfillStatus: "running",
        lastError: "needs re-auth: Shopify no longer accepts our access token",
      }),
    ]);
    expect(textOnly.needsReauth).toBe(false);
  });

  it("all completed: 1, completed", () => {
    const done = ["customers", "products", "orders"].map((r) =>
      state(r, { status: "idle", backfillStatus: "completed", recordsStored: 1 }),
    );
    expect(backfillProgress(done)).toMatchObject({ completed: true, progress: 1, status: "completed" });
  });
});
