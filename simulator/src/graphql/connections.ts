// Relay-style pagination over a list that is already sorted ascending by
// (sortValue, id), the way Shopify pages: cursors encode the last record's sort
// value and id, so pages stay stable while records are added elsewhere.
import { GraphQLError, isObjectType, type GraphQLNamedType, type GraphQLObjectType } from "graphql";

export type SortValue = string | number;

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  __typename?: string;
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

export const MAX_PAGE_SIZE = 250;

interface CursorKey {
  last_id: number;
  last_value: SortValue;
}

export function encodeCursor(id: number, value: SortValue): string {
  return Buffer.from(JSON.stringify({ last_id: id, last_value: value })).toString("base64");
}

function decodeCursor(cursor: string): CursorKey {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as CursorKey;
    if (
      typeof parsed.last_id === "number" &&
      (typeof parsed.last_value === "string" || typeof parsed.last_value === "number")
    ) {
      return parsed;
    }
  } catch {
    // fall through
  }
  throw new GraphQLError("Invalid cursor for current pagination sort.", { extensions: { code: "BAD_REQUEST" } });
}

function cmp(aValue: SortValue, aId: number, bValue: SortValue, bId: number): number {
  if (aValue < bValue) return -1;
  if (aValue > bValue) return 1;
  return aId - bId;
}

/** Checks Shopify's rules for first/last before any work is done. */
export function checkPageArgs(args: ConnectionArgs, unbounded = false): void {
  if (unbounded) return;
  if (args.first == null && args.last == null) {
    throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
  }
  if (args.first != null && args.last != null) {
    throw new GraphQLError("Passing both `first` and `last` to paginate is not supported.", {
      extensions: { code: "BAD_REQUEST" },
    });
  }
  for (const name of ["first", "last"] as const) {
    const n = args[name];
    if (n != null && (n < 0 || n > MAX_PAGE_SIZE)) {
      throw new GraphQLError(`The ${name} argument must be between 0 and ${MAX_PAGE_SIZE}.`, {
        extensions: { code: "BAD_REQUEST" },
      });
    }
  }
}

/**
 * Page through `sorted` (ascending by sortValue then id) keeping records that
 * pass `keep`. `unbounded` (bulk operations) ignores first/last and returns all.
 */
export function paginate<T extends { id: number }>(
  sorted: readonly T[],
  sortValue: (record: T) => SortValue,
  keep: (record: T) => boolean,
  args: ConnectionArgs,
  wrap: (record: T) => unknown = (r) => r,
  unbounded = false,
  /** Ascending index range [from, to) outside which no record can pass `keep`. */
  window?: { from: number; to: number },
): Connection<unknown> {
  checkPageArgs(args, unbounded);
  const n = sorted.length;
  const reverse = !!args.reverse;
  const at = (i: number): T => sorted[reverse ? n - 1 - i : i]!;
  // lower bound: first asc index with key >= k; upper bound: first with key > k.
  const bound = (k: CursorKey, upper: boolean): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = sorted[mid]!;
      const c = cmp(sortValue(r), r.id, k.last_value, k.last_id);
      if (c < 0 || (upper && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Traversal positions that can hold matches at all.
  const lowest = window ? (reverse ? n - window.to : window.from) : 0;
  const highest = window ? (reverse ? n - window.from : window.to) : n;
  let start = lowest;
  let end = highest;
  if (args.after) {
    const k = decodeCursor(args.after);
    start = Math.max(lowest, reverse ? n - bound(k, false) : bound(k, true));
  }
  if (args.before) {
    const k = decodeCursor(args.before);
    end = Math.min(highest, reverse ? n - bound(k, true) : bound(k, false));
  }
  const picked: T[] = [];
  const anyMatch = (from: number, to: number, step: 1 | -1): boolean => {
    for (let i = from; step === 1 ? i < to : i >= to; i += step) if (keep(at(i))) return true;
    return false;
  };
  // The "is there more on the other side" answers can mean scanning far through a
  // filtered million-record list, so they are computed only when selected (getters).
  let hasNextPage: () => boolean;
  let hasPreviousPage: () => boolean;
  if (unbounded || args.last == null) {
    const limit = unbounded || args.first == null ? Infinity : args.first;
    let i = start;
    for (; i < end && picked.length < limit; i++) {
      const r = at(i);
      if (keep(r)) picked.push(r);
    }
    const next = i;
    hasNextPage = () => anyMatch(next, end, 1);
    hasPreviousPage = () => (args.after ? anyMatch(start - 1, lowest, -1) : false);
  } else {
    const limit = args.last;
    let i = end - 1;
    for (; i >= start && picked.length < limit; i--) {
      const r = at(i);
      if (keep(r)) picked.push(r);
    }
    picked.reverse();
    const previous = i;
    hasPreviousPage = () => anyMatch(previous, start, -1);
    hasNextPage = () => (args.before ? anyMatch(end, highest, 1) : false);
  }
  const edges = picked.map((r) => ({ cursor: encodeCursor(r.id, sortValue(r)), node: wrap(r) }));
  let nextCache: boolean | undefined;
  let previousCache: boolean | undefined;
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      get hasNextPage() {
        return (nextCache ??= hasNextPage());
      },
      get hasPreviousPage() {
        return (previousCache ??= hasPreviousPage());
      },
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** A Relay connection type of the schema (named *Connection, with `edges`). */
export function isConnectionObject(type: GraphQLNamedType): type is GraphQLObjectType {
  return isObjectType(type) && type.name.endsWith("Connection") && "edges" in type.getFields();
}

/** A Relay edge type of the schema. */
export function isEdgeObject(type: GraphQLNamedType): type is GraphQLObjectType {
  return isObjectType(type) && type.name.endsWith("Edge") && "node" in type.getFields() && "cursor" in type.getFields();
}
