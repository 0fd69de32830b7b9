import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import getPort from "get-port";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { appEnv, runAppExpectingExit, startApp, type RunningApp } from "./helpers/app-server";
import { createTestPrisma, uniqueShopDomain } from "./helpers/db";
import { webhookHeaders } from "./helpers/shopify-signing";
import { TEST_APP } from "./helpers/test-app";
import { webhooksApplied } from "./helpers/webhook-queue";

const prisma = createTestPrisma();
let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
  await prisma.$disconnect();
});

async function postWebhook(topic: string, shop: string, body: unknown, secret?: string) {
  const rawBody = JSON.stringify(body);
  return fetch(`${app.url}/webhooks/${topic}`, {
    method: "POST",
    headers: webhookHeaders({ topic, shop, rawBody, secret }),
    body: rawBody,
  });
}

describe(`the app over HTTP (${inject("databaseKind")})`, () => {
  it("reports a healthy database on /healthz", async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 401 to a webhook signed with the wrong secret, and to an unsigned one", async () => {
    const shop = uniqueShopDomain("forged");
    const forged = await postWebhook("orders/create", shop, { id: 1 }, "not-the-app-secret");
    expect(forged.status).toBe(401);

    const rawBody = JSON.stringify({ id: 1 });
    const headers = webhookHeaders({ topic: "orders/create", shop, rawBody });
    // Body tampered with after signing.
    const tampered = await fetch(`${app.url}/webhooks/orders/create`, {
      method: "POST",
      headers,
      body: JSON.stringify({ id: 2 }),
    });
    expect(tampered.status).toBe(401);
  });

  it("accepts a correctly signed webhook on every subscribed topic", async () => {
    const shop = uniqueShopDomain("signed");
    // Shop-wide topics carry the shop (the shop object, or shop_id/shop_domain for compliance).
    const shopObject = { id: 77, myshopify_domain: shop, domain: shop };
    const compliance = { shop_id: 77, shop_domain: shop, customer: { id: 1, email: null, phone: null } };
    const bodies: Record<string, unknown> = {
      "app/uninstalled": shopObject,
      "shop/update": shopObject,
      "customers/data_request": { ...compliance, orders_requested: [] },
      "customers/redact": { ...compliance, orders_to_redact: [] },
      "shop/redact": { shop_id: 77, shop_domain: shop },
    };
    const topics = [
      "app/scopes_update",
      "shop/update",
      "customers/create",
      "customers/update",
      "customers/delete",
      "orders/create",
      "orders/updated",
      "orders/cancelled",
      "orders/delete",
      "refunds/create",
      "products/create",
      "products/update",
      "products/delete",
      "bulk_operations/finish",
      "customers/data_request",
      "customers/redact",
      "shop/redact",
      "app/uninstalled",
    ];
    for (const topic of topics) {
      const response = await postWebhook(topic, shop, bodies[topic] ?? { id: 1 });
      expect(response.status, topic).toBe(200);
    }
  });

  it("app/uninstalled deletes the shop's sessions and marks it uninstalled, keeping its data", async () => {
    const shop = uniqueShopDomain("uninstall");
    const row = await prisma.shop.create({ data: { domain: shop, installedAt: new Date() } });
    await prisma.customer.create({ data: { shopId: row.id, id: 1n, shopifyUpdatedAt: new Date() } });
    await prisma.session.create({
      data: { id: `offline_${shop}`, shop, state: "s", accessToken: "shpat_x", isOnline: false },
    });

    const response = await postWebhook("app/uninstalled", shop, { id: 1, domain: shop, myshopify_domain: shop });
    expect(response.status).toBe(200);
    await webhooksApplied(prisma, shop); // acknowledged once recorded, applied by a worker

    expect(await prisma.session.count({ where: { shop } })).toBe(0);
    const after = await prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
    expect(after.uninstalledAt).not.toBeNull();
    expect(await prisma.customer.count({ where: { shopId: row.id } })).toBe(1);
  });

  it("never echoes the API secret in what it prints", () => {
    expect(app.output()).not.toContain(TEST_APP.apiSecret);
  });
});

describe("startup configuration", () => {
  it("refuses to start without required variables, naming each one and printing no stack trace", async () => {
    const port = await getPort();
    const env = appEnv(port, { SHOPIFY_API_KEY: undefined, SCOPES: undefined });
    const { code, output } = await runAppExpectingExit(env);
    expect(code).toBe(1);
    expect(output).toContain("missing environment variable SHOPIFY_API_KEY");
    expect(output).toContain("missing environment variable SCOPES");
    expect(output).not.toMatch(/\n\s+at /); // no stack frames
    expect(output).not.toContain(TEST_APP.apiSecret);
  });

  it("refuses to run against the simulator in production", async () => {
    const port = await getPort();
    const env = appEnv(port, { NODE_ENV: "production", SHOPIFY_SIMULATOR_URL: "http://127.0.0.1:9" });
    const { code, output } = await runAppExpectingExit(env);
    expect(code).toBe(1);
    expect(output).toContain("SHOPIFY_SIMULATOR_URL");
  });
});

describe("embedded database default", () => {
  it("boots with no DATABASE_URL, migrates its own PGlite data directory and serves /healthz", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "storepulse-embedded-"));
    const embeddedApp = await startApp({ DATABASE_URL: undefined, STOREPULSE_DATA_DIR: dataDir });
    try {
      const health = await fetch(`${embeddedApp.url}/healthz`);
      expect(health.status).toBe(200);
      expect(embeddedApp.output()).toContain("Embedded PostgreSQL ready");
    } finally {
      await embeddedApp.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
