// Field resolution for the Admin API: one function per answered `Type.field`. This
// table is the simulated surface (surface.ts): documents selecting anything else are
// refused before execution, so no resolver here is reached for a field it lacks.
import { GraphQLError, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLTypeResolver } from "graphql";
import { DateTime } from "luxon";
import { customerStats } from "../store/customer-stats.js";
import { currentQuantity, orderLedger, type LedgerAgreement, type LedgerSale } from "../store/ledger.js";
import { gid, parseGid } from "../store/ids.js";
import { Decimal, fmt, graphqlDecimal, ZERO, type MoneyPair } from "../store/money.js";
import {
  discountKind,
  financialStatus,
  lineDiscountedTotal,
  lineDiscountedTotalExcludingOrderLevel,
  lineLevelDiscount,
  lineOriginalTotal,
  orderLevelDiscount,
  orderTotalCents,
  orderTotals,
  refundTotal,
} from "../store/order-totals.js";
import type { ShopStore } from "../store/shop-store.js";
import type {
  AdditionalFee,
  Customer,
  DiscountAllocation,
  DiscountApplication,
  LineItem,
  Order,
  OrderReturn,
  Product,
  ProductVariant,
  Refund,
  RefundLineItem,
  RefundShippingLine,
  ShippingLine,
  Duty,
} from "../store/types.js";
import { isConnectionObject, isEdgeObject, paginate, type ConnectionArgs, type SortValue } from "./connections.js";
import type { RequestContext } from "./context.js";
import { compileSearch, fieldBounds, parsedSearch, parseSearch, type SearchFields } from "./search-query.js";

const SIXTY_DAYS_MS = 60 * 86_400_000;

// ---- sources: what a resolver receives as `source` for each GraphQL type ----
interface Src<T> {
  __typename: string;
  record: T;
  store: ShopStore;
}
interface OrderChild<T> extends Src<T> {
  order: Order;
}
const wrap = <T>(typename: string, record: T, store: ShopStore): Src<T> => ({ __typename: typename, record, store });
const child = <T>(typename: string, record: T, order: Order, store: ShopStore): OrderChild<T> => ({
  __typename: typename,
  record,
  order,
  store,
});

// Sources and arguments are shaped by the schema at run time (graphql-js has
// validated the arguments already), so the table is typed loosely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Resolver = (source: any, args: any, ctx: RequestContext, info: GraphQLResolveInfo) => unknown;

function pathArray(path: GraphQLResolveInfo["path"] | undefined): Array<string | number> {
  const out: Array<string | number> = [];
  for (let p = path; p; p = p.prev) out.unshift(p.key);
  return out;
}

function accessDenied(field: string, scope: string): GraphQLError {
  return new GraphQLError(`Access denied for ${field} field. Required access: \`${scope}\` access scope.`, {
    extensions: {
      code: "ACCESS_DENIED",
      documentation: "https://shopify.dev/api/usage/access-scopes",
      requiredAccess: `\`${scope}\` access scope.`,
    },
  });
}

function hasScope(ctx: RequestContext, scope: string): boolean {
  const scopes = ctx.grant.scopes;
  if (scopes.includes(scope)) return true;
  // write_x implies read_x on Shopify.
  return scope.startsWith("read_") && scopes.includes(`write_${scope.slice(5)}`);
}

function requireScope(ctx: RequestContext, field: string, scope: string): void {
  if (!hasScope(ctx, scope)) throw accessDenied(field, scope);
}

/**
 * Without read_all_orders only "the last 60 days' worth of orders" are visible
 * (shopify.dev/docs/api/admin-graphql/latest/objects/Order, note on read_all_orders):
 * the window runs on createdAt, so an imported order whose processedAt is older
 * but which was created recently is visible.
 */
function orderVisible(ctx: RequestContext, order: Order): boolean {
  return hasScope(ctx, "read_all_orders") || Date.parse(order.createdAt) >= ctx.now - SIXTY_DAYS_MS;
}

// ---- money ----
// MoneyV2.amount is Shopify's Decimal scalar: "55.0", not "55.00" (graphqlDecimal cites the recordings).
function bag(pair: MoneyPair, order: Pick<Order, "currencyCode" | "presentmentCurrencyCode">) {
  return {
    __typename: "MoneyBag",
    shopMoney: { __typename: "MoneyV2", amount: graphqlDecimal(pair.shop), currencyCode: order.currencyCode },
    presentmentMoney: {
      __typename: "MoneyV2",
      amount: graphqlDecimal(pair.presentment),
      currencyCode: order.presentmentCurrencyCode,
    },
  };
}
function shopMoney(amount: string, currencyCode: string) {
  return { __typename: "MoneyV2", amount: graphqlDecimal(amount), currencyCode };
}

// ---- tax lines ----
/**
 * Tax lines grouped by rate, "the total price for all tax lines with the same rate and
 * title" (2026-10 schema, Order.taxLines). The simulator charges one tax ("Sales Tax",
 * the title of its REST tax_lines) at the line's rate; shipping is taxed at the order's rate.
 * `current` subtracts refunded tax ("after returns").
 */
function orderTaxLines(order: Order, current: boolean) {
  const byRate = new Map<string, { shop: Decimal; presentment: Decimal }>();
  const add = (rate: string, amount: MoneyPair, sign = 1) => {
    if (new Decimal(rate).isZero()) return;
    const t = byRate.get(rate) ?? { shop: new Decimal(0), presentment: new Decimal(0) };
    byRate.set(rate, {
      shop: t.shop.plus(new Decimal(amount.shop).times(sign)),
      presentment: t.presentment.plus(new Decimal(amount.presentment).times(sign)),
    });
  };
  const shippingRate = order.lineItems.find((l) => l.taxable)?.taxRate ?? "0";
  for (const l of order.lineItems) add(l.taxRate, l.tax);
  for (const sl of order.shippingLines) add(shippingRate, sl.tax);
  if (current) {
    for (const r of order.refunds) {
      for (const x of r.refundLineItems)
        add(order.lineItems.find((l) => l.id === x.lineItemId)?.taxRate ?? "0", x.totalTax, -1);
      for (const x of r.refundShippingLines) add(shippingRate, x.tax, -1);
    }
  }
  return [...byRate.entries()].map(([rate, t]) =>
    taxLine(rate, { shop: fmt(t.shop), presentment: fmt(t.presentment) }, order),
  );
}

function taxLine(rate: string, amount: MoneyPair, order: Order) {
  return {
    __typename: "TaxLine",
    title: "Sales Tax",
    rate: Number(rate),
    ratePercentage: Number(new Decimal(rate).times(100).toFixed()),
    priceSet: bag(amount, order),
    channelLiable: false,
    source: null,
  };
}

// ---- discounts ----
interface DiscountApplicationSrc {
  __typename: string;
  app: DiscountApplication;
  index: number;
  order: Order;
}
const DISCOUNT_TYPENAMES = {
  code: "DiscountCodeApplication",
  automatic: "AutomaticDiscountApplication",
  manual: "ManualDiscountApplication",
} as const;

function discountApplicationSource(order: Order, index: number): DiscountApplicationSrc {
  const app = order.discountApplications[index]!;
  return { __typename: DISCOUNT_TYPENAMES[discountKind(app)], app, index, order };
}

// Order-level applications apply across all lines (targetSelection ALL, allocationMethod ACROSS);
// an automatic line discount applies to its entitled lines, a manual one to the line it was put on.
// Values as on Shopify's DiscountApplication interface (2026-10 schema).
const discountApplicationFields: Record<string, Resolver> = {
  index: (s: DiscountApplicationSrc) => s.index,
  targetType: () => "LINE_ITEM",
  targetSelection: (s: DiscountApplicationSrc) =>
    s.app.level === "order" ? "ALL" : discountKind(s.app) === "automatic" ? "ENTITLED" : "EXPLICIT",
  allocationMethod: (s: DiscountApplicationSrc) =>
    s.app.level === "order" || s.app.valueType === "percentage" ? "ACROSS" : "ONE",
  value: (s: DiscountApplicationSrc) =>
    s.app.valueType === "percentage"
      ? { __typename: "PricingPercentageValue", percentage: Number(s.app.value) }
      : {
          __typename: "MoneyV2",
          amount: graphqlDecimal(fmt(new Decimal(s.app.value).times(s.order.exchangeRate))),
          currencyCode: s.order.presentmentCurrencyCode,
        },
};

