// Every route of the app (read from app/routes, so a new route is covered without
// editing this file) against bad session tokens, and every query parameter the app
// reads against injection strings, over HTTP against the built app:
// - missing, malformed, wrong-secret, wrong-audience, expired and other-shop tokens get
//   401 (API) or the library's refusal / login redirect (documents), and the body holds
//   no data of any shop;
// - injection strings (SQL, spreadsheet formula, HTML/script, path traversal, huge values,
//   unicode, NUL) in every parameter answer 400 or a correct answer, never 500, and write
//   nothing.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { recomputeAllRollups, type InsightsShop } from "~/insights";
import { createTestPrisma } from "../helpers/db";
import { appRoutes, queryParameterNames, type AppRoute } from "../helpers/routes";
import { expectNoSecrets } from "../helpers/secret-scan";
import { sessionToken } from "../helpers/shopify-signing";
import { BROWSER_USER_AGENT, hostParam, startStack, type Stack } from "../helpers/stack";
import { TEST_APP } from "../helpers/test-app";
import { buildFallBackStore, buildSpringForwardStore } from "../insights-store-fixtures";
import { shopRowCounts } from "../helpers/row-counts";

let prisma: PrismaClient;
let stack: Stack;
let victim: InsightsShop; // the shop whose data must never leak
let other: InsightsShop; // another installed tenant
let victimRequestId: number;
/** Strings that exist only in the victim's data. */
let victimMarkers: string[];
/** Strings that exist only in the other tenant's data. */
let otherMarkers: string[];
/** Strings of any shop's data (a refused request shows none of them). */
let anyShopMarkers: string[];

const routes = appRoutes();
const authenticated = routes.filter((r) => r.kind === "document" || r.kind === "api");

async function installSession(shop: string) {
  await prisma.session.create({
    data: {
      id: `offline_${shop}`,
      shop,
      state: "installed",
      accessToken: "shpat_route_abuse",
      isOnline: false,
      scope: TEST_APP.scopes,
    },
  });
}

async function markersOf(shopId: number, domain: string): Promise<string[]> {
  const customers = await prisma.customer.findMany({ where: { shopId } });
  const lines = await prisma.orderLineItem.findMany({ where: { shopId } });
  return [domain, ...customers.flatMap((c) => [c.email, c.firstName, c.lastName]), ...lines.map((l) => l.title)].filter(
    (s): s is string => typeof s === "string" && s.length >= 3,
  );
}

