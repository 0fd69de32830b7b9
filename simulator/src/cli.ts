// npm run sim -- --port <n> --seed <n> --size small|medium|large [--fixture <file>] [--ledger-cases]
//                [--plan standard|advanced|plus] [--app-toml <file>] [--install]
// App credentials come from SHOPIFY_API_KEY / SHOPIFY_API_SECRET / SHOPIFY_APP_URL.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { getHeapStatistics } from "node:v8";
import type { Plan } from "./contracts.js";
import { defaultAppTomlPath, startSimulator } from "./index.js";

const USAGE = `Usage: npm run sim -- [options]
  --port <n>          port to listen on (default 8787; 0 = any free port)
  --host <addr>       interface (default 127.0.0.1)
  --seed <n>          seed of the generated store (default 1)
  --size <size>       small (~1.5k orders) | medium (~20k) | large (1M) (default small)
  --fixture <file>    load this store fixture instead of generating one
  --ledger-cases      also generate order edits, returns, tips, duties and additional fees
  --plan <plan>       standard | advanced | plus (default standard)
  --shop <domain>     shop domain (default sim-store-<seed>.myshopify.com)
  --app-toml <file>   the app's shopify.app.toml (default ../shopify.app.toml)
  --install           install the app on the shop at start (tokens: POST /_sim/shops/{shop}/install)
  --bulk-speed <n>    bulk operation speed in objects/s (default 5000)
  --webhook-speed <n> run webhook retries n× faster than Shopify's 8 retries over 4 hours (default 1)
  --log               log HTTP requests (tokens are redacted)
  -h, --help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8787" },
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string", default: "1" },
      size: { type: "string", default: "small" },
      fixture: { type: "string" },
      "ledger-cases": { type: "boolean", default: false },
      plan: { type: "string", default: "standard" },
      shop: { type: "string" },
      "app-toml": { type: "string" },
      install: { type: "boolean", default: false },
      "bulk-speed": { type: "string" },
      "webhook-speed": { type: "string" },
      log: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const size = values.size as "small" | "medium" | "large";
  if (!["small", "medium", "large"].includes(size)) throw new Error(`--size must be small, medium or large\n${USAGE}`);
  const plan = values.plan as Plan;
  if (!["standard", "advanced", "plus"].includes(plan))
    throw new Error(`--plan must be standard, advanced or plus\n${USAGE}`);
  // npm runs workspace scripts inside simulator/; paths given on the command line are relative to where npm was started.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const started = Date.now();
  const heapMb = getHeapStatistics().heap_size_limit / 1e6;
  if (size === "large" && heapMb < 6000) {
    console.log(
      `note: the large store needs ~2.5 GB of heap; this Node allows ${Math.round(heapMb)} MB. If it runs out, use NODE_OPTIONS=--max-old-space-size=8192.`,
    );
  }
  const sim = await startSimulator({
    port: Number(values.port),
    host: values.host,
    shops: [
      {
        seed: Number(values.seed),
        size,
        plan,
        domain: values.shop,
        fixture: values.fixture ? resolve(cwd, values.fixture) : undefined,
        ledgerCases: values["ledger-cases"],
        onProgress: size === "large" ? (n) => console.log(`  generating… ${n} orders`) : undefined,
      },
    ],
    appToml: values["app-toml"] ? resolve(cwd, values["app-toml"]) : undefined,
    bulk: values["bulk-speed"] ? { objectsPerSecond: Number(values["bulk-speed"]) } : undefined,
    webhooks: values["webhook-speed"] ? { speed: Number(values["webhook-speed"]) } : undefined,
    logger: values.log,
  });
  const app = sim.simulator.app;
  const lines = [
    `Shopify simulator ready in ${Date.now() - started} ms`,
    `  origin:        ${sim.url}   (replace https://{shop} with this origin, keep the path)`,
    `  health:        ${sim.url}/_sim/health`,
    `  admin graphql: ${sim.url}/admin/api/{version}/graphql.json`,
    `  token endpoint: ${sim.url}/admin/oauth/access_token`,
    `  control API:   ${sim.url}/_sim/shops`,
    `  app:           ${app.appUrl} (api key ${app.apiKey}); app toml ${values["app-toml"] ?? defaultAppTomlPath()}`,
    `  webhooks:      api_version ${sim.simulator.webhooks.apiVersion}, ${sim.simulator.webhooks.subscriptions().length} subscription(s)`,
  ];
  for (const shop of sim.shops) {
    const store = sim.control.store(shop.domain);
    lines.push(
      `  shop ${shop.domain}: ${store.count("orders")} orders, ${store.count("customers")} customers, ${store.count("products")} products (${shop.plan}, ${shop.ianaTimezone})`,
      `    admin page:  ${sim.adminUrl(shop.domain)}`,
    );
    if (values.install) {
      // Access tokens are secrets and never printed; the control API hands one out on request.
      sim.simulator.setInstalled(shop.domain, true);
      lines.push(`    app installed; get an access token: curl -X POST ${sim.url}/_sim/shops/${shop.domain}/install`);
    }
  }
  console.log(lines.join("\n"));
  const stop = async () => {
    await sim.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
