// Simulator mode (SHOPIFY_SIMULATOR_URL set; refused in production by env.server).
// The simulator is reached by replacing the origin `https://{shop}` with the
// simulator's origin, path unchanged (simulator/README.md, "Origin mapping").
// Everything Shopify-bound goes through here: @shopify/shopify-api's one
// replaceable fetch (token exchange, refresh, Admin GraphQL) and our own
// downloads (bulk results), plus the two browser-facing differences: the App
// Bridge script URL and the admin origin allowed to frame the app.
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { env } from "./env.server";

const simulatorOrigin = env.simulatorOrigin;

// The App Bridge URL is derived configuration (env.appBridgeUrl: APP_BRIDGE_URL, or
// the simulator's stand-in). @shopify/shopify-app-remix's node adapter takes it for the
// pages the library renders itself (session-token bounce, exit-iframe) only from
// process.env.APP_BRIDGE_URL, read once when the adapter is imported — its one input
// for it — so it is handed over here, before the adapter import (shopify.server).
if (env.appBridgeUrl) process.env.APP_BRIDGE_URL = env.appBridgeUrl;

export function isSimulatorMode(): boolean {
  return simulatorOrigin !== undefined;
}

/** Maps https://{shop}.myshopify.com/... to the simulator; other URLs pass through. */
export function shopifyUrl(url: string | URL): string {
  const parsed = new URL(url.toString());
  if (simulatorOrigin && parsed.hostname.endsWith(".myshopify.com")) {
    return `${simulatorOrigin}${parsed.pathname}${parsed.search}`;
  }
  return parsed.toString();
}

/** Fetch for Shopify-bound requests (the same mapping the library uses). */
export const shopifyFetch: typeof fetch = (input, init) => {
  if (!simulatorOrigin) return fetch(input, init);
  if (input instanceof Request) return fetch(new Request(shopifyUrl(input.url), input), init);
  return fetch(shopifyUrl(input), init);
};

/** Call after the Shopify adapters are imported (they install their own fetch). */
export function routeShopifyApiToSimulator(): void {
  if (simulatorOrigin) setAbstractFetchFunc(shopifyFetch as never);
}

/**
 * Document headers in simulator mode: the simulator's admin page frames the app
 * from its own origin, and the library's preload hint for App Bridge points at
 * Shopify's CDN (unreachable offline) — point it at the stand-in instead.
 */
export function adaptDocumentHeadersForSimulator(headers: Headers): void {
  if (!simulatorOrigin) return;
  const csp = headers.get("Content-Security-Policy");
  if (csp?.includes("frame-ancestors") && !csp.includes("'none'")) {
    headers.set("Content-Security-Policy", csp.replace("frame-ancestors", `frame-ancestors ${simulatorOrigin}`));
  }
  const link = headers.get("Link");
  if (link && env.appBridgeUrl) {
    headers.set("Link", link.replaceAll("https://cdn.shopify.com/shopifycloud/app-bridge.js", env.appBridgeUrl));
  }
}
