// The one place Shopify shapes become Storepulse rows: GraphQL nodes (bulk JSONL
// reassembled, or paginated queries; Admin API 2026-10 field names) and REST-shaped
// webhook payloads (snake_case) both map to the records of app/sync/records.ts.
// Money is read as decimal strings and only added with decimal.js — never floats.
//
// Readers are defensive about *shape* (a connection may arrive as an array, as
// `{ nodes }` or as `{ edges: [{ node }] }`; ids as numbers, strings or gids) and strict
// about *content*: a missing id, timestamp or required amount throws MappingError
// naming the field, so a bad payload fails loudly instead of writing zeros.
import DecimalJs from "decimal.js";
import type {
  CustomerRecord,
  DecimalString,
  IsoInstant,
  OrderLineItemRecord,
  OrderRecord,
  ProductRecord,
  ProductVariantRecord,
  RefundLineItemRecord,
  RefundRecord,
  ShopifyId,
} from "./records";

// Sums of numeric(20,4) amounts need more than decimal.js's default 20 digits.
const Decimal = DecimalJs.clone({ precision: 40 });

export class MappingError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = "MappingError";
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function object(value: unknown, field: string): Json {
  if (!isObject(value)) throw new MappingError(field, "expected an object");
  return value;
}

// ---------------------------------------------------------------------------
// Scalars

const GID = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)(?:\?.*)?$/;
const DIGITS = /^\d+$/;

/** A Shopify id from a gid ("gid://shopify/Order/123"), a numeric string or a JSON number. */
export function parseShopifyId(value: unknown, field = "id"): ShopifyId {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === "bigint" && value >= 0n) return value.toString();
  if (typeof value === "string") {
    const gid = GID.exec(value);
    if (gid) return gid[1]!;
    if (DIGITS.test(value)) return value.replace(/^0+(?=\d)/, "");
  }
  throw new MappingError(field, "expected a Shopify id");
}

function optionalId(value: unknown, field: string): ShopifyId | null {
  return value === null || value === undefined ? null : parseShopifyId(value, field);
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A decimal amount as a normalised string ("12.30" → "12.3"; "-0.00" → "0"), so that
 * the same amount from two sources compares equal. JSON numbers are accepted as the
 * literal they were written as (no arithmetic happens on them).
 */
export function decimalString(value: unknown, field = "amount"): DecimalString {
  const text = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== "string" || !DECIMAL.test(text.trim()))
    throw new MappingError(field, "expected a decimal amount");
  const normalised = new Decimal(text.trim()).toFixed();
  return normalised === "-0" ? "0" : normalised;
}

function sumDecimals(values: DecimalString[]): DecimalString {
  return decimalString(values.reduce((sum, v) => sum.plus(v), new Decimal(0)).toFixed());
}

function negateDecimal(value: DecimalString): DecimalString {
  return decimalString(new Decimal(value).negated().toFixed());
}

/** An ISO-8601 instant, normalised to UTC with milliseconds. */
export function isoInstant(value: unknown, field: string): IsoInstant {
  if (typeof value !== "string" || value.length < 10) throw new MappingError(field, "expected an ISO-8601 timestamp");
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new MappingError(field, "expected an ISO-8601 timestamp");
  return date.toISOString();
}

function optionalInstant(value: unknown, field: string): IsoInstant | null {
  return value === null || value === undefined || value === "" ? null : isoInstant(value, field);
}

function optionalString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : String(value);
}

function optionalInt(value: unknown, field: string): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === "string" && DIGITS.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n)) throw new MappingError(field, "expected an integer");
  return n;
}

function requiredInt(value: unknown, field: string): number {
  const n = optionalInt(value, field);
  if (n === null) throw new MappingError(field, "missing");
  return n;
}

function upperEnum(value: unknown): string | null {
  const text = optionalString(value);
  return text === null ? null : text.toUpperCase();
}

/** Tags: GraphQL gives a list, REST a comma-separated string. */
function tagList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter((t) => t.length > 0);
  if (typeof value === "string")
    return value
      .split(",")
      .map((t) => t.trim())
      .filter((t) => t.length > 0);
  return [];
}

// ---------------------------------------------------------------------------
// Money bags and collections

/**
 * The shop-currency amount of a money bag: GraphQL `{ shopMoney { amount } }`, REST
 * `{ shop_money: { amount } }`, or a bare MoneyV2 `{ amount }`.
 */
