// Customer fields Shopify derives from the customer's orders.
import { addPairs, ZERO } from "./money.js";
import { orderTotals } from "./order-totals.js";
import type { ShopStore } from "./shop-store.js";

export interface CustomerStats {
  numberOfOrders: number;
  /** Shop currency: Σ (total − refunded) over the customer's non-test, non-cancelled orders. */
  amountSpent: string;
}

export function customerStats(store: ShopStore, customerId: number): CustomerStats {
  const orders = store.ordersOfCustomer(customerId);
  const counted = orders.filter((o) => !o.test && !o.cancelledAt);
  const spent = addPairs(ZERO, ...counted.map((o) => orderTotals(o).currentTotal));
  return { numberOfOrders: orders.length, amountSpent: spent.shop };
}
