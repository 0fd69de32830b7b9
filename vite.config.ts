import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const port = Number(process.env.PORT ?? 3000);

export default defineConfig({
  server: {
    port,
    // Shopify Admin loads the app in an iframe from another origin.
    cors: { preflightContinue: true },
    fs: { allow: ["app", "node_modules"] },
  },
  plugins: [
    remix({
      // Tests build into their own directory so parallel runs never clobber each other.
      buildDirectory: process.env.STOREPULSE_BUILD_DIR ?? "build",
      // Every Remix v2 future flag is on: the move to React Router 7 is then the
      // `npx codemod remix/2/react-router/upgrade` step (docs/decisions/0004).
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        // Single fetch: naked objects from loaders (turbo-stream), and remix-serve uses
        // Node's native fetch instead of installing its polyfill.
        v3_singleFetch: true,
        // Routes declared in app/routes.ts (flatRoutes), as React Router 7 expects.
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
  ],
  // The server bundle uses top-level await (the embedded database starts before
  // the Prisma client is handed out), which needs a modern Node target.
  build: { target: "node22", assetsInlineLimit: 0 },
  optimizeDeps: { include: ["@shopify/app-bridge-react", "@shopify/polaris"] },
});
