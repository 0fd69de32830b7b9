import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/webhooks/receive.server";

// Webhook topic app/uninstalled (subscribed in shopify.app.toml).
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request);
