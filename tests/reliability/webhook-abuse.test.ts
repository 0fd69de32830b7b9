// Abuse of the webhook endpoints: signed bodies replayed as another topic or against
// another tenant, stale destructive events, oversized and malformed bodies. After each,
// nothing of the tenant was written or erased; verified refusals are recorded.
import { randomUUID } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApp, type RunningApp } from "../helpers/app-server";
import { createTestPrisma, uniqueShopDomain } from "../helpers/db";
import { webhookHeaders, webhookHmac } from "../helpers/shopify-signing";
import { TEST_APP } from "../helpers/test-app";
import { webhooksApplied } from "../helpers/webhook-queue";

const prisma = createTestPrisma();
let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
  await prisma.$disconnect();
});

/** An installed shop holding customers and an offline session. */
async function tenant(label: string, options: { uninstalled?: boolean; shopifyId?: bigint } = {}) {
  const domain = uniqueShopDomain(label);
  const shop = await prisma.shop.create({
    data: {
      domain,
      installedAt: new Date(Date.now() - 3600_000),
      uninstalledAt: options.uninstalled ? new Date(Date.now() - 60_000) : null,
      shopifyId: options.shopifyId ?? null,
    },
  });
  for (const id of [1n, 2n, 3n]) {
    await prisma.customer.create({
      data: { shopId: shop.id, id, email: `c${id}@example.com`, shopifyUpdatedAt: new Date() },
    });
  }
  await prisma.session.create({
    data: { id: `offline_${domain}`, shop: domain, state: "s", accessToken: "shpat_abuse", isOnline: false },
  });
  return { domain, id: shop.id };
}

async function intact(t: { domain: string; id: number }) {
  expect(await prisma.shop.count({ where: { domain: t.domain } })).toBe(1);
  expect(await prisma.customer.count({ where: { shopId: t.id, email: { not: null } } })).toBe(3);
  expect(await prisma.session.count({ where: { shop: t.domain } })).toBe(1);
  expect((await prisma.shop.findUniqueOrThrow({ where: { domain: t.domain } })).uninstalledAt).toBeNull();
}

async function post(path: string, rawBody: string, headers: Record<string, string>) {
  return fetch(`${app.url}/webhooks/${path}`, { method: "POST", headers, body: rawBody });
}

/**
 * POST over a raw socket, sending only the first `sendBytes` of the body and then waiting:
 * the answer must come without the rest (a server that buffered the whole body first
 * would never answer). Resolves with the answer's status code.
 */
