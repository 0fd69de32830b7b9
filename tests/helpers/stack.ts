// The whole offline stack for end-to-end tests: the store simulator (Shopify)
// and the built app, wired to each other over HTTP exactly as in production —
// the app reaches "Shopify" through SHOPIFY_SIMULATOR_URL's origin mapping, the
// simulator delivers webhooks to the app URL from shopify.app.toml.
import path from "node:path";
import getPort from "get-port";
import { inject } from "vitest";
import { startSimulator, type RunningSimulator, type StartSimulatorOptions } from "../../simulator/src/index";
import { startApp, type RunningApp } from "./app-server";
import { sessionToken } from "./shopify-signing";
import { TEST_APP } from "./test-app";
import { idleIncludesAppliedWebhooks } from "./webhook-queue";

// @shopify/shopify-app-remix answers 410 to bots, and Node's fetch looks like one.
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

export interface Stack {
  sim: RunningSimulator;
  app: RunningApp;
  /** The first shop of the simulator. */
  shop: string;
  close(): Promise<void>;
}

export async function startStack(
  options: { simulator?: StartSimulatorOptions; appEnv?: Record<string, string | undefined> } = {},
): Promise<Stack> {
  const port = await getPort({ host: "127.0.0.1" });
  const appUrl = `http://127.0.0.1:${port}`;
  const sim = await startSimulator({
    port: 0,
    seed: 1,
    size: "small",
    appToml: path.resolve(__dirname, "../../shopify.app.toml"),
    ...options.simulator,
    app: { apiKey: TEST_APP.apiKey, apiSecret: TEST_APP.apiSecret, appUrl, scopes: TEST_APP.scopes.split(",") },
  });
  let app: RunningApp;
  try {
    app = await startApp({ SHOPIFY_SIMULATOR_URL: sim.url, SHOPIFY_APP_URL: appUrl, ...options.appEnv }, { port });
  } catch (error) {
    await sim.close();
    throw error;
  }
  // Webhooks are acknowledged once recorded: "idle" also waits until the app applied them.
  const queue = idleIncludesAppliedWebhooks(sim, options.appEnv?.DATABASE_URL ?? inject("databaseUrl"));
  return {
    sim,
    app,
    shop: sim.shops[0]!.domain,
    async close() {
      await app.stop();
      await sim.close();
      await queue.close();
    },
  };
}

/** The `host` parameter Shopify Admin passes: base64 of admin.shopify.com/store/{handle}. */
export function hostParam(shop: string): string {
  const handle = shop.replace(/\.myshopify\.com$/, "");
  return Buffer.from(`admin.shopify.com/store/${handle}`).toString("base64").replace(/=+$/, "");
}

/**
 * Open the app the way Shopify Admin does on first load (Shopify-managed install):
 * GET /app with shop, host, embedded=1 and a fresh id_token. The app exchanges the
 * token with the simulator and runs its afterAuth (install) hook.
 */
export async function openEmbeddedApp(stack: Stack, shop = stack.shop, appPath = "/app"): Promise<Response> {
  const idToken = await sessionToken({ shop });
  const url = new URL(appPath, stack.app.url);
  url.searchParams.set("shop", shop);
  url.searchParams.set("host", hostParam(shop));
  url.searchParams.set("embedded", "1");
  url.searchParams.set("id_token", idToken);
  return fetch(url, { redirect: "manual", headers: { "User-Agent": BROWSER_USER_AGENT } });
}

/** Headers for the app's JSON API, as App Bridge's fetch sends them. */
export async function apiHeaders(shop: string): Promise<Record<string, string>> {
  return { Authorization: `Bearer ${await sessionToken({ shop })}`, "User-Agent": BROWSER_USER_AGENT };
}
