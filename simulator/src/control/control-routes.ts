// The control API under /_sim: everything a test, demo or benchmark needs to
// set up and observe the simulated Shopify. JSON in and out; no auth (it is a
// local tool). Routes are documented in the README.
import type { FastifyInstance, FastifyReply } from "fastify";
import type { FaultKnobs } from "../faults.js";
import type { Simulator } from "../simulator.js";
import type { CreateShopOptions } from "../store/shop-registry.js";
import * as mutations from "../store/shop-mutations.js";
import { MutationError } from "../store/shop-mutations.js";
import type { ShopStore } from "../store/shop-store.js";
import type { CancelReason } from "../store/types.js";
import { FixtureError } from "../store/fixtures.js";
import { customerPayload } from "../webhooks/payloads.js";

export function shopSummary(store: ShopStore) {
  const p = store.profile;
  return {
    domain: p.domain,
    id: p.id,
    name: p.name,
    plan: p.plan,
    currencyCode: p.currencyCode,
    ianaTimezone: p.ianaTimezone,
    installed: p.installed,
    grantedScopes: p.grantedScopes,
    counts: { customers: store.count("customers"), products: store.count("products"), orders: store.count("orders") },
  };
}

/** Accept "demo" or "demo.myshopify.com". */
export function shopDomain(param: string): string {
  const d = param.toLowerCase();
  return d.includes(".") ? d : `${d}.myshopify.com`;
}

type Params = { shop: string; id?: string };

