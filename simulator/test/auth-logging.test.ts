// Secrets stay out of the logs: with Fastify logging everything (trace level), a token
// exchange, a refresh, the legacy OAuth round trip and the admin page leave no access
// token, refresh token, session token, code or app secret in the log output.
import { Writable } from "node:stream";
import Fastify from "fastify";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAuthRoutes } from "../src/auth/index.js";
import { createMemoryContext, memoryShop } from "../src/auth/testing.js";

const APP = {
  apiKey: "logging-api-key-0123456789",
  apiSecret: "logging-secret-do-not-log-0123456789",
  appUrl: "https://app.logging.example",
  scopes: ["read_orders"],
};
const SHOP = "quiet.myshopify.com";

const lines: string[] = [];
const app = Fastify({
  logger: {
    level: "trace",
    stream: new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  },
});
let origin = "";

beforeAll(async () => {
  registerAuthRoutes(app, createMemoryContext(APP, [memoryShop(SHOP)]));
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  origin = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await app.close();
});

async function post(body: Record<string, string>) {
  const response = await fetch(`${origin}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, string>;
}

describe("logging", () => {
  it("never writes tokens, codes or the secret to the log", async () => {
    const iat = Math.floor(Date.now() / 1000);
    const sessionToken = await new SignJWT({
      iss: `https://${SHOP}/admin`,
      dest: `https://${SHOP}`,
      aud: APP.apiKey,
      sub: "42",
      exp: iat + 60,
      nbf: iat,
      iat,
      jti: "j",
      sid: "s",
    })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode(APP.apiSecret));
    const secrets: string[] = [APP.apiSecret, sessionToken];

    const exchanged = await post({
      client_id: APP.apiKey,
      client_secret: APP.apiSecret,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: sessionToken,
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
      expiring: "1",
    });
    secrets.push(exchanged.access_token!, exchanged.refresh_token!);
    const refreshed = await post({
      client_id: APP.apiKey,
      client_secret: APP.apiSecret,
      grant_type: "refresh_token",
      refresh_token: exchanged.refresh_token!,
    });
    secrets.push(refreshed.access_token!, refreshed.refresh_token!);

    const authorize = await fetch(
      `${origin}/admin/oauth/authorize?${new URLSearchParams({
        client_id: APP.apiKey,
        scope: "read_orders",
        redirect_uri: `${APP.appUrl}/auth/callback`,
        state: "st",
        shop: SHOP,
      })}`,
      { redirect: "manual" },
    );
    const code = new URL(authorize.headers.get("location")!).searchParams.get("code")!;
    secrets.push(code);
    const coded = await post({ client_id: APP.apiKey, client_secret: APP.apiSecret, code });
    secrets.push(coded.access_token!);

    const page = await (await fetch(`${origin}/store/quiet/apps/${APP.apiKey}`)).text();
    const idToken = /id_token=([^&"]+)/.exec(page)![1]!;
    secrets.push(decodeURIComponent(idToken));

    expect(lines.length).toBeGreaterThan(5);
    const log = lines.join("");
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      expect(log).not.toContain(secret);
    }
  });
});
