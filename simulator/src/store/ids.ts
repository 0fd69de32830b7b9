// Shopify ids are positive integers (legacyResourceId) and the GraphQL id is a
// gid: gid://shopify/{Type}/{id}. Each shop gets its own id ranges so two shops
// hosted by one simulator never share an id, and a shop's ids depend only on
// its own history (deterministic per seed).

export type ResourceType =
  | "Customer"
  | "Product"
  | "ProductVariant"
  | "Order"
  | "LineItem"
  | "ShippingLine"
  | "Refund"
  | "RefundLineItem"
  | "RefundShippingLine"
  | "OrderEdit"
  | "OrderEditChange"
  | "Return"
  | "Duty"
  | "AdditionalFee"
  | "BulkOperation"
  | "Shop";

const TYPE_BASE: Record<ResourceType, number> = {
  Shop: 60_000_000_000,
  Customer: 7_000_000_000_000,
  Product: 8_000_000_000_000,
  ProductVariant: 4_000_000_000_000,
  Order: 5_000_000_000_000,
  LineItem: 13_000_000_000_000,
  ShippingLine: 3_000_000_000_000,
  Refund: 900_000_000_000,
  RefundLineItem: 500_000_000_000,
  RefundShippingLine: 200_000_000_000,
  // Ledger sources (their agreement and sale ids derive from these, see ledgerId).
  OrderEdit: 20_000_000_000_000,
  OrderEditChange: 21_000_000_000_000,
  Return: 22_000_000_000_000,
  Duty: 23_000_000_000_000,
  AdditionalFee: 24_000_000_000_000,
  BulkOperation: 1_000_000_000,
};

/** Room per shop inside a type's range: 10^10 ids (1M orders have ~3M line items). */
const SHOP_STRIDE = 10_000_000_000;

export class IdAllocator {
  private readonly next = new Map<ResourceType, number>();
  constructor(private readonly shopOrdinal: number) {}

  allocate(type: ResourceType): number {
    const base =
      type === "BulkOperation" || type === "Shop"
        ? TYPE_BASE[type] + this.shopOrdinal * 1_000_000
        : TYPE_BASE[type] + this.shopOrdinal * SHOP_STRIDE;
    const n = (this.next.get(type) ?? 0) + 1;
    this.next.set(type, n);
    return base + n;
  }

  /** Fixtures bring their own ids; later allocations must not collide with them. */
  reserve(type: ResourceType, id: number): void {
    const base =
      type === "BulkOperation" || type === "Shop"
        ? TYPE_BASE[type] + this.shopOrdinal * 1_000_000
        : TYPE_BASE[type] + this.shopOrdinal * SHOP_STRIDE;
    const n = id - base;
    if (n > (this.next.get(type) ?? 0)) this.next.set(type, n);
  }
}

/**
 * Ids of derived ledger records (sales, agreements): slot × 10^14 + the source
 * record's id. One slot per source type, and every source id (generated, < 3·10^13,
 * or a fixture's own) is below 10^14, so sale ids of different types never collide
 * and the same source always gives the same id (stable across reads and changes).
 */
export function ledgerId(slot: number, sourceId: number): number {
  return slot * 100_000_000_000_000 + sourceId;
}

export function gid(type: ResourceType | string, id: number): string {
  return `gid://shopify/${type}/${id}`;
}

export interface ParsedGid {
  type: string;
  id: number;
}

export function parseGid(value: string): ParsedGid | undefined {
  const m = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/.exec(value);
  if (!m) return undefined;
  const id = Number(m[2]);
  if (!Number.isSafeInteger(id)) return undefined;
  return { type: m[1]!, id };
}
