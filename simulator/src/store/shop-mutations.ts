// Changes to a shop's data as the control API performs them. Each change
// replaces the record, bumps `updatedAt` and emits the webhook topics Shopify
// would fire for it.
import { fullRefund, refundLine } from "./generator.js";
import { currentQuantity } from "./ledger.js";
import { allocate, Decimal, fmt, pairFromShop, subPairs, ZERO, type MoneyPair } from "./money.js";
import { isoSeconds, type ShopStore } from "./shop-store.js";
import type {
  CancelReason,
  Customer,
  CustomerState,
  DiscountApplication,
  LineItem,
  Order,
  OrderEditChange,
  Product,
  ProductStatus,
  ProductVariant,
  Refund,
  ShippingLine,
} from "./types.js";

export class MutationError extends Error {
  constructor(
    message: string,
    readonly status = 422,
  ) {
    super(message);
  }
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "product"
  );
}

// ---- customers ----
export interface CustomerInput {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  state?: CustomerState;
  tags?: string[];
  verifiedEmail?: boolean;
}

export function createCustomer(store: ShopStore, input: CustomerInput): Customer {
  const now = store.nowIso();
  const customer: Customer = {
    id: store.ids.allocate("Customer"),
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    state: input.state ?? "DISABLED",
    tags: input.tags ?? [],
    verifiedEmail: input.verifiedEmail ?? true,
    createdAt: now,
    updatedAt: now,
  };
  store.putCustomer(customer);
  store.emit({ topics: ["customers/create"], record: customer });
  return customer;
}

export function updateCustomer(store: ShopStore, id: number, patch: CustomerInput): Customer {
  const prev = store.customer(id);
  if (!prev) throw new MutationError(`customer ${id} not found`, 404);
  const next: Customer = {
    ...prev,
    ...stripUndefined(patch),
    id,
    updatedAt: store.bumpedTimestamp(prev.updatedAt),
  } as Customer;
  store.putCustomer(next);
  store.emit({ topics: ["customers/update"], record: next });
  return next;
}

export function deleteCustomer(store: ShopStore, id: number): Customer {
  const prev = store.customer(id);
  if (!prev) throw new MutationError(`customer ${id} not found`, 404);
  if (store.ordersOfCustomer(id).length > 0) {
    throw new MutationError("Error deleting customer: customer has orders (Shopify refuses this too; redact instead)");
  }
  store.deleteCustomer(id);
  store.emit({ topics: ["customers/delete"], record: prev });
  return prev;
}

function touchCustomer(store: ShopStore, customerId: number | null): void {
  if (customerId == null) return;
  const c = store.customer(customerId);
  if (!c) return;
  const next = { ...c, updatedAt: store.bumpedTimestamp(c.updatedAt) };
  store.putCustomer(next);
  store.emit({ topics: ["customers/update"], record: next });
}

// ---- products ----
export interface VariantInput {
  id?: number;
  title?: string;
  sku?: string | null;
  price: string | number;
}

export interface ProductInput {
  title?: string;
  handle?: string;
  status?: ProductStatus;
  vendor?: string;
  productType?: string;
  tags?: string[];
  isGiftCard?: boolean;
  variants?: VariantInput[];
}

function buildVariants(
  store: ShopStore,
  productId: number,
  inputs: VariantInput[],
  previous: ProductVariant[],
  now: string,
): ProductVariant[] {
  return inputs.map((v, i) => {
    const old = v.id !== undefined ? previous.find((p) => p.id === v.id) : undefined;
    return {
      id: old?.id ?? store.ids.allocate("ProductVariant"),
      productId,
      title: v.title ?? old?.title ?? "Default Title",
      sku: v.sku !== undefined ? v.sku : (old?.sku ?? null),
      price: fmt(v.price),
      position: i + 1,
      createdAt: old?.createdAt ?? now,
      updatedAt: now,
    };
  });
}

export function createProduct(store: ShopStore, input: ProductInput): Product {
  if (!input.title) throw new MutationError("title is required");
  const now = store.nowIso();
  const id = store.ids.allocate("Product");
  let handle = input.handle ?? slug(input.title);
  const handles = new Set(store.list("products").map((p) => p.handle));
  for (let n = 2; handles.has(handle); n++) handle = `${input.handle ?? slug(input.title)}-${n}`;
  const product: Product = {
    id,
    title: input.title,
    handle,
    status: input.status ?? "ACTIVE",
    vendor: input.vendor ?? store.profile.name,
    productType: input.productType ?? "",
    tags: input.tags ?? [],
    isGiftCard: input.isGiftCard ?? false,
    createdAt: now,
    updatedAt: now,
    publishedAt: (input.status ?? "ACTIVE") === "ACTIVE" ? now : null,
    variants: [],
  };
  product.variants = buildVariants(store, id, input.variants?.length ? input.variants : [{ price: "0.00" }], [], now);
  store.putProduct(product);
  store.emit({ topics: ["products/create"], record: product });
  return product;
}

