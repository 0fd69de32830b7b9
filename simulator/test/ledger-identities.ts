// What Shopify states an order's sales ledger must add up to, checked on Admin API
// answers (GraphQL JSON) in integer cents, independently of the simulator's code:
//   currentTotalPriceSet        = Σ sales totalAmount ("after returns"; 2026-10 schema)
//   currentTotalTaxSet          = Σ sales totalTaxAmount
//   currentTotalDiscountsSet    = Σ product sales totalDiscountAmountBeforeTaxes
//   totalDiscountsSet           = Σ LineItem.discountAllocations = Σ discounts of sales that add units
//   totalPriceSet               = Σ sales that add units (ORDER, UPDATE with quantity > 0)
//   currentSubtotalPriceSet     = Σ product sales before tax; currentShippingPriceSet likewise for shipping
//   totalTipReceivedSet, currentTotalDutiesSet, currentTotalAdditionalFeesSet = Σ tip / duty / fee sales
//   totalRefundedSet            = −Σ RETURN sales
//   LineItem.currentQuantity    = Σ its sales' quantities; LineItem.quantity = Σ the positive ones;
//   LineItem.priceAfterAllDiscountsBeforeTaxesSet = Σ its sales before tax ("excluding refunded and removed quantities")
//   the OrderAgreement happens at processedAt; agreements come in date order; RETURN sales are negative
import { cents } from "./helpers.js";

export interface Bag {
  shopMoney: { amount: string };
  presentmentMoney: { amount: string };
}
export interface SaleJ {
  __typename: string;
  id: string;
  actionType: string;
  lineType: string;
  quantity: number | null;
  totalAmount: Bag;
  totalTaxAmount: Bag;
  totalDiscountAmountBeforeTaxes: Bag;
  totalDiscountAmountAfterTaxes: Bag;
  taxes: Array<{ amount: Bag }>;
  lineItem?: { id: string };
}
export interface AgreementJ {
  __typename: string;
  id: string;
  happenedAt: string;
  reason: string;
  sales: SaleJ[];
}
export interface LineJ {
  id: string;
  quantity: number;
  currentQuantity: number;
  priceAfterAllDiscountsBeforeTaxesSet: Bag;
  discountAllocations: Array<{ allocatedAmountSet: Bag; discountApplication: { __typename: string } }>;
}
export interface OrderJ {
  id: string;
  createdAt: string;
  processedAt: string;
  totalPriceSet: Bag;
  currentTotalPriceSet: Bag;
  currentTotalTaxSet: Bag;
  currentTotalDiscountsSet: Bag;
  totalDiscountsSet: Bag;
  currentSubtotalPriceSet: Bag;
  currentShippingPriceSet: Bag;
  totalTipReceivedSet: Bag;
  currentTotalDutiesSet: Bag | null;
  currentTotalAdditionalFeesSet: Bag | null;
  totalRefundedSet: Bag;
  lineItems: LineJ[];
  agreements: AgreementJ[];
}

export const BAG = "shopMoney { amount } presentmentMoney { amount }";
export const SALE_FIELDS = `__typename id actionType lineType quantity
  totalAmount { ${BAG} } totalTaxAmount { ${BAG} }
  totalDiscountAmountBeforeTaxes { ${BAG} } totalDiscountAmountAfterTaxes { ${BAG} }
  taxes { amount { ${BAG} } }
  ... on ProductSale { lineItem { id } }
  ... on GiftCardSale { lineItem { id } }
  ... on TipSale { lineItem { id } }`;
export const ORDER_FIELDS = `id createdAt processedAt
  totalPriceSet { ${BAG} } currentTotalPriceSet { ${BAG} } currentTotalTaxSet { ${BAG} }
  currentTotalDiscountsSet { ${BAG} } totalDiscountsSet { ${BAG} } currentSubtotalPriceSet { ${BAG} }
  currentShippingPriceSet { ${BAG} } totalTipReceivedSet { ${BAG} } currentTotalDutiesSet { ${BAG} }
  currentTotalAdditionalFeesSet { ${BAG} } totalRefundedSet { ${BAG} }`;
export const LINE_FIELDS = `id quantity currentQuantity
  discountAllocations { allocatedAmountSet { ${BAG} } discountApplication { __typename } } priceAfterAllDiscountsBeforeTaxesSet { ${BAG} }`;

export type Side = "shopMoney" | "presentmentMoney";
const SIDES: Side[] = ["shopMoney", "presentmentMoney"];
export const amt = (b: Bag | null | undefined, side: Side) => (b ? cents(b[side].amount) : 0);
const sum = (sales: SaleJ[], side: Side, f: (s: SaleJ) => Bag) => sales.reduce((n, s) => n + amt(f(s), side), 0);
const isProduct = (s: SaleJ) => s.lineType === "PRODUCT" || s.lineType === "GIFT_CARD";

