// Webhook bodies in Shopify's REST-style snake_case JSON (the shapes of the
// orders/*, refunds/create, customers/*, products/*, app/*, shop/update,
// bulk_operations/finish and compliance topics).
import { DateTime } from "luxon";
import type { BulkOperationView } from "../graphql/context.js";
import { customerStats } from "../store/customer-stats.js";
import { currentQuantity } from "../store/ledger.js";
import { gid } from "../store/ids.js";
import { addPairs, ZERO, type MoneyPair } from "../store/money.js";
import {
  discountKind,
  financialStatus,
  lineLevelDiscount,
  lineOriginalTotal,
  orderTotals,
  refundTotal,
} from "../store/order-totals.js";
import type { ShopProfile, ShopStore } from "../store/shop-store.js";
import type { Customer, LineItem, Order, Product, Refund } from "../store/types.js";

type Json = Record<string, unknown>;

function priceSet(pair: MoneyPair, shopCurrency: string, presentmentCurrency: string): Json {
  return {
    shop_money: { amount: pair.shop, currency_code: shopCurrency },
    presentment_money: { amount: pair.presentment, currency_code: presentmentCurrency },
  };
}

function moneyFields(name: string, pair: MoneyPair, order: Order): Json {
  return { [name]: pair.shop, [`${name}_set`]: priceSet(pair, order.currencyCode, order.presentmentCurrencyCode) };
}

function lineItemPayload(l: LineItem, order: Order): Json {
  // Refunded and order-edit-removed units are gone from current_quantity; quantity keeps them.
  const current = currentQuantity(order, l);
  return {
    id: l.id,
    admin_graphql_api_id: gid("LineItem", l.id),
    current_quantity: current,
    fulfillable_quantity: current,
    fulfillment_service: "manual",
    fulfillment_status: null,
    gift_card: l.isGiftCard,
    grams: 0,
    name: l.variantTitle ? `${l.title} - ${l.variantTitle}` : l.title,
    ...moneyFields("price", l.originalUnitPrice, order),
    product_exists: l.productId !== null,
    product_id: l.productId,
    properties: [],
    quantity: l.quantity,
    requires_shipping: l.requiresShipping,
    sku: l.sku,
    taxable: l.taxable,
    title: l.title,
    // REST line total_discount, like GraphQL's totalDiscountSet, leaves out order-level
    // discounts: those are only in discount_allocations (2026-10 LineItem.totalDiscountSet).
    ...moneyFields("total_discount", lineLevelDiscount(l, order), order),
    variant_id: l.variantId,
    variant_inventory_management: "shopify",
    variant_title: l.variantTitle,
    vendor: l.vendor,
    tax_lines:
      Number(l.taxRate) > 0
        ? [
            {
              channel_liable: false,
              ...moneyFields("price", l.tax, order),
              rate: Number(l.taxRate),
              title: "Sales Tax",
            },
          ]
        : [],
    duties: [],
    discount_allocations: l.discountAllocations.map((a) => ({
      ...moneyFields("amount", a.amount, order),
      discount_application_index: a.applicationIndex,
    })),
  };
}

export function customerPayload(store: ShopStore, c: Customer): Json {
  const stats = customerStats(store, c.id);
  const last = store.ordersOfCustomer(c.id).at(-1);
  return {
    id: c.id,
    email: c.email,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    first_name: c.firstName,
    last_name: c.lastName,
    orders_count: stats.numberOfOrders,
    state: c.state.toLowerCase(),
    total_spent: stats.amountSpent,
    last_order_id: last?.id ?? null,
    note: null,
    verified_email: c.verifiedEmail,
    multipass_identifier: null,
    tax_exempt: false,
    tags: c.tags.join(", "),
    last_order_name: last?.name ?? null,
    currency: store.profile.currencyCode,
    phone: c.phone,
    addresses: [],
    tax_exemptions: [],
    email_marketing_consent: c.email
      ? { state: "not_subscribed", opt_in_level: "single_opt_in", consent_updated_at: null }
      : null,
    sms_marketing_consent: null,
    admin_graphql_api_id: gid("Customer", c.id),
    default_address: null,
  };
}

