// Later events in an order's life that Shopify's sales ledger records on their own
// dates (store/ledger.ts): order edits (items added later, quantities reduced),
// returns created before the refund that settles them, tips, duties and additional
// fees. Opt-in per kind (GeneratorOptions.ledgerCases) and drawn from their own
// seeded stream, so a store generated without them is exactly what it was before.
import { DateTime } from "luxon";
import { fromCents, mulScaled, percentOf, rateToScaled, toCents } from "./cents.js";
import type { IdAllocator } from "./ids.js";
import { currentQuantity } from "./ledger.js";
import type { MoneyPair } from "./money.js";
import type { Random } from "./random.js";
import { isoSeconds } from "./shop-store.js";
import type { LineItem, Order, OrderEditChange, Product, ProductVariant } from "./types.js";

export interface LedgerCases {
  /** Order edits: a line added days later, or a line's quantity reduced. */
  edits: boolean;
  /** Returns: a partial refund of goods settles a return created days before it. */
  returns: boolean;
  /** Tips on web orders. */
  tips: boolean;
  /** Import duties on orders presented in another currency. */
  duties: boolean;
  /** An additional (handling) fee on some orders. */
  additionalFees: boolean;
}

export const ALL_LEDGER_CASES: LedgerCases = {
  edits: true,
  returns: true,
  tips: true,
  duties: true,
  additionalFees: true,
};
export const NO_LEDGER_CASES: LedgerCases = {
  edits: false,
  returns: false,
  tips: false,
  duties: false,
  additionalFees: false,
};

export function resolveLedgerCases(option: boolean | Partial<LedgerCases> | undefined): LedgerCases {
  if (option === true) return ALL_LEDGER_CASES;
  if (!option) return NO_LEDGER_CASES;
  return { ...NO_LEDGER_CASES, ...option };
}

export function anyLedgerCase(cases: LedgerCases): boolean {
  return Object.values(cases).some(Boolean);
}

export interface LedgerCaseContext {
  ids: IdAllocator;
  anchor: number;
  zone: string;
  sellable: Array<{ product: Product; variant: ProductVariant }>;
  /** Whether a duty / additional fee was generated yet (the first eligible order gets one). */
  seen: { duty: boolean; fee: boolean };
}

/** Cents pair [shop, presentment] as a MoneyPair. */
const pair = (shop: number, presentment: number): MoneyPair => ({
  shop: fromCents(shop),
  presentment: fromCents(presentment),
});

/** The order's presentment rate ×10⁴ (as buildOrder chose it). */
const scaledRate = (order: Order) => rateToScaled(order.exchangeRate);

const isDstDay = (day: DateTime) => day.offset !== day.endOf("day").offset;

/**
 * An edit time on a day with a DST switch where the shop's local date and the UTC date
 * differ (local-date bucketing must use the zone): 23:30 on the order's own switch day
 * (zones behind UTC), or 00:30 on the switch day that follows the order's day (zones
 * ahead of UTC). Undefined when the order is not next to a switch.
 */
function dstEditTime(order: Order, zone: string): number | undefined {
  // Luxon per order is slow on large stores: only orders within a day or two of a DST
  // switch (checked once per zone and UTC day) need the exact answer.
  const ms = Date.parse(order.createdAt);
  const key = `${zone} ${Math.floor(ms / 86_400_000)}`;
  let near = nearSwitch.get(key);
  if (near === undefined) {
    const before = DateTime.fromMillis(ms - 2 * 86_400_000, { zone }).offset;
    const after = DateTime.fromMillis(ms + 3 * 86_400_000, { zone }).offset;
    near = before !== after;
    if (nearSwitch.size > 100_000) nearSwitch.clear();
    nearSwitch.set(key, near);
  }
  return near ? dstEditTimeUncached(order, zone) : undefined;
}
const nearSwitch = new Map<string, boolean>();

function dstEditTimeUncached(order: Order, zone: string): number | undefined {
  const placed = DateTime.fromISO(order.createdAt, { zone });
  const day = placed.startOf("day");
  if (isDstDay(day) && day.offset < 0) return day.set({ hour: 23, minute: 30 }).toMillis();
  const next = day.plus({ days: 1 });
  if (isDstDay(next) && next.offset > 0) return next.set({ hour: 0, minute: 30 }).toMillis();
  return undefined;
}

/** `minDays`..`maxDays` after the order, at a daytime hour of the shop's local day. */
function laterTime(rnd: Random, order: Order, zone: string, minDays: number, maxDays: number): number {
  const placed = DateTime.fromISO(order.createdAt, { zone });
  const local = placed.plus({ days: rnd.int(minDays, maxDays) }).set({ hour: rnd.int(8, 21), minute: rnd.int(0, 59) });
  return Math.max(local.toMillis(), Date.parse(order.createdAt) + 60_000);
}