function rawPost(
  path: string,
  headers: Record<string, string>,
  body: string,
  framing: "declared" | "chunked",
  sendBytes: number,
): Promise<number> {
  const { hostname, port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      const match = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (match) {
        resolve(Number(match[1]));
        socket.destroy();
      }
    });
    socket.on("error", () => undefined); // the server may reset once it has answered
    socket.on("close", () => reject(new Error(`${framing}: closed without an answer: ${answer.slice(0, 200)}`)));
    const head = Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("");
    const bytes = Buffer.from(body, "utf8");
    const framingHeader =
      framing === "declared" ? `Content-Length: ${bytes.length}\r\n` : "Transfer-Encoding: chunked\r\n";
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n${head}${framingHeader}\r\n`,
    );
    const piece = 64 * 1024;
    const writeFrom = (offset: number): void => {
      if (socket.destroyed || offset >= Math.min(sendBytes, bytes.length)) return;
      const part = bytes.subarray(offset, offset + piece);
      const data =
        framing === "chunked"
          ? Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from("\r\n")])
          : part;
      if (socket.write(data)) setImmediate(() => writeFrom(offset + piece));
      else socket.once("drain", () => writeFrom(offset + piece));
    };
    writeFrom(0);
  });
}

const refusals = (domain: string) =>
  prisma.webhookRefusal.findMany({ where: { shopDomain: domain }, orderBy: { id: "asc" } });

describe(`cross-topic and cross-tenant replays (${inject("databaseKind")})`, () => {
  it("a signed orders/create body sent to /webhooks/shop/redact as shop/redact with a fresh event id erases nothing", async () => {
    const victim = await tenant("victim", { uninstalled: false });
    // A genuine orders/create body of the victim, as an attacker could capture it.
    const rawBody = JSON.stringify({
      id: 9001,
      admin_graphql_api_id: "gid://shopify/Order/9001",
      email: "c1@example.com",
      total_price: "10.00",
    });
    const asRedact = await post(
      "shop/redact",
      rawBody,
      webhookHeaders({ topic: "shop/redact", shop: victim.domain, rawBody }),
    );
    expect(asRedact.status).toBe(400);
    // The same body on the same route, still under its own topic header.
    const asOrder = await post(
      "shop/redact",
      rawBody,
      webhookHeaders({ topic: "orders/create", shop: victim.domain, rawBody }),
    );
    expect(asOrder.status).toBe(400);
    await intact(victim);
    expect((await refusals(victim.domain)).map((r) => r.reason)).toEqual([
      "shop-domain-mismatch",
      "route-topic-mismatch",
    ]);
  });

  it("an uninstalled shop's signed shop/redact replayed with another shop's headers erases nothing of that shop", async () => {
    const other = await tenant("other-uninstalled", { uninstalled: true });
    const victim = await tenant("victim-2");
    await prisma.shop.update({ where: { domain: victim.domain }, data: { uninstalledAt: new Date() } });
    const rawBody = JSON.stringify({ shop_id: 555, shop_domain: other.domain });
    const response = await post(
      "shop/redact",
      rawBody,
      webhookHeaders({ topic: "shop/redact", shop: victim.domain, rawBody }),
    );
    expect(response.status).toBe(400);
    expect(await prisma.shop.count({ where: { domain: victim.domain } })).toBe(1);
    expect(await prisma.customer.count({ where: { shopId: victim.id } })).toBe(3);
  });

  it("compliance bodies must name the shop id we hold", async () => {
    const victim = await tenant("victim-3", { shopifyId: 4242n });
    const rawBody = JSON.stringify({
      shop_id: 4243,
      shop_domain: victim.domain,
      customer: { id: 1, email: "c1@example.com" },
      orders_to_redact: [],
    });
    const response = await post(
      "customers/redact",
      rawBody,
      webhookHeaders({ topic: "customers/redact", shop: victim.domain, rawBody }),
    );
    expect(response.status).toBe(400);
    await intact(victim);
    expect((await refusals(victim.domain)).map((r) => r.reason)).toEqual(["shop-id-mismatch"]);
  });

  it("a customer payload cannot be applied as an order", async () => {
    const victim = await tenant("victim-4");
    const rawBody = JSON.stringify({
      id: 1,
      admin_graphql_api_id: "gid://shopify/Customer/1",
      email: "c1@example.com",
    });
    const response = await post(
      "orders/create",
      rawBody,
      webhookHeaders({ topic: "orders/create", shop: victim.domain, rawBody }),
    );
    expect(response.status).toBe(400);
    expect(await prisma.order.count({ where: { shopId: victim.id } })).toBe(0);
    expect(await prisma.webhookEvent.count({ where: { shopId: victim.id } })).toBe(0);
  });
});

describe("stale destructive events", () => {
  it("an app/uninstalled triggered before the shop's latest install is acknowledged and not applied", async () => {
    const victim = await tenant("reinstalled");
    const rawBody = JSON.stringify({ id: 1, myshopify_domain: victim.domain, domain: victim.domain });
    const headers = {
      ...webhookHeaders({ topic: "app/uninstalled", shop: victim.domain, rawBody }),
      "X-Shopify-Triggered-At": new Date(Date.now() - 2 * 3600_000).toISOString(),
    };
    const response = await post("app/uninstalled", rawBody, headers);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: "refused" });
    await intact(victim);
    expect((await refusals(victim.domain)).map((r) => r.reason)).toEqual(["before-reinstall"]);
  });

  it("shop/redact for a shop that is installed, or triggered long ago, erases nothing", async () => {
    const installed = await tenant("still-installed");
    const body = JSON.stringify({ shop_id: 1, shop_domain: installed.domain });
    expect(
      (await post("shop/redact", body, webhookHeaders({ topic: "shop/redact", shop: installed.domain, rawBody: body })))
        .status,
    ).toBe(200);
    await intact(installed);

    const gone = await tenant("long-gone", { uninstalled: true });
    const old = JSON.stringify({ shop_id: 2, shop_domain: gone.domain });
    const headers = {
      ...webhookHeaders({ topic: "shop/redact", shop: gone.domain, rawBody: old }),
      "X-Shopify-Triggered-At": new Date(Date.now() - 30 * 24 * 3600_000).toISOString(),
    };
    expect((await post("shop/redact", old, headers)).status).toBe(200);
    expect(await prisma.customer.count({ where: { shopId: gone.id } })).toBe(3);
    expect((await refusals(installed.domain)).map((r) => r.reason)).toEqual(["shop-installed"]);
    expect((await refusals(gone.domain)).map((r) => r.reason)).toEqual(["older-than-retention"]);
  });

  it("a fresh, well-formed shop/redact of an uninstalled shop still erases it", async () => {
    const gone = await tenant("really-gone", { uninstalled: true });
    const body = JSON.stringify({ shop_id: 3, shop_domain: gone.domain });
    expect(
      (await post("shop/redact", body, webhookHeaders({ topic: "shop/redact", shop: gone.domain, rawBody: body })))
        .status,
    ).toBe(200);
    await webhooksApplied(prisma, gone.domain); // acknowledged once recorded, applied by a worker
    expect(await prisma.shop.count({ where: { domain: gone.domain } })).toBe(0);
    expect(await prisma.customer.count({ where: { shopId: gone.id } })).toBe(0);
  });
});

describe("oversized and malformed bodies", () => {
  it("refuses a body over 1 MB with 413, declared or streamed without a length", async () => {
    const victim = await tenant("big");
    const rawBody = JSON.stringify({ id: 1, note: "x".repeat(1024 * 1024 + 10) });
    const headers = webhookHeaders({ topic: "orders/create", shop: victim.domain, rawBody });
    // Declared: refused from the Content-Length alone, before any of the body arrives.
    expect(await rawPost("/webhooks/orders/create", headers, rawBody, "declared", 0)).toBe(413);
    // Chunked: no Content-Length, the server must count while reading and stop past 1 MB.
    expect(await rawPost("/webhooks/orders/create", headers, rawBody, "chunked", 1024 * 1024 + 64 * 1024)).toBe(413);
    expect(await prisma.webhookEvent.count({ where: { shopId: victim.id } })).toBe(0);
    // The app is still serving.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it("answers 400 (not 500) to malformed JSON under a valid HMAC and records it", async () => {
    const victim = await tenant("malformed");
    const rawBody = '{"id": 1, "email": ';
    const eventId = randomUUID();
    const response = await post(
      "orders/create",
      rawBody,
      webhookHeaders({ topic: "orders/create", shop: victim.domain, rawBody, eventId }),
    );
    expect(response.status).toBe(400);
    const recorded = await refusals(victim.domain);
    expect(recorded.map((r) => [r.reason, r.eventId])).toEqual([["malformed-json", eventId]]);
    // Without a valid HMAC the same body is only a 401, and nothing is recorded.
    const forged = await post("orders/create", rawBody, {
      ...webhookHeaders({ topic: "orders/create", shop: victim.domain, rawBody }),
      "X-Shopify-Hmac-Sha256": webhookHmac(rawBody, "wrong"),
    });
    expect(forged.status).toBe(401);
    expect(await refusals(victim.domain)).toHaveLength(1);
  });

  it("prints no secret or token while refusing", () => {
    expect(app.output()).not.toContain(TEST_APP.apiSecret);
    expect(app.output()).not.toContain("shpat_abuse");
  });
});
