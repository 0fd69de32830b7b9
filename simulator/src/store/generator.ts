// Deterministic generator of a realistic store. Given the same options it yields
// the same records. Orders are produced day by day in chronological order and
// yielded one at a time, so a consumer can stream a 1M-order store to disk;
// only products and customers (far fewer) are held while generating.
//
// Realism knobs (all drawn from the seeded Random):
// - seasonality: monthly factors with a Nov/Dec peak, weekday factors, growth trend,
//   hour-of-day distribution in the shop's time zone (DST handled by luxon)
// - customers: ~12% guest checkouts, ~40% of customers are repeat buyers
// - discounts: line-level automatic percentage discounts and order-level codes,
//   each recorded as a discount allocation on the line (totalDiscount is their
//   sum); gift-card line items are never discounted or taxed
// - refunds on later dates (partial, some with shipping), cancellations (most
//   refunded), test orders, multi-currency presentment, imported orders whose
//   processedAt precedes createdAt.
import { DateTime } from "luxon";
import { addLedgerCases, anyLedgerCase, resolveLedgerCases, type LedgerCases } from "./generator-ledger.js";
import { allocateCents, fromCents, mulScaled, percentOf, rateToScaled, toCents } from "./cents.js";
import { Decimal, fmt, type MoneyPair } from "./money.js";
import type { IdAllocator } from "./ids.js";
import { Random } from "./random.js";
import { isoSeconds } from "./shop-store.js";
import type {
  Customer,
  DiscountApplication,
  LineItem,
  Order,
  Product,
  ProductVariant,
  Refund,
  ShippingLine,
} from "./types.js";

export type StoreSize = "small" | "medium" | "large";

export interface SizeSpec {
  orders: number;
  customers: number;
  products: number;
  /** Days of history before the anchor. */
  days: number;
}

export const SIZES: Record<StoreSize, SizeSpec> = {
  small: { orders: 1_500, customers: 600, products: 40, days: 540 },
  medium: { orders: 20_000, customers: 6_500, products: 200, days: 730 },
  large: { orders: 1_000_000, customers: 250_000, products: 1_000, days: 1_095 },
};

export interface GeneratorOptions {
  seed: number;
  size: StoreSize | SizeSpec;
  /** Generated history ends here (epoch ms). Default: start of the current UTC day. */
  anchor?: number;
  ianaTimezone: string;
  currencyCode: string;
  ids: IdAllocator;
  /** First order number (name "#1001"). */
  firstOrderNumber?: number;
  /**
   * Later events the sales ledger books on their own dates (generator-ledger.ts):
   * `true` for all of edits, returns, tips, duties and additional fees, or a subset.
   * Default none: the store is then exactly what this generator always produced.
   */
  ledgerCases?: boolean | Partial<LedgerCases>;
}

export type GeneratedRecord =
  { kind: "product"; product: Product } | { kind: "order"; order: Order } | { kind: "customer"; customer: Customer };

const FIRST_NAMES = [
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Ava",
  "Elijah",
  "Sophia",
  "James",
  "Isabella",
  "Lucas",
  "Mia",
  "Mateo",
  "Amelia",
  "Aiden",
  "Harper",
  "Yuki",
  "Chloé",
  "Søren",
  "Priya",
  "Kwame",
  "Fatima",
  "Diego",
  "Zoë",
  "Mohammed",
  "Hana",
  "Oskar",
];
const LAST_NAMES = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Miller",
  "Davis",
  "Rodriguez",
  "Martinez",
  "Nguyen",
  "Kim",
  "Müller",
  "O'Brien",
  "Rossi",
  "Dubois",
  "Tanaka",
  "Okafor",
  "Patel",
  "Silva",
  "Kowalski",
  "Andersen",
];
const ADJECTIVES = [
  "Classic",
  "Organic",
  "Vintage",
  "Everyday",
  "Premium",
  "Lightweight",
  "Handmade",
  "Recycled",
  "Cozy",
  "Urban",
  "Coastal",
  "Alpine",
  "Minimal",
  "Bold",
];
const NOUNS = [
  "Tee",
  "Hoodie",
  "Mug",
  "Tote Bag",
  "Candle",
  "Notebook",
  "Water Bottle",
  "Beanie",
  "Sneakers",
  "Backpack",
  "Scarf",
  "Socks",
  "Cap",
  "Poster",
  "Blanket",
  "Jacket",
];
const VENDORS = ["Northwind", "Acme Goods", "Maple & Co", "Bluebird Studio", "Fjord Supply"];
const SIZE_OPTIONS = ["S", "M", "L", "XL"];
const COLOR_OPTIONS = ["Black", "White", "Navy", "Sage", "Rust"];
const TAGS = ["vip", "newsletter", "wholesale", "returning", "local"];

