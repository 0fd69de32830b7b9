// HTTP face of the simulator: fastify with the Admin API, the control API,
// bulk result files and auth's routes (token endpoint, embedded admin).
import Fastify, { type FastifyInstance } from "fastify";
import { registerAuthRoutes, type AuthRouteOptions } from "./auth/index.js";
import { registerControlRoutes } from "./control/control-routes.js";
import { registerAdminApiRoute } from "./graphql/admin-api-route.js";
import type { Simulator } from "./simulator.js";

export function buildServer(sim: Simulator, opts: { logger?: boolean; auth?: AuthRouteOptions } = {}): FastifyInstance {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: "info",
          // Tokens and secrets must never reach a log.
          redact: ["req.headers['x-shopify-access-token']", "req.headers.authorization", "req.headers.cookie"],
        }
      : false,
    bodyLimit: 50 * 1024 * 1024,
  });
  registerAdminApiRoute(app, sim);
  registerControlRoutes(app, sim);
  registerAuthRoutes(app, sim.context(), opts.auth);
  return app;
}
