// The Retention figures by brute force over the ledger read through the Admin API
// (readLedger in ./oracle.ts), written from docs/metrics.md (Retention) — no app code.
// Every customer's orders are sorted and walked for every question; local dates and
// months come from the LedgerOracle's luxon conversion in the shop's zone; money is
// summed exactly and rounded once.
import Decimal from "decimal.js";
import { DateTime } from "luxon";
import { compareIds, LedgerOracle, type OracleLedger, type OracleOrder } from "./oracle";

interface CustomerHistory {
  id: string;
  /** Non-test orders, first to last by (processedAt, id). */
  orders: OracleOrder[];
  firstDate: string;
  secondDate: string | null;
  cohort: string; // YYYY-MM
}

const rate = (n: number, d: number) =>
  d === 0 ? 0 : new Decimal(n).div(d).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber();
const monthPlus = (month: string, n: number) =>
  DateTime.fromISO(`${month}-01`, { zone: "utc" }).plus({ months: n }).toFormat("yyyy-MM");
const monthsFrom = (a: string, b: string) =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));

const daysBetween = (a: string, b: string) =>
  DateTime.fromISO(b, { zone: "utc" }).diff(DateTime.fromISO(a, { zone: "utc" }), "days").days;

export const GAP_BUCKETS = [
  ["0", 0, 0],
  ["1-7", 1, 7],
  ["8-14", 8, 14],
  ["15-30", 15, 30],
  ["31-60", 31, 60],
  ["61-90", 61, 90],
  ["91-180", 91, 180],
  ["181-365", 181, 365],
  ["366+", 366, null],
] as const;

export class CohortOracle {
  private readonly oracle: LedgerOracle;
  readonly customers: CustomerHistory[];

  constructor(private readonly ledger: OracleLedger) {
    this.oracle = new LedgerOracle(ledger);
    const byCustomer = new Map<string, OracleOrder[]>();
    for (const order of ledger.orders) {
      // Guests have no customer, test orders are in no figure.
      if (order.test || order.customerId === null) continue;
      byCustomer.set(order.customerId, [...(byCustomer.get(order.customerId) ?? []), order]);
    }
    this.customers = [...byCustomer].map(([id, orders]) => {
      orders.sort((a, b) => Date.parse(a.processedAt) - Date.parse(b.processedAt) || compareIds(a.id, b.id));
      const firstDate = this.oracle.localDate(orders[0]!.processedAt);
      return {
        id,
        orders,
        firstDate,
        secondDate: orders[1] ? this.oracle.localDate(orders[1].processedAt) : null,
        cohort: firstDate.slice(0, 7),
      };
    });
  }

  localDate(instant: string): string {
    return this.oracle.localDate(instant);
  }

  private acquired(from: string, to: string) {
    return this.customers.filter((c) => c.cohort >= from.slice(0, 7) && c.cohort <= to.slice(0, 7));
  }

  /** Net sales (PRODUCT and ADJUSTMENT sales, amount − tax) of a customer's orders booked up to the end of `month`. */
  private netSalesUpTo(customer: CustomerHistory, month: string): Decimal {
    let total = new Decimal(0);
    for (const order of customer.orders) {
      for (const sale of order.sales) {
        if (!["ORDER", "RETURN", "UPDATE"].includes(sale.actionType)) continue;
        if (sale.lineType !== "PRODUCT" && sale.lineType !== "ADJUSTMENT") continue;
        if (this.oracle.localDate(sale.happenedAt).slice(0, 7) > month) continue;
        total = total.plus(sale.amount).minus(sale.tax);
      }
    }
    return total;
  }

