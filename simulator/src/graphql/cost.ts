// Shopify's calculated query cost (shopify.dev "GraphQL Admin API rate limits"):
// scalars and enums 0, objects 1, connections 2 + (first|last) × (cost of one
// node), lists sized by their `first`/ids argument, mutations 10. The requested
// cost is computed from the document before execution; the actual cost walks
// the returned data with the same rules but real sizes (nulls cost nothing).
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

export const MUTATION_COST = 10;
export const CONNECTION_BASE_COST = 2;
export const SINGLE_QUERY_MAX_COST = 1000;

interface CostEnv {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function isConnectionType(t: GraphQLNamedType): boolean {
  return isObjectType(t) && t.name.endsWith("Connection") && "edges" in t.getFields();
}

function argValue(node: ValueNode | undefined, env: CostEnv): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case Kind.INT:
      return Number(node.value);
    case Kind.VARIABLE:
      return env.variables[node.name.value];
    case Kind.LIST:
      return node.values.map((v) => argValue(v, env));
    case Kind.STRING:
      return node.value;
    default:
      return undefined;
  }
}

function fieldArg(field: FieldNode, name: string, env: CostEnv): unknown {
  return argValue(field.arguments?.find((a) => a.name.value === name)?.value, env);
}

function fieldDef(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(parent) || "getFields" in parent) {
    return (parent as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()[name];
  }
  return undefined;
}

/**
 * Fields selected directly count; fragments (inline or spread) whose type
 * condition differs from the parent are alternatives, so only the most
 * expensive one counts, as Shopify does for interfaces and unions.
 */
function selectionCost(set: SelectionSetNode | undefined, parent: GraphQLCompositeType, env: CostEnv): number {
  if (!set) return 0;
  let direct = 0;
  const alternatives = new Map<string, number>();
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      direct += fieldCost(sel, parent, env);
    } else {
      const frag = sel.kind === Kind.INLINE_FRAGMENT ? sel : env.fragments[sel.name.value];
      if (!frag) continue;
      const condName = frag.typeCondition?.name.value ?? parent.name;
      const condType = (env.schema.getType(condName) as GraphQLCompositeType | undefined) ?? parent;
      const cost = selectionCost(frag.selectionSet, condType, env);
      if (condName === parent.name) direct += cost;
      else alternatives.set(condName, (alternatives.get(condName) ?? 0) + cost);
    }
  }
  return direct + (alternatives.size > 0 ? Math.max(...alternatives.values()) : 0);
}

/** Cost of one node of a connection: selections under edges.node and nodes. */
function connectionNodeCost(field: FieldNode, connection: GraphQLCompositeType, env: CostEnv): number {
  let cost = 0;
  const visit = (set: SelectionSetNode | undefined, parent: GraphQLCompositeType) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind !== Kind.FIELD) {
        const frag = sel.kind === Kind.INLINE_FRAGMENT ? sel : env.fragments[sel.name.value];
        if (frag) visit(frag.selectionSet, parent);
        continue;
      }
      const def = fieldDef(parent, sel.name.value);
      if (!def) continue;
      const named = getNamedType(def.type) as GraphQLCompositeType;
      if (sel.name.value === "edges") visit(sel.selectionSet, named);
      else if (sel.name.value === "node" || sel.name.value === "nodes") cost += 1 + selectionCost(sel.selectionSet, named, env);
    }
  };
  visit(field.selectionSet, connection);
  return cost;
}

function fieldCost(field: FieldNode, parent: GraphQLCompositeType, env: CostEnv): number {
  const name = field.name.value;
  if (name.startsWith("__")) return 0;
  const def = fieldDef(parent, name);
  if (!def) return 0;
  const named = getNamedType(def.type);
  if (isLeafType(named)) return 0;
  const composite = named as GraphQLCompositeType;
  if (isConnectionType(named)) {
    const size = Number(fieldArg(field, "first", env) ?? fieldArg(field, "last", env) ?? 1) || 0;
    return CONNECTION_BASE_COST + size * connectionNodeCost(field, composite, env);
  }
  const inner = 1 + selectionCost(field.selectionSet, composite, env);
  if (isListType(getNullableType(def.type))) {
    const ids = fieldArg(field, "ids", env);
    const size = Array.isArray(ids) ? ids.length : Number(fieldArg(field, "first", env) ?? 1) || 1;
    return size * inner;
  }
  return inner;
}