export function shopAmount(bag: unknown, field: string): DecimalString | null {
  if (bag === null || bag === undefined) return null;
  const b = object(bag, field);
  const money = b.shopMoney ?? b.shop_money ?? b;
  if (!isObject(money) || money.amount === undefined || money.amount === null) return null;
  return decimalString(money.amount, `${field}.shopMoney.amount`);
}

function presentmentAmount(bag: unknown, field: string): DecimalString | null {
  if (!isObject(bag)) return null;
  const money = bag.presentmentMoney ?? bag.presentment_money;
  if (!isObject(money) || money.amount === undefined || money.amount === null) return null;
  return decimalString(money.amount, `${field}.presentmentMoney.amount`);
}

/** REST: prefer the `<name>_set` bag (shop money), fall back to the bare `<name>` string. */
function restAmount(payload: Json, name: string): DecimalString | null {
  const fromSet = shopAmount(payload[`${name}_set`], `${name}_set`);
  if (fromSet !== null) return fromSet;
  const bare = payload[name];
  return bare === null || bare === undefined ? null : decimalString(bare, name);
}

function required<T>(value: T | null, field: string): T {
  if (value === null) throw new MappingError(field, "missing");
  return value;
}

/** Items of a list, a `{ nodes }` connection or an `{ edges: [{ node }] }` connection. */
export function collection(value: unknown): Json[] {
  let items: unknown[] = [];
  if (Array.isArray(value)) items = value;
  else if (isObject(value)) {
    if (Array.isArray(value.nodes)) items = value.nodes;
    else if (Array.isArray(value.edges)) items = value.edges.map((edge) => (isObject(edge) ? edge.node : undefined));
  }
  return items.filter(isObject);
}

// ---------------------------------------------------------------------------
// Customers

export function customerFromGraphql(node: unknown): CustomerRecord {
  const c = object(node, "customer");
  const email = c.email ?? (isObject(c.defaultEmailAddress) ? c.defaultEmailAddress.emailAddress : null);
  const phone = c.phone ?? (isObject(c.defaultPhoneNumber) ? c.defaultPhoneNumber.phoneNumber : null);
  return {
    id: parseShopifyId(c.id, "customer.id"),
    firstName: optionalString(c.firstName),
    lastName: optionalString(c.lastName),
    email: optionalString(email),
    phone: optionalString(phone),
    state: upperEnum(c.state),
    tags: tagList(c.tags),
    numberOfOrders: optionalInt(c.numberOfOrders, "customer.numberOfOrders"),
    amountSpent: shopAmount(c.amountSpent, "customer.amountSpent"),
    shopifyCreatedAt: optionalInstant(c.createdAt, "customer.createdAt"),
    shopifyUpdatedAt: isoInstant(c.updatedAt, "customer.updatedAt"),
  };
}

export function customerFromWebhook(payload: unknown): CustomerRecord {
  const c = object(payload, "customer");
  return {
    id: parseShopifyId(c.id, "customer.id"),
    firstName: optionalString(c.first_name),
    lastName: optionalString(c.last_name),
    email: optionalString(c.email),
    phone: optionalString(c.phone),
    state: upperEnum(c.state),
    tags: tagList(c.tags),
    numberOfOrders: optionalInt(c.orders_count, "customer.orders_count"),
    amountSpent:
      c.total_spent === null || c.total_spent === undefined
        ? null
        : decimalString(c.total_spent, "customer.total_spent"),
    shopifyCreatedAt: optionalInstant(c.created_at, "customer.created_at"),
    shopifyUpdatedAt: isoInstant(c.updated_at, "customer.updated_at"),
  };
}

// ---------------------------------------------------------------------------
// Products

export function productFromGraphql(node: unknown): ProductRecord {
  const p = object(node, "product");
  const id = parseShopifyId(p.id, "product.id");
  return {
    id,
    title: optionalString(p.title) ?? "",
    handle: optionalString(p.handle),
    status: upperEnum(p.status),
    vendor: optionalString(p.vendor),
    productType: optionalString(p.productType),
    shopifyCreatedAt: optionalInstant(p.createdAt, "product.createdAt"),
    shopifyUpdatedAt: isoInstant(p.updatedAt, "product.updatedAt"),
    variants: collection(p.variants).map((v, i) => variantFromGraphql(v, id, i)),
  };
}

