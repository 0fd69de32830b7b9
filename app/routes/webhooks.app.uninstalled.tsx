import { webhookAction } from "~/webhooks/receive.server";

// Webhook topic app/uninstalled (subscribed in shopify.app.toml); this route serves no other topic.
export const action = webhookAction("app/uninstalled");
