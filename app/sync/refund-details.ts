// The refunds' line items and shipping lines, read after the orders export.
//
// Why a second step: Order.refunds is a list, and Shopify refuses bulk queries with a
// connection inside a list field ("Queries that contain a connection field within a
// list field are not currently supported.", shopify.dev/docs/api/usage/bulk-operations/queries
// and simulator/test/recordings/2026-04/bulk-operations/bulk-operation-run-query-validators.json).
// So the export carries refund scalars only, and this pass reads the details with
// ordinary cost-aware queries: `nodes(ids:)` over a batch of orders that have refunds,
// in ascending order id. The requested cost of the query is fixed and small (lists are
// priced as one object, see queries.ts); the batch is sized by the *actual* cost Shopify
// reports per order, so one answer drains at most half the bucket (and never more than
// REFUND_DETAILS_COST_TARGET points). A refund with more lines than the
// batch query carries, or an order with more refunds, is completed refund by refund
// (a Refund is a Node).
//
// Resumable: the caller stores the last order id whose details were written
// (`onBatchWritten`) and passes it back as `afterOrderId`; writes are idempotent.
import type { SerialLane, SyncContext } from "./context";
import type { AdminGraphql } from "./graphql-client";
import { refundFromGraphql } from "./mapping";
import { ORDER_REFUND_DETAILS, REFUND_LINES_PAGE, refundDetailsActualCostPerOrder } from "./queries";
import type { RefundRecord } from "./records";
import { completeRefundDetails, orderIdsWithRefunds, storedRefundIds } from "./store";
import type { StorepulseOrderRefundDetailsQuery, StorepulseRefundLinesQuery } from "../types/admin.generated";

/** Actual cost one batch may drain from the bucket. */
export const REFUND_DETAILS_COST_TARGET = 500;
/** Shopify accepts up to 250 ids in `nodes(ids:)`; far fewer fit the cost target anyway. */
const MAX_IDS = 250;

// Result shapes generated from the documents and the schema (npm run graphql-codegen).
type RefundNode = NonNullable<StorepulseRefundLinesQuery["node"]>;

export interface RefundDetailsResult {
  orders: number;
  refunds: number;
  queries: number;
}

/**
 * How many orders the next batch asks for: the actual cost per order id (learnt from
 * the last answer), against the cost target and half of what the bucket holds, so
 * paging never starves the shop's other calls.
 */
export function refundBatchSize(costPerOrder: number, maximumAvailable: number | null): number {
  const budget = Math.min(REFUND_DETAILS_COST_TARGET, (maximumAvailable ?? 1000) / 2);
  return Math.max(1, Math.min(MAX_IDS, Math.floor(budget / Math.max(1, costPerOrder))));
}

const orderGid = (id: string) => `gid://shopify/Order/${id}`;
const refundGid = (id: string) => `gid://shopify/Refund/${id}`;

export async function readRefundDetails(
  ctx: SyncContext,
  shop: { id: number; domain: string },
  client: AdminGraphql,
  options: {
    afterOrderId: string;
    lane: SerialLane;
    signal?: AbortSignal;
    onBatchWritten: (lastOrderId: string) => Promise<void>;
    /** First guess of the actual cost per order id (then learnt from each answer). */
    initialCostPerOrder?: number;
  },
): Promise<RefundDetailsResult> {
  const { prisma } = ctx;
  const { lane, signal } = options;
  // A first guess until Shopify reports the cost of a real batch.
  let costPerOrder = options.initialCostPerOrder ?? refundDetailsActualCostPerOrder();
  let maximumAvailable: number | null = null;
  let after = options.afterOrderId;
  const result: RefundDetailsResult = { orders: 0, refunds: 0, queries: 0 };
  for (;;) {
    signal?.throwIfAborted();
    const size = refundBatchSize(costPerOrder, maximumAvailable);
    const ids = await lane(() => orderIdsWithRefunds(prisma, shop.id, after, size));
    if (ids.length === 0) return result;
    const data = await client.request<StorepulseOrderRefundDetailsQuery>(
      ORDER_REFUND_DETAILS,
      { ids: ids.map(orderGid) },
      {
        signal,
        onCost: (cost) => {
          // An answer with little data must not balloon the next batch: at least 1 per order.
          if (cost.actualQueryCost !== null) costPerOrder = Math.max(1, cost.actualQueryCost / ids.length);
          maximumAvailable = cost.throttleStatus?.maximumAvailable ?? maximumAvailable;
        },
      },
    );
    result.queries += 1;
    const stored = await lane(() => storedRefundIds(prisma, shop.id, ids));
    const records: RefundRecord[] = [];
    for (const order of data.nodes) {
      if (!order) continue; // deleted meanwhile: its delete webhook removes it
      const orderId = order.id.split("/").pop()!;
      for (const refund of order.refunds) {
        await completeRefundLines(client, refund, signal);
        records.push(refundFromGraphql(refund, orderId));
      }
      // More refunds than the batch query lists: the rest one by one.
      const listed = new Set(records.map((r) => r.id));
      for (const refundId of stored.get(orderId) ?? []) {
        if (listed.has(refundId)) continue;
        const refund = await fetchRefund(client, refundId, signal);
        if (refund) records.push(refundFromGraphql(refund, orderId));
      }
    }
    const last = ids.at(-1)!;
    await lane(async () => {
      await completeRefundDetails(prisma, shop.id, records);
      await options.onBatchWritten(last);
    });
    result.orders += ids.length;
    result.refunds += records.length;
    after = last;
  }
}

async function completeRefundLines(client: AdminGraphql, refund: RefundNode, signal?: AbortSignal): Promise<void> {
  while (refund.refundLineItems.pageInfo.hasNextPage || refund.refundShippingLines.pageInfo.hasNextPage) {
    const data = await client.request<StorepulseRefundLinesQuery>(
      REFUND_LINES_PAGE,
      {
        id: refund.id,
        linesAfter: refund.refundLineItems.pageInfo.endCursor,
        shippingAfter: refund.refundShippingLines.pageInfo.endCursor,
      },
      { signal },
    );
    if (!data.node) return;
    // Each list moves on only while it has more (the other's cursor stays put).
    if (refund.refundLineItems.pageInfo.hasNextPage) {
      refund.refundLineItems.nodes.push(...data.node.refundLineItems.nodes);
      refund.refundLineItems.pageInfo = data.node.refundLineItems.pageInfo;
    }
    if (refund.refundShippingLines.pageInfo.hasNextPage) {
      refund.refundShippingLines.nodes.push(...data.node.refundShippingLines.nodes);
      refund.refundShippingLines.pageInfo = data.node.refundShippingLines.pageInfo;
    }
  }
}

async function fetchRefund(client: AdminGraphql, refundId: string, signal?: AbortSignal): Promise<RefundNode | null> {
  const data = await client.request<StorepulseRefundLinesQuery>(
    REFUND_LINES_PAGE,
    { id: refundGid(refundId), linesAfter: null, shippingAfter: null },
    { signal },
  );
  if (!data.node) return null;
  await completeRefundLines(client, data.node, signal);
  return data.node;
}
