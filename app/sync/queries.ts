// Every Admin GraphQL document the sync engine sends (validated against the vendored
// 2026-10 schema in tests/sync-documents.test.ts). The record fields live in one
// fragment per type, shared by the bulk export and the paginated incremental pages,
// so both paths hand app/sync/mapping.ts the same node shape.
//
// Every document is static `#graphql` text (fragments appended as whole definitions):
// Shopify's codegen preset reads them and generates their variable and result types into
// app/types/admin.generated.d.ts (`npm run graphql-codegen`; `npm run typecheck` fails when
// that is stale). Page sizes are therefore literal in the documents; PAGE_SIZES and
// REFUND_DETAIL_SIZES repeat them for the engine's reasoning, and tests/sync-documents.test.ts
// checks the two agree. (Not `$first` variables: the requested cost Shopify checks before
// running a call is computed from the document, and literal sizes keep it fixed per document.)
//
// Page sizes are chosen for Shopify's cost model: the *requested* cost (computed from
// the document: connections 2 + ⌊2·ln(first)⌋ × node, lists as one object) must fit the
// bucket before a call runs and stay under 1000, while the *actual* cost (what came
// back) is what drains it. Nested lists are
// kept small on pages; the rare order with more lines or refunds than a page carries
// is completed with the follow-up documents at the end of this file.

export const ADMIN_API_VERSION = "2026-10";

export const CUSTOMER_FIELDS = `#graphql
fragment CustomerFields on Customer {
  id
  firstName
  lastName
  email
  phone
  state
  tags
  numberOfOrders
  amountSpent { amount currencyCode }
  createdAt
  updatedAt
}`;

export const PRODUCT_FIELDS = `#graphql
fragment ProductFields on Product {
  id
  title
  handle
  status
  vendor
  productType
  createdAt
  updatedAt
}`;

export const VARIANT_FIELDS = `#graphql
fragment VariantFields on ProductVariant {
  id
  title
  sku
  price
}`;

export const ORDER_FIELDS = `#graphql
fragment OrderFields on Order {
  id
  name
  email
  customer { id }
  createdAt
  processedAt
  updatedAt
  cancelledAt
  test
  currencyCode
  presentmentCurrencyCode
  totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
  subtotalPriceSet { shopMoney { amount currencyCode } }
  totalDiscountsSet { shopMoney { amount currencyCode } }
  totalTaxSet { shopMoney { amount currencyCode } }
  totalShippingPriceSet { shopMoney { amount currencyCode } }
  totalRefundedSet { shopMoney { amount currencyCode } }
}`;

export const LINE_ITEM_FIELDS = `#graphql
fragment LineItemFields on LineItem {
  id
  title
  sku
  quantity
  isGiftCard
  originalUnitPriceSet { shopMoney { amount currencyCode } }
  # Every allocation (line- and order-level): what the line is net of. totalDiscountSet
  # would miss order-level discounts (2026-10 schema: "This value doesn't include
  # order-level discounts.").
  discountAllocations { allocatedAmountSet { shopMoney { amount currencyCode } } }
  product { id }
  variant { id }
}`;

export const REFUND_FIELDS = `#graphql
fragment RefundFields on Refund {
  id
  createdAt
  note
}`;

export const REFUND_LINE_ITEM_FIELDS = `#graphql
fragment RefundLineItemFields on RefundLineItem {
  id
  quantity
  lineItem { id }
  subtotalSet { shopMoney { amount currencyCode } }
  totalTaxSet { shopMoney { amount currencyCode } }
}`;

export const REFUND_SHIPPING_LINE_FIELDS = `#graphql
fragment RefundShippingLineFields on RefundShippingLine {
  id
  subtotalAmountSet { shopMoney { amount currencyCode } }
  taxAmountSet { shopMoney { amount currencyCode } }
}`;

// The sales ledger (Order.agreements → sales; app/sync/sales-ledger.ts). __typename
// tells an agreement's kind and, in a bulk result, an agreement line from a sale line.
export const AGREEMENT_FIELDS = `#graphql
fragment AgreementFields on SalesAgreement {
  __typename
  id
  happenedAt
}`;

