// Shopify's rules for a bulkOperationRunQuery document, as a pure function so the
// app's tests can check the documents the app sends (`validateBulkQuery(schema, query)`).
//
// Every message below is Shopify's own wording, copied from a recorded response
// (simulator/test/recordings/2026-04/bulk-operations/, API 2026-04):
//   bulk-operation-run-query-validators.json     nodes selection, top-level node, depth, count,
//                                                parent id, operation type, connection in a list
//   bulk-operation-run-query-user-error-codes.json  no connection, empty query (syntax error)
//   bulk-operation-storage-byte-limit.json       query size limit (65535 bytes)
// Rules or wordings that are not recorded are marked "(not recorded)" and are
// deliberately strict; see simulator/docs/fidelity.md.
import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type GraphQLType,
  type SelectionSetNode,
} from "graphql";
import type { BulkUserError } from "../graphql/context.js";

/** bulk-operation-storage-byte-limit.json: 65535 bytes pass, 65536 are refused. */
export const MAX_QUERY_BYTES = 65535;
/** bulk-operation-run-query-validators.json sixConnections. */
export const MAX_CONNECTIONS = 5;
/** bulk-operation-run-query-validators.json depthThreeNesting: the root connection is depth 0. */
export const MAX_CONNECTION_DEPTH = 2;

export const BULK_MESSAGES = {
  tooLarge: (bytes: number) => `Query is too large (${bytes} bytes; maximum is ${MAX_QUERY_BYTES} bytes)`,
  operationType: "Invalid operation type. Only `query` operations are supported.",
  topLevelNode: (field: string) => `Bulk queries cannot contain a top level \`${field}\` field.`,
  noConnection: "Bulk queries must contain at least one connection.",
  nodesSelection: (fields: string[]) =>
    `All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: '${fields[0]} { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection fields: ${fields.map((f) => `'${f}'`).join(", ")}.`,
  connectionInList: "Queries that contain a connection field within a list field are not currently supported.",
  parentId: (fields: string[]) =>
    `The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. Connection fields without 'id': ${fields.join(", ")}.`,
  tooManyConnections: `Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.`,
  tooDeep: `Bulk queries cannot contain connections with a nesting depth greater than ${MAX_CONNECTION_DEPTH}.`,
} as const;

/** A field whose type is a Relay connection (an object type named *Connection with `edges`). */
export function isConnectionType(type: unknown): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && "edges" in type.getFields();
}

function fieldsOf(type: GraphQLCompositeType): Record<string, GraphQLField<unknown, unknown>> {
  return "getFields" in type ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>) : {};
}

function isList(type: GraphQLType): boolean {
  return isListType(getNullableType(type));
}

function invalid(message: string): BulkUserError {
  return { field: ["query"], message, code: "INVALID" };
}

/**
 * graphql-js and Shopify (graphql-ruby) word syntax errors differently. The empty
 * document is recorded ("syntax error, unexpected end of file"); any other syntax
 * error keeps Shopify's "Invalid bulk query: " prefix with graphql-js's detail (not recorded).
 */
function syntaxMessage(err: Error): string {
  if (/Unexpected <EOF>/.test(err.message)) return "Invalid bulk query: syntax error, unexpected end of file";
  return `Invalid bulk query: ${err.message.replace(/^Syntax Error: /, "syntax error, ")}`;
}

function rubyWording(message: string): string {
  const m = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(message);
  return m ? `Field '${m[1]}' doesn't exist on type '${m[2]}'` : message;
}

/** One connection field found in the document. */
export interface BulkConnection {
  /** Field name (what Shopify's messages name), response key and nesting depth (root connection = 0). */
  name: string;
  key: string;
  depth: number;
  field: FieldNode;
  /** The connection's node type. */
  nodeType: GraphQLCompositeType;
  /** The enclosing connection, if nested. */
  parent: BulkConnection | undefined;
  /** Response keys from the enclosing connection's node (or the operation root) down to this field. */
  path: string[];
  /** The node selections of this connection (`edges { node { … } }`). */
  nodeSelections: SelectionSetNode[];
  selectsNodes: boolean;
  withinList: boolean;
}

export interface BulkQueryAnalysis {
  errors: BulkUserError[];
  document?: DocumentNode;
  root?: FieldNode;
  connections: BulkConnection[];
}

