// Web-standard Response for a dashboard endpoint (no Remix imports): the routes
// authenticate, then hand the verified shop domain here. The tenant is that domain
// and nothing else; headers such as x-tenant-id are never read.
import type { PrismaClient } from "@prisma/client";
import { answerRetentionEndpoint, type RetentionEndpoint } from "./cohorts";
import { answerDashboardEndpoint, type DashboardEndpoint, type EndpointResponse } from "./endpoints";
import { findInsightsShop } from "./shop";

export async function dashboardResponse(
  prisma: PrismaClient,
  verifiedShopDomain: string,
  endpoint: DashboardEndpoint,
  request: Request,
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
  );
  return httpAnswer(answer);
}

/** GET /api/insights/{cohorts|repeat-purchase|first-product}: as the dashboard endpoints. */
export async function retentionResponse(
  prisma: PrismaClient,
  verifiedShopDomain: string,
  endpoint: RetentionEndpoint,
  request: Request,
): Promise<Response> {
  const shop = await findInsightsShop(prisma, verifiedShopDomain);
  if (!shop) return jsonResponse(404, { error: "shop not installed" });
  const url = new URL(request.url);
  return httpAnswer(await answerRetentionEndpoint(prisma, shop, endpoint, url, request.headers.get("Accept")));
}

function httpAnswer(answer: EndpointResponse): Response {
  const headers = new Headers({
    "Content-Type": answer.contentType,
    "Cache-Control": "private, no-store",
    Vary: "Accept, Authorization",
  });
  if (answer.filename) headers.set("Content-Disposition", `attachment; filename="${answer.filename}"`);
  return new Response(answer.body, { status: answer.status, headers });
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