beforeAll(async () => {
  prisma = createTestPrisma();
  // With a simulator: a token for a shop we do not hold is exchanged there (loopback), not
  // on the internet.
  stack = await startStack();
  victim = await buildFallBackStore(prisma, "route-victim");
  other = await buildSpringForwardStore(prisma, "route-other");
  await recomputeAllRollups(prisma, victim.id);
  await recomputeAllRollups(prisma, other.id);
  await installSession(victim.domain);
  await installSession(other.domain);
  const request = await prisma.customerDataRequest.create({
    data: {
      shopId: victim.id,
      customerId: 101n,
      email: "ada@example.com",
      export: { customer: { email: "ada@example.com", note: "victim-export-marker" } },
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  victimRequestId = request.id;
  const victimAll = [...(await markersOf(victim.id, victim.domain)), "victim-export-marker"];
  const otherAll = await markersOf(other.id, other.domain);
  victimMarkers = victimAll.filter((m) => !otherAll.some((o) => o.includes(m) || m.includes(o)));
  otherMarkers = otherAll.filter((m) => !victimAll.some((v) => v.includes(m) || m.includes(v)));
  anyShopMarkers = [...new Set([...victimAll, ...otherAll])];
}, 180_000);

afterAll(async () => {
  if (stack) expectNoSecrets(stack.app.output(), ["shpat_route_abuse"]);
  await stack?.close();
  await prisma?.$disconnect();
});

function concretePath(route: AppRoute): string {
  return route.pattern.replace(/:(\w+)/g, () => String(victimRequestId));
}

type TokenCase = { name: string; token: () => Promise<string | null> };

const TOKEN_CASES: TokenCase[] = [
  { name: "missing", token: async () => null },
  { name: "malformed", token: async () => "not-a-jwt" },
  { name: "malformed (three garbage parts)", token: async () => "eyJhbGciOiJIUzI1NiJ9.e30.AAAA" },
  { name: "wrong secret", token: () => sessionToken({ shop: victim.domain, secret: "not-the-app-secret" }) },
  { name: "wrong audience", token: () => sessionToken({ shop: victim.domain, apiKey: "another-app" }) },
  { name: "expired", token: () => sessionToken({ shop: victim.domain, expiresInSeconds: -600 }) },
  {
    name: "alg none",
    token: async () => {
      const now = Math.floor(Date.now() / 1000);
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
      return `${part({ alg: "none", typ: "JWT" })}.${part({
        iss: `https://${victim.domain}/admin`,
        dest: `https://${victim.domain}`,
        aud: TEST_APP.apiKey,
        sub: "1",
        exp: now + 60,
        nbf: now - 1,
        iat: now,
        jti: randomUUID(),
        sid: randomUUID(),
      })}.`;
    },
  },
  // Validly signed, for a shop the app has never seen (and Shopify does not know).
  { name: "other shop (unknown)", token: () => sessionToken({ shop: "no-such-shop-x1.myshopify.com" }) },
];

async function request(route: AppRoute, method: "GET" | "POST", token: string | null, query = "") {
  const url = new URL(`${concretePath(route)}${query}`, stack.app.url);
  const headers: Record<string, string> = { "User-Agent": BROWSER_USER_AGENT };
  if (route.kind === "api") {
    if (token) headers.Authorization = `Bearer ${token}`;
  } else {
    // A document load as Shopify Admin makes it: shop, host, embedded and the id_token.
    url.searchParams.set("shop", victim.domain);
    url.searchParams.set("host", hostParam(victim.domain));
    url.searchParams.set("embedded", "1");
    if (token) url.searchParams.set("id_token", token);
  }
  const response = await fetch(url, { method, headers, redirect: "manual" });
  return { status: response.status, location: response.headers.get("location"), body: await response.text() };
}

function expectNoShopData(body: string, what: string) {
  for (const marker of anyShopMarkers) expect(body, `${what}: body shows "${marker}"`).not.toContain(marker);
}

describe(`every route refuses bad session tokens (${inject("databaseKind")})`, () => {
  it("finds the routes in app/routes (documents and API included)", () => {
    const patterns = authenticated.map((r) => r.pattern);
    expect(patterns).toEqual(expect.arrayContaining(["/app", "/app/customers", "/api/sync/status"]));
    expect(patterns.some((p) => p.startsWith("/api/dashboard/"))).toBe(true);
    expect(patterns.some((p) => p.startsWith("/api/privacy/"))).toBe(true);
  });

  for (const route of authenticated) {
    for (const method of route.methods) {
      it(`${method} ${route.pattern}: every bad token is refused and nothing is leaked`, async () => {
        const before = await shopRowCounts(prisma, [victim.id, other.id]);
        for (const tokenCase of TOKEN_CASES) {
          const answer = await request(route, method, await tokenCase.token());
          const what = `${method} ${route.pattern} with a ${tokenCase.name} token → ${answer.status}`;
          if (route.kind === "api") {
            expect(answer.status, what).toBe(401);
          } else {
            // Documents: the library refuses (401 / 400 / 403), or sends the browser to
            // log in again (302 to /auth/…), never the page.
            const refused = [400, 401, 403].includes(answer.status);
            const toLogin = answer.status === 302 && /\/auth\//.test(answer.location ?? "");
            expect(refused || toLogin, what).toBe(true);
          }
          expectNoShopData(answer.body, what);
        }
        expect(await shopRowCounts(prisma, [victim.id, other.id])).toEqual(before);
      });
    }
  }

  it("a valid token of another installed shop never answers with the victim's data", async () => {
    for (const route of authenticated) {
      if (route.kind !== "api") continue;
      const token = await sessionToken({ shop: other.domain });
      const url = new URL(concretePath(route), stack.app.url);
      // Whatever the request says about a tenant, the token's shop is the tenant.
      url.searchParams.set("shop", victim.domain);
      const response = await fetch(url, {
        headers: {
          Authorization: `Bearer ${token}`,
          "User-Agent": BROWSER_USER_AGENT,
          "X-Shopify-Shop-Domain": victim.domain,
          "x-tenant-id": String(victim.id),
        },
      });
      const body = await response.text();
      expect(response.status, `${route.pattern}: ${body.slice(0, 200)}`).toBeLessThan(500);
      for (const marker of victimMarkers) expect(body, `${route.pattern} shows "${marker}"`).not.toContain(marker);
    }
  });
});

const INJECTIONS = [
  "' OR '1'='1",
  "1; DROP TABLE shop; --",
  '1) UNION SELECT access_token FROM "Session" --',
  '=HYPERLINK("http://evil.example","x")',
  "+cmd|' /C calc'!A0",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "../../../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "%00",
  "\u0000",
  "x".repeat(8_000),
  // Beyond Node's 16 KB header limit: refused (431) before the app sees it.
  "x".repeat(100_000),
  "9".repeat(400),
  "-1",
  "1e309",
  "NaN",
  "2026-02-30",
  "2026-01-01T00:00:00Z",
  "２０２６-０１-０１",
  "😀\u202e\u200b",
  "[]",
  "{}",
];

describe(`injection strings in every query parameter of every API route (${inject("databaseKind")})`, () => {
  const parameters = queryParameterNames();

  it("reads the parameter names from the app's code", () => {
    expect(parameters).toEqual(expect.arrayContaining(["from", "to", "granularity", "limit", "format"]));
  });

  for (const route of authenticated.filter((r) => r.kind === "api" && r.methods.includes("GET"))) {
    it(`GET ${route.pattern}: 400 or a correct answer, never 500, nothing written`, async () => {
      const before = await shopRowCounts(prisma, [victim.id, other.id]);
      const token = await sessionToken({ shop: victim.domain, expiresInSeconds: 600 });
      const get = async (query: string) => {
        const response = await fetch(`${stack.app.url}${concretePath(route)}?${query}`, {
          headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER_USER_AGENT },
        });
        return { status: response.status, body: await response.text() };
      };
      const baseline = await get("");
      expect(baseline.status, baseline.body.slice(0, 200)).toBeLessThan(500);
      for (const parameter of parameters) {
        for (const value of INJECTIONS) {
          const query = new URLSearchParams({ [parameter]: value }).toString();
          const answer = await get(query);
          const what = `${route.pattern}?${parameter}=${JSON.stringify(value.slice(0, 40))} → ${answer.status}`;
          expect(answer.status, `${what}: ${answer.body.slice(0, 300)}`).not.toBeGreaterThanOrEqual(500);
          if (answer.status === 400) {
            // A clear error, naming the parameter; the input not echoed back as markup.
            const error = JSON.parse(answer.body) as { error?: string; parameter?: string };
            expect(error.parameter ?? error.error, what).toBeTruthy();
          } else {
            // 414/431: the HTTP server refused an oversized request line before the app.
            expect([200, 404, 414, 431], what).toContain(answer.status);
          }
          expect(answer.body, what).not.toContain("<script>alert(1)</script>");
          expect(answer.body, what).not.toMatch(/access_token|shpat_|v1:[0-9a-f]{8}:/);
          // The other tenant's data never shows up in the victim's answers.
          for (const marker of otherMarkers) expect(answer.body, what).not.toContain(marker);
        }
      }
      // The path parameter too (the data-request id).
      if (route.params.length > 0) {
        for (const value of INJECTIONS.slice(0, 12)) {
          const response = await fetch(`${stack.app.url}${route.pattern.replace(/:\w+/, encodeURIComponent(value))}`, {
            headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER_USER_AGENT },
          });
          expect(response.status, `${route.pattern} with ${JSON.stringify(value.slice(0, 40))}`).toBeLessThan(500);
          expect([400, 404]).toContain(response.status);
        }
      }
      expect(await shopRowCounts(prisma, [victim.id, other.id])).toEqual(before);
    }, 120_000);
  }
});