/** Presentment currencies other than the shop's and their rough rates per USD. */
const FOREIGN_CURRENCIES: Array<{ code: string; rate: number }> = [
  { code: "EUR", rate: 0.92 },
  { code: "GBP", rate: 0.79 },
  { code: "CAD", rate: 1.36 },
  { code: "AUD", rate: 1.52 },
];
/** Jan..Dec demand multipliers. */
const MONTH_FACTOR = [0.75, 0.7, 0.85, 0.9, 1.0, 0.95, 0.9, 0.95, 1.0, 1.1, 1.7, 1.9];
/** Mon..Sun. */
const WEEKDAY_FACTOR = [0.95, 0.95, 1.0, 1.0, 1.05, 1.15, 1.1];
/** Hour-of-day weights, shop local time. */
const HOUR_WEIGHT = [
  1, 0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 1.4, 2, 2.6, 3, 3.2, 3.4, 3.3, 3.1, 3, 3, 3.2, 3.6, 4, 4.2, 3.8, 2.8, 1.8,
];

export function resolveSize(size: StoreSize | SizeSpec): SizeSpec {
  return typeof size === "string" ? SIZES[size] : size;
}

export function defaultAnchor(now = Date.now()): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function emailFor(first: string, last: string, n: number): string {
  return `${slug(first)}.${slug(last)}${n}@example.com`;
}