// ---- sort keys and search fields per resource ----
type SortSpec<T> = Record<string, (r: T) => SortValue>;

const ORDER_SORT: SortSpec<Order> = {
  PROCESSED_AT: (o) => o.processedAt,
  CREATED_AT: (o) => o.createdAt,
  UPDATED_AT: (o) => o.updatedAt,
  ID: (o) => o.id,
  RELEVANCE: (o) => o.id,
  ORDER_NUMBER: (o) => o.number,
  TOTAL_PRICE: (o) => orderTotalCents(o).total,
  CURRENT_TOTAL_PRICE: (o) => {
    const t = orderTotalCents(o);
    return t.total - t.refunded;
  },
  TOTAL_ITEMS_QUANTITY: (o) => orderTotals(o).lineItemsQuantity,
  FINANCIAL_STATUS: (o) => financialStatus(o),
};
const CUSTOMER_SORT: SortSpec<Customer> = {
  ID: (c) => c.id,
  RELEVANCE: (c) => c.id,
  CREATED_AT: (c) => c.createdAt,
  UPDATED_AT: (c) => c.updatedAt,
  NAME: (c) => `${c.firstName ?? ""} ${c.lastName ?? ""}`.trim().toLowerCase(),
};
const PRODUCT_SORT: SortSpec<Product> = {
  ID: (p) => p.id,
  RELEVANCE: (p) => p.id,
  TITLE: (p) => p.title.toLowerCase(),
  CREATED_AT: (p) => p.createdAt,
  UPDATED_AT: (p) => p.updatedAt,
  PUBLISHED_AT: (p) => p.publishedAt ?? "",
  PRODUCT_TYPE: (p) => p.productType.toLowerCase(),
  VENDOR: (p) => p.vendor.toLowerCase(),
};

const ORDER_SEARCH: SearchFields<Order> = {
  id: { kind: "id", get: (o) => o.id },
  created_at: { kind: "timestamp", get: (o) => o.createdAt },
  updated_at: { kind: "timestamp", get: (o) => o.updatedAt },
  processed_at: { kind: "timestamp", get: (o) => o.processedAt },
  name: { kind: "string", get: (o) => o.name },
  email: { kind: "string", get: (o) => o.email },
  test: { kind: "boolean", get: (o) => o.test },
  customer_id: { kind: "id", get: (o) => o.customerId },
  tag: { kind: "strings", get: (o) => o.tags },
  sku: { kind: "strings", get: (o) => o.lineItems.map((l) => l.sku ?? "") },
  source_name: { kind: "string", get: (o) => o.sourceName },
  financial_status: { kind: "string", get: (o) => financialStatus(o).toLowerCase() },
  status: { kind: "string", get: (o) => (o.cancelledAt ? "cancelled" : o.closedAt ? "closed" : "open") },
};
const CUSTOMER_SEARCH: SearchFields<Customer> = {
  id: { kind: "id", get: (c) => c.id },
  created_at: { kind: "timestamp", get: (c) => c.createdAt },
  updated_at: { kind: "timestamp", get: (c) => c.updatedAt },
  email: { kind: "string", get: (c) => c.email },
  first_name: { kind: "string", get: (c) => c.firstName },
  last_name: { kind: "string", get: (c) => c.lastName },
  phone: { kind: "string", get: (c) => c.phone },
  state: { kind: "string", get: (c) => c.state.toLowerCase() },
  tag: { kind: "strings", get: (c) => c.tags },
};
const PRODUCT_SEARCH: SearchFields<Product> = {
  id: { kind: "id", get: (p) => p.id },
  created_at: { kind: "timestamp", get: (p) => p.createdAt },
  updated_at: { kind: "timestamp", get: (p) => p.updatedAt },
  published_at: { kind: "timestamp", get: (p) => p.publishedAt },
  title: { kind: "string", get: (p) => p.title },
  handle: { kind: "string", get: (p) => p.handle },
  status: { kind: "string", get: (p) => p.status.toLowerCase() },
  vendor: { kind: "string", get: (p) => p.vendor },
  product_type: { kind: "string", get: (p) => p.productType },
  tag: { kind: "strings", get: (p) => p.tags },
  gift_card: { kind: "boolean", get: (p) => p.isGiftCard },
  sku: { kind: "strings", get: (p) => p.variants.map((v) => v.sku ?? "") },
};

/**
 * Build the sorted listings sync clients use most (orders by processed/updated
 * date, customers and products by updated date) up front, so the first page of
 * a large store does not pay for sorting a million records.
 */
export function prepareListings(store: ShopStore): void {
  store.sortedView("orders", "PROCESSED_AT", ORDER_SORT.PROCESSED_AT!);
  store.sortedView("orders", "UPDATED_AT", ORDER_SORT.UPDATED_AT!);
  store.sortedView("customers", "UPDATED_AT", CUSTOMER_SORT.UPDATED_AT!);
  store.sortedView("products", "UPDATED_AT", PRODUCT_SORT.UPDATED_AT!);
}

interface TopLevelArgs extends ConnectionArgs {
  query?: string | null;
  sortKey?: string;
}

function topLevelConnection<T extends { id: number }>(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  kind: "orders" | "customers" | "products",
  args: TopLevelArgs,
  sorts: SortSpec<T>,
  search: SearchFields<T>,
  freeText: (r: T, text: string) => boolean,
  typename: string,
  extraKeep: (r: T) => boolean = () => true,
) {
  const sortKey = args.sortKey ?? "ID";
  const sortValue = sorts[sortKey];
  // Other keys are refused before execution (ARGUMENTS).
  if (!sortValue) throw surfaceInvariantBroken(kind, `sortKey ${sortKey}`);
  const compiled = compileSearch(args.query, search, freeText, ctx.store.profile.ianaTimezone);
  if (compiled.warnings.length > 0 && args.query) {
    ctx.searchWarnings.push({
      path: pathArray(info.path),
      query: args.query,
      parsed: parsedSearch(parseSearch(args.query)),
      warnings: compiled.warnings,
    });
  }
  const sorted = ctx.store.sortedView(kind, sortKey, sortValue as (r: unknown) => SortValue) as unknown as T[];
  const keep = (r: T) => extraKeep(r) && compiled.predicate(r);
  const window = searchWindow(sorted, sortKey, sortValue, args.query, ctx.store.profile.ianaTimezone);
  const toSource = (r: T) => wrap(typename, r, ctx.store);
  const bulkPage = ctx.bulkRootPage && info.path.prev === undefined ? ctx.bulkRootPage : undefined;
  if (bulkPage) {
    // A bulk operation reads the root connection page by page, ignoring the query's first/last.
    const page = paginate(
      sorted,
      sortValue,
      keep,
      { first: bulkPage.first, after: bulkPage.after, reverse: args.reverse },
      toSource,
      false,
      window,
    );
    bulkPage.endCursor = page.pageInfo.endCursor;
    bulkPage.hasNextPage = page.pageInfo.hasNextPage;
    return page;
  }
  return paginate(sorted, sortValue, keep, args, toSource, ctx.unbounded, window);
}

/** Search fields whose values are exactly the sort key's values. */
const SORT_KEY_FIELDS: Record<string, { field: string; kind: "timestamp" | "id" }> = {
  UPDATED_AT: { field: "updated_at", kind: "timestamp" },
  CREATED_AT: { field: "created_at", kind: "timestamp" },
  PROCESSED_AT: { field: "processed_at", kind: "timestamp" },
  ID: { field: "id", kind: "id" },
};

/**
 * When the query bounds the very field the listing is sorted by (the incremental
 * sync pattern `updated_at:>=…` with sortKey UPDATED_AT), only that slice of the
 * sorted list can match: find it by binary search instead of scanning from the start.
 */
function searchWindow<T extends { id: number }>(
  sorted: T[],
  sortKey: string,
  sortValue: (r: T) => SortValue,
  query: string | null | undefined,
  zone: string,
) {
  const spec = SORT_KEY_FIELDS[sortKey];
  if (!spec || !query) return undefined;
  const { min, max } = fieldBounds(query, spec.field, spec.kind, zone);
  if (min === undefined && max === undefined) return undefined;
  const firstIndex = (pred: (v: SortValue) => boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pred(sortValue(sorted[mid]!))) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return {
    from: min === undefined ? 0 : firstIndex((v) => v >= min),
    to: max === undefined ? sorted.length : firstIndex((v) => v > max),
  };
}

