// The one text of every figure's definition: the Overview shows `definition` in the KPI
// and breakdown popovers, docs/metrics.md quotes `definition` and `ledger` verbatim
// (tests/insights-definitions.test.ts checks both), so the words merchants read and the
// documented computation cannot drift apart. Pure data: no framework imports.

/** Shopify's pages the definitions follow (cited in docs/metrics.md). */
export const SOURCES = {
  salesReport: "https://help.shopify.com/manual/reports-and-analytics/shopify-reports/report-types/sales-report",
  shopifyqlSales: "https://shopify.dev/docs/api/shopifyql/latest/schemas/sales_revenue/sales",
  sale: "https://shopify.dev/docs/api/admin-graphql/latest/interfaces/Sale",
  saleActionType: "https://shopify.dev/docs/api/admin-graphql/latest/enums/SaleActionType",
  salesAgreement: "https://shopify.dev/docs/api/admin-graphql/latest/interfaces/SalesAgreement",
  customersReports:
    "https://help.shopify.com/en/manual/reports-and-analytics/shopify-reports/report-types/default-reports/customers-reports",
} as const;

export type SourceKey = keyof typeof SOURCES;

export const METRIC_KEYS = [
  "grossSales",
  "discounts",
  "returns",
  "netSales",
  "shipping",
  "taxes",
  "duties",
  "additionalFees",
  "totalSales",
  "tips",
  "giftCardSales",
  "orders",
  "averageOrderValue",
  "customers",
  "newCustomers",
  "returningCustomerRate",
  "topCustomers",
  "topProducts",
  "cohort",
  "cohortRetention",
  "cohortLifetimeValue",
  "repeatPurchaseRate",
  "timeToSecondOrder",
  "firstProductRepeat",
] as const;

export type MetricKey = (typeof METRIC_KEYS)[number];

export interface MetricDefinition {
  key: MetricKey;
  /** The label on the page. */
  label: string;
  /** What the merchant reads one click away (popover), in plain words. */
  definition: string;
  /** Exactly what is summed or counted: `sale` fields and filters, or the order table. */
  ledger: string;
  sources: SourceKey[];
}

