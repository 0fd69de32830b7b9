import { env } from "./env.server";

// Against Shopify, App Bridge comes from Shopify's CDN (the library's default).
// Against the store simulator (no internet), the simulator serves a stand-in
// implementing the same `shopify` global; see simulator/README.md.
export function appBridgeScriptUrl(): string | undefined {
  return env.SHOPIFY_SIMULATOR_URL
    ? new URL("/shopifycloud/app-bridge.js", env.SHOPIFY_SIMULATOR_URL).toString()
    : undefined;
}
