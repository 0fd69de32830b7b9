import { spawn } from "node:child_process";
import { Prisma } from "@prisma/client";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { appPoolConfig } from "~/db/pool-config";
import { createTestPrisma, uniqueShopDomain } from "./helpers/db";

const prisma = createTestPrisma();
afterAll(() => prisma.$disconnect());

function prismaCli(args: string[]) {
  const child = spawn("npx", ["prisma", ...args], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
  });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, output })),
  );
}

describe(`database (${inject("databaseKind")})`, () => {
  it("has every migration applied, as prisma migrate status sees it", async () => {
    const status = await prismaCli(["migrate", "status"]);
    expect(status.output).toContain("Database schema is up to date");
    expect(status.code).toBe(0);
  });

  it("app pool on an external server: no parallel workers, the URL's own startup options kept", async () => {
    const base = "postgresql://u@db.example:5432/app";
    const options = (url: string) => new URL(url).searchParams.get("options");
    expect(options(appPoolConfig(base).connectionString!)).toBe("-c max_parallel_workers_per_gather=0");
    expect(options(appPoolConfig(`${base}?options=-c%20statement_timeout%3D5000`).connectionString!)).toBe(
      "-c statement_timeout=5000 -c max_parallel_workers_per_gather=0",
    );
    // A value the operator chose in the URL wins.
    expect(options(appPoolConfig(`${base}?options=-c%20max_parallel_workers_per_gather%3D2`).connectionString!)).toBe(
      "-c max_parallel_workers_per_gather=2",
    );
    // The server applies it (db.server.ts uses this config only with DATABASE_URL: PGlite's
    // socket server takes no startup options).
    if (inject("databaseKind") === "embedded") return;
    const client = new pg.Client(appPoolConfig(`${inject("databaseUrl")}?options=-c%20statement_timeout%3D4321`));
    await client.connect();
    try {
      const shown = await client.query(
        "SELECT current_setting('max_parallel_workers_per_gather') AS workers, current_setting('statement_timeout') AS timeout",
      );
      expect(shown.rows[0]).toEqual({ workers: "0", timeout: "4321ms" });
    } finally {
      await client.end();
    }
  });

  it("stores money as exact decimals", async () => {
    const shop = await prisma.shop.create({ data: { domain: uniqueShopDomain("money") } });
    const base = {
      shopId: shop.id,
      processedAt: new Date("2026-03-01T12:00:00Z"),
      currencyCode: "USD",
      subtotalPrice: "0",
      totalDiscounts: "0",
      totalTax: "0",
      totalShipping: "0",
      totalRefunded: "0",
      shopifyCreatedAt: new Date("2026-03-01T12:00:00Z"),
      shopifyUpdatedAt: new Date("2026-03-01T12:00:00Z"),
    };
    await prisma.order.create({ data: { ...base, id: 1n, totalPrice: "0.1" } });
    await prisma.order.create({ data: { ...base, id: 2n, totalPrice: "0.2" } });
    const sum = await prisma.order.aggregate({ where: { shopId: shop.id }, _sum: { totalPrice: true } });
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
    expect(sum._sum.totalPrice?.toFixed(4)).toBe(new Prisma.Decimal("0.3").toFixed(4));
  });

  it("erases a whole tenant with one delete, and only that tenant", async () => {
    const doomed = await prisma.shop.create({ data: { domain: uniqueShopDomain("doomed") } });
    const kept = await prisma.shop.create({ data: { domain: uniqueShopDomain("kept") } });
    for (const shop of [doomed, kept]) {
      await prisma.customer.create({
        data: { shopId: shop.id, id: 10n, email: "a@example.com", shopifyUpdatedAt: new Date() },
      });
      await prisma.order.create({
        data: {
          shopId: shop.id,
          id: 20n,
          customerId: 10n,
          processedAt: new Date(),
          currencyCode: "USD",
          totalPrice: "10",
          subtotalPrice: "10",
          totalDiscounts: "0",
          totalTax: "0",
          totalShipping: "0",
          totalRefunded: "0",
          shopifyCreatedAt: new Date(),
          shopifyUpdatedAt: new Date(),
        },
      });
      await prisma.orderLineItem.create({
        data: { shopId: shop.id, id: 30n, orderId: 20n, quantity: 1, originalUnitPrice: "10", totalDiscount: "0" },
      });
      await prisma.refund.create({
        data: { shopId: shop.id, id: 40n, orderId: 20n, shopifyCreatedAt: new Date() },
      });
      await prisma.refundLineItem.create({
        data: { shopId: shop.id, id: 50n, refundId: 40n, lineItemId: 30n, quantity: 1, subtotal: "10", totalTax: "0" },
      });
      await prisma.syncState.create({ data: { shopId: shop.id, resource: "orders" } });
      await prisma.webhookEvent.create({ data: { shopId: shop.id, eventId: "e1", topic: "orders/create" } });
    }

    await prisma.shop.delete({ where: { id: doomed.id } });

    const counts = async (shopId: number) => [
      await prisma.customer.count({ where: { shopId } }),
      await prisma.order.count({ where: { shopId } }),
      await prisma.orderLineItem.count({ where: { shopId } }),
      await prisma.refund.count({ where: { shopId } }),
      await prisma.refundLineItem.count({ where: { shopId } }),
      await prisma.syncState.count({ where: { shopId } }),
      await prisma.webhookEvent.count({ where: { shopId } }),
    ];
    expect(await counts(doomed.id)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(await counts(kept.id)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it("keeps Shopify ids unique per shop, not globally", async () => {
    const a = await prisma.shop.create({ data: { domain: uniqueShopDomain("a") } });
    const b = await prisma.shop.create({ data: { domain: uniqueShopDomain("b") } });
    const customer = (shopId: number) => ({ shopId, id: 777n, shopifyUpdatedAt: new Date() });
    await prisma.customer.create({ data: customer(a.id) });
    await prisma.customer.create({ data: customer(b.id) });
    await expect(prisma.customer.create({ data: customer(a.id) })).rejects.toThrow();
  });
});
