// Checks a bulk query against Shopify's rules and plans how to flatten its
// results into JSONL:
// - a query (not a mutation), valid against the Admin schema;
// - exactly one top-level field, a connection (the simulator supports the
//   root connections it implements), and never `node`/`nodes`;
// - at least one connection, at most five, nested at most two levels deep.
// Nested connections come out as their own lines with `__parentId`; to know the
// parent's id even when the query does not select it, the plan adds an aliased
// `id` that is stripped from the output.
import {
  getNamedType,
  isObjectType,
  Kind,
  parse,
  print,
  validate,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import type { BulkUserError } from "../graphql/context.js";

export const PARENT_ID_ALIAS = "__simParentId";
export const MAX_CONNECTIONS = 5;
export const MAX_CONNECTION_DEPTH = 2;

/** A connection inside a node: its response key and what is inside it. */
export interface NestedConnectionPlan {
  key: string;
  children: NestedConnectionPlan[];
}

export interface BulkQueryPlan {
  /** The rewritten document executed page by page. */
  document: DocumentNode;
  /** Response key of the top-level connection. */
  rootKey: string;
  rootField: string;
  nested: NestedConnectionPlan[];
}

function isConnection(type: unknown): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && "edges" in type.getFields();
}

function fieldsOf(type: GraphQLCompositeType): Record<string, GraphQLField<unknown, unknown>> {
  return "getFields" in type ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>) : {};
}

export function planBulkQuery(schema: GraphQLSchema, query: string): { plan?: BulkQueryPlan; errors: BulkUserError[] } {
  const invalid = (message: string): { errors: BulkUserError[] } => ({ errors: [{ field: ["query"], message, code: "INVALID" }] });
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (err) {
    return invalid(`Invalid bulk query: ${(err as Error).message}`);
  }
  const validation = validate(schema, document);
  if (validation.length > 0) return invalid(`Invalid bulk query: ${validation.map((e) => e.message).join("; ")}`);
  const ops = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (ops.length !== 1) return invalid("Invalid bulk query: the document must contain exactly one operation.");
  const op = ops[0]!;
  if (op.operation !== "query") return invalid("Invalid bulk query: only queries can run as bulk query operations; use bulkOperationRunMutation for mutations.");
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const rootFields = op.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && !s.name.value.startsWith("__"));
  if (rootFields.length !== 1 || rootFields.length !== op.selectionSet.selections.length) {
    return invalid("Invalid bulk query: bulk queries must select exactly one top-level field.");
  }
  const root = rootFields[0]!;
  if (root.name.value === "node" || root.name.value === "nodes") {
    return invalid(`Invalid bulk query: the top-level ${root.name.value} field can't be used in bulk queries.`);
  }
  const queryType = schema.getQueryType()!;
  const rootDef = queryType.getFields()[root.name.value]!;
  const rootType = getNamedType(rootDef.type);

  // Count connections and their nesting depth.
  let connections = 0;
  let maxDepth = 0;
  const nestedIn = (set: SelectionSetNode | undefined, parent: GraphQLCompositeType, depth: number): NestedConnectionPlan[] => {
    const plans: NestedConnectionPlan[] = [];
    for (const sel of set?.selections ?? []) {
      if (sel.kind !== Kind.FIELD) {
        const frag = sel.kind === Kind.INLINE_FRAGMENT ? sel : fragments[sel.name.value];
        const cond = frag?.typeCondition ? (schema.getType(frag.typeCondition.name.value) as GraphQLCompositeType) : parent;
        if (frag) plans.push(...nestedIn(frag.selectionSet, cond, depth));
        continue;
      }
      const def = fieldsOf(parent)[sel.name.value];
      if (!def) continue;
      const type = getNamedType(def.type) as GraphQLCompositeType;
      if (isConnection(type)) {
        connections++;
        maxDepth = Math.max(maxDepth, depth + 1);
        const nodeType = getNamedType(fieldsOf(type)["nodes"]!.type) as GraphQLCompositeType;
        const inner: NestedConnectionPlan[] = [];
        for (const cs of sel.selectionSet?.selections ?? []) {
          if (cs.kind !== Kind.FIELD) continue;
          if (cs.name.value === "nodes") inner.push(...nestedIn(cs.selectionSet, nodeType, depth + 1));
          if (cs.name.value === "edges") {
            for (const es of cs.selectionSet?.selections ?? []) {
              if (es.kind === Kind.FIELD && es.name.value === "node") inner.push(...nestedIn(es.selectionSet, nodeType, depth + 1));
            }
          }
        }
        plans.push({ key: sel.alias?.value ?? sel.name.value, children: inner });
      } else if (sel.selectionSet) {
        // Connections under plain objects are flattened the same way in the simulator.
        plans.push(...nestedIn(sel.selectionSet, type, depth).map((p) => ({ ...p, key: `${sel.alias?.value ?? sel.name.value}.${p.key}` })));
      }
    }
    return plans;
  };
  let nested: NestedConnectionPlan[] = [];
  if (isConnection(rootType)) {
    const plan = nestedIn({ kind: Kind.SELECTION_SET, selections: [root] }, queryType, 0);
    nested = plan[0]?.children ?? [];
  } else {
    nestedIn(root.selectionSet, rootType as GraphQLCompositeType, 0);
    return connections === 0
      ? invalid("Invalid bulk query: bulk queries must contain at least one connection.")
      : invalid(`Invalid bulk query: the Shopify simulator only runs bulk queries whose top-level field is a connection (got '${root.name.value}').`);
  }
  if (connections > MAX_CONNECTIONS) {
    return invalid(`Invalid bulk query: bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.`);
  }
  if (maxDepth > MAX_CONNECTION_DEPTH) {
    return invalid(`Invalid bulk query: bulk queries cannot contain connections nested more than ${MAX_CONNECTION_DEPTH} levels deep.`);
  }

  // Add `__simParentId: id` to node selections that hold a nested connection: their
  // ids feed the children's __parentId. A connection always selects edges or nodes.
  const holdsConnection = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((sel) => {
      if (sel.kind === Kind.FIELD) {
        const inner = sel.selectionSet?.selections ?? [];
        // A connection itself, or a plain object (e.g. `customer`) with a connection inside.
        return inner.some((c) => c.kind === Kind.FIELD && (c.name.value === "edges" || c.name.value === "nodes")) || holdsConnection(sel.selectionSet);
      }
      const frag = sel.kind === Kind.INLINE_FRAGMENT ? sel : fragments[sel.name.value];
      return holdsConnection(frag?.selectionSet);
    });
  const withIds = visit(document, {
    Field: {
      leave(node) {
        if ((node.name.value === "node" || node.name.value === "nodes") && node.selectionSet && holdsConnection(node.selectionSet)) {
          const idField: FieldNode = {
            kind: Kind.FIELD,
            alias: { kind: Kind.NAME, value: PARENT_ID_ALIAS },
            name: { kind: Kind.NAME, value: "id" },
          };
          return { ...node, selectionSet: { ...node.selectionSet, selections: [...node.selectionSet.selections, idField] } };
        }
        return undefined;
      },
    },
  });
  return {
    plan: { document: parse(print(withIds)), rootKey: root.alias?.value ?? root.name.value, rootField: root.name.value, nested },
    errors: [],
  };
}
