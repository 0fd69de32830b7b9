// Route config (Remix's v3_routeConfig flag, as in Shopify's app template): the
// file-system convention of app/routes/, now declared here. React Router 7 reads
// this same file (with @react-router/fs-routes), which keeps the upgrade a codemod.
import { flatRoutes } from "@remix-run/fs-routes";
import type { RouteConfig } from "@remix-run/route-config";

export default flatRoutes({ ignoredRouteFiles: ["**/.*", "**/*.test.*"] }) satisfies RouteConfig;