export const SALE_FIELDS = `#graphql
fragment SaleFields on Sale {
  __typename
  id
  actionType
  lineType
  quantity
  totalAmount { shopMoney { amount currencyCode } }
  totalDiscountAmountBeforeTaxes { shopMoney { amount currencyCode } }
  totalDiscountAmountAfterTaxes { shopMoney { amount currencyCode } }
  totalTaxAmount { shopMoney { amount currencyCode } }
  ... on ProductSale { lineItem { id product { id } } }
  ... on GiftCardSale { lineItem { id product { id } } }
}`;

// ---------------------------------------------------------------------------
// Shop (install): name, currency, IANA zone, plan.

export const SHOP_QUERY = `#graphql
query StorepulseShop {
  shop {
    name
    email
    myshopifyDomain
    currencyCode
    ianaTimezone
    plan { displayName publicDisplayName shopifyPlus partnerDevelopment }
  }
}`;

// ---------------------------------------------------------------------------
// Bulk exports (one per resource; 2026-10 runs up to 5 bulk queries at once).
// Shopify's bulk rules (shopify.dev/docs/api/usage/bulk-operations/queries, "Operation
// restrictions"; recorded refusals in simulator/test/recordings): connections as
// `edges { node }` only (no `nodes`), a nested connection's parent selects `id` itself
// (not only through a fragment spread), at
// most 5 connections and 2 levels of nesting, and no connection inside a list field
// ("Queries that contain a connection field within a list field are not currently
// supported."). Order.refunds is a list, so the export carries refund scalars only; the
// refunds' line items and shipping lines are read afterwards with ORDER_REFUND_DETAILS.
// The sales ledger fits: orders → agreements → sales is depth 2, and with lineItems the
// orders export has 4 connections (tests/sync-documents.test.ts runs the simulator's
// validateBulkQuery, which applies the recorded rules, on every bulk document).
// Nested connections come back as their own JSONL lines with __parentId, anywhere
// after their parent (ungrouped output, the 2026-01+ default): bulk.ts/backfill.ts
// write parents and children independently.

export const BULK_CUSTOMERS = `#graphql
query StorepulseBulkCustomers {
  customers {
    edges { node { ...CustomerFields } }
  }
}
${CUSTOMER_FIELDS}`;

export const BULK_PRODUCTS = `#graphql
query StorepulseBulkProducts {
  products {
    edges {
      node {
        id
        ...ProductFields
        variants { edges { node { ...VariantFields } } }
      }
    }
  }
}
${PRODUCT_FIELDS}
${VARIANT_FIELDS}`;

// Static, so codegen reads and checks it; the search is spliced in at run time (a bulk
// query is sent as a string inside bulkOperationRunQuery and takes no variables).
export const BULK_ORDERS = `#graphql
query StorepulseBulkOrders {
  orders {
    edges {
      node {
        id
        ...OrderFields
        lineItems { edges { node { ...LineItemFields } } }
        refunds { ...RefundFields }
        agreements {
          edges {
            node {
              id
              ...AgreementFields
              sales { edges { node { ...SaleFields } } }
            }
          }
        }
      }
    }
  }
}
${ORDER_FIELDS}
${LINE_ITEM_FIELDS}
${REFUND_FIELDS}
${AGREEMENT_FIELDS}
${SALE_FIELDS}`;

/** `search`: e.g. "processed_at:>='…'" without read_all_orders; empty for all history. */
export function bulkOrdersQuery(search: string | null): string {
  if (!search) return BULK_ORDERS;
  const withSearch = BULK_ORDERS.replace("\n  orders {", `\n  orders(query: ${JSON.stringify(search)}) {`);
  if (withSearch === BULK_ORDERS) throw new Error("BULK_ORDERS lost its `orders {` root field");
  return withSearch;
}

export const BULK_RUN = `#graphql
mutation StorepulseBulkRun($query: String!) {
  bulkOperationRunQuery(query: $query) {
    bulkOperation { id status createdAt }
    userErrors { field message code }
  }
}`;

export const BULK_OPERATION_STATUS = `#graphql
query StorepulseBulkOperation($id: ID!) {
  bulkOperation(id: $id) {
    id
    status
    errorCode
    createdAt
    completedAt
    objectCount
    rootObjectCount
    fileSize
    url
    partialDataUrl
  }
}`;

export const BULK_CANCEL = `#graphql
mutation StorepulseBulkCancel($id: ID!) {
  bulkOperationCancel(id: $id) {
    bulkOperation { id status }
    userErrors { field message }
  }
}`;

