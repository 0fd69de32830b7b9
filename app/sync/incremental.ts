// Incremental sync of one resource: everything Shopify changed since the watermark
// (`updated_at:>=` watermark minus a small overlap for clock skew and same-second
// updates), oldest change first, page by page with the cost-aware client.
//
// The watermark moves to the newest updatedAt of a page only after that page's write
// committed, and never backwards; a crash mid-way re-reads from the last committed
// page. Re-reading the overlap is harmless: the store applies a record only if it is
// newer than what it holds. Deletions are not visible here (Shopify's search shows
// only live records); they arrive through the delete webhooks.
import type { PrismaClient } from "@prisma/client";
import { createSerialLane, tuning, type SerialLane, type SyncContext } from "./context";
import type { AdminGraphql } from "./graphql-client";
import {
  CUSTOMERS_PAGE,
  ORDER_LINE_ITEMS_PAGE,
  ORDER_REFUNDS_DETAIL,
  ORDERS_PAGE,
  ORDERS_PAGE_REQUESTED_COST,
  PAGE_SIZES,
  PRODUCT_VARIANTS_PAGE,
  PRODUCTS_PAGE,
  REFUNDS_DETAIL_LIMIT,
} from "./queries";
import { completeOrderLedger, type AgreementsConnection } from "./ledger-fetch";
import { mapGraphqlNodes, writeRecords } from "./record-writer";
import type { SyncResource } from "./records";
import type { SyncShop } from "./backfill";
import { mapOrderLedgers } from "./sales-ledger";
import { replaceOrderLedgers } from "./sales-store";
import type {
  StorepulseCustomersPageQuery,
  StorepulseOrderLineItemsQuery,
  StorepulseOrderRefundsQuery,
  StorepulseOrdersPageQuery,
  StorepulseProductsPageQuery,
  StorepulseProductVariantsQuery,
} from "../types/admin.generated";

// Result shapes generated from the documents and the schema (npm run graphql-codegen).
type PagesQuery = Partial<StorepulseCustomersPageQuery & StorepulseProductsPageQuery & StorepulseOrdersPageQuery>;
type ProductNode = StorepulseProductsPageQuery["products"]["nodes"][number];
type OrderNode = StorepulseOrdersPageQuery["orders"]["nodes"][number];
type Node = StorepulseCustomersPageQuery["customers"]["nodes"][number] | ProductNode | OrderNode;

const PAGE_DOCUMENT: Record<SyncResource, string> = {
  customers: CUSTOMERS_PAGE,
  products: PRODUCTS_PAGE,
  orders: ORDERS_PAGE,
};

export interface IncrementalResult {
  resource: SyncResource;
  records: number;
  pages: number;
  watermark: Date | null;
}

/** Raised for a record whose nested lists are beyond what the follow-up queries page. */
export class OversizedRecordError extends Error {}

export function searchSince(watermark: Date, overlapMs: number): string {
  return `updated_at:>='${new Date(watermark.getTime() - overlapMs).toISOString()}'`;
}

export async function syncResourceIncrementally(
  ctx: SyncContext,
  shop: SyncShop,
  client: AdminGraphql,
  resource: SyncResource,
  signal?: AbortSignal,
  lane: SerialLane = createSerialLane(),
  /** The resource's watermark when the caller has just read it (the pass's lease claim). */
  known?: { watermark: Date | null },
): Promise<IncrementalResult> {
  const { prisma } = ctx;
  const where = { shopId_resource: { shopId: shop.id, resource } };
  const state = known ?? (await lane(() => prisma.syncState.findUniqueOrThrow({ where })));
  if (!state.watermark) throw new Error(`incremental sync of ${resource} needs a completed backfill`);
  const query = searchSince(state.watermark, tuning(ctx).incrementalOverlapMs);
  let watermark: Date = state.watermark;
  let records = 0;
  let pages = 0;
  // Ends a page still being fetched when this sync stops on an error.
  const stopped = new AbortController();
  const pageSignal = signal ? AbortSignal.any([signal, stopped.signal]) : stopped.signal;
  const fetchPage = (after: string | null): Promise<PagesQuery> => {
    signal?.throwIfAborted();
    const request = client.request<PagesQuery>(
      PAGE_DOCUMENT[resource],
      { query, after },
      { signal: pageSignal, expectedCost: resource === "orders" ? ORDERS_PAGE_REQUESTED_COST : undefined },
    );
    // Awaited below; a failure while the current page is written must not be "unhandled".
    request.catch(() => {});
    return request;
  };
  let next: Promise<PagesQuery> | null = fetchPage(null);
  try {
    while (next) {
      const data: PagesQuery = await next;
      next = null;
      const page: { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } | undefined =
        data[resource];
      if (!page) throw new Error(`the ${resource} page answered without ${resource}`);
      pages += 1;
      // The next page is asked for while this one is completed and written, so the bucket
      // keeps working while we write (at most two pages in memory; the client queues the
      // calls for the bucket). The watermark still moves only after each page's write.
      if (page.pageInfo.hasNextPage) next = fetchPage(page.pageInfo.endCursor ?? null);
      const nodes = await completeNodes(client, resource, page.nodes, signal);
      if (nodes.length > 0) {
        const mapped = mapGraphqlNodes(resource, nodes);
        if (mapped.failures.length > 0)
          ctx.log.warn("records could not be read", { shop: shop.domain, resource, first: mapped.failures[0] });
        const newest = maxUpdatedAt(nodes);
        const ledgers = resource === "orders" ? mapOrderLedgers(nodes) : null;
        if (ledgers?.failures.length)
          ctx.log.warn("ledgers could not be read", { shop: shop.domain, first: ledgers.failures[0] });
        await lane(async () => {
          await writeRecords(prisma, shop.id, resource, mapped.records, { source: "incremental" });
          // The orders' sales ledgers, read with the page (replaced per order: no double count).
          if (ledgers) await replaceOrderLedgers(prisma, shop.id, ledgers.ledgers);
          // Only after the write committed.
          if (newest && newest > watermark) await advanceWatermark(prisma, shop.id, resource, newest);
        });
        records += mapped.records.length;
        if (newest && newest > watermark) watermark = newest;
      }
    }
  } finally {
    stopped.abort(new Error("incremental sync ended"));
  }
  return { resource, records, pages, watermark };
}

