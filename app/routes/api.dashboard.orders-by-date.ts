// GET /api/dashboard/orders-by-date — see docs/metrics.md. Session-token auth; the tenant is
// the verified token's shop, nothing else.
import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "~/db.server";
import { dashboardResponse, missingSessionTokenResponse } from "~/insights/http";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const unauthenticated = missingSessionTokenResponse(request);
  if (unauthenticated) return unauthenticated;
  const { session, cors } = await authenticate.admin(request);
  return cors(await dashboardResponse(prisma, session.shop, "orders-by-date", request));
};
