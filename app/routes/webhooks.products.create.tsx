import { webhookAction } from "~/webhooks/receive.server";

// Webhook topic products/create (subscribed in shopify.app.toml); this route serves no other topic.
export const action = webhookAction("products/create");