function refundPayload(r: Refund, order: Order): Json {
  return {
    id: r.id,
    order_id: order.id,
    created_at: r.createdAt,
    note: r.note,
    user_id: null,
    processed_at: r.processedAt,
    restock: r.refundLineItems.some((x) => x.restockType !== "NO_RESTOCK"),
    duties: [],
    total_duties_set: priceSet(
      { shop: "0.00", presentment: "0.00" },
      order.currencyCode,
      order.presentmentCurrencyCode,
    ),
    additional_fees: [],
    total_additional_fees_set: priceSet(
      { shop: "0.00", presentment: "0.00" },
      order.currencyCode,
      order.presentmentCurrencyCode,
    ),
    return: null,
    admin_graphql_api_id: gid("Refund", r.id),
    refund_line_items: r.refundLineItems.map((x) => {
      const line = order.lineItems.find((l) => l.id === x.lineItemId);
      return {
        id: x.id,
        quantity: x.quantity,
        line_item_id: x.lineItemId,
        location_id: null,
        restock_type: x.restockType.toLowerCase(),
        ...moneyFields("subtotal", x.subtotal, order),
        ...moneyFields("total_tax", x.totalTax, order),
        line_item: line ? lineItemPayload(line, order) : null,
      };
    }),
    refund_shipping_lines: r.refundShippingLines.map((s) => ({
      id: s.id,
      shipping_line_id: s.shippingLineId,
      ...moneyFields("subtotal_amount", s.subtotal, order),
      ...moneyFields("tax_amount", s.tax, order),
    })),
    transactions: [
      {
        id: r.id,
        admin_graphql_api_id: gid("Refund", r.id).replace("Refund", "OrderTransaction"),
        amount: refundTotal(r).presentment,
        currency: order.presentmentCurrencyCode,
        kind: "refund",
        status: "success",
        gateway: "bogus",
        created_at: r.createdAt,
        processed_at: r.processedAt,
        order_id: order.id,
        test: order.test,
      },
    ],
    // Older REST versions report refunded shipping as order adjustments (negative amounts).
    order_adjustments: r.refundShippingLines.map((sl) => ({
      id: sl.id,
      order_id: order.id,
      refund_id: r.id,
      amount: negate(sl.subtotal.shop),
      tax_amount: negate(sl.tax.shop),
      kind: "shipping_refund",
      reason: "Shipping refund",
      amount_set: priceSet(
        { shop: negate(sl.subtotal.shop), presentment: negate(sl.subtotal.presentment) },
        order.currencyCode,
        order.presentmentCurrencyCode,
      ),
      tax_amount_set: priceSet(
        { shop: negate(sl.tax.shop), presentment: negate(sl.tax.presentment) },
        order.currencyCode,
        order.presentmentCurrencyCode,
      ),
    })),
  };
}

function negate(amount: string): string {
  return amount.startsWith("-") ? amount.slice(1) : amount === "0.00" ? amount : `-${amount}`;
}

