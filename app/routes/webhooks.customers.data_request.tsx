import { webhookAction } from "~/webhooks/receive.server";

// Webhook topic customers/data_request (subscribed in shopify.app.toml); this route serves no other topic.
export const action = webhookAction("customers/data_request");
