// Bulk query operations: CREATED → RUNNING → COMPLETED | FAILED | CANCELED.
// The query runs page by page (250 root objects per page, nested connections
// unbounded) at a configurable speed in objects per second; each object is
// appended to a JSONL file on disk as it is produced, so results of any size
// never sit in memory. The file is served at an expiring signed URL on the
// simulator's own origin (see bulk-files.ts).
import { createHmac } from "node:crypto";
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execute } from "graphql";
import { schemaForVersion } from "../graphql/admin-schema.js";
import type { BulkApi, BulkOperationView, BulkUserError, RequestContext } from "../graphql/context.js";
import { fieldResolver, typeResolver } from "../graphql/resolvers.js";
import { gid } from "../store/ids.js";
import { isoSeconds, type ShopStore } from "../store/shop-store.js";
import { planBulkQuery, type BulkQueryPlan, type NestedConnectionPlan } from "./bulk-query.js";

export interface BulkOptions {
  origin: () => string;
  secret: string;
  clock: () => number;
  /** Processing speed. Default 5000 objects/s. */
  objectsPerSecond: number;
  /** Result URLs expire after this many seconds (Shopify: 7 days). */
  urlTtlSeconds: number;
  /** Concurrent bulk queries per app × shop for API 2026-01 and later (Shopify: 5); 1 before. */
  concurrentQueries: number;
  onFinish: (store: ShopStore, op: BulkOperationView) => void;
}

const ROOTS_PER_PAGE = 250;

interface BulkOperationRecord {
  id: number;
  store: ShopStore;
  query: string;
  apiVersion: string;
  status: BulkOperationView["status"];
  errorCode: BulkOperationView["errorCode"];
  createdAt: string;
  completedAt: string | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number;
  filePath: string;
  cancelRequested: boolean;
}

function versionAtLeast(version: string, min: string): boolean {
  return version === "unstable" || version >= min;
}

export class BulkService implements BulkApi {
  private readonly opts: BulkOptions;
  private readonly ops = new Map<string, BulkOperationRecord[]>();
  private readonly dir = mkdtempSync(join(tmpdir(), "shopify-sim-bulk-"));
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(opts: Partial<BulkOptions> & Pick<BulkOptions, "origin" | "secret" | "clock" | "onFinish">) {
    this.opts = { objectsPerSecond: 5000, urlTtlSeconds: 7 * 24 * 3600, concurrentQueries: 5, ...opts };
  }

  setSpeed(objectsPerSecond: number): void {
    this.opts.objectsPerSecond = objectsPerSecond;
  }

  private records(store: ShopStore): BulkOperationRecord[] {
    let l = this.ops.get(store.domain);
    if (!l) this.ops.set(store.domain, (l = []));
    return l;
  }

  // ---- signed result URLs ----
  signature(file: string, expires: number): string {
    return createHmac("sha256", this.opts.secret).update(`${file}:${expires}`).digest("hex");
  }

  /** The file behind a signed URL, or why not. */
  resolveResultFile(file: string, expires: string, signature: string): { path: string } | { error: string; status: number } {
    const exp = Number(expires);
    if (!/^\d+\.jsonl$/.test(file) || !Number.isFinite(exp)) return { error: "Not Found", status: 404 };
    if (signature !== this.signature(file, exp)) return { error: "Invalid signature", status: 403 };
    if (this.opts.clock() / 1000 > exp) return { error: "Request has expired", status: 400 };
    return { path: join(this.dir, file) };
  }

  private view(op: BulkOperationRecord): BulkOperationView {
    let url: string | null = null;
    if (op.status === "COMPLETED" && op.objectCount > 0) {
      const file = `${op.id}.jsonl`;
      const expires = Math.floor((Date.parse(op.completedAt!) + this.opts.urlTtlSeconds * 1000) / 1000);
      url = `${this.opts.origin()}/_sim/bulk-results/${file}?expires=${expires}&signature=${this.signature(file, expires)}`;
    }
    return {
      __typename: "BulkOperation",
      id: gid("BulkOperation", op.id),
      status: op.status,
      errorCode: op.errorCode,
      createdAt: op.createdAt,
      completedAt: op.completedAt,
      objectCount: String(op.objectCount),
      rootObjectCount: String(op.rootObjectCount),
      fileSize: op.status === "COMPLETED" && op.objectCount > 0 ? String(op.fileSize) : null,
      url,
      partialDataUrl: null,
      query: op.query,
      type: "QUERY",
    };
  }