// ---------------------------------------------------------------------------
// Incremental pages: `updated_at:>=…`, oldest change first, so the watermark can
// advance page by page.

// The first page of an order's ledger, shared by the incremental orders page and the
// ledger refreshes after webhooks (ORDER_LEDGERS). Agreements come as edges: a cursor
// addresses one agreement again when its sales run beyond this page (an agreement is
// not a Node, so AGREEMENT_SALES_PAGE reaches it through its order). The rest is read
// by app/sync/ledger-fetch.ts with ORDER_AGREEMENTS_PAGE and AGREEMENT_SALES_PAGE.
export const LEDGER_PAGE_SIZES = { agreementsPerOrder: 3, salesPerAgreement: 10 } as const;

export const ORDER_LEDGER_FIRST_PAGE = `#graphql
fragment OrderLedgerFirstPage on Order {
  agreements(first: 3) {
    edges {
      cursor
      node {
        ...AgreementFields
        sales(first: 10) {
          nodes { ...SaleFields }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
${AGREEMENT_FIELDS}
${SALE_FIELDS}`;

export const PAGE_SIZES = {
  // Requested costs by Shopify's rules are checked (and printed) by
  // tests/sync-documents.test.ts: each page stays well under the 1000-point maximum.
  customers: 100,
  products: 25,
  variantsPerProduct: 25,
  orders: 5,
  lineItemsPerOrder: 10,
  refundsPerOrder: 2,
  linesPerRefund: 5,
  shippingLinesPerRefund: 1,
} as const;

export const CUSTOMERS_PAGE = `#graphql
query StorepulseCustomersPage($query: String!, $after: String) {
  customers(first: 100, after: $after, query: $query, sortKey: UPDATED_AT) {
    nodes { ...CustomerFields }
    pageInfo { hasNextPage endCursor }
  }
}
${CUSTOMER_FIELDS}`;

export const PRODUCTS_PAGE = `#graphql
query StorepulseProductsPage($query: String!, $after: String) {
  products(first: 25, after: $after, query: $query, sortKey: UPDATED_AT) {
    nodes {
      ...ProductFields
      variants(first: 25) {
        nodes { ...VariantFields }
        pageInfo { hasNextPage endCursor }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
${PRODUCT_FIELDS}
${VARIANT_FIELDS}`;

/**
 * The requested cost Shopify computes for ORDERS_PAGE (checked against the simulator by
 * tests/sync-documents.test.ts). Sent as the expected cost of the first page: with the
 * sales ledger's first page nested in it, it is the most expensive page, and a first call
 * of unknown cost on a nearly empty bucket would be THROTTLED.
 */
export const ORDERS_PAGE_REQUESTED_COST = 194;

export const ORDERS_PAGE = `#graphql
query StorepulseOrdersPage($query: String!, $after: String) {
  orders(first: 5, after: $after, query: $query, sortKey: UPDATED_AT) {
    nodes {
      ...OrderFields
      lineItems(first: 10) {
        nodes { ...LineItemFields }
        pageInfo { hasNextPage endCursor }
      }
      refunds(first: 2) {
        ...RefundFields
        refundLineItems(first: 5) {
          nodes { ...RefundLineItemFields }
          pageInfo { hasNextPage endCursor }
        }
        refundShippingLines(first: 1) {
          nodes { ...RefundShippingLineFields }
          pageInfo { hasNextPage endCursor }
        }
      }
      ...OrderLedgerFirstPage
    }
    pageInfo { hasNextPage endCursor }
  }
}
${ORDER_FIELDS}
${LINE_ITEM_FIELDS}
${REFUND_FIELDS}
${REFUND_LINE_ITEM_FIELDS}
${REFUND_SHIPPING_LINE_FIELDS}
${ORDER_LEDGER_FIRST_PAGE}`;

// Follow-ups for the rare record whose nested lists did not fit in a page.

export const PRODUCT_VARIANTS_PAGE = `#graphql
query StorepulseProductVariants($id: ID!, $after: String) {
  product(id: $id) {
    variants(first: 250, after: $after) {
      nodes { ...VariantFields }
      pageInfo { hasNextPage endCursor }
    }
  }
}
${VARIANT_FIELDS}`;