export function updateProduct(store: ShopStore, id: number, patch: ProductInput): Product {
  const prev = store.product(id);
  if (!prev) throw new MutationError(`product ${id} not found`, 404);
  const updatedAt = store.bumpedTimestamp(prev.updatedAt);
  const { variants, ...rest } = patch;
  const next: Product = {
    ...prev,
    ...stripUndefined(rest),
    id,
    updatedAt,
    variants: variants ? buildVariants(store, id, variants, prev.variants, updatedAt) : prev.variants,
  };
  store.putProduct(next);
  store.emit({ topics: ["products/update"], record: next });
  return next;
}

export function deleteProduct(store: ShopStore, id: number): Product {
  const prev = store.deleteProduct(id);
  if (!prev) throw new MutationError(`product ${id} not found`, 404);
  store.emit({ topics: ["products/delete"], record: prev });
  return prev;
}

// ---- orders ----
export interface OrderLineInput {
  /** Sell a variant at its price (or `price`), or a custom line with title + price. */
  variantId?: number;
  title?: string;
  price?: string | number;
  quantity: number;
  /** Line-level discount amount in shop currency. */
  discount?: string | number;
  isGiftCard?: boolean;
  sku?: string | null;
}

export interface OrderInput {
  customerId?: number | null;
  email?: string | null;
  lineItems: OrderLineInput[];
  /** Order-level discount (shop currency) allocated across non-gift-card lines. */
  orderDiscount?: { code?: string; amount: string | number };
  shippingPrice?: string | number;
  taxRate?: string | number;
  presentmentCurrencyCode?: string;
  /** Presentment units per shop unit. */
  exchangeRate?: string | number;
  processedAt?: string;
  test?: boolean;
  tags?: string[];
  sourceName?: string;
}

/** A line from control-API input; a line discount becomes a manual line-level discount application appended to `apps`. */
function lineFromInput(
  store: ShopStore,
  l: OrderLineInput,
  rate: Decimal,
  taxRate: string,
  apps: DiscountApplication[],
): LineItem {
  if (!Number.isInteger(l.quantity) || l.quantity < 1)
    throw new MutationError("lineItems[].quantity must be a positive integer");
  let productId: number | null = null;
  let variant: ProductVariant | undefined;
  let title = l.title ?? "Custom item";
  let vendor: string | null = null;
  let isGiftCard = l.isGiftCard ?? false;
  if (l.variantId !== undefined) {
    variant = store.variant(l.variantId);
    if (!variant) throw new MutationError(`variant ${l.variantId} not found`);
    const product = store.product(variant.productId)!;
    productId = product.id;
    title = product.title;
    vendor = product.vendor;
    isGiftCard = l.isGiftCard ?? product.isGiftCard;
  } else if (l.price === undefined) {
    throw new MutationError("custom line items need a price");
  }
  const unit = pairFromShop(l.price ?? variant!.price, rate);
  const discount = pairFromShop(l.discount ?? 0, rate);
  const discountAllocations: LineItem["discountAllocations"] = [];
  if (new Decimal(discount.shop).gt(0) || new Decimal(discount.presentment).gt(0)) {
    discountAllocations.push({ applicationIndex: apps.length, amount: discount });
    apps.push({
      level: "line",
      kind: "manual",
      code: null,
      title: "Line discount",
      valueType: "fixed_amount",
      value: discount.shop,
    });
  }
  return {
    id: store.ids.allocate("LineItem"),
    productId,
    variantId: variant?.id ?? null,
    title,
    variantTitle: variant && variant.title !== "Default Title" ? variant.title : null,
    sku: l.sku !== undefined ? l.sku : (variant?.sku ?? null),
    vendor,
    quantity: l.quantity,
    isGiftCard,
    requiresShipping: !isGiftCard,
    taxable: !isGiftCard,
    originalUnitPrice: unit,
    totalDiscount: discount,
    discountAllocations,
    tax: { shop: "0.00", presentment: "0.00" },
    taxRate: isGiftCard ? "0.0000" : taxRate,
  };
}

