// A minimal in-memory SimContext and server for testing the auth part on its own,
// without core's store. Core's real context replaces it in the full simulator.
import Fastify, { type FastifyInstance } from "fastify";
import type { AppCredentials, ShopInfo, SimContext } from "../contracts.js";
import { registerAuthRoutes, type AuthRouteOptions } from "./index.js";
import { createTokenRegistry, type SimTokenRegistry, type TokenRegistryOptions } from "./token-registry.js";

export interface MemoryContext extends SimContext {
  tokens: SimTokenRegistry;
  /** Every setInstalled call, in order (what core would turn into app/uninstalled). */
  installEvents: Array<{ domain: string; installed: boolean; scopes?: string[] }>;
}

export function memoryShop(domain: string, overrides: Partial<ShopInfo> = {}): ShopInfo {
  return {
    domain,
    name: domain.replace(/\.myshopify\.com$/, ""),
    plan: "standard",
    currencyCode: "USD",
    ianaTimezone: "America/New_York",
    installed: false,
    grantedScopes: [],
    ...overrides,
  };
}

export function createMemoryContext(
  app: AppCredentials,
  shops: ShopInfo[],
  tokenOptions: TokenRegistryOptions = {},
): MemoryContext {
  const byDomain = new Map(shops.map((s) => [s.domain, { ...s, grantedScopes: [...s.grantedScopes] }]));
  let origin = "http://127.0.0.1:0";
  const tokens = createTokenRegistry(tokenOptions);
  const installEvents: MemoryContext["installEvents"] = [];
  const ctx: MemoryContext & { setOrigin(o: string): void } = {
    app,
    origin: () => origin,
    setOrigin(o: string) {
      origin = o;
    },
    shops: {
      get: (domain) => {
        const s = byDomain.get(domain.toLowerCase());
        return s ? { ...s, grantedScopes: [...s.grantedScopes] } : undefined;
      },
      list: () => [...byDomain.values()].map((s) => ({ ...s, grantedScopes: [...s.grantedScopes] })),
      setInstalled(domain, installed, scopes) {
        const s = byDomain.get(domain);
        if (!s) throw new Error(`unknown shop ${domain}`);
        installEvents.push({ domain, installed, scopes });
        s.installed = installed;
        s.grantedScopes = installed ? [...(scopes ?? app.scopes)] : [];
        // What the contract asks of core: uninstall revokes the app's tokens.
        if (!installed) tokens.revokeShop(domain);
      },
    },
    tokens,
    installEvents,
  };
  return ctx;
}

export interface AuthTestServer {
  app: FastifyInstance;
  ctx: MemoryContext;
  origin: string;
  close(): Promise<void>;
}

/** Fastify with only the auth routes, on a free port of 127.0.0.1. */
export async function startAuthTestServer(ctx: MemoryContext, options: AuthRouteOptions = {}): Promise<AuthTestServer> {
  const app = Fastify({ logger: false });
  registerAuthRoutes(app, ctx, options);
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no TCP address");
  const origin = `http://127.0.0.1:${address.port}`;
  (ctx as MemoryContext & { setOrigin(o: string): void }).setOrigin(origin);
  return { app, ctx, origin, close: () => app.close() };
}