/** One ProductVariant node (inline in a product, or a bulk child line whose parent is `productId`). */
export function variantFromGraphql(node: unknown, productId: ShopifyId, i = 0): ProductVariantRecord {
  const v = object(node, `product.variants[${i}]`);
  return {
    id: parseShopifyId(v.id, `product.variants[${i}].id`),
    productId,
    title: optionalString(v.title),
    sku: optionalString(v.sku),
    price: variantPrice(v.price, `product.variants[${i}].price`),
  };
}

/** ProductVariant.price is a Money scalar (a decimal string) in 2026-10; older shapes a MoneyV2. */
function variantPrice(value: unknown, field: string): DecimalString | null {
  if (value === null || value === undefined) return null;
  return isObject(value) ? shopAmount(value, field) : decimalString(value, field);
}

export function productFromWebhook(payload: unknown): ProductRecord {
  const p = object(payload, "product");
  const id = parseShopifyId(p.id, "product.id");
  return {
    id,
    title: optionalString(p.title) ?? "",
    handle: optionalString(p.handle),
    status: upperEnum(p.status),
    vendor: optionalString(p.vendor),
    productType: optionalString(p.product_type),
    shopifyCreatedAt: optionalInstant(p.created_at, "product.created_at"),
    shopifyUpdatedAt: isoInstant(p.updated_at, "product.updated_at"),
    variants: collection(p.variants).map((v, i): ProductVariantRecord => ({
      id: parseShopifyId(v.id, `product.variants[${i}].id`),
      productId: id,
      title: optionalString(v.title),
      sku: optionalString(v.sku),
      price: v.price === null || v.price === undefined ? null : decimalString(v.price, `product.variants[${i}].price`),
    })),
  };
}

// ---------------------------------------------------------------------------
// Orders, line items, refunds

/**
 * What the line is net of: every discount allocation, line- and order-level (Shopify's
 * LineItem.discountAllocations). LineItem.totalDiscountSet excludes order-level
 * discounts (2026-10 schema), so it is only the fallback for sources without allocations.
 */
function lineDiscountFromGraphql(l: Json, field: string): DecimalString {
  if (Array.isArray(l.discountAllocations)) {
    return sumDecimals(
      collection(l.discountAllocations).map((a, j) =>
        required(
          shopAmount(a.allocatedAmountSet, `${field}.discountAllocations[${j}].allocatedAmountSet`),
          `${field}.discountAllocations[${j}].allocatedAmountSet`,
        ),
      ),
    );
  }
  return shopAmount(l.totalDiscountSet, `${field}.totalDiscountSet`) ?? "0";
}

/** One LineItem node (inline in an order, or a bulk child line whose parent is `orderId`). */
export function lineItemFromGraphql(node: unknown, orderId: ShopifyId, i = 0): OrderLineItemRecord {
  const field = `order.lineItems[${i}]`;
  const l = object(node, field);
  return {
    id: parseShopifyId(l.id, `${field}.id`),
    orderId,
    productId: isObject(l.product) ? parseShopifyId(l.product.id, `${field}.product.id`) : null,
    variantId: isObject(l.variant) ? parseShopifyId(l.variant.id, `${field}.variant.id`) : null,
    title: optionalString(l.title),
    sku: optionalString(l.sku),
    quantity: requiredInt(l.quantity, `${field}.quantity`),
    originalUnitPrice: required(
      shopAmount(l.originalUnitPriceSet, `${field}.originalUnitPriceSet`),
      `${field}.originalUnitPriceSet`,
    ),
    totalDiscount: lineDiscountFromGraphql(l, field),
    isGiftCard: l.isGiftCard === true,
  };
}

export function refundFromGraphql(r: Json, orderId: ShopifyId, field = "refund"): RefundRecord {
  const id = parseShopifyId(r.id, `${field}.id`);
  const shipping = collection(r.refundShippingLines);
  return {
    id,
    orderId,
    shopifyCreatedAt: isoInstant(r.createdAt, `${field}.createdAt`),
    note: optionalString(r.note),
    shippingRefund: sumDecimals(
      shipping.map(
        (s, j) => shopAmount(s.subtotalAmountSet, `${field}.refundShippingLines[${j}].subtotalAmountSet`) ?? "0",
      ),
    ),
    shippingTaxRefund: sumDecimals(
      shipping.map((s, j) => shopAmount(s.taxAmountSet, `${field}.refundShippingLines[${j}].taxAmountSet`) ?? "0"),
    ),
    lineItems: collection(r.refundLineItems).map((x, j): RefundLineItemRecord => {
      const f = `${field}.refundLineItems[${j}]`;
      return {
        id: parseShopifyId(x.id, `${f}.id`),
        refundId: id,
        lineItemId: parseShopifyId(isObject(x.lineItem) ? x.lineItem.id : undefined, `${f}.lineItem.id`),
        quantity: requiredInt(x.quantity, `${f}.quantity`),
        subtotal: shopAmount(x.subtotalSet, `${f}.subtotalSet`) ?? "0",
        totalTax: shopAmount(x.totalTaxSet, `${f}.totalTaxSet`) ?? "0",
      };
    }),
  };
}

