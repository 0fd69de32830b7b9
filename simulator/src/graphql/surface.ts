// The simulated surface: the `Type.field`s the simulator answers from data it holds.
// It is the resolver table (resolvers.ts) and nothing else, plus the generic shape of
// the Relay connections those fields return. Everything else in Shopify's schema is
// outside it: no data backs it, and an invented answer would make a lenient simulator
// that lets an app pass here and fail on Shopify. So a document that selects anything
// outside the surface is refused whole, before execution (no partial data), naming
// every such field — see simulator/README.md and the generated simulator/SURFACE.md.
import {
  getNamedType,
  isAbstractType,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SourceLocation,
} from "graphql";
import { isConnectionObject, isEdgeObject } from "./connections.js";
import { resolvers } from "./resolvers.js";

export const OUTSIDE_SURFACE_CODE = "OUTSIDE_SIMULATED_SURFACE";

/** Fields every Relay connection and edge has; the simulator's pagination answers them. */
const CONNECTION_FIELDS = ["edges", "nodes", "pageInfo"] as const;
const EDGE_FIELDS = ["cursor", "node"] as const;

/**
 * Whether the simulator may be asked `typeName.fieldName` of an object type and can answer.
 * A type with no resolvers is never the type of a value the simulator produces (every
 * source it builds names a type of the table), so its fields are never executed: they are
 * either under a field that is itself outside the surface (reported there), or in a
 * fragment on a type that never occurs in the simulator's answers (`... on
 * ScriptDiscountApplication`), or under a modelled field that is always empty or null
 * (`Order.fulfillments`; test/surface.test.ts checks each such field).
 */
export function isModelledObjectField(schema: GraphQLSchema, typeName: string, fieldName: string): boolean {
  if (Object.hasOwn(resolvers, typeName)) return Object.hasOwn(resolvers[typeName]!, fieldName);
  const type = schema.getType(typeName);
  if (!type) return false;
  // A connection or edge is only ever reached through a modelled field returning it,
  // and only its generic fields are answered, by paginate() (connections.ts).
  if (isConnectionObject(type)) return (CONNECTION_FIELDS as readonly string[]).includes(fieldName);
  if (isEdgeObject(type)) return (EDGE_FIELDS as readonly string[]).includes(fieldName);
  return true;
}

/**
 * A field selected on an interface or union is modelled when every object type the
 * simulator answers there (possible types that have resolvers) models it.
 */
function isModelledField(schema: GraphQLSchema, parent: GraphQLNamedType, fieldName: string): boolean {
  if (fieldName.startsWith("__") || parent.name.startsWith("__")) return true; // introspection: graphql-js answers it
  if (isObjectType(parent)) return isModelledObjectField(schema, parent.name, fieldName);
  if (!isAbstractType(parent)) return false;
  return schema.getPossibleTypes(parent).every((t) => isModelledObjectField(schema, t.name, fieldName));
}

export interface OutsideField {
  typeName: string;
  fieldName: string;
  locations: SourceLocation[];
}

/** Every `Type.field` the document selects outside the surface, in document order (validated documents only). */
export function fieldsOutsideSurface(schema: GraphQLSchema, document: DocumentNode): OutsideField[] {
  const typeInfo = new TypeInfo(schema);
  const found = new Map<string, OutsideField>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent) return;
        const fieldName = node.name.value;
        if (isModelledField(schema, parent, fieldName)) return;
        const key = `${parent.name}.${fieldName}`;
        const entry = found.get(key) ?? { typeName: parent.name, fieldName, locations: [] };
        if (node.loc) entry.locations.push({ line: node.loc.startToken.line, column: node.loc.startToken.column });
        found.set(key, entry);
      },
    }),
  );
  return [...found.values()];
}

export function outsideSurfaceMessage(f: Pick<OutsideField, "typeName" | "fieldName">): string {
  return (
    `Field '${f.fieldName}' on type '${f.typeName}' is outside the Shopify simulator's simulated surface ` +
    `(simulator/SURFACE.md lists what it answers); the document was not executed.`
  );
}

