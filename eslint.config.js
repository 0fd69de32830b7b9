// ESLint (flat config): typescript-eslint, React hooks, no import cycles, and the
// boundary that keeps the domain modules (app/sync, app/insights) free of Remix and
// of server wiring. Formatting is Prettier's job (eslint-config-prettier, last).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "build/**",
      ".cache/**",
      ".data/**",
      "coverage/**",
      "tmp/**",
      "**/*.generated.*",
      "app/types/**",
      "simulator/test/recordings/**",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring, callback positions).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests read JSON bodies back and pin them down with assertions; typing every
    // response shape there adds noise, not safety.
    files: ["tests/**/*.{ts,tsx}", "simulator/test/**/*.ts", "**/*.test.{ts,tsx}"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Import cycles make module initialisation order fragile (and hide layering mistakes).
    files: ["**/*.{ts,tsx,js}"],
    plugins: { "import-x": importX },
    settings: {
      // .ts/.tsx are modules too (the plugin's default is .js only) — from importX.flatConfigs.typescript.
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver-next": [
        createTypeScriptImportResolver({
          project: ["tsconfig.json", "simulator/tsconfig.json"],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // Domain modules know nothing of Remix or of the app's server wiring
    // (docs/architecture.md): they take a PrismaClient and plain values.
    files: ["app/sync/**/*.{ts,tsx}", "app/insights/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@remix-run/*"],
              message: "app/sync and app/insights are framework-free: keep Remix in app/routes.",
            },
            {
              group: ["*.server", "*.server.*", "**/.server/**"],
              message:
                "app/sync and app/insights must not import *.server wiring: take dependencies as parameters instead.",
            },
          ],
        },
      ],
    },
  },
  prettier,
);