function ordersConnection(ctx: RequestContext, info: GraphQLResolveInfo, args: TopLevelArgs, onlyCustomer?: number) {
  return topLevelConnection<Order>(
    ctx,
    info,
    "orders",
    { ...args, sortKey: args.sortKey ?? "PROCESSED_AT" },
    ORDER_SORT,
    ORDER_SEARCH,
    (o, text) => o.name.toLowerCase().includes(text) || (o.email ?? "").toLowerCase().includes(text),
    "Order",
    (o) => orderVisible(ctx, o) && (onlyCustomer === undefined || o.customerId === onlyCustomer),
  );
}

/** Small child lists (line items, variants…) are ordered by id. */
function childConnection<T extends { id: number }>(
  items: T[],
  args: ConnectionArgs,
  ctx: RequestContext,
  toSource: (r: T) => unknown,
) {
  const sorted = [...items].sort((a, b) => a.id - b.id);
  return paginate(
    sorted,
    (r) => r.id,
    () => true,
    args,
    toSource,
    ctx.unbounded,
  );
}

// ---- node lookup ----
export function resolveNode(ctx: RequestContext, id: string): unknown {
  const parsed = parseGid(id);
  if (!parsed) {
    throw new GraphQLError(`Invalid global id '${id}'`, { extensions: { code: "argumentLiteralsIncompatible" } });
  }
  const store = ctx.store;
  switch (parsed.type) {
    case "Order": {
      if (!hasScope(ctx, "read_orders")) throw accessDenied("order", "read_orders");
      const o = store.order(parsed.id);
      return o && orderVisible(ctx, o) ? wrap("Order", o, store) : null;
    }
    case "Customer": {
      if (!hasScope(ctx, "read_customers")) throw accessDenied("customer", "read_customers");
      const c = store.customer(parsed.id);
      return c ? wrap("Customer", c, store) : null;
    }
    case "Product": {
      if (!hasScope(ctx, "read_products")) throw accessDenied("product", "read_products");
      const p = store.product(parsed.id);
      return p ? wrap("Product", p, store) : null;
    }
    case "ProductVariant": {
      if (!hasScope(ctx, "read_products")) throw accessDenied("productVariant", "read_products");
      const v = store.variant(parsed.id);
      return v ? wrap("ProductVariant", v, store) : null;
    }
    case "LineItem":
    case "Refund":
    case "RefundShippingLine":
    case "Return":
    case "Duty":
    case "AdditionalFee": {
      // Parts of an order: visible exactly when their order is (same scope, same 60-day window).
      if (!hasScope(ctx, "read_orders")) throw accessDenied("node", "read_orders");
      const hit = orderChild(store, parsed.type, parsed.id);
      return hit && orderVisible(ctx, hit.order) ? child(parsed.type, hit.record, hit.order, store) : null;
    }
    case "Shop":
      return parsed.id === store.profile.id ? { __typename: "Shop", store } : null;
    case "BulkOperation":
      return ctx.bulk.get(ctx, parsed.id);
    default:
      // Unreachable: ids of other types are refused before execution (surface.ts, NODE_TYPES).
      throw surfaceInvariantBroken(parsed.type, "node");
  }
}

/** Gid types whose records live inside an order, and where. */
const ORDER_CHILDREN: Record<string, (o: Order) => Array<{ id: number }>> = {
  LineItem: (o) => o.lineItems,
  Refund: (o) => o.refunds,
  RefundShippingLine: (o) => o.refunds.flatMap((r) => r.refundShippingLines),
  Return: (o) => o.returns ?? [],
  Duty: (o) => o.duties ?? [],
  AdditionalFee: (o) => o.additionalFees ?? [],
};
/** Gid types `node(id:)` answers: the shop's own records and the parts of its orders. */
export const NODE_TYPES = [
  "Order",
  "Customer",
  "Product",
  "ProductVariant",
  "Shop",
  "BulkOperation",
  ...Object.keys(ORDER_CHILDREN),
] as const;

// Child id → its order, per shop, rebuilt when the store changed (ShopStore.version): node
// lookups of order parts are rare, a scan per change is cheaper than upkeep on every write.
const childIndex = new WeakMap<ShopStore, { version: number; byKey: Map<string, number> }>();
function orderChild(store: ShopStore, type: string, id: number): { order: Order; record: unknown } | undefined {
  let index = childIndex.get(store);
  if (!index || index.version !== store.version) {
    const byKey = new Map<string, number>();
    for (const o of store.list("orders"))
      for (const [t, list] of Object.entries(ORDER_CHILDREN)) for (const r of list(o)) byKey.set(`${t}:${r.id}`, o.id);
    index = { version: store.version, byKey };
    childIndex.set(store, index);
  }
  const orderId = index.byKey.get(`${type}:${id}`);
  const order = orderId === undefined ? undefined : store.order(orderId);
  const record = order && ORDER_CHILDREN[type]!(order).find((r) => r.id === id);
  return order && record ? { order, record } : undefined;
}

function unitAfterDiscounts(line: LineItem): MoneyPair {
  const total = lineDiscountedTotal(line);
  return {
    shop: fmt(new Decimal(total.shop).div(line.quantity)),
    presentment: fmt(new Decimal(total.presentment).div(line.quantity)),
  };
}

function timezoneOffset(zone: string, at: number) {
  const dt = DateTime.fromMillis(at, { zone });
  const minutes = dt.offset;
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return {
    minutes,
    text: `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`,
    abbr: dt.offsetNameShort ?? "UTC",
  };
}

// ---- sales ledger (Order.agreements; the records come from store/ledger.ts) ----
interface AgreementSrc {
  __typename: string;
  agreement: LedgerAgreement;
  order: Order;
  store: ShopStore;
}
interface SaleSrc {
  __typename: string;
  sale: LedgerSale;
  order: Order;
  store: ShopStore;
}

function sumSales(sales: LedgerSale[]): MoneyPair {
  let shop = new Decimal(0);
  let presentment = new Decimal(0);
  for (const x of sales) {
    shop = shop.plus(x.totalAmount.shop);
    presentment = presentment.plus(x.totalAmount.presentment);
  }
  return { shop: fmt(shop), presentment: fmt(presentment) };
}

/** Order.agreements(query:) filters: "happened_at" (time) and "id" (2026-10 schema). */
const AGREEMENT_SEARCH: SearchFields<LedgerAgreement> = {
  happened_at: { kind: "timestamp", get: (a) => a.happenedAt },
  id: { kind: "id", get: (a) => a.id },
};

/** Agreements in the order they happened (ties by id), like Shopify's audit trail of the order. */
function agreementsConnection(s: Src<Order>, args: TopLevelArgs, ctx: RequestContext, info: GraphQLResolveInfo) {
  const compiled = compileSearch(args.query, AGREEMENT_SEARCH, () => false, ctx.store.profile.ianaTimezone);
  if (compiled.warnings.length > 0 && args.query) {
    ctx.searchWarnings.push({
      path: pathArray(info.path),
      query: args.query,
      parsed: parsedSearch(parseSearch(args.query)),
      warnings: compiled.warnings,
    });
  }
  return paginate(
    orderLedger(s.record),
    (a) => a.happenedAt,
    compiled.predicate,
    args,
    (a): AgreementSrc => ({ __typename: a.typename, agreement: a, order: s.record, store: s.store }),
    ctx.unbounded,
  );
}

const agreementFields: Record<string, Resolver> = {
  id: (s: AgreementSrc) => gid(s.__typename, s.agreement.id),
  happenedAt: (s: AgreementSrc) => s.agreement.happenedAt,
  reason: (s: AgreementSrc) => s.agreement.reason,
  // Agreements of the simulator's orders are made by no app and no staff member it models.
  app: () => null,
  user: () => null,
  // Sales by id (placement: line items, tip, shipping, duties, fees; then each change's own).
  sales: (s: AgreementSrc, args, ctx) =>
    childConnection(s.agreement.sales, args, ctx, (x): SaleSrc => ({
      __typename: x.typename,
      sale: x,
      order: s.order,
      store: s.store,
    })),
};