export function orderPayload(store: ShopStore, o: Order): Json {
  const t = orderTotals(o);
  const customer = o.customerId != null ? store.customer(o.customerId) : undefined;
  const lineItemsPrice = addPairs(ZERO, ...o.lineItems.map(lineOriginalTotal));
  return {
    id: o.id,
    admin_graphql_api_id: gid("Order", o.id),
    app_id: null,
    browser_ip: null,
    buyer_accepts_marketing: false,
    cancel_reason: o.cancelReason?.toLowerCase() ?? null,
    cancelled_at: o.cancelledAt,
    cart_token: null,
    checkout_id: null,
    checkout_token: null,
    client_details: null,
    closed_at: o.closedAt,
    confirmation_number: `SIM${o.number}`,
    confirmed: true,
    contact_email: o.email,
    created_at: o.createdAt,
    currency: o.currencyCode,
    // current_* reflect refunds (REST Order resource: "The value of this field reflects order
    // edits, returns, and refunds"); see orderTotals for how each is netted.
    ...moneyFields("current_subtotal_price", t.currentSubtotal, o),
    ...moneyFields("current_total_discounts", t.currentTotalDiscounts, o),
    ...moneyFields("current_total_price", t.currentTotal, o),
    ...moneyFields("current_total_tax", t.currentTotalTax, o),
    customer_locale: "en",
    device_id: null,
    discount_codes: o.discountApplications
      .filter((d) => d.code)
      .map((d) => ({ code: d.code, amount: d.value, type: d.valueType })),
    email: o.email,
    estimated_taxes: false,
    financial_status: financialStatus(o).toLowerCase(),
    fulfillment_status: null,
    landing_site: null,
    name: o.name,
    note: null,
    note_attributes: [],
    number: o.number - 1000,
    order_number: o.number,
    payment_gateway_names: ["bogus"],
    phone: null,
    presentment_currency: o.presentmentCurrencyCode,
    processed_at: o.processedAt,
    reference: null,
    referring_site: null,
    source_identifier: null,
    source_name: o.sourceName,
    ...moneyFields("subtotal_price", t.subtotal, o),
    tags: o.tags.join(", "),
    tax_exempt: false,
    taxes_included: false,
    test: o.test,
    token: `sim${o.id}`,
    ...moneyFields("total_discounts", t.totalDiscounts, o),
    ...moneyFields("total_line_items_price", lineItemsPrice, o),
    total_outstanding: "0.00",
    ...moneyFields("total_price", t.total, o),
    total_shipping_price_set: priceSet(t.totalShipping, o.currencyCode, o.presentmentCurrencyCode),
    ...moneyFields("total_tax", t.totalTax, o),
    total_tip_received: "0.00",
    total_weight: 0,
    updated_at: o.updatedAt,
    user_id: null,
    billing_address: null,
    customer: customer
      ? {
          id: customer.id,
          email: customer.email,
          created_at: customer.createdAt,
          updated_at: customer.updatedAt,
          first_name: customer.firstName,
          last_name: customer.lastName,
          state: customer.state.toLowerCase(),
          note: null,
          verified_email: customer.verifiedEmail,
          multipass_identifier: null,
          tax_exempt: false,
          phone: customer.phone,
          currency: o.currencyCode,
          tags: customer.tags.join(", "),
          admin_graphql_api_id: gid("Customer", customer.id),
          default_address: null,
        }
      : null,
    discount_applications: o.discountApplications.map((d) => {
      const kind = discountKind(d);
      return {
        target_type: "line_item",
        type: kind === "code" ? "discount_code" : kind,
        value: d.value,
        value_type: d.valueType,
        allocation_method: d.level === "order" || d.valueType === "percentage" ? "across" : "one",
        target_selection: d.level === "order" ? "all" : kind === "automatic" ? "entitled" : "explicit",
        ...(kind === "code" ? { code: d.code } : { title: d.title, description: d.title }),
      };
    }),
    fulfillments: [],
    line_items: o.lineItems.map((l) => lineItemPayload(l, o)),
    payment_terms: null,
    refunds: o.refunds.map((r) => refundPayload(r, o)),
    shipping_address: null,
    shipping_lines: o.shippingLines.map((s) => ({
      id: s.id,
      carrier_identifier: null,
      code: s.code,
      ...moneyFields("discounted_price", s.price, o),
      is_removed: false,
      phone: null,
      ...moneyFields("price", s.price, o),
      requested_fulfillment_service_id: null,
      source: "shopify",
      title: s.title,
      tax_lines:
        Number(s.tax.shop) > 0
          ? [{ ...moneyFields("price", s.tax, o), rate: 0, title: "Shipping Tax", channel_liable: false }]
          : [],
      discount_allocations: [],
    })),
  };
}

