// Canonical row shapes of the ingestion path. Every source (bulk JSONL, paginated
// GraphQL, REST-shaped webhook JSON) is mapped to these by app/sync/mapping.ts, and
// app/sync/store.ts writes only these. One shape for every source is what makes
// "the same order from GraphQL and from a webhook gives the same row" testable.
//
// Conventions:
// - ids are Shopify numeric ids as decimal strings ("5000000000001"): lossless beyond
//   2^53 and JSON-safe; the store casts them to bigint.
// - money is a decimal string in the shop currency (shopMoney), normalised by
//   `decimalString` (no float ever touches it); presentment amounts are noted as such.
// - instants are ISO-8601 UTC strings with milliseconds ("2026-01-02T03:04:05.000Z").
// - enums use the GraphQL spelling (customer state "ENABLED", product status "ACTIVE").

export type ShopifyId = string;
export type DecimalString = string;
export type IsoInstant = string;

export interface CustomerRecord {
  id: ShopifyId;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  state: string | null;
  tags: string[];
  /** null when the source did not carry it (the store then keeps what it had). */
  numberOfOrders: number | null;
  amountSpent: DecimalString | null;
  shopifyCreatedAt: IsoInstant | null;
  shopifyUpdatedAt: IsoInstant;
}

export interface ProductVariantRecord {
  id: ShopifyId;
  productId: ShopifyId;
  title: string | null;
  sku: string | null;
  price: DecimalString | null;
}

export interface ProductRecord {
  id: ShopifyId;
  title: string;
  handle: string | null;
  status: string | null;
  vendor: string | null;
  productType: string | null;
  shopifyCreatedAt: IsoInstant | null;
  shopifyUpdatedAt: IsoInstant;
  /** The complete variant list: the store replaces the stored variants with it. */
  variants: ProductVariantRecord[];
}

export interface OrderLineItemRecord {
  id: ShopifyId;
  orderId: ShopifyId;
  productId: ShopifyId | null;
  variantId: ShopifyId | null;
  title: string | null;
  sku: string | null;
  quantity: number;
  originalUnitPrice: DecimalString;
  /** All discount allocations of the line (line- and order-level). */
  totalDiscount: DecimalString;
  isGiftCard: boolean;
}

export interface RefundLineItemRecord {
  id: ShopifyId;
  refundId: ShopifyId;
  lineItemId: ShopifyId;
  quantity: number;
  subtotal: DecimalString;
  totalTax: DecimalString;
}

export interface RefundRecord {
  id: ShopifyId;
  orderId: ShopifyId;
  shopifyCreatedAt: IsoInstant;
  note: string | null;
  /** Refunded shipping (refund shipping lines, or shipping_refund order adjustments), summed. */
  shippingRefund: DecimalString;
  shippingTaxRefund: DecimalString;
  lineItems: RefundLineItemRecord[];
}

export interface OrderRecord {
  id: ShopifyId;
  name: string | null;
  email: string | null;
  customerId: ShopifyId | null;
  processedAt: IsoInstant;
  cancelledAt: IsoInstant | null;
  test: boolean;
  currencyCode: string;
  presentmentCurrencyCode: string | null;
  totalPrice: DecimalString;
  subtotalPrice: DecimalString;
  totalDiscounts: DecimalString;
  totalTax: DecimalString;
  totalShipping: DecimalString;
  totalRefunded: DecimalString;
  /** Total in the presentment currency; null when the source did not carry it. */
  totalPricePresentment: DecimalString | null;
  shopifyCreatedAt: IsoInstant;
  shopifyUpdatedAt: IsoInstant;
  /** Complete child lists: the store replaces the stored lines and refunds with them. */
  lineItems: OrderLineItemRecord[];
  refunds: RefundRecord[];
}

export type SyncResource = "customers" | "products" | "orders";

/** What a store call did: rows applied (new or newer) and rows skipped as not newer. */
export interface WriteResult {
  applied: number;
  stale: number;
}
