// Shopify's search syntax for the `query:` argument of connections, e.g.
//   updated_at:>='2026-01-01T00:00:00Z' AND id:>5000 -status:archived (a OR b)
// Terms: field:value, field:>value, >=, <, <=, quoted values ('…' or "…"),
// implicit AND, AND, OR, NOT / leading "-", parentheses, bare words (free text).
// Each resource defines which fields it knows and how to read them; unknown
// fields are ignored like Shopify does, and reported as search warnings.
import { DateTime } from "luxon";

export type Comparator = ":" | ">" | ">=" | "<" | "<=";

export type SearchNode =
  | { kind: "term"; field: string | null; op: Comparator; value: string }
  | { kind: "and"; nodes: SearchNode[] }
  | { kind: "or"; nodes: SearchNode[] }
  | { kind: "not"; node: SearchNode };

type Token = { t: "word"; v: string; quoted: boolean } | { t: "(" } | { t: ")" } | { t: "-" };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "(" || c === ")") {
      tokens.push({ t: c });
      i++;
    } else if (c === "-" && i + 1 < input.length && !/\s/.test(input[i + 1]!)) {
      tokens.push({ t: "-" });
      i++;
    } else {
      // A word runs to whitespace or a paren, but quoted sections may contain both.
      let word = "";
      let quoted = false;
      while (i < input.length && !/\s/.test(input[i]!) && input[i] !== "(" && input[i] !== ")") {
        const q = input[i]!;
        if (q === "'" || q === '"') {
          const end = input.indexOf(q, i + 1);
          const stop = end === -1 ? input.length : end;
          word += input.slice(i + 1, stop);
          quoted = true;
          i = stop + 1;
        } else {
          word += q;
          i++;
        }
      }
      tokens.push({ t: "word", v: word, quoted });
    }
  }
  return tokens;
}

export function parseSearch(input: string): SearchNode {
  const tokens = tokenize(input);
  let pos = 0;
  const peek = () => tokens[pos];

  function parseOr(): SearchNode {
    const nodes = [parseAnd()];
    while (peek()?.t === "word" && (peek() as { v: string }).v === "OR") {
      pos++;
      nodes.push(parseAnd());
    }
    return nodes.length === 1 ? nodes[0]! : { kind: "or", nodes };
  }

  function parseAnd(): SearchNode {
    const nodes: SearchNode[] = [];
    for (;;) {
      const tok = peek();
      if (!tok || tok.t === ")") break;
      if (tok.t === "word" && !tok.quoted && tok.v === "OR") break;
      if (tok.t === "word" && !tok.quoted && tok.v === "AND") {
        pos++;
        continue;
      }
      nodes.push(parseUnary());
    }
    return nodes.length === 1 ? nodes[0]! : { kind: "and", nodes };
  }

  function parseUnary(): SearchNode {
    const tok = peek()!;
    if (tok.t === "-") {
      pos++;
      return { kind: "not", node: parseUnary() };
    }
    if (tok.t === "word" && !tok.quoted && tok.v === "NOT") {
      pos++;
      return { kind: "not", node: parseUnary() };
    }
    if (tok.t === "(") {
      pos++;
      const inner = parseOr();
      if (peek()?.t === ")") pos++;
      return inner;
    }
    pos++;
    return parseTerm((tok as { v: string }).v);
  }

  const root = parseAnd();
  // Unbalanced ")" or a trailing OR: consume the rest as more AND terms.
  if (pos < tokens.length) {
    const rest: SearchNode[] = [root];
    while (pos < tokens.length) {
      if (peek()?.t === "word" && (peek() as { v: string }).v === "OR") {
        pos++;
        return { kind: "or", nodes: [root, parseOr()] };
      }
      if (peek()?.t === ")") {
        pos++;
        continue;
      }
      rest.push(parseAnd());
    }
    return { kind: "and", nodes: rest };
  }
  return root;
}

