// Reading orders' sales ledgers with ordinary (cost-aware) Admin GraphQL calls: the
// rest of a ledger whose first page did not hold it all, and the ledgers of a batch of
// orders by id (`nodes(ids:)`) for the refreshes after webhooks.
//
// Batches are sized like the refund details (refund-details.ts): the requested cost of
// ORDER_LEDGERS is fixed (a list is priced as one object whatever the number of ids),
// what grows with the batch is the actual cost (objects returned), which drains the
// bucket. So the batch is sized from the actual cost per order Shopify reported for the
// last answer: one answer drains at most half of the bucket and never more than
// LEDGER_COST_TARGET points (shopify.dev "GraphQL Admin API rate limits"; costs as
// recorded in simulator/test/recordings/query-costs.jsonl).
import type { AdminGraphql } from "./graphql-client";
import { AGREEMENT_SALES_PAGE, LEDGER_PAGE_SIZES, ORDER_AGREEMENTS_PAGE, ORDER_LEDGERS } from "./queries";
import { ledgerFromOrderNode, type OrderLedger } from "./sales-ledger";
import type {
  StorepulseAgreementSalesQuery,
  StorepulseOrderAgreementsQuery,
  StorepulseOrderLedgersQuery,
} from "../types/admin.generated";

/** Actual cost one batch may drain from the bucket. */
export const LEDGER_COST_TARGET = 500;
/** Shopify accepts up to 250 ids in `nodes(ids:)`. */
const MAX_IDS = 250;

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}
interface AgreementEdge {
  cursor: string;
  node: { id: string; sales: { nodes: unknown[]; pageInfo: PageInfo } };
}
/** The agreements of an order as the documents select them (first page or complete). */
export interface AgreementsConnection {
  edges: AgreementEdge[];
  pageInfo: PageInfo;
}

/**
 * Orders per `nodes(ids:)` call, from the actual cost per order of the last answer,
 * against the cost target and half of what the bucket holds.
 */
export function ledgerBatchSize(costPerOrder: number, maximumAvailable: number | null): number {
  const budget = Math.min(LEDGER_COST_TARGET, (maximumAvailable ?? 1000) / 2);
  return Math.max(1, Math.min(MAX_IDS, Math.floor(budget / Math.max(1, costPerOrder))));
}

/**
 * The actual cost of one order in ORDER_LEDGERS when every list is full (the first
 * guess before Shopify reports one): the order 1 + agreements (connection 2 + per
 * agreement 1 + sales connection 2 + per sale (1 + line item 1 + product 1)).
 */
export function ledgerActualCostPerOrder(sizes = LEDGER_PAGE_SIZES): number {
  return 1 + 2 + sizes.agreementsPerOrder * (1 + 2 + sizes.salesPerAgreement * 3);
}

/**
 * Requested cost of the ledger documents by Shopify's rules (as refund-details.ts: an
 * object 1, a list one object, a connection 2 + max(1, ⌊2·ln(first)⌋) × its node; a sale
 * 3 with its line item and product), checked against the simulator's reported costs by
 * tests/sync-documents.test.ts. Sent as the expected cost, so even the first call of a
 * document waits until the bucket holds it (instead of being THROTTLED on a drained one).
 */
const connectionCost = (first: number, node: number) => 2 + Math.max(1, Math.floor(2 * Math.log(first))) * node;
const SALE_COST = 3;
export const LEDGER_REQUESTED_COSTS = {
  /** ORDER_AGREEMENTS_PAGE: order → agreements(first: 25) → sales(first: 25). */
  agreementsPage: 1 + connectionCost(25, 1 + connectionCost(25, SALE_COST)),
  /** AGREEMENT_SALES_PAGE: order → agreements(first: 1) → sales(first: 100). */
  salesPage: 1 + connectionCost(1, 1 + connectionCost(100, SALE_COST)),
  /** ORDER_LEDGERS: nodes → agreements(first: 3) → sales(first: 10), whatever the number of ids. */
  ledgers:
    1 +
    connectionCost(
      LEDGER_PAGE_SIZES.agreementsPerOrder,
      1 + connectionCost(LEDGER_PAGE_SIZES.salesPerAgreement, SALE_COST),
    ),
} as const;

