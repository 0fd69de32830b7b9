// `npm run demo`: the whole product on one machine with nothing configured — the
// Shopify store simulator with a generated store, and a production build of the
// app pointed at it (embedded database in .data/pglite). Open the printed admin URL.
// (For editing code with hot reload use `npm run dev` with the variables in README.)
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { startSimulator } from "../simulator/src/index";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    "sim-port": { type: "string", default: "8787" },
    seed: { type: "string", default: "1" },
    size: { type: "string", default: "small" },
  },
});

// Demo-only credentials shared by the two local processes; not a real app's.
const apiKey = "storepulse-demo-api-key";
const apiSecret = "storepulse-demo-api-secret";
const scopes = "read_customers,read_orders,read_all_orders,read_products";
// Same host as the simulator's admin page, so the app iframe is not a third-party
// context (browsers restrict storage there).
const appUrl = `http://127.0.0.1:${values.port}`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return spawn(command, args, { stdio: "inherit", env });
}

const sim = await startSimulator({
  port: Number(values["sim-port"]),
  seed: Number(values.seed),
  size: values.size as "small" | "medium" | "large",
  appToml: path.resolve("shopify.app.toml"),
  app: { apiKey, apiSecret, appUrl, scopes: scopes.split(",") },
});

console.log("Building the app …");
const build = run("npx", ["remix", "vite:build"], { ...process.env, NODE_ENV: "production" });
const buildCode = await new Promise<number | null>((resolve) => build.on("exit", resolve));
if (buildCode !== 0) {
  await sim.close();
  process.exit(buildCode ?? 1);
}

const app = run("npx", ["remix-serve", "build/server/index.js"], {
  ...process.env,
  PORT: String(values.port),
  HOST: "127.0.0.1",
  SHOPIFY_API_KEY: apiKey,
  SHOPIFY_API_SECRET: apiSecret,
  SHOPIFY_APP_URL: appUrl,
  SCOPES: scopes,
  SHOPIFY_SIMULATOR_URL: sim.url,
  // Not "production": the app refuses to talk to a simulator in production. Not
  // "development" either: remix-serve then expects Vite's dev server to connect.
  NODE_ENV: "test",
  // The fallback sync is off by default under NODE_ENV=test (test suites share a database).
  SYNC_CRON: "on",
});

// Print the URL once the app answers (boot includes the embedded database's migrations).
while (!(await fetch(`${appUrl}/healthz`).then((r) => r.ok, () => false))) {
  if (app.exitCode !== null) break;
  await new Promise((resolve) => setTimeout(resolve, 250));
}

console.log(`
Storepulse demo
  simulator:  ${sim.url}  (store ${sim.shops[0]!.domain})
  app:        ${appUrl}
  open:       ${sim.adminUrl(sim.shops[0]!.domain)}
`);

const stop = async () => {
  app.kill("SIGTERM");
  await sim.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
app.on("exit", async (code) => {
  await sim.close();
  process.exit(code ?? 0);
});
