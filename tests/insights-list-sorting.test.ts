// The Customers and Products pages, sorted by every sortable column in both directions
// and read page by page over HTTP (the server-rendered table staff see), against an
// ordering computed here from the seeded orders (decimal.js for money, the Unicode root
// collation for text) — independent of the SQL in app/insights/lists.ts.
//
// The documented ordering (app/insights/lists.ts): money and counts numerically; names and
// titles case-insensitively by the Unicode root collation; dates chronologically; missing
// values (no name, never ordered) last in both directions; ties by Shopify id ascending, so
// paging never repeats or skips a row.
import type { PrismaClient } from "@prisma/client";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recomputeAllRollups, type InsightsShop } from "~/insights";
import { startApp, type RunningApp } from "./helpers/app-server";
import { createOfflineSession, createTestPrisma } from "./helpers/db";
import { sessionToken } from "./helpers/shopify-signing";
import { BROWSER_USER_AGENT, hostParam } from "./helpers/stack";
import { addOrders, createShop, type LedgerSale, type OrderSpec } from "./insights-store-fixtures";

const FROM = "2026-10-01";
const TO = "2026-10-31";
const PAGE_SIZE = 25; // app/insights/page-data.ts

let prisma: PrismaClient;
let app: RunningApp;
let shop: InsightsShop;

interface SeedCustomer {
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string;
}
interface SeedProduct {
  id: number;
  title: string;
  vendor: string;
}
const customers: SeedCustomer[] = [];
const products: SeedProduct[] = [];
const orders: OrderSpec[] = [];
let ledger: LedgerSale[] = [];

// Deterministic pseudo-random numbers (reproducible runs).
function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

// Names chosen so that code-point order, case and accents would each give another order;
// repeated names (any case) are ties broken by id. null = a customer without a name.
const NAMES: [string | null, string | null][] = [
  ["Ada", "Lovelace"],
  ["ada", "lovelace"],
  ["Émile", "Zola"],
  ["Emile", "Zola"],
  ["Zoë", "Quinn"],
  ["zoe", "Quinn"],
  ["Alan", "Turing"],
  ["Ærø", "Hansen"],
  ["Øyvind", "Berg"],
  ["Oz", "Ward"],
  ["Grace", "Hopper"],
  ["grace", "HOPPER"],
  ["Niamh", "O'Brien"],
  ["Tom", "& Jerry"],
  [null, null],
  [null, null],
  ["Bob", null],
  [null, "Smith"],
  ["Ünal", "Kaya"],
  ["Uma", "Kaya"],
  ["Zach", "Abbott"],
  ["Ángel", "Ruiz"],
  ["angel", "ruiz"],
  ["Ian", "Ng"],
  ["Ian", "Ng"],
  ["Ida", "Wells"],
];
const TITLES = [
  "Mug",
  "Mug",
  "mug",
  "Éclair",
  "Eclair",
  "eclair",
  "Zebra print",
  "Apple",
  "apple",
  "Ærø plate",
  "Øre",
  "Oat milk",
  "Tea & Cake",
  "Tee",
  "tee",
  "Ünal's jam",
  "Umbrella",
  "Widget",
  "Gadget",
  "Gizmo",
  "10 pack",
  "2 pack",
  "Zip",
  "Ångström",
];

