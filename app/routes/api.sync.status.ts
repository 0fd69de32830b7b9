// GET /api/sync/status — the shop's sync status (per resource: records stored,
// backfill progress, last successful sync, lag, last error).
// POST /api/sync/status — "Sync now" (202; the pass runs in the background).
// Session-token auth; the tenant is the verified token's shop, nothing else.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "~/db.server";
import { missingSessionTokenResponse } from "~/insights/http";
import { authenticate } from "~/shopify.server";
import { startSyncNow } from "~/services/sync-now.server";
import { getShopSyncStatus } from "~/sync/status";

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const unauthenticated = missingSessionTokenResponse(request);
  if (unauthenticated) return unauthenticated;
  const { session, cors } = await authenticate.admin(request);
  const status = await getShopSyncStatus(prisma, session.shop);
  return cors(status ? json(200, status) : json(404, { error: "shop not installed" }));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST") return json(405, { error: "use POST to start a sync" });
  const unauthenticated = missingSessionTokenResponse(request);
  if (unauthenticated) return unauthenticated;
  const { session, cors } = await authenticate.admin(request);
  const { accepted, state } = await startSyncNow(session.shop);
  // state: started | queued (waits for a slot) | running (a pass already runs; no second one).
  return cors(accepted ? json(202, { accepted: true, state }) : json(404, { error: "shop not installed" }));
};
