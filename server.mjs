// The production server (`npm start` = `node server.mjs build/server/index.js`): what
// remix-serve gave — static assets (fingerprinted ones cached for a year), compression
// of pages and API answers, PORT/HOST, a request log, close on SIGTERM/SIGINT — plus
// Shopify's webhooks served ahead of Remix. A delivery goes from Node's request straight
// to the webhook module (app/webhooks/receive.server.ts, the same code the Remix route
// action runs): no express, no compression, no Fetch Request/Response, no router. That
// framework cost was ~96% of a delivery's CPU (docs/decisions/webhooks-ahead-of-remix.md).
// Everything else goes to Remix through @remix-run/express, as with remix-serve.
//
// Security headers are added at Node's writeHead (app/security/headers.server.ts, set up
// when the build loads), so webhook answers get them too.
import http from "node:http";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";

process.env.NODE_ENV = process.env.NODE_ENV ?? "production";
// No process.setSourceMapsEnabled(true): it parses every loaded module's source map at
// load, and with the embedded database's bundles the start took longer than 90 s on a
// busy machine (tests/foundation-app's embedded boot). remix-serve's source-map-support
// was lazy; the build carries no maps of its own.

const buildPath = path.resolve(process.argv[2] ?? "build/server/index.js");
const build = await import(url.pathToFileURL(buildPath).href);
installGlobals({ nativeFetch: build.future.v3_singleFetch });

/** Webhook routes by URL path, filled as the build's route modules loaded (webhookAction). */
const webhooks = build.entry.module.webhookNodeRoutes;
// Every webhook route of the build must be served here, and nothing else: a route whose
// path does not name its topic would otherwise be answered by two different checks.
const routePaths = Object.values(build.routes)
  .filter((route) => route.path?.startsWith("webhooks/"))
  .map((route) => `/${route.path}`)
  .sort();
const served = [...(webhooks?.keys() ?? [])].sort();
if (routePaths.join("\n") !== served.join("\n")) {
  console.error(
    `[server] webhook routes and their topics differ: routes ${routePaths.join(", ")}; topics ${served.join(", ")}`,
  );
  process.exit(1);
}

// ---- request log ------------------------------------------------------------------------
// One line per request (morgan's "tiny" format), written in batches: a pipe or file is a
// synchronous write per call on Linux, which at hundreds of deliveries a second is the
// server's time, not the log's.
let pending = [];
let pendingBytes = 0;
let flushTimer = null;
function flushLog() {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  if (pending.length === 0) return;
  const text = pending.join("");
  pending = [];
  pendingBytes = 0;
  process.stdout.write(text);
}
function logRequest(req, res) {
  const started = performance.now();
  res.once("finish", () => {
    const length = res.getHeader("content-length") ?? "-";
    const line = `${req.method} ${req.originalUrl ?? req.url} ${res.statusCode} ${length} - ${(performance.now() - started).toFixed(3)} ms\n`;
    pending.push(line);
    pendingBytes += line.length;
    if (pendingBytes >= 64 * 1024) flushLog();
    else flushTimer ??= setTimeout(flushLog, 250).unref();
  });
}

// ---- Remix (everything but webhooks) ------------------------------------------------------
const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.use((req, res, next) => {
  logRequest(req, res);
  next();
});
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const server = http.createServer((req, res) => {
  const query = req.url.indexOf("?");
  const webhook = webhooks.get(query === -1 ? req.url : req.url.slice(0, query));
  if (!webhook) return app(req, res);
  logRequest(req, res);
  webhook(req, res).catch((error) => {
    // The handler answers its own failures; this is a bug in it. No payload in the log.
    console.error(`[server] webhook ${req.url}: ${error?.name ?? "Error"}: ${error?.message ?? error}`);
    if (!res.headersSent) res.writeHead(500, { "Content-Length": "0" });
    res.end();
  });
});

// Idle keep-alive connections outlive the client's: Node's 5 s default closes a socket a
// load balancer or a busy client is about to reuse ("other side closed", a 502 behind a
// balancer whose idle timeout is longer — AWS's is 60 s). The side that reuses a
// connection must be the one that gives up on it first.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST;
const onListen = () => console.log(`[server] http://${host ?? "localhost"}:${port}`);
if (host) server.listen(port, host, onListen);
else server.listen(port, onListen);

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    // Stop accepting; answer what is in flight. The sync scheduler, queue workers and
    // ledger refresher stop on the same signal (their modules), then the process exits.
    server.close((error) => {
      if (error) console.error(error);
    });
    flushLog();
  });
}
process.once("exit", flushLog);
