// One Admin GraphQL request from parsed body to response body: parse, validate
// against Shopify's schema, price the query, refuse what lies outside the simulated surface, charge the leaky bucket, execute,
// refund the unused cost and attach `extensions.cost` — in Shopify's shapes.
import {
  BREAK,
  execute,
  GraphQLError,
  Kind,
  parse,
  validate,
  visit,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { RequestContext } from "./context.js";
import { actualCost, requestedCost, SINGLE_QUERY_MAX_COST } from "./cost.js";
import { fieldResolver, typeResolver } from "./resolvers.js";
import {
  argumentsOutsideSurface,
  fieldsOutsideSurface,
  outsideArgumentErrors,
  outsideSurfaceErrors,
} from "./surface.js";
import type { LeakyBucket, ThrottleStatus } from "./throttle.js";

export interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface AdminResponse {
  status: number;
  body: Record<string, unknown>;
}

interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

// graphql-js words validation errors differently from Shopify (Ruby graphql);
// the common ones are reworded to Shopify's text and codes.
function shopifyValidationError(error: GraphQLError, document?: DocumentNode): GraphQLFormattedError {
  const formatted = error.toJSON();
  let m = /^Cannot query field "(.+)" on type "(.+)"\./.exec(error.message);
  if (m) {
    return {
      ...formatted,
      message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
      extensions: { code: "undefinedField", typeName: m[2], fieldName: m[1] },
    };
  }
  m = /^Unknown argument "(.+)" on field "(.+)\.(.+)"\./.exec(error.message);
  if (m) {
    return {
      ...formatted,
      message: `Field '${m[3]}' doesn't accept argument '${m[1]}'`,
      extensions: { code: "argumentNotAccepted", name: m[3], typeName: "Field", argumentName: m[1] },
    };
  }
  m = /^Field "(.+)" of type "(.+)" must have a selection of subfields/.exec(error.message);
  if (m) {
    return {
      ...formatted,
      message: `Field must have selections (field '${m[1]}' returns ${m[2].replace(/[![\]]/g, "")} but has no selections. Did you mean '${m[1]} { ... }'?)`,
      extensions: { code: "selectionMismatch", nodeName: `field '${m[1]}'`, typeName: m[2].replace(/[![\]]/g, "") },
    };
  }
  m = /^Field "(.+)" argument "(.+)" of type ".+" is required, but it was not provided\./.exec(error.message);
  if (m && document) {
    // bulk-operation-status-catalog-cancel.json bulkOperationMissingId / bulkOperationRunQueryMissingQuery.
    return {
      message: `Field '${m[1]}' is missing required arguments: ${m[2]}`,
      locations: formatted.locations,
      path: pathTo(document, error.nodes?.[0]),
      extensions: { code: "missingRequiredArguments", className: "Field", name: m[1], arguments: m[2] },
    };
  }
  m = /^Value "(.+)" does not exist in "(.+)" enum\./.exec(error.message);
  if (m && document) {
    // bulk-operations-sort-key.json idRejected: named after the argument, located at the field.
    const path = pathTo(document, error.nodes?.[0]);
    const field = fieldAt(document, error.nodes?.[0]);
    if (path.length >= 3 && field?.loc) {
      return {
        message: `Argument '${path[path.length - 1]}' on Field '${path[path.length - 2]}' has an invalid value (${m[1]}). Expected type '${m[2]}'.`,
        locations: [{ line: field.loc.startToken.line, column: field.loc.startToken.column }],
        path,
        extensions: { code: "argumentLiteralsIncompatible", typeName: "Field", argumentName: path[path.length - 1] },
      };
    }
  }
  return formatted;
}

/** Ancestors of `target` as Shopify names them: ["query Name", field…, argument]. */
function ancestorsOf(document: DocumentNode, target: ASTNode | undefined): ASTNode[] {
  if (!target) return [];
  let found: ASTNode[] = [];
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (node === target) {
        // `ancestors` stops before the parent, which comes separately.
        found = [...ancestors, parent, node].filter((a): a is ASTNode => !!a && !Array.isArray(a));
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function pathTo(document: DocumentNode, target: ASTNode | undefined): string[] {
  const path: string[] = [];
  for (const node of ancestorsOf(document, target)) {
    if (node.kind === Kind.OPERATION_DEFINITION)
      path.push(node.name ? `${node.operation} ${node.name.value}` : node.operation);
    else if (node.kind === Kind.FIELD) path.push(node.alias?.value ?? node.name.value);
    else if (node.kind === Kind.ARGUMENT) path.push(node.name.value);
  }
  return path;
}

function fieldAt(document: DocumentNode, target: ASTNode | undefined): FieldNode | undefined {
  return ancestorsOf(document, target)
    .filter((n): n is FieldNode => n.kind === Kind.FIELD)
    .pop();
}

export function splitDocument(document: DocumentNode, operationName?: string | null) {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  const operations: OperationDefinitionNode[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
  }
  const op = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  return { fragments, operation: op, operations };
}

/** Shopify's message for a query above the single-query limit. */
export function maxCostMessage(cost: number): string {
  return (
    `Query cost is ${cost}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).\n\n` +
    "See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n" +
    "cost of a query is calculated.\n\n" +
    "To query larger amounts of data with fewer limits, bulk operations should be used instead.\n" +
    "See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n"
  );
}

export function runAdminGraphQL(opts: {
  schema: GraphQLSchema;
  body: GraphQLRequestBody;
  ctx: RequestContext;
  bucket: LeakyBucket;
  /** Forced-throttling fault knob: answer THROTTLED whatever the bucket holds. */
  forceThrottle?: boolean;
}): AdminResponse {
  const { schema, body, ctx, bucket } = opts;
  if (typeof body.query !== "string" || body.query.trim() === "") {
    return { status: 400, body: { errors: { query: "Required parameter missing or invalid" } } };
  }
  const variables = (body.variables && typeof body.variables === "object" ? body.variables : {}) as Record<
    string,
    unknown
  >;
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (err) {
    const e = err as GraphQLError;
    return { status: 200, body: { errors: [{ message: e.message, locations: e.locations ?? [] }] } };
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) {
    return { status: 200, body: { errors: validationErrors.map((e) => shopifyValidationError(e, document)) } };
  }
  const { fragments, operation } = splitDocument(
    document,
    typeof body.operationName === "string" ? body.operationName : null,
  );
  if (!operation) {
    return {
      status: 200,
      body: { errors: [{ message: "An operation name is required", extensions: { code: "OPERATION_NAME_REQUIRED" } }] },
    };
  }
  const requested = requestedCost(schema, operation, fragments, variables);
  const costExt = (actual: number | null): { cost: CostExtension } => ({
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() },
  });
  if (requested > SINGLE_QUERY_MAX_COST) {
    return {
      status: 200,
      body: {
        errors: [
          {
            message: maxCostMessage(requested),
            extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: SINGLE_QUERY_MAX_COST },
          },
        ],
        extensions: costExt(null),
      },
    };
  }
  // Refused whole before it runs or is charged: the simulator answers no part of a document
  // it cannot answer completely (surface.ts). Shopify's own refusals above come first, and the
  // requested cost is still reported (as with MAX_COST_EXCEEDED), since the cost rules need no data.
  const outside = [
    ...outsideSurfaceErrors(fieldsOutsideSurface(schema, document)),
    ...outsideArgumentErrors(argumentsOutsideSurface(schema, document, operation, variables)),
  ];
  if (outside.length > 0) return { status: 200, body: { errors: outside, extensions: costExt(null) } };
  if (opts.forceThrottle) bucket.drain();
  if (!bucket.tryTake(requested)) {
    return {
      status: 200,
      body: {
        errors: [
          {
            message: "Throttled",
            extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
          },
        ],
        extensions: costExt(null),
      },
    };
  }
  const result = execute({
    schema,
    document,
    variableValues: variables,
    operationName: typeof body.operationName === "string" ? body.operationName : undefined,
    contextValue: ctx,
    fieldResolver,
    typeResolver,
  });
  if (result instanceof Promise) throw new Error("Admin API resolvers must be synchronous");
  const actual = Math.min(requested, actualCost(schema, operation, fragments, variables, result.data));
  bucket.giveBack(requested - actual);
  const response: Record<string, unknown> = {};
  if (result.errors?.length) response.errors = result.errors.map((e) => e.toJSON());
  response.data = result.data ?? null;
  const extensions: Record<string, unknown> = costExt(actual);
  if (ctx.searchWarnings.length > 0) extensions.search = ctx.searchWarnings;
  response.extensions = extensions;
  return { status: 200, body: response };
}
