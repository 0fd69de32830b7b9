// Small hand-made stores written straight into the database, for the insights tests.
// Amounts are strings (exact decimals); times are UTC instants. Every order also gets its
// sales ledger (`sale` rows) as Shopify would report it: an OrderAgreement at processedAt
// (product, gift card, shipping, tip, duty and fee sales), OrderEditAgreements at their
// own time (items added: ORDER sales; removed: RETURN sales) and a RefundAgreement per
// refund (RETURN sales, negative). Amounts are tax-exclusive: total_amount = price ×
// quantity − discount + tax.
import type { PrismaClient } from "@prisma/client";
import Decimal from "decimal.js";
import { uniqueShopDomain } from "./helpers/db";

export interface LineSpec {
  id: number;
  productId?: number | null;
  title?: string;
  quantity: number;
  price: string;
  /** Every discount allocated to the line, line- and order-level (before taxes). */
  discount?: string;
  tax?: string;
  giftCard?: boolean;
}
export interface RefundSpec {
  id: number;
  createdAt: string;
  shipping?: string;
  shippingTax?: string;
  /** An order price adjustment refunded with it (AdjustmentSale, e.g. a refund discrepancy). */
  adjustment?: string;
  lines: { id: number; lineItemId: number; quantity: number; subtotal: string; tax?: string }[];
}
/** An order edit: lines added (ORDER sales) on the edit's date. */
export interface EditSpec {
  id: number;
  happenedAt: string;
  added: LineSpec[];
}
export interface OrderSpec {
  id: number;
  customerId?: number | null;
  processedAt: string;
  test?: boolean;
  cancelledAt?: string;
  presentment?: { currency: string; total: string };
  shipping?: string;
  shippingTax?: string;
  tip?: string;
  duty?: string;
  additionalFee?: string;
  totalPrice: string;
  totalRefunded?: string;
  lines: LineSpec[];
  refunds?: RefundSpec[];
  edits?: EditSpec[];
}

export type LedgerKind = "order" | "order_edit" | "refund" | "return";
export type LedgerAction = "ORDER" | "RETURN" | "UPDATE";
export type LedgerLine =
  "PRODUCT" | "SHIPPING" | "GIFT_CARD" | "TIP" | "DUTY" | "ADDITIONAL_FEE" | "FEE" | "ADJUSTMENT";

/** One sale as the `sale` table holds it (amounts signed as Shopify reports them). */
export interface LedgerSale {
  id: number;
  orderId: number;
  agreementId: number;
  agreementKind: LedgerKind;
  happenedAt: string;
  actionType: LedgerAction;
  lineType: LedgerLine;
  lineItemId: number | null;
  productId: number | null;
  quantity: number | null;
  totalAmount: string;
  discountBeforeTaxes: string;
  totalTax: string;
}

let nextSaleId = 1;
const zero = new Decimal(0);

function lineSale(
  order: OrderSpec,
  line: LineSpec,
  agreement: Pick<LedgerSale, "agreementId" | "agreementKind" | "happenedAt">,
): LedgerSale {
  const discount = new Decimal(line.discount ?? "0");
  const tax = new Decimal(line.tax ?? "0");
  return {
    id: nextSaleId++,
    orderId: order.id,
    ...agreement,
    actionType: "ORDER",
    lineType: line.giftCard ? "GIFT_CARD" : "PRODUCT",
    lineItemId: line.id,
    productId: line.productId ?? null,
    quantity: line.quantity,
    totalAmount: new Decimal(line.price).times(line.quantity).minus(discount).plus(tax).toFixed(),
    discountBeforeTaxes: discount.toFixed(),
    totalTax: tax.toFixed(),
  };
}

function chargeSale(
  order: OrderSpec,
  lineType: LedgerLine,
  amount: string,
  tax: string,
  agreement: Pick<LedgerSale, "agreementId" | "agreementKind" | "happenedAt">,
  actionType: LedgerAction = "ORDER",
): LedgerSale {
  const sign = actionType === "RETURN" ? -1 : 1;
  return {
    id: nextSaleId++,
    orderId: order.id,
    ...agreement,
    actionType,
    lineType,
    lineItemId: null,
    productId: null,
    quantity: null,
    totalAmount: new Decimal(amount).plus(tax).times(sign).toFixed(),
    discountBeforeTaxes: "0",
    totalTax: new Decimal(tax).times(sign).toFixed(),
  };
}