const agreementResolvers: Record<string, Record<string, Resolver>> = {
  OrderAgreement: { ...agreementFields, order: (s: AgreementSrc) => wrap("Order", s.order, s.store) },
  OrderEditAgreement: agreementFields,
  RefundAgreement: {
    ...agreementFields,
    refund: (s: AgreementSrc) => {
      const r = s.order.refunds.find((x) => x.id === s.agreement.refundId)!;
      return child("Refund", r, s.order, s.store);
    },
  },
  ReturnAgreement: {
    ...agreementFields,
    return: (s: AgreementSrc) => {
      const r = (s.order.returns ?? []).find((x) => x.id === s.agreement.returnId)!;
      return child("Return", r, s.order, s.store);
    },
  },
};

const saleFields: Record<string, Resolver> = {
  id: (s: SaleSrc) => gid(s.__typename, s.sale.id),
  actionType: (s: SaleSrc) => s.sale.actionType,
  lineType: (s: SaleSrc) => s.sale.lineType,
  quantity: (s: SaleSrc) => s.sale.quantity,
  totalAmount: (s: SaleSrc) => bag(s.sale.totalAmount, s.order),
  totalDiscountAmountBeforeTaxes: (s: SaleSrc) => bag(s.sale.totalDiscountAmountBeforeTaxes, s.order),
  totalDiscountAmountAfterTaxes: (s: SaleSrc) => bag(s.sale.totalDiscountAmountAfterTaxes, s.order),
  totalTaxAmount: (s: SaleSrc) => bag(s.sale.totalTaxAmount, s.order),
  // One tax line per sale (the simulator charges one "Sales Tax" per rate); none when untaxed.
  taxes: (s: SaleSrc) =>
    new Decimal(s.sale.totalTaxAmount.shop).isZero() && new Decimal(s.sale.totalTaxAmount.presentment).isZero()
      ? []
      : [{ __typename: "SaleTax", sale: s.sale, order: s.order, store: s.store }],
};

function saleLineItem(s: SaleSrc) {
  if (s.sale.lineType === "TIP") return child("LineItem", tipLineItem(s.order), s.order, s.store);
  const line = s.order.lineItems.find((l) => l.id === s.sale.lineItemId)!;
  return child("LineItem", line, s.order, s.store);
}

/**
 * TipSale.lineItem is non-null: Shopify books a tip as a line item. The simulator
 * keeps the tip out of Order.lineItems (see fidelity.md) and answers this line here.
 */
function tipLineItem(order: Order): LineItem {
  const tip = order.tip!;
  return {
    id: tip.lineItemId,
    productId: null,
    variantId: null,
    title: "Tip",
    variantTitle: null,
    sku: null,
    vendor: null,
    quantity: 1,
    isGiftCard: false,
    requiresShipping: false,
    taxable: false,
    originalUnitPrice: tip.amount,
    totalDiscount: ZERO,
    discountAllocations: [],
    tax: ZERO,
    taxRate: "0.0000",
  };
}

const saleResolvers: Record<string, Record<string, Resolver>> = {
  ProductSale: { ...saleFields, lineItem: saleLineItem },
  GiftCardSale: { ...saleFields, lineItem: saleLineItem },
  TipSale: { ...saleFields, lineItem: saleLineItem },
  ShippingLineSale: {
    ...saleFields,
    shippingLine: (s: SaleSrc) => {
      const line = s.order.shippingLines.find((l) => l.id === s.sale.shippingLineId);
      return line ? child("ShippingLine", line, s.order, s.store) : null;
    },
  },
  DutySale: {
    ...saleFields,
    duty: (s: SaleSrc) => {
      const d = (s.order.duties ?? []).find((x) => x.id === s.sale.dutyId)!;
      return child("Duty", d, s.order, s.store);
    },
  },
  AdditionalFeeSale: {
    ...saleFields,
    additionalFee: (s: SaleSrc) => {
      const f = (s.order.additionalFees ?? []).find((x) => x.id === s.sale.additionalFeeId)!;
      return child("SaleAdditionalFee", f, s.order, s.store);
    },
  },
};

const additionalFeeFields: Record<string, Resolver> = {
  id: (s: OrderChild<AdditionalFee>) => gid("AdditionalFee", s.record.id),
  name: (s: OrderChild<AdditionalFee>) => s.record.name,
  price: (s: OrderChild<AdditionalFee>) => bag(s.record.price, s.order),
  taxLines: () => [],
};

const PLAN_NAMES = { standard: "Shopify", advanced: "Advanced", plus: "Shopify Plus" } as const;

/** Fields of types whose sources are plain data objects built by the resolvers above: read as properties. */
function props(...names: string[]): Record<string, Resolver> {
  return Object.fromEntries(names.map((n): [string, Resolver] => [n, (s: Record<string, unknown>) => s[n]]));
}

const dataTypes: Record<string, Record<string, Resolver>> = {
  PageInfo: props("hasNextPage", "hasPreviousPage", "startCursor", "endCursor"),
  MoneyBag: props("shopMoney", "presentmentMoney"),
  MoneyV2: props("amount", "currencyCode"),
  PricingPercentageValue: props("percentage"),
  TaxLine: props("title", "rate", "ratePercentage", "priceSet", "channelLiable", "source"),
  ShopPlan: props("displayName", "publicDisplayName", "partnerDevelopment", "shopifyPlus"),
  CustomerEmailAddress: props("emailAddress"),
  CustomerPhoneNumber: props("phoneNumber"),
  Count: props("count", "precision"),
  ProductPriceRangeV2: props("minVariantPrice", "maxVariantPrice"),
  // context.ts BulkOperationView
  BulkOperation: props(
    "id",
    "status",
    "errorCode",
    "createdAt",
    "completedAt",
    "objectCount",
    "rootObjectCount",
    "fileSize",
    "url",
    "partialDataUrl",
    "query",
    "type",
  ),
  BulkOperationRunQueryPayload: props("bulkOperation", "userErrors"),
  BulkOperationCancelPayload: props("bulkOperation", "userErrors"),
  BulkOperationUserError: props("field", "message", "code"),
  UserError: props("field", "message"),
};