beforeAll(async () => {
  prisma = createTestPrisma();
  [app, shop] = await Promise.all([
    startApp(),
    createShop(prisma, { label: "sorting", currency: "USD", timezone: "UTC" }),
  ]);
  const random = lcg(11);
  // Ids deliberately not in name or spend order.
  for (let i = 0; i < 62; i++) {
    const [firstName, lastName] = NAMES[i % NAMES.length]!;
    customers.push({ id: 5000 + ((i * 37) % 97), firstName, lastName, email: `c${i}@example.com` });
  }
  for (let i = 0; i < 57; i++) {
    products.push({ id: 8000 + ((i * 29) % 83), title: TITLES[i % TITLES.length]!, vendor: `Vendor ${i}` });
  }
  await prisma.customer.createMany({
    data: customers.map((c) => ({
      shopId: shop.id,
      ...c,
      id: BigInt(c.id),
      shopifyUpdatedAt: new Date("2026-01-01T00:00:00Z"),
    })),
  });
  await prisma.product.createMany({
    data: products.map((p) => ({
      shopId: shop.id,
      ...p,
      id: BigInt(p.id),
      shopifyUpdatedAt: new Date("2026-01-01T00:00:00Z"),
    })),
  });

  let orderId = 1;
  const order = (
    customerId: number | null,
    date: string,
    price: string,
    productIndex: number,
    quantity: number,
    refunded = "0",
    refundDate = date,
  ) => {
    const total = new Decimal(price).times(quantity).toFixed(2);
    orders.push({
      id: orderId,
      customerId,
      processedAt: `${date}T12:00:00Z`,
      totalPrice: total,
      totalRefunded: refunded,
      lines: [{ id: orderId, productId: products[productIndex]!.id, quantity, price }],
      // A partial refund (the same day unless said): one unit back, `refunded` paid back for it.
      refunds:
        refunded === "0"
          ? []
          : [
              {
                id: orderId,
                createdAt: `${refundDate}T13:00:00Z`,
                lines: [{ id: orderId, lineItemId: orderId, quantity: 1, subtotal: refunded }],
              },
            ],
    });
    orderId += 1;
  };
  const day = (n: number) => `2026-10-${String(n).padStart(2, "0")}`;
  customers.forEach((c, i) => {
    if (i % 13 === 5) return; // never ordered: no last order date
    if (i % 11 === 3) {
      // Only before the range: $0.00 in range; or refunded in the range: below $0.00 (the
      // ascending sorts read these customers from their negative days).
      order(
        c.id,
        "2026-09-20",
        "42.00",
        i % products.length,
        1,
        i % 2 === 0 ? `${10 + (i % 20)}.00` : "0",
        "2026-10-05",
      );
      return;
    }
    const count = 1 + (i % 3);
    for (let k = 0; k < count; k++) {
      // Amounts from $0.01 to $1,200: text order ("9.99" > "10.00" > "1000.00") differs from numeric.
      const cents = 1 + Math.floor(random() ** 2 * 120_000);
      const price = new Decimal(cents).div(100).toFixed(2);
      const productIndex = Math.floor(random() * (products.length - 8)); // the last 8 products: see below
      order(
        c.id,
        day(1 + Math.floor(random() * 31)),
        price,
        productIndex,
        1,
        k === 1 && i % 4 === 0 ? new Decimal(price).div(4).toFixed(2) : "0",
      );
    }
  });
  // Ties on total spent, orders and last order date (the same order on the same day).
  for (const i of [20, 21, 22, 23]) order(customers[i]!.id, day(31), "50.00", products.length - 8, 2);
  // Products with equal units and net sales (guest orders), and some never sold.
  for (const index of [products.length - 7, products.length - 6, products.length - 5])
    order(null, day(15), "25.00", index, 2);
  order(null, day(16), "12.50", products.length - 4, 4);
  ledger = await addOrders(prisma, shop.id, "USD", orders);
  await recomputeAllRollups(prisma, shop.id);
  await createOfflineSession(prisma, shop.domain);
}, 180_000);
afterAll(async () => {
  await app?.stop();
  await prisma?.$disconnect();
});

// ---------- the independent ordering ----------

const inRangeAt = (instant: string) => instant.slice(0, 10) >= FROM && instant.slice(0, 10) <= TO; // shop in UTC
const inRange = (o: OrderSpec) => inRangeAt(o.processedAt);
const collator = new Intl.Collator("und"); // the Unicode root collation (PostgreSQL "und-x-icu")
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const count = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const date = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

interface Keyed {
  id: number;
  key: Decimal | number | string | null; // null: missing value, always last
  row: string[]; // the cells the page should show
}

function compareKeys(a: Keyed, b: Keyed, direction: "asc" | "desc"): number {
  if (a.key === null || b.key === null) {
    if (a.key === b.key) return a.id - b.id;
    return a.key === null ? 1 : -1;
  }
  let primary: number;
  if (a.key instanceof Decimal) primary = a.key.comparedTo(b.key as Decimal);
  else if (typeof a.key === "number") primary = a.key - (b.key as number);
  else primary = collator.compare(a.key, b.key as string);
  return (direction === "asc" ? primary : -primary) || a.id - b.id;
}

const money = (value: Decimal) => usd.format(value.toFixed(2) as unknown as number);

function expectedCustomers(sort: string, direction: "asc" | "desc"): Keyed[] {
  return customers
    .map((c) => {
      const mine = orders.filter((o) => o.customerId === c.id);
      const ranged = mine.filter(inRange);
      // What they spent: total sales of their orders' sales in range (docs/metrics.md).
      const mineIds = new Set(mine.map((o) => o.id));
      const spent = ledger
        .filter(
          (x) =>
            mineIds.has(x.orderId) && inRangeAt(x.happenedAt) && x.lineType !== "TIP" && x.lineType !== "GIFT_CARD",
        )
        .reduce((s, x) => s.plus(x.totalAmount), new Decimal(0));
      const last =
        mine
          .map((o) => o.processedAt.slice(0, 10))
          .sort()
          .at(-1) ?? null;
      const name = [c.firstName, c.lastName].filter((part) => part !== null).join(" ") || null;
      const key =
        sort === "totalSpent"
          ? spent
          : sort === "orders"
            ? ranged.length
            : sort === "name"
              ? name === null
                ? null
                : name.toLowerCase()
              : last; // ISO dates: code-point order is chronological
      const row = [
        name ?? `Customer ${c.id}`,
        c.email,
        count.format(ranged.length),
        money(spent),
        last === null ? "—" : date.format(new Date(`${last}T00:00:00Z`)),
      ];
      return { id: c.id, key, row };
    })
    .sort((a, b) => compareKeys(a, b, direction));
}

