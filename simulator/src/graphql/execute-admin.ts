// One Admin GraphQL request from parsed body to response body: parse, validate
// against Shopify's schema, price the query, charge the leaky bucket, execute,
// refund the unused cost and attach `extensions.cost` — in Shopify's shapes.
import {
  execute,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { RequestContext } from "./context.js";
import { actualCost, requestedCost, SINGLE_QUERY_MAX_COST } from "./cost.js";
import { fieldResolver, typeResolver } from "./resolvers.js";
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
function shopifyValidationError(error: GraphQLError): GraphQLFormattedError {
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
    return { ...formatted, message: `Field must have selections (field '${m[1]}' returns ${m[2].replace(/[![\]]/g, "")} but has no selections. Did you mean '${m[1]} { ... }'?)`, extensions: { code: "selectionMismatch", nodeName: `field '${m[1]}'`, typeName: m[2].replace(/[![\]]/g, "") } };
  }
  return formatted;
}

export function splitDocument(document: DocumentNode, operationName?: string | null) {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  const operations: OperationDefinitionNode[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
  }
  const op = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
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
  const variables = (body.variables && typeof body.variables === "object" ? body.variables : {}) as Record<string, unknown>;
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (err) {
    const e = err as GraphQLError;
    return { status: 200, body: { errors: [{ message: e.message, locations: e.locations ?? [] }] } };
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) {
    return { status: 200, body: { errors: validationErrors.map(shopifyValidationError) } };
  }
  const { fragments, operation } = splitDocument(document, typeof body.operationName === "string" ? body.operationName : null);
  if (!operation) {
    return { status: 200, body: { errors: [{ message: "An operation name is required", extensions: { code: "OPERATION_NAME_REQUIRED" } }] } };
  }
  const requested = requestedCost(schema, operation, fragments, variables);
  const costExt = (actual: number | null): { cost: CostExtension } => ({
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() },
  });
  if (requested > SINGLE_QUERY_MAX_COST) {
    return {
      status: 200,
      body: {
        errors: [{ message: maxCostMessage(requested), extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: SINGLE_QUERY_MAX_COST } }],
        extensions: costExt(null),
      },
    };
  }
  if (opts.forceThrottle) bucket.drain();
  if (!bucket.tryTake(requested)) {
    return {
      status: 200,
      body: {
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
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