/** Walk the document once and apply every rule; `errors` is empty when Shopify would accept it. */
export function analyzeBulkQuery(schema: GraphQLSchema, query: string): BulkQueryAnalysis {
  const none = (errors: BulkUserError[]): BulkQueryAnalysis => ({ errors, connections: [] });
  const bytes = Buffer.byteLength(query, "utf8");
  if (bytes > MAX_QUERY_BYTES) return none([invalid(BULK_MESSAGES.tooLarge(bytes))]);
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (err) {
    return none([invalid(syntaxMessage(err as Error))]);
  }
  const ops = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  // bulk-operation-run-query-validators.json invalidOperationType: the only error reported.
  if (ops.some((o) => o.operation !== "query")) return none([invalid(BULK_MESSAGES.operationType)]);
  const validation = validate(schema, document);
  // Schema errors (not recorded for bulk): Shopify's "Invalid bulk query: " prefix; the most
  // common one in graphql-ruby's wording (as Shopify words it for plain requests), others graphql-js's.
  if (validation.length > 0)
    return none(validation.map((e) => invalid(`Invalid bulk query: ${rubyWording(e.message)}`)));
  // (not recorded) One operation per document: bulkOperationRunQuery has no operationName argument.
  if (ops.length !== 1) return none([invalid("Invalid bulk query: the document must contain exactly one operation.")]);
  const op = ops[0]!;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;

  const errors: BulkUserError[] = [];
  const rootFields = op.selectionSet.selections.filter(
    (s): s is FieldNode => s.kind === Kind.FIELD && !s.name.value.startsWith("__"),
  );
  // topLevelNode: reported together with "at least one connection" (both recorded in one response).
  for (const f of rootFields) {
    if (f.name.value === "node" || f.name.value === "nodes")
      errors.push(invalid(BULK_MESSAGES.topLevelNode(f.name.value)));
  }

  const connections: BulkConnection[] = [];
  const queryType = schema.getQueryType()!;
  // Walk selections; `owner` is the nearest enclosing connection, `inList` whether a
  // (non-edges) list field lies between it and here.
  const walk = (
    set: SelectionSetNode | undefined,
    parentType: GraphQLCompositeType,
    owner: BulkConnection | undefined,
    inList: boolean,
    path: string[],
  ): void => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind !== Kind.FIELD) {
        const frag = sel.kind === Kind.INLINE_FRAGMENT ? sel : fragments[sel.name.value];
        const cond = frag?.typeCondition
          ? (schema.getType(frag.typeCondition.name.value) as GraphQLCompositeType)
          : parentType;
        if (frag) walk(frag.selectionSet, cond, owner, inList, path);
        continue;
      }
      const def = fieldsOf(parentType)[sel.name.value];
      if (!def) continue;
      const type = getNamedType(def.type) as GraphQLCompositeType;
      if (isConnectionType(type)) {
        const conn: BulkConnection = {
          name: sel.name.value,
          key: sel.alias?.value ?? sel.name.value,
          depth: owner ? owner.depth + 1 : 0,
          field: sel,
          nodeType: getNamedType(fieldsOf(type)["edges"]!.type) as GraphQLCompositeType,
          parent: owner,
          path: [...path, sel.alias?.value ?? sel.name.value],
          nodeSelections: [],
          selectsNodes: false,
          withinList: inList,
        };
        conn.nodeType = getNamedType(fieldsOf(conn.nodeType)["node"]!.type) as GraphQLCompositeType;
        connections.push(conn);
        const collect = (cs: SelectionSetNode | undefined, type: GraphQLCompositeType): void => {
          for (const c of cs?.selections ?? []) {
            if (c.kind === Kind.FIELD) {
              if (c.name.value === "nodes") {
                conn.selectsNodes = true;
                walk(c.selectionSet, conn.nodeType, conn, false, []);
              } else if (c.name.value === "edges") {
                for (const es of c.selectionSet?.selections ?? []) {
                  if (es.kind === Kind.FIELD && es.name.value === "node" && es.selectionSet) {
                    conn.nodeSelections.push(es.selectionSet);
                    walk(es.selectionSet, conn.nodeType, conn, false, []);
                  }
                }
              }
            } else {
              const frag = c.kind === Kind.INLINE_FRAGMENT ? c : fragments[c.name.value];
              if (frag) collect(frag.selectionSet, type);
            }
          }
        };
        collect(sel.selectionSet, type);
      } else if (sel.selectionSet) {
        walk(sel.selectionSet, type, owner, inList || isList(def.type), [...path, sel.alias?.value ?? sel.name.value]);
      }
    }
  };
  walk(op.selectionSet, queryType, undefined, false, []);

  if (connections.length === 0) errors.push(invalid(BULK_MESSAGES.noConnection));
  const viaNodes = connections.filter((c) => c.selectsNodes).map((c) => c.name);
  if (viaNodes.length > 0) errors.push(invalid(BULK_MESSAGES.nodesSelection(viaNodes)));
  if (connections.some((c) => c.withinList)) errors.push(invalid(BULK_MESSAGES.connectionInList));
  // nestedWithoutParentId: the message names the parent connection whose node lacks `id`.
  const withoutId = new Set<string>();
  for (const c of connections) {
    if (c.parent && !selectsPlainId(c.parent)) withoutId.add(c.parent.name);
  }
  if (withoutId.size > 0) errors.push(invalid(BULK_MESSAGES.parentId([...withoutId])));
  if (connections.length > MAX_CONNECTIONS) errors.push(invalid(BULK_MESSAGES.tooManyConnections));
  if (connections.some((c) => c.depth > MAX_CONNECTION_DEPTH)) errors.push(invalid(BULK_MESSAGES.tooDeep));
  return { errors, document, root: rootFields[0], connections };
}

/**
 * Whether every `node { … }` of a connection selects `id` directly and without an
 * alias (the recorded wording). Strict: an `id` reached only through a fragment does
 * not count (not recorded either way).
 */
function selectsPlainId(conn: BulkConnection): boolean {
  if (conn.nodeSelections.length === 0) return false;
  return conn.nodeSelections.every((set) =>
    set.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "id" && !s.alias),
  );
}

/**
 * Shopify's userErrors for `query` as a bulkOperationRunQuery argument (empty when
 * Shopify would accept it). Pure: no simulator state; `schema` from `loadAdminSchema()`.
 */
export function validateBulkQuery(schema: GraphQLSchema, query: string): BulkUserError[] {
  return analyzeBulkQuery(schema, query).errors;
}
