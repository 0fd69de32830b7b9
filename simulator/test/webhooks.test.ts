// Webhooks as Shopify sends them: topics for every data change, Shopify's
// headers and HMAC (checked with @shopify/shopify-api's webhooks.validate),
// at-least-once retries, and the per-shop fault knobs.
import "@shopify/shopify-api/adapters/node";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index.js";
import { startTestSimulator, waitFor } from "./helpers.js";

const SECRET = "webhook-test-secret";
const TOPICS = [
  "orders/create",
  "orders/updated",
  "orders/paid",
  "orders/cancelled",
  "orders/edited",
  "orders/delete",
  "refunds/create",
  "customers/create",
  "customers/update",
  "customers/delete",
  "products/create",
  "products/update",
  "products/delete",
  "app/uninstalled",
  "app/scopes_update",
  "shop/update",
  "bulk_operations/finish",
];

interface Received {
  topic: string;
  webhookId: string;
  eventId: string;
  triggeredAt: string;
  apiVersion: string;
  shop: string;
  valid: boolean;
  reason?: string;
  body: string;
  headers: IncomingMessage["headers"];
  path: string;
}

const shopify = shopifyApi({
  apiKey: "test-key",
  apiSecretKey: SECRET,
  scopes: ["read_orders"],
  hostName: "127.0.0.1",
  apiVersion: ApiVersion.October26,
  isEmbeddedApp: true,
  logger: { level: LogSeverity.Error },
});