/** Every identity of the header comment for one order; returns the list of violations. */
export function violations(o: OrderJ): string[] {
  const out: string[] = [];
  const check = (what: string, actual: number | string, expected: number | string) => {
    if (actual !== expected) out.push(`${o.id} ${what}: ledger ${actual} ≠ order ${expected}`);
  };
  const sales = o.agreements.flatMap((a) => a.sales);
  for (const side of SIDES) {
    check(
      `${side} Σ totalAmount`,
      sum(sales, side, (s) => s.totalAmount),
      amt(o.currentTotalPriceSet, side),
    );
    check(
      `${side} Σ tax`,
      sum(sales, side, (s) => s.totalTaxAmount),
      amt(o.currentTotalTaxSet, side),
    );
    const products = sales.filter(isProduct);
    check(
      `${side} Σ discounts`,
      sum(products, side, (s) => s.totalDiscountAmountBeforeTaxes),
      amt(o.currentTotalDiscountsSet, side),
    );
    const adding = sales.filter((s) => s.actionType === "ORDER" || (s.actionType === "UPDATE" && s.quantity! > 0));
    check(
      `${side} Σ discounts of added units`,
      sum(adding.filter(isProduct), side, (s) => s.totalDiscountAmountBeforeTaxes),
      amt(o.totalDiscountsSet, side),
    );
    check(
      `${side} Σ discountAllocations`,
      o.lineItems.reduce(
        (n, l) => n + l.discountAllocations.reduce((m, a) => m + amt(a.allocatedAmountSet, side), 0),
        0,
      ),
      amt(o.totalDiscountsSet, side),
    );
    check(
      `${side} totalPriceSet`,
      sum(adding, side, (s) => s.totalAmount),
      amt(o.totalPriceSet, side),
    );
    check(
      `${side} subtotal`,
      sum(products, side, (s) => s.totalAmount) - sum(products, side, (s) => s.totalTaxAmount),
      amt(o.currentSubtotalPriceSet, side),
    );
    const shipping = sales.filter((s) => s.lineType === "SHIPPING");
    check(
      `${side} shipping`,
      sum(shipping, side, (s) => s.totalAmount) - sum(shipping, side, (s) => s.totalTaxAmount),
      amt(o.currentShippingPriceSet, side),
    );
    const of = (lineType: string) => sales.filter((s) => s.lineType === lineType);
    check(
      `${side} tips`,
      sum(of("TIP"), side, (s) => s.totalAmount),
      amt(o.totalTipReceivedSet, side),
    );
    check(
      `${side} duties`,
      sum(of("DUTY"), side, (s) => s.totalAmount),
      amt(o.currentTotalDutiesSet, side),
    );
    check(
      `${side} fees`,
      sum(of("ADDITIONAL_FEE"), side, (s) => s.totalAmount),
      amt(o.currentTotalAdditionalFeesSet, side),
    );
    const returns = sales.filter((s) => s.actionType === "RETURN");
    check(`${side} refunded`, -sum(returns, side, (s) => s.totalAmount), amt(o.totalRefundedSet, side));
    for (const s of sales)
      check(
        `${side} ${s.id} Σ taxes`,
        s.taxes.reduce((n, t) => n + amt(t.amount, side), 0),
        amt(s.totalTaxAmount, side),
      );
  }
  for (const l of o.lineItems) {
    const own = sales.filter((s) => s.lineItem?.id === l.id);
    check(
      `${l.id} currentQuantity`,
      own.reduce((n, s) => n + s.quantity!, 0),
      l.currentQuantity,
    );
    for (const side of SIDES)
      check(
        `${l.id} ${side} priceAfterAllDiscountsBeforeTaxes`,
        sum(own, side, (s) => s.totalAmount) - sum(own, side, (s) => s.totalTaxAmount),
        amt(l.priceAfterAllDiscountsBeforeTaxesSet, side),
      );
    check(
      `${l.id} quantity`,
      own.filter((s) => s.quantity! > 0).reduce((n, s) => n + s.quantity!, 0),
      l.quantity,
    );
  }
  const placements = o.agreements.filter((a) => a.__typename === "OrderAgreement");
  check("one OrderAgreement", placements.length, 1);
  check("placement date", placements[0]?.happenedAt ?? "", o.processedAt);
  const expectedAction: Record<string, string> = {
    OrderAgreement: "ORDER",
    OrderEditAgreement: "UPDATE",
    RefundAgreement: "RETURN",
    ReturnAgreement: "RETURN",
  };
  for (const a of o.agreements) {
    for (const s of a.sales) {
      check(`${s.id} actionType in ${a.__typename}`, s.actionType, expectedAction[a.__typename]!);
      if (s.actionType === "RETURN") {
        check(`${s.id} RETURN quantity sign`, String((s.quantity ?? -1) < 0), "true");
        check(`${s.id} RETURN amount sign`, String(amt(s.totalAmount, "shopMoney") <= 0), "true");
      }
    }
    if (a.__typename === "OrderEditAgreement" || a.__typename === "ReturnAgreement")
      check(`${a.id} after the order`, String(a.happenedAt >= o.createdAt), "true");
  }
  // In the order they happened.
  const dates = o.agreements.map((a) => a.happenedAt);
  check("agreements in date order", JSON.stringify(dates), JSON.stringify([...dates].sort()));
  return out;
}