/**
 * An Order node with its children: `lineItems` and `refunds` (each refund with
 * `refundLineItems` and `refundShippingLines`) as lists or connections — bulk JSONL
 * reassembled by __parentId or a paginated query's nested connections.
 */
export function orderFromGraphql(node: unknown): OrderRecord {
  const o = object(node, "order");
  const id = parseShopifyId(o.id, "order.id");
  const refunds = collection(o.refunds).map((r, i) => refundFromGraphql(r, id, `order.refunds[${i}]`));
  return {
    id,
    name: optionalString(o.name),
    email: optionalString(o.email),
    customerId: isObject(o.customer) ? parseShopifyId(o.customer.id, "order.customer.id") : null,
    processedAt: isoInstant(o.processedAt ?? o.createdAt, "order.processedAt"),
    cancelledAt: optionalInstant(o.cancelledAt, "order.cancelledAt"),
    test: o.test === true,
    currencyCode: required(optionalString(o.currencyCode), "order.currencyCode"),
    presentmentCurrencyCode: optionalString(o.presentmentCurrencyCode),
    totalPrice: required(shopAmount(o.totalPriceSet, "order.totalPriceSet"), "order.totalPriceSet"),
    subtotalPrice: shopAmount(o.subtotalPriceSet, "order.subtotalPriceSet") ?? "0",
    totalDiscounts: shopAmount(o.totalDiscountsSet, "order.totalDiscountsSet") ?? "0",
    totalTax: shopAmount(o.totalTaxSet, "order.totalTaxSet") ?? "0",
    totalShipping: shopAmount(o.totalShippingPriceSet, "order.totalShippingPriceSet") ?? "0",
    // Shopify's own figure when selected; otherwise what the refunds add up to.
    totalRefunded: shopAmount(o.totalRefundedSet, "order.totalRefundedSet") ?? refundedTotal(refunds),
    totalPricePresentment: presentmentAmount(o.totalPriceSet, "order.totalPriceSet"),
    shopifyCreatedAt: isoInstant(o.createdAt, "order.createdAt"),
    shopifyUpdatedAt: isoInstant(o.updatedAt, "order.updatedAt"),
    lineItems: collection(o.lineItems).map((l, i) => lineItemFromGraphql(l, id, i)),
    refunds,
  };
}

/** Money refunded by these refunds: lines (subtotal + tax) and shipping (+ tax). */
function refundedTotal(refunds: RefundRecord[]): DecimalString {
  return sumDecimals(
    refunds.flatMap((r) => [
      r.shippingRefund,
      r.shippingTaxRefund,
      ...r.lineItems.flatMap((x) => [x.subtotal, x.totalTax]),
    ]),
  );
}

function lineItemFromWebhook(l: Json, orderId: ShopifyId, i: number): OrderLineItemRecord {
  const field = `order.line_items[${i}]`;
  // total_discount is deprecated in REST; discount_allocations carries line- and
  // order-level allocations (what GraphQL's totalDiscountSet sums).
  const allocations = Array.isArray(l.discount_allocations) ? collection(l.discount_allocations) : null;
  const totalDiscount = allocations
    ? sumDecimals(
        allocations.map((a, j) => required(restAmount(a, "amount"), `${field}.discount_allocations[${j}].amount`)),
      )
    : (restAmount(l, "total_discount") ?? "0");
  return {
    id: parseShopifyId(l.id, `${field}.id`),
    orderId,
    productId: optionalId(l.product_id, `${field}.product_id`),
    variantId: optionalId(l.variant_id, `${field}.variant_id`),
    title: optionalString(l.title),
    sku: optionalString(l.sku),
    quantity: requiredInt(l.quantity, `${field}.quantity`),
    originalUnitPrice: required(restAmount(l, "price"), `${field}.price`),
    totalDiscount,
    isGiftCard: l.gift_card === true,
  };
}