  // ---- BulkApi (used by the GraphQL resolvers) ----
  runQuery(ctx: RequestContext, query: string): { bulkOperation: BulkOperationView | null; userErrors: BulkUserError[] } {
    const { schema } = schemaForVersion(ctx.apiVersion);
    const { plan, errors } = planBulkQuery(schema, query);
    if (!plan) return { bulkOperation: null, userErrors: errors };
    const running = this.records(ctx.store).filter((o) => o.status === "CREATED" || o.status === "RUNNING" || o.status === "CANCELING");
    const limit = versionAtLeast(ctx.apiVersion, "2026-01") ? this.opts.concurrentQueries : 1;
    if (running.length >= limit) {
      // bulk-operation-run-query-concurrency-limit.json: the sixth run on 2026-04 answers
      // OPERATION_IN_PROGRESS naming every running operation (not LIMIT_REACHED).
      const ids = running.map((o) => gid("BulkOperation", o.id)).join(", ");
      return {
        bulkOperation: null,
        userErrors: [{ field: null, message: `A bulk query operation for this app and shop is already in progress: ${ids}.`, code: "OPERATION_IN_PROGRESS" }],
      };
    }
    const id = ctx.store.ids.allocate("BulkOperation");
    const op: BulkOperationRecord = {
      id,
      store: ctx.store,
      query,
      apiVersion: ctx.apiVersion,
      status: "CREATED",
      errorCode: null,
      createdAt: isoSeconds(this.opts.clock()),
      completedAt: null,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: 0,
      filePath: join(this.dir, `${id}.jsonl`),
      cancelRequested: false,
    };
    this.records(ctx.store).push(op);
    // Reads keep the grant of the request that started the operation.
    const runCtx: RequestContext = { ...ctx, unbounded: true, searchWarnings: [], bulk: undefined };
    this.later(() => void this.run(op, plan, runCtx), 0);
    return { bulkOperation: this.view(op), userErrors: [] };
  }

  cancel(ctx: RequestContext, id: number): { bulkOperation: BulkOperationView | null; userErrors: BulkUserError[] } {
    const op = this.records(ctx.store).find((o) => o.id === id);
    if (!op) return { bulkOperation: null, userErrors: [{ field: ["id"], message: "Bulk operation does not exist", code: null }] };
    if (op.status !== "CREATED" && op.status !== "RUNNING") {
      return {
        bulkOperation: this.view(op),
        userErrors: [{ field: null, message: `A bulk operation cannot be canceled when it is ${op.status.toLowerCase()}`, code: null }],
      };
    }
    op.cancelRequested = true;
    op.status = "CANCELING";
    return { bulkOperation: this.view(op), userErrors: [] };
  }

  get(ctx: RequestContext, id: number): BulkOperationView | null {
    const op = this.records(ctx.store).find((o) => o.id === id);
    return op ? this.view(op) : null;
  }

  current(ctx: RequestContext, type: "QUERY" | "MUTATION"): BulkOperationView | null {
    if (type !== "QUERY") return null;
    const ops = this.records(ctx.store);
    return ops.length ? this.view(ops[ops.length - 1]!) : null;
  }

  list(ctx: RequestContext): BulkOperationView[] {
    return this.records(ctx.store).map((o) => this.view(o));
  }

  /** Every bulk operation of a shop, oldest first (control API). */
  views(store: ShopStore): BulkOperationView[] {
    return this.records(store).map((o) => this.view(o));
  }

  /** Uninstall: running operations stop. */
  cancelAllForShop(store: ShopStore): void {
    for (const op of this.records(store)) {
      if (op.status === "CREATED" || op.status === "RUNNING") {
        op.cancelRequested = true;
        op.status = "CANCELING";
      }
    }
  }