function parseTerm(word: string): SearchNode {
  const m = /^([a-zA-Z_][a-zA-Z0-9_.]*):(>=|<=|>|<)?(.*)$/.exec(word);
  if (!m) return { kind: "term", field: null, op: ":", value: word };
  return { kind: "term", field: m[1]!.toLowerCase(), op: (m[2] ?? ":") as Comparator, value: m[3]! };
}

/** How a resource answers one search field for one record. */
export type FieldKind = "timestamp" | "id" | "number" | "string" | "boolean" | "strings";
export interface SearchField<T> {
  kind: FieldKind;
  get(record: T): string | number | boolean | null | string[];
}
export type SearchFields<T> = Record<string, SearchField<T>>;

export interface CompiledSearch<T> {
  predicate: (record: T) => boolean;
  warnings: Array<{ field: string; message: string; code: "invalid_field" | "invalid_value" }>;
}

/**
 * The query tree as Shopify echoes it in `extensions.search[].parsed`. Recorded shapes:
 * a term `{ field, match_all }` and `{ and: [...] }` (2025-01/orders/draft-orders-search-sort-staged.json,
 * 2026-04/products/selling-plan-group-lifecycle.json). Not recorded, so modelled on those:
 * `or`/`not` nodes, `range_gt|range_gte|range_lt|range_lte` for comparisons, and free text
 * as field "default" (listed under Known gaps in docs/fidelity.md).
 */
export function parsedSearch(node: SearchNode): unknown {
  switch (node.kind) {
    case "and":
      return { and: node.nodes.map(parsedSearch) };
    case "or":
      return { or: node.nodes.map(parsedSearch) };
    case "not":
      return { not: parsedSearch(node.node) };
    case "term": {
      const key = { ":": "match_all", ">": "range_gt", ">=": "range_gte", "<": "range_lt", "<=": "range_lte" }[node.op];
      return { field: node.field ?? "default", [key]: node.value };
    }
  }
}

/** A timestamp filter value: ISO with time (UTC unless offset), or a date in the shop's zone. */
export function parseSearchTime(value: string, zone: string): number | undefined {
  const v = value.trim();
  if (v === "") return undefined;
  const iso = DateTime.fromISO(v, { zone: /T/.test(v) ? "utc" : zone, setZone: false });
  if (iso.isValid) return iso.toMillis();
  const sql = DateTime.fromSQL(v, { zone });
  return sql.isValid ? sql.toMillis() : undefined;
}

function compare(a: number | string, b: number | string, op: Comparator): boolean {
  switch (op) {
    case ":":
      return a === b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
  }
}

