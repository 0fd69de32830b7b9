// Bulk query operations: start one, wait for it (polling, woken early by the
// bulk_operations/finish webhook when it reaches this process), and read its JSONL
// result as a stream of reassembled root records.
//
// Memory stays constant whatever the store size: the result is read line by line
// from the HTTP body, and only the root record being assembled is held — Shopify
// writes each node's children (lines with __parentId) right after it, so a root is
// complete as soon as the next root line (one without __parentId) arrives.
import { GraphqlRequestError, type AdminGraphql } from "./graphql-client";
import { BULK_CANCEL, BULK_OPERATION_STATUS, BULK_RUN } from "./queries";

export type BulkOperationStatus = "CREATED" | "RUNNING" | "COMPLETED" | "CANCELING" | "CANCELED" | "FAILED" | "EXPIRED";

export interface BulkOperationInfo {
  id: string;
  status: BulkOperationStatus;
  errorCode: string | null;
  createdAt: string;
  completedAt: string | null;
  objectCount: string;
  rootObjectCount: string;
  fileSize: string | null;
  url: string | null;
  partialDataUrl: string | null;
}

/** Another bulk query may start once one of ours finishes (LIMIT_REACHED). */
export class BulkLimitReachedError extends Error {}

export async function startBulkQuery(client: AdminGraphql, query: string, signal?: AbortSignal): Promise<{ id: string; createdAt: string }> {
  const data = await client.request<{
    bulkOperationRunQuery: {
      bulkOperation: { id: string; status: string; createdAt: string } | null;
      userErrors: { field: string[] | null; message: string; code: string | null }[];
    };
  }>(BULK_RUN, { query }, { signal });
  const { bulkOperation, userErrors } = data.bulkOperationRunQuery;
  if (!bulkOperation) {
    const message = userErrors.map((e) => `${e.message}${e.code ? ` (${e.code})` : ""}`).join("; ");
    if (userErrors.some((e) => e.code === "LIMIT_REACHED" || e.code === "OPERATION_IN_PROGRESS")) {
      throw new BulkLimitReachedError(message);
    }
    throw new GraphqlRequestError([{ message: `bulkOperationRunQuery refused: ${message}` }]);
  }
  return { id: bulkOperation.id, createdAt: bulkOperation.createdAt };
}

export async function getBulkOperation(client: AdminGraphql, id: string, signal?: AbortSignal): Promise<BulkOperationInfo | null> {
  const data = await client.request<{ bulkOperation: BulkOperationInfo | null }>(BULK_OPERATION_STATUS, { id }, { signal });
  return data.bulkOperation;
}

export async function cancelBulkOperation(client: AdminGraphql, id: string): Promise<void> {
  await client.request(BULK_CANCEL, { id });
}

// bulk_operations/finish arrives as a webhook in whichever app instance Shopify
// picks; when it is this one, it wakes the poller at once instead of at its next tick.
const finishWaiters = new Map<string, Set<() => void>>();

/** Call from the bulk_operations/finish webhook handler with the payload's admin_graphql_api_id. */
export function notifyBulkOperationFinished(bulkOperationId: string): void {
  for (const wake of finishWaiters.get(bulkOperationId) ?? []) wake();
}

function waitForFinishNotice(id: string, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const waiters = finishWaiters.get(id) ?? new Set();
    finishWaiters.set(id, waiters);
    const done = () => {
      clearTimeout(timer);
      waiters.delete(done);
      if (waiters.size === 0) finishWaiters.delete(id);
      signal?.removeEventListener("abort", onAbort);
      resolve();
    };
    const onAbort = () => {
      done();
      reject(signal!.reason);
    };
    const timer = setTimeout(done, ms);
    waiters.add(done);
    signal?.addEventListener("abort", onAbort, { once: true });
    if (signal?.aborted) onAbort();
  });
}

const TERMINAL: ReadonlySet<BulkOperationStatus> = new Set(["COMPLETED", "CANCELED", "FAILED", "EXPIRED"]);

export function isTerminal(status: BulkOperationStatus): boolean {
  return TERMINAL.has(status);
}

/**
 * Poll until the operation ends. Intervals grow from `minPollMs` to `maxPollMs`
 * (a bulk query of a big store runs for minutes; a status query costs 1 point).
 */
export async function waitForBulkOperation(
  client: AdminGraphql,
  id: string,
  options: { signal?: AbortSignal; minPollMs?: number; maxPollMs?: number; onProgress?: (op: BulkOperationInfo) => void } = {},
): Promise<BulkOperationInfo> {
  let interval = options.minPollMs ?? 200;
  const maxInterval = options.maxPollMs ?? 5_000;
  for (;;) {
    const op = await getBulkOperation(client, id, options.signal);
    if (!op) throw new GraphqlRequestError([{ message: `bulk operation ${id} not found` }]);
    options.onProgress?.(op);
    if (isTerminal(op.status)) return op;
    await waitForFinishNotice(id, interval, options.signal);
    interval = Math.min(maxInterval, Math.round(interval * 1.5));
  }
}

// ---------------------------------------------------------------------------
// JSONL result

export interface JsonlPosition {
  /** Lines fully consumed before this point (0-based index of the next line). */
  line: number;
  /** Byte offset of the same point (for an HTTP Range resume). */
  byte: number;
}

export interface JsonlLine {
  value: Record<string, unknown>;
  /** Position just before this line. */
  start: JsonlPosition;
  /** Position just after this line. */
  end: JsonlPosition;
}

