// One shop's in-memory data with the indices the Admin API needs. Records are
// treated as immutable values: every change replaces the record (so caches keyed
// by identity stay right) and bumps `updatedAt` and the store's version.
import { EventEmitter } from "node:events";
import type { ShopInfo } from "../contracts.js";
import { IdAllocator } from "./ids.js";
import type { Customer, Order, Product, ShopData } from "./types.js";

export type ResourceKind = "customers" | "orders" | "products";
type RecordOf<K extends ResourceKind> = K extends "customers" ? Customer : K extends "orders" ? Order : Product;

export interface ShopProfile extends ShopInfo {
  id: number;
  email: string;
  createdAt: string;
  updatedAt: string;
}

/** Something changed; `topics` are the Shopify webhook topics this change fires. */
export interface StoreChange {
  shop: string;
  topics: string[];
  /** Resource after the change (or before, for deletes). */
  record: unknown;
  /** Extra data a topic's payload needs (e.g. the refund for refunds/create). */
  extra?: unknown;
  at: string;
}

export type Clock = () => number;

interface SortedView {
  kind: ResourceKind;
  compare: (a: { id: number }, b: { id: number }) => number;
  records: Array<{ id: number }>;
}

export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

class Collection<T extends { id: number }> {
  readonly byId = new Map<number, T>();
  /** Ascending ids. */
  ids: number[] = [];
  private sorted = false;

  put(record: T): void {
    const existed = this.byId.has(record.id);
    this.byId.set(record.id, record);
    if (!existed) {
      const last = this.ids[this.ids.length - 1];
      if (last !== undefined && record.id < last) this.sorted = false;
      this.ids.push(record.id);
    }
  }

  delete(id: number): T | undefined {
    const record = this.byId.get(id);
    if (!record) return undefined;
    this.byId.delete(id);
    this.ensureSorted();
    const at = binarySearch(this.ids, id);
    if (at >= 0) this.ids.splice(at, 1);
    return record;
  }

  ensureSorted(): void {
    if (!this.sorted) {
      this.ids.sort((a, b) => a - b);
      this.sorted = true;
    }
  }

  /** Records in ascending id order. */
  list(): T[] {
    this.ensureSorted();
    return this.ids.map((id) => this.byId.get(id)!);
  }

  get size(): number {
    return this.byId.size;
  }
}

