// Programmatic entry point: start a simulated Shopify in-process (tests, demos,
// benchmarks). `npm run sim` (src/cli.ts) is a thin wrapper around this.
import { existsSync } from "node:fs";
import type { GraphQLSchema } from "graphql";
import { fileURLToPath } from "node:url";
import type { AppCredentials, Plan, ShopInfo } from "./contracts.js";
import { adminAppUrl, type AuthRouteOptions, type TokenRegistryOptions } from "./auth/index.js";
import type { BulkOptions } from "./bulk/bulk-service.js";
import type { FaultKnobs } from "./faults.js";
import { DEFAULT_API_VERSION, schemaForVersion } from "./graphql/admin-schema.js";
import { buildServer } from "./server.js";
import { Simulator } from "./simulator.js";
import type { CreateShopOptions } from "./store/shop-registry.js";
import * as mutations from "./store/shop-mutations.js";
import type { ShopStore } from "./store/shop-store.js";
import type { ShopData } from "./store/types.js";
import { EMPTY_WEBHOOK_CONFIG, loadAppToml, type WebhookConfig } from "./webhooks/app-config.js";
import type { DeliveryRecord, WebhookOptions } from "./webhooks/dispatcher.js";

export interface StartSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** App credentials; default from SHOPIFY_API_KEY / SHOPIFY_API_SECRET / SHOPIFY_APP_URL. */
  app?: Partial<AppCredentials>;
  /** Path of the app's shopify.app.toml; default ../shopify.app.toml relative to simulator/ (if it exists). */
  appToml?: string | false;
  /** Or give the webhook config directly (wins over the toml). */
  webhookConfig?: WebhookConfig;
  /** Shops to create at start. Default: one generated shop from seed/size/fixture/plan below. */
  shops?: CreateShopOptions[];
  seed?: number;
  size?: CreateShopOptions["size"];
  fixture?: string;
  plan?: Plan;
  /** Install the app on the start shops (grants the app's scopes). Default false. */
  install?: boolean;
  webhooks?: Partial<WebhookOptions>;
  bulk?: Partial<Pick<BulkOptions, "objectsPerSecond" | "urlTtlSeconds" | "concurrentQueries">>;
  tokens?: TokenRegistryOptions;
  /** Options of the auth part's routes (admin page app name / entry path, code TTL). */
  auth?: AuthRouteOptions;
  clock?: () => number;
  logger?: boolean;
}

/** In-process equivalents of the control API (same semantics, no HTTP). */
export interface SimulatorControl {
  createShop(opts: CreateShopOptions): ShopInfo;
  /** Install the app and hand out an offline access token (like a finished token exchange). */
  install(
    shop: string,
    opts?: { scopes?: string[]; expiring?: boolean },
  ): { accessToken: string; scope: string; expiresIn?: number; refreshToken?: string };
  uninstall(shop: string): void;
  data(shop: string): ShopData;
  store(shop: string): ShopStore;
  setFaults(shop: string, knobs: Partial<FaultKnobs>): FaultKnobs;
  adminApiCallCount(shop: string): number;
  webhookDeliveries(filter?: { shop?: string; topic?: string }): DeliveryRecord[];
  /** Resolves when no webhook delivery is pending (retries included). */
  webhooksIdle(): Promise<void>;
  createCustomer(shop: string, input: mutations.CustomerInput): ReturnType<typeof mutations.createCustomer>;
  updateCustomer(shop: string, id: number, patch: mutations.CustomerInput): ReturnType<typeof mutations.updateCustomer>;
  deleteCustomer(shop: string, id: number): ReturnType<typeof mutations.deleteCustomer>;
  createProduct(shop: string, input: mutations.ProductInput): ReturnType<typeof mutations.createProduct>;
  updateProduct(shop: string, id: number, patch: mutations.ProductInput): ReturnType<typeof mutations.updateProduct>;
  deleteProduct(shop: string, id: number): ReturnType<typeof mutations.deleteProduct>;
  createOrder(shop: string, input: mutations.OrderInput): ReturnType<typeof mutations.createOrder>;
  editOrder(shop: string, id: number, edit: mutations.OrderEditInput): ReturnType<typeof mutations.editOrder>;
  cancelOrder(
    shop: string,
    id: number,
    opts?: Parameters<typeof mutations.cancelOrder>[2],
  ): ReturnType<typeof mutations.cancelOrder>;
  refundOrder(shop: string, id: number, input: mutations.RefundInput): ReturnType<typeof mutations.refundOrder>;
  deleteOrder(shop: string, id: number): ReturnType<typeof mutations.deleteOrder>;
}

