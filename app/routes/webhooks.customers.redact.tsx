import { webhookAction } from "~/webhooks/receive.server";

// Webhook topic customers/redact (subscribed in shopify.app.toml); this route serves no other topic.
export const action = webhookAction("customers/redact");
