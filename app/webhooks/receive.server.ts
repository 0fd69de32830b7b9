// Entry point for every webhook route: verify (HMAC via authenticate.webhook;
// a forged request gets 401 from the library), then dispatch by topic.
// Topic handlers beyond the lifecycle ones arrive with the ingestion work; until
// then those deliveries are acknowledged so Shopify does not retry them.
import prisma from "~/db.server";
import { authenticate } from "~/shopify.server";
import { recordUninstall } from "~/shops.server";

export async function receiveWebhook(request: Request): Promise<Response> {
  const { shop, topic } = await authenticate.webhook(request);
  switch (topic) {
    case "APP_UNINSTALLED":
      await recordUninstall(prisma, shop);
      break;
    default:
      break;
  }
  return new Response(null, { status: 200 });
}