/** The order's ledger: its OrderAgreement, edits and refunds (refund line items looked up in `lines`). */
export function ledgerOf(
  order: OrderSpec,
  allLines: LineSpec[] = [...order.lines, ...(order.edits ?? []).flatMap((e) => e.added)],
): LedgerSale[] {
  const sales: LedgerSale[] = [];
  const placed = { agreementId: order.id * 100, agreementKind: "order" as const, happenedAt: order.processedAt };
  for (const line of order.lines) sales.push(lineSale(order, line, placed));
  if (order.shipping) sales.push(chargeSale(order, "SHIPPING", order.shipping, order.shippingTax ?? "0", placed));
  if (order.tip) sales.push(chargeSale(order, "TIP", order.tip, "0", placed));
  if (order.duty) sales.push(chargeSale(order, "DUTY", order.duty, "0", placed));
  if (order.additionalFee) sales.push(chargeSale(order, "ADDITIONAL_FEE", order.additionalFee, "0", placed));
  for (const edit of order.edits ?? []) {
    const agreement = { agreementId: edit.id, agreementKind: "order_edit" as const, happenedAt: edit.happenedAt };
    for (const line of edit.added) sales.push(lineSale(order, line, agreement));
  }
  for (const refund of order.refunds ?? []) sales.push(...refundLedger(order, refund, allLines));
  return sales;
}

/** A refund's RETURN sales: returned lines after their discount share, refunded shipping. */
export function refundLedger(order: OrderSpec, refund: RefundSpec, lines: LineSpec[]): LedgerSale[] {
  const agreement = { agreementId: refund.id, agreementKind: "refund" as const, happenedAt: refund.createdAt };
  const sales: LedgerSale[] = refund.lines.map((r) => {
    const line = lines.find((l) => l.id === r.lineItemId);
    if (!line) throw new Error(`refund ${refund.id}: no line ${r.lineItemId} on order ${order.id}`);
    const tax = new Decimal(r.tax ?? "0");
    const discountShare = new Decimal(line.price).times(r.quantity).minus(r.subtotal);
    return {
      id: nextSaleId++,
      orderId: order.id,
      ...agreement,
      actionType: "RETURN",
      lineType: line.giftCard ? "GIFT_CARD" : "PRODUCT",
      lineItemId: line.id,
      productId: line.productId ?? null,
      quantity: -r.quantity,
      totalAmount: new Decimal(r.subtotal).plus(tax).negated().toFixed(),
      discountBeforeTaxes: discountShare.negated().toFixed(),
      totalTax: tax.negated().toFixed(),
    };
  });
  if (refund.shipping) {
    sales.push(chargeSale(order, "SHIPPING", refund.shipping, refund.shippingTax ?? "0", agreement, "RETURN"));
  }
  if (refund.adjustment) sales.push(chargeSale(order, "ADJUSTMENT", refund.adjustment, "0", agreement, "RETURN"));
  return sales;
}

export async function insertSales(prisma: PrismaClient, shopId: number, sales: LedgerSale[]) {
  await prisma.sale.createMany({
    data: sales.map((x) => ({
      shopId,
      id: BigInt(x.id),
      orderId: BigInt(x.orderId),
      agreementId: BigInt(x.agreementId),
      agreementKind: x.agreementKind,
      happenedAt: new Date(x.happenedAt),
      actionType: x.actionType,
      lineType: x.lineType,
      lineItemId: x.lineItemId === null ? null : BigInt(x.lineItemId),
      productId: x.productId === null ? null : BigInt(x.productId),
      quantity: x.quantity,
      totalAmount: x.totalAmount,
      totalDiscountBeforeTaxes: x.discountBeforeTaxes,
      totalDiscountAfterTaxes: x.discountBeforeTaxes,
      totalTax: x.totalTax,
    })),
  });
}

const sumOf = (values: (string | undefined)[]) => values.reduce((s, v) => s.plus(v ?? "0"), zero).toFixed();

export async function createShop(prisma: PrismaClient, options: { label: string; currency: string; timezone: string }) {
  return prisma.shop.create({
    data: {
      domain: uniqueShopDomain(options.label),
      currencyCode: options.currency,
      ianaTimezone: options.timezone,
      installedAt: new Date(),
    },
  });
}

export async function addCustomers(
  prisma: PrismaClient,
  shopId: number,
  customers: { id: number; firstName: string; lastName: string; email: string }[],
) {
  await prisma.customer.createMany({
    data: customers.map((c) => ({
      shopId,
      ...c,
      id: BigInt(c.id),
      shopifyUpdatedAt: new Date("2026-01-01T00:00:00Z"),
    })),
  });
}

