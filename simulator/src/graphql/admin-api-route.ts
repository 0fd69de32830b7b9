// POST /admin/api/{version}/graphql.json — the Admin GraphQL endpoint. The access
// token identifies app and shop, so the path carries no shop: clients replace the
// origin https://{shop} with the simulator's origin and keep the path.
import type { FastifyInstance } from "fastify";
import type { Simulator } from "../simulator.js";
import { DEFAULT_API_VERSION, schemaForVersion } from "./admin-schema.js";
import type { RequestContext } from "./context.js";
import { runAdminGraphQL, type GraphQLRequestBody } from "./execute-admin.js";

export const INVALID_TOKEN_BODY = {
  errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
};

export function registerAdminApiRoute(app: FastifyInstance, sim: Simulator): void {
  // Shopify also accepts a bare GraphQL document with Content-Type application/graphql.
  app.addContentTypeParser("application/graphql", { parseAs: "string" }, (_req, body, done) =>
    done(null, { query: body }),
  );
  app.post<{ Params: { version: string }; Body: GraphQLRequestBody }>(
    "/admin/api/:version/graphql.json",
    async (req, reply) => {
      const header = req.headers["x-shopify-access-token"];
      const check = sim.tokens.validate(typeof header === "string" ? header : undefined);
      if (!check.ok) return reply.code(401).send(INVALID_TOKEN_BODY);
      const store = sim.shops.get(check.grant.shop);
      if (!store) return reply.code(401).send(INVALID_TOKEN_BODY);
      const shop = store.domain;
      const { schema } = schemaForVersion(req.params.version);
      // Behaviour that differs by version (e.g. bulk concurrency) follows the requested
      // version; documents are checked against the nearest vendored schema.
      const servedVersion = /^\d{4}-(01|04|07|10)$|^unstable$/.test(req.params.version)
        ? req.params.version
        : DEFAULT_API_VERSION;
      reply.header("x-shopify-api-version", servedVersion);
      reply.header("x-request-id", `sim-${req.id}`);
      const body = (req.body ?? {}) as GraphQLRequestBody;
      const operation =
        typeof body.operationName === "string" ? body.operationName : String(body.query ?? "").slice(0, 120);
      const faults = sim.faults(shop);
      if (faults.knobs.adminApiLatencyMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, faults.knobs.adminApiLatencyMs));
      }
      const down = faults.knobs.adminApiDownUntil !== null && sim.clock() < faults.knobs.adminApiDownUntil;
      if (down || faults.roll(faults.knobs.adminApiErrorRate)) {
        sim.requestLog.record({
          at: new Date(sim.clock()).toISOString(),
          shop,
          apiVersion: servedVersion,
          status: 503,
          operation,
        });
        return reply.code(503).send({
          errors: `Service Unavailable: the Shopify simulator injected this error (${down ? "adminApiDownUntil" : "adminApiErrorRate"}).`,
        });
      }
      const ctx: RequestContext = {
        store,
        grant: check.grant,
        apiVersion: servedVersion,
        unbounded: false,
        now: sim.clock(),
        bulk: sim.bulk,
        searchWarnings: [],
      };
      const result = runAdminGraphQL({
        schema,
        body,
        ctx,
        bucket: sim.bucket(shop),
        forceThrottle: faults.knobs.forceThrottle || faults.roll(faults.knobs.throttleRate),
      });
      const cost = (
        result.body.extensions as { cost?: { requestedQueryCost: number; actualQueryCost: number | null } } | undefined
      )?.cost;
      sim.requestLog.record({
        at: new Date(sim.clock()).toISOString(),
        shop,
        apiVersion: servedVersion,
        status: result.status,
        operation,
        requestedCost: cost?.requestedQueryCost,
        actualCost: cost?.actualQueryCost,
      });
      return reply.code(result.status).send(result.body);
    },
  );
}
