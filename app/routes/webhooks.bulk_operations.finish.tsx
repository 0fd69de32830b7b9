import { webhookAction } from "~/webhooks/receive.server";

// Webhook topic bulk_operations/finish (subscribed in shopify.app.toml); this route serves no other topic.
export const action = webhookAction("bulk_operations/finish");
