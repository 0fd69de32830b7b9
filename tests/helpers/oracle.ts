// Expected database rows derived from the simulator's oracle (sim.control.data(shop)),
// computed here by hand from the definitions (taxes on top: subtotal = Σ(unit × qty −
// discounts), total = subtotal + shipping + tax, refunded = Σ refund lines and
// shipping with their tax) — independent of app/sync/mapping.ts.
//
// A line's discount is every discount allocated to it, line- and order-level (Shopify's
// LineItem.discountAllocations; docs/metrics.md: discounts = line and order discounts),
// summed here from the allocations, not from the simulator's own line total.
import Decimal from "decimal.js";
import { DateTime } from "luxon";
import type { PrismaClient } from "@prisma/client";
import type { ShopData } from "../../simulator/src/store/types";

const sum = (values: string[]) => values.reduce((s, v) => s.plus(v), new Decimal(0)).toFixed(2);
const money = (value: { toString(): string } | null) =>
  value === null ? null : new Decimal(value.toString()).toFixed(2);
const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

// The columns both sides name alike, shaped alike (ids as strings, instants in ISO, money
// to the cent); each side adds the ones it derives its own way.
type Id = number | bigint | string;
type Text = string | null;
const ref = (id: Id | null) => (id === null ? null : String(id));
const customerHead = (c: { id: Id; firstName: Text; lastName: Text; email: Text; phone: Text; state: Text }) => ({
  id: String(c.id),
  firstName: c.firstName,
  lastName: c.lastName,
  email: c.email,
  phone: c.phone,
  state: c.state,
});
const productHead = (p: { id: Id; title: Text; handle: Text; status: Text; vendor: Text; productType: Text }) => ({
  id: String(p.id),
  title: p.title,
  handle: p.handle,
  status: p.status,
  vendor: p.vendor,
  productType: p.productType,
});
const variantRow = (v: { id: Id; title: Text; sku: Text; price: { toString(): string } | null }) => ({
  id: String(v.id),
  title: v.title,
  sku: v.sku,
  price: money(v.price),
});
const orderHead = (o: {
  id: Id;
  name: Text;
  email: Text;
  customerId: Id | null;
  processedAt: string | Date;
  cancelledAt: string | Date | null;
  test: boolean;
  currencyCode: Text;
}) => ({
  id: String(o.id),
  name: o.name,
  email: o.email,
  customerId: ref(o.customerId),
  processedAt: iso(o.processedAt),
  cancelledAt: iso(o.cancelledAt),
  test: o.test,
  currencyCode: o.currencyCode,
});
const lineHead = (l: {
  id: Id;
  productId: Id | null;
  variantId: Id | null;
  quantity: number;
  isGiftCard: boolean;
}) => ({
  id: String(l.id),
  productId: ref(l.productId),
  variantId: ref(l.variantId),
  quantity: l.quantity,
  isGiftCard: l.isGiftCard,
});
const refundLineHead = (x: { id: Id; lineItemId: Id; quantity: number }) => ({
  id: String(x.id),
  lineItemId: String(x.lineItemId),
  quantity: x.quantity,
});