function maxUpdatedAt(nodes: Node[]): Date | null {
  let max: number | null = null;
  for (const node of nodes) {
    const t = Date.parse(node.updatedAt);
    if (!Number.isNaN(t) && (max === null || t > max)) max = t;
  }
  return max === null ? null : new Date(max);
}

/** Forward only, even if two writers race. */
async function advanceWatermark(prisma: PrismaClient, shopId: number, resource: SyncResource, to: Date): Promise<void> {
  await prisma.$executeRaw`
    UPDATE sync_state SET watermark = GREATEST(COALESCE(watermark, ${to}), ${to})
    WHERE shop_id = ${shopId} AND resource = ${resource}`;
}

// ---------------------------------------------------------------------------
// Completing records whose nested lists did not fit in a page

async function completeNodes(
  client: AdminGraphql,
  resource: SyncResource,
  nodes: Node[],
  signal?: AbortSignal,
): Promise<Node[]> {
  if (resource === "products") {
    for (const product of nodes as ProductNode[]) await completeVariants(client, product, signal);
  }
  if (resource === "orders") {
    for (const order of nodes as OrderNode[]) {
      await completeLineItems(client, order, signal);
      await completeRefunds(client, order, signal);
      await completeOrderLedger(client, order.id, order.agreements as unknown as AgreementsConnection, signal);
    }
  }
  return nodes;
}

async function completeVariants(client: AdminGraphql, product: ProductNode, signal?: AbortSignal): Promise<void> {
  const variants = product.variants;
  while (variants.pageInfo.hasNextPage) {
    const data = await client.request<StorepulseProductVariantsQuery>(
      PRODUCT_VARIANTS_PAGE,
      { id: product.id, after: variants.pageInfo.endCursor },
      { signal },
    );
    if (!data.product) break;
    variants.nodes.push(...data.product.variants.nodes);
    variants.pageInfo = data.product.variants.pageInfo;
  }
}

async function completeLineItems(client: AdminGraphql, order: OrderNode, signal?: AbortSignal): Promise<void> {
  const lines = order.lineItems;
  while (lines.pageInfo.hasNextPage) {
    const data = await client.request<StorepulseOrderLineItemsQuery>(
      ORDER_LINE_ITEMS_PAGE,
      { id: order.id, after: lines.pageInfo.endCursor },
      { signal },
    );
    if (!data.order) break;
    lines.nodes.push(...data.order.lineItems.nodes);
    lines.pageInfo = data.order.lineItems.pageInfo;
  }
}

type RefundNode = OrderNode["refunds"][number];

function refundsOverflow(refunds: RefundNode[], maxRefunds: number): boolean {
  return (
    refunds.length >= maxRefunds ||
    refunds.some((r) => r.refundLineItems.pageInfo.hasNextPage || r.refundShippingLines.pageInfo.hasNextPage)
  );
}

async function completeRefunds(client: AdminGraphql, order: OrderNode, signal?: AbortSignal): Promise<void> {
  const refunds = order.refunds;
  if (!refundsOverflow(refunds, PAGE_SIZES.refundsPerOrder)) return;
  const data = await client.request<StorepulseOrderRefundsQuery>(ORDER_REFUNDS_DETAIL, { id: order.id }, { signal });
  if (!data.order) return;
  if (refundsOverflow(data.order.refunds, REFUNDS_DETAIL_LIMIT)) {
    // Writing a partial refund list would erase stored refunds; fail loudly instead
    // (the watermark stays before this order, the status names it).
    throw new OversizedRecordError(
      `order ${order.id} has more refunds or refund lines than the incremental sync pages`,
    );
  }
  order.refunds = data.order.refunds;
}