export function* generateStore(opts: GeneratorOptions): Generator<GeneratedRecord> {
  const spec = resolveSize(opts.size);
  const anchor = opts.anchor ?? defaultAnchor();
  const rnd = new Random(opts.seed);
  const productRnd = rnd.fork(1);
  const orderRnd = rnd.fork(2);
  // Its own stream: turning ledger cases on must not move any other draw.
  const ledgerRnd = rnd.fork(3);
  const ledgerCases = resolveLedgerCases(opts.ledgerCases);
  const withLedgerCases = anyLedgerCase(ledgerCases);
  const seen = { duty: false, fee: false };
  const zone = opts.ianaTimezone;
  const start = anchor - spec.days * 86_400_000;

  // ---- products: created before the first order ----
  const products: Product[] = [];
  const sellable: Array<{ product: Product; variant: ProductVariant }> = [];
  const giftCards: Array<{ product: Product; variant: ProductVariant }> = [];
  const usedHandles = new Set<string>();
  for (let i = 0; i < spec.products; i++) {
    const isGiftCard = i === 0;
    const title = isGiftCard ? "Gift Card" : `${productRnd.pick(ADJECTIVES)} ${productRnd.pick(NOUNS)}`;
    let handle = slug(title);
    for (let n = 2; usedHandles.has(handle); n++) handle = `${slug(title)}-${n}`;
    usedHandles.add(handle);
    const createdMs = start - productRnd.int(1, 120) * 86_400_000 + productRnd.int(0, 86_399) * 1000;
    const createdAt = isoSeconds(createdMs);
    const updatedAt = isoSeconds(createdMs + productRnd.int(0, 30) * 86_400_000);
    const id = opts.ids.allocate("Product");
    const status = isGiftCard
      ? "ACTIVE"
      : productRnd.chance(0.05)
        ? "ARCHIVED"
        : productRnd.chance(0.04)
          ? "DRAFT"
          : "ACTIVE";
    const variants: ProductVariant[] = [];
    const options = isGiftCard
      ? ["$25", "$50", "$100"]
      : productRnd.chance(0.5)
        ? SIZE_OPTIONS.slice(0, productRnd.int(1, 4))
        : productRnd.chance(0.5)
          ? COLOR_OPTIONS.slice(0, productRnd.int(2, 4))
          : ["Default Title"];
    const basePrice = productRnd.int(5, 180) + productRnd.pick([0, 0.5, 0.95, 0.99]);
    options.forEach((option, position) => {
      const price = isGiftCard ? option.slice(1) + ".00" : fmt(basePrice + (option === "XL" ? 5 : 0));
      variants.push({
        id: opts.ids.allocate("ProductVariant"),
        productId: id,
        title: option,
        sku: isGiftCard ? `GC-${option.slice(1)}` : `${handle.slice(0, 12).toUpperCase()}-${position + 1}`,
        price,
        position: position + 1,
        createdAt,
        updatedAt,
      });
    });
    const product: Product = {
      id,
      title,
      handle,
      status,
      vendor: isGiftCard ? "Storepulse Demo" : productRnd.pick(VENDORS),
      productType: isGiftCard ? "Gift Cards" : title.split(" ").slice(-1)[0]!,
      tags: productRnd.chance(0.3) ? [productRnd.pick(["summer", "bestseller", "new", "sale"])] : [],
      isGiftCard,
      createdAt,
      updatedAt,
      publishedAt: status === "ACTIVE" ? createdAt : null,
      variants,
    };
    products.push(product);
    for (const variant of variants)
      (isGiftCard ? giftCards : status === "DRAFT" ? [] : sellable).push({ product, variant });
    yield { kind: "product", product };
  }
  if (sellable.length === 0 && products.length > 1) throw new Error("generator produced no sellable products");

  // ---- daily order counts: seasonality × weekday × growth, exact total ----
  const dayWeights: number[] = [];
  for (let d = 0; d < spec.days; d++) {
    const day = DateTime.fromMillis(start + d * 86_400_000, { zone });
    const growth = 0.7 + 0.6 * (d / spec.days);
    const noise = 0.85 + 0.3 * orderRnd.next();
    dayWeights.push(MONTH_FACTOR[day.month - 1]! * WEEKDAY_FACTOR[day.weekday - 1]! * growth * noise);
  }
  const totalWeight = dayWeights.reduce((a, b) => a + b, 0);

  // ---- customers: created at their first order, yielded at the end with final updatedAt ----
  const customers: Customer[] = [];
  const repeaters: Customer[] = [];
  // Probability that a non-guest order opens a new customer, so that the count lands near spec.customers.
  const pNew = Math.min(1, spec.customers / Math.max(1, spec.orders * 0.88));
  let orderNumber = opts.firstOrderNumber ?? 1001;
  let cumulative = 0;
  let emitted = 0;
  for (let d = 0; d < spec.days; d++) {
    cumulative += dayWeights[d]!;
    const target = d === spec.days - 1 ? spec.orders : Math.round((spec.orders * cumulative) / totalWeight);
    const count = target - emitted;
    emitted = target;
    const dayStart = DateTime.fromMillis(start + d * 86_400_000, { zone }).startOf("day");
    // Luxon per order is slow; only days with a DST switch need it, the rest are plain offsets.
    const dstDay = dayStart.offset !== dayStart.endOf("day").offset;
    const dayStartMs = dayStart.toMillis();
    const times: number[] = [];
    for (let k = 0; k < count; k++) {
      const hour = orderRnd.weighted(HOUR_WEIGHT);
      const minute = orderRnd.int(0, 59);
      const second = orderRnd.int(0, 59);
      // Around a DST switch a local hour can be skipped; luxon shifts it forward, which is what Shopify stores.
      const ms = dstDay
        ? dayStart.set({ hour, minute, second }).toMillis()
        : dayStartMs + (hour * 3600 + minute * 60 + second) * 1000;
      times.push(Math.min(ms, anchor - 1000));
    }
    times.sort((a, b) => a - b);
    for (const at of times) {
      let customer: Customer | null = null;
      if (!orderRnd.chance(0.12)) {
        if (repeaters.length === 0 || orderRnd.chance(pNew)) {
          const first = orderRnd.pick(FIRST_NAMES);
          const last = orderRnd.pick(LAST_NAMES);
          const createdAt = isoSeconds(at - orderRnd.int(30, 900) * 1000);
          customer = {
            id: opts.ids.allocate("Customer"),
            firstName: first,
            lastName: last,
            email: emailFor(first, last, customers.length + 1),
            phone: orderRnd.chance(0.3) ? `+1555${String(orderRnd.int(1000000, 9999999))}` : null,
            state: orderRnd.chance(0.35) ? "ENABLED" : orderRnd.chance(0.05) ? "INVITED" : "DISABLED",
            tags: orderRnd.chance(0.2) ? [orderRnd.pick(TAGS)] : [],
            verifiedEmail: orderRnd.chance(0.9),
            createdAt,
            updatedAt: createdAt,
          };
          customers.push(customer);
          if (orderRnd.chance(0.4)) repeaters.push(customer);
        } else {
          customer = orderRnd.pick(repeaters);
        }
      }
      const order = buildOrder(orderRnd, {
        opts,
        at,
        anchor,
        number: orderNumber++,
        customer,
        sellable,
        giftCards,
      });
      if (withLedgerCases)
        addLedgerCases(ledgerRnd, order, ledgerCases, { ids: opts.ids, anchor, zone, sellable, seen });
      if (customer && order.updatedAt > customer.updatedAt) customer.updatedAt = order.updatedAt;
      yield { kind: "order", order };
    }
  }
  for (const customer of customers) yield { kind: "customer", customer };
}

