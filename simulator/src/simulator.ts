// The composition root: one simulated Shopify with its shops, the app it hosts,
// tokens (auth's registry), rate-limit buckets, fault knobs, the Admin API call
// log, bulk operations and webhook delivery. Everything HTTP lives in server.ts.
import type { AppCredentials, ShopInfo, SimContext } from "./contracts.js";
import { createTokenRegistry, type SimTokenRegistry, type TokenRegistryOptions } from "./auth/index.js";
import { BulkService, type BulkOptions } from "./bulk/bulk-service.js";
import { ShopFaults } from "./faults.js";
import { prepareListings } from "./graphql/resolvers.js";
import { LeakyBucket, PLAN_LIMITS } from "./graphql/throttle.js";
import { AdminRequestLog } from "./request-log.js";
import { ShopRegistry, type CreateShopOptions } from "./store/shop-registry.js";
import type { Clock, ShopStore } from "./store/shop-store.js";
import { WebhookDispatcher, type WebhookOptions } from "./webhooks/dispatcher.js";
import type { WebhookConfig } from "./webhooks/app-config.js";

export interface SimulatorOptions {
  app: AppCredentials;
  /** Webhook subscriptions and API version from the app's shopify.app.toml. */
  webhookConfig: WebhookConfig;
  clock?: Clock;
  tokens?: TokenRegistryOptions;
  bulk?: Partial<BulkOptions>;
  webhooks?: Partial<WebhookOptions>;
}

export class Simulator {
  readonly app: AppCredentials;
  readonly clock: Clock;
  readonly shops: ShopRegistry;
  readonly tokens: SimTokenRegistry;
  readonly requestLog = new AdminRequestLog();
  readonly bulk: BulkService;
  readonly webhooks: WebhookDispatcher;
  private readonly buckets = new Map<string, LeakyBucket>();
  private readonly shopFaults = new Map<string, ShopFaults>();
  private originUrl = "http://127.0.0.1:0";

  constructor(opts: SimulatorOptions) {
    this.app = opts.app;
    this.clock = opts.clock ?? Date.now;
    this.shops = new ShopRegistry(this.clock);
    this.tokens = createTokenRegistry({ now: this.clock, ...opts.tokens });
    this.webhooks = new WebhookDispatcher({
      app: this.app,
      config: opts.webhookConfig,
      faults: (shop) => this.faults(shop),
      ...opts.webhooks,
    });
    this.bulk = new BulkService({
      origin: () => this.originUrl,
      secret: this.app.apiSecret,
      clock: this.clock,
      onFinish: (store, op) => this.webhooks.bulkOperationFinished(store, op),
      faults: (shop) => this.faults(shop),
      ...opts.bulk,
    });
  }

  origin(): string {
    return this.originUrl;
  }

  setOrigin(origin: string): void {
    this.originUrl = origin;
  }

  createShop(opts: CreateShopOptions): ShopStore {
    const store = this.shops.create(opts);
    prepareListings(store);
    this.webhooks.watch(store);
    return store;
  }

  /** Leaky bucket of the app on `shop`; its size and rate follow the shop's plan. */
  bucket(shop: string): LeakyBucket {
    let b = this.buckets.get(shop);
    const plan = this.shops.get(shop)?.profile.plan ?? "standard";
    if (!b) {
      b = new LeakyBucket(PLAN_LIMITS[plan], this.clock);
      this.buckets.set(shop, b);
    } else {
      b.setLimits(PLAN_LIMITS[plan]);
    }
    return b;
  }

  faults(shop: string): ShopFaults {
    let f = this.shopFaults.get(shop);
    if (!f) this.shopFaults.set(shop, (f = new ShopFaults()));
    return f;
  }

  /** Install (grant scopes) or uninstall (revoke tokens, emit app/uninstalled). */
  setInstalled(domain: string, installed: boolean, scopes?: string[]): void {
    const store = this.shops.get(domain);
    if (!store) throw new Error(`unknown shop ${domain}`);
    const previousScopes = store.profile.grantedScopes;
    const wasInstalled = store.profile.installed;
    store.profile = {
      ...store.profile,
      installed,
      grantedScopes: installed ? [...(scopes ?? this.app.scopes)] : [],
    };
    if (!installed) {
      this.tokens.revokeShop(domain);
      this.bulk.cancelAllForShop(store);
      if (wasInstalled) store.emit({ topics: ["app/uninstalled"], record: store.profile });
    } else if (wasInstalled && previousScopes.join(",") !== store.profile.grantedScopes.join(",")) {
      store.emit({ topics: ["app/scopes_update"], record: store.profile, extra: { previous: previousScopes } });
    }
  }

  /** The seam auth builds on (contracts.ts). */
  context(): SimContext {
    const info = (s: ShopStore): ShopInfo => {
      const p = s.profile;
      return {
        domain: p.domain,
        name: p.name,
        plan: p.plan,
        currencyCode: p.currencyCode,
        ianaTimezone: p.ianaTimezone,
        installed: p.installed,
        grantedScopes: [...p.grantedScopes],
      };
    };
    return {
      app: this.app,
      origin: () => this.originUrl,
      shops: {
        get: (domain) => {
          const s = this.shops.get(domain.toLowerCase());
          return s ? info(s) : undefined;
        },
        list: () => this.shops.list().map(info),
        setInstalled: (domain, installed, scopes) => this.setInstalled(domain, installed, scopes),
      },
      tokens: this.tokens,
    };
  }

  async close(): Promise<void> {
    this.bulk.close();
    await this.webhooks.close();
  }
}
