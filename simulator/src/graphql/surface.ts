// The simulated surface: the `Type.field`s the simulator answers from data it holds.
// It is the resolver table (resolvers.ts) and nothing else, plus the generic shape of
// the Relay connections those fields return. Everything else in Shopify's schema is
// outside it: no data backs it, and an invented answer would make a lenient simulator
// that lets an app pass here and fail on Shopify. So a document that selects anything
// outside the surface is refused whole, before execution (no partial data), naming
// every such field — see simulator/README.md and the generated simulator/SURFACE.md.
import {
  getNamedType,
  getVariableValues,
  Kind,
  valueFromAST,
  type OperationDefinitionNode,
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
import { ARGUMENTS, NODE_TYPES, resolvers } from "./resolvers.js";

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

export interface OutsideArgument {
  typeName: string;
  fieldName: string;
  argumentName: string;
  /** The value as the document gave it (printed), when a value rule refused it. */
  value?: unknown;
  locations: SourceLocation[];
}

function argumentAnswered(typeName: string, fieldName: string, argumentName: string, value: unknown): boolean {
  const rule = ARGUMENTS[`${typeName}.${fieldName}`]?.[argumentName];
  if (rule === undefined) return false;
  if (rule === true || value === undefined || value === null) return true;
  return typeof rule === "function" ? rule(value) : rule.includes(value);
}

/**
 * Arguments outside the surface: ones no resolver honours, and values of an honoured one
 * that the data cannot answer (a sort key it cannot sort by, a node id of a type it never
 * holds). Variables are read as execution will coerce them; when they do not coerce,
 * nothing is reported here and execution reports the variable errors as Shopify does.
 */
export function argumentsOutsideSurface(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown>,
): OutsideArgument[] {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
  if ("errors" in coerced && coerced.errors) return [];
  const variables = coerced.coerced;
  const typeInfo = new TypeInfo(schema);
  const found: OutsideArgument[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const def = typeInfo.getFieldDef();
        if (!parent || !def || !node.arguments?.length || node.name.value.startsWith("__")) return;
        // On an interface, the rules of every type the simulator answers there apply.
        const owners = isObjectType(parent)
          ? [parent.name]
          : isAbstractType(parent)
            ? schema
                .getPossibleTypes(parent)
                .filter((t) => Object.hasOwn(resolvers, t.name))
                .map((t) => t.name)
            : [];
        for (const arg of node.arguments) {
          const argDef = def.args.find((a) => a.name === arg.name.value);
          if (!argDef) continue;
          const given =
            arg.value.kind === Kind.VARIABLE
              ? variables[arg.value.name.value]
              : valueFromAST(arg.value, argDef.type, variables);
          for (const owner of owners) {
            // A field outside the surface is reported as such, and a type that never occurs in the
            // simulator's answers is never asked: their arguments add nothing.
            if (!Object.hasOwn(resolvers, owner) || !isModelledObjectField(schema, owner, def.name)) continue;
            if (argumentAnswered(owner, def.name, argDef.name, given)) continue;
            const rule = ARGUMENTS[`${owner}.${def.name}`]?.[argDef.name];
            found.push({
              typeName: owner,
              fieldName: def.name,
              argumentName: argDef.name,
              value: rule === undefined ? undefined : given,
              locations: arg.loc ? [{ line: arg.loc.startToken.line, column: arg.loc.startToken.column }] : [],
            });
            break;
          }
        }
      },
    }),
  );
  return found;
}

export function outsideArgumentMessage(a: Omit<OutsideArgument, "locations">): string {
  const what =
    a.value === undefined ? `Argument '${a.argumentName}'` : `Argument '${a.argumentName}: ${JSON.stringify(a.value)}'`;
  return (
    `${what} on field '${a.typeName}.${a.fieldName}' is outside the Shopify simulator's simulated surface ` +
    `(simulator/SURFACE.md lists what it answers); the document was not executed.`
  );
}

export function outsideArgumentErrors(outside: OutsideArgument[]): GraphQLFormattedError[] {
  return outside.map((a) => ({
    message: outsideArgumentMessage(a),
    locations: a.locations,
    extensions: {
      code: OUTSIDE_SURFACE_CODE,
      typeName: a.typeName,
      fieldName: a.fieldName,
      argumentName: a.argumentName,
    },
  }));
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
    "Arguments answered (any other argument is refused, and so is a value outside a listed set):",
    "",
    ...Object.keys(ARGUMENTS)
      .sort()
      .map((key) => {
        const rules = Object.entries(ARGUMENTS[key]!)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([name, rule]) =>
            rule === true
              ? `\`${name}\``
              : typeof rule === "function"
                ? `\`${name}\` (ids of the types \`node\` answers: ${NODE_TYPES.join(", ")})`
                : `\`${name}\` (${rule.map((v) => `\`${String(v)}\``).join(", ")})`,
          );
        return `- \`${key}\`: ${rules.join(", ")}`;
      }),
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
