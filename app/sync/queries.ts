// Every Admin GraphQL document the sync engine sends (validated against the vendored
// 2026-10 schema in tests/sync-documents.test.ts). The record fields live in one
// fragment per type, shared by the bulk export and the paginated incremental pages,
// so both paths hand app/sync/mapping.ts the same node shape.
//
// Page sizes are chosen for Shopify's cost model: the *requested* cost (computed from
// the document: connections 2 + ⌊2·ln(first)⌋ × node, lists as one object) must fit the
// bucket before a call runs and stay under 1000, while the *actual* cost (what came
// back) is what drains it. Nested lists are
// kept small on pages; the rare order with more lines or refunds than a page carries
// is completed with the follow-up documents at the end of this file.

export const ADMIN_API_VERSION = "2026-10";

const MONEY = `shopMoney { amount currencyCode }`;
const MONEY_WITH_PRESENTMENT = `shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }`;

export const CUSTOMER_FIELDS = `
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

export const PRODUCT_FIELDS = `
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

export const VARIANT_FIELDS = `
fragment VariantFields on ProductVariant {
  id
  title
  sku
  price
}`;

export const ORDER_FIELDS = `
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
  totalPriceSet { ${MONEY_WITH_PRESENTMENT} }
  subtotalPriceSet { ${MONEY} }
  totalDiscountsSet { ${MONEY} }
  totalTaxSet { ${MONEY} }
  totalShippingPriceSet { ${MONEY} }
  totalRefundedSet { ${MONEY} }
}`;

export const LINE_ITEM_FIELDS = `
fragment LineItemFields on LineItem {
  id
  title
  sku
  quantity
  isGiftCard
  originalUnitPriceSet { ${MONEY} }
  # Every allocation (line- and order-level): what the line is net of. totalDiscountSet
  # would miss order-level discounts (2026-10 schema: "This value doesn't include
  # order-level discounts.").
  discountAllocations { allocatedAmountSet { ${MONEY} } }
  product { id }
  variant { id }
}`;

export const REFUND_FIELDS = `
fragment RefundFields on Refund {
  id
  createdAt
  note
}`;

export const REFUND_LINE_ITEM_FIELDS = `
fragment RefundLineItemFields on RefundLineItem {
  id
  quantity
  lineItem { id }
  subtotalSet { ${MONEY} }
  totalTaxSet { ${MONEY} }
}`;

export const REFUND_SHIPPING_LINE_FIELDS = `
fragment RefundShippingLineFields on RefundShippingLine {
  id
  subtotalAmountSet { ${MONEY} }
  taxAmountSet { ${MONEY} }
}`;

// ---------------------------------------------------------------------------
// Shop (install): name, currency, IANA zone, plan.

export const SHOP_QUERY = `
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
// Nested connections come back as their own JSONL lines with __parentId, anywhere
// after their parent (ungrouped output, the 2026-01+ default): bulk.ts/backfill.ts
// write parents and children independently.

export const BULK_CUSTOMERS = `
query StorepulseBulkCustomers {
  customers {
    edges { node { ...CustomerFields } }
  }
}
${CUSTOMER_FIELDS}`;

export const BULK_PRODUCTS = `
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

/** `search`: e.g. "processed_at:>='…'" without read_all_orders; empty for all history. */
export function bulkOrdersQuery(search: string | null): string {
  const args = search ? `(query: ${JSON.stringify(search)})` : "";
  return `
query StorepulseBulkOrders {
  orders${args} {
    edges {
      node {
        id
        ...OrderFields
        lineItems { edges { node { ...LineItemFields } } }
        refunds { ...RefundFields }
      }
    }
  }
}
${ORDER_FIELDS}
${LINE_ITEM_FIELDS}
${REFUND_FIELDS}`;
}

export const BULK_RUN = `
mutation StorepulseBulkRun($query: String!) {
  bulkOperationRunQuery(query: $query) {
    bulkOperation { id status createdAt }
    userErrors { field message code }
  }
}`;