interface OrderContext {
  opts: GeneratorOptions;
  at: number;
  anchor: number;
  number: number;
  customer: Customer | null;
  sellable: Array<{ product: Product; variant: ProductVariant }>;
  giftCards: Array<{ product: Product; variant: ProductVariant }>;
}

function buildOrder(rnd: Random, ctx: OrderContext): Order {
  const { opts, at, anchor } = ctx;
  const ids = opts.ids;
  const foreign = rnd.chance(0.15) ? rnd.pick(FOREIGN_CURRENCIES) : undefined;
  const presentmentCurrencyCode = foreign?.code ?? opts.currencyCode;
  // Presentment units per shop unit, 4 decimals (the float only picks the rate; money stays integer).
  const rate = foreign ? Math.round(foreign.rate * 10_000 * (0.98 + 0.04 * rnd.next())) : 10_000;
  const pair = (shopCents: number, presentmentCents: number): MoneyPair => ({
    shop: fromCents(shopCents),
    presentment: fromCents(presentmentCents),
  });
  const taxRate = rnd.pick(["0.0000", "0.0600", "0.0725", "0.0800", "0.0875", "0.1000"]);
  const taxScaled = rateToScaled(taxRate);

  // ---- line items (amounts kept in integer cents per currency until the end) ----
  interface Draft {
    line: LineItem;
    unit: [number, number];
    discount: [number, number];
    /** [applicationIndex, shop cents, presentment cents] per discount on the line. */
    allocations: Array<[number, number, number]>;
  }
  const lineCount = 1 + rnd.weighted([50, 28, 12, 6, 4]);
  const picked = new Set<number>();
  const drafts: Draft[] = [];
  const discountApplications: DiscountApplication[] = [];
  for (let i = 0; i < lineCount; i++) {
    const useGiftCard = i === lineCount - 1 && ctx.giftCards.length > 0 && rnd.chance(0.03);
    const pool = useGiftCard ? ctx.giftCards : ctx.sellable;
    if (pool.length === 0) continue;
    const { product, variant } = rnd.pick(pool);
    if (picked.has(variant.id)) continue;
    picked.add(variant.id);
    const quantity = useGiftCard ? 1 : 1 + rnd.weighted([70, 20, 7, 3]);
    const unitShop = toCents(variant.price);
    const unit: [number, number] = [unitShop, mulScaled(unitShop, rate)];
    let discount: [number, number] = [0, 0];
    const allocations: Draft["allocations"] = [];
    if (!useGiftCard && rnd.chance(0.08)) {
      const pct = rnd.pick([10, 15, 20, 25]);
      discount = [percentOf(unit[0] * quantity, pct), percentOf(unit[1] * quantity, pct)];
      allocations.push([discountApplications.length, discount[0], discount[1]]);
      // An automatic "x% off product" discount: line-level (targetSelection ENTITLED).
      discountApplications.push({
        level: "line",
        kind: "automatic",
        code: null,
        title: `${pct}% off ${product.title}`,
        valueType: "percentage",
        value: `${pct}.0`,
      });
    }
    drafts.push({
      unit,
      discount,
      allocations,
      line: {
        id: ids.allocate("LineItem"),
        productId: product.id,
        variantId: variant.id,
        title: product.title,
        variantTitle: variant.title === "Default Title" ? null : variant.title,
        sku: variant.sku,
        vendor: product.vendor,
        quantity,
        isGiftCard: useGiftCard,
        requiresShipping: !useGiftCard,
        taxable: !useGiftCard,
        originalUnitPrice: pair(unit[0], unit[1]),
        totalDiscount: pair(0, 0),
        discountAllocations: [],
        tax: pair(0, 0),
        taxRate: useGiftCard ? "0.0000" : taxRate,
      },
    });
  }

  // ---- order-level discount code, allocated over discountable lines ----
  const discountable = drafts.filter((d) => !d.line.isGiftCard);
  if (discountable.length > 0 && rnd.chance(0.15)) {
    const remaining = (d: Draft, side: 0 | 1) => d.unit[side] * d.line.quantity - d.discount[side];
    const fixed = rnd.chance(0.4);
    const value = fixed ? rnd.pick([5, 10]) : rnd.pick([10, 15, 20]);
    const index = discountApplications.length;
    const parts: Array<[number, number]> = discountable.map(() => [0, 0]);
    for (const side of [0, 1] as const) {
      const weights = discountable.map((d) => remaining(d, side));
      const base = weights.reduce((a, b) => a + b, 0);
      const amount = fixed
        ? Math.min(base, side === 0 ? value * 100 : mulScaled(value * 100, rate))
        : percentOf(base, value);
      allocateCents(amount, weights).forEach((part, k) => {
        parts[k]![side] = part;
      });
    }
    // Applied after both sides are split: the presentment split weighs lines net of line-level discounts only.
    discountable.forEach((d, k) => {
      d.discount[0] += parts[k]![0];
      d.discount[1] += parts[k]![1];
      if (parts[k]![0] !== 0 || parts[k]![1] !== 0) d.allocations.push([index, parts[k]![0], parts[k]![1]]);
    });
    const code = fixed ? `SAVE${value}` : `WELCOME${value}`;
    discountApplications.push({
      level: "order",
      code,
      title: code,
      valueType: fixed ? "fixed_amount" : "percentage",
      value: `${value}.0`,
    });
  }
  for (const d of drafts) {
    const r = d.line.isGiftCard ? 0 : taxScaled;
    d.line.totalDiscount = pair(d.discount[0], d.discount[1]);
    d.line.discountAllocations = d.allocations.map(([applicationIndex, shop, presentment]) => ({
      applicationIndex,
      amount: pair(shop, presentment),
    }));
    d.line.tax = pair(
      mulScaled(d.unit[0] * d.line.quantity - d.discount[0], r),
      mulScaled(d.unit[1] * d.line.quantity - d.discount[1], r),
    );
  }
  const lines = drafts.map((d) => d.line);

  // ---- shipping ----
  const shippingLines: ShippingLine[] = [];
  if (lines.some((l) => l.requiresShipping)) {
    const price = rnd.pick(["0.00", "4.99", "9.99", "9.99", "14.99"]);
    const shop = toCents(price);
    const presentment = mulScaled(shop, rate);
    shippingLines.push({
      id: ids.allocate("ShippingLine"),
      title: price === "0.00" ? "Free Shipping" : price === "14.99" ? "Express" : "Standard",
      code: price === "14.99" ? "EXPRESS" : "STANDARD",
      price: pair(shop, presentment),
      tax: pair(mulScaled(shop, taxScaled), mulScaled(presentment, taxScaled)),
    });
  }

  // ---- timestamps: imported orders have processedAt before createdAt ----
  const imported = rnd.chance(0.02);
  const createdAt = isoSeconds(at);
  const processedAt = imported ? isoSeconds(at - rnd.int(1, 400) * 86_400_000) : createdAt;
  let latest = at + rnd.int(60, 3 * 86_400) * 1000; // fulfillment and notes touch the order after checkout
  const test = rnd.chance(0.005);

  // ---- cancellation or later refunds ----
  const refunds: Refund[] = [];
  let cancelledAt: string | null = null;
  let cancelReason: Order["cancelReason"] = null;
  const orderId = ids.allocate("Order");
  if (rnd.chance(0.03)) {
    const cancelMs = at + rnd.int(600, 48 * 3600) * 1000;
    if (cancelMs < anchor) {
      cancelledAt = isoSeconds(cancelMs);
      cancelReason = rnd.pick(["CUSTOMER", "CUSTOMER", "INVENTORY", "FRAUD", "DECLINED"] as const);
      latest = Math.max(latest, cancelMs);
      if (rnd.chance(0.7)) {
        refunds.push(fullRefund(ids, orderId, lines, shippingLines, cancelledAt));
      }
    }
  } else if (rnd.chance(0.07)) {
    const refundMs = at + rnd.int(1, 60) * 86_400_000 + rnd.int(0, 86_399) * 1000;
    const refundable = lines.filter((l) => !l.isGiftCard);
    if (refundMs < anchor && refundable.length > 0) {
      const line = rnd.pick(refundable);
      const qty = rnd.int(1, line.quantity);
      const refundAt = isoSeconds(refundMs);
      const withShipping = shippingLines.length > 0 && Number(shippingLines[0]!.price.shop) > 0 && rnd.chance(0.3);
      refunds.push({
        id: ids.allocate("Refund"),
        orderId,
        note: rnd.pick([null, "Damaged in transit", "Wrong size", "Customer changed mind"]),
        createdAt: refundAt,
        processedAt: refundAt,
        updatedAt: refundAt,
        refundLineItems: [refundLine(ids, line, qty, "RETURN")],
        refundShippingLines: withShipping
          ? [
              {
                id: ids.allocate("RefundShippingLine"),
                shippingLineId: shippingLines[0]!.id,
                subtotal: shippingLines[0]!.price,
                tax: shippingLines[0]!.tax,
              },
            ]
          : [],
      });
      latest = Math.max(latest, refundMs);
    }
  }
  const customer = ctx.customer;
  return {
    id: orderId,
    number: ctx.number,
    name: `#${ctx.number}`,
    email: customer?.email ?? (rnd.chance(0.9) ? `guest${ctx.number}@example.net` : null),
    customerId: customer?.id ?? null,
    createdAt,
    processedAt,
    updatedAt: isoSeconds(Math.min(latest, anchor - 1000)),
    cancelledAt,
    cancelReason,
    closedAt: null,
    test,
    sourceName: rnd.chance(0.05) ? "pos" : rnd.chance(0.02) ? "shopify_draft_order" : "web",
    currencyCode: opts.currencyCode,
    presentmentCurrencyCode,
    exchangeRate: (rate / 10_000).toFixed(4),
    tags: [],
    discountApplications,
    lineItems: lines,
    shippingLines,
    refunds,
  };
}