export function requestedCost(schema: GraphQLSchema, op: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown>): number {
  const env: CostEnv = { schema, fragments, variables };
  if (op.operation === "mutation") {
    // Each mutation field costs a flat 10, its payload selection included.
    return op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && !s.name.value.startsWith("__")).length * MUTATION_COST;
  }
  return selectionCost(op.selectionSet, schema.getQueryType()!, env);
}

// ---- actual cost ----

function actualSelection(set: SelectionSetNode | undefined, parent: GraphQLCompositeType, value: unknown, env: CostEnv): number {
  if (!set || value === null || typeof value !== "object") return 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      cost += actualField(sel, parent, (value as Record<string, unknown>)[sel.alias?.value ?? sel.name.value], env);
    } else {
      const frag = sel.kind === Kind.INLINE_FRAGMENT ? sel : env.fragments[sel.name.value];
      if (!frag) continue;
      const condName = frag.typeCondition?.name.value;
      const typename = (value as { __typename?: string }).__typename;
      // Without __typename in the data we count fragment fields that came back.
      if (condName && typename && condName !== typename && !isAbstractType(env.schema.getType(condName)!)) continue;
      const condType = (condName ? (env.schema.getType(condName) as GraphQLCompositeType) : parent) ?? parent;
      cost += actualSelection(frag.selectionSet, condType, value, env);
    }
  }
  return cost;
}

function actualField(field: FieldNode, parent: GraphQLCompositeType, value: unknown, env: CostEnv): number {
  const name = field.name.value;
  if (name.startsWith("__") || value === undefined || value === null) return 0;
  const def = fieldDef(parent, name);
  if (!def) return 0;
  const named = getNamedType(def.type);
  if (isLeafType(named)) return 0;
  const composite = named as GraphQLCompositeType;
  if (isConnectionType(named)) {
    const conn = value as { edges?: Array<{ node?: unknown }>; nodes?: unknown[] };
    let cost = CONNECTION_BASE_COST;
    const nodeFields: Array<[FieldNode, unknown[]]> = [];
    for (const sel of field.selectionSet?.selections ?? []) {
      if (sel.kind !== Kind.FIELD) continue;
      const key = sel.alias?.value ?? sel.name.value;
      if (sel.name.value === "nodes") nodeFields.push([sel, ((conn as Record<string, unknown>)[key] as unknown[]) ?? []]);
      if (sel.name.value === "edges") {
        const edges = ((conn as Record<string, unknown>)[key] as Array<Record<string, unknown>>) ?? [];
        for (const edgeSel of sel.selectionSet?.selections ?? []) {
          if (edgeSel.kind === Kind.FIELD && edgeSel.name.value === "node") {
            nodeFields.push([edgeSel, edges.map((e) => e[edgeSel.alias?.value ?? "node"])]);
          }
        }
      }
    }
    const nodeType = getNamedType((composite as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()["nodes"]?.type ?? def.type) as GraphQLCompositeType;
    for (const [sel, nodes] of nodeFields) {
      for (const n of nodes) if (n !== null && n !== undefined) cost += 1 + actualSelection(sel.selectionSet, nodeType, n, env);
    }
    return cost;
  }
  if (Array.isArray(value)) {
    return value.reduce<number>((sum, item) => sum + (item === null ? 0 : 1 + actualSelection(field.selectionSet, composite, item, env)), 0);
  }
  return 1 + actualSelection(field.selectionSet, composite, value, env);
}

export function actualCost(schema: GraphQLSchema, op: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown>, data: unknown): number {
  const env: CostEnv = { schema, fragments, variables };
  if (op.operation === "mutation") return requestedCost(schema, op, fragments, variables);
  return actualSelection(op.selectionSet, schema.getQueryType()!, data, env);
}