export const BULK_OPERATION_STATUS = `
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

export const BULK_CANCEL = `
mutation StorepulseBulkCancel($id: ID!) {
  bulkOperationCancel(id: $id) {
    bulkOperation { id status }
    userErrors { field message }
  }
}`;

// ---------------------------------------------------------------------------
// Incremental pages: `updated_at:>=…`, oldest change first, so the watermark can
// advance page by page.

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

export const CUSTOMERS_PAGE = `
query StorepulseCustomersPage($query: String!, $after: String) {
  customers(first: ${PAGE_SIZES.customers}, after: $after, query: $query, sortKey: UPDATED_AT) {
    nodes { ...CustomerFields }
    pageInfo { hasNextPage endCursor }
  }
}
${CUSTOMER_FIELDS}`;

export const PRODUCTS_PAGE = `
query StorepulseProductsPage($query: String!, $after: String) {
  products(first: ${PAGE_SIZES.products}, after: $after, query: $query, sortKey: UPDATED_AT) {
    nodes {
      ...ProductFields
      variants(first: ${PAGE_SIZES.variantsPerProduct}) {
        nodes { ...VariantFields }
        pageInfo { hasNextPage endCursor }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
${PRODUCT_FIELDS}
${VARIANT_FIELDS}`;

export const ORDERS_PAGE = `
query StorepulseOrdersPage($query: String!, $after: String) {
  orders(first: ${PAGE_SIZES.orders}, after: $after, query: $query, sortKey: UPDATED_AT) {
    nodes {
      ...OrderFields
      lineItems(first: ${PAGE_SIZES.lineItemsPerOrder}) {
        nodes { ...LineItemFields }
        pageInfo { hasNextPage endCursor }
      }
      refunds(first: ${PAGE_SIZES.refundsPerOrder}) {
        ...RefundFields
        refundLineItems(first: ${PAGE_SIZES.linesPerRefund}) {
          nodes { ...RefundLineItemFields }
          pageInfo { hasNextPage endCursor }
        }
        refundShippingLines(first: ${PAGE_SIZES.shippingLinesPerRefund}) {
          nodes { ...RefundShippingLineFields }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
${ORDER_FIELDS}
${LINE_ITEM_FIELDS}
${REFUND_FIELDS}
${REFUND_LINE_ITEM_FIELDS}
${REFUND_SHIPPING_LINE_FIELDS}`;

// Follow-ups for the rare record whose nested lists did not fit in a page.

export const PRODUCT_VARIANTS_PAGE = `
query StorepulseProductVariants($id: ID!, $after: String) {
  product(id: $id) {
    variants(first: 250, after: $after) {
      nodes { ...VariantFields }
      pageInfo { hasNextPage endCursor }
    }
  }
}
${VARIANT_FIELDS}`;

export const ORDER_LINE_ITEMS_PAGE = `
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
export const ORDER_REFUNDS_DETAIL = `
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

export const ORDER_REFUND_DETAILS = `
query StorepulseOrderRefundDetails($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Order {
      id
      refunds(first: ${REFUND_DETAIL_SIZES.refundsPerOrder}) {
        ...RefundFields
        refundLineItems(first: ${REFUND_DETAIL_SIZES.linesPerRefund}) {
          nodes { ...RefundLineItemFields }
          pageInfo { hasNextPage endCursor }
        }
        refundShippingLines(first: ${REFUND_DETAIL_SIZES.shippingLinesPerRefund}) {
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
export const REFUND_LINES_PAGE = `
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
  };
}

/** The bulk query documents (the bulk rules apply to these on top of the schema). */
export function bulkDocuments(): Record<string, string> {
  return {
    BULK_CUSTOMERS,
    BULK_PRODUCTS,
    BULK_ORDERS_ALL: bulkOrdersQuery(null),
    BULK_ORDERS_RECENT: bulkOrdersQuery("processed_at:>='2026-01-01T00:00:00Z'"),
  };
}
