// The simulator's record of a shop's data. Field names follow Shopify's GraphQL
// names; amounts are MoneyPair (shop + presentment currency decimal strings);
// timestamps are ISO-8601 UTC strings ("2026-01-02T03:04:05Z").
import type { ShopInfo } from "../contracts.js";
import type { MoneyPair } from "./money.js";

export type CustomerState = "ENABLED" | "DISABLED" | "INVITED" | "DECLINED";
export type ProductStatus = "ACTIVE" | "ARCHIVED" | "DRAFT";

export interface Customer {
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  state: CustomerState;
  tags: string[];
  verifiedEmail: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ProductVariant {
  id: number;
  productId: number;
  title: string;
  sku: string | null;
  /** Shop currency. */
  price: string;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface Product {
  id: number;
  title: string;
  handle: string;
  status: ProductStatus;
  vendor: string;
  productType: string;
  tags: string[];
  isGiftCard: boolean;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  variants: ProductVariant[];
}

export interface LineItem {
  id: number;
  productId: number | null;
  variantId: number | null;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  vendor: string | null;
  quantity: number;
  isGiftCard: boolean;
  requiresShipping: boolean;
  taxable: boolean;
  /** Per unit, before discounts. */
  originalUnitPrice: MoneyPair;
  /**
   * Sum of all discount allocations on the line (line-level and order-level):
   * what the line's tax, refunds and the order's totals are net of. This is NOT
   * GraphQL's LineItem.totalDiscountSet, which excludes order-level discounts
   * (2026-10 schema description); see lineLevelDiscount in order-totals.ts.
   */
  totalDiscount: MoneyPair;
  /**
   * How totalDiscount splits over the order's discountApplications (by index),
   * as Shopify's LineItem.discountAllocations reports it. Σ amount = totalDiscount.
   */
  discountAllocations: DiscountAllocation[];
  /** Tax charged on the line (taxes are added on top: taxesIncluded = false). */
  tax: MoneyPair;
  taxRate: string;
  /** Set on a line an order edit added: its units are booked as UPDATE sales of that edit, not at placement. */
  addedByEditId?: number;
}

/**
 * One line's change in an order edit. Signed: added units positive, removed units
 * negative. `discount` and `tax` are the amounts of exactly these units (the removed
 * units' share of the line's discount and tax, or what added units were charged).
 * Removed units stay in LineItem.quantity and the order's original totals; only
 * current* amounts and currentQuantity drop (recorded in
 * simulator/test/recordings/2026-04/orders/order-edit-money-math.json).
 */
export interface OrderEditChange {
  id: number;
  lineItemId: number;
  quantity: number;
  discount: MoneyPair;
  tax: MoneyPair;
}

/** A committed order edit: Shopify books it as an OrderEditAgreement on `createdAt`. */
export interface OrderEdit {
  id: number;
  createdAt: string;
  changes: OrderEditChange[];
}

/**
 * A return of goods. The refunds that settle it name it in `returnId`; their line
 * items are booked on the return's date (ReturnAgreement), not the refund's.
 */
export interface OrderReturn {
  id: number;
  /** "#1001-R1" */
  name: string;
  createdAt: string;
  closedAt: string | null;
}

/** A tip the customer added (TipSale). Its id is a LineItem id: TipSale.lineItem is non-null. */
export interface Tip {
  lineItemId: number;
  amount: MoneyPair;
}

/** An import duty charged on a line item (Duty, DutySale). */
export interface Duty {
  id: number;
  lineItemId: number;
  countryCodeOfOrigin: string | null;
  harmonizedSystemCode: string | null;
  price: MoneyPair;
}

/** An additional fee on the order (AdditionalFee / SaleAdditionalFee, AdditionalFeeSale). Untaxed. */
export interface AdditionalFee {
  id: number;
  name: string;
  price: MoneyPair;
}

export interface ShippingLine {
  id: number;
  title: string;
  code: string;
  price: MoneyPair;
  tax: MoneyPair;
}

export interface DiscountAllocation {
  /** Index into the order's discountApplications (Shopify's discount_application_index). */
  applicationIndex: number;
  amount: MoneyPair;
}

export interface DiscountApplication {
  /** "order" discounts are allocated across lines; "line" discounts hit one line. */
  level: "order" | "line";
  /**
   * Where the discount came from: a code (DiscountCodeApplication), an automatic
   * discount or a manual one (staff, order edits). Default: "code" when `code`
   * is set, else "manual".
   */
  kind?: "code" | "automatic" | "manual";
  code: string | null;
  title: string;
  valueType: "percentage" | "fixed_amount";
  /** Percent ("10.0") or, for fixed_amount, the amount in the shop's currency. */
  value: string;
}

export interface RefundLineItem {
  id: number;
  lineItemId: number;
  quantity: number;
  restockType: "NO_RESTOCK" | "CANCEL" | "RETURN" | "LEGACY_RESTOCK";
  /** Refunded amount for the units before tax (after the line's discounts). */
  subtotal: MoneyPair;
  totalTax: MoneyPair;
}

export interface RefundShippingLine {
  id: number;
  shippingLineId: number;
  subtotal: MoneyPair;
  tax: MoneyPair;
}

export interface Refund {
  id: number;
  orderId: number;
  note: string | null;
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  refundLineItems: RefundLineItem[];
  refundShippingLines: RefundShippingLine[];
  /** The return this refund settles (its line items are booked on the return's date). */
  returnId?: number;
}

export type CancelReason = "CUSTOMER" | "DECLINED" | "FRAUD" | "INVENTORY" | "OTHER" | "STAFF";

export interface Order {
  id: number;
  /** Sequential number shown as name "#1001". */
  number: number;
  name: string;
  email: string | null;
  customerId: number | null;
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  cancelReason: CancelReason | null;
  closedAt: string | null;
  test: boolean;
  sourceName: string;
  currencyCode: string;
  presentmentCurrencyCode: string;
  /** Presentment units per shop unit used for this order. */
  exchangeRate: string;
  tags: string[];
  discountApplications: DiscountApplication[];
  lineItems: LineItem[];
  shippingLines: ShippingLine[];
  refunds: Refund[];
  /** Committed order edits, oldest first. */
  edits?: OrderEdit[];
  returns?: OrderReturn[];
  tip?: Tip | null;
  duties?: Duty[];
  additionalFees?: AdditionalFee[];
}

/** A shop's complete data: the control API's read-back oracle has this shape. */
export interface ShopData {
  shop: ShopInfo & { id: number; email: string; createdAt: string; updatedAt: string };
  customers: Customer[];
  products: Product[];
  orders: Order[];
}