export function registerControlRoutes(app: FastifyInstance, sim: Simulator): void {
  const shopOr404 = (param: string, reply: FastifyReply): ShopStore | undefined => {
    const store = sim.shops.get(shopDomain(param));
    if (!store) void reply.code(404).send({ error: `unknown shop ${param}` });
    return store;
  };
  const run = async <T>(reply: FastifyReply, fn: () => T, status = 200) => {
    try {
      return reply.code(status).send(fn());
    } catch (err) {
      if (err instanceof MutationError) return reply.code(err.status).send({ error: err.message });
      if (err instanceof FixtureError) return reply.code(422).send({ error: err.message, problems: err.problems });
      if (err instanceof Error && /already exists|unknown shop/.test(err.message))
        return reply.code(409).send({ error: err.message });
      throw err;
    }
  };
  const id = (p: Params) => Number(p.id);

  app.get("/_sim/health", async () => ({ ok: true, shops: sim.shops.list().map((s) => s.domain) }));
  app.get("/_sim/shops", async () => sim.shops.list().map(shopSummary));
  app.post<{ Body: CreateShopOptions & { install?: boolean; scopes?: string[] } }>("/_sim/shops", async (req, reply) =>
    run(
      reply,
      () => {
        const { install, scopes, ...opts } = req.body ?? {};
        const store = sim.createShop(opts);
        if (install) sim.setInstalled(store.domain, true, scopes);
        return shopSummary(store);
      },
      201,
    ),
  );
  app.get<{ Params: Params }>("/_sim/shops/:shop", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    return store && shopSummary(store);
  });
  app.patch<{ Params: Params; Body: { name?: string; plan?: "standard" | "advanced" | "plus"; email?: string } }>(
    "/_sim/shops/:shop",
    async (req, reply) => {
      const store = shopOr404(req.params.shop, reply);
      if (!store) return;
      const { name, plan, email } = req.body ?? {};
      store.profile = {
        ...store.profile,
        ...(name ? { name } : {}),
        ...(plan ? { plan } : {}),
        ...(email ? { email } : {}),
        updatedAt: store.bumpedTimestamp(store.profile.updatedAt),
      };
      store.emit({ topics: ["shop/update"], record: store.profile });
      return shopSummary(store);
    },
  );
  app.get<{ Params: Params }>("/_sim/shops/:shop/data", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    return store && store.snapshot();
  });

  // ---- install / uninstall ----
  app.post<{ Params: Params; Body: { scopes?: string[]; expiring?: boolean } }>(
    "/_sim/shops/:shop/install",
    async (req, reply) => {
      const store = shopOr404(req.params.shop, reply);
      if (!store) return;
      const scopes = req.body?.scopes ?? sim.app.scopes;
      sim.setInstalled(store.domain, true, scopes);
      // Like a token from the OAuth/token-exchange flow, handed out directly for tests and demos.
      const token = sim.tokens.issueOffline(store.domain, scopes, { expiring: req.body?.expiring ?? false });
      return { shop: shopSummary(store), ...token };
    },
  );
  app.post<{ Params: Params }>("/_sim/shops/:shop/uninstall", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    if (!store) return;
    sim.setInstalled(store.domain, false);
    return shopSummary(store);
  });

  // ---- customers / products / orders ----
  app.post<{ Params: Params; Body: mutations.CustomerInput }>("/_sim/shops/:shop/customers", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    return store && run(reply, () => mutations.createCustomer(store, req.body ?? {}), 201);
  });
  app.patch<{ Params: Params; Body: mutations.CustomerInput }>(
    "/_sim/shops/:shop/customers/:id",
    async (req, reply) => {
      const store = shopOr404(req.params.shop, reply);
      return store && run(reply, () => mutations.updateCustomer(store, id(req.params), req.body ?? {}));
    },
  );
  app.delete<{ Params: Params }>("/_sim/shops/:shop/customers/:id", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    return store && run(reply, () => mutations.deleteCustomer(store, id(req.params)));
  });
  app.post<{ Params: Params; Body: mutations.ProductInput }>("/_sim/shops/:shop/products", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    return store && run(reply, () => mutations.createProduct(store, req.body ?? {}), 201);
  });
  app.patch<{ Params: Params; Body: mutations.ProductInput }>("/_sim/shops/:shop/products/:id", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    return store && run(reply, () => mutations.updateProduct(store, id(req.params), req.body ?? {}));
  });
  app.delete<{ Params: Params }>("/_sim/shops/:shop/products/:id", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    return store && run(reply, () => mutations.deleteProduct(store, id(req.params)));
  });
  app.post<{ Params: Params; Body: mutations.OrderInput }>("/_sim/shops/:shop/orders", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    return store && run(reply, () => mutations.createOrder(store, req.body), 201);
  });
  app.patch<{ Params: Params; Body: mutations.OrderEditInput }>("/_sim/shops/:shop/orders/:id", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    return store && run(reply, () => mutations.editOrder(store, id(req.params), req.body ?? {}));
  });
  app.post<{ Params: Params; Body: { reason?: CancelReason; refund?: boolean } }>(
    "/_sim/shops/:shop/orders/:id/cancel",
    async (req, reply) => {
      const store = shopOr404(req.params.shop, reply);
      return store && run(reply, () => mutations.cancelOrder(store, id(req.params), req.body ?? {}));
    },
  );
  app.post<{ Params: Params; Body: mutations.RefundInput }>(
    "/_sim/shops/:shop/orders/:id/refunds",
    async (req, reply) => {
      const store = shopOr404(req.params.shop, reply);
      return store && run(reply, () => mutations.refundOrder(store, id(req.params), req.body ?? {}), 201);
    },
  );
  app.delete<{ Params: Params }>("/_sim/shops/:shop/orders/:id", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    return store && run(reply, () => mutations.deleteOrder(store, id(req.params)));
  });

  // ---- compliance webhooks ----
  app.post<{
    Params: Params;
    Body: { topic: "customers/data_request" | "customers/redact" | "shop/redact"; customerId?: number };
  }>("/_sim/shops/:shop/compliance", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    if (!store) return;
    const { topic, customerId } = req.body ?? ({} as { topic: never });
    if (!["customers/data_request", "customers/redact", "shop/redact"].includes(topic)) {
      return reply.code(422).send({ error: "topic must be customers/data_request, customers/redact or shop/redact" });
    }
    const base = { shop_id: store.profile.id, shop_domain: store.domain };
    let payload: Record<string, unknown> = base;
    if (topic !== "shop/redact") {
      const customer = customerId !== undefined ? store.customer(customerId) : undefined;
      if (!customer) return reply.code(422).send({ error: `customerId ${customerId} not found` });
      const c = customerPayload(store, customer);
      const orders = store.ordersOfCustomer(customer.id).map((o) => o.id);
      payload = {
        ...base,
        customer: { id: c.id, email: c.email, phone: c.phone },
        ...(topic === "customers/data_request"
          ? { orders_requested: orders, data_request: { id: Math.floor(sim.clock() / 1000) } }
          : { orders_to_redact: orders }),
      };
    }
    const deliveries = sim.webhooks.sendCompliance(store, topic, payload);
    return { topic, deliveries: deliveries.map((d) => ({ webhookId: d.webhookId, uri: d.uri })) };
  });

  // ---- faults, observation ----
  app.get<{ Params: Params }>("/_sim/shops/:shop/faults", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    return store && sim.faults(store.domain).knobs;
  });
  app.put<{ Params: Params; Body: Partial<FaultKnobs> }>("/_sim/shops/:shop/faults", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    return store && sim.faults(store.domain).set(req.body ?? {});
  });
  app.get<{ Params: Params }>("/_sim/shops/:shop/admin-api-calls", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    return store && { count: sim.requestLog.count(store.domain), calls: sim.requestLog.calls(store.domain) };
  });
  app.get<{ Params: Params }>("/_sim/shops/:shop/throttle", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    return store && sim.bucket(store.domain).status();
  });
  app.get<{ Params: Params }>("/_sim/shops/:shop/bulk-operations", async (req, reply) => {
    const store = shopOr404(req.params.shop, reply);
    return store && sim.bulk.views(store);
  });
  app.put<{ Body: { objectsPerSecond: number } }>("/_sim/bulk/speed", async (req, reply) => {
    const n = Number(req.body?.objectsPerSecond);
    if (!(n > 0)) return reply.code(422).send({ error: "objectsPerSecond must be > 0" });
    sim.bulk.setSpeed(n);
    return { objectsPerSecond: n };
  });
  app.get<{ Querystring: { shop?: string; topic?: string } }>("/_sim/webhooks/deliveries", async (req) => {
    const shop = req.query.shop ? shopDomain(req.query.shop) : undefined;
    return sim.webhooks.deliveries
      .filter((d) => (!shop || d.shop === shop) && (!req.query.topic || d.topic === req.query.topic))
      .map(({ body: _body, ...rest }) => rest);
  });
  app.get("/_sim/webhooks/subscriptions", async () => ({
    apiVersion: sim.webhooks.apiVersion,
    subscriptions: sim.webhooks.subscriptions(),
  }));

  // ---- bulk result files (signed, expiring URLs handed out by BulkOperation.url) ----
  app.get<{ Params: { file: string }; Querystring: { expires?: string; signature?: string } }>(
    "/_sim/bulk-results/:file",
    async (req, reply) => {
      const found = sim.bulk.resolveResultFile(req.params.file, req.query.expires ?? "", req.query.signature ?? "");
      if ("error" in found)
        return reply
          .code(found.status)
          .type("application/xml")
          .send(`<Error><Message>${found.error}</Message></Error>`);
      const { createReadStream } = await import("node:fs");
      return reply.type("application/jsonl").send(createReadStream(found.path));
    },
  );
}
