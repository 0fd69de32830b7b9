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
import type { ShopFaults } from "../faults.js";
import { Random } from "../store/random.js";
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
  /** The shop's fault knobs (bulk failures, expired results, interleaving seed). */
  faults?: (shop: string) => ShopFaults;
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
  /** Children right after their parent (groupObjects: true) or interleaved after it. */
  grouped: boolean;
}

/** A JSONL line not yet written and the lines of its nested connections' nodes. */
interface PendingLine {
  text: string;
  children: PendingLine[];
  parent?: PendingLine;
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
  resolveResultFile(
    file: string,
    expires: string,
    signature: string,
  ): { path: string } | { error: string; status: number } {
    const exp = Number(expires);
    if (!/^\d+\.jsonl$/.test(file) || !Number.isFinite(exp)) return { error: "Not Found", status: 404 };
    if (signature !== this.signature(file, exp)) return { error: "Invalid signature", status: 403 };
    if (this.opts.clock() / 1000 > exp) return { error: "Request has expired", status: 400 };
    return { path: join(this.dir, file) };
  }

  private signedUrl(op: BulkOperationRecord): string {
    const file = `${op.id}.jsonl`;
    const expires = Math.floor((Date.parse(op.completedAt!) + this.opts.urlTtlSeconds * 1000) / 1000);
    return `${this.opts.origin()}/_sim/bulk-results/${file}?expires=${expires}&signature=${this.signature(file, expires)}`;
  }

  private view(op: BulkOperationRecord): BulkOperationView {
    let status = op.status;
    const hasData = op.objectCount > 0;
    // BulkOperationStatus EXPIRED: "The bulk operation URL has expired" (shopify.dev); URLs live
    // 7 days after completion. The bulkResultsExpired knob shows it without waiting.
    if ((status === "COMPLETED" || status === "FAILED") && op.completedAt) {
      const expired = Date.parse(op.completedAt) + this.opts.urlTtlSeconds * 1000 < this.opts.clock();
      if (expired || this.faultsOf(op.store)?.knobs.bulkResultsExpired) status = "EXPIRED";
    }
    const url = status === "COMPLETED" && hasData ? this.signedUrl(op) : null;
    // partialDataUrl: "the partial or incomplete response data … returned by a failed
    // operation … null when there's no data available" (shopify.dev BulkOperation).
    const partialDataUrl = status === "FAILED" && hasData ? this.signedUrl(op) : null;
    return {
      __typename: "BulkOperation",
      id: gid("BulkOperation", op.id),
      status,
      errorCode: op.errorCode,
      createdAt: op.createdAt,
      completedAt: op.completedAt,
      objectCount: String(op.objectCount),
      rootObjectCount: String(op.rootObjectCount),
      fileSize: url ? String(op.fileSize) : null,
      url,
      partialDataUrl,
      query: op.query,
      type: "QUERY",
    };
  }

  private faultsOf(store: ShopStore): ShopFaults | undefined {
    return this.opts.faults?.(store.domain);
  }