  private later(fn: () => void, ms: number): void {
    if (this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private async run(op: BulkOperationRecord, plan: BulkQueryPlan, ctx: RequestContext): Promise<void> {
    if (op.cancelRequested) return this.finish(op, "CANCELED", undefined);
    op.status = "RUNNING";
    const out = createWriteStream(op.filePath);
    const { schema } = schemaForVersion(op.apiVersion);
    // Pacing runs on real time: a test's frozen clock must not stall an export.
    const started = Date.now();
    let after: string | null = null;
    try {
      for (;;) {
        if (op.cancelRequested) return this.finish(op, "CANCELED", out);
        const page: { first: number; after: string | null; endCursor?: string | null; hasNextPage?: boolean } = { first: ROOTS_PER_PAGE, after };
        const result = execute({
          schema,
          document: plan.document,
          contextValue: { ...ctx, now: this.opts.clock(), bulkRootPage: page } as RequestContext,
          fieldResolver,
          typeResolver,
        });
        if (result instanceof Promise) throw new Error("bulk execution must be synchronous");
        if (result.errors?.length) {
          const denied = result.errors.some((e) => e.extensions?.code === "ACCESS_DENIED");
          return this.finish(op, "FAILED", out, denied ? "ACCESS_DENIED" : "INTERNAL_SERVER_ERROR");
        }
        const conn = (result.data as Record<string, { edges?: Array<{ node: unknown }>; nodes?: unknown[] }>)[plan.rootKey];
        const roots = conn?.nodes ?? conn?.edges?.map((e) => e.node) ?? [];
        let chunk = "";
        for (const root of roots) {
          chunk += this.flatten(root as Record<string, unknown>, plan.nested, undefined, op);
          op.rootObjectCount++;
        }
        if (chunk && !out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
        op.fileSize += Buffer.byteLength(chunk);
        if (!page.hasNextPage) break;
        after = page.endCursor ?? null;
        await this.pace(op, started);
        if (this.closed) return;
      }
      await this.pace(op, started);
      if (this.closed) return;
      if (op.cancelRequested) return this.finish(op, "CANCELED", out);
      await this.finish(op, "COMPLETED", out);
    } catch {
      await this.finish(op, "FAILED", out, "INTERNAL_SERVER_ERROR");
    }
  }

  /**
   * Hold the operation back to the configured speed: the objects written so far
   * may not be done before objectCount / objectsPerSecond. Waits in short slices
   * so a cancel takes effect promptly.
   */
  private async pace(op: BulkOperationRecord, started: number): Promise<void> {
    for (;;) {
      const due = started + (op.objectCount / this.opts.objectsPerSecond) * 1000;
      const wait = due - Date.now();
      if (wait <= 0 || op.cancelRequested || this.closed) return;
      await new Promise<void>((r) => {
        this.later(r, Math.min(50, wait));
        if (this.closed) r();
      });
    }
  }

  /** One JSONL line for `node`, plus lines for its nested connections' nodes (grouped: right after it). */
  private flatten(node: Record<string, unknown>, nested: NestedConnectionPlan[], parentId: string | undefined, op: BulkOperationRecord): string {
    const own: Record<string, unknown> = { ...node };
    // The validator guarantees that a node holding nested connections selects `id`.
    const id = own.id as string | undefined;
    const childLines: string[] = [];
    for (const plan of nested) {
      const conn = takePath(own, plan.path) as { edges?: Array<{ node: unknown }> } | undefined;
      const children = conn?.edges?.map((e) => e.node) ?? [];
      for (const c of children) childLines.push(this.flatten(c as Record<string, unknown>, plan.children, id, op));
    }
    if (parentId !== undefined) own.__parentId = parentId;
    op.objectCount++;
    return JSON.stringify(own) + "\n" + childLines.join("");
  }

  private async finish(op: BulkOperationRecord, status: "COMPLETED" | "FAILED" | "CANCELED", out: WriteStream | undefined, errorCode?: BulkOperationView["errorCode"]): Promise<void> {
    if (out) await new Promise<void>((r) => out.end(r));
    op.status = status;
    op.errorCode = errorCode ?? null;
    op.completedAt = isoSeconds(this.opts.clock());
    if (!this.closed) this.opts.onFinish(op.store, this.view(op));
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    try {
      rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // best effort
    }
  }
}

/** Remove and return the value at `path` (objects only; arrays are searched element-wise for the first hit). */
function takePath(obj: Record<string, unknown>, path: string[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return undefined;
  const value = obj[head];
  if (rest.length === 0) {
    delete obj[head];
    return value;
  }
  if (value && typeof value === "object" && !Array.isArray(value)) return takePath(value as Record<string, unknown>, rest);
  return undefined;
}
