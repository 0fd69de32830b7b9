import { defineConfig } from "vitest/config";

// Two projects: the simulator's own conformance suite, and the app's suite
// (which needs a database; see tests/global-setup.ts).
export default defineConfig({
  test: {
    projects: ["simulator/vitest.config.ts", "tests/vitest.config.ts"],
  },
});
