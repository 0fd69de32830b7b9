// Web-standard Response for a dashboard endpoint (no Remix imports): the routes
// authenticate, then hand the verified shop domain here. The tenant is that domain
// and nothing else; headers such as x-tenant-id are never read.
import { gzipSync } from "node:zlib";
import type { PrismaClient } from "@prisma/client";
import { answerKey, cachedAnswer, stringBytes } from "./answer-cache";
import { answerRetentionEndpoint, parseCohortParams, type RetentionEndpoint } from "./cohorts";
import { localToday } from "./dates";
import { answerDashboardEndpoint, type DashboardEndpoint, type EndpointResponse } from "./endpoints";
import { wantsCsv } from "./params";
import type { InsightsShop } from "./queries";
import { findInsightsShop } from "./shop";

export async function dashboardResponse(
  prisma: PrismaClient,
  verifiedShopDomain: string,
  endpoint: DashboardEndpoint,
  request: Request,
  now?: Date,
): Promise<Response> {
  const shop = await findInsightsShop(prisma, verifiedShopDomain);
  if (!shop) {
    // A valid session for a shop we have no row for: the install hook has not run yet.
    return jsonResponse(404, { error: "shop not installed" });
  }
  const answer = await answerDashboardEndpoint(
    prisma,
    shop,
    endpoint,
    new URL(request.url),
    request.headers.get("Accept"),
    now,
  );
  return httpAnswer(answer, request.headers.get("Accept-Encoding"));
}

/** GET /api/insights/{cohorts|repeat-purchase|first-product}: as the dashboard endpoints. */
export async function retentionResponse(
  prisma: PrismaClient,
  verifiedShopDomain: string,
  endpoint: RetentionEndpoint,
  request: Request,
  now?: Date,
): Promise<Response> {
  const shop = await findInsightsShop(prisma, verifiedShopDomain);
  if (!shop) return jsonResponse(404, { error: "shop not installed" });
  const url = new URL(request.url);
  const accept = request.headers.get("Accept");
  return httpAnswer(
    await cachedRetentionAnswer(prisma, shop, endpoint, url, accept, now),
    request.headers.get("Accept-Encoding"),
  );
}

/**
 * answerRetentionEndpoint through the answer cache, keyed by its parameters as it
 * resolves them (concrete months and dates in the shop's zone); parameters it refuses
 * are answered by it, uncached.
 */
export function cachedRetentionAnswer(
  prisma: PrismaClient,
  shop: InsightsShop,
  endpoint: RetentionEndpoint,
  url: URL,
  accept: string | null,
  now?: Date,
): Promise<EndpointResponse> {
  const compute = () => answerRetentionEndpoint(prisma, shop, endpoint, url, accept, now);
  const params = parseCohortParams(url.searchParams, { timeZone: shop.ianaTimezone, now });
  const asCsv = wantsCsv(url.searchParams, accept);
  if (!params.ok || !asCsv.ok) return compute();
  const { from, to, limit } = params.value;
  const today = localToday(shop.ianaTimezone, now);
  return cachedAnswer(
    shop,
    () => answerKey(shop, today, `api/insights/${endpoint}`, { from, to, limit, csv: asCsv.value }),
    compute,
    { size: (answer) => stringBytes(answer.body), keep: (answer) => answer.status === 200 },
  );
}

function httpAnswer(answer: EndpointResponse, acceptEncoding: string | null): Response {
  const headers = new Headers({
    "Content-Type": answer.contentType,
    "Cache-Control": "private, no-store",
    Vary: "Accept, Authorization, Accept-Encoding",
  });
  if (answer.filename) headers.set("Content-Disposition", `attachment; filename="${answer.filename}"`);
  if (answer.status === 200 && answer.body.length >= GZIP_FROM_CHARS && acceptsGzip(acceptEncoding)) {
    // Compressed once per cached answer rather than by the compression middleware on every
    // request (the largest CPU item of a cached answer's request in the profile; it skips
    // responses that carry a Content-Encoding already).
    let bytes = gzipped.get(answer);
    if (!bytes) {
      bytes = new Uint8Array(gzipSync(answer.body));
      gzipped.set(answer, bytes);
    }
    headers.set("Content-Encoding", "gzip");
    return new Response(bytes, { status: answer.status, headers });
  }
  return new Response(answer.body, { status: answer.status, headers });
}

/** The compression middleware's own threshold (1 kB): smaller answers go as they are. */
const GZIP_FROM_CHARS = 1024;

// Keyed by the answer object: a cached answer's bytes live as long as its cache entry.
const gzipped = new WeakMap<EndpointResponse, Uint8Array<ArrayBuffer>>();

/** gzip listed in Accept-Encoding without q=0. */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding?.trim() !== "gzip") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * The dashboard API is for fetches carrying an App Bridge session token. Without one,
 * authenticate.admin would treat the request as a page load and redirect to login;
 * an API client must get 401 instead.
 */
export function missingSessionTokenResponse(request: Request): Response | null {
  if (/^Bearer\s+\S+/i.test(request.headers.get("Authorization") ?? "")) return null;
  return jsonResponse(401, { error: "missing session token (Authorization: Bearer <token>)" });
}

function jsonResponse(status: number, body: unknown): Response {
  return Response.json(body, {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}
