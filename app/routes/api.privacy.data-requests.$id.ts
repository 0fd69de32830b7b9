// GET /api/privacy/data-requests/:id — the export recorded for a customers/data_request,
// for the merchant to download and hand to the customer. Session-token auth; only the
// token's own shop's requests are found (another shop's id answers 404).
import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "~/db.server";
import { missingSessionTokenResponse } from "~/insights/http";
import { authenticate } from "~/shopify.server";
import { findCustomerDataExport } from "~/sync/lifecycle";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const unauthenticated = missingSessionTokenResponse(request);
  if (unauthenticated) return unauthenticated;
  const { session, cors } = await authenticate.admin(request);
  const id = Number(params.id);
  const found = Number.isSafeInteger(id) && id > 0 ? await findCustomerDataExport(prisma, session.shop, id) : null;
  if (!found) return cors(json(404, { error: "data request not found" }));
  return cors(
    json(200, found.export, {
      "Content-Disposition": `attachment; filename="customer-data-request-${found.id}.json"`,
    }),
  );
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store", ...headers },
  });
}