function binarySearch(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export class ShopStore {
  readonly ids: IdAllocator;
  readonly events = new EventEmitter();
  private readonly customers = new Collection<Customer>();
  private readonly products = new Collection<Product>();
  private readonly orders = new Collection<Order>();
  private readonly ordersByCustomer = new Map<number, Set<number>>();
  private readonly variantToProduct = new Map<number, number>();
  private nextOrderNumber = 1001;
  /** Bumped on every change. */
  version = 0;
  /**
   * Records sorted per (kind, sort key), built on first use and then kept sorted
   * record by record as changes come in: re-sorting a million orders after every
   * webhook-worthy change would take seconds.
   */
  private readonly views = new Map<string, SortedView>();

  constructor(
    public profile: ShopProfile,
    readonly ordinal: number,
    readonly clock: Clock = Date.now,
  ) {
    this.ids = new IdAllocator(ordinal);
  }

  get domain(): string {
    return this.profile.domain;
  }

  /** An `updatedAt` that is now, but strictly after `previous` so every change is visible. */
  bumpedTimestamp(previous?: string): string {
    let ms = this.clock();
    if (previous) {
      const prev = Date.parse(previous);
      if (ms < prev + 1000) ms = prev + 1000;
    }
    return isoSeconds(ms);
  }

  nowIso(): string {
    return isoSeconds(this.clock());
  }

  emit(change: Omit<StoreChange, "shop" | "at">): void {
    this.events.emit("change", { ...change, shop: this.domain, at: new Date(this.clock()).toISOString() });
  }

  // ---- reads ----
  customer(id: number): Customer | undefined {
    return this.customers.byId.get(id);
  }
  product(id: number): Product | undefined {
    return this.products.byId.get(id);
  }
  order(id: number): Order | undefined {
    return this.orders.byId.get(id);
  }
  variant(id: number) {
    const productId = this.variantToProduct.get(id);
    if (productId === undefined) return undefined;
    return this.products.byId.get(productId)?.variants.find((v) => v.id === id);
  }
  ordersOfCustomer(customerId: number): Order[] {
    const ids = [...(this.ordersByCustomer.get(customerId) ?? [])].sort((a, b) => a - b);
    return ids.map((id) => this.orders.byId.get(id)!).filter(Boolean);
  }
  count(kind: ResourceKind): number {
    return this.collection(kind).size;
  }
  list<K extends ResourceKind>(kind: K): RecordOf<K>[] {
    return this.collection(kind).list() as RecordOf<K>[];
  }

  /**
   * Records sorted by `sortValue` (ties by id); the same array is kept up to date on
   * changes. Each record's value is computed once for the initial sort: derived
   * values such as an order's total are too costly to recompute per comparison.
   */
  sortedView<K extends ResourceKind>(
    kind: K,
    key: string,
    sortValue: (r: RecordOf<K>) => string | number,
  ): RecordOf<K>[] {
    const cacheKey = `${kind}:${key}`;
    const hit = this.views.get(cacheKey);
    if (hit) return hit.records as RecordOf<K>[];
    const order = (va: string | number, vb: string | number) => (va < vb ? -1 : va > vb ? 1 : 0);
    const full = (a: { id: number }, b: { id: number }) =>
      order(sortValue(a as RecordOf<K>), sortValue(b as RecordOf<K>)) || a.id - b.id;
    let records = this.list(kind);
    if (key !== "ID") {
      const keyed = records.map((r) => ({ v: sortValue(r), r }));
      keyed.sort((a, b) => order(a.v, b.v) || a.r.id - b.r.id);
      records = keyed.map((k) => k.r);
    }
    this.views.set(cacheKey, { kind, compare: full, records });
    return records;
  }

  /** Keep every sorted view of `kind` in order after `previous` became `next`. */
  private updateViews(
    kind: ResourceKind,
    previous: { id: number } | undefined,
    next: { id: number } | undefined,
  ): void {
    for (const view of this.views.values()) {
      if (view.kind !== kind) continue;
      if (previous) {
        const at = view.records.indexOf(previous);
        if (at >= 0) view.records.splice(at, 1);
      }
      if (next) {
        let lo = 0;
        let hi = view.records.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (view.compare(view.records[mid]!, next) < 0) lo = mid + 1;
          else hi = mid;
        }
        view.records.splice(lo, 0, next);
      }
    }
  }

  private collection(kind: ResourceKind): Collection<Customer | Order | Product> {
    return (kind === "customers" ? this.customers : kind === "orders" ? this.orders : this.products) as Collection<
      Customer | Order | Product
    >;
  }

  // ---- writes (no events; callers in shop-mutations decide which topics fire) ----
  putCustomer(customer: Customer): void {
    this.updateViews("customers", this.customers.byId.get(customer.id), customer);
    this.customers.put(customer);
    this.ids.reserve("Customer", customer.id);
    this.version++;
  }

  putProduct(product: Product): void {
    const previous = this.products.byId.get(product.id);
    for (const v of previous?.variants ?? []) this.variantToProduct.delete(v.id);
    this.updateViews("products", previous, product);
    this.products.put(product);
    this.ids.reserve("Product", product.id);
    for (const v of product.variants) {
      this.variantToProduct.set(v.id, product.id);
      this.ids.reserve("ProductVariant", v.id);
    }
    this.version++;
  }

  putOrder(order: Order): void {
    const previous = this.orders.byId.get(order.id);
    if (previous?.customerId != null) this.ordersByCustomer.get(previous.customerId)?.delete(order.id);
    this.updateViews("orders", previous, order);
    this.orders.put(order);
    if (order.customerId != null) {
      let set = this.ordersByCustomer.get(order.customerId);
      if (!set) this.ordersByCustomer.set(order.customerId, (set = new Set()));
      set.add(order.id);
    }
    this.ids.reserve("Order", order.id);
    for (const l of order.lineItems) this.ids.reserve("LineItem", l.id);
    for (const s of order.shippingLines) this.ids.reserve("ShippingLine", s.id);
    for (const r of order.refunds) {
      this.ids.reserve("Refund", r.id);
      for (const rl of r.refundLineItems) this.ids.reserve("RefundLineItem", rl.id);
      for (const rs of r.refundShippingLines) this.ids.reserve("RefundShippingLine", rs.id);
    }
    for (const e of order.edits ?? []) {
      this.ids.reserve("OrderEdit", e.id);
      for (const ch of e.changes) this.ids.reserve("OrderEditChange", ch.id);
    }
    for (const r of order.returns ?? []) this.ids.reserve("Return", r.id);
    for (const d of order.duties ?? []) this.ids.reserve("Duty", d.id);
    for (const f of order.additionalFees ?? []) this.ids.reserve("AdditionalFee", f.id);
    if (order.tip) this.ids.reserve("LineItem", order.tip.lineItemId);
    if (order.number >= this.nextOrderNumber) this.nextOrderNumber = order.number + 1;
    this.version++;
  }

  takeOrderNumber(): number {
    return this.nextOrderNumber++;
  }

  deleteCustomer(id: number): Customer | undefined {
    const c = this.customers.delete(id);
    if (c) {
      this.updateViews("customers", c, undefined);
      this.version++;
    }
    return c;
  }

  deleteProduct(id: number): Product | undefined {
    const p = this.products.delete(id);
    if (p) {
      this.updateViews("products", p, undefined);
      for (const v of p.variants) this.variantToProduct.delete(v.id);
      this.version++;
    }
    return p;
  }

  deleteOrder(id: number): Order | undefined {
    const o = this.orders.delete(id);
    if (o) {
      this.updateViews("orders", o, undefined);
      if (o.customerId != null) this.ordersByCustomer.get(o.customerId)?.delete(id);
      this.version++;
    }
    return o;
  }

  snapshot(): ShopData {
    return {
      shop: { ...this.profile },
      customers: this.list("customers"),
      products: this.list("products"),
      orders: this.list("orders"),
    };
  }
}