export async function addProducts(prisma: PrismaClient, shopId: number, products: { id: number; title: string }[]) {
  await prisma.product.createMany({
    data: products.map((p) => ({
      shopId,
      id: BigInt(p.id),
      title: p.title,
      shopifyUpdatedAt: new Date("2026-01-01T00:00:00Z"),
    })),
  });
}

/** Writes the orders with their line items, refunds and ledger; returns the sales written. */
export async function addOrders(
  prisma: PrismaClient,
  shopId: number,
  currency: string,
  orders: OrderSpec[],
): Promise<LedgerSale[]> {
  const written: LedgerSale[] = [];
  for (const o of orders) {
    await prisma.order.create({
      data: {
        shopId,
        id: BigInt(o.id),
        name: `#${o.id}`,
        customerId: o.customerId == null ? null : BigInt(o.customerId),
        processedAt: new Date(o.processedAt),
        cancelledAt: o.cancelledAt ? new Date(o.cancelledAt) : null,
        test: o.test ?? false,
        currencyCode: currency,
        presentmentCurrencyCode: o.presentment?.currency ?? currency,
        totalPrice: o.totalPrice,
        subtotalPrice: o.totalPrice,
        totalDiscounts: "0",
        totalTax: sumOf([...o.lines.map((l) => l.tax), o.shippingTax]),
        totalShipping: o.shipping ?? "0",
        totalRefunded: o.totalRefunded ?? "0",
        totalPricePresentment: o.presentment?.total ?? o.totalPrice,
        shopifyCreatedAt: new Date(o.processedAt),
        shopifyUpdatedAt: new Date(o.processedAt),
      },
    });
    const lines = [...o.lines, ...(o.edits ?? []).flatMap((e) => e.added)];
    await prisma.orderLineItem.createMany({
      data: lines.map((l) => ({
        shopId,
        id: BigInt(l.id),
        orderId: BigInt(o.id),
        productId: l.productId == null ? null : BigInt(l.productId),
        title: l.title ?? `Line ${l.id}`,
        quantity: l.quantity,
        originalUnitPrice: l.price,
        totalDiscount: l.discount ?? "0",
        isGiftCard: l.giftCard ?? false,
      })),
    });
    for (const r of o.refunds ?? []) await addRefundRows(prisma, shopId, o.id, r);
    const sales = ledgerOf(o, lines);
    await insertSales(prisma, shopId, sales);
    written.push(...sales);
  }
  return written;
}

/** A refund of a stored order: its rows and its RETURN sales (line prices read back from the order). */
export async function addRefund(prisma: PrismaClient, shopId: number, orderId: number, r: RefundSpec) {
  await addRefundRows(prisma, shopId, orderId, r);
  const stored = await prisma.orderLineItem.findMany({ where: { shopId, orderId: BigInt(orderId) } });
  const lines: LineSpec[] = stored.map((l) => ({
    id: Number(l.id),
    productId: l.productId === null ? null : Number(l.productId),
    quantity: l.quantity,
    price: l.originalUnitPrice.toString(),
    giftCard: l.isGiftCard,
  }));
  const order = { id: orderId, processedAt: r.createdAt, totalPrice: "0", lines };
  await insertSales(prisma, shopId, refundLedger(order, r, lines));
}

async function addRefundRows(prisma: PrismaClient, shopId: number, orderId: number, r: RefundSpec) {
  await prisma.refund.create({
    data: {
      shopId,
      id: BigInt(r.id),
      orderId: BigInt(orderId),
      shopifyCreatedAt: new Date(r.createdAt),
      shippingRefund: r.shipping ?? "0",
      shippingTaxRefund: r.shippingTax ?? "0",
    },
  });
  await prisma.refundLineItem.createMany({
    data: r.lines.map((l) => ({
      shopId,
      id: BigInt(l.id),
      refundId: BigInt(r.id),
      lineItemId: BigInt(l.lineItemId),
      quantity: l.quantity,
      subtotal: l.subtotal,
      totalTax: l.tax ?? "0",
    })),
  });
}

/**
 * "Fall-back store" (America/New_York, USD). 2026-11-01 is the 25-hour day on which
 * EDT ends: it spans 2026-11-01T04:00Z .. 2026-11-02T05:00Z.
 */
