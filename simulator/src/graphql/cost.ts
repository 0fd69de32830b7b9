// Shopify's calculated query cost, calibrated on what Shopify reported for real
// queries (simulator/test/recordings/query-costs.jsonl; shopify.dev "GraphQL Admin
// API rate limits" for the base rules): scalars and enums 0, objects 1, money
// objects 0, lists of objects priced as one object, connections
// 2 + ⌊2·ln(first|last)⌋ × (cost of one node), QueryRoot *Count fields 10,
// interfaces/unions the dearest alternative, mutations max(10, 8 + payload). The requested cost is
// computed from the document before execution; the actual cost applies the same
// rules to the returned data (nulls cost nothing).
import {
  getNamedType,
  isAbstractType,
  isLeafType,
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
  TypeMetaFieldDef,
} from "graphql";

export const MUTATION_COST = 10;
export const CONNECTION_BASE_COST = 2;
export const SINGLE_QUERY_MAX_COST = 1000;
/** QueryRoot `*Count` fields (productsCount, ordersCount, …): query-costs.jsonl records 10. */
export const ROOT_COUNT_COST = 10;

/**
 * Objects Shopify prices at 0 like scalars: money values (query-costs.jsonl: an order
 * with totalOutstandingSet { shopMoney presentmentMoney } costs 1; giftCardConfiguration
 * with two MoneyV2 limits costs 1).
 */
const FREE_OBJECT_TYPES = new Set(["MoneyBag", "MoneyV2"]);

/**
 * How many nodes a connection of page size `n` is priced at. Shopify does not price
 * `first: n` at n nodes any more: query-costs.jsonl records, for one-object nodes,
 * n = 1 → 1, 3 → 2, 5 → 3, 10 → 4, 20 → 5, 50 → 7, 250 → 11, i.e. ⌊2·ln n⌋ (at least 1).
 * Without first/last (an error on Shopify) the connection costs its base only.
 */
export function connectionSizeFactor(n: number): number {
  if (!(n > 0)) return 0;
  return Math.max(1, Math.floor(2 * Math.log(n)));
}

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
  if (name === "__type") return env0Introspection(parent, name);
  if (isObjectType(parent) || "getFields" in parent) {
    return (parent as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()[name];
  }
  return undefined;
}

/** `__type` / `__schema` are not in QueryRoot's field map; graphql-js keeps them apart. */
function env0Introspection(_parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return name === "__type" ? (TypeMetaFieldDef as GraphQLField<unknown, unknown>) : undefined;
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

/** Cost of one node of a connection: what is selected under edges.node plus under nodes. */
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
      else if (sel.name.value === "node" || sel.name.value === "nodes")
        cost += objectCost(named) + selectionCost(sel.selectionSet, named, env);
    }
  };
  visit(field.selectionSet, connection);
  return cost;
}

function objectCost(type: GraphQLNamedType): number {
  return FREE_OBJECT_TYPES.has(type.name) ? 0 : 1;
}

function fieldCost(field: FieldNode, parent: GraphQLCompositeType, env: CostEnv): number {
  const name = field.name.value;
  if (name === "__typename") return 0;
  const def = fieldDef(parent, name);
  if (!def) return 0;
  const named = getNamedType(def.type);
  if (isLeafType(named)) return 0;
  const composite = named as GraphQLCompositeType;
  if (isConnectionType(named)) {
    const size = Number(fieldArg(field, "first", env) ?? fieldArg(field, "last", env) ?? 0) || 0;
    return CONNECTION_BASE_COST + connectionSizeFactor(size) * connectionNodeCost(field, composite, env);
  }
  if (parent.name === "QueryRoot" && /Count$/.test(name) && named.name === "Count") return ROOT_COUNT_COST;
  // Lists of objects are priced like one object (query-costs.jsonl: `nodes(ids: [4 ids])`
  // costs 1, `order { transactions { … } }` costs 2), whatever their length.
  return objectCost(composite) + selectionCost(field.selectionSet, composite, env);
}

