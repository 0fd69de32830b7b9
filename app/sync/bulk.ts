// Bulk query operations: start one, wait for it (polling, woken early by the
// bulk_operations/finish webhook when it reaches this process), and read its JSONL
// result as a stream of records, each line on its own (see bulkRecords).
//
// Memory stays bounded whatever the store size: the result is read line by line from
// the HTTP body and nothing waits for later lines.
import { GraphqlRequestError, type AdminGraphql } from "./graphql-client";
import { BULK_CANCEL, BULK_OPERATION_STATUS, BULK_RUN } from "./queries";
import type * as AdminTypes from "../types/admin.types";
import type {
  StorepulseBulkCancelMutation,
  StorepulseBulkOperationQuery,
  StorepulseBulkRunMutation,
} from "../types/admin.generated";

// Result shapes generated from the documents and the schema (npm run graphql-codegen).
export type BulkOperationStatus = AdminTypes.BulkOperationStatus;
export type BulkOperationInfo = NonNullable<StorepulseBulkOperationQuery["bulkOperation"]>;

/** Another bulk query may start once one of ours finishes (LIMIT_REACHED). */
export class BulkLimitReachedError extends Error {}

export async function startBulkQuery(
  client: AdminGraphql,
  query: string,
  signal?: AbortSignal,
): Promise<{ id: string; createdAt: string }> {
  const data = await client.request<StorepulseBulkRunMutation>(BULK_RUN, { query }, { signal });
  const bulkOperation = data.bulkOperationRunQuery?.bulkOperation;
  const userErrors = data.bulkOperationRunQuery?.userErrors ?? [];
  if (!bulkOperation) {
    const message = userErrors.map((e) => `${e.message}${e.code ? ` (${e.code})` : ""}`).join("; ");
    if (userErrors.some((e) => e.code === "LIMIT_REACHED" || e.code === "OPERATION_IN_PROGRESS")) {
      throw new BulkLimitReachedError(message);
    }
    throw new GraphqlRequestError([{ message: `bulkOperationRunQuery refused: ${message}` }]);
  }
  return { id: bulkOperation.id, createdAt: bulkOperation.createdAt };
}

export async function getBulkOperation(
  client: AdminGraphql,
  id: string,
  signal?: AbortSignal,
): Promise<BulkOperationInfo | null> {
  const data = await client.request<StorepulseBulkOperationQuery>(BULK_OPERATION_STATUS, { id }, { signal });
  return data.bulkOperation ?? null;
}

export async function cancelBulkOperation(client: AdminGraphql, id: string): Promise<void> {
  await client.request<StorepulseBulkCancelMutation>(BULK_CANCEL, { id });
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
  options: {
    signal?: AbortSignal;
    minPollMs?: number;
    maxPollMs?: number;
    onProgress?: (op: BulkOperationInfo) => void;
  } = {},
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
  // Lines are split here rather than with node:readline because the resume point needs
  // each line's exact byte offset (HTTP Range). (This used to be forced by remix-serve's
  // fetch polyfill too; with v3_singleFetch the app runs on Node's native fetch.)
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
      for (
        let newline = buffer.indexOf("\n");
        newline >= 0 || (finished && lineStart < buffer.length);
        newline = buffer.indexOf("\n", lineStart)
      ) {
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
// Lines as records

function gidType(id: unknown): string | undefined {
  return typeof id === "string" ? /^gid:\/\/shopify\/([^/]+)\//.exec(id)?.[1] : undefined;
}

/**
 * One node shape for every source: connections become `{ nodes: [...] }` whether the
 * result had `edges { node }` or `nodes`; bookkeeping keys are dropped.
 */
export function normalizeNode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeNode);
  if (!value || typeof value !== "object") return value;
  const input = value as Record<string, unknown>;
  if (Array.isArray(input.edges)) {
    return {
      ...pageInfoOf(input),
      nodes: (input.edges as { node: unknown }[]).map((edge) => normalizeNode(edge.node)),
    };
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

/** A line of a bulk result: a root record, or a child record naming its parent. */
export interface BulkRecord {
  node: Record<string, unknown>;
  /** The parent's id (`__parentId`); null for a root. */
  parentId: string | null;
  /** The node's GraphQL type from its gid ("LineItem"); undefined without an id. */
  type: string | undefined;
  /** Position just after this line (a resume point once it is written). */
  end: JsonlPosition;
}

/**
 * The lines of a bulk result as records, each on its own. Shopify's output is
 * ungrouped by default since 2026-01 (groupObjects: false): a child line comes
 * somewhere after its parent, not necessarily next to it, so nothing is held back
 * for reassembly — the caller writes roots and children independently (children keyed
 * by their parent's id) and memory stays bounded by its batch.
 * Source: shopify.dev/changelog/posts/bulk-operations-group-objects-default-changed-to-false
 * and simulator/test/recordings/2026-04/bulk-operations/bulk-operation-run-query-group-objects.json (children only after
 * their parent).
 */
export async function* bulkRecords(lines: AsyncIterable<JsonlLine>): AsyncGenerator<BulkRecord> {
  for await (const { value, end } of lines) {
    const parentId = typeof value.__parentId === "string" ? value.__parentId : null;
    yield { node: normalizeNode(value) as Record<string, unknown>, parentId, type: gidType(value.id), end };
  }
}
