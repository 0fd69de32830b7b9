// Shopify's webhook retry schedule: "retried a total of 8 times over 4 hours using an
// exponential backoff schedule" (shopify.dev/changelog/updates-to-webhook-retry-mechanism),
// with the original payload and webhook id each time. The whole 4-hour schedule runs here
// on a virtual clock injected into the dispatcher: no sleeps, exact times.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index.js";
import { DEFAULT_WEBHOOK_OPTIONS, type WebhookScheduler } from "../src/webhooks/dispatcher.js";
import { startTestSimulator, waitFor } from "./helpers.js";

/** Timers that fire only when the test advances virtual time to them. */
class VirtualTime implements WebhookScheduler {
  private t = Date.UTC(2026, 10, 1);
  private seq = 0;
  readonly pending = new Map<number, { at: number; fn: () => void }>();
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = ++this.seq;
    this.pending.set(id, { at: this.t + ms, fn });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.pending.delete(handle as number);
  };
  /** Jump to the earliest timer and fire it. */
  fireNext(): void {
    const [id, timer] = [...this.pending.entries()].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0]!;
    this.pending.delete(id);
    this.t = timer.at;
    timer.fn();
  }
}

describe("webhook retries on Shopify's schedule", () => {
  let sim: RunningSimulator;
  let receiver: Server;
  const time = new VirtualTime();
  const seen: Array<{ webhookId: string; body: string }> = [];
  const SHOP = "retry.myshopify.com";

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        seen.push({
          webhookId: String(req.headers["x-shopify-webhook-id"]),
          body: Buffer.concat(chunks).toString("utf8"),
        });
        res.statusCode = 503; // the app is down for the whole schedule
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
    const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/webhooks`;
    // Default options (Shopify's schedule); only the clock is virtual.
    sim = await startTestSimulator({
      shops: [{ domain: SHOP, size: "empty" }],
      webhookConfig: {
        apiVersion: "2026-10",
        subscriptions: [{ topics: ["customers/create"], uri: url }],
        compliance: [],
      },
      webhooks: { scheduler: time },
    });
    sim.control.install(SHOP);
  });
  afterAll(async () => {
    await sim.close();
    await new Promise((r) => receiver.close(r));
  });

  it("tries 1 + 8 times with doubling waits, the last 4 hours after the first, then gives up", async () => {
    expect(DEFAULT_WEBHOOK_OPTIONS.maxAttempts).toBe(9);
    sim.control.createCustomer(SHOP, { email: "retry@example.com" });
    const record = sim.control.webhookDeliveries({ shop: SHOP, topic: "customers/create" })[0]!;
    for (;;) {
      // Each attempt is a real HTTP POST; the next timer exists once its answer is in.
      await waitFor(() => time.pending.size > 0 || record.state !== "pending" || undefined, 10_000, "next timer");
      if (record.state !== "pending") break;
      time.fireNext();
    }
    expect(record.state).toBe("failed");
    expect(record.attempts).toBe(9);
    expect(seen).toHaveLength(9);
    // The original payload and webhook id every time.
    expect(new Set(seen.map((s) => s.webhookId))).toEqual(new Set([record.webhookId]));
    expect(new Set(seen.map((s) => s.body)).size).toBe(1);
    const at = record.attemptedAt.map((t) => Date.parse(t));
    const waits = at.slice(1).map((t, i) => t - at[i]!);
    // Exponential backoff: every wait doubles the one before.
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBe(waits[0]! * 2 ** i);
    // 8 retries over 4 hours: the last one lands at the 4-hour mark (to the second).
    expect(Math.abs(at[8]! - at[0]! - 4 * 3_600_000)).toBeLessThan(1000);
    expect(waits[0]).toBeGreaterThan(50_000); // not the minutes-long schedule of before
    // Shopify deletes only subscriptions created through the Admin API after repeated failures;
    // the app's shopify.app.toml subscriptions (the only kind simulated) stay.
    expect(sim.simulator.webhooks.subscriptions()).toHaveLength(1);
  });
});

describe("the speed knob", () => {
  it("compresses the schedule on real timers while attempt times report Shopify time", async () => {
    const receiver = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.statusCode = 500;
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
    const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/webhooks`;
    // 10⁵× faster: 4 hours of retries take about 0.15 s of real time.
    const sim = await startTestSimulator({
      shops: [{ domain: "fast.myshopify.com", size: "empty" }],
      webhookConfig: {
        apiVersion: "2026-10",
        subscriptions: [{ topics: ["customers/create"], uri: url }],
        compliance: [],
      },
      webhooks: { speed: 100_000 },
    });
    try {
      sim.control.install("fast.myshopify.com");
      sim.control.createCustomer("fast.myshopify.com", { email: "fast@example.com" });
      await sim.control.webhooksIdle();
      const record = sim.control.webhookDeliveries({ shop: "fast.myshopify.com" })[0]!;
      expect(record).toMatchObject({ state: "failed", attempts: 9 });
      const at = record.attemptedAt.map((t) => Date.parse(t));
      // Real waits can only run long on a loaded machine, so Shopify time spans at least the 4 hours.
      expect(at[8]! - at[0]!).toBeGreaterThanOrEqual(4 * 3_600_000 - 1000);
    } finally {
      await sim.close();
      await new Promise((r) => receiver.close(r));
    }
  });
});