  /** Same shape as GET /api/insights/cohorts. */
  cohorts(from: string, to: string, today: string) {
    const cohorts = [];
    for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = monthPlus(month, 1)) {
      const members = this.customers.filter((c) => c.cohort === month);
      const cells = [];
      for (let offset = 0; offset <= monthsFrom(month, today.slice(0, 7)); offset++) {
        const at = monthPlus(month, offset);
        const active = members.filter((c) =>
          c.orders.some((o) => this.oracle.localDate(o.processedAt).slice(0, 7) === at),
        ).length;
        const net = members.reduce((sum, c) => sum.plus(this.netSalesUpTo(c, at)), new Decimal(0));
        cells.push({
          offset,
          month: at,
          activeCustomers: active,
          retention: rate(active, members.length),
          netSales: this.oracle.money(net),
          lifetimeValue: this.oracle.money(members.length === 0 ? new Decimal(0) : net.div(members.length)),
        });
      }
      cohorts.push({ cohort: month, customers: members.length, cells });
    }
    return { currency: this.ledger.currency, timezone: this.ledger.timezone, from, to, cohorts };
  }

  /** Same shape as GET /api/insights/repeat-purchase. */
  repeatPurchase(from: string, to: string) {
    const acquired = this.acquired(from, to);
    const gaps = acquired
      .filter((c) => c.secondDate !== null)
      .map((c) => daysBetween(c.firstDate, c.secondDate!))
      .sort((a, b) => a - b);
    const middle = Math.floor(gaps.length / 2);
    const median =
      gaps.length === 0 ? null : gaps.length % 2 === 1 ? gaps[middle]! : (gaps[middle - 1]! + gaps[middle]!) / 2;
    return {
      timezone: this.ledger.timezone,
      from,
      to,
      customers: acquired.length,
      repeatCustomers: gaps.length,
      repeatPurchaseRate: rate(gaps.length, acquired.length),
      medianDaysToSecondOrder: median,
      timeToSecondOrder: GAP_BUCKETS.map(([bucket, minDays, maxDays]) => {
        const customers = gaps.filter((g) => g >= minDays && (maxDays === null || g <= maxDays)).length;
        return { bucket, minDays, maxDays, customers, share: rate(customers, gaps.length) };
      }),
    };
  }

  /** Same shape as GET /api/insights/first-product without titles. */
  firstProducts(from: string, to: string, limit: number) {
    const per = new Map<string, { customers: number; within: Record<number, number> }>();
    for (const c of this.acquired(from, to)) {
      const gap = c.secondDate === null ? null : daysBetween(c.firstDate, c.secondDate);
      for (const product of new Set(c.orders[0]!.productIds)) {
        const e = per.get(product) ?? { customers: 0, within: { 30: 0, 60: 0, 90: 0, 180: 0 } };
        e.customers++;
        for (const days of [30, 60, 90, 180]) if (gap !== null && gap <= days) e.within[days]!++;
        per.set(product, e);
      }
    }
    return [...per]
      .sort(([a, x], [b, y]) => y.customers - x.customers || compareIds(a, b))
      .slice(0, limit)
      .map(([id, e]) => ({
        id,
        customers: e.customers,
        within30: e.within[30]!,
        within60: e.within[60]!,
        within90: e.within[90]!,
        within180: e.within[180]!,
        rate30: rate(e.within[30]!, e.customers),
        rate60: rate(e.within[60]!, e.customers),
        rate90: rate(e.within[90]!, e.customers),
        rate180: rate(e.within[180]!, e.customers),
      }));
  }

  /** What the store exercises (tests assert every case is present). */
  coverage(refundedFirstOrders: (order: OracleOrder) => boolean) {
    const guestOrders = this.ledger.orders.filter((o) => !o.test && o.customerId === null).length;
    // A first order near a local month end whose UTC month differs from its local month.
    const monthEdge = this.customers.filter(
      (c) => c.orders[0]!.processedAt.slice(0, 7) !== c.firstDate.slice(0, 7),
    ).length;
    return {
      guestOrders,
      monthEdgeFirstOrders: monthEdge,
      refundedFirstOrders: this.customers.filter((c) => refundedFirstOrders(c.orders[0]!)).length,
      repeatCustomers: this.customers.filter((c) => c.secondDate !== null).length,
    };
  }
}
