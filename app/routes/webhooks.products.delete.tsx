import { webhookAction } from "~/webhooks/receive.server";

// Webhook topic products/delete (subscribed in shopify.app.toml); this route serves no other topic.
export const action = webhookAction("products/delete");
