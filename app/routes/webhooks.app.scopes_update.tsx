import { webhookAction } from "~/webhooks/receive.server";

// Webhook topic app/scopes_update (subscribed in shopify.app.toml); this route serves no other topic.
export const action = webhookAction("app/scopes_update");