export function compileSearch<T>(
  query: string | null | undefined,
  fields: SearchFields<T>,
  freeText: (record: T, text: string) => boolean,
  zone: string,
): CompiledSearch<T> {
  const warnings: CompiledSearch<T>["warnings"] = [];
  if (!query || query.trim() === "") return { predicate: () => true, warnings };
  const compileNode = (node: SearchNode): ((r: T) => boolean) => {
    switch (node.kind) {
      case "and": {
        const parts = node.nodes.map(compileNode);
        return (r) => parts.every((p) => p(r));
      }
      case "or": {
        const parts = node.nodes.map(compileNode);
        return (r) => parts.some((p) => p(r));
      }
      case "not": {
        const inner = compileNode(node.node);
        return (r) => !inner(r);
      }
      case "term":
        return compileTerm(node);
    }
  };
  const compileTerm = (term: Extract<SearchNode, { kind: "term" }>): ((r: T) => boolean) => {
    if (term.field === null) {
      const text = term.value.toLowerCase();
      return (r) => freeText(r, text);
    }
    const field = fields[term.field];
    if (!field) {
      // Recorded: { field, message: "Invalid search field for this query.", code: "invalid_field" }.
      warnings.push({ field: term.field, message: "Invalid search field for this query.", code: "invalid_field" });
      return () => true;
    }
    const raw = term.value;
    switch (field.kind) {
      case "timestamp": {
        const at = parseSearchTime(raw, zone);
        if (at === undefined) {
          // Recorded for enum values (2026-04/bulk-operations/bulk-operations-read-arg-validation.json).
          warnings.push({
            field: term.field,
            message: `Input \`${raw}\` is not an accepted value.`,
            code: "invalid_value",
          });
          return () => true;
        }
        // Stored timestamps are "YYYY-MM-DDTHH:MM:SSZ"; for whole-second values a string
        // comparison gives the same answer as comparing instants, without parsing each record.
        const atText = at % 1000 === 0 ? new Date(at).toISOString().replace(".000Z", "Z") : undefined;
        return (r) => {
          const v = field.get(r);
          if (typeof v !== "string") return false;
          return atText !== undefined && v.length === 20
            ? compare(v, atText, term.op)
            : compare(Date.parse(v), at, term.op);
        };
      }
      case "id":
      case "number": {
        const gidMatch = /\/(\d+)$/.exec(raw);
        const n = Number(gidMatch ? gidMatch[1] : raw);
        if (!Number.isFinite(n)) {
          warnings.push({
            field: term.field,
            message: `Input \`${raw}\` is not an accepted value.`,
            code: "invalid_value",
          });
          return () => true;
        }
        return (r) => {
          const v = field.get(r);
          return typeof v === "number" && compare(v, n, term.op);
        };
      }
      case "boolean": {
        const want = raw.toLowerCase() === "true";
        return (r) => field.get(r) === want;
      }
      case "strings": {
        const want = raw.toLowerCase();
        return (r) => {
          const v = field.get(r);
          return Array.isArray(v) && v.some((s) => s.toLowerCase() === want);
        };
      }
      case "string": {
        const want = raw.toLowerCase();
        const prefix = want.endsWith("*") ? want.slice(0, -1) : undefined;
        return (r) => {
          const v = field.get(r);
          if (typeof v !== "string") return false;
          const s = v.toLowerCase();
          if (term.op !== ":") return compare(s, want, term.op);
          return prefix !== undefined ? s.startsWith(prefix) : s === want;
        };
      }
    }
  };
  return { predicate: compileNode(parseSearch(query)), warnings };
}

/**
 * Conservative bounds on one field implied by a query's top-level AND terms
 * (terms under OR/NOT are ignored): every matching record lies within them.
 * Lets a listing sorted by that field skip straight to the candidates.
 * Timestamps come back as "YYYY-MM-DDTHH:MM:SSZ" strings, ids as numbers.
 */
export function fieldBounds(
  query: string | null | undefined,
  field: string,
  kind: "timestamp" | "id",
  zone: string,
): { min?: string | number; max?: string | number } {
  if (!query || query.trim() === "") return {};
  const root = parseSearch(query);
  const terms = root.kind === "and" ? root.nodes : [root];
  let min: string | number | undefined;
  let max: string | number | undefined;
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  for (const t of terms) {
    if (t.kind !== "term" || t.field !== field) continue;
    let lo: string | number | undefined;
    let hi: string | number | undefined;
    if (kind === "timestamp") {
      const at = parseSearchTime(t.value, zone);
      if (at === undefined) continue;
      lo = iso(Math.floor(at / 1000) * 1000);
      hi = iso(Math.ceil(at / 1000) * 1000);
    } else {
      const m = /\/(\d+)$/.exec(t.value);
      const n = Number(m ? m[1] : t.value);
      if (!Number.isFinite(n)) continue;
      lo = hi = n;
    }
    if (t.op === ">" || t.op === ">=" || t.op === ":") min = min === undefined || lo > min ? lo : min;
    if (t.op === "<" || t.op === "<=" || t.op === ":") max = max === undefined || hi < max ? hi : max;
  }
  return { min, max };
}