function applyTax(lines: LineItem[]): void {
  for (const l of lines) {
    const r = new Decimal(l.taxRate);
    l.tax = {
      shop: fmt(new Decimal(l.originalUnitPrice.shop).times(l.quantity).minus(l.totalDiscount.shop).times(r)),
      presentment: fmt(
        new Decimal(l.originalUnitPrice.presentment).times(l.quantity).minus(l.totalDiscount.presentment).times(r),
      ),
    };
  }
}

export function createOrder(store: ShopStore, input: OrderInput): Order {
  if (!Array.isArray(input.lineItems) || input.lineItems.length === 0)
    throw new MutationError("lineItems must not be empty");
  const customer = input.customerId != null ? store.customer(input.customerId) : undefined;
  if (input.customerId != null && !customer) throw new MutationError(`customer ${input.customerId} not found`);
  const shopCurrency = store.profile.currencyCode;
  const presentment = input.presentmentCurrencyCode ?? shopCurrency;
  const rate = new Decimal(input.exchangeRate ?? 1);
  const taxRate = new Decimal(input.taxRate ?? 0).toFixed(4);
  const discountApplications: Order["discountApplications"] = [];
  const lines = input.lineItems.map((l) => lineFromInput(store, l, rate, taxRate, discountApplications));
  if (input.orderDiscount) {
    const index = discountApplications.length;
    const targets = lines.filter((l) => !l.isGiftCard);
    const weights = targets.map((l) =>
      new Decimal(l.originalUnitPrice.shop).times(l.quantity).minus(l.totalDiscount.shop),
    );
    const amount = new Decimal(input.orderDiscount.amount);
    const shopParts = allocateAmount(fmt(amount), weights);
    const presParts = allocateAmount(fmt(amount.times(rate)), weights);
    targets.forEach((l, i) => {
      l.totalDiscount = {
        shop: fmt(new Decimal(l.totalDiscount.shop).plus(shopParts[i]!)),
        presentment: fmt(new Decimal(l.totalDiscount.presentment).plus(presParts[i]!)),
      };
      if (!new Decimal(shopParts[i]!).isZero() || !new Decimal(presParts[i]!).isZero()) {
        l.discountAllocations.push({
          applicationIndex: index,
          amount: { shop: shopParts[i]!, presentment: presParts[i]! },
        });
      }
    });
    const code = input.orderDiscount.code ?? "DISCOUNT";
    discountApplications.push({ level: "order", code, title: code, valueType: "fixed_amount", value: fmt(amount) });
  }
  applyTax(lines);
  const shippingLines: ShippingLine[] = [];
  if (input.shippingPrice !== undefined) {
    const price = pairFromShop(input.shippingPrice, rate);
    shippingLines.push({
      id: store.ids.allocate("ShippingLine"),
      title: "Standard",
      code: "STANDARD",
      price,
      tax: {
        shop: fmt(new Decimal(price.shop).times(taxRate)),
        presentment: fmt(new Decimal(price.presentment).times(taxRate)),
      },
    });
  }
  const now = store.nowIso();
  const number = store.takeOrderNumber();
  const order: Order = {
    id: store.ids.allocate("Order"),
    number,
    name: `#${number}`,
    email: input.email !== undefined ? input.email : (customer?.email ?? null),
    customerId: customer?.id ?? null,
    createdAt: now,
    processedAt: input.processedAt !== undefined ? normaliseTimestamp(input.processedAt, "processedAt") : now,
    updatedAt: now,
    cancelledAt: null,
    cancelReason: null,
    closedAt: null,
    test: input.test ?? false,
    sourceName: input.sourceName ?? "web",
    currencyCode: shopCurrency,
    presentmentCurrencyCode: presentment,
    exchangeRate: rate.toFixed(4),
    tags: input.tags ?? [],
    discountApplications,
    lineItems: lines,
    shippingLines,
    refunds: [],
  };
  store.putOrder(order);
  store.emit({ topics: ["orders/create", "orders/paid"], record: order });
  touchCustomer(store, order.customerId);
  return order;
}

function allocateAmount(total: string, weights: Decimal[]): string[] {
  return weights.length ? allocate(total, weights) : [];
}

function getOrder(store: ShopStore, id: number): Order {
  const o = store.order(id);
  if (!o) throw new MutationError(`order ${id} not found`, 404);
  return o;
}