function expectedProducts(sort: string, direction: "asc" | "desc"): Keyed[] {
  return products
    .map((p) => {
      const sales = ledger.filter((x) => x.lineType === "PRODUCT" && x.productId === p.id && inRangeAt(x.happenedAt));
      const units = sales.reduce((s, x) => s + (x.actionType === "RETURN" ? -Math.abs(x.quantity!) : x.quantity!), 0);
      const net = sales.reduce((s, x) => s.plus(x.totalAmount).minus(x.totalTax), new Decimal(0));
      const key = sort === "netSales" ? net : sort === "unitsSold" ? units : p.title.toLowerCase();
      return { id: p.id, key, row: [p.title, p.vendor, count.format(units), money(net)] };
    })
    .sort((a, b) => compareKeys(a, b, direction));
}

// ---------- reading the pages over HTTP ----------

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
function decode(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
      if (entity[0] === "#")
        return String.fromCodePoint(
          Number.parseInt(entity.slice(entity[1] === "x" ? 2 : 1), entity[1] === "x" ? 16 : 10),
        );
      return ENTITIES[entity] ?? whole;
    })
    .trim();
}

/** The rows of the page's data table and its "1–25 of 62" line, as served (before any script runs). */
async function fetchPage(path: string, query: Record<string, string>) {
  const url = new URL(path, app.url);
  const params = {
    embedded: "1",
    shop: shop.domain,
    host: hostParam(shop.domain),
    locale: "en-US",
    id_token: await sessionToken({ shop: shop.domain }),
  };
  for (const [name, value] of Object.entries({ ...params, ...query })) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: { "User-Agent": BROWSER_USER_AGENT } });
  const html = await response.text();
  expect(response.status, html.slice(0, 500)).toBe(200);
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
  const rows = [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, tr]) =>
    [...tr!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => decode(cell!)),
  );
  const range =
    /\b(\d+)–(\d+) of (\d+)\b/
      .exec(decode(html.replace(/<!--[\s\S]*?-->/g, "").replace(/</g, " <")))
      ?.slice(1)
      .map(Number) ?? null;
  return { rows, range };
}

async function readAllPages(path: string, sort: string, direction: "asc" | "desc", expectedTotal: number) {
  const pages = Math.ceil(expectedTotal / PAGE_SIZE);
  const rows: string[][] = [];
  for (let page = 1; page <= pages; page++) {
    const answer = await fetchPage(path, { from: FROM, to: TO, sort, direction, page: String(page) });
    expect(answer.range, `page ${page}`).toEqual([
      (page - 1) * PAGE_SIZE + 1,
      Math.min(page * PAGE_SIZE, expectedTotal),
      expectedTotal,
    ]);
    rows.push(...answer.rows);
  }
  return rows;
}

const DIRECTIONS = ["asc", "desc"] as const;

describe("Customers page ordering", () => {
  it("the seeded data has ties, missing values and amounts whose text order is not numeric", () => {
    const bySpent = expectedCustomers("totalSpent", "desc");
    const amounts = bySpent.map((c) => (c.key as Decimal).toFixed(2));
    expect([...amounts].sort().reverse()).not.toEqual(amounts); // text order differs
    expect(bySpent.filter((c) => (c.key as Decimal).isNegative()).length).toBeGreaterThanOrEqual(2); // below zero
    expect(new Set(amounts).size).toBeLessThan(amounts.length - 5); // ties
    expect(new Set(expectedCustomers("orders", "asc").map((c) => c.key)).size).toBeLessThan(10);
    expect(new Set(expectedCustomers("lastOrderDate", "asc").map((c) => c.key)).size).toBeLessThan(
      customers.length - 5,
    );
    expect(expectedCustomers("name", "asc").filter((c) => c.key === null).length).toBeGreaterThanOrEqual(2);
    expect(expectedCustomers("lastOrderDate", "asc").filter((c) => c.key === null).length).toBeGreaterThanOrEqual(2);
  });

  for (const sort of ["totalSpent", "orders", "name", "lastOrderDate"]) {
    for (const direction of DIRECTIONS) {
      it(`by ${sort} ${direction}, every page`, async () => {
        const expected = expectedCustomers(sort, direction);
        const rows = await readAllPages("/app/customers", sort, direction, customers.length);
        expect(rows).toEqual(expected.map((c) => c.row));
      });
    }
  }
});

describe("Products page ordering", () => {
  for (const sort of ["netSales", "unitsSold", "title"]) {
    for (const direction of DIRECTIONS) {
      it(`by ${sort} ${direction}, every page`, async () => {
        const expected = expectedProducts(sort, direction);
        const rows = await readAllPages("/app/products", sort, direction, products.length);
        expect(rows).toEqual(expected.map((p) => p.row));
      });
    }
  }

  it("the seeded data has ties on every column and products never sold", () => {
    for (const sort of ["netSales", "unitsSold", "title"]) {
      const keys = expectedProducts(sort, "asc").map((p) => (p.key instanceof Decimal ? p.key.toFixed() : p.key));
      expect(new Set(keys).size, sort).toBeLessThan(keys.length - 3);
    }
    expect(expectedProducts("unitsSold", "asc").filter((p) => p.key === 0).length).toBeGreaterThanOrEqual(5);
  });
});