/** The refusal of a whole document, one error per field outside the surface. */
export function outsideSurfaceErrors(outside: OutsideField[]): GraphQLFormattedError[] {
  return outside.map((f) => ({
    message: outsideSurfaceMessage(f),
    locations: f.locations,
    extensions: { code: OUTSIDE_SURFACE_CODE, typeName: f.typeName, fieldName: f.fieldName },
  }));
}

// ---- the generated list (SURFACE.md) ----

/** Connection and edge types reachable through modelled fields. */
function reachableConnections(schema: GraphQLSchema): string[] {
  const out = new Set<string>();
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!type || !isObjectType(type)) continue;
    for (const fieldName of Object.keys(fields)) {
      const def = type.getFields()[fieldName];
      if (!def) continue;
      const ret = getNamedType(def.type);
      if (isConnectionObject(ret)) {
        out.add(ret.name);
        const edge = getNamedType(ret.getFields()["edges"]!.type);
        if (isEdgeObject(edge)) out.add(edge.name);
      }
    }
  }
  return [...out].sort();
}

/** Whether the simulator ever answers an object of this (named) type. */
function occurs(schema: GraphQLSchema, type: GraphQLNamedType): boolean {
  if (isConnectionObject(type)) return occurs(schema, getNamedType(type.getFields()["nodes"]!.type));
  if (isAbstractType(type)) return schema.getPossibleTypes(type).some((t) => Object.hasOwn(resolvers, t.name));
  return !isObjectType(type) || Object.hasOwn(resolvers, type.name);
}

/**
 * Modelled fields whose type never occurs in the simulator's answers: they always answer
 * an empty list or null (the simulator's data holds no such objects, see docs/fidelity.md).
 */
export function alwaysEmptyFields(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!type || !isObjectType(type)) continue;
    for (const fieldName of Object.keys(fields)) {
      const def = type.getFields()[fieldName];
      if (def && !occurs(schema, getNamedType(def.type))) out.push(`${typeName}.${fieldName}`);
    }
  }
  return out.sort();
}

/** simulator/SURFACE.md: generated from the resolver table and the vendored schema. */
export function renderSurfaceMarkdown(schema: GraphQLSchema, apiVersion: string): string {
  const lines: string[] = [
    "# The simulated surface",
    "",
    "<!-- Generated by `npm run surface --workspace simulator` from the resolver table",
    "(simulator/src/graphql/resolvers.ts) and the vendored schema; a test fails when it is stale. -->",
    "",
    `Every \`Type.field\` of the Admin GraphQL API ${apiVersion} that the Shopify simulator answers.`,
    "A document that selects any other field is refused whole before execution, with one",
    `\`${OUTSIDE_SURFACE_CODE}\` error naming each such field (a bulk query: a \`userErrors\``,
    "entry each). A field on an interface or union counts as answered when every type the",
    "simulator answers there has it. Types not listed never occur in the simulator's answers",
    "(a fragment on one matches nothing; the always-empty fields below are why some are reachable).",
    "",
  ];
  // A list rather than a table: prettier leaves it as generated (no column padding).
  for (const typeName of Object.keys(resolvers).sort()) {
    const fields = Object.keys(resolvers[typeName]!).sort();
    lines.push(`- \`${typeName}\`: ${fields.map((f) => `\`${f}\``).join(", ")}`);
  }
  lines.push(
    "",
    `Connections and edges reached through the fields above answer \`${CONNECTION_FIELDS.join("`, `")}\` and \`${EDGE_FIELDS.join("`, `")}\`:`,
    "",
    ...reachableConnections(schema).map((t) => `- \`${t}\``),
    "",
    "Always an empty list or null (the simulator holds no objects of their type, so nothing under them is ever asked):",
    "",
    ...alwaysEmptyFields(schema).map((f) => `- \`${f}\``),
    "",
    "Introspection (`__typename`, `__schema`, `__type`) is answered by graphql-js from the vendored schema.",
    "",
  );
  return lines.join("\n");
}