/** Refund `quantity` units of `line`: its discounted unit price and proportional tax. */
export function refundLine(
  ids: IdAllocator,
  line: LineItem,
  quantity: number,
  restockType: "NO_RESTOCK" | "CANCEL" | "RETURN",
): Refund["refundLineItems"][number] {
  const share = (amount: string) => new Decimal(amount).times(quantity).div(line.quantity);
  const subtotal = {
    shop: fmt(
      share(new Decimal(line.originalUnitPrice.shop).times(line.quantity).minus(line.totalDiscount.shop).toString()),
    ),
    presentment: fmt(
      share(
        new Decimal(line.originalUnitPrice.presentment)
          .times(line.quantity)
          .minus(line.totalDiscount.presentment)
          .toString(),
      ),
    ),
  };
  return {
    id: ids.allocate("RefundLineItem"),
    lineItemId: line.id,
    quantity,
    restockType,
    subtotal,
    totalTax: { shop: fmt(share(line.tax.shop)), presentment: fmt(share(line.tax.presentment)) },
  };
}

export function fullRefund(
  ids: IdAllocator,
  orderId: number,
  lines: LineItem[],
  shippingLines: ShippingLine[],
  at: string,
): Refund {
  return {
    id: ids.allocate("Refund"),
    orderId,
    note: "Order canceled",
    createdAt: at,
    processedAt: at,
    updatedAt: at,
    refundLineItems: lines.map((l) => refundLine(ids, l, l.quantity, "CANCEL")),
    refundShippingLines: shippingLines
      .filter((s) => Number(s.price.shop) > 0)
      .map((s) => ({ id: ids.allocate("RefundShippingLine"), shippingLineId: s.id, subtotal: s.price, tax: s.tax })),
  };
}
