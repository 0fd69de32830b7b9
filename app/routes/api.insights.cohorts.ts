// GET /api/insights/cohorts — see docs/metrics.md (Retention). Session-token auth; the tenant
// is the verified token's shop, nothing else.
import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "~/db.server";
import { missingSessionTokenResponse, retentionResponse } from "~/insights/http";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const unauthenticated = missingSessionTokenResponse(request);
  if (unauthenticated) return unauthenticated;
  const { session, cors } = await authenticate.admin(request);
  return cors(await retentionResponse(prisma, session.shop, "cohorts", request));
};
