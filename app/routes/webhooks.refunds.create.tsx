import { webhookAction } from "~/webhooks/receive.server";

// Webhook topic refunds/create (subscribed in shopify.app.toml); this route serves no other topic.
export const action = webhookAction("refunds/create");
