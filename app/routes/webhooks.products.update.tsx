import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/webhooks/receive.server";

// Webhook topic products/update (subscribed in shopify.app.toml).
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request);