export const ORDER_LINE_ITEMS_PAGE = `#graphql
query StorepulseOrderLineItems($id: ID!, $after: String) {
  order(id: $id) {
    lineItems(first: 100, after: $after) {
      nodes { ...LineItemFields }
      pageInfo { hasNextPage endCursor }
    }
  }
}
${LINE_ITEM_FIELDS}`;

/** Up to 6 refunds with 20 lines each; beyond that see incremental.ts. */
export const REFUNDS_DETAIL_LIMIT = 6;
export const ORDER_REFUNDS_DETAIL = `#graphql
query StorepulseOrderRefunds($id: ID!) {
  order(id: $id) {
    refunds(first: 6) {
      ...RefundFields
      refundLineItems(first: 20) {
        nodes { ...RefundLineItemFields }
        pageInfo { hasNextPage endCursor }
      }
      refundShippingLines(first: 3) {
        nodes { ...RefundShippingLineFields }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}
${REFUND_FIELDS}
${REFUND_LINE_ITEM_FIELDS}
${REFUND_SHIPPING_LINE_FIELDS}`;

// Refund details after the orders export: the refunds' line items and shipping lines
// of a batch of orders by id (`nodes(ids:)`, an ordinary cost-aware query: connections
// inside the refunds list are fine outside bulk operations). A refund with more lines
// than fit is completed with REFUND_LINES_PAGE.
export const REFUND_DETAIL_SIZES = {
  refundsPerOrder: 3,
  linesPerRefund: 10,
  shippingLinesPerRefund: 2,
} as const;

/**
 * Shopify's cost rules (shopify.dev "GraphQL Admin API rate limits", calibrated on the
 * recorded costs in simulator/test/recordings/query-costs.jsonl): scalars and money
 * objects 0, other objects 1, a list of objects priced as one object whatever its length
 * (so `nodes(ids:)` requests the same for 1 or 100 ids), a connection 2 + ⌊2·ln(first)⌋ ×
 * its node. The *requested* cost of ORDER_REFUND_DETAILS is therefore fixed:
 * nodes 1 + refunds 1 + refundLineItems (2 + ⌊2·ln L⌋ × (line 1 + lineItem 1)) +
 * refundShippingLines (2 + ⌊2·ln S⌋ × 1). What grows with the batch is the *actual*
 * cost (objects returned), which drains the bucket: refundDetailsActualCostPerOrder is
 * its worst case per order (every list full), the first guess before Shopify reports it.
 */
export function refundDetailsRequestedCost(sizes = REFUND_DETAIL_SIZES): number {
  const factor = (n: number) => (n > 0 ? Math.floor(2 * Math.log(n)) : 0);
  return 1 + 1 + (2 + factor(sizes.linesPerRefund) * 2) + (2 + factor(sizes.shippingLinesPerRefund) * 1);
}

export function refundDetailsActualCostPerOrder(sizes = REFUND_DETAIL_SIZES): number {
  const refund = 1 + (2 + sizes.linesPerRefund * 2) + (2 + sizes.shippingLinesPerRefund);
  return 1 + sizes.refundsPerOrder * refund;
}

export const ORDER_REFUND_DETAILS = `#graphql
query StorepulseOrderRefundDetails($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Order {
      id
      refunds(first: 3) {
        ...RefundFields
        refundLineItems(first: 10) {
          nodes { ...RefundLineItemFields }
          pageInfo { hasNextPage endCursor }
        }
        refundShippingLines(first: 2) {
          nodes { ...RefundShippingLineFields }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
}
${REFUND_FIELDS}
${REFUND_LINE_ITEM_FIELDS}
${REFUND_SHIPPING_LINE_FIELDS}`;

/** The rest of one refund's lines (a refund is a Node on Shopify). */
export const REFUND_LINES_PAGE = `#graphql
query StorepulseRefundLines($id: ID!, $linesAfter: String, $shippingAfter: String) {
  node(id: $id) {
    ... on Refund {
      ...RefundFields
      refundLineItems(first: 100, after: $linesAfter) {
        nodes { ...RefundLineItemFields }
        pageInfo { hasNextPage endCursor }
      }
      refundShippingLines(first: 10, after: $shippingAfter) {
        nodes { ...RefundShippingLineFields }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}
${REFUND_FIELDS}
${REFUND_LINE_ITEM_FIELDS}
${REFUND_SHIPPING_LINE_FIELDS}`;

