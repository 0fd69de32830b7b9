// Answers worked out by hand (docs/metrics.md) for the hand-made stores of
// tests/insights-store-fixtures.ts, shared by the tests that ask for them through the
// insights functions and over HTTP.

/**
 * Fall-back store (America/New_York, USD), 2026-11-01..2026-11-04:
 * orders in range: 1, 2 (23:30 EST on 11-01), 3, 5 (cancelled guest), 7, 8. Not 4 (test), not 6 (10-15).
 * gross: 20 (gift card excluded) + 33.335 + 10 + 20 + 22.50 + 21 = 126.835
 * discounts: 2 + 1.50 = 3.50; returns: 9 (refund on 11-04) + 20 (11-03) = 29
 * net: 126.835 - 3.50 - 29 = 94.335 → 94.34 (half away from zero)
 * shipping: 5 - 5 (refunded shipping) = 0; taxes: 1.60 + 0.80 - 0.80 = 1.60
 * total: 94.335 + 0 + 1.60 = 95.935 → 95.94; AOV: 123.335 / 6 = 20.5558 → 20.56
 * customers: 101, 102, 104, 99 (guest excluded) = 4; new: 101, 104, 99 (102 first ordered 10-15)
 * returning: 101 (2 orders), 102 (10-15 + 11-01) → 2 / 4
 * gift card sales: order 1's 25.00 gift card, apart from total sales
 */
export const FALL_BACK_NOV_1_TO_4_TOTALS = {
  orders: 6,
  grossSales: "126.84",
  discounts: "3.50",
  returns: "29.00",
  netSales: "94.34",
  shipping: "0.00",
  duties: "0.00",
  additionalFees: "0.00",
  taxes: "1.60",
  totalSales: "95.94",
  tips: "0.00",
  giftCardSales: "25.00",
  averageOrderValue: "20.56",
  customers: 4,
  newCustomers: 3,
  returningCustomerRate: 0.5,
};