  // ---- BulkApi (used by the GraphQL resolvers) ----
  /**
   * `groupObjects` undefined: the version's default — false from 2026-01, true before
   * (shopify.dev bulkOperationRunQuery, 2025-10 "Default: true", 2026-01 "Default: false").
   */
  runQuery(
    ctx: RequestContext,
    query: string,
    groupObjects?: boolean,
  ): { bulkOperation: BulkOperationView | null; userErrors: BulkUserError[] } {
    const { schema } = schemaForVersion(ctx.apiVersion);
    const { plan, errors } = planBulkQuery(schema, query);
    if (!plan) return { bulkOperation: null, userErrors: errors };
    const running = this.records(ctx.store).filter(
      (o) => o.status === "CREATED" || o.status === "RUNNING" || o.status === "CANCELING",
    );
    const limit = versionAtLeast(ctx.apiVersion, "2026-01") ? this.opts.concurrentQueries : 1;
    if (running.length >= limit) {
      // bulk-operation-run-query-concurrency-limit.json: the sixth run on 2026-04 answers
      // OPERATION_IN_PROGRESS naming every running operation (not LIMIT_REACHED).
      const ids = running.map((o) => gid("BulkOperation", o.id)).join(", ");
      return {
        bulkOperation: null,
        userErrors: [
          {
            field: null,
            message: `A bulk query operation for this app and shop is already in progress: ${ids}.`,
            code: "OPERATION_IN_PROGRESS",
          },
        ],
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
      grouped: groupObjects ?? !versionAtLeast(ctx.apiVersion, "2026-01"),
    };
    this.records(ctx.store).push(op);
    // Reads keep the grant of the request that started the operation.
    const runCtx: RequestContext = { ...ctx, unbounded: true, searchWarnings: [], bulk: this };
    this.later(() => void this.run(op, plan, runCtx), 0);
    return { bulkOperation: this.view(op), userErrors: [] };
  }

  cancel(ctx: RequestContext, id: number): { bulkOperation: BulkOperationView | null; userErrors: BulkUserError[] } {
    const op = this.records(ctx.store).find((o) => o.id === id);
    if (!op)
      return {
        bulkOperation: null,
        userErrors: [{ field: ["id"], message: "Bulk operation does not exist", code: null }],
      };
    if (op.status !== "CREATED" && op.status !== "RUNNING") {
      return {
        bulkOperation: this.view(op),
        userErrors: [
          {
            field: null,
            message: `A bulk operation cannot be canceled when it is ${op.status.toLowerCase()}`,
            code: null,
          },
        ],
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
    // Ungrouped output: lines whose parent is written, waiting for their turn; seeded per shop and operation.
    const pending: Pending = { roots: [], children: [] };
    const dice = new Random(((this.faultsOf(op.store)?.knobs.seed ?? 1) * 100_003 + op.id) >>> 0);
    try {
      for (;;) {
        if (op.cancelRequested) return this.finish(op, "CANCELED", out);
        const page: { first: number; after: string | null; endCursor?: string | null; hasNextPage?: boolean } = {
          first: ROOTS_PER_PAGE,
          after,
        };
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
        const conn = (result.data as Record<string, { edges?: Array<{ node: unknown }>; nodes?: unknown[] }>)[
          plan.rootKey
        ];
        const roots = conn?.nodes ?? conn?.edges?.map((e) => e.node) ?? [];
        let chunk = "";
        let failure: "TIMEOUT" | "INTERNAL_SERVER_ERROR" | null = null;
        const faults = this.faultsOf(op.store)?.knobs;
        for (const root of roots) {
          // Fault knob: fail with Shopify's error code once enough objects are out, keeping them as partial data.
          if (faults?.bulkFailure && op.objectCount >= faults.bulkFailAfterObjects) {
            failure = faults.bulkFailure;
            break;
          }
          const line = this.flatten(root as Record<string, unknown>, plan.nested, undefined, op);
          op.rootObjectCount++;
          if (op.grouped) chunk += groupedText(line);
          else pending.roots.push(line);
        }
        if (!op.grouped)
          chunk += interleave(
            pending,
            dice,
            failure !== null || !page.hasNextPage ? Infinity : Math.floor(0.8 * pendingLines(pending)),
          );
        if (chunk && !out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
        op.fileSize += Buffer.byteLength(chunk);
        if (failure) return this.finish(op, "FAILED", out, failure);
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
      const paused = this.faultsOf(op.store)?.knobs.bulkPaused === true;
      const wait = paused ? 50 : due - Date.now();
      if (wait <= 0 || op.cancelRequested || this.closed) return;
      await new Promise<void>((r) => {
        this.later(r, Math.min(50, wait));
        if (this.closed) r();
      });
    }
  }

  /** The JSONL line for `node` and, below it, the lines of its nested connections' nodes. */
  private flatten(
    node: Record<string, unknown>,
    nested: NestedConnectionPlan[],
    parentId: string | undefined,
    op: BulkOperationRecord,
  ): PendingLine {
    const own: Record<string, unknown> = { ...node };
    // The validator guarantees that a node holding nested connections selects `id`.
    const id = own.id as string | undefined;
    const children: PendingLine[] = [];
    for (const plan of nested) {
      const conn = takePath(own, plan.path) as { edges?: Array<{ node: unknown }> } | undefined;
      for (const e of conn?.edges ?? [])
        children.push(this.flatten(e.node as Record<string, unknown>, plan.children, id, op));
    }
    if (parentId !== undefined) own.__parentId = parentId;
    op.objectCount++;
    const line: PendingLine = { text: JSON.stringify(own) + "\n", children };
    for (const c of children) c.parent = line;
    return line;
  }

  private async finish(
    op: BulkOperationRecord,
    status: "COMPLETED" | "FAILED" | "CANCELED",
    out: WriteStream | undefined,
    errorCode?: BulkOperationView["errorCode"],
  ): Promise<void> {
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
  if (value && typeof value === "object" && !Array.isArray(value))
    return takePath(value as Record<string, unknown>, rest);
  return undefined;
}

/** groupObjects: true — each object directly followed by its children (depth first). */
function groupedText(line: PendingLine): string {
  return line.text + line.children.map(groupedText).join("");
}

/** How many lines are waiting, children included (a page writes 80% of them; the rest moves on). */
function pendingLines(pending: Pending): number {
  const count = (l: PendingLine): number => 1 + l.children.reduce((n, c) => n + count(c), 0);
  return [...pending.roots, ...pending.children].reduce((n, l) => n + count(l), 0);
}

/** Lines waiting to be written: root objects in query order, and children whose parent is written. */
interface Pending {
  roots: PendingLine[];
  children: PendingLine[];
  /** The line written last by the previous page. */
  last?: PendingLine;
}

/**
 * Ungrouped output (the default from 2026-01): Shopify only guarantees that a child
 * comes after its parent (shopify.dev bulkOperationRunQuery "groupObjects"); root objects
 * keep their order (bulk-operation-run-query-group-objects.json: the default run lists
 * products in id order). Write up to `limit` lines, each step picking at random (seeded)
 * the next root or any child whose parent is written — never a child of the line just
 * written while anything else is eligible. What is not written waits for the next page,
 * so children may land in a later page than their parent.
 */
function interleave(pending: Pending, dice: Random, limit: number): string {
  const out: PendingLine[] = [];
  for (let written = 0; written < limit && (pending.roots.length > 0 || pending.children.length > 0); written++) {
    const last = out[out.length - 1] ?? pending.last;
    const pick = pickNext(pending, last, dice);
    if (pick.parent && pick.parent === last && out.length >= 2) {
      // Only children of the line just written are left: move that line one up, if the
      // order allows, so that its child does not follow it directly.
      const prev = out[out.length - 2]!;
      const before = out[out.length - 3];
      if (last.parent !== prev && (last.parent || prev.parent) && before !== last.parent) {
        out[out.length - 2] = last;
        out[out.length - 1] = prev;
      }
    }
    out.push(pick);
    pending.children.push(...pick.children);
  }
  pending.last = out[out.length - 1] ?? pending.last;
  return out.map((l) => l.text).join("");
}

/**
 * Take the next line: uniformly among the next root and the waiting children, avoiding
 * children of `last` while anything else is eligible (its children are all still waiting:
 * they became eligible when it was written). Constant time per pick on average, so large
 * exports stay linear.
 */
function pickNext(pending: Pending, last: PendingLine | undefined, dice: Random): PendingLine {
  const rootSlots = pending.roots.length > 0 ? 1 : 0;
  const size = rootSlots + pending.children.length;
  const others = size - (last ? last.children.length : 0);
  const at = (i: number): PendingLine => (i < rootSlots ? pending.roots[0]! : pending.children[i - rootSlots]!);
  let index = Math.floor(dice.next() * size);
  if (others > 0 && last) {
    for (let tries = 0; at(index).parent === last && tries < 64; tries++) index = Math.floor(dice.next() * size);
    for (let i = 0; at(index).parent === last && i < size; i++) index = i; // rare: fall back to the first other line
  }
  const pick = at(index);
  if (index < rootSlots) {
    pending.roots.shift();
  } else {
    // Swap-remove: the pool's order carries no meaning, only the dice do.
    const i = index - rootSlots;
    pending.children[i] = pending.children[pending.children.length - 1]!;
    pending.children.pop();
  }
  return pick;
}
