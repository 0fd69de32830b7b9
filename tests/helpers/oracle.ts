// Expected database rows derived from the simulator's oracle (sim.control.data(shop)),
// computed here by hand from the definitions (taxes on top: subtotal = Σ(unit × qty −
// discounts), total = subtotal + shipping + tax, refunded = Σ refund lines and
// shipping with their tax) — independent of app/sync/mapping.ts.
//
// A line's discount is every discount allocated to it, line- and order-level (Shopify's
// LineItem.discountAllocations; docs/metrics.md: discounts = line and order discounts),
// summed here from the allocations, not from the simulator's own line total.
import Decimal from "decimal.js";
import type { PrismaClient } from "@prisma/client";
import type { ShopData } from "../../simulator/src/store/types";

const sum = (values: string[]) => values.reduce((s, v) => s.plus(v), new Decimal(0)).toFixed(2);
const money = (value: { toString(): string } | null) =>
  value === null ? null : new Decimal(value.toString()).toFixed(2);
const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

export function expectedRows(data: ShopData) {
  const customers = data.customers
    .map((c) => ({
      id: String(c.id),
      firstName: c.firstName,
      lastName: c.lastName,
      email: c.email,
      phone: c.phone,
      state: c.state,
      tags: [...c.tags],
      updatedAt: iso(c.updatedAt),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const products = data.products
    .map((p) => ({
      id: String(p.id),
      title: p.title,
      handle: p.handle,
      status: p.status,
      vendor: p.vendor,
      productType: p.productType,
      updatedAt: iso(p.updatedAt),
      variants: p.variants
        .map((v) => ({ id: String(v.id), title: v.title, sku: v.sku, price: money(v.price) }))
        .sort((a, b) => a.id.localeCompare(b.id)),
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
        id: String(o.id),
        name: o.name,
        email: o.email,
        customerId: o.customerId === null ? null : String(o.customerId),
        processedAt: iso(o.processedAt),
        cancelledAt: iso(o.cancelledAt),
        test: o.test,
        currencyCode: o.currencyCode,
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
            id: String(l.id),
            productId: l.productId === null ? null : String(l.productId),
            variantId: l.variantId === null ? null : String(l.variantId),
            quantity: l.quantity,
            originalUnitPrice: money(l.originalUnitPrice.shop),
            totalDiscount: lineDiscount(l),
            isGiftCard: l.isGiftCard,
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
                id: String(x.id),
                lineItemId: String(x.lineItemId),
                quantity: x.quantity,
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
      id: String(c.id),
      firstName: c.firstName,
      lastName: c.lastName,
      email: c.email,
      phone: c.phone,
      state: c.state,
      tags: c.tags,
      updatedAt: iso(c.shopifyUpdatedAt),
    })),
  );
  const products = byId(
    (await prisma.product.findMany({ where: { shopId }, include: { variants: true } })).map((p) => ({
      id: String(p.id),
      title: p.title,
      handle: p.handle,
      status: p.status,
      vendor: p.vendor,
      productType: p.productType,
      updatedAt: iso(p.shopifyUpdatedAt),
      variants: byId(p.variants.map((v) => ({ id: String(v.id), title: v.title, sku: v.sku, price: money(v.price) }))),
    })),
  );
  const orders = byId(
    (
      await prisma.order.findMany({
        where: { shopId },
        include: { lineItems: true, refunds: { include: { lineItems: true } } },
      })
    ).map((o) => ({
      id: String(o.id),
      name: o.name,
      email: o.email,
      customerId: o.customerId === null ? null : String(o.customerId),
      processedAt: iso(o.processedAt),
      cancelledAt: iso(o.cancelledAt),
      test: o.test,
      currencyCode: o.currencyCode,
      totalPrice: money(o.totalPrice),
      subtotalPrice: money(o.subtotalPrice),
      totalDiscounts: money(o.totalDiscounts),
      totalTax: money(o.totalTax),
      totalShipping: money(o.totalShipping),
      totalRefunded: money(o.totalRefunded),
      updatedAt: iso(o.shopifyUpdatedAt),
      lineItems: byId(
        o.lineItems.map((l) => ({
          id: String(l.id),
          productId: l.productId === null ? null : String(l.productId),
          variantId: l.variantId === null ? null : String(l.variantId),
          quantity: l.quantity,
          originalUnitPrice: money(l.originalUnitPrice),
          totalDiscount: money(l.totalDiscount),
          isGiftCard: l.isGiftCard,
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
              id: String(x.id),
              lineItemId: String(x.lineItemId),
              quantity: x.quantity,
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
