// Delivers webhooks the way Shopify does: one POST per subscription and event,
// JSON body, X-Shopify-* headers, HMAC-SHA256 of the raw body with the app
// secret, at-least-once with retries and exponential backoff when the app
// answers non-2xx or not within the timeout. Fault knobs (per shop) can drop,
// duplicate or delay deliveries.
import { createHmac, randomUUID } from "node:crypto";
import type { AppCredentials } from "../contracts.js";
import type { ShopFaults } from "../faults.js";
import type { BulkOperationView } from "../graphql/context.js";
import type { ShopStore, StoreChange } from "../store/shop-store.js";
import type { Customer, Order, Product, Refund } from "../store/types.js";
import type { WebhookConfig, WebhookSubscription } from "./app-config.js";
import { bulkFinishPayload, customerPayload, orderPayload, productPayload, shopPayload } from "./payloads.js";

/** Where the dispatcher takes time from: real timers by default, a virtual clock in tests. */
export interface WebhookScheduler {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const REAL_TIME: WebhookScheduler = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface WebhookOptions {
  /** No answer within this many ms counts as a failure (Shopify: 5 s). */
  timeoutMs: number;
  /** First retry waits this long, then doubles. Default: Shopify's schedule (SHOPIFY_RETRY_BASE_MS). */
  retryBaseMs: number;
  /** Attempts in total, the first included (Shopify: the first plus 8 retries). */
  maxAttempts: number;
  /**
   * Speed knob: retry waits are divided by this (1000 turns Shopify's 4 hours into 14.4 s)
   * while attempt timestamps still report Shopify time. Default 1.
   */
  speed: number;
  /** Timers and clock; tests inject a virtual one to run the whole schedule without waiting. */
  scheduler?: WebhookScheduler;
}

/**
 * "Webhooks will now be retried a total of 8 times over 4 hours using an exponential
 * backoff schedule" (shopify.dev/changelog/updates-to-webhook-retry-mechanism, 2024-09-10;
 * shopify.dev/docs/apps/build/webhooks/troubleshooting-webhooks). Shopify does not publish
 * the individual waits: doubling waits b, 2b, …, 128b sum to 255b, so b = 4 h / 255 puts the
 * 8th retry 4 hours after the first attempt.
 */
export const SHOPIFY_RETRY_BASE_MS = Math.round((4 * 3_600_000) / 255);
export const SHOPIFY_MAX_ATTEMPTS = 9;

const MAX_DELIVERY_LOG = 10_000;

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = {
  timeoutMs: 5000,
  retryBaseMs: SHOPIFY_RETRY_BASE_MS,
  maxAttempts: SHOPIFY_MAX_ATTEMPTS,
  speed: 1,
};

export interface DeliveryRecord {
  webhookId: string;
  eventId: string;
  topic: string;
  shop: string;
  uri: string;
  triggeredAt: string;
  attempts: number;
  /** Last HTTP status seen (0 = no answer / network error). */
  lastStatus: number | null;
  state: "pending" | "delivered" | "failed" | "dropped";
  /** How many times this webhook was sent as a duplicate (fault knob). */
  duplicates: number;
  /** When each attempt of the original was sent (ISO, in Shopify time: real waits × speed). */
  attemptedAt: string[];
  body: string;
}

export function webhookHmac(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

export class WebhookDispatcher {
  readonly options: WebhookOptions;
  readonly deliveries: DeliveryRecord[] = [];
  private readonly app: AppCredentials;
  private config: WebhookConfig;
  private readonly faults: (shop: string) => ShopFaults;
  private readonly timers = new Set<unknown>();
  private readonly scheduler: WebhookScheduler;
  /** Shopify time = start + (scheduler time − start) × speed. */
  private readonly startedAt: number;
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];
  private closed = false;

  constructor(
    opts: {
      app: AppCredentials;
      config: WebhookConfig;
      faults: (shop: string) => ShopFaults;
    } & Partial<WebhookOptions>,
  ) {
    this.app = opts.app;
    this.config = opts.config;
    this.faults = opts.faults;
    this.options = {
      timeoutMs: opts.timeoutMs ?? DEFAULT_WEBHOOK_OPTIONS.timeoutMs,
      retryBaseMs: opts.retryBaseMs ?? DEFAULT_WEBHOOK_OPTIONS.retryBaseMs,
      maxAttempts: opts.maxAttempts ?? DEFAULT_WEBHOOK_OPTIONS.maxAttempts,
      speed: opts.speed ?? DEFAULT_WEBHOOK_OPTIONS.speed,
    };
    if (!(this.options.speed > 0)) throw new Error("webhooks.speed must be > 0");
    this.scheduler = opts.scheduler ?? REAL_TIME;
    this.startedAt = this.scheduler.now();
  }

  private shopifyNow(): string {
    const now = this.scheduler.now();
    return new Date(this.startedAt + (now - this.startedAt) * this.options.speed).toISOString();
  }

  get apiVersion(): string {
    return this.config.apiVersion;
  }

  subscriptions(): WebhookSubscription[] {
    return [...this.config.subscriptions];
  }

  /** Turn a shop's data changes into webhooks. */
  watch(store: ShopStore): void {
    store.events.on("change", (change: StoreChange) => {
      for (const topic of change.topics) {
        // Shopify sends webhooks only to installed apps; app/uninstalled is the last one.
        if (!store.profile.installed && topic !== "app/uninstalled") continue;
        if (!this.config.subscriptions.some((s) => s.topics.includes(topic))) continue;
        const payload = this.payloadFor(store, topic, change);
        if (payload) this.send(store.domain, topic, payload, change.at);
      }
    });
  }

  bulkOperationFinished(store: ShopStore, op: BulkOperationView): void {
    if (store.profile.installed)
      this.send(store.domain, "bulk_operations/finish", bulkFinishPayload(op), new Date().toISOString());
  }

  /** Mandatory compliance webhooks, sent on request through the control API. */
  sendCompliance(
    store: ShopStore,
    topic: "customers/data_request" | "customers/redact" | "shop/redact",
    payload: Record<string, unknown>,
  ): DeliveryRecord[] {
    const subs = this.config.compliance.filter((s) => s.topics.includes(topic));
    return subs.flatMap((s) => this.deliver(store.domain, topic, s.uri, payload, new Date().toISOString()));
  }

  private payloadFor(store: ShopStore, topic: string, change: StoreChange): Record<string, unknown> | undefined {
    switch (topic) {
      case "orders/create":
      case "orders/updated":
      case "orders/cancelled":
      case "orders/paid":
      case "orders/edited":
        return topic === "orders/edited"
          ? {
              order_edit: {
                id: (change.record as Order).id,
                order_id: (change.record as Order).id,
                created_at: change.at,
              },
            }
          : orderPayload(store, change.record as Order);
      case "orders/delete":
        return { id: (change.record as Order).id };
      case "refunds/create":
        return (orderPayload(store, change.record as Order).refunds as Array<{ id: number }>).find(
          (r) => r.id === (change.extra as Refund).id,
        );
      case "customers/create":
      case "customers/update":
        return customerPayload(store, change.record as Customer);
      case "customers/delete":
        return {
          id: (change.record as Customer).id,
          phone: null,
          addresses: [],
          tax_exemptions: [],
          email_marketing_consent: null,
          sms_marketing_consent: null,
          admin_graphql_api_id: `gid://shopify/Customer/${(change.record as Customer).id}`,
        };
      case "products/create":
      case "products/update":
        return productPayload(change.record as Product);
      case "products/delete":
        return { id: (change.record as Product).id };
      case "app/uninstalled":
      case "shop/update":
        return shopPayload(store.profile);
      case "app/scopes_update":
        return {
          id: store.profile.id,
          previous: (change.extra as { previous: string[] }).previous,
          current: store.profile.grantedScopes,
          updated_at: change.at,
          created_at: change.at,
        };
      default:
        return undefined;
    }
  }

  /** Queue `topic` for every subscription that wants it. */
  send(shop: string, topic: string, payload: Record<string, unknown>, triggeredAt: string): DeliveryRecord[] {
    const subs = this.config.subscriptions.filter((s) => s.topics.includes(topic));
    const eventId = randomUUID();
    return subs.flatMap((s) => this.deliver(shop, topic, s.uri, payload, triggeredAt, eventId));
  }

  private deliver(
    shop: string,
    topic: string,
    uri: string,
    payload: Record<string, unknown>,
    triggeredAt: string,
    eventId = randomUUID(),
  ): DeliveryRecord[] {
    if (this.closed) return [];
    const faults = this.faults(shop);
    const record: DeliveryRecord = {
      webhookId: randomUUID(),
      eventId,
      topic,
      shop,
      uri,
      triggeredAt,
      attempts: 0,
      lastStatus: null,
      state: "pending",
      duplicates: 0,
      attemptedAt: [],
      body: JSON.stringify(payload),
    };
    this.deliveries.push(record);
    // Keep the log bounded for long benchmark runs; pending records stay referenced by their timers.
    if (this.deliveries.length > MAX_DELIVERY_LOG) this.deliveries.splice(0, this.deliveries.length - MAX_DELIVERY_LOG);
    if (faults.roll(faults.knobs.webhookDropRate)) {
      record.state = "dropped";
      return [record];
    }
    const copies = faults.roll(faults.knobs.webhookDuplicateRate) ? 2 : 1;
    record.duplicates = copies - 1;
    for (let c = 0; c < copies; c++) {
      this.schedule(() => this.attempt(record, c > 0), faults.delay(faults.knobs.webhookReorderDelayMs));
    }
    return [record];
  }

  private schedule(fn: () => Promise<void>, delayMs: number): void {
    this.inFlight++;
    const timer = this.scheduler.setTimeout(() => {
      this.timers.delete(timer);
      void fn().finally(() => {
        this.inFlight--;
        if (this.inFlight === 0) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          waiters.forEach((w) => w());
        }
      });
    }, delayMs);
    this.timers.add(timer);
  }