export function expectedRows(data: ShopData) {
  const customers = data.customers
    .map((c) => ({
      ...customerHead(c),
      tags: [...c.tags],
      updatedAt: iso(c.updatedAt),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const products = data.products
    .map((p) => ({
      ...productHead(p),
      updatedAt: iso(p.updatedAt),
      variants: p.variants.map(variantRow).sort((a, b) => a.id.localeCompare(b.id)),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const orders = data.orders
    .map((o) => {
      const lineDiscount = (l: (typeof o.lineItems)[number]) => sum(l.discountAllocations.map((a) => a.amount.shop));
      const lineNet = o.lineItems.map((l) =>
        new Decimal(l.originalUnitPrice.shop).times(l.quantity).minus(lineDiscount(l)).toFixed(),
      );
      const subtotal = sum(lineNet);
      const shipping = sum(o.shippingLines.map((s) => s.price.shop));
      const tax = sum([...o.lineItems.map((l) => l.tax.shop), ...o.shippingLines.map((s) => s.tax.shop)]);
      return {
        ...orderHead(o),
        totalPrice: sum([subtotal, shipping, tax]),
        subtotalPrice: subtotal,
        totalDiscounts: sum(o.lineItems.map(lineDiscount)),
        totalTax: tax,
        totalShipping: shipping,
        totalRefunded: sum(
          o.refunds.flatMap((r) => [
            ...r.refundLineItems.flatMap((x) => [x.subtotal.shop, x.totalTax.shop]),
            ...r.refundShippingLines.flatMap((s) => [s.subtotal.shop, s.tax.shop]),
          ]),
        ),
        updatedAt: iso(o.updatedAt),
        lineItems: o.lineItems
          .map((l) => ({
            ...lineHead(l),
            originalUnitPrice: money(l.originalUnitPrice.shop),
            totalDiscount: lineDiscount(l),
          }))
          .sort((a, b) => a.id.localeCompare(b.id)),
        refunds: o.refunds
          .map((r) => ({
            id: String(r.id),
            createdAt: iso(r.createdAt),
            shippingRefund: sum(r.refundShippingLines.map((s) => s.subtotal.shop)),
            shippingTaxRefund: sum(r.refundShippingLines.map((s) => s.tax.shop)),
            lineItems: r.refundLineItems
              .map((x) => ({
                ...refundLineHead(x),
                subtotal: money(x.subtotal.shop),
                totalTax: money(x.totalTax.shop),
              }))
              .sort((a, b) => a.id.localeCompare(b.id)),
          }))
          .sort((a, b) => a.id.localeCompare(b.id)),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  return { customers, products, orders };
}

/** The same shapes read back from the database. */
export async function storedRows(prisma: PrismaClient, shopId: number) {
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
  const customers = byId(
    (await prisma.customer.findMany({ where: { shopId } })).map((c) => ({
      ...customerHead(c),
      tags: c.tags,
      updatedAt: iso(c.shopifyUpdatedAt),
    })),
  );
  const products = byId(
    (await prisma.product.findMany({ where: { shopId }, include: { variants: true } })).map((p) => ({
      ...productHead(p),
      updatedAt: iso(p.shopifyUpdatedAt),
      variants: byId(p.variants.map(variantRow)),
    })),
  );
  const orders = byId(
    (
      await prisma.order.findMany({
        where: { shopId },
        include: { lineItems: true, refunds: { include: { lineItems: true } } },
      })
    ).map((o) => ({
      ...orderHead(o),
      totalPrice: money(o.totalPrice),
      subtotalPrice: money(o.subtotalPrice),
      totalDiscounts: money(o.totalDiscounts),
      totalTax: money(o.totalTax),
      totalShipping: money(o.totalShipping),
      totalRefunded: money(o.totalRefunded),
      updatedAt: iso(o.shopifyUpdatedAt),
      lineItems: byId(
        o.lineItems.map((l) => ({
          ...lineHead(l),
          originalUnitPrice: money(l.originalUnitPrice),
          totalDiscount: money(l.totalDiscount),
        })),
      ),
      refunds: byId(
        o.refunds.map((r) => ({
          id: String(r.id),
          createdAt: iso(r.shopifyCreatedAt),
          shippingRefund: money(r.shippingRefund),
          shippingTaxRefund: money(r.shippingTaxRefund),
          lineItems: byId(
            r.lineItems.map((x) => ({
              ...refundLineHead(x),
              subtotal: money(x.subtotal),
              totalTax: money(x.totalTax),
            })),
          ),
        })),
      ),
    })),
  );
  return { customers, products, orders };
}

// ---------------------------------------------------------------------------------
// The dashboard's figures by brute force over Shopify's sales ledger, read through the
// Admin API (Order.agreements → sales), written from docs/metrics.md and Shopify's
// Sales report — nothing here comes from app code. Every sale is visited for every
// question; money is summed exactly (decimal.js) and rounded once, half away from zero,
// to the currency's minor units; local dates come from luxon in the shop's zone.

export interface OracleSale {
  happenedAt: string;
  actionType: string;
  lineType: string;
  quantity: number | null;
  amount: Decimal;
  discount: Decimal;
  tax: Decimal;
  productId: string | null;
}
export interface OracleOrder {
  id: string;
  test: boolean;
  processedAt: string;
  customerId: string | null;
  /** Products of the order's line items (custom lines have none). */
  productIds: string[];
  sales: OracleSale[];
}
export interface OracleLedger {
  timezone: string;
  currency: string;
  orders: OracleOrder[];
  customers: Map<string, { name: string | null; email: string | null }>;
}

const BAG = "shopMoney { amount }";
const LEDGER_QUERY = `query OracleLedger($after: String) {
  orders(first: 50, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id test processedAt customer { id }
      LINE_ITEMS
      agreements(first: 20) {
        pageInfo { hasNextPage }
        nodes {
          happenedAt
          sales(first: 50) {
            pageInfo { hasNextPage }
            nodes {
              actionType lineType quantity
              totalAmount { ${BAG} } totalDiscountAmountBeforeTaxes { ${BAG} } totalTaxAmount { ${BAG} }
              ... on ProductSale { lineItem { product { id } } }
            }
          }
        }
      }
    }
  }
}`;
const CUSTOMERS_QUERY = `query OracleCustomers($after: String) {
  customers(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id firstName lastName email }
  }
}`;

const numericId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);

/**
 * The shop's whole ledger through the Admin API (GraphQL over HTTP, page by page);
 * `lineItems` also reads each order's products (the Retention oracle's first products).
 */
export async function readLedger(
  graphqlUrl: string,
  accessToken: string,
  options: { lineItems?: boolean } = {},
): Promise<OracleLedger> {
  const ledgerQuery = LEDGER_QUERY.replace(
    "LINE_ITEMS",
    options.lineItems ? "lineItems(first: 50) { pageInfo { hasNextPage } nodes { product { id } } }" : "",
  );
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json", "x-shopify-access-token": accessToken },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: any };
      const throttled = JSON.stringify(body.errors ?? "").includes("THROTTLED");
      if (throttled && attempt < 20) {
        await new Promise((resolve) => setTimeout(resolve, 500)); // the bucket refills; Shopify's documented retry
        continue;
      }
      if (!res.ok || body.errors) throw new Error(`Admin API: ${res.status} ${JSON.stringify(body.errors)}`);
      return body.data;
    }
  };
  const shop = (await gql(`{ shop { ianaTimezone currencyCode } }`)).shop;
  const orders: OracleOrder[] = [];
  for (let after: string | null = null; ;) {
    const page: any = (await gql(ledgerQuery, { after })).orders;
    for (const o of page.nodes) {
      if (o.agreements.pageInfo.hasNextPage) throw new Error(`${o.id}: more than 20 agreements`);
      if (o.lineItems?.pageInfo.hasNextPage) throw new Error(`${o.id}: more than 50 line items`);
      const sales: OracleSale[] = [];
      for (const a of o.agreements.nodes) {
        if (a.sales.pageInfo.hasNextPage) throw new Error(`${o.id}: an agreement with more than 50 sales`);
        for (const s of a.sales.nodes) {
          sales.push({
            happenedAt: a.happenedAt,
            actionType: s.actionType,
            lineType: s.lineType,
            quantity: s.quantity,
            amount: new Decimal(s.totalAmount.shopMoney.amount),
            discount: new Decimal(s.totalDiscountAmountBeforeTaxes.shopMoney.amount),
            tax: new Decimal(s.totalTaxAmount.shopMoney.amount),
            productId: s.lineItem?.product ? numericId(s.lineItem.product.id) : null,
          });
        }
      }
      orders.push({
        id: numericId(o.id),
        test: o.test,
        processedAt: o.processedAt,
        customerId: o.customer ? numericId(o.customer.id) : null,
        productIds: (o.lineItems?.nodes ?? []).flatMap((l: any) => (l.product ? [numericId(l.product.id)] : [])),
        sales,
      });
    }
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const customers = new Map<string, { name: string | null; email: string | null }>();
  for (let after: string | null = null; ;) {
    const page: any = (await gql(CUSTOMERS_QUERY, { after })).customers;
    for (const c of page.nodes) {
      const name = [c.firstName, c.lastName].filter((part: string | null) => part).join(" ");
      customers.set(numericId(c.id), { name: name || null, email: c.email ?? null });
    }
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { timezone: shop.ianaTimezone, currency: shop.currencyCode, orders, customers };
}

/** The figures of one period, exactly (before rounding). */
interface Figures {
  gross: Decimal;
  discounts: Decimal;
  returns: Decimal;
  shipping: Decimal;
  taxes: Decimal;
  duties: Decimal;
  fees: Decimal;
  tips: Decimal;
  giftCards: Decimal;
}

const IN_TOTAL_SALES = new Set(["PRODUCT", "ADJUSTMENT", "SHIPPING", "DUTY", "ADDITIONAL_FEE", "FEE"]);
const KNOWN_ACTIONS = new Set(["ORDER", "RETURN", "UPDATE"]);

export class LedgerOracle {
  private readonly counted: OracleOrder[];
  private readonly digits: number;
  /** Every counted sale with its local day (computed once: the questions below revisit them all). */
  private readonly dated: { order: OracleOrder; sale: OracleSale; day: string }[];
  private readonly orderDays: Map<OracleOrder, string>;

  constructor(private readonly ledger: OracleLedger) {
    // Test orders are in no figure; deleted orders are not in the API's answer at all.
    this.counted = ledger.orders.filter((o) => !o.test);
    this.digits = new Intl.NumberFormat("en", {
      style: "currency",
      currency: ledger.currency,
    }).resolvedOptions().maximumFractionDigits!;
    this.dated = this.counted.flatMap((order) =>
      order.sales
        .filter((sale) => KNOWN_ACTIONS.has(sale.actionType) && sale.lineType !== "UNKNOWN")
        .map((sale) => ({ order, sale, day: this.localDate(sale.happenedAt) })),
    );
    this.orderDays = new Map(this.counted.map((o) => [o, this.localDate(o.processedAt)]));
  }

  localDate(instant: string): string {
    return DateTime.fromISO(instant, { zone: "utc" }).setZone(this.ledger.timezone).toISODate()!;
  }

  money(value: Decimal): string {
    return value.toDecimalPlaces(this.digits, Decimal.ROUND_HALF_UP).toFixed(this.digits);
  }

  private sales(from: string, to: string) {
    return this.dated.filter(({ day }) => day >= from && day <= to);
  }

  private ordersIn(from: string, to: string) {
    return this.counted.filter((o) => {
      const day = this.orderDays.get(o)!;
      return day >= from && day <= to;
    });
  }

  figures(from: string, to: string): Figures {
    const zero = new Decimal(0);
    const f: Figures = {
      gross: zero,
      discounts: zero,
      returns: zero,
      shipping: zero,
      taxes: zero,
      duties: zero,
      fees: zero,
      tips: zero,
      giftCards: zero,
    };
    for (const { sale: s } of this.sales(from, to)) {
      const beforeTax = s.amount.minus(s.tax);
      const sold = s.actionType === "ORDER" || s.actionType === "UPDATE";
      if (s.lineType === "PRODUCT" && sold) {
        f.gross = f.gross.plus(beforeTax).plus(s.discount);
        f.discounts = f.discounts.plus(s.discount);
      }
      if ((s.lineType === "PRODUCT" && s.actionType === "RETURN") || s.lineType === "ADJUSTMENT") {
        f.returns = f.returns.minus(beforeTax);
      }
      if (s.lineType === "SHIPPING") f.shipping = f.shipping.plus(beforeTax);
      if (s.lineType === "DUTY") f.duties = f.duties.plus(beforeTax);
      if (s.lineType === "ADDITIONAL_FEE" || s.lineType === "FEE") f.fees = f.fees.plus(beforeTax);
      if (IN_TOTAL_SALES.has(s.lineType)) f.taxes = f.taxes.plus(s.tax);
      if (s.lineType === "TIP") f.tips = f.tips.plus(s.amount);
      if (s.lineType === "GIFT_CARD") f.giftCards = f.giftCards.plus(s.amount);
    }
    return f;
  }

  private static net(f: Figures) {
    return f.gross.minus(f.discounts).minus(f.returns);
  }
  private static total(f: Figures) {
    return LedgerOracle.net(f).plus(f.shipping).plus(f.duties).plus(f.fees).plus(f.taxes);
  }

  /** The first order (by processedAt) of every customer, over all non-test orders. */
  private firstOrderDates(): Map<string, string> {
    const first = new Map<string, string>();
    for (const o of this.counted) {
      if (!o.customerId) continue;
      const known = first.get(o.customerId);
      if (!known || o.processedAt < known) first.set(o.customerId, o.processedAt);
    }
    return new Map([...first].map(([id, at]) => [id, this.localDate(at)]));
  }

  private averageOrderValue(f: Figures, orders: number): string {
    return orders === 0 ? this.money(new Decimal(0)) : this.money(f.gross.minus(f.discounts).div(orders));
  }

  totals(from: string, to: string) {
    const f = this.figures(from, to);
    const orders = this.ordersIn(from, to);
    const customers = new Set(orders.map((o) => o.customerId).filter((id): id is string => id !== null));
    const firsts = this.firstOrderDates();
    const newCustomers = [...customers].filter((id) => firsts.get(id)! >= from).length;
    const ordersUpToEnd = new Map<string, number>();
    for (const o of this.counted) {
      if (o.customerId && this.orderDays.get(o)! <= to) {
        ordersUpToEnd.set(o.customerId, (ordersUpToEnd.get(o.customerId) ?? 0) + 1);
      }
    }
    const returning = [...customers].filter((id) => ordersUpToEnd.get(id)! >= 2).length;
    return {
      orders: orders.length,
      grossSales: this.money(f.gross),
      discounts: this.money(f.discounts),
      returns: this.money(f.returns),
      netSales: this.money(LedgerOracle.net(f)),
      shipping: this.money(f.shipping),
      duties: this.money(f.duties),
      additionalFees: this.money(f.fees),
      taxes: this.money(f.taxes),
      totalSales: this.money(LedgerOracle.total(f)),
      tips: this.money(f.tips),
      giftCardSales: this.money(f.giftCards),
      averageOrderValue: this.averageOrderValue(f, orders.length),
      customers: customers.size,
      newCustomers,
      returningCustomerRate:
        customers.size === 0
          ? 0
          : new Decimal(returning).div(customers.size).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber(),
    };
  }

  /** Same shape as GET /api/dashboard/summary. */
  summary(from: string, to: string) {
    const days = DateTime.fromISO(to).diff(DateTime.fromISO(from), "days").days + 1;
    const prevTo = DateTime.fromISO(from).minus({ days: 1 });
    const prevFrom = prevTo.minus({ days: days - 1 });
    const previous = { from: prevFrom.toISODate()!, to: prevTo.toISODate()! };
    return {
      currency: this.ledger.currency,
      timezone: this.ledger.timezone,
      from,
      to,
      totals: this.totals(from, to),
      previous: { ...this.totals(previous.from, previous.to), ...previous },
    };
  }

  /** Buckets of from..to (weeks from Monday, months from the 1st), each clipped to the range. */
  buckets(from: string, to: string, granularity: "day" | "week" | "month") {
    const unit = granularity === "day" ? "day" : granularity === "week" ? "week" : "month";
    const out: { date: string; from: string; to: string }[] = [];
    for (
      let start = DateTime.fromISO(from).startOf(unit);
      start.toISODate()! <= to;
      start = start.plus({ [unit + "s"]: 1 })
    ) {
      const end = start.plus({ [unit + "s"]: 1 }).minus({ days: 1 });
      const date = start.toISODate()!;
      out.push({ date, from: date < from ? from : date, to: end.toISODate()! > to ? to : end.toISODate()! });
    }
    return out;
  }

  /** Same shapes as orders-by-date, new-customers-by-date and avg-order-value-by-date. */
  series(from: string, to: string, granularity: "day" | "week" | "month") {
    const firsts = [...this.firstOrderDates().values()];
    const points = this.buckets(from, to, granularity).map((b) => {
      const f = this.figures(b.from, b.to);
      const orders = this.ordersIn(b.from, b.to).length;
      return {
        date: b.date,
        orders,
        totalSales: this.money(LedgerOracle.total(f)),
        netSales: this.money(LedgerOracle.net(f)),
        newCustomers: firsts.filter((day) => day >= b.from && day <= b.to).length,
        averageOrderValue: this.averageOrderValue(f, orders),
      };
    });
    return {
      ordersByDate: points.map(({ date, orders, totalSales, netSales }) => ({ date, orders, totalSales, netSales })),
      newCustomers: points.map(({ date, newCustomers }) => ({ date, newCustomers })),
      averageOrderValue: points.map(({ date, averageOrderValue, orders }) => ({ date, averageOrderValue, orders })),
    };
  }

  /** Same shape as top-customers: total sales of their sales in range, orders processed in range. */
  topCustomers(from: string, to: string, limit: number) {
    const per = new Map<string, { orders: number; total: Decimal }>();
    const entry = (id: string) => per.get(id) ?? { orders: 0, total: new Decimal(0) };
    for (const o of this.ordersIn(from, to)) {
      if (o.customerId) per.set(o.customerId, { ...entry(o.customerId), orders: entry(o.customerId).orders + 1 });
    }
    for (const { order, sale } of this.sales(from, to)) {
      if (!order.customerId || !IN_TOTAL_SALES.has(sale.lineType)) continue;
      const e = entry(order.customerId);
      per.set(order.customerId, { ...e, total: e.total.plus(sale.amount) });
    }
    return [...per]
      .sort(([a, x], [b, y]) => y.total.comparedTo(x.total) || compareIds(a, b))
      .slice(0, limit)
      .map(([id, { orders, total }]) => ({
        id,
        name: this.ledger.customers.get(id)?.name ?? null,
        email: this.ledger.customers.get(id)?.email ?? null,
        orders,
        totalSpent: this.money(total),
      }));
  }

  /** Same shape as top-products without titles: units and net sales of PRODUCT sales in range. */
  topProducts(from: string, to: string, limit: number) {
    const per = new Map<string, { units: number; net: Decimal }>();
    for (const { sale } of this.sales(from, to)) {
      if (sale.lineType !== "PRODUCT" || !sale.productId) continue;
      const e = per.get(sale.productId) ?? { units: 0, net: new Decimal(0) };
      const quantity = sale.quantity ?? 0;
      e.units += sale.actionType === "RETURN" ? -Math.abs(quantity) : quantity;
      e.net = e.net.plus(sale.amount).minus(sale.tax);
      per.set(sale.productId, e);
    }
    return [...per]
      .sort(([a, x], [b, y]) => y.net.comparedTo(x.net) || compareIds(a, b))
      .slice(0, limit)
      .map(([id, { units, net }]) => ({ id, unitsSold: units, netSales: this.money(net) }));
  }

  /** How many sales of each kind the ledger has (tests prove their stores exercise every case). */
  coverage() {
    const all = this.counted.flatMap((o) => o.sales);
    const count = (p: (s: OracleSale) => boolean) => all.filter(p).length;
    return {
      editAdded: count((s) => s.actionType === "UPDATE" && (s.quantity ?? 0) > 0),
      editRemoved: count((s) => s.actionType === "UPDATE" && (s.quantity ?? 0) < 0),
      returned: count((s) => s.lineType === "PRODUCT" && s.actionType === "RETURN"),
      shippingRefundsWithTax: count(
        (s) => s.lineType === "SHIPPING" && s.actionType === "RETURN" && s.tax.isNegative(),
      ),
      discounted: count((s) => s.lineType === "PRODUCT" && s.discount.isPositive() && !s.discount.isZero()),
      tips: count((s) => s.lineType === "TIP"),
      duties: count((s) => s.lineType === "DUTY"),
      fees: count((s) => s.lineType === "ADDITIONAL_FEE" || s.lineType === "FEE"),
      giftCards: count((s) => s.lineType === "GIFT_CARD"),
    };
  }
}

/** Shopify ids are numbers: rank ties by numeric id ascending. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