/**
 * A mutation field costs 10 when its payload is small, else 8 + the payload's cost
 * (query-costs.jsonl: bulkOperationRunQuery/Cancel { bulkOperation userErrors } 10,
 * orderCreate { order { … 55 … } userErrors } 64, fulfillmentCreate 28 for a 19-point
 * fulfillment, fulfillmentOrderSplit 49). `payload` prices the field as a query would.
 */
function mutationCost(
  op: OperationDefinitionNode,
  env: CostEnv,
  payload: (field: FieldNode, mutationType: GraphQLCompositeType) => number,
): number {
  const mutationType = env.schema.getMutationType()!;
  let cost = 0;
  for (const sel of op.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD || sel.name.value.startsWith("__")) continue;
    // `payload` includes 1 for the payload object itself.
    cost += Math.max(MUTATION_COST, MUTATION_COST - 3 + payload(sel, mutationType));
  }
  return cost;
}

export function requestedCost(
  schema: GraphQLSchema,
  op: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const env: CostEnv = { schema, fragments, variables };
  if (op.operation === "mutation")
    return mutationCost(op, env, (field, mutationType) => fieldCost(field, mutationType, env));
  return selectionCost(op.selectionSet, schema.getQueryType()!, env);
}

// ---- actual cost ----

function actualSelection(
  set: SelectionSetNode | undefined,
  parent: GraphQLCompositeType,
  value: unknown,
  env: CostEnv,
): number {
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
  if (name === "__typename" || value === undefined || value === null) return 0;
  const def = fieldDef(parent, name);
  if (!def) return 0;
  const named = getNamedType(def.type);
  if (isLeafType(named)) return 0;
  const composite = named as GraphQLCompositeType;
  if (isConnectionType(named)) {
    // Same rule as requested, on what came back: 2 + factor(returned nodes) × the dearest node.
    const conn = value as Record<string, unknown>;
    const nodeType = getNamedType(
      (composite as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()["nodes"]!.type,
    ) as GraphQLCompositeType;
    let count = 0;
    let dearest = 0;
    for (const sel of field.selectionSet?.selections ?? []) {
      if (sel.kind !== Kind.FIELD) continue;
      const key = sel.alias?.value ?? sel.name.value;
      const lists: Array<[FieldNode, unknown[]]> = [];
      if (sel.name.value === "nodes") lists.push([sel, (conn[key] as unknown[]) ?? []]);
      if (sel.name.value === "edges") {
        const edges = (conn[key] as Array<Record<string, unknown>>) ?? [];
        for (const edgeSel of sel.selectionSet?.selections ?? []) {
          if (edgeSel.kind === Kind.FIELD && edgeSel.name.value === "node")
            lists.push([edgeSel, edges.map((e) => e[edgeSel.alias?.value ?? "node"])]);
        }
      }
      let part = 0;
      for (const [nodeSel, nodes] of lists) {
        count = Math.max(count, nodes.length);
        for (const n of nodes)
          if (n !== null && n !== undefined)
            part = Math.max(part, objectCost(nodeType) + actualSelection(nodeSel.selectionSet, nodeType, n, env));
      }
      dearest += part;
    }
    return CONNECTION_BASE_COST + connectionSizeFactor(count) * dearest;
  }
  if (parent.name === "QueryRoot" && /Count$/.test(name) && named.name === "Count") return ROOT_COUNT_COST;
  if (Array.isArray(value)) {
    // Priced like one object, as requested (see fieldCost): the dearest element.
    const items = value.filter((v) => v !== null);
    return items.length === 0
      ? 0
      : Math.max(
          ...items.map((item) => objectCost(composite) + actualSelection(field.selectionSet, composite, item, env)),
        );
  }
  return objectCost(composite) + actualSelection(field.selectionSet, composite, value, env);
}

export function actualCost(
  schema: GraphQLSchema,
  op: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  data: unknown,
): number {
  const env: CostEnv = { schema, fragments, variables };
  if (op.operation === "mutation") {
    const values = (data ?? {}) as Record<string, unknown>;
    return mutationCost(op, env, (field, mutationType) =>
      actualField(field, mutationType, values[field.alias?.value ?? field.name.value], env),
    );
  }
  return actualSelection(op.selectionSet, schema.getQueryType()!, data, env);
}
