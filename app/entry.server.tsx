import { renderToPipeableStream } from "react-dom/server";
import { RemixServer } from "@remix-run/react";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { isbot } from "isbot";
import { env } from "./env.server";
import { ensureFrameAncestors, installSecurityHeaders } from "./security/headers.server";
import { addDocumentResponseHeaders } from "./shopify.server";
import { adaptDocumentHeadersForSimulator } from "./shopify-simulator.server";
import { withoutChunkPadding } from "./ssr-stream.server";
import "./cron.server"; // starts the sync scheduler once per process
import "./ledger-refresh.server"; // reads changed orders' sales ledgers after their webhooks

// nosniff, Referrer-Policy, HSTS and a frame-ancestors default on every response.
installSecurityHeaders(env.NODE_ENV === "production");

export const streamTimeout = 5000;

// The production server (server.mjs) serves webhooks ahead of Remix with these handlers.
export { webhookNodeRoutes } from "./webhooks/receive.server";

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // Adds the frame-ancestors CSP that lets Shopify Admin (and only it) embed us.
  addDocumentResponseHeaders(request, responseHeaders);
  // The library sets it only when ?shop= is present; embedded pages always need one.
  ensureFrameAncestors(responseHeaders);
  adaptDocumentHeadersForSimulator(responseHeaders);
  const userAgent = request.headers.get("user-agent");
  const callbackName = isbot(userAgent ?? "") ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [callbackName]: () => {
        // React writes straight into the transform, so it sees React's own chunks.
        const body = withoutChunkPadding();
        const stream = createReadableStreamFromReadable(body);
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error) {
        reject(error);
      },
      onError(error) {
        responseStatusCode = 500;
        console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}