/** A REST refund (refunds/create body, or an element of an order's `refunds`). */
export function refundFromWebhook(payload: unknown, orderIdFallback?: ShopifyId, field = "refund"): RefundRecord {
  const r = object(payload, field);
  const id = parseShopifyId(r.id, `${field}.id`);
  const orderId =
    r.order_id !== undefined && r.order_id !== null
      ? parseShopifyId(r.order_id, `${field}.order_id`)
      : required(orderIdFallback ?? null, `${field}.order_id`);
  // Refunded shipping: refund_shipping_lines on current versions; older payloads
  // report it only as order_adjustments of kind shipping_refund (negative amounts).
  const shippingLines = collection(r.refund_shipping_lines);
  let shippingRefund: DecimalString;
  let shippingTaxRefund: DecimalString;
  if (shippingLines.length > 0) {
    shippingRefund = sumDecimals(
      shippingLines.map((s, j) =>
        required(restAmount(s, "subtotal_amount"), `${field}.refund_shipping_lines[${j}].subtotal_amount_set`),
      ),
    );
    shippingTaxRefund = sumDecimals(shippingLines.map((s) => restAmount(s, "tax_amount") ?? "0"));
  } else {
    const adjustments = collection(r.order_adjustments).filter((a) => a.kind === "shipping_refund");
    shippingRefund = negateDecimal(
      sumDecimals(
        adjustments.map((a, j) => required(restAmount(a, "amount"), `${field}.order_adjustments[${j}].amount`)),
      ),
    );
    shippingTaxRefund = negateDecimal(sumDecimals(adjustments.map((a) => restAmount(a, "tax_amount") ?? "0")));
  }
  return {
    id,
    orderId,
    shopifyCreatedAt: isoInstant(r.created_at, `${field}.created_at`),
    note: optionalString(r.note),
    shippingRefund,
    shippingTaxRefund,
    lineItems: collection(r.refund_line_items).map((x, j): RefundLineItemRecord => {
      const f = `${field}.refund_line_items[${j}]`;
      return {
        id: parseShopifyId(x.id, `${f}.id`),
        refundId: id,
        lineItemId: parseShopifyId(
          x.line_item_id ?? (isObject(x.line_item) ? x.line_item.id : undefined),
          `${f}.line_item_id`,
        ),
        quantity: requiredInt(x.quantity, `${f}.quantity`),
        subtotal: restAmount(x, "subtotal") ?? "0",
        totalTax: restAmount(x, "total_tax") ?? "0",
      };
    }),
  };
}

/** An orders/create|updated|cancelled|paid body. REST has no total_refunded: summed from refunds. */
export function orderFromWebhook(payload: unknown): OrderRecord {
  const o = object(payload, "order");
  const id = parseShopifyId(o.id, "order.id");
  const refunds = collection(o.refunds).map((r, i) => refundFromWebhook(r, id, `order.refunds[${i}]`));
  const customerId = isObject(o.customer) ? parseShopifyId(o.customer.id, "order.customer.id") : null;
  return {
    id,
    name: optionalString(o.name),
    email: optionalString(o.email ?? o.contact_email),
    customerId,
    processedAt: isoInstant(o.processed_at ?? o.created_at, "order.processed_at"),
    cancelledAt: optionalInstant(o.cancelled_at, "order.cancelled_at"),
    test: o.test === true,
    currencyCode: required(optionalString(o.currency), "order.currency"),
    presentmentCurrencyCode: optionalString(o.presentment_currency),
    totalPrice: required(restAmount(o, "total_price"), "order.total_price"),
    subtotalPrice: restAmount(o, "subtotal_price") ?? "0",
    totalDiscounts: restAmount(o, "total_discounts") ?? "0",
    totalTax: restAmount(o, "total_tax") ?? "0",
    totalShipping: shopAmount(o.total_shipping_price_set, "order.total_shipping_price_set") ?? "0",
    totalRefunded: refundedTotal(refunds),
    totalPricePresentment: presentmentAmount(o.total_price_set, "order.total_price_set"),
    shopifyCreatedAt: isoInstant(o.created_at, "order.created_at"),
    shopifyUpdatedAt: isoInstant(o.updated_at, "order.updated_at"),
    lineItems: collection(o.line_items).map((l, i) => lineItemFromWebhook(l, id, i)),
    refunds,
  };
}

/** The id of an orders, customers or products delete webhook body (`{ id }`). */
export function deletedIdFromWebhook(payload: unknown, resource: string): ShopifyId {
  return parseShopifyId(object(payload, resource).id, `${resource}.id`);
}