export interface RunningSimulator {
  /** Origin, e.g. http://127.0.0.1:49152 — replaces https://{shop} for every Shopify URL. */
  url: string;
  /** The shops as they were at start (use control / the context for live state). */
  shops: ShopInfo[];
  /** URL of the embedded admin page for a shop (served by the auth part). */
  adminUrl(shop: string): string;
  /** Admin GraphQL endpoint for an API version (default the app's webhook api_version or 2026-10). */
  graphqlUrl(version?: string): string;
  control: SimulatorControl;
  simulator: Simulator;
  close(): Promise<void>;
}

const DEFAULT_SCOPES = ["read_orders", "read_all_orders", "read_customers", "read_products"];

export function defaultAppTomlPath(): string {
  return fileURLToPath(new URL("../../shopify.app.toml", import.meta.url));
}

export async function startSimulator(opts: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const appUrl = opts.app?.appUrl ?? process.env.SHOPIFY_APP_URL ?? "http://127.0.0.1:3000";
  const tomlPath = opts.appToml === false ? undefined : (opts.appToml ?? defaultAppTomlPath());
  if (opts.appToml && !existsSync(opts.appToml)) throw new Error(`app toml not found: ${opts.appToml}`);
  const toml = tomlPath && existsSync(tomlPath) ? loadAppToml(tomlPath, appUrl) : undefined;
  const app: AppCredentials = {
    apiKey: opts.app?.apiKey ?? process.env.SHOPIFY_API_KEY ?? toml?.clientId ?? "sim-api-key",
    apiSecret: opts.app?.apiSecret ?? process.env.SHOPIFY_API_SECRET ?? "sim-api-secret",
    appUrl,
    scopes: opts.app?.scopes ?? (toml?.scopes.length ? toml.scopes : DEFAULT_SCOPES),
  };
  const sim = new Simulator({
    app,
    webhookConfig: opts.webhookConfig ?? toml?.webhooks ?? EMPTY_WEBHOOK_CONFIG,
    clock: opts.clock,
    tokens: opts.tokens,
    bulk: opts.bulk,
    webhooks: opts.webhooks,
  });
  const startShops = opts.shops ?? [{ seed: opts.seed, size: opts.size, fixture: opts.fixture, plan: opts.plan }];
  for (const s of startShops) {
    const store = sim.createShop(s);
    if (opts.install) sim.setInstalled(store.domain, true);
  }
  // Load Shopify's schema now (≈1–2 s) rather than on the first Admin API request.
  schemaForVersion(DEFAULT_API_VERSION);
  const server = buildServer(sim, { logger: opts.logger, auth: opts.auth });
  let address: string;
  try {
    address = await server.listen({ port: opts.port ?? 0, host: opts.host ?? "127.0.0.1" });
  } catch (err) {
    await sim.close(); // e.g. the port is taken: leave no timers or temp files behind
    throw err;
  }
  const url = address.replace("[::1]", "127.0.0.1");
  sim.setOrigin(url);

  const get = (shop: string): ShopStore => {
    const store = sim.shops.get(shop.includes(".") ? shop : `${shop}.myshopify.com`);
    if (!store) throw new Error(`unknown shop ${shop}`);
    return store;
  };
  const ctx = sim.context();
  const control: SimulatorControl = {
    createShop: (o) => ctx.shops.get(sim.createShop(o).domain)!,
    install: (shop, o = {}) => {
      const store = get(shop);
      const scopes = o.scopes ?? app.scopes;
      sim.setInstalled(store.domain, true, scopes);
      const t = sim.tokens.issueOffline(store.domain, scopes, { expiring: o.expiring ?? false });
      return { accessToken: t.access_token, scope: t.scope, expiresIn: t.expires_in, refreshToken: t.refresh_token };
    },
    uninstall: (shop) => sim.setInstalled(get(shop).domain, false),
    data: (shop) => get(shop).snapshot(),
    store: get,
    setFaults: (shop, knobs) => sim.faults(get(shop).domain).set(knobs),
    adminApiCallCount: (shop) => sim.requestLog.count(get(shop).domain),
    webhookDeliveries: (f = {}) =>
      sim.webhooks.deliveries.filter(
        (d) => (!f.shop || d.shop === get(f.shop).domain) && (!f.topic || d.topic === f.topic),
      ),
    webhooksIdle: () => sim.webhooks.idle(),
    createCustomer: (shop, input) => mutations.createCustomer(get(shop), input),
    updateCustomer: (shop, id, patch) => mutations.updateCustomer(get(shop), id, patch),
    deleteCustomer: (shop, id) => mutations.deleteCustomer(get(shop), id),
    createProduct: (shop, input) => mutations.createProduct(get(shop), input),
    updateProduct: (shop, id, patch) => mutations.updateProduct(get(shop), id, patch),
    deleteProduct: (shop, id) => mutations.deleteProduct(get(shop), id),
    createOrder: (shop, input) => mutations.createOrder(get(shop), input),
    editOrder: (shop, id, edit) => mutations.editOrder(get(shop), id, edit),
    cancelOrder: (shop, id, o) => mutations.cancelOrder(get(shop), id, o),
    refundOrder: (shop, id, input) => mutations.refundOrder(get(shop), id, input),
    deleteOrder: (shop, id) => mutations.deleteOrder(get(shop), id),
  };
  return {
    url,
    shops: ctx.shops.list(),
    adminUrl: (shop) => adminAppUrl(ctx, get(shop).domain),
    graphqlUrl: (version) => `${url}/admin/api/${version ?? sim.webhooks.apiVersion}/graphql.json`,
    control,
    simulator: sim,
    close: async () => {
      await sim.close();
      await server.close();
    },
  };
}

