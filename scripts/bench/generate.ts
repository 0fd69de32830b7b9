// The SQL-generated store the insights benchmarks read (npm run bench's 1M-order part,
// npm run bench:insights): N orders with their lines, refunds and sales ledger
// (placements, order edits, refunds with shipping, tips, duties, fees), written with
// set-based SQL in minutes rather than through the simulator and the ingest path.
import { Prisma, type PrismaClient } from "@prisma/client";

export interface StoreSpec {
  orders: number;
  customers: number;
  products: number;
  /** Last local day of the history (fixed, so runs are comparable). */
  endDate: string;
  historyDays: number;
}

/** The shape npm run bench:insights has always generated: 8 orders per customer, 500 products, 3 years. */
export function generatedStoreSpec(orders: number): StoreSpec {
  return {
    orders,
    customers: Math.max(10, Math.round(orders / 8)),
    products: 500,
    endDate: "2026-11-28",
    historyDays: 3 * 365,
  };
}

export async function generateStore(prisma: PrismaClient, shopId: number, spec: StoreSpec): Promise<void> {
  const end = `${spec.endDate} 23:59:59`;
  await prisma.$executeRawUnsafe(`SELECT setseed(0.42)`);
  await prisma.$executeRaw`
    INSERT INTO product (shop_id, id, title, vendor, shopify_updated_at)
    SELECT ${shopId}, p, 'Product ' || p, 'Vendor ' || (p % 20), now() FROM generate_series(1, ${spec.products}) p`;
  await prisma.$executeRaw`
    INSERT INTO customer (shop_id, id, first_name, last_name, email, shopify_updated_at)
    SELECT ${shopId}, c, 'First' || c, 'Last' || c, 'customer' || c || '@example.com', now()
    FROM generate_series(1, ${spec.customers}) c`;
  // As every writer of customer rows keeps it (app/insights/customer-summary.ts).
  await prisma.$executeRaw`
    INSERT INTO customer_total (shop_id, customers) VALUES (${shopId}, ${spec.customers})
    ON CONFLICT (shop_id) DO UPDATE SET customers = customer_total.customers + ${spec.customers}`;
  // Customers skewed (a few buy often, as in real stores); 4% guest checkouts, 1% test orders.
  await prisma.$executeRaw`
    INSERT INTO "order" (shop_id, id, name, customer_id, processed_at, cancelled_at, test, currency_code,
      presentment_currency_code, total_price, subtotal_price, total_discounts, total_tax, total_shipping,
      total_refunded, shopify_created_at, shopify_updated_at)
    SELECT ${shopId}, n, '#' || n,
      CASE WHEN r1 < 0.04 THEN NULL ELSE 1 + floor(${spec.customers} * power(r2, 2.5))::bigint END,
      ts, CASE WHEN r1 > 0.995 THEN ts + interval '1 hour' END, r3 < 0.01, 'USD',
      CASE WHEN r3 > 0.8 THEN 'EUR' ELSE 'USD' END,
      round((20 + r2 * 180)::numeric, 2), round((18 + r2 * 160)::numeric, 2), 0,
      round((1 + r2 * 12)::numeric, 2), round((r3 * 10)::numeric, 2), 0, ts, ts
    FROM (
      SELECT n, random() AS r1, random() AS r2, random() AS r3,
        ${end}::timestamp - (random() * ${spec.historyDays} * interval '1 day') AS ts
      FROM generate_series(1, ${spec.orders}) n
    ) g`;
  // 1 to 3 lines per order; every 100th order starts with a gift card line.
  await prisma.$executeRaw`
    INSERT INTO order_line_item (shop_id, id, order_id, product_id, title, quantity, original_unit_price, total_discount, is_gift_card)
    SELECT ${shopId}, n * 4 + j, n, p, 'Product ' || p, q, price, round(price * q * 0.2 * random()::numeric, 2),
      j = 0 AND n % 100 = 0
    FROM (
      SELECT n, j, 1 + floor(${spec.products} * power(random(), 1.7))::int AS p, 1 + floor(random() * 3)::int AS q,
        round((2 + random() * 60)::numeric, 2) AS price
      FROM generate_series(1, ${spec.orders}) n CROSS JOIN LATERAL generate_series(0, (n % 3)::int) j
    ) g`;
  // Fresh statistics before joining the new rows (otherwise the planner guesses empty tables).
  await prisma.$executeRawUnsafe(`ANALYZE "order", order_line_item`);
  // 5% of orders get a refund of their first line 0-30 days later.
  await prisma.$executeRaw`
    INSERT INTO refund (shop_id, id, order_id, shopify_created_at, shipping_refund)
    SELECT ${shopId}, o.id, o.id, o.processed_at + (random() * 30 * interval '1 day'),
      CASE WHEN o.id % 3 = 0 THEN o.total_shipping ELSE 0 END
    FROM "order" o WHERE o.shop_id = ${shopId} AND o.id % 20 = 7`;
  await prisma.$executeRawUnsafe(`ANALYZE refund`);
  await prisma.$executeRaw`
    INSERT INTO refund_line_item (shop_id, id, refund_id, line_item_id, quantity, subtotal, total_tax)
    SELECT ${shopId}, r.id, r.id, li.id, 1, li.original_unit_price - round(li.total_discount / li.quantity, 2),
      round(li.original_unit_price * 0.08, 2)
    FROM refund r JOIN order_line_item li ON li.shop_id = r.shop_id AND li.id = r.order_id * 4
    WHERE r.shop_id = ${shopId}`;
  await generateLedger(prisma, shopId, spec.products);
  await prisma.$executeRaw`
    UPDATE "order" o SET total_refunded = least(o.total_price, x.amount)
    FROM (SELECT r.order_id, sum(rli.subtotal + rli.total_tax) + sum(DISTINCT r.shipping_refund) AS amount
          FROM refund r JOIN refund_line_item rli ON rli.shop_id = r.shop_id AND rli.refund_id = r.id
          WHERE r.shop_id = ${shopId} GROUP BY r.order_id) x
    WHERE o.shop_id = ${shopId} AND o.id = x.order_id`;
  await prisma.$executeRawUnsafe(`ANALYZE "order", order_line_item, refund, refund_line_item, customer, product, sale`);
}