export const FALL_BACK_ORDERS: OrderSpec[] = [
  // C1 (101): 00:30 EDT on the DST day; a gift card line; refunded three days later
  {
    id: 1,
    customerId: 101,
    processedAt: "2026-11-01T04:30:00Z",
    shipping: "5.00",
    totalPrice: "49.60",
    totalRefunded: "14.80",
    lines: [
      { id: 11, productId: 201, title: "Widget", quantity: 2, price: "10.00", discount: "2.00", tax: "1.60" },
      { id: 12, productId: 301, title: "Gift card", quantity: 1, price: "25.00", giftCard: true },
    ],
    refunds: [
      {
        id: 901,
        createdAt: "2026-11-04T12:00:00Z",
        shipping: "5.00",
        lines: [{ id: 9011, lineItemId: 11, quantity: 1, subtotal: "9.00", tax: "0.80" }],
      },
    ],
  },
  // C2 (102): 23:30 EST on the DST day (UTC date is 11-02); an amount needing rounding
  {
    id: 2,
    customerId: 102,
    processedAt: "2026-11-02T04:30:00Z",
    totalPrice: "33.335",
    lines: [{ id: 21, productId: 202, title: "Gadget", quantity: 1, price: "33.335" }],
  },
  // C1 again, 00:30 EST on 11-02
  {
    id: 3,
    customerId: 101,
    processedAt: "2026-11-02T05:30:00Z",
    totalPrice: "10.80",
    lines: [{ id: 31, productId: 201, title: "Widget", quantity: 1, price: "10.00", tax: "0.80" }],
  },
  // test order: ignored everywhere
  {
    id: 4,
    customerId: 103,
    processedAt: "2026-11-02T15:00:00Z",
    test: true,
    totalPrice: "50.00",
    lines: [{ id: 41, productId: 201, quantity: 5, price: "10.00" }],
  },
  // guest checkout, cancelled and fully refunded the same day
  {
    id: 5,
    customerId: null,
    processedAt: "2026-11-03T15:00:00Z",
    cancelledAt: "2026-11-03T16:00:00Z",
    totalPrice: "20.00",
    totalRefunded: "20.00",
    lines: [{ id: 51, productId: 202, title: "Gadget", quantity: 1, price: "20.00" }],
    refunds: [
      {
        id: 902,
        createdAt: "2026-11-03T16:00:00Z",
        lines: [{ id: 9021, lineItemId: 51, quantity: 1, subtotal: "20.00" }],
      },
    ],
  },
  // C2's first order, long before
  {
    id: 6,
    customerId: 102,
    processedAt: "2026-10-15T12:00:00Z",
    totalPrice: "15.00",
    lines: [{ id: 61, productId: 202, title: "Gadget", quantity: 1, price: "15.00" }],
  },
  // C4 (104): presented in EUR, shop money USD; 23:59:59 EST on 11-02 (UTC 11-03); product without a product row
  {
    id: 7,
    customerId: 104,
    processedAt: "2026-11-03T04:59:59Z",
    presentment: { currency: "EUR", total: "19.40" },
    totalPrice: "21.00",
    lines: [{ id: 71, productId: 203, title: "Mystery box", quantity: 3, price: "7.50", discount: "1.50" }],
  },
  // C5 (id 99): same spend as C4, smaller id → ranks first among the tie
  {
    id: 8,
    customerId: 99,
    processedAt: "2026-11-03T20:00:00Z",
    totalPrice: "21.00",
    lines: [{ id: 81, productId: 203, title: "Mystery box", quantity: 2, price: "10.50" }],
  },
];