export const resolvers: Record<string, Record<string, Resolver>> = {
  ...dataTypes,
  QueryRoot: {
    shop: (_s, _a, ctx) => ({ __typename: "Shop", store: ctx.store }),
    orders: (_s, args, ctx, info) => {
      requireScope(ctx, "orders", "read_orders");
      return ordersConnection(ctx, info, args);
    },
    customers: (_s, args, ctx, info) => {
      requireScope(ctx, "customers", "read_customers");
      return topLevelConnection<Customer>(
        ctx,
        info,
        "customers",
        args,
        CUSTOMER_SORT,
        CUSTOMER_SEARCH,
        (c, text) => `${c.firstName ?? ""} ${c.lastName ?? ""} ${c.email ?? ""}`.toLowerCase().includes(text),
        "Customer",
      );
    },
    products: (_s, args, ctx, info) => {
      requireScope(ctx, "products", "read_products");
      return topLevelConnection<Product>(
        ctx,
        info,
        "products",
        args,
        PRODUCT_SORT,
        PRODUCT_SEARCH,
        (p, text) => p.title.toLowerCase().includes(text),
        "Product",
      );
    },
    order: (_s, args, ctx) => {
      requireScope(ctx, "order", "read_orders");
      return parseGid(args.id)?.type === "Order" ? resolveNode(ctx, args.id) : null;
    },
    customer: (_s, args, ctx) => {
      requireScope(ctx, "customer", "read_customers");
      return parseGid(args.id)?.type === "Customer" ? resolveNode(ctx, args.id) : null;
    },
    product: (_s, args, ctx) => {
      requireScope(ctx, "product", "read_products");
      return parseGid(args.id)?.type === "Product" ? resolveNode(ctx, args.id) : null;
    },
    productVariant: (_s, args, ctx) =>
      parseGid(args.id)?.type === "ProductVariant" ? resolveNode(ctx, args.id) : null,
    node: (_s, args, ctx) => resolveNode(ctx, args.id),
    nodes: (_s, args, ctx) => (args.ids as string[]).map((id) => resolveNode(ctx, id)),
    bulkOperation: (_s, args, ctx) => {
      const parsed = parseGid(args.id);
      // bulk-operations-read-arg-validation.json nonBulkOperationGid: another resource's gid is an error.
      if (parsed && parsed.type !== "BulkOperation")
        throw new GraphQLError(`Invalid id: ${args.id}`, { extensions: { code: "RESOURCE_NOT_FOUND" } });
      return parsed?.type === "BulkOperation" ? ctx.bulk.get(ctx, parsed.id) : null;
    },
    currentBulkOperation: (_s, args, ctx) => ctx.bulk.current(ctx, args.type ?? "QUERY"),
    bulkOperations: (_s, args, ctx, info) => {
      // Shopify: "Defaults to sorting by created_at, with newest operations first."
      const ops = ctx.bulk.list(ctx).map((view) => ({ id: parseGid(view.id)!.id, view }));
      type Op = (typeof ops)[number];
      const key = args.sortKey === "COMPLETED_AT" ? (o: Op) => o.view.completedAt ?? "" : (o: Op) => o.view.createdAt;
      const sorted = [...ops].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
      const compiled = compileSearch<Op>(
        args.query,
        {
          id: { kind: "id", get: (o) => o.id },
          status: { kind: "string", get: (o) => o.view.status.toLowerCase() },
          operation_type: { kind: "string", get: (o) => o.view.type.toLowerCase() },
          created_at: { kind: "timestamp", get: (o) => o.view.createdAt },
        },
        () => true,
        ctx.store.profile.ianaTimezone,
      );
      // "You can bulk query any connection field" (shopify.dev bulk-operations/queries): as the
      // root of a bulk query it is read page by page like the other roots.
      const bulkPage = ctx.bulkRootPage && info.path.prev === undefined ? ctx.bulkRootPage : undefined;
      const page = paginate(
        sorted,
        key,
        compiled.predicate,
        bulkPage
          ? { first: bulkPage.first, after: bulkPage.after, reverse: !args.reverse }
          : { ...args, reverse: !args.reverse },
        (o) => o.view,
      );
      if (bulkPage) {
        bulkPage.endCursor = page.pageInfo.endCursor;
        bulkPage.hasNextPage = page.pageInfo.hasNextPage;
      }
      return page;
    },
  },

  Mutation: {
    bulkOperationRunQuery: (_s, args, ctx, info) => {
      // groupObjects left out: the request's version default (the served 2026-10 schema says false).
      const explicit = info.fieldNodes[0]?.arguments?.some((a) => a.name.value === "groupObjects");
      return {
        __typename: "BulkOperationRunQueryPayload",
        ...ctx.bulk.runQuery(ctx, args.query, explicit ? !!args.groupObjects : undefined),
      };
    },
    bulkOperationCancel: (_s, args, ctx) => {
      const parsed = parseGid(args.id);
      if (parsed?.type !== "BulkOperation") {
        return {
          __typename: "BulkOperationCancelPayload",
          bulkOperation: null,
          userErrors: [{ field: ["id"], message: "Bulk operation does not exist", code: null }],
        };
      }
      return { __typename: "BulkOperationCancelPayload", ...ctx.bulk.cancel(ctx, parsed.id) };
    },
  },

  Shop: {
    id: (s: { store: ShopStore }) => gid("Shop", s.store.profile.id),
    name: (s) => s.store.profile.name,
    myshopifyDomain: (s) => s.store.profile.domain,
    email: (s) => s.store.profile.email,
    contactEmail: (s) => s.store.profile.email,
    shopOwnerName: (s) => `${s.store.profile.name} Owner`,
    currencyCode: (s) => s.store.profile.currencyCode,
    ianaTimezone: (s) => s.store.profile.ianaTimezone,
    timezoneAbbreviation: (s, _a, ctx) => timezoneOffset(s.store.profile.ianaTimezone, ctx.now).abbr,
    timezoneOffset: (s, _a, ctx) => timezoneOffset(s.store.profile.ianaTimezone, ctx.now).text,
    timezoneOffsetMinutes: (s, _a, ctx) => timezoneOffset(s.store.profile.ianaTimezone, ctx.now).minutes,
    createdAt: (s) => s.store.profile.createdAt,
    updatedAt: (s) => s.store.profile.updatedAt,
    url: (s) => `https://${s.store.profile.domain}`,
    enabledPresentmentCurrencies: (s) =>
      [s.store.profile.currencyCode, "EUR", "GBP", "CAD", "AUD"].filter((c, i, all) => all.indexOf(c) === i),
    plan: (s) => {
      const plan = s.store.profile.plan as keyof typeof PLAN_NAMES;
      return {
        __typename: "ShopPlan",
        displayName: PLAN_NAMES[plan],
        publicDisplayName: PLAN_NAMES[plan],
        partnerDevelopment: false,
        shopifyPlus: plan === "plus",
      };
    },
  },

  Order: {
    id: (s: Src<Order>) => gid("Order", s.record.id),
    legacyResourceId: (s) => String(s.record.id),
    name: (s) => s.record.name,
    email: (s) => s.record.email,
    createdAt: (s) => s.record.createdAt,
    processedAt: (s) => s.record.processedAt,
    updatedAt: (s) => s.record.updatedAt,
    cancelledAt: (s) => s.record.cancelledAt,
    cancelReason: (s) => s.record.cancelReason,
    closed: (s) => s.record.closedAt !== null,
    closedAt: (s) => s.record.closedAt,
    confirmed: () => true,
    // "The order number used to generate the name" (2026-10 schema): the name is `#${number}`.
    number: (s: Src<Order>) => s.record.number,
    // The simulator's orders are paid in full (fullyPaid) and refunds are paid out: nothing
    // is outstanding ("The total amount not yet transacted for the order"), none is unpaid.
    unpaid: () => false,
    totalOutstandingSet: (s: Src<Order>) => bag(ZERO, s.record),
    // Taxes are final when the order is created ("returns false when taxes … are finalized").
    estimatedTaxes: () => false,
    // "The total number of fulfillments for the order, including canceled ones": it has none.
    fulfillmentsCount: () => ({ __typename: "Count", count: 0, precision: "EXACT" }),
    // "true for orders with physical products that need delivery" (2026-10 schema).
    requiresShipping: (s: Src<Order>) => s.record.lineItems.some((l) => l.requiresShipping),
    // Deprecated MoneyV2 form of totalTipReceivedSet: "The sum of all tip amounts … in shop currency".
    totalTipReceived: (s: Src<Order>) => bag(orderTotals(s.record).totalTip, s.record).shopMoney,
    test: (s) => s.record.test,
    sourceName: (s) => s.record.sourceName,
    tags: (s) => s.record.tags,
    note: () => null,
    taxesIncluded: () => false,
    currencyCode: (s) => s.record.currencyCode,
    presentmentCurrencyCode: (s) => s.record.presentmentCurrencyCode,
    displayFinancialStatus: (s) => financialStatus(s.record),
    fullyPaid: () => true,
    discountCodes: (s) =>
      s.record.discountApplications.filter((d: { code: string | null }) => d.code).map((d: { code: string }) => d.code),
    // "This excludes quantities for items like tips, shipping costs, or gift cards" (2026-10 schema).
    subtotalLineItemsQuantity: (s) => orderTotals(s.record).subtotalLineItemsQuantity,
    currentSubtotalLineItemsQuantity: (s) => orderTotals(s.record).currentSubtotalLineItemsQuantity,
    customer: (s: Src<Order>, _a, ctx) => {
      requireScope(ctx, "customer", "read_customers");
      const c = s.record.customerId != null ? s.store.customer(s.record.customerId) : undefined;
      return c ? wrap("Customer", c, s.store) : null;
    },
    totalPriceSet: (s) => bag(orderTotals(s.record).total, s.record),
    subtotalPriceSet: (s) => bag(orderTotals(s.record).subtotal, s.record),
    totalDiscountsSet: (s) => bag(orderTotals(s.record).totalDiscounts, s.record),
    cartDiscountAmountSet: (s: Src<Order>) => {
      const amount = orderLevelDiscount(s.record);
      return amount ? bag(amount, s.record) : null;
    },
    totalTaxSet: (s) => bag(orderTotals(s.record).totalTax, s.record),
    totalShippingPriceSet: (s) => bag(orderTotals(s.record).totalShipping, s.record),
    totalRefundedSet: (s) => bag(orderTotals(s.record).totalRefunded, s.record),
    currentTotalPriceSet: (s) => bag(orderTotals(s.record).currentTotal, s.record),
    currentSubtotalPriceSet: (s) => bag(orderTotals(s.record).currentSubtotal, s.record),
    currentTotalDiscountsSet: (s) => bag(orderTotals(s.record).currentTotalDiscounts, s.record),
    currentTotalTaxSet: (s) => bag(orderTotals(s.record).currentTotalTax, s.record),
    totalReceivedSet: (s) => bag(orderTotals(s.record).total, s.record),
    totalTipReceivedSet: (s) => bag(orderTotals(s.record).totalTip, s.record),
    totalRefundedShippingSet: (s) => bag(orderTotals(s.record).totalRefundedShipping, s.record),
    currentShippingPriceSet: (s) => bag(orderTotals(s.record).currentShipping, s.record),
    // "at the time of order creation": the placement's sales (edits and refunds come later).
    originalTotalPriceSet: (s: Src<Order>) => bag(sumSales(orderLedger(s.record)[0]?.sales ?? []), s.record),
    // Duties and additional fees: null when the order has none ("Returns `null` if additional fees
    // aren't applicable"); the simulator never refunds them, so current = original.
    originalTotalDutiesSet: (s: Src<Order>) =>
      s.record.duties?.length ? bag(orderTotals(s.record).totalDuties, s.record) : null,
    currentTotalDutiesSet: (s: Src<Order>) =>
      s.record.duties?.length ? bag(orderTotals(s.record).totalDuties, s.record) : null,
    originalTotalAdditionalFeesSet: (s: Src<Order>) =>
      s.record.additionalFees?.length ? bag(orderTotals(s.record).totalAdditionalFees, s.record) : null,
    currentTotalAdditionalFeesSet: (s: Src<Order>) =>
      s.record.additionalFees?.length ? bag(orderTotals(s.record).totalAdditionalFees, s.record) : null,
    additionalFees: (s: Src<Order>) =>
      (s.record.additionalFees ?? []).map((f) => child("AdditionalFee", f, s.record, s.store)),
    dutiesIncluded: () => false,
    edited: (s: Src<Order>) => (s.record.edits?.length ?? 0) > 0,
    agreements: (s: Src<Order>, args, ctx, info) => agreementsConnection(s, args, ctx, info),
    netPaymentSet: (s) => bag(orderTotals(s.record).currentTotal, s.record),
    lineItems: (s: Src<Order>, args, ctx) =>
      childConnection(s.record.lineItems, args, ctx, (l) => child("LineItem", l, s.record, s.store)),
    shippingLines: (s: Src<Order>, args, ctx) =>
      childConnection(s.record.shippingLines, args, ctx, (l) => child("ShippingLine", l, s.record, s.store)),
    // The simulator has no fulfillments: "None of the items in the order have been fulfilled"
    // (OrderDisplayFulfillmentStatus). Its returns are closed once created (refunded): RETURNED,
    // else "No items in the order were returned" (OrderReturnStatus NO_RETURN).
    displayFulfillmentStatus: () => "UNFULFILLED",
    returnStatus: (s: Src<Order>) => ((s.record.returns?.length ?? 0) > 0 ? "RETURNED" : "NO_RETURN"),
    fulfillments: () => [],
    returns: (s: Src<Order>, args, ctx) =>
      childConnection(s.record.returns ?? [], args, ctx, (r) => child("Return", r, s.record, s.store)),
    // "Returns null if no phone number was provided during checkout": the simulator records none.
    phone: () => null,
    customAttributes: () => [],
    // "Returns false for orders that can't be modified, such as canceled orders."
    merchantEditable: (s: Src<Order>) => s.record.cancelledAt === null,
    taxLines: (s: Src<Order>) => orderTaxLines(s.record, false),
    currentTaxLines: (s: Src<Order>) => orderTaxLines(s.record, true),
    discountApplications: (s: Src<Order>, args, ctx) => {
      const indexed = s.record.discountApplications.map((_, index) => ({ id: index }));
      return paginate(
        indexed,
        (r) => r.id,
        () => true,
        args,
        (r) => discountApplicationSource(s.record, r.id),
        ctx.unbounded,
      );
    },
    refunds: (s: Src<Order>, args) => {
      const refunds = [...s.record.refunds].sort((a, b) => a.id - b.id);
      const limited = args.first != null ? refunds.slice(0, args.first) : refunds;
      return limited.map((r) => child("Refund", r, s.record, s.store));
    },
  },

  LineItem: {
    id: (s: OrderChild<LineItem>) => gid("LineItem", s.record.id),
    title: (s) => s.record.title,
    name: (s) => (s.record.variantTitle ? `${s.record.title} - ${s.record.variantTitle}` : s.record.title),
    variantTitle: (s) => s.record.variantTitle,
    vendor: (s) => s.record.vendor,
    sku: (s) => s.record.sku,
    quantity: (s) => s.record.quantity,
    // "excluding refunded and removed units" (2026-10 schema); quantity keeps them.
    currentQuantity: (s: OrderChild<LineItem>) => currentQuantity(s.order, s.record),
    refundableQuantity: (s: OrderChild<LineItem>) => currentQuantity(s.order, s.record),
    // No fulfillments in the simulator: every current unit is unfulfilled, refunded and removed ones are not fulfillable.
    unfulfilledQuantity: (s: OrderChild<LineItem>) => currentQuantity(s.order, s.record),
    nonFulfillableQuantity: (s: OrderChild<LineItem>) => s.record.quantity - currentQuantity(s.order, s.record),
    // "after all discounts are applied and excluding refunded and removed quantities … doesn't include taxes":
    // what the line's sales add up to before tax.
    priceAfterAllDiscountsBeforeTaxesSet: (s: OrderChild<LineItem>) => {
      let shop = new Decimal(0);
      let presentment = new Decimal(0);
      for (const a of orderLedger(s.order))
        for (const x of a.sales) {
          if (x.lineItemId !== s.record.id || x.lineType === "TIP") continue;
          shop = shop.plus(x.totalAmount.shop).minus(x.totalTaxAmount.shop);
          presentment = presentment.plus(x.totalAmount.presentment).minus(x.totalTaxAmount.presentment);
        }
      return bag({ shop: fmt(shop), presentment: fmt(presentment) }, s.order);
    },
    duties: (s: OrderChild<LineItem>) =>
      (s.order.duties ?? []).filter((d) => d.lineItemId === s.record.id).map((d) => child("Duty", d, s.order, s.store)),
    isGiftCard: (s) => s.record.isGiftCard,
    requiresShipping: (s) => s.record.requiresShipping,
    taxable: (s) => s.record.taxable,
    originalUnitPriceSet: (s) => bag(s.record.originalUnitPrice, s.order),
    originalTotalSet: (s) => bag(lineOriginalTotal(s.record), s.order),
    // Line-level only: order-level allocations show in discountAllocations (see lineLevelDiscount).
    totalDiscountSet: (s: OrderChild<LineItem>) => bag(lineLevelDiscount(s.record, s.order), s.order),
    discountedTotalSet: (s: OrderChild<LineItem>) =>
      bag(lineDiscountedTotalExcludingOrderLevel(s.record, s.order), s.order),
    discountedUnitPriceSet: (s: OrderChild<LineItem>) => {
      const total = lineDiscountedTotalExcludingOrderLevel(s.record, s.order);
      const unit = {
        shop: fmt(new Decimal(total.shop).div(s.record.quantity)),
        presentment: fmt(new Decimal(total.presentment).div(s.record.quantity)),
      };
      return bag(unit, s.order);
    },
    // "including taxes charged for refunded and removed quantities" (LineItem.taxLines).
    taxLines: (s: OrderChild<LineItem>, args) =>
      new Decimal(s.record.taxRate).isZero() || args.first === 0
        ? []
        : [taxLine(s.record.taxRate, s.record.tax, s.order)],
    // Deprecated for FulfillmentOrderLineItem.remainingQuantity; no fulfillments: every current unit.
    fulfillableQuantity: (s: OrderChild<LineItem>) => currentQuantity(s.order, s.record),
    customAttributes: () => [],
    discountAllocations: (s: OrderChild<LineItem>) =>
      s.record.discountAllocations.map((a) => ({ __typename: "DiscountAllocation", allocation: a, order: s.order })),
    discountedUnitPriceAfterAllDiscountsSet: (s) => bag(unitAfterDiscounts(s.record), s.order),
    product: (s: OrderChild<LineItem>, _a, ctx) => {
      requireScope(ctx, "product", "read_products");
      const p = s.record.productId != null ? s.store.product(s.record.productId) : undefined;
      return p ? wrap("Product", p, s.store) : null;
    },
    variant: (s: OrderChild<LineItem>, _a, ctx) => {
      requireScope(ctx, "variant", "read_products");
      const v = s.record.variantId != null ? s.store.variant(s.record.variantId) : undefined;
      return v ? wrap("ProductVariant", v, s.store) : null;
    },
  },

  DiscountAllocation: {
    allocatedAmountSet: (s: { allocation: DiscountAllocation; order: Order }) => bag(s.allocation.amount, s.order),
    discountApplication: (s: { allocation: DiscountAllocation; order: Order }) =>
      discountApplicationSource(s.order, s.allocation.applicationIndex),
  },

  DiscountCodeApplication: { ...discountApplicationFields, code: (s: DiscountApplicationSrc) => s.app.code },
  AutomaticDiscountApplication: { ...discountApplicationFields, title: (s: DiscountApplicationSrc) => s.app.title },
  ManualDiscountApplication: {
    ...discountApplicationFields,
    title: (s: DiscountApplicationSrc) => s.app.title,
    description: (s: DiscountApplicationSrc) => s.app.title,
  },

  ShippingLine: {
    id: (s: OrderChild<ShippingLine>) => gid("ShippingLine", s.record.id),
    title: (s) => s.record.title,
    code: (s) => s.record.code,
    originalPriceSet: (s) => bag(s.record.price, s.order),
    discountedPriceSet: (s) => bag(s.record.price, s.order),
  },

  Refund: {
    id: (s: OrderChild<Refund>) => gid("Refund", s.record.id),
    legacyResourceId: (s) => String(s.record.id),
    createdAt: (s) => s.record.createdAt,
    processedAt: (s) => s.record.processedAt,
    updatedAt: (s) => s.record.updatedAt,
    note: (s) => s.record.note,
    order: (s: OrderChild<Refund>) => wrap("Order", s.order, s.store),
    totalRefundedSet: (s) => bag(refundTotal(s.record), s.order),
    // Deprecated MoneyV2 form of totalRefundedSet (shop currency).
    totalRefunded: (s: OrderChild<Refund>) => bag(refundTotal(s.record), s.order).shopMoney,
    // Duties are never refunded in the simulator.
    duties: () => [],
    return: (s: OrderChild<Refund>) => {
      const r = (s.order.returns ?? []).find((x) => x.id === s.record.returnId);
      return r ? child("Return", r, s.order, s.store) : null;
    },
    refundLineItems: (s: OrderChild<Refund>, args, ctx) =>
      childConnection(s.record.refundLineItems, args, ctx, (r) => child("RefundLineItem", r, s.order, s.store)),
    refundShippingLines: (s: OrderChild<Refund>, args, ctx) =>
      childConnection(s.record.refundShippingLines, args, ctx, (r) => child("RefundShippingLine", r, s.order, s.store)),
  },

  RefundLineItem: {
    id: (s: OrderChild<RefundLineItem>) => gid("RefundLineItem", s.record.id),
    quantity: (s) => s.record.quantity,
    restockType: (s) => s.record.restockType,
    restocked: (s) => s.record.restockType === "RETURN" || s.record.restockType === "CANCEL",
    subtotalSet: (s) => bag(s.record.subtotal, s.order),
    totalTaxSet: (s) => bag(s.record.totalTax, s.order),
    priceSet: (s: OrderChild<RefundLineItem>) => {
      const line = s.order.lineItems.find((l) => l.id === s.record.lineItemId);
      return bag(line ? line.originalUnitPrice : ZERO, s.order);
    },
    lineItem: (s: OrderChild<RefundLineItem>) => {
      const line = s.order.lineItems.find((l) => l.id === s.record.lineItemId);
      return line ? child("LineItem", line, s.order, s.store) : null;
    },
  },

  RefundShippingLine: {
    id: (s: OrderChild<RefundShippingLine>) => gid("RefundShippingLine", s.record.id),
    subtotalAmountSet: (s) => bag(s.record.subtotal, s.order),
    taxAmountSet: (s) => bag(s.record.tax, s.order),
    shippingLine: (s: OrderChild<RefundShippingLine>) => {
      const line = s.order.shippingLines.find((l) => l.id === s.record.shippingLineId);
      return line ? child("ShippingLine", line, s.order, s.store) : null;
    },
  },

  ...agreementResolvers,
  ...saleResolvers,

  SaleTax: {
    id: (s: SaleSrc) => gid("SaleTax", s.sale.id),
    amount: (s: SaleSrc) => bag(s.sale.totalTaxAmount, s.order),
    taxLine: (s: SaleSrc) => taxLine(s.sale.taxRate, s.sale.totalTaxAmount, s.order),
  },

  Return: {
    id: (s: OrderChild<OrderReturn>) => gid("Return", s.record.id),
    name: (s) => s.record.name,
    status: (s: OrderChild<OrderReturn>) => (s.record.closedAt ? "CLOSED" : "OPEN"),
    createdAt: (s) => s.record.createdAt,
    closedAt: (s) => s.record.closedAt,
    requestApprovedAt: (s) => s.record.createdAt,
    order: (s: OrderChild<OrderReturn>) => wrap("Order", s.order, s.store),
    totalQuantity: (s: OrderChild<OrderReturn>) =>
      s.order.refunds
        .filter((r) => r.returnId === s.record.id)
        .reduce((n, r) => n + r.refundLineItems.reduce((m, x) => m + x.quantity, 0), 0),
    refunds: (s: OrderChild<OrderReturn>, args, ctx) =>
      childConnection(
        s.order.refunds.filter((r) => r.returnId === s.record.id),
        args,
        ctx,
        (r) => child("Refund", r, s.order, s.store),
      ),
  },

  Duty: {
    id: (s: OrderChild<Duty>) => gid("Duty", s.record.id),
    price: (s: OrderChild<Duty>) => bag(s.record.price, s.order),
    countryCodeOfOrigin: (s: OrderChild<Duty>) => s.record.countryCodeOfOrigin,
    harmonizedSystemCode: (s: OrderChild<Duty>) => s.record.harmonizedSystemCode,
    taxLines: () => [],
  },

  AdditionalFee: additionalFeeFields,
  SaleAdditionalFee: additionalFeeFields,

  Customer: {
    id: (s: Src<Customer>) => gid("Customer", s.record.id),
    legacyResourceId: (s) => String(s.record.id),
    firstName: (s) => s.record.firstName,
    lastName: (s) => s.record.lastName,
    displayName: (s: Src<Customer>) => {
      const name = [s.record.firstName, s.record.lastName].filter(Boolean).join(" ");
      return name || s.record.email || s.record.phone || "";
    },
    email: (s) => s.record.email,
    phone: (s) => s.record.phone,
    defaultPhoneNumber: (s: Src<Customer>) =>
      s.record.phone ? { __typename: "CustomerPhoneNumber", phoneNumber: s.record.phone } : null,
    // "A customer can be deleted from a store only if they haven't yet made an order" (2026-10 schema).
    canDelete: (s: Src<Customer>) => s.store.ordersOfCustomer(s.record.id).length === 0,
    // "The customer's last order": the latest created one the grant may see (60-day window).
    lastOrder: (s: Src<Customer>, _a, ctx) => {
      requireScope(ctx, "lastOrder", "read_orders");
      const visible = s.store.ordersOfCustomer(s.record.id).filter((o) => orderVisible(ctx, o));
      const last = visible.reduce<Order | undefined>(
        (m, o) => (!m || o.createdAt > m.createdAt || (o.createdAt === m.createdAt && o.id > m.id) ? o : m),
        undefined,
      );
      return last ? wrap("Order", last, s.store) : null;
    },
    defaultEmailAddress: (s: Src<Customer>) =>
      s.record.email ? { __typename: "CustomerEmailAddress", emailAddress: s.record.email } : null,
    createdAt: (s) => s.record.createdAt,
    updatedAt: (s) => s.record.updatedAt,
    state: (s) => s.record.state,
    tags: (s) => s.record.tags,
    verifiedEmail: (s) => s.record.verifiedEmail,
    numberOfOrders: (s: Src<Customer>) => String(customerStats(s.store, s.record.id).numberOfOrders),
    amountSpent: (s: Src<Customer>) =>
      shopMoney(customerStats(s.store, s.record.id).amountSpent, s.store.profile.currencyCode),
    orders: (s: Src<Customer>, args, ctx, info) => {
      requireScope(ctx, "orders", "read_orders");
      return ordersConnection(ctx, info, { ...args, sortKey: args.sortKey ?? "ID" }, s.record.id);
    },
  },

  Product: {
    id: (s: Src<Product>) => gid("Product", s.record.id),
    legacyResourceId: (s) => String(s.record.id),
    title: (s) => s.record.title,
    handle: (s) => s.record.handle,
    status: (s) => s.record.status,
    vendor: (s) => s.record.vendor,
    productType: (s) => s.record.productType,
    tags: (s) => s.record.tags,
    isGiftCard: (s) => s.record.isGiftCard,
    createdAt: (s) => s.record.createdAt,
    updatedAt: (s) => s.record.updatedAt,
    publishedAt: (s) => s.record.publishedAt,
    totalVariants: (s) => s.record.variants.length,
    // sortKey POSITION (the schema's default) or ID; other keys are outside the surface (ARGUMENTS).
    variants: (s: Src<Product>, args, ctx) => {
      if (args.sortKey === "ID")
        return childConnection(s.record.variants, args, ctx, (v) => wrap("ProductVariant", v, s.store));
      const byPosition = [...s.record.variants].sort((a, b) => a.position - b.position || a.id - b.id);
      return paginate(
        byPosition,
        (v) => v.position,
        () => true,
        args,
        (v) => wrap("ProductVariant", v, s.store),
        ctx.unbounded,
      );
    },
    // "The number of variants that are associated with the product" (2026-10 schema).
    variantsCount: (s: Src<Product>) => ({ __typename: "Count", count: s.record.variants.length, precision: "EXACT" }),
    // "The minimum and maximum prices of a product" (2026-10 schema): variant prices, shop currency.
    priceRangeV2: (s: Src<Product>) => {
      const prices = s.record.variants.map((v) => new Decimal(v.price));
      const money = (d: Decimal | undefined) => shopMoney(fmt(d ?? new Decimal(0)), s.store.profile.currencyCode);
      return {
        __typename: "ProductPriceRangeV2",
        minVariantPrice: money(prices.length ? Decimal.min(...prices) : undefined),
        maxVariantPrice: money(prices.length ? Decimal.max(...prices) : undefined),
      };
    },
  },

  ProductVariant: {
    id: (s: Src<ProductVariant>) => gid("ProductVariant", s.record.id),
    legacyResourceId: (s) => String(s.record.id),
    title: (s) => s.record.title,
    displayName: (s: Src<ProductVariant>) => `${s.store.product(s.record.productId)?.title ?? ""} - ${s.record.title}`,
    sku: (s) => s.record.sku,
    price: (s) => s.record.price,
    // Gift cards are never taxed in the simulator (REST variants report the same).
    taxable: (s: Src<ProductVariant>) => !s.store.product(s.record.productId)?.isGiftCard,
    position: (s) => s.record.position,
    createdAt: (s) => s.record.createdAt,
    updatedAt: (s) => s.record.updatedAt,
    product: (s: Src<ProductVariant>) => {
      const p = s.store.product(s.record.productId);
      return p ? wrap("Product", p, s.store) : null;
    },
  },
};