export { Simulator } from "./simulator.js";
export { validateAdminDocument, vendoredVersions } from "./graphql/admin-schema.js";
export {
  argumentsOutsideSurface,
  fieldsOutsideSurface,
  isModelledObjectField,
  OUTSIDE_SURFACE_CODE,
  renderSurfaceMarkdown,
  type OutsideArgument,
  type OutsideField,
} from "./graphql/surface.js";
export {
  validateBulkQuery,
  BULK_MESSAGES,
  MAX_CONNECTIONS,
  MAX_CONNECTION_DEPTH,
  MAX_QUERY_BYTES,
} from "./bulk/bulk-validate.js";
export type { BulkUserError } from "./graphql/context.js";

/** The vendored Admin GraphQL schema of an API version (default 2026-10), e.g. for `validateBulkQuery`. */
export function loadAdminSchema(version: string = DEFAULT_API_VERSION): GraphQLSchema {
  return schemaForVersion(version).schema;
}
export { webhookHmac } from "./webhooks/dispatcher.js";
export { parseFixture, loadFixtureFile, FixtureError } from "./store/fixtures.js";
export { generateStore, SIZES } from "./store/generator.js";
export type { CreateShopOptions } from "./store/shop-registry.js";
export type { ShopData } from "./store/types.js";
export type { FaultKnobs } from "./faults.js";
export type { WebhookConfig } from "./webhooks/app-config.js";
