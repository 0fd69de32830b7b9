import path from "node:path";
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

const root = path.resolve(__dirname, "..");

// The app's suite: real database (embedded PGlite by default, the PostgreSQL
// server named by TEST_DATABASE_URL when set), the built app over HTTP.
export default defineConfig({
  root,
  plugins: [tsconfigPaths({ root })],
  test: {
    name: "app",
    root,
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