/** Read the rest of an order's agreements and sales into `agreements` (in place). */
export async function completeOrderLedger(
  client: AdminGraphql,
  orderGid: string,
  agreements: AgreementsConnection,
  signal?: AbortSignal,
): Promise<void> {
  while (agreements.pageInfo.hasNextPage) {
    const data = await client.request<StorepulseOrderAgreementsQuery>(
      ORDER_AGREEMENTS_PAGE,
      { id: orderGid, after: agreements.pageInfo.endCursor },
      { signal, expectedCost: LEDGER_REQUESTED_COSTS.agreementsPage },
    );
    if (!data.order) return; // deleted meanwhile: its delete webhook removes it
    const page = data.order.agreements as unknown as AgreementsConnection;
    agreements.edges.push(...page.edges);
    agreements.pageInfo = page.pageInfo;
  }
  for (let i = 0; i < agreements.edges.length; i++) {
    const agreement = agreements.edges[i]!.node;
    while (agreement.sales.pageInfo.hasNextPage) {
      // An agreement is not a Node: reach it again as the one after its predecessor's cursor.
      const data = await client.request<StorepulseAgreementSalesQuery>(
        AGREEMENT_SALES_PAGE,
        {
          id: orderGid,
          agreementsAfter: i === 0 ? null : agreements.edges[i - 1]!.cursor,
          salesAfter: agreement.sales.pageInfo.endCursor,
        },
        { signal, expectedCost: LEDGER_REQUESTED_COSTS.salesPage },
      );
      if (!data.order) return;
      const found = data.order.agreements.nodes[0];
      if (!found || found.id !== agreement.id) {
        // Agreements are only ever added at the end; anything else is not Shopify's ledger.
        throw new Error(`the agreements of ${orderGid} changed order while their sales were read`);
      }
      agreement.sales.nodes.push(...found.sales.nodes);
      agreement.sales.pageInfo = found.sales.pageInfo;
    }
  }
}

export interface LedgerRead {
  ledgers: OrderLedger[];
  /** Ids Shopify answered null for (deleted). */
  gone: string[];
}

/** Learnt from each answer: what one order costs, how big the bucket is. */
export interface LedgerCostModel {
  costPerOrder: number;
  maximumAvailable: number | null;
}

export function initialLedgerCostModel(): LedgerCostModel {
  return { costPerOrder: ledgerActualCostPerOrder(), maximumAvailable: null };
}

const orderGid = (id: string) => `gid://shopify/Order/${id}`;

/** The complete ledgers of these orders (one `nodes(ids:)` call, then the follow-ups). */
export async function readLedgersByIds(
  client: AdminGraphql,
  orderIds: readonly string[],
  cost: LedgerCostModel,
  signal?: AbortSignal,
): Promise<LedgerRead> {
  const data = await client.request<StorepulseOrderLedgersQuery>(
    ORDER_LEDGERS,
    { ids: orderIds.map(orderGid) },
    {
      signal,
      expectedCost: LEDGER_REQUESTED_COSTS.ledgers,
      onCost: (reported) => {
        // An answer with little data must not balloon the next batch: at least 1 per order.
        if (reported.actualQueryCost !== null)
          cost.costPerOrder = Math.max(1, reported.actualQueryCost / orderIds.length);
        cost.maximumAvailable = reported.throttleStatus?.maximumAvailable ?? cost.maximumAvailable;
      },
    },
  );
  const result: LedgerRead = { ledgers: [], gone: [] };
  data.nodes.forEach((node, i) => {
    if (!node || !("agreements" in node)) result.gone.push(orderIds[i]!);
  });
  for (const node of data.nodes) {
    if (!node || !("agreements" in node)) continue;
    await completeOrderLedger(client, node.id, node.agreements as unknown as AgreementsConnection, signal);
    result.ledgers.push(ledgerFromOrderNode(node));
  }
  return result;
}