describe("webhook delivery", () => {
  let sim: RunningSimulator;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  /** Per topic: how many first attempts to fail (status 500) or to leave unanswered. */
  const failFirst = new Map<string, { mode: "500" | "hang"; remaining: number }>();
  const SHOP = "hooks.myshopify.com";

  beforeAll(async () => {
    receiver = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const topic = String(req.headers["x-shopify-topic"]);
        const plan = failFirst.get(topic);
        if (plan && plan.remaining > 0) {
          plan.remaining--;
          if (plan.mode === "hang") return; // never answer: the simulator's timeout must kick in
          res.statusCode = 500;
          res.end();
          return;
        }
        const check = await shopify.webhooks.validate({ rawBody: body, rawRequest: req, rawResponse: res });
        received.push({
          topic,
          webhookId: String(req.headers["x-shopify-webhook-id"]),
          eventId: String(req.headers["x-shopify-event-id"]),
          triggeredAt: String(req.headers["x-shopify-triggered-at"]),
          apiVersion: String(req.headers["x-shopify-api-version"]),
          shop: String(req.headers["x-shopify-shop-domain"]),
          valid: check.valid,
          reason: check.valid ? undefined : check.reason,
          body,
          headers: req.headers,
          path: req.url ?? "",
        });
        res.statusCode = 200;
        res.end("ok");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
    const port = (receiver.address() as { port: number }).port;
    receiverUrl = `http://127.0.0.1:${port}`;
    const dir = mkdtempSync(join(tmpdir(), "sim-toml-"));
    const toml = join(dir, "shopify.app.toml");
    writeFileSync(
      toml,
      `client_id = "test-key"
application_url = "${receiverUrl}"

[access_scopes]
scopes = "read_orders,read_all_orders,read_customers,read_products"

[webhooks]
api_version = "2026-10"

  [[webhooks.subscriptions]]
  topics = [ ${TOPICS.filter((t) => t !== "app/uninstalled")
    .map((t) => `"${t}"`)
    .join(", ")} ]
  uri = "/webhooks/data"

  [[webhooks.subscriptions]]
  topics = [ "app/uninstalled" ]
  uri = "/webhooks/app/uninstalled"

  [[webhooks.subscriptions]]
  compliance_topics = [ "customers/data_request", "customers/redact", "shop/redact" ]
  uri = "/webhooks/compliance"
`,
    );
    sim = await startTestSimulator({
      appToml: toml,
      app: { apiKey: "test-key", apiSecret: SECRET, appUrl: receiverUrl },
      shops: [{ domain: SHOP, size: "empty" }],
      webhooks: { retryBaseMs: 20, timeoutMs: 1500, maxAttempts: 6 },
    });
    sim.control.install(SHOP);
  });
  afterAll(async () => {
    await sim.close();
    await new Promise((r) => receiver.close(r));
  });
  beforeEach(() => {
    sim.control.setFaults(SHOP, { webhookDropRate: 0, webhookDuplicateRate: 0, webhookReorderDelayMs: 0 });
  });

  const topicsSince = (from: number) => received.slice(from).map((r) => r.topic);

  it("delivers every data change with Shopify's headers and a valid HMAC", async () => {
    const start = received.length;
    const c = sim.control;
    const customer = c.createCustomer(SHOP, { firstName: "Grace", lastName: "Hopper", email: "grace@example.com" });
    c.updateCustomer(SHOP, customer.id, { tags: ["vip"] });
    const product = c.createProduct(SHOP, {
      title: "Compiler Mug",
      variants: [{ title: "Default Title", price: "12.50", sku: "MUG-1" }],
    });
    c.updateProduct(SHOP, product.id, { vendor: "COBOL Co" });
    const order = c.createOrder(SHOP, {
      customerId: customer.id,
      lineItems: [{ variantId: product.variants[0]!.id, quantity: 2 }],
      shippingPrice: "5.00",
      taxRate: "0.1",
    });
    c.editOrder(SHOP, order.id, { quantities: [{ lineItemId: order.lineItems[0]!.id, quantity: 3 }] });
    const { refund } = c.refundOrder(SHOP, order.id, {
      lineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }],
      shipping: { full: true },
    });
    c.cancelOrder(SHOP, order.id, { reason: "CUSTOMER" });
    c.deleteOrder(SHOP, order.id);
    c.deleteProduct(SHOP, product.id);
    const loner = c.createCustomer(SHOP, { email: "loner@example.com" });
    c.deleteCustomer(SHOP, loner.id);
    await fetch(`${sim.url}/_sim/shops/${SHOP}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Hooks Renamed" }),
    });
    c.install(SHOP, { scopes: ["read_orders", "read_customers"] });

    const expected = [
      "customers/create",
      "customers/update",
      "products/create",
      "products/update",
      "orders/create",
      "orders/paid",
      "customers/update",
      "orders/edited",
      "orders/updated",
      "refunds/create",
      "orders/updated",
      "orders/cancelled",
      "orders/updated",
      "refunds/create",
      "orders/delete",
      "products/delete",
      "customers/create",
      "customers/delete",
      "shop/update",
      "app/scopes_update",
    ];
    await waitFor(() => received.length - start >= expected.length || undefined, 10_000, "webhooks");
    await c.webhooksIdle();
    // At-least-once: a slow answer may cause a retry, so count each webhook id once.
    const unique = [...new Map(received.slice(start).map((r) => [r.webhookId, r.topic])).values()];
    expect(unique.sort()).toEqual([...expected].sort());
    for (const r of received.slice(start)) {
      expect(r.valid, `${r.topic}: ${r.reason}`).toBe(true);
      expect(r.shop).toBe(SHOP);
      expect(r.apiVersion).toBe("2026-10");
      expect(r.path).toBe("/webhooks/data");
      expect(r.webhookId).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.eventId).toMatch(/^[0-9a-f-]{36}$/);
      expect(Number.isNaN(Date.parse(r.triggeredAt))).toBe(false);
      expect(r.headers["content-type"]).toBe("application/json");
    }
    const created = JSON.parse(received.slice(start).find((r) => r.topic === "orders/create")!.body);
    expect(created).toMatchObject({
      id: order.id,
      admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
      name: order.name,
      currency: "USD",
      // 2 × 12.50 = 25.00, tax 10% = 2.50 (+0.50 on shipping), shipping 5.00
      subtotal_price: "25.00",
      total_tax: "3.00",
      total_price: "33.00",
      line_items: [{ quantity: 2, price: "12.50", sku: "MUG-1", gift_card: false }],
      customer: { id: customer.id, email: "grace@example.com" },
    });
    expect(created.total_price_set).toEqual({
      shop_money: { amount: "33.00", currency_code: "USD" },
      presentment_money: { amount: "33.00", currency_code: "USD" },
    });
    const refundHook = JSON.parse(received.slice(start).find((r) => r.topic === "refunds/create")!.body);
    expect(refundHook).toMatchObject({
      id: refund.id,
      order_id: order.id,
      refund_line_items: [{ quantity: 1, subtotal: "12.50" }],
      refund_shipping_lines: [{ subtotal_amount: "5.00" }],
    });
    const scopes = JSON.parse(received.slice(start).find((r) => r.topic === "app/scopes_update")!.body);
    expect(scopes.current).toEqual(["read_orders", "read_customers"]);
  });

  it("rejects a tampered body (shopify-api validate)", async () => {
    const original = received.find((r) => r.topic === "orders/create")!;
    const tampered = original.body.replace('"total_price":"33.00"', '"total_price":"0.01"');
    expect(tampered).not.toBe(original.body);
    const headers = Object.fromEntries(
      Object.entries(original.headers).filter(([k]) => k.startsWith("x-shopify-") || k === "content-type"),
    ) as Record<string, string>;
    const before = received.length;
    await fetch(`${receiverUrl}/webhooks/data`, { method: "POST", headers, body: tampered });
    const r = await waitFor(() => received[before], 5000, "tampered delivery");
    expect(r.valid).toBe(false);
    expect(r.reason).toBe("invalid_hmac");
  });

  it("sends compliance webhooks through the control API", async () => {
    const start = received.length;
    const customer = sim.control.createCustomer(SHOP, { email: "privacy@example.com" });
    for (const topic of ["customers/data_request", "customers/redact", "shop/redact"]) {
      const res = await fetch(`${sim.url}/_sim/shops/${SHOP}/compliance`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ topic, customerId: customer.id }),
      });
      expect(res.status).toBe(200);
    }
    await waitFor(
      () => received.slice(start).filter((r) => r.path === "/webhooks/compliance").length >= 3 || undefined,
      5000,
      "compliance",
    );
    const compliance = [
      ...new Map(
        received
          .slice(start)
          .filter((r) => r.path === "/webhooks/compliance")
          .map((r) => [r.webhookId, r]),
      ).values(),
    ];
    expect(compliance.map((r) => r.topic).sort()).toEqual([
      "customers/data_request",
      "customers/redact",
      "shop/redact",
    ]);
    expect(compliance.every((r) => r.valid)).toBe(true);
    expect(JSON.parse(compliance.find((r) => r.topic === "customers/redact")!.body)).toMatchObject({
      shop_domain: SHOP,
      customer: { id: customer.id, email: "privacy@example.com" },
      orders_to_redact: [],
    });
  });

  it("retries on non-2xx and on no answer, keeping the webhook id", async () => {
    failFirst.set("products/create", { mode: "500", remaining: 2 });
    failFirst.set("products/update", { mode: "hang", remaining: 1 });
    const start = received.length;
    const p = sim.control.createProduct(SHOP, { title: "Retry Me", variants: [{ price: "1.00" }] });
    sim.control.updateProduct(SHOP, p.id, { title: "Retried" });
    await waitFor(
      () =>
        (topicsSince(start).includes("products/create") && topicsSince(start).includes("products/update")) || undefined,
      10_000,
      "retried webhooks",
    );
    const records = sim.control
      .webhookDeliveries({ shop: SHOP })
      .filter((d) => d.body.includes(`"id":${p.id}`) && d.topic.startsWith("products/"));
    const create = records.find((d) => d.topic === "products/create")!;
    const update = records.find((d) => d.topic === "products/update")!;
    // Two deliberate failures, then success (a slow answer under load may add an attempt).
    expect(create.attempts).toBeGreaterThanOrEqual(3);
    expect(update.attempts).toBeGreaterThanOrEqual(2);
    expect(create.state).toBe("delivered");
    expect(received.slice(start).find((r) => r.topic === "products/create")!.webhookId).toBe(create.webhookId);
  });

  it("duplicates and drops deliveries by the fault knobs, deterministically per seed", async () => {
    sim.control.setFaults(SHOP, { webhookDuplicateRate: 1, seed: 5 });
    let start = received.length;
    const dup = sim.control.createCustomer(SHOP, { email: "dup@example.com" });
    await waitFor(
      () => received.slice(start).filter((r) => r.topic === "customers/create").length >= 2 || undefined,
      5000,
      "duplicate",
    );
    await sim.control.webhooksIdle();
    const copies = received.slice(start).filter((r) => r.topic === "customers/create");
    expect(copies[0]!.webhookId).toBe(copies[1]!.webhookId);
    expect(JSON.parse(copies[0]!.body).id).toBe(dup.id);

    const pattern = () => {
      sim.control.setFaults(SHOP, { webhookDuplicateRate: 0, webhookDropRate: 0.5, seed: 42 });
      const made = Array.from({ length: 12 }, (_, i) =>
        sim.control.createCustomer(SHOP, { email: `drop${i}@example.com` }),
      );
      return made.map(
        (m) =>
          sim.control
            .webhookDeliveries({ shop: SHOP, topic: "customers/create" })
            .find((d) => JSON.parse(d.body).id === m.id)!.state === "dropped",
      );
    };
    start = received.length;
    const first = pattern();
    const second = pattern();
    expect(first).toEqual(second);
    expect(first.filter(Boolean).length).toBeGreaterThan(0);
    expect(first.filter((x) => !x).length).toBeGreaterThan(0);
    await sim.control.webhooksIdle();
    const ids = new Set(
      received
        .slice(start)
        .filter((r) => r.topic === "customers/create")
        .map((r) => r.webhookId),
    );
    expect(ids.size).toBe(first.filter((x) => !x).length * 2);
  });

  it("holds deliveries back by the reorder delay so they can arrive out of order", async () => {
    sim.control.setFaults(SHOP, { webhookReorderDelayMs: 400, seed: 11 });
    const start = received.length;
    const made = Array.from(
      { length: 8 },
      (_, i) => sim.control.createCustomer(SHOP, { email: `order${i}@example.com` }).id,
    );
    const uniqueCreates = () =>
      new Set(
        received
          .slice(start)
          .filter((r) => r.topic === "customers/create")
          .map((r) => r.webhookId),
      ).size;
    await waitFor(() => uniqueCreates() >= 8 || undefined, 5000, "delayed webhooks");
    const arrived = [
      ...new Map(
        received
          .slice(start)
          .filter((r) => r.topic === "customers/create")
          .map((r) => [r.webhookId, JSON.parse(r.body).id as number]),
      ).values(),
    ];
    expect([...arrived].sort((a, b) => a - b)).toEqual(made);
    expect(arrived).not.toEqual(made);
  });

  it("sends app/uninstalled on uninstall, revokes tokens and then stays quiet", async () => {
    const token = sim.control.install(SHOP).accessToken;
    await sim.control.webhooksIdle();
    const start = received.length;
    const calls = sim.control.adminApiCallCount(SHOP);
    sim.control.uninstall(SHOP);
    await waitFor(() => topicsSince(start).includes("app/uninstalled") || undefined, 5000, "app/uninstalled");
    const hook = received.slice(start).find((r) => r.topic === "app/uninstalled")!;
    expect(hook.path).toBe("/webhooks/app/uninstalled");
    expect(hook.valid).toBe(true);
    expect(JSON.parse(hook.body)).toMatchObject({ myshopify_domain: SHOP, domain: SHOP });
    const res = await fetch(`${sim.url}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-access-token": token },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
    });
    expect(sim.control.adminApiCallCount(SHOP)).toBe(calls);
    sim.control.createCustomer(SHOP, { email: "after@example.com" });
    await sim.control.webhooksIdle();
    expect(new Set(topicsSince(start))).toEqual(new Set(["app/uninstalled"]));
  });
});
