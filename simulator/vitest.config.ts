import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "simulator",
    root: __dirname,
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