/** Add the opted-in later events to a freshly generated order (in place, before it is yielded). */
export function addLedgerCases(rnd: Random, order: Order, cases: LedgerCases, ctx: LedgerCaseContext): void {
  if (order.cancelledAt) return; // a cancelled order is refunded in full at cancellation
  const rate = scaledRate(order);
  const taxRate = order.lineItems.find((l) => l.taxable)?.taxRate ?? "0.0000";
  const tax = rateToScaled(taxRate);
  const events: number[] = [];
  const dstAt = dstEditTime(order, ctx.zone);
  const onDstDay = dstAt !== undefined && dstAt > Date.parse(order.createdAt);

  // ---- tips: a percentage of the subtotal on some web orders ----
  if (cases.tips && order.sourceName === "web" && rnd.chance(onDstDay ? 0.5 : 0.06)) {
    const subtotal = order.lineItems.reduce(
      (n, l) => n + toCents(l.originalUnitPrice.shop) * l.quantity - toCents(l.totalDiscount.shop),
      0,
    );
    const shop = Math.max(100, percentOf(subtotal, rnd.pick([10, 15, 20])));
    order.tip = { lineItemId: ctx.ids.allocate("LineItem"), amount: pair(shop, mulScaled(shop, rate)) };
  }

  // ---- duties on cross-border orders (presented in another currency) ----
  const firstProduct = order.lineItems.find((l) => !l.isGiftCard);
  if (
    cases.duties &&
    firstProduct &&
    order.presentmentCurrencyCode !== order.currencyCode &&
    (!ctx.seen.duty || rnd.chance(0.1))
  ) {
    ctx.seen.duty = true;
    const base = toCents(firstProduct.originalUnitPrice.shop) * firstProduct.quantity;
    const shop = Math.max(1, percentOf(base, 5));
    order.duties = [
      {
        id: ctx.ids.allocate("Duty"),
        lineItemId: firstProduct.id,
        countryCodeOfOrigin: "CN",
        harmonizedSystemCode: "6109100010",
        price: pair(shop, mulScaled(shop, rate)),
      },
    ];
  }

  // ---- an additional handling fee ----
  if (cases.additionalFees && firstProduct && (!ctx.seen.fee || rnd.chance(0.01))) {
    ctx.seen.fee = true;
    order.additionalFees = [
      { id: ctx.ids.allocate("AdditionalFee"), name: "Handling fee", price: pair(200, mulScaled(200, rate)) },
    ];
  }

  // ---- order edits: an item added days later, or a quantity reduced ----
  if (cases.edits && rnd.chance(onDstDay ? 0.5 : 0.08)) {
    const at = onDstDay ? dstAt! : laterTime(rnd, order, ctx.zone, 1, 20);
    if (at < ctx.anchor) {
      const editId = ctx.ids.allocate("OrderEdit");
      const changes: OrderEditChange[] = [];
      const reducible = order.lineItems.filter((l) => !l.isGiftCard && currentQuantity(order, l) >= 2);
      if (reducible.length > 0 && rnd.chance(0.5)) {
        const line = rnd.pick(reducible);
        const remove = rnd.int(1, currentQuantity(order, line) - 1);
        // The removed units take their share of the line's discount and tax (like refundLine).
        const share = (cents: number) => -Math.floor((cents * remove * 2 + line.quantity) / (2 * line.quantity));
        changes.push({
          id: ctx.ids.allocate("OrderEditChange"),
          lineItemId: line.id,
          quantity: -remove,
          discount: pair(share(toCents(line.totalDiscount.shop)), share(toCents(line.totalDiscount.presentment))),
          tax: pair(share(toCents(line.tax.shop)), share(toCents(line.tax.presentment))),
        });
      } else {
        const taken = new Set(order.lineItems.map((l) => l.variantId));
        const choices = ctx.sellable.filter((s) => !taken.has(s.variant.id));
        if (choices.length > 0) {
          const { product, variant } = rnd.pick(choices);
          const quantity = rnd.int(1, 2);
          const unit: [number, number] = [toCents(variant.price), mulScaled(toCents(variant.price), rate)];
          const line: LineItem = {
            id: ctx.ids.allocate("LineItem"),
            productId: product.id,
            variantId: variant.id,
            title: product.title,
            variantTitle: variant.title === "Default Title" ? null : variant.title,
            sku: variant.sku,
            vendor: product.vendor,
            quantity,
            isGiftCard: false,
            requiresShipping: true,
            taxable: true,
            originalUnitPrice: pair(unit[0], unit[1]),
            totalDiscount: pair(0, 0),
            discountAllocations: [],
            tax: pair(mulScaled(unit[0] * quantity, tax), mulScaled(unit[1] * quantity, tax)),
            taxRate,
            addedByEditId: editId,
          };
          order.lineItems.push(line);
          changes.push({
            id: ctx.ids.allocate("OrderEditChange"),
            lineItemId: line.id,
            quantity,
            discount: pair(0, 0),
            tax: line.tax,
          });
        }
      }
      if (changes.length > 0) {
        order.edits = [{ id: editId, createdAt: isoSeconds(at), changes }];
        events.push(at);
      }
    }
  }

  // ---- returns: a refund of goods settles a return created a few days before it ----
  if (cases.returns) {
    for (const refund of order.refunds) {
      const returned = refund.refundLineItems.some((x) => x.restockType === "RETURN");
      if (!returned || !rnd.chance(0.6)) continue;
      const refundMs = Date.parse(refund.processedAt);
      const earliest = Date.parse(order.createdAt) + 3_600_000;
      const at = Math.max(earliest, refundMs - rnd.int(1, 6) * 86_400_000 - rnd.int(0, 86_399) * 1000);
      if (at >= refundMs) continue;
      const id = ctx.ids.allocate("Return");
      order.returns = [
        ...(order.returns ?? []),
        {
          id,
          name: `${order.name}-R${(order.returns?.length ?? 0) + 1}`,
          createdAt: isoSeconds(at),
          closedAt: refund.processedAt,
        },
      ];
      refund.returnId = id;
    }
  }

  const latest = Math.max(Date.parse(order.updatedAt), ...events);
  order.updatedAt = isoSeconds(Math.min(latest, ctx.anchor - 1000));
}
