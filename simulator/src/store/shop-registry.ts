// All shops one simulator hosts, created from a generator seed or a fixture.
import type { Plan } from "../contracts.js";
import { loadFixtureFile, parseFixture } from "./fixtures.js";
import { defaultAnchor, generateStore, type SizeSpec, type StoreSize } from "./generator.js";
import type { LedgerCases } from "./generator-ledger.js";
import { isoSeconds, ShopStore, type Clock, type ShopProfile } from "./shop-store.js";
import type { ShopData } from "./types.js";

export interface CreateShopOptions {
  /** myshopify domain; default derived from the seed ("sim-store-42.myshopify.com"). */
  domain?: string;
  name?: string;
  plan?: Plan;
  ianaTimezone?: string;
  currencyCode?: string;
  /** Generate data from this seed (default 1) ... */
  seed?: number;
  /** ... of this size (default "small"); "empty" creates a shop without data. */
  size?: StoreSize | SizeSpec | "empty";
  /** History end for generated data (epoch ms). Default: start of the current UTC day. */
  anchor?: number;
  /** Generate order edits, returns, tips, duties, fees (all with `true`); see GeneratorOptions.ledgerCases. */
  ledgerCases?: boolean | Partial<LedgerCases>;
  /** Or load exact data: a fixture file path or parsed fixture JSON. */
  fixture?: string | unknown;
  /** Called every 50 000 generated orders (the large store takes a while). */
  onProgress?: (ordersLoaded: number) => void;
}

export class ShopRegistry {
  private readonly shops = new Map<string, ShopStore>();
  constructor(private readonly clock: Clock = Date.now) {}

  get(domain: string): ShopStore | undefined {
    return this.shops.get(domain);
  }

  list(): ShopStore[] {
    return [...this.shops.values()];
  }

  create(opts: CreateShopOptions = {}): ShopStore {
    const ordinal = this.shops.size;
    if (opts.fixture !== undefined) {
      const data: ShopData =
        typeof opts.fixture === "string" ? loadFixtureFile(opts.fixture) : parseFixture(opts.fixture, "<fixture>");
      return this.fromFixture(data, ordinal, opts);
    }
    const seed = opts.seed ?? 1;
    const domain = opts.domain ?? `sim-store-${seed}.myshopify.com`;
    if (this.shops.has(domain)) throw new Error(`shop ${domain} already exists`);
    const anchor = opts.anchor ?? defaultAnchor(this.clock());
    const profile: ShopProfile = {
      id: 0,
      domain,
      name: opts.name ?? `Sim Store ${seed}`,
      plan: opts.plan ?? "standard",
      currencyCode: opts.currencyCode ?? "USD",
      ianaTimezone: opts.ianaTimezone ?? "America/New_York",
      installed: false,
      grantedScopes: [],
      email: `owner@${domain.replace(".myshopify.com", "")}.example.com`,
      createdAt: isoSeconds(anchor - 4 * 365 * 86_400_000),
      updatedAt: isoSeconds(anchor - 30 * 86_400_000),
    };
    const store = new ShopStore(profile, ordinal, this.clock);
    profile.id = store.ids.allocate("Shop");
    if (opts.size !== "empty") {
      for (const record of generateStore({
        seed,
        size: opts.size ?? "small",
        anchor,
        ianaTimezone: profile.ianaTimezone,
        currencyCode: profile.currencyCode,
        ids: store.ids,
        ledgerCases: opts.ledgerCases,
      })) {
        if (record.kind === "product") store.putProduct(record.product);
        else if (record.kind === "order") {
          store.putOrder(record.order);
          const n = store.count("orders");
          if (opts.onProgress && n % 50_000 === 0) opts.onProgress(n);
        } else store.putCustomer(record.customer);
      }
    }
    this.shops.set(domain, store);
    return store;
  }

  private fromFixture(data: ShopData, ordinal: number, opts: CreateShopOptions): ShopStore {
    const s = data.shop;
    const domain = opts.domain ?? s.domain;
    if (this.shops.has(domain)) throw new Error(`shop ${domain} already exists`);
    const now = this.clock();
    const profile: ShopProfile = {
      id: s.id ?? 0,
      domain,
      name: opts.name ?? s.name,
      plan: opts.plan ?? s.plan,
      currencyCode: s.currencyCode,
      ianaTimezone: opts.ianaTimezone ?? s.ianaTimezone,
      installed: s.installed,
      grantedScopes: s.grantedScopes,
      email: s.email ?? `owner@${domain.replace(".myshopify.com", "")}.example.com`,
      createdAt: s.createdAt ?? isoSeconds(now),
      updatedAt: s.updatedAt ?? isoSeconds(now),
    };
    const store = new ShopStore(profile, ordinal, this.clock);
    if (!profile.id) profile.id = store.ids.allocate("Shop");
    for (const p of data.products) store.putProduct(p);
    for (const c of data.customers) store.putCustomer(c);
    for (const o of data.orders) store.putOrder(o);
    this.shops.set(domain, store);
    return store;
  }
}