export interface OrderEditInput {
  email?: string | null;
  tags?: string[];
  /**
   * Set lines' quantities (lineItemId → new current quantity ≥ 0, as Shopify's
   * orderEditSetQuantity sets the calculated line's quantity, refunded and removed units excluded).
   */
  quantities?: Array<{ lineItemId: number; quantity: number }>;
  addLineItems?: OrderLineInput[];
}

/** `amount` × part / whole, rounded half-up to cents (a share of a line's discount or tax). */
function shareOf(amount: MoneyPair, part: number, whole: number): MoneyPair {
  return {
    shop: fmt(new Decimal(amount.shop).times(part).div(whole)),
    presentment: fmt(new Decimal(amount.presentment).times(part).div(whole)),
  };
}

const negate = (p: MoneyPair): MoneyPair => subPairs(ZERO, p);

/**
 * An order edit as Shopify commits it: removed units stay in LineItem.quantity and in
 * the original totals (only currentQuantity and current* drop: recorded in
 * 2026-04/orders/order-edit-money-math.json); added units raise the line's quantity at
 * the unit price without discount; new lines are added. Every line change is kept as an
 * OrderEditChange, which the ledger books as an UPDATE sale on the edit's date.
 */
export function editOrder(store: ShopStore, id: number, edit: OrderEditInput): Order {
  const prev = getOrder(store, id);
  if (prev.cancelledAt) throw new MutationError("a cancelled order cannot be edited");
  const rate = new Decimal(prev.exchangeRate);
  const taxRate = prev.lineItems.find((l) => !l.isGiftCard)?.taxRate ?? "0.0000";
  const lines = prev.lineItems.map((l) => ({ ...l }));
  const discountApplications = [...prev.discountApplications];
  const updatedAt = store.bumpedTimestamp(prev.updatedAt);
  const changes: OrderEditChange[] = [];
  const quantities = edit.quantities ?? [];
  const additions = edit.addLineItems ?? [];
  const editId = quantities.length + additions.length > 0 ? store.ids.allocate("OrderEdit") : undefined;
  for (const q of quantities) {
    const line = lines.find((l) => l.id === q.lineItemId);
    if (!line) throw new MutationError(`line item ${q.lineItemId} not in order ${id}`);
    if (!Number.isInteger(q.quantity) || q.quantity < 0)
      throw new MutationError("quantity must be a non-negative integer");
    const delta = q.quantity - currentQuantity(prev, line);
    if (delta < 0) {
      // The removed units take their share of the line's discount and tax, as refunded units do.
      changes.push({
        id: store.ids.allocate("OrderEditChange"),
        lineItemId: line.id,
        quantity: delta,
        discount: negate(shareOf(line.totalDiscount, -delta, line.quantity)),
        tax: negate(shareOf(line.tax, -delta, line.quantity)),
      });
    } else if (delta > 0) {
      const taxBefore = line.tax;
      line.quantity += delta;
      applyTax([line]);
      changes.push({
        id: store.ids.allocate("OrderEditChange"),
        lineItemId: line.id,
        quantity: delta,
        discount: ZERO,
        tax: subPairs(line.tax, taxBefore),
      });
    }
  }
  for (const input of additions) {
    const line = lineFromInput(store, input, rate, taxRate, discountApplications);
    applyTax([line]);
    line.addedByEditId = editId;
    lines.push(line);
    changes.push({
      id: store.ids.allocate("OrderEditChange"),
      lineItemId: line.id,
      quantity: line.quantity,
      discount: line.totalDiscount,
      tax: line.tax,
    });
  }
  const next: Order = {
    ...prev,
    email: edit.email !== undefined ? edit.email : prev.email,
    tags: edit.tags ?? prev.tags,
    discountApplications,
    lineItems: lines,
    edits: editId !== undefined ? [...(prev.edits ?? []), { id: editId, createdAt: updatedAt, changes }] : prev.edits,
    updatedAt,
  };
  store.putOrder(next);
  const lineChange = quantities.length + additions.length > 0;
  store.emit({ topics: lineChange ? ["orders/edited", "orders/updated"] : ["orders/updated"], record: next });
  return next;
}