/**
 * The orders' sales ledger, as Shopify reports it: per line an ORDER sale (8% tax on the
 * discounted line, gift cards untaxed), shipping, a tip on 2% of orders, a duty and an
 * additional fee on 1% each, an order edit adding an item 0-10 days later on 3%, and
 * RETURN sales (negative) for every refund line and refunded shipping. Sale ids are
 * derived from line/order ids (j = 3 is never a line index).
 */
async function generateLedger(prisma: PrismaClient, shopId: number, products: number) {
  const columns = Prisma.raw(`(shop_id, id, order_id, agreement_id, agreement_kind, happened_at, action_type,
    line_type, line_item_id, product_id, quantity, total_amount, total_discount_before_taxes,
    total_discount_after_taxes, total_tax)`);
  await prisma.$executeRaw`
    INSERT INTO sale ${columns}
    SELECT ${shopId}, li.id * 10 + 1, o.id, o.id, 'order', o.processed_at, 'ORDER',
      (CASE WHEN li.is_gift_card THEN 'GIFT_CARD' ELSE 'PRODUCT' END)::"SaleLineType", li.id, li.product_id, li.quantity,
      li.original_unit_price * li.quantity - li.total_discount + t.tax, li.total_discount, li.total_discount, t.tax
    FROM "order" o JOIN order_line_item li ON li.shop_id = o.shop_id AND li.order_id = o.id
    CROSS JOIN LATERAL (SELECT CASE WHEN li.is_gift_card THEN 0
      ELSE round((li.original_unit_price * li.quantity - li.total_discount) * 0.08, 2) END AS tax) t
    WHERE o.shop_id = ${shopId}`;
  await prisma.$executeRaw`
    INSERT INTO sale ${columns}
    SELECT ${shopId}, (o.id * 4 + 3) * 10 + k.n, o.id, o.id, 'order', o.processed_at, 'ORDER', k.line_type::"SaleLineType",
      NULL, NULL, NULL, k.amount, 0, 0, 0
    FROM "order" o
    CROSS JOIN LATERAL (VALUES
      (1, 'SHIPPING', CASE WHEN o.total_shipping > 0 THEN o.total_shipping END),
      (2, 'TIP', CASE WHEN o.id % 50 = 11 THEN 2.00 END),
      (3, 'DUTY', CASE WHEN o.id % 100 = 13 THEN 4.50 END),
      (4, 'ADDITIONAL_FEE', CASE WHEN o.id % 100 = 17 THEN 1.25 END)
    ) AS k(n, line_type, amount)
    WHERE o.shop_id = ${shopId} AND k.amount IS NOT NULL`;
  await prisma.$executeRaw`
    INSERT INTO sale ${columns}
    SELECT ${shopId}, (o.id * 4 + 3) * 10 + 5, o.id, o.id * 10 + 5, 'order_edit',
      o.processed_at + (random() * 10 * interval '1 day'), 'ORDER', 'PRODUCT',
      NULL, 1 + (o.id % ${products}), 1, 10.79, 0, 0, 0.80
    FROM "order" o WHERE o.shop_id = ${shopId} AND o.id % 33 = 5`;
  await prisma.$executeRaw`
    INSERT INTO sale ${columns}
    SELECT ${shopId}, li.id * 10 + 6, r.order_id, r.id, 'refund', r.shopify_created_at, 'RETURN',
      (CASE WHEN li.is_gift_card THEN 'GIFT_CARD' ELSE 'PRODUCT' END)::"SaleLineType", li.id, li.product_id,
      -rli.quantity, -(rli.subtotal + rli.total_tax), -(li.original_unit_price * rli.quantity - rli.subtotal),
      -(li.original_unit_price * rli.quantity - rli.subtotal), -rli.total_tax
    FROM refund r
    JOIN refund_line_item rli ON rli.shop_id = r.shop_id AND rli.refund_id = r.id
    JOIN order_line_item li ON li.shop_id = r.shop_id AND li.id = rli.line_item_id
    WHERE r.shop_id = ${shopId}`;
  await prisma.$executeRaw`
    INSERT INTO sale ${columns}
    SELECT ${shopId}, (r.order_id * 4 + 3) * 10 + 7, r.order_id, r.id, 'refund', r.shopify_created_at, 'RETURN',
      'SHIPPING', NULL, NULL, NULL, -r.shipping_refund, 0, 0, 0
    FROM refund r WHERE r.shop_id = ${shopId} AND r.shipping_refund > 0`;
}
