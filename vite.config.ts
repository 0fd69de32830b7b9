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
      ignoredRouteFiles: ["**/.*", "**/*.test.*"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: false,
        v3_routeConfig: false,
      },
    }),
    tsconfigPaths(),
  ],
  // The server bundle uses top-level await (the embedded database starts before
  // the Prisma client is handed out), which needs a modern Node target.
  build: { target: "node22", assetsInlineLimit: 0 },
  optimizeDeps: { include: ["@shopify/app-bridge-react", "@shopify/polaris"] },
});