export function cancelOrder(
  store: ShopStore,
  id: number,
  opts: { reason?: CancelReason; refund?: boolean } = {},
): Order {
  const prev = getOrder(store, id);
  if (prev.cancelledAt) throw new MutationError("order is already cancelled");
  const updatedAt = store.bumpedTimestamp(prev.updatedAt);
  const refunds = [...prev.refunds];
  let refund: Refund | undefined;
  if (opts.refund ?? true) {
    // Refund what has not been refunded yet.
    const remaining = prev.lineItems.map((l) => ({ line: l, qty: currentQuantity(prev, l) })).filter((x) => x.qty > 0);
    const shippingRefunded = new Set(prev.refunds.flatMap((r) => r.refundShippingLines.map((s) => s.shippingLineId)));
    refund = fullRefund(
      store.ids,
      prev.id,
      [],
      prev.shippingLines.filter((s) => !shippingRefunded.has(s.id)),
      updatedAt,
    );
    refund.refundLineItems = remaining.map((x) => refundLine(store.ids, x.line, x.qty, "CANCEL"));
    if (refund.refundLineItems.length + refund.refundShippingLines.length > 0) refunds.push(refund);
    else refund = undefined;
  }
  const next: Order = { ...prev, cancelledAt: updatedAt, cancelReason: opts.reason ?? "CUSTOMER", refunds, updatedAt };
  store.putOrder(next);
  store.emit({ topics: ["orders/cancelled", "orders/updated"], record: next });
  if (refund) store.emit({ topics: ["refunds/create"], record: next, extra: refund });
  return next;
}

export interface RefundInput {
  lineItems?: Array<{ lineItemId: number; quantity: number; restockType?: "NO_RESTOCK" | "CANCEL" | "RETURN" }>;
  /** Refund the order's shipping in full, or this amount (shop currency) of it. */
  shipping?: { full?: boolean; amount?: string | number };
  note?: string | null;
}

export function refundOrder(store: ShopStore, id: number, input: RefundInput): { order: Order; refund: Refund } {
  const prev = getOrder(store, id);
  const updatedAt = store.bumpedTimestamp(prev.updatedAt);
  const refundLineItems = (input.lineItems ?? []).map((r) => {
    const line = prev.lineItems.find((l) => l.id === r.lineItemId);
    if (!line) throw new MutationError(`line item ${r.lineItemId} not in order ${id}`);
    // Refunded and removed (order edit) units are no longer refundable.
    const refundable = currentQuantity(prev, line);
    if (!Number.isInteger(r.quantity) || r.quantity < 1 || r.quantity > refundable) {
      throw new MutationError(`cannot refund ${r.quantity} of line item ${line.id}: ${refundable} refundable`);
    }
    return refundLine(store.ids, line, r.quantity, r.restockType ?? "NO_RESTOCK");
  });
  const refundShippingLines: Refund["refundShippingLines"] = [];
  if (input.shipping && (input.shipping.full || input.shipping.amount !== undefined)) {
    const ship = prev.shippingLines[0];
    if (!ship) throw new MutationError("order has no shipping to refund");
    const rate = new Decimal(prev.exchangeRate);
    let subtotal: MoneyPair = ship.price;
    let tax: MoneyPair = ship.tax;
    if (!input.shipping.full) {
      subtotal = pairFromShop(input.shipping.amount!, rate);
      const share = Number(ship.price.shop) > 0 ? new Decimal(subtotal.shop).div(ship.price.shop) : new Decimal(0);
      tax = {
        shop: fmt(new Decimal(ship.tax.shop).times(share)),
        presentment: fmt(new Decimal(ship.tax.presentment).times(share)),
      };
    }
    refundShippingLines.push({ id: store.ids.allocate("RefundShippingLine"), shippingLineId: ship.id, subtotal, tax });
  }
  if (refundLineItems.length + refundShippingLines.length === 0)
    throw new MutationError("a refund needs line items or shipping");
  const refund: Refund = {
    id: store.ids.allocate("Refund"),
    orderId: prev.id,
    note: input.note ?? null,
    createdAt: updatedAt,
    processedAt: updatedAt,
    updatedAt,
    refundLineItems,
    refundShippingLines,
  };
  const next: Order = { ...prev, refunds: [...prev.refunds, refund], updatedAt };
  store.putOrder(next);
  store.emit({ topics: ["refunds/create"], record: next, extra: refund });
  store.emit({ topics: ["orders/updated"], record: next });
  return { order: next, refund };
}

export function deleteOrder(store: ShopStore, id: number): Order {
  const prev = store.deleteOrder(id);
  if (!prev) throw new MutationError(`order ${id} not found`, 404);
  store.emit({ topics: ["orders/delete"], record: prev });
  return prev;
}

/** Any ISO-8601 instant → Shopify's whole-second UTC form. */
function normaliseTimestamp(value: string, name: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new MutationError(`${name} must be an ISO-8601 timestamp`);
  return isoSeconds(ms);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
