import { webhookAction } from "~/webhooks/receive.server";

// Webhook topic customers/delete (subscribed in shopify.app.toml); this route serves no other topic.
export const action = webhookAction("customers/delete");