export function productPayload(p: Product): Json {
  return {
    admin_graphql_api_id: gid("Product", p.id),
    body_html: "",
    created_at: p.createdAt,
    handle: p.handle,
    id: p.id,
    product_type: p.productType,
    published_at: p.publishedAt,
    template_suffix: null,
    title: p.title,
    updated_at: p.updatedAt,
    vendor: p.vendor,
    status: p.status.toLowerCase(),
    published_scope: "global",
    tags: p.tags.join(", "),
    variants: p.variants.map((v) => ({
      admin_graphql_api_id: gid("ProductVariant", v.id),
      barcode: null,
      compare_at_price: null,
      created_at: v.createdAt,
      id: v.id,
      inventory_policy: "deny",
      position: v.position,
      price: v.price,
      product_id: p.id,
      sku: v.sku,
      taxable: !p.isGiftCard,
      title: v.title,
      updated_at: v.updatedAt,
      option1: v.title,
      option2: null,
      option3: null,
      image_id: null,
      inventory_item_id: null,
      inventory_quantity: 0,
      old_inventory_quantity: 0,
    })),
    options: [{ name: "Title", id: p.id, product_id: p.id, position: 1, values: p.variants.map((v) => v.title) }],
    images: [],
    image: null,
    media: [],
    variant_gids: p.variants.map((v) => ({
      admin_graphql_api_id: gid("ProductVariant", v.id),
      updated_at: v.updatedAt,
    })),
  };
}

export function shopPayload(p: ShopProfile): Json {
  const offset = DateTime.now().setZone(p.ianaTimezone).toFormat("ZZ");
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    domain: p.domain,
    province: "New York",
    country: "US",
    address1: "1 Simulator Way",
    zip: "10001",
    city: "New York",
    source: null,
    phone: "",
    latitude: null,
    longitude: null,
    primary_locale: "en",
    address2: null,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    country_code: "US",
    country_name: "United States",
    currency: p.currencyCode,
    customer_email: p.email,
    timezone: `(GMT${offset}) ${p.ianaTimezone}`,
    iana_timezone: p.ianaTimezone,
    shop_owner: `${p.name} Owner`,
    money_format: "${{amount}}",
    money_with_currency_format: `\${{amount}} ${p.currencyCode}`,
    weight_unit: "kg",
    province_code: "NY",
    taxes_included: false,
    auto_configure_tax_inclusivity: null,
    tax_shipping: null,
    county_taxes: true,
    plan_display_name: p.plan === "plus" ? "Shopify Plus" : p.plan === "advanced" ? "Advanced" : "Shopify",
    plan_name: p.plan === "plus" ? "shopify_plus" : p.plan === "advanced" ? "advanced" : "basic",
    has_discounts: true,
    has_gift_cards: true,
    myshopify_domain: p.domain,
    google_apps_domain: null,
    google_apps_login_enabled: null,
    money_in_emails_format: "${{amount}}",
    money_with_currency_in_emails_format: `\${{amount}} ${p.currencyCode}`,
    eligible_for_payments: true,
    requires_extra_payments_agreement: false,
    password_enabled: false,
    has_storefront: true,
    finances: true,
    primary_location_id: null,
    checkout_api_supported: true,
    multi_location_enabled: true,
    setup_required: false,
    pre_launch_enabled: false,
    enabled_presentment_currencies: [p.currencyCode],
    marketing_sms_consent_enabled_at_checkout: false,
    transactional_sms_disabled: false,
  };
}

export function bulkFinishPayload(op: BulkOperationView): Json {
  return {
    admin_graphql_api_id: op.id,
    completed_at: op.completedAt,
    created_at: op.createdAt,
    error_code: op.errorCode?.toLowerCase() ?? null,
    status: op.status.toLowerCase(),
    type: op.type.toLowerCase(),
  };
}
