// Security headers on every response the server writes: Remix documents, data requests,
// resource routes (API, webhooks, health), static assets and the library's own answers.
// remix-serve offers no middleware hook and resource routes bypass entry.server, so the
// headers are added where every response passes: Node's ServerResponse.writeHead, once
// per process, only where the response has not set the header itself.
// - X-Content-Type-Options: nosniff — no MIME sniffing of API JSON or CSV as HTML/script;
// - Referrer-Policy: strict-origin-when-cross-origin — embedded URLs carry shop, host and
//   id_token query parameters that must not leak to other origins;
// - Strict-Transport-Security when the request came over https (directly or through a
//   proxy's X-Forwarded-Proto) or in production;
// - Content-Security-Policy frame-ancestors: only Shopify Admin may frame us. Documents get
//   the shop-specific policy from addDocumentResponseHeaders (shopify-app-remix sets it only
//   when `?shop=` is present: node_modules/@shopify/shopify-app-remix/dist/esm/server/
//   authenticate/helpers/add-response-headers.mjs); everything else gets the generic one.
import http from "node:http";

/** Who may frame the app when the shop is not known (https://shopify.dev/docs/apps/build/security/set-up-iframe-protection). */
export const GENERIC_FRAME_ANCESTORS = "frame-ancestors https://admin.shopify.com https://*.myshopify.com;";

export function baseSecurityHeaders(options: { https: boolean; production: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    ...(options.https || options.production
      ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }
      : {}),
  };
}

/** A document without a shop-specific policy still gets one. */
export function ensureFrameAncestors(headers: Headers): void {
  if (!headers.get("Content-Security-Policy")?.includes("frame-ancestors")) {
    headers.set("Content-Security-Policy", GENERIC_FRAME_ANCESTORS);
  }
}

function cameOverHttps(request: http.IncomingMessage | undefined): boolean {
  if (!request) return false;
  if ((request.socket as { encrypted?: boolean } | undefined)?.encrypted) return true;
  const forwarded = request.headers["x-forwarded-proto"];
  const proto = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return proto?.split(",")[0]?.trim().toLowerCase() === "https";
}

declare global {
  var storepulseSecurityHeaders: boolean | undefined;
}

export function installSecurityHeaders(production: boolean): void {
  if (globalThis.storepulseSecurityHeaders) return;
  globalThis.storepulseSecurityHeaders = true;
  const writeHead = http.ServerResponse.prototype.writeHead;
  http.ServerResponse.prototype.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) {
      const headers = baseSecurityHeaders({ https: cameOverHttps(this.req), production });
      if (!this.hasHeader("Content-Security-Policy")) headers["Content-Security-Policy"] = GENERIC_FRAME_ANCESTORS;
      for (const [name, value] of Object.entries(headers)) if (!this.hasHeader(name)) this.setHeader(name, value);
    }
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof writeHead;
}
