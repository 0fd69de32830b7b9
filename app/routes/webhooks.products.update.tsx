import { webhookAction } from "~/webhooks/receive.server";

// Webhook topic products/update (subscribed in shopify.app.toml); this route serves no other topic.
export const action = webhookAction("products/update");
