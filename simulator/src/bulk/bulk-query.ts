// Plans how a bulk query that passed Shopify's rules (bulk-validate.ts) runs in the
// simulator and is flattened into JSONL: the root connection is read page by page,
// every nested connection's nodes become their own lines with `__parentId` set to
// the id of the enclosing connection's node (Shopify requires that node to select
// `id`, so the id is always in the data).
import { Kind, parse, type DocumentNode, type GraphQLSchema } from "graphql";
import type { BulkUserError } from "../graphql/context.js";
import {
  argumentsOutsideSurface,
  fieldsOutsideSurface,
  outsideArgumentMessage,
  outsideSurfaceMessage,
} from "../graphql/surface.js";
import { analyzeBulkQuery, type BulkConnection } from "./bulk-validate.js";

/** A connection inside a node: its response-key path from the node and what is inside it. */
export interface NestedConnectionPlan {
  path: string[];
  children: NestedConnectionPlan[];
}

export interface BulkQueryPlan {
  /** The document executed page by page. */
  document: DocumentNode;
  /** Response key of the top-level connection. */
  rootKey: string;
  rootField: string;
  nested: NestedConnectionPlan[];
}

export function planBulkQuery(schema: GraphQLSchema, query: string): { plan?: BulkQueryPlan; errors: BulkUserError[] } {
  const analysis = analyzeBulkQuery(schema, query);
  if (analysis.errors.length > 0) return { errors: analysis.errors };
  const rootConn = analysis.connections.find((c) => c.depth === 0 && c.field === analysis.root);
  const roots = analysis.document!.definitions.flatMap((d) =>
    d.kind === "OperationDefinition" ? d.selectionSet.selections : [],
  );
  if (!rootConn || roots.length !== 1) {
    // Simulator limitation, not a Shopify rule: it runs only documents whose single
    // top-level field is a connection (Shopify's rules may accept e.g. `{ shop { … } }`).
    return {
      errors: [
        {
          field: ["query"],
          message: `Invalid bulk query: the simulator only runs bulk queries with a single top-level connection field (got '${analysis.root?.name.value ?? "?"}').`,
          code: "INVALID",
        },
      ],
    };
  }
  // A query Shopify accepts but that reaches outside the simulated surface (surface.ts):
  // refused before the operation exists, one userError per field, rather than a FAILED run.
  const operation = analysis.document!.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
  const outside = [
    ...fieldsOutsideSurface(schema, analysis.document!).map(outsideSurfaceMessage),
    ...argumentsOutsideSurface(schema, analysis.document!, operation, {}).map(outsideArgumentMessage),
  ];
  if (outside.length > 0) {
    return {
      errors: outside.map((message) => ({
        field: ["query"],
        message: `Invalid bulk query: ${message}`,
        code: "INVALID" as const,
      })),
    };
  }
  const childrenOf = (parent: BulkConnection): NestedConnectionPlan[] =>
    analysis.connections.filter((c) => c.parent === parent).map((c) => ({ path: c.path, children: childrenOf(c) }));
  return {
    plan: { document: parse(query), rootKey: rootConn.key, rootField: rootConn.name, nested: childrenOf(rootConn) },
    errors: [],
  };
}