/**
 * The arguments the resolvers above honour, per field that has any in the schema; the
 * rest of the simulated surface (surface.ts). `true`: any value; a list: only these values
 * (e.g. the sort keys the data can sort by); a predicate: values it accepts. An argument a
 * resolver would ignore (`savedSearchId`, `Order.returns(query:)`) is not listed, so a
 * document passing it is refused rather than answered as if it had not.
 */
type ArgumentRule = true | readonly unknown[] | ((value: unknown) => boolean);
const PAGE = { first: true, last: true, after: true, before: true, reverse: true } as const;
/** Malformed ids stay the resolver's error ("Invalid global id"); well-formed ones must name a type node(id:) answers. */
const answeredId = (value: unknown) => {
  const parsed = typeof value === "string" ? parseGid(value) : null;
  return !parsed || (NODE_TYPES as readonly string[]).includes(parsed.type);
};
export const ARGUMENTS: Record<string, Record<string, ArgumentRule>> = {
  "QueryRoot.orders": { ...PAGE, query: true, sortKey: Object.keys(ORDER_SORT) },
  "QueryRoot.customers": { ...PAGE, query: true, sortKey: Object.keys(CUSTOMER_SORT) },
  "QueryRoot.products": { ...PAGE, query: true, sortKey: Object.keys(PRODUCT_SORT) },
  "QueryRoot.order": { id: true },
  "QueryRoot.customer": { id: true },
  "QueryRoot.product": { id: true },
  "QueryRoot.productVariant": { id: true },
  "QueryRoot.node": { id: answeredId },
  "QueryRoot.nodes": { ids: (v) => Array.isArray(v) && v.every(answeredId) },
  "QueryRoot.bulkOperation": { id: true },
  "QueryRoot.currentBulkOperation": { type: true },
  "QueryRoot.bulkOperations": { ...PAGE, query: true, sortKey: true },
  "Mutation.bulkOperationRunQuery": { query: true, groupObjects: true },
  "Mutation.bulkOperationCancel": { id: true },
  "Order.agreements": { ...PAGE, query: true },
  "Order.lineItems": PAGE,
  // The simulator never removes shipping lines, so including removals changes nothing.
  "Order.shippingLines": { ...PAGE, includeRemovals: true },
  "Order.fulfillments": { first: true, query: true },
  "Order.returns": PAGE,
  "Order.discountApplications": PAGE,
  "Order.refunds": { first: true },
  // Code discounts are left out, as by default (changelog "lineItem.discountedTotalSet can
  // optionally include code based discounts", 2024-04); including them is not simulated.
  "LineItem.discountedTotalSet": { withCodeDiscounts: [false] },
  "LineItem.taxLines": { first: true },
  "Refund.refundLineItems": PAGE,
  "Refund.refundShippingLines": PAGE,
  "OrderAgreement.sales": PAGE,
  "OrderEditAgreement.sales": PAGE,
  "RefundAgreement.sales": PAGE,
  "ReturnAgreement.sales": PAGE,
  "Return.refunds": PAGE,
  "Customer.orders": { ...PAGE, query: true, sortKey: Object.keys(ORDER_SORT) },
  "Product.variants": { ...PAGE, sortKey: ["POSITION", "ID"] },
};

