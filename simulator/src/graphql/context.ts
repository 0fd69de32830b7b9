// What every resolver gets: the shop being read, who is asking, and how.
import type { AccessGrant } from "../contracts.js";
import type { ShopStore } from "../store/shop-store.js";

/** One bulk operation as the Admin API shows it (BulkOperation object). */
export interface BulkOperationView {
  __typename: "BulkOperation";
  id: string;
  status: "CREATED" | "RUNNING" | "COMPLETED" | "CANCELING" | "CANCELED" | "FAILED" | "EXPIRED";
  errorCode: "ACCESS_DENIED" | "INTERNAL_SERVER_ERROR" | "TIMEOUT" | null;
  createdAt: string;
  completedAt: string | null;
  objectCount: string;
  rootObjectCount: string;
  fileSize: string | null;
  url: string | null;
  partialDataUrl: string | null;
  query: string;
  type: "QUERY" | "MUTATION";
}

export interface BulkUserError {
  field: string[] | null;
  message: string;
  code: "INVALID" | "LIMIT_REACHED" | "OPERATION_IN_PROGRESS" | null;
}

/** The bulk-operation service as the GraphQL layer sees it. */
export interface BulkApi {
  runQuery(
    ctx: RequestContext,
    query: string,
    groupObjects: boolean | undefined,
  ): { bulkOperation: BulkOperationView | null; userErrors: BulkUserError[] };
  cancel(ctx: RequestContext, id: number): { bulkOperation: BulkOperationView | null; userErrors: BulkUserError[] };
  get(ctx: RequestContext, id: number): BulkOperationView | null;
  current(ctx: RequestContext, type: "QUERY" | "MUTATION"): BulkOperationView | null;
  list(ctx: RequestContext): BulkOperationView[];
}

/** One `extensions.search` entry, shaped as recorded (see search-query.ts). */
export interface SearchWarning {
  path: Array<string | number>;
  query: string;
  parsed: unknown;
  warnings: Array<{ field: string; message: string; code: string }>;
}

export interface RequestContext {
  store: ShopStore;
  grant: AccessGrant;
  apiVersion: string;
  /** Bulk operations read connections without page limits. */
  unbounded: boolean;
  /** Epoch ms the request started (60-day visibility is judged against it). */
  now: number;
  /**
   * The shop's bulk operations. Also set while a bulk query runs: `bulkOperations` is a
   * connection like any other bulk root ("You can bulk query any connection field",
   * shopify.dev bulk-operations/queries); mutations never run there, since a bulk query
   * must be a `query` operation (bulk-operation-run-query-validators.json invalidOperationType).
   */
  bulk: BulkApi;
  /**
   * Set while a bulk operation runs: the top-level connection reads this page
   * (and reports where it ended) while nested connections are unbounded.
   */
  bulkRootPage?: { first: number; after: string | null; endCursor?: string | null; hasNextPage?: boolean };
  searchWarnings: SearchWarning[];
}
