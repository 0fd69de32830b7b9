// Security headers on every kind of response the built app writes: Remix documents (with
// and without ?shop=), resource routes (health, API, webhooks), static assets.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApp, type RunningApp } from "../helpers/app-server";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

async function headersOf(path: string, init: RequestInit = {}) {
  const response = await fetch(`${app.url}${path}`, {
    redirect: "manual",
    ...init,
    headers: { "User-Agent": BROWSER_UA, ...(init.headers as Record<string, string>) },
  });
  await response.arrayBuffer();
  return response;
}

function expectBaseline(response: Response, label: string) {
  expect(response.headers.get("x-content-type-options"), label).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), label).toBe("strict-origin-when-cross-origin");
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp, label).toContain("frame-ancestors");
  expect(csp, label).toContain("https://admin.shopify.com");
  expect(csp, label).not.toContain("*;");
}

describe("security headers", () => {
  it("are on documents, API answers, webhook answers, health checks and static assets", async () => {
    const document = await headersOf("/no-such-page");
    expect(document.headers.get("content-type")).toContain("text/html");
    expectBaseline(document, "document without ?shop=");
    expect(document.headers.get("content-security-policy")).toContain("https://*.myshopify.com");

    const asset = `/assets/${readdirSync(path.join(inject("buildDir"), "client", "assets")).find((f) => f.endsWith(".js"))}`;
    const responses: Array<[string, Response]> = [
      ["health", await headersOf("/healthz")],
      ["api without token", await headersOf("/api/dashboard/summary")],
      ["webhook unsigned", await headersOf("/webhooks/orders/create", { method: "POST", body: "{}" })],
      ["static asset", await headersOf(asset!)],
      ["plain text root", await headersOf("/")],
    ];
    for (const [label, response] of responses) expectBaseline(response, label);
    expect(responses.map(([, r]) => r.status)).toEqual([200, 401, 400, 200, 200]);
  });

  it("names the shop in frame-ancestors when it is known", async () => {
    const shop = "framed-shop.myshopify.com";
    const response = await headersOf(`/no-such-page?shop=${shop}`);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-security-policy")).toContain(`https://${shop}`);
  });

  it("sends HSTS when the request came over https (proxy), not over plain http outside production", async () => {
    expect(
      (await headersOf("/healthz", { headers: { "X-Forwarded-Proto": "https" } })).headers.get(
        "strict-transport-security",
      ),
    ).toMatch(/max-age=\d{7,}/);
    expect((await headersOf("/healthz")).headers.get("strict-transport-security")).toBeNull();
  });
});
