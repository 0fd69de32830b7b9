// Small hand-made stores written straight into the database, for the insights tests.
// Amounts are strings (exact decimals); times are UTC instants.
import type { PrismaClient } from "@prisma/client";
import { uniqueShopDomain } from "./helpers/db";

export interface LineSpec {
  id: number;
  productId?: number | null;
  title?: string;
  quantity: number;
  price: string;
  discount?: string;
  giftCard?: boolean;
}
export interface RefundSpec {
  id: number;
  createdAt: string;
  shipping?: string;
  lines: { id: number; lineItemId: number; quantity: number; subtotal: string; tax?: string }[];
}
export interface OrderSpec {
  id: number;
  customerId?: number | null;
  processedAt: string;
  test?: boolean;
  cancelledAt?: string;
  presentment?: { currency: string; total: string };
  shipping?: string;
  tax?: string;
  totalPrice: string;
  totalRefunded?: string;
  lines: LineSpec[];
  refunds?: RefundSpec[];
}

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

export async function addOrders(prisma: PrismaClient, shopId: number, currency: string, orders: OrderSpec[]) {
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
        totalTax: o.tax ?? "0",
        totalShipping: o.shipping ?? "0",
        totalRefunded: o.totalRefunded ?? "0",
        totalPricePresentment: o.presentment?.total ?? o.totalPrice,
        shopifyCreatedAt: new Date(o.processedAt),
        shopifyUpdatedAt: new Date(o.processedAt),
      },
    });
    await prisma.orderLineItem.createMany({
      data: o.lines.map((l) => ({
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
    for (const r of o.refunds ?? []) await addRefund(prisma, shopId, o.id, r);
  }
}

export async function addRefund(prisma: PrismaClient, shopId: number, orderId: number, r: RefundSpec) {
  await prisma.refund.create({
    data: {
      shopId,
      id: BigInt(r.id),
      orderId: BigInt(orderId),
      shopifyCreatedAt: new Date(r.createdAt),
      shippingRefund: r.shipping ?? "0",
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
    tax: "1.60",
    totalPrice: "49.60",
    totalRefunded: "9.80",
    lines: [
      { id: 11, productId: 201, title: "Widget", quantity: 2, price: "10.00", discount: "2.00" },
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
    tax: "0.80",
    totalPrice: "10.80",
    lines: [{ id: 31, productId: 201, title: "Widget", quantity: 1, price: "10.00" }],
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