export const METRIC_DEFINITIONS: Record<MetricKey, MetricDefinition> = {
  grossSales: {
    key: "grossSales",
    label: "Gross sales",
    definition:
      "Product price × quantity of the items sold, before discounts, returns, taxes and shipping. Items added to or removed from an order by an edit count on the day of the edit. Gift cards are not included.",
    ledger:
      "Σ (total_amount − total_tax + total_discount_before_taxes) over sales with line_type = PRODUCT and action_type ∈ {ORDER, UPDATE}.",
    sources: ["salesReport", "shopifyqlSales", "sale"],
  },
  discounts: {
    key: "discounts",
    label: "Discounts",
    definition:
      "Discounts on the items sold: line-item discounts plus each item's share of order-level discounts, before taxes. Shipping discounts are taken off shipping instead.",
    ledger: "Σ total_discount_before_taxes over sales with line_type = PRODUCT and action_type ∈ {ORDER, UPDATE}.",
    sources: ["salesReport", "shopifyqlSales", "sale"],
  },
  returns: {
    key: "returns",
    label: "Returns",
    definition:
      "Value of the items returned or refunded, after their discounts and before taxes, on the day of the refund or return. Refunded shipping and taxes are taken off shipping and taxes instead.",
    ledger:
      "−Σ (total_amount − total_tax) over sales with line_type = PRODUCT and action_type = RETURN, and over sales with line_type = ADJUSTMENT (order price adjustments), shown as a positive amount.",
    sources: ["salesReport", "shopifyqlSales", "saleActionType"],
  },
  netSales: {
    key: "netSales",
    label: "Net sales",
    definition: "Gross sales minus discounts minus returns. Shipping, taxes, duties and fees are not included.",
    ledger: "grossSales − discounts − returns.",
    sources: ["salesReport", "shopifyqlSales"],
  },
  shipping: {
    key: "shipping",
    label: "Shipping",
    definition: "Shipping charges after shipping discounts, minus refunded shipping, before taxes.",
    ledger: "Σ (total_amount − total_tax) over sales with line_type = SHIPPING (every action type).",
    sources: ["salesReport", "shopifyqlSales"],
  },
  taxes: {
    key: "taxes",
    label: "Taxes",
    definition:
      "Taxes charged on products, shipping, duties and fees, minus taxes refunded or removed (negative on the day of the refund).",
    ledger:
      "Σ total_tax over sales with line_type ∈ {PRODUCT, ADJUSTMENT, SHIPPING, DUTY, ADDITIONAL_FEE, FEE} (every action type).",
    sources: ["salesReport", "shopifyqlSales"],
  },
  duties: {
    key: "duties",
    label: "Duties",
    definition: "Import duties charged to customers, minus duties refunded, before taxes.",
    ledger: "Σ (total_amount − total_tax) over sales with line_type = DUTY.",
    sources: ["shopifyqlSales", "sale"],
  },
  additionalFees: {
    key: "additionalFees",
    label: "Additional fees",
    definition: "Additional fees charged on orders (for example import fees), minus fees refunded, before taxes.",
    ledger: "Σ (total_amount − total_tax) over sales with line_type ∈ {ADDITIONAL_FEE, FEE}.",
    sources: ["shopifyqlSales", "sale"],
  },
  totalSales: {
    key: "totalSales",
    label: "Total sales",
    definition:
      "Net sales plus shipping, duties, additional fees and taxes. Tips and gift card sales are not included.",
    ledger:
      "netSales + shipping + duties + additionalFees + taxes = Σ total_amount over sales with line_type ∈ {PRODUCT, ADJUSTMENT, SHIPPING, DUTY, ADDITIONAL_FEE, FEE}.",
    sources: ["salesReport", "shopifyqlSales"],
  },
  tips: {
    key: "tips",
    label: "Tips",
    definition: "Tips customers added to their orders, minus tips refunded. Reported apart: not part of total sales.",
    ledger: "Σ total_amount over sales with line_type = TIP.",
    sources: ["sale"],
  },
  giftCardSales: {
    key: "giftCardSales",
    label: "Gift card sales",
    definition:
      "Gift cards sold, minus gift cards refunded. Reported apart: selling a gift card is not a sale; what is later bought with it is.",
    ledger: "Σ total_amount over sales with line_type = GIFT_CARD.",
    sources: ["salesReport", "sale"],
  },
  orders: {
    key: "orders",
    label: "Orders",
    definition: "Orders placed in the period (by their processing date), cancelled orders included.",
    ledger: "Count of orders (order table, test = false) whose processed_at local date is in range.",
    sources: ["salesReport"],
  },
  averageOrderValue: {
    key: "averageOrderValue",
    label: "Average order value",
    definition: "Gross sales minus discounts, divided by the number of orders.",
    ledger: "(grossSales − discounts) / orders; 0 when there are no orders.",
    sources: ["shopifyqlSales"],
  },
  customers: {
    key: "customers",
    label: "Customers",
    definition: "Distinct customers who placed an order in the period. Guest checkouts are not counted.",
    ledger: "Distinct customer_id of orders in range (order table, test = false, customer_id not null).",
    sources: ["shopifyqlSales"],
  },
  newCustomers: {
    key: "newCustomers",
    label: "New customers",
    definition: "Customers whose first order ever was placed in the period.",
    ledger: "Customers in range whose earliest order (by processed_at, test = false) has its local date in range.",
    sources: ["shopifyqlSales"],
  },
  returningCustomerRate: {
    key: "returningCustomerRate",
    label: "Returning customer rate",
    definition: "Share of the period's customers who had placed at least two orders by the end of the period.",
    ledger:
      "(customers in range with ≥ 2 orders processed on or before the range end) / customers; 0 when there are no customers.",
    sources: ["shopifyqlSales"],
  },
  topCustomers: {
    key: "topCustomers",
    label: "Top customers",
    definition:
      "Customers ranked by what they spent in the period: the total sales of their orders (sales, shipping, duties, fees and taxes, minus returns) booked in the period.",
    ledger:
      "Per customer: Σ total_amount over sales of their orders with line_type ∈ {PRODUCT, ADJUSTMENT, SHIPPING, DUTY, ADDITIONAL_FEE, FEE} in range; orders = their orders processed in range. Ranked by that sum descending, ties by customer id ascending.",
    sources: ["shopifyqlSales"],
  },
  topProducts: {
    key: "topProducts",
    label: "Top products",
    definition:
      "Products ranked by net sales in the period: sales after discounts minus returns, before taxes. Units are items sold minus items returned.",
    ledger:
      "Per product_id: netSales = Σ (total_amount − total_tax) and units = Σ quantity over sales with line_type = PRODUCT (every action type; RETURN quantities are negative). Ranked by netSales descending, ties by product id ascending.",
    sources: ["shopifyqlSales", "sale"],
  },
  cohort: {
    key: "cohort",
    label: "Cohort",
    definition:
      "Customers grouped by the month of their first order, in the shop's time zone. Guest checkouts and test orders are left out; cancelled and refunded orders still count as orders, so a customer whose first order was later refunded stays in that first order's cohort.",
    ledger:
      "Per customer_id (order table, test = false, customer_id not null): the first order by (processed_at, id); cohort month = local month of its processed_at; cohort size = customers of that month.",
    sources: ["customersReports", "salesReport"],
  },
  cohortRetention: {
    key: "cohortRetention",
    label: "Retention",
    definition:
      "Share of a cohort's customers who placed at least one order in the month m months after their first order's month (month 0 is the cohort month itself, so it is always 100%).",
    ledger:
      "activeCustomers(m) = customers of the cohort with ≥ 1 order (test = false) whose processed_at local month is cohort month + m; retention(m) = activeCustomers(m) / cohort size.",
    sources: ["customersReports"],
  },
  cohortLifetimeValue: {
    key: "cohortLifetimeValue",
    label: "Lifetime value",
    definition:
      "Net sales of a cohort's orders booked from the start up to the end of month m, divided by the cohort's size: what an average customer of the cohort had spent by then, after discounts and net of returns booked up to that month, before shipping and taxes.",
    ledger:
      "Σ (total_amount − total_tax) over sales with line_type ∈ {PRODUCT, ADJUSTMENT} and a known action_type, of the cohort customers' orders (test = false), whose happened_at local month ≤ cohort month + m; divided by cohort size.",
    sources: ["salesReport", "shopifyqlSales", "sale"],
  },
  repeatPurchaseRate: {
    key: "repeatPurchaseRate",
    label: "Repeat purchase rate",
    definition:
      "Share of the customers acquired in the period (first order in it) who have placed at least two orders so far — over their whole order history, not only inside the period.",
    ledger:
      "customers = customers whose first order (test = false) is in a cohort month of the range; repeat = those with a second order at any time; rate = repeat / customers; 0 when there are no customers.",
    sources: ["customersReports"],
  },
  timeToSecondOrder: {
    key: "timeToSecondOrder",
    label: "Time to second order",
    definition:
      "For customers acquired in the period who ordered again: the days between the local dates of their first and second orders (0 when both are on the same day), as a median and as a distribution.",
    ledger:
      "days = local date of the second order by (processed_at, id) − local date of the first; median = middle value (mean of the two middle values for an even count); buckets 0, 1–7, 8–14, 15–30, 31–60, 61–90, 91–180, 181–365, 366 and more.",
    sources: ["customersReports"],
  },
  firstProductRepeat: {
    key: "firstProductRepeat",
    label: "Repeat rate by first product",
    definition:
      "For each product on a customer's first order: how many customers acquired in the period bought it in their first order, and the share of them whose second order came within 30, 60, 90 and 180 days.",
    ledger:
      "Per product_id of the first order's line items (each product once per customer): customers; withinN = those whose second order's local date − first order's local date ≤ N; rateN = withinN / customers. Ranked by customers descending, ties by product id ascending.",
    sources: ["customersReports"],
  },
};

/** The Retention page's figures (cohorts, repeat purchase, first product), in page order. */
export const RETENTION_METRICS: readonly MetricKey[] = METRIC_KEYS.slice(METRIC_KEYS.indexOf("cohort"));

/** The Sales-report breakdown on the Overview, top to bottom (as Shopify's Sales report). */
export const SALES_BREAKDOWN: readonly MetricKey[] = [
  "grossSales",
  "discounts",
  "returns",
  "netSales",
  "shipping",
  "duties",
  "additionalFees",
  "taxes",
  "totalSales",
];

/** Reported next to the breakdown, outside total sales. */
export const REPORTED_APART: readonly MetricKey[] = ["tips", "giftCardSales"];