// Ledger follow-ups and refreshes (app/sync/ledger-fetch.ts).

/** More agreements of one order (beyond the first page). */
export const ORDER_AGREEMENTS_PAGE = `#graphql
query StorepulseOrderAgreements($id: ID!, $after: String) {
  order(id: $id) {
    id
    agreements(first: 25, after: $after) {
      edges {
        cursor
        node {
          ...AgreementFields
          sales(first: 25) {
            nodes { ...SaleFields }
            pageInfo { hasNextPage endCursor }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}
${AGREEMENT_FIELDS}
${SALE_FIELDS}`;

/** More sales of one agreement: the agreement right after `agreementsAfter` (null: the first). */
export const AGREEMENT_SALES_PAGE = `#graphql
query StorepulseAgreementSales($id: ID!, $agreementsAfter: String, $salesAfter: String) {
  order(id: $id) {
    id
    agreements(first: 1, after: $agreementsAfter) {
      nodes {
        id
        sales(first: 100, after: $salesAfter) {
          nodes { ...SaleFields }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
}
${SALE_FIELDS}`;

/**
 * The ledgers of a batch of orders by id, after webhooks (REST payloads carry no
 * agreements). Its requested cost is fixed (a list is priced as one object whatever
 * the number of ids); the batch is sized by the actual cost Shopify reports.
 */
export const ORDER_LEDGERS = `#graphql
query StorepulseOrderLedgers($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Order {
      id
      updatedAt
      ...OrderLedgerFirstPage
    }
  }
}
${ORDER_LEDGER_FIRST_PAGE}`;

/**
 * A large backlog of ledger refreshes is read with one bulk export of the orders changed
 * since the oldest marked one, instead of thousands of `nodes(ids:)` calls.
 */
export const BULK_ORDER_LEDGERS = `#graphql
query StorepulseBulkOrderLedgers {
  orders {
    edges {
      node {
        id
        updatedAt
        agreements {
          edges {
            node {
              id
              ...AgreementFields
              sales { edges { node { ...SaleFields } } }
            }
          }
        }
      }
    }
  }
}
${AGREEMENT_FIELDS}
${SALE_FIELDS}`;

/** `search`: e.g. "updated_at:>='…'". */
export function bulkOrderLedgersQuery(search: string): string {
  const withSearch = BULK_ORDER_LEDGERS.replace("\n  orders {", `\n  orders(query: ${JSON.stringify(search)}) {`);
  if (withSearch === BULK_ORDER_LEDGERS) throw new Error("BULK_ORDER_LEDGERS lost its `orders {` root field");
  return withSearch;
}

/** Every document the engine can send, for the schema-validation test. */
export function allDocuments(): Record<string, string> {
  return {
    SHOP_QUERY,
    BULK_CUSTOMERS,
    BULK_PRODUCTS,
    BULK_ORDERS_ALL: bulkOrdersQuery(null),
    BULK_ORDERS_RECENT: bulkOrdersQuery("processed_at:>='2026-01-01T00:00:00Z'"),
    BULK_RUN,
    BULK_OPERATION_STATUS,
    BULK_CANCEL,
    CUSTOMERS_PAGE,
    PRODUCTS_PAGE,
    ORDERS_PAGE,
    PRODUCT_VARIANTS_PAGE,
    ORDER_LINE_ITEMS_PAGE,
    ORDER_REFUNDS_DETAIL,
    ORDER_REFUND_DETAILS,
    REFUND_LINES_PAGE,
    ORDER_AGREEMENTS_PAGE,
    AGREEMENT_SALES_PAGE,
    ORDER_LEDGERS,
    BULK_ORDER_LEDGERS: bulkOrderLedgersQuery("updated_at:>='2026-01-01T00:00:00Z'"),
  };
}

/** The bulk query documents (the bulk rules apply to these on top of the schema). */
export function bulkDocuments(): Record<string, string> {
  return {
    BULK_CUSTOMERS,
    BULK_PRODUCTS,
    BULK_ORDERS_ALL: bulkOrdersQuery(null),
    BULK_ORDERS_RECENT: bulkOrdersQuery("processed_at:>='2026-01-01T00:00:00Z'"),
    BULK_ORDER_LEDGERS: bulkOrderLedgersQuery("updated_at:>='2026-01-01T00:00:00Z'"),
  };
}
