// Loads a store fixture (JSON, format in fixtures/schema.json) after validating
// it with ajv; errors name the JSON path of each problem so a hand-written
// fixture is easy to fix. Defaults from the schema fill in optional fields.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { toCents } from "./cents.js";
import { addPairs, ZERO } from "./money.js";
import type { ShopData } from "./types.js";

const schemaPath = fileURLToPath(new URL("../../fixtures/schema.json", import.meta.url));

// ajv-formats is CommonJS; under ESM its callable is the default export's default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

let validator: ValidateFunction | undefined;
function getValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
  }
  return validator;
}

export class FixtureError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid store fixture ${source}:\n  - ${problems.join("\n  - ")}`);
    this.name = "FixtureError";
  }
}

function describe(error: ErrorObject): string {
  const at = error.instancePath === "" ? "(root)" : error.instancePath;
  if (error.keyword === "additionalProperties") {
    return `${at}: unknown property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  }
  if (error.keyword === "enum") {
    return `${at}: must be one of ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`;
  }
  return `${at}: ${error.message ?? error.keyword}`;
}

/** Validate (and default-fill) parsed fixture JSON, then check cross-references. */
export function parseFixture(value: unknown, source = "<inline>"): ShopData {
  const data = structuredClone(value);
  const validate = getValidator();
  if (!validate(data)) {
    // anyOf failures repeat every branch; keep the first message per path.
    const seen = new Set<string>();
    const problems = (validate.errors ?? []).map(describe).filter((p) => !seen.has(p) && seen.add(p));
    throw new FixtureError(source, problems);
  }
  const fixture = data as ShopData;
  normalise(fixture);
  const problems = [...discountAllocationProblems(fixture), ...crossReferenceProblems(fixture)];
  if (problems.length > 0) throw new FixtureError(source, problems);
  return fixture;
}

export function loadFixtureFile(path: string): ShopData {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new FixtureError(path, [`not readable JSON: ${(err as Error).message}`]);
  }
  return parseFixture(json, path);
}

/** Fill in the defaults that depend on other fields (the schema cannot express them). */
function normalise(f: ShopData): void {
  for (const p of f.products) {
    p.variants.forEach((v, i) => {
      v.productId = p.id;
      v.position ??= i + 1;
      v.createdAt ??= p.createdAt;
      v.updatedAt ??= p.updatedAt;
    });
  }
  for (const o of f.orders) {
    o.name ??= `#${o.number}`;
    o.processedAt ??= o.createdAt;
    o.currencyCode ??= f.shop.currencyCode;
    o.presentmentCurrencyCode ??= o.currencyCode;
    for (const r of o.refunds) {
      r.orderId = o.id;
      r.processedAt ??= r.createdAt;
      r.updatedAt ??= r.createdAt;
    }
  }
}

/**
 * Fill in and check each line's discount allocations: Shopify reports every
 * discount on a line as an allocation to one discount application, so the
 * allocations must name an application of the order and add up to totalDiscount.
 */
function discountAllocationProblems(f: ShopData): string[] {
  const problems: string[] = [];
  f.orders.forEach((o, i) => {
    o.lineItems.forEach((l, j) => {
      const at = `/orders/${i}/lineItems/${j}`;
      const discounted = toCents(l.totalDiscount.shop) !== 0 || toCents(l.totalDiscount.presentment) !== 0;
      if (l.discountAllocations === undefined) {
        if (!discounted) l.discountAllocations = [];
        else if (o.discountApplications.length === 1)
          l.discountAllocations = [{ applicationIndex: 0, amount: l.totalDiscount }];
        else {
          l.discountAllocations = [];
          problems.push(
            `${at}/discountAllocations: required when totalDiscount is set and the order has ${o.discountApplications.length} discount applications`,
          );
        }
        return;
      }
      l.discountAllocations.forEach((a, k) => {
        if (a.applicationIndex >= o.discountApplications.length)
          problems.push(
            `${at}/discountAllocations/${k}/applicationIndex: no discount application ${a.applicationIndex} in this order`,
          );
      });
      const sum = addPairs(ZERO, ...l.discountAllocations.map((a) => a.amount));
      if (!discounted) l.totalDiscount = sum;
      else if (
        toCents(sum.shop) !== toCents(l.totalDiscount.shop) ||
        toCents(sum.presentment) !== toCents(l.totalDiscount.presentment)
      ) {
        problems.push(
          `${at}/totalDiscount: must equal the sum of discountAllocations (${sum.shop} / ${sum.presentment})`,
        );
      }
    });
  });
  return problems;
}

function crossReferenceProblems(f: ShopData): string[] {
  const problems: string[] = [];
  const dup = (kind: string, ids: number[]) => {
    const seen = new Set<number>();
    ids.forEach((id) => {
      if (seen.has(id)) problems.push(`/${kind}: duplicate id ${id}`);
      seen.add(id);
    });
  };
  dup(
    "customers",
    f.customers.map((c) => c.id),
  );
  dup(
    "products",
    f.products.map((p) => p.id),
  );
  dup(
    "orders",
    f.orders.map((o) => o.id),
  );
  const customerIds = new Set(f.customers.map((c) => c.id));
  const productIds = new Set(f.products.map((p) => p.id));
  const variantIds = new Set(f.products.flatMap((p) => p.variants.map((v) => v.id)));
  f.orders.forEach((o, i) => {
    if (o.customerId != null && !customerIds.has(o.customerId))
      problems.push(`/orders/${i}/customerId: no customer with id ${o.customerId}`);
    const lineIds = new Set(o.lineItems.map((l) => l.id));
    const shippingIds = new Set(o.shippingLines.map((s) => s.id));
    o.lineItems.forEach((l, j) => {
      if (l.productId != null && !productIds.has(l.productId))
        problems.push(`/orders/${i}/lineItems/${j}/productId: no product with id ${l.productId}`);
      if (l.variantId != null && !variantIds.has(l.variantId))
        problems.push(`/orders/${i}/lineItems/${j}/variantId: no variant with id ${l.variantId}`);
    });
    o.refunds.forEach((r, j) => {
      r.refundLineItems.forEach((rl, k) => {
        if (!lineIds.has(rl.lineItemId))
          problems.push(
            `/orders/${i}/refunds/${j}/refundLineItems/${k}/lineItemId: no line item ${rl.lineItemId} in this order`,
          );
      });
      r.refundShippingLines.forEach((rs, k) => {
        if (!shippingIds.has(rs.shippingLineId))
          problems.push(
            `/orders/${i}/refunds/${j}/refundShippingLines/${k}/shippingLineId: no shipping line ${rs.shippingLineId} in this order`,
          );
      });
    });
  });
  return problems;
}
