// The simulated Shopify admin (store pages, embedded app page, App Bridge stand-in).
// Registered by auth's registerAuthRoutes; exported for tools and tests.
export { registerAdminRoutes, adminAppPath, appBridgeScript } from "./admin-routes.js";
export type { AdminOptions, AdminDeps } from "./admin-routes.js";