export async function buildFallBackStore(prisma: PrismaClient, label = "fallback") {
  const shop = await createShop(prisma, { label, currency: "USD", timezone: "America/New_York" });
  await addCustomers(prisma, shop.id, [
    { id: 101, firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" },
    { id: 102, firstName: "Grace", lastName: "Hopper", email: "grace@example.com" },
    { id: 103, firstName: "Tess", lastName: "Tester", email: "test@example.com" },
    { id: 104, firstName: "Émile", lastName: "Zola", email: "emile@example.fr" },
    { id: 99, firstName: "Alan", lastName: "Turing", email: "alan@example.com" },
  ]);
  await addProducts(prisma, shop.id, [
    { id: 201, title: "Widget" },
    { id: 202, title: "Gadget" },
    { id: 301, title: "Gift card" },
  ]);
  await addOrders(prisma, shop.id, "USD", FALL_BACK_ORDERS);
  return shop;
}

/**
 * "Spring-forward store" (Europe/London, JPY: no minor units). 2026-03-29 is the
 * 23-hour day on which BST starts: it spans 2026-03-29T00:00Z .. 2026-03-29T23:00Z.
 */
export async function buildSpringForwardStore(prisma: PrismaClient, label = "spring") {
  const shop = await createShop(prisma, { label, currency: "JPY", timezone: "Europe/London" });
  await addCustomers(prisma, shop.id, [
    { id: 1, firstName: "Hana", lastName: "Sato", email: "hana@example.jp" },
    { id: 2, firstName: "Ken", lastName: "Ito", email: "ken@example.jp" },
  ]);
  await addOrders(prisma, shop.id, "JPY", [
    {
      id: 1,
      customerId: 1,
      processedAt: "2026-03-28T23:30:00Z",
      totalPrice: "500",
      lines: [{ id: 1, productId: 10, title: "Tea", quantity: 1, price: "500" }],
    },
    {
      id: 2,
      customerId: 2,
      processedAt: "2026-03-29T22:59:00Z",
      totalPrice: "2499.4999",
      lines: [{ id: 2, productId: 10, title: "Tea", quantity: 1, price: "2499.4999" }],
    },
    {
      id: 3,
      customerId: 1,
      processedAt: "2026-03-29T23:30:00Z",
      totalPrice: "1000.5",
      lines: [{ id: 3, productId: 11, title: "Cup", quantity: 1, price: "1000.5" }],
    },
  ]);
  return shop;
}

/**
 * "Ledger store" (America/Los_Angeles, USD): what only the sales ledger gets right — an
 * item added by an order edit two days later, order-level discounts allocated to lines,
 * shipping tax refunded, tips, a duty, an additional fee, a refund adjustment, a gift
 * card — worked out by hand in tests/insights-metrics.test.ts.
 */
export const LEDGER_ORDERS: OrderSpec[] = [
  // 11:00 PDT on 06-10. Code discount "SAVE10": 8.00 and 2.00 allocated to the lines.
  {
    id: 1001,
    customerId: 1,
    processedAt: "2026-06-10T18:00:00Z",
    shipping: "10.00",
    shippingTax: "0.80",
    tip: "5.00",
    duty: "3.00",
    additionalFee: "2.00",
    totalPrice: "131.24",
    lines: [
      { id: 10011, productId: 501, title: "Lamp", quantity: 2, price: "40.00", discount: "8.00", tax: "5.76" },
      { id: 10012, productId: 502, title: "Bulb", quantity: 4, price: "5.00", discount: "2.00", tax: "1.44" },
    ],
    // 09:00 PDT on 06-12: two more bulbs.
    edits: [
      {
        id: 7001,
        happenedAt: "2026-06-12T16:00:00Z",
        added: [{ id: 10013, productId: 502, title: "Bulb", quantity: 2, price: "5.00", tax: "0.80" }],
      },
    ],
    // 19:00 PDT on 06-14 (06-15 in UTC): one lamp back, shipping and its tax refunded, 1.50 adjustment.
    refunds: [
      {
        id: 8001,
        createdAt: "2026-06-15T02:00:00Z",
        shipping: "10.00",
        shippingTax: "0.80",
        adjustment: "1.50",
        lines: [{ id: 80011, lineItemId: 10011, quantity: 1, subtotal: "36.00", tax: "2.88" }],
      },
    ],
  },
  // 23:30 PDT on 06-13 (06-14 in UTC): a gift card and a shade.
  {
    id: 1002,
    customerId: 2,
    processedAt: "2026-06-14T06:30:00Z",
    totalPrice: "64.03",
    lines: [
      { id: 10021, productId: 601, title: "Gift card", quantity: 1, price: "50.00", giftCard: true },
      { id: 10022, productId: 503, title: "Shade", quantity: 1, price: "12.99", tax: "1.04" },
    ],
  },
  // A test order: in no figure.
  {
    id: 1003,
    customerId: 3,
    processedAt: "2026-06-12T18:00:00Z",
    test: true,
    shipping: "4.00",
    tip: "2.00",
    totalPrice: "106.00",
    lines: [{ id: 10031, productId: 501, title: "Lamp", quantity: 2, price: "50.00" }],
  },
];

export async function buildLedgerStore(prisma: PrismaClient, label = "ledger") {
  const shop = await createShop(prisma, { label, currency: "USD", timezone: "America/Los_Angeles" });
  await addCustomers(prisma, shop.id, [
    { id: 1, firstName: "Lise", lastName: "Meitner", email: "lise@example.com" },
    { id: 2, firstName: "Chien-Shiung", lastName: "Wu", email: "wu@example.com" },
    { id: 3, firstName: "Test", lastName: "Buyer", email: "test@example.com" },
  ]);
  await addProducts(prisma, shop.id, [
    { id: 501, title: "Lamp" },
    { id: 502, title: "Bulb" },
    { id: 503, title: "Shade" },
    { id: 601, title: "Gift card" },
  ]);
  await addOrders(prisma, shop.id, "USD", LEDGER_ORDERS);
  return shop;
}
