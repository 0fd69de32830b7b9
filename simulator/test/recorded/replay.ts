// Replays requests recorded against a real Shopify store (simulator/test/recordings/,
// see its NOTICE.md) against a running simulator over HTTP, and compares what is
// deterministic. Shared by every recorded-conformance test (bulk, cost, store reads).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const RECORDINGS_DIR = fileURLToPath(new URL("../recordings/", import.meta.url));
/** The recordings were captured on 2026-04; the simulator serves that version with its 2026-10 schema. */
export const RECORDED_API_VERSION = "2026-04";

/** One recorded request/response pair found anywhere in a recording file. */
export interface RecordedExchange {
  /** Where in the file, e.g. "validations/topLevelNode". */
  path: string;
  operationName?: string;
  query: string;
  variables: Record<string, unknown>;
  status?: number;
  response: RecordedBody;
}

export interface RecordedBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  extensions?: { cost?: RecordedCost };
}

export interface RecordedCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

export function loadRecording<T = Record<string, unknown>>(relativePath: string): T {
  return JSON.parse(readFileSync(RECORDINGS_DIR + relativePath, "utf8")) as T;
}

/**
 * Every object in a recording that holds a GraphQL `query` and its `response`, in
 * file order. `upstreamCalls` (the recorder's own bookkeeping reads) are left out.
 */
export function exchangesIn(recording: unknown, path: string[] = []): RecordedExchange[] {
  const out: RecordedExchange[] = [];
  if (Array.isArray(recording)) {
    recording.forEach((v, i) => out.push(...exchangesIn(v, [...path, String(i)])));
  } else if (recording && typeof recording === "object") {
    const o = recording as Record<string, unknown>;
    if (typeof o.query === "string" && o.response && typeof o.response === "object") {
      out.push({
        path: path.join("/"),
        operationName: o.operationName as string | undefined,
        query: o.query,
        variables: (o.variables as Record<string, unknown>) ?? {},
        status: o.status as number | undefined,
        response: o.response as RecordedBody,
      });
    }
    for (const [k, v] of Object.entries(o))
      if (k !== "upstreamCalls" && k !== "response") out.push(...exchangesIn(v, [...path, k]));
  }
  return out;
}

export interface Replayed {
  status: number;
  body: RecordedBody;
}

/** POST the recorded document and variables to the simulator's Admin GraphQL endpoint. */
export async function replay(
  simUrl: string,
  accessToken: string,
  ex: Pick<RecordedExchange, "query" | "variables">,
  version = RECORDED_API_VERSION,
): Promise<Replayed> {
  const res = await fetch(`${simUrl}/admin/api/${version}/graphql.json`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-shopify-access-token": accessToken },
    body: JSON.stringify({ query: ex.query, variables: ex.variables }),
  });
  return { status: res.status, body: (await res.json()) as RecordedBody };
}

/** A path predicate for the allow-list: which differences in value are legitimate. */
export type Allow = (path: string, key: string) => boolean;

/**
 * What legitimately differs between a recording and the simulator's answer (values
 * only; keys and types must still match):
 * - ids (`id`, `__parentId`, gids anywhere): the simulator allocates its own;
 * - timestamps (`createdAt`, `completedAt`, …): the recording's capture time;
 * - signed URLs (`url`, `partialDataUrl`): Shopify's storage vs the simulator's origin;
 * - cursors: opaque, encode store-specific ids.
 */
export const ALLOW_IDS_TIMES_URLS: Allow = (_path, key) =>
  key === "id" ||
  key === "__parentId" ||
  key === "cursor" ||
  key === "startCursor" ||
  key === "endCursor" ||
  /At$/.test(key) ||
  key === "url" ||
  key === "partialDataUrl";

/** Store data (titles, counts, sizes) also differs: the simulator's store is generated. */
export const ALLOW_STORE_DATA: Allow = () => true;

type Kind = "null" | "string" | "number" | "boolean" | "array" | "object";
function kindOf(v: unknown): Kind {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v as Kind;
}

/**
 * Differences between a recorded value and the simulator's: same keys, same JSON
 * types, and equal values unless `allowValue(path, key)` says the value may differ.
 * A null on one side and a value on the other is a difference unless allowed AND
 * `nullable(path, key)` says so. Arrays: every simulator element is compared with the
 * recorded element at the same index if there is one, else with the first recorded one
 * (store data may hold more or fewer elements when values are allowed to differ).
 */
export function diffResponse(
  recorded: unknown,
  actual: unknown,
  allowValue: Allow,
  nullable: Allow = () => false,
  path = "",
  key = "",
): string[] {
  const rk = kindOf(recorded);
  const ak = kindOf(actual);
  if (rk !== ak) {
    if ((rk === "null" || ak === "null") && allowValue(path, key) && nullable(path, key)) return [];
    return [`${path || "(root)"}: recorded ${rk} ${short(recorded)}, simulator ${ak} ${short(actual)}`];
  }
  if (rk === "object") {
    const r = recorded as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const out: string[] = [];
    for (const k of new Set([...Object.keys(r), ...Object.keys(a)])) {
      if (!(k in a)) out.push(`${path}.${k}: missing in simulator`);
      else if (!(k in r)) out.push(`${path}.${k}: not in recording`);
      else out.push(...diffResponse(r[k], a[k], allowValue, nullable, `${path}.${k}`, k));
    }
    return out;
  }
  if (rk === "array") {
    const r = recorded as unknown[];
    const a = actual as unknown[];
    if (r.length !== a.length && !allowValue(path, key))
      return [`${path}: recorded ${r.length} elements, simulator ${a.length}`];
    if (r.length === 0) return [];
    return a.flatMap((v, i) => diffResponse(r[i] ?? r[0], v, allowValue, nullable, `${path}[${i}]`, key));
  }
  if (recorded !== actual && !allowValue(path, key))
    return [`${path}: recorded ${short(recorded)}, simulator ${short(actual)}`];
  return [];
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? "undefined";
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