  private async attempt(record: DeliveryRecord, isDuplicate: boolean): Promise<void> {
    if (this.closed) return;
    record.attempts++;
    if (!isDuplicate) record.attemptedAt.push(this.shopifyNow());
    let status: number;
    try {
      const res = await fetch(record.uri, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Shopify-Topic": record.topic,
          "X-Shopify-Hmac-Sha256": webhookHmac(record.body, this.app.apiSecret),
          "X-Shopify-Shop-Domain": record.shop,
          "X-Shopify-API-Version": this.config.apiVersion,
          "X-Shopify-Webhook-Id": record.webhookId,
          "X-Shopify-Event-Id": record.eventId,
          "X-Shopify-Triggered-At": record.triggeredAt,
          "User-Agent": "Shopify-Captain-Hook",
        },
        body: record.body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch {
      status = 0;
    }
    record.lastStatus = status;
    if (status >= 200 && status < 300) {
      if (!isDuplicate) record.state = "delivered";
      return;
    }
    if (isDuplicate) return; // the original carries the retry schedule
    if (record.attempts >= this.options.maxAttempts) {
      record.state = "failed";
      return;
    }
    // Exponential backoff on Shopify's schedule (see SHOPIFY_RETRY_BASE_MS), compressed by `speed`.
    const backoff = (this.options.retryBaseMs * 2 ** (record.attempts - 1)) / this.options.speed;
    this.schedule(() => this.attempt(record, false), backoff);
  }

  /** Resolves once no delivery is queued, in flight or waiting for a retry. */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) this.scheduler.clearTimeout(t);
    this.timers.clear();
    this.inFlight = 0;
    this.idleWaiters.forEach((w) => w());
    this.idleWaiters = [];
  }
}