/**
 * Stream the lines of a bulk result from `from` on. Sends a Range request so a
 * server that supports it (Shopify's storage does) skips the finished part; when it
 * answers the whole file (200), the finished lines are skipped unparsed.
 */
export async function* readJsonl(
  fetchFn: typeof fetch,
  url: string,
  options: { from?: JsonlPosition; signal?: AbortSignal } = {},
): AsyncGenerator<JsonlLine> {
  const from = options.from ?? { line: 0, byte: 0 };
  const headers: Record<string, string> = from.byte > 0 ? { Range: `bytes=${from.byte}-` } : {};
  const response = await fetchFn(url, { headers, signal: options.signal });
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new Error(`bulk result download failed: HTTP ${response.status}`);
  }
  const ranged = response.status === 206;
  let position: JsonlPosition = ranged ? { ...from } : { line: 0, byte: 0 };
  // Read the body through its reader and split lines here: under remix-serve the
  // global fetch is a polyfill whose streams node:stream's fromWeb does not accept.
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let finished = false;
  try {
    while (!finished) {
      const { done, value } = await reader.read();
      finished = done;
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let lineStart = 0;
      for (let newline = buffer.indexOf("\n"); newline >= 0 || (finished && lineStart < buffer.length); newline = buffer.indexOf("\n", lineStart)) {
        const lineEnd = newline >= 0 ? newline : buffer.length;
        const raw = buffer.slice(lineStart, lineEnd);
        lineStart = lineEnd + 1;
        const start = position;
        position = { line: start.line + 1, byte: start.byte + Buffer.byteLength(raw) + (newline >= 0 ? 1 : 0) };
        const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
        if (start.line < from.line || text.length === 0) continue;
        yield { value: JSON.parse(text) as Record<string, unknown>, start, end: position };
      }
      buffer = buffer.slice(lineStart);
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

// ---------------------------------------------------------------------------
// Reassembly

/** Where a child line goes in its parent, by the child's GraphQL type. */
const CHILD_CONNECTION: Record<string, string> = {
  LineItem: "lineItems",
  ProductVariant: "variants",
  RefundLineItem: "refundLineItems",
  RefundShippingLine: "refundShippingLines",
};

function gidType(id: unknown): string | undefined {
  return typeof id === "string" ? /^gid:\/\/shopify\/([^/]+)\//.exec(id)?.[1] : undefined;
}

/**
 * One node shape for every source: connections become `{ nodes: [...] }` whether the
 * result had `edges { node }`, `nodes`, or child lines; bookkeeping keys are dropped.
 */
export function normalizeNode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeNode);
  if (!value || typeof value !== "object") return value;
  const input = value as Record<string, unknown>;
  if (Array.isArray(input.edges)) {
    return { ...pageInfoOf(input), nodes: (input.edges as { node: unknown }[]).map((edge) => normalizeNode(edge.node)) };
  }
  const output: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(input)) {
    if (key === "__parentId" || key.startsWith("__sim")) continue;
    output[key] = normalizeNode(child);
  }
  return output;
}

function pageInfoOf(input: Record<string, unknown>): Record<string, unknown> {
  return input.pageInfo ? { pageInfo: input.pageInfo } : {};
}

/** Index the root and the objects inline in it (refunds in an order) by id. */
function indexById(root: Record<string, unknown>): Map<string, Record<string, unknown>> {
  const index = new Map<string, Record<string, unknown>>();
  const visit = (node: unknown, depth: number) => {
    if (!node || typeof node !== "object" || depth > 3) return;
    if (Array.isArray(node)) return node.forEach((item) => visit(item, depth + 1));
    const record = node as Record<string, unknown>;
    if (typeof record.id === "string") index.set(record.id, record);
    for (const child of Object.values(record)) if (child && typeof child === "object") visit(child, depth + 1);
  };
  visit(root, 0);
  return index;
}

export interface AssembledRoot {
  node: Record<string, unknown>;
  /** Position after the root and all its children (resume point once it is written). */
  end: JsonlPosition;
}

export class OrphanLineError extends Error {}

/** Group a JSONL line stream into roots with their children attached as connections. */
export async function* assembleRoots(lines: AsyncIterable<JsonlLine>): AsyncGenerator<AssembledRoot> {
  let current: { node: Record<string, unknown>; index: Map<string, Record<string, unknown>> } | undefined;
  let last: JsonlPosition | undefined;
  for await (const { value, start, end } of lines) {
    const parentId = value.__parentId;
    if (typeof parentId !== "string") {
      if (current) yield { node: normalizeNode(current.node) as Record<string, unknown>, end: start };
      current = { node: value, index: indexById(value) };
    } else {
      const parent = current?.index.get(parentId);
      if (!parent) throw new OrphanLineError(`bulk result line ${start.line + 1}: parent ${parentId} is not the record being assembled`);
      const type = gidType(value.id);
      const key = (type && CHILD_CONNECTION[type]) ?? `${(type ?? "child").charAt(0).toLowerCase()}${(type ?? "child").slice(1)}s`;
      const existing = parent[key] as { nodes?: unknown[]; edges?: unknown[] } | undefined;
      const nodes = existing?.nodes ?? [];
      nodes.push(value);
      parent[key] = { nodes };
      if (typeof value.id === "string") current!.index.set(value.id, value);
    }
    last = end;
  }
  if (current) yield { node: normalizeNode(current.node) as Record<string, unknown>, end: last ?? { line: 0, byte: 0 } };
}