/**
 * Unreachable by construction: every document is checked against the surface before
 * it executes, and the surface is the resolver table. Kept loud in case a resolver
 * hands graphql-js a source whose type the check did not foresee.
 */
function surfaceInvariantBroken(typeName: string, fieldName: string): GraphQLError {
  return new GraphQLError(
    `Internal error: the Shopify simulator reached '${typeName}.${fieldName}', which its surface check should have refused.`,
    { extensions: { code: "INTERNAL_SERVER_ERROR" } },
  );
}

export const fieldResolver: GraphQLFieldResolver<unknown, RequestContext> = (source, args, ctx, info) => {
  const typeName = info.parentType.name;
  const fn = resolvers[typeName]?.[info.fieldName];
  if (fn) return fn(source, args, ctx, info);
  // Connections and edges come from paginate() as plain objects (surface.ts lets only their generic fields through).
  if ((isConnectionObject(info.parentType) || isEdgeObject(info.parentType)) && source && typeof source === "object")
    return (source as Record<string, unknown>)[info.fieldName];
  throw surfaceInvariantBroken(typeName, info.fieldName);
};

export const typeResolver: GraphQLTypeResolver<unknown, RequestContext> = (value) =>
  value && typeof value === "object" && "__typename" in value && typeof value.__typename === "string"
    ? value.__typename
    : undefined;
