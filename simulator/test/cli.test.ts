// `npm run sim` (src/cli.ts): starts, prints its URLs and is ready when
// GET /_sim/health answers 200; reads the app toml and the app credentials
// from the environment; never prints the app secret.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { waitFor } from "./helpers.js";

const simulatorDir = fileURLToPath(new URL("..", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

describe("CLI", () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.pid && child.exitCode === null) child.kill("SIGTERM");
  });

  it("serves a generated store and prints its URLs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sim-cli-"));
    const toml = join(dir, "shopify.app.toml");
    writeFileSync(
      toml,
      `[access_scopes]\nscopes = "read_orders,read_products"\n\n[webhooks]\napi_version = "2026-10"\n\n  [[webhooks.subscriptions]]\n  topics = [ "app/uninstalled" ]\n  uri = "/webhooks/app/uninstalled"\n`,
    );
    let output = "";
    child = spawn(
      tsx,
      [
        "src/cli.ts",
        "--port",
        "0",
        "--seed",
        "4",
        "--size",
        "small",
        "--plan",
        "plus",
        "--app-toml",
        toml,
        "--install",
      ],
      {
        cwd: simulatorDir,
        env: {
          ...process.env,
          SHOPIFY_API_KEY: "cli-key",
          SHOPIFY_API_SECRET: "cli-secret-never-printed",
          SHOPIFY_APP_URL: "http://127.0.0.1:9",
        },
      },
    );
    child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    const origin = await waitFor(
      () => /origin:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1],
      30_000,
      "CLI origin line",
    );
    const health = await fetch(`${origin}/_sim/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, shops: ["sim-store-4.myshopify.com"] });
    await waitFor(() => output.includes("app installed") || undefined, 10_000, "install line");
    expect(output).toContain(`admin page:  ${origin}/store/sim-store-4/apps/cli-key`);
    expect(output).toContain("1 subscription(s)");
    expect(output).toContain("shop sim-store-4.myshopify.com: 1500 orders");
    expect(output).not.toContain("cli-secret-never-printed");
    expect(output).not.toMatch(/shpua_/); // access tokens are never printed
    const installed = (await (await fetch(`${origin}/_sim/shops/sim-store-4/install`, { method: "POST" })).json()) as {
      access_token: string;
    };
    const token = installed.access_token;
    const res = await fetch(`${origin}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-access-token": token },
      body: JSON.stringify({ query: "{ shop { plan { shopifyPlus } } products(first: 1) { nodes { id } } }" }),
    });
    const body = (await res.json()) as {
      data: unknown;
      extensions: { cost: { throttleStatus: { maximumAvailable: number } } };
    };
    expect(body.data).toMatchObject({ shop: { plan: { shopifyPlus: true } } });
    expect(body.extensions.cost.throttleStatus.maximumAvailable).toBe(20000);
    const shops = (await (await fetch(`${origin}/_sim/shops`)).json()) as Array<{ grantedScopes: string[] }>;
    expect(shops[0]!.grantedScopes).toEqual(["read_orders", "read_products"]);
  });
});
