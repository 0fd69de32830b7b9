import { webhookAction } from "~/webhooks/receive.server";

// Webhook topic orders/cancelled (subscribed in shopify.app.toml); this route serves no other topic.
export const action = webhookAction("orders/cancelled");
