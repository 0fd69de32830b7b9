// The app's routes read from app/routes (Remix flat routes, as app/routes.ts configures
// them), so a suite iterating over them covers a route added later without being edited.
// Each route is classified by its first segment; a route outside the known public ones
// counts as authenticated, so a new public route has to be listed here on purpose.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type RouteKind = "document" | "api" | "webhook" | "auth" | "public";

export interface AppRoute {
  file: string;
  /** URL pattern, e.g. /app/customers or /api/privacy/data-requests/:id */
  pattern: string;
  kind: RouteKind;
  methods: ("GET" | "POST")[];
  /** Dynamic segments (":id") in order. */
  params: string[];
}

const routesDir = path.resolve(__dirname, "../../app/routes");

/** Routes that answer without any authentication, on purpose (the root's redirect, health). */
export const PUBLIC_ROUTES = ["_index", "healthz"];

export function appRoutes(): AppRoute[] {
  return readdirSync(routesDir)
    .filter((file) => /\.(tsx?|jsx?)$/.test(file))
    .map((file) => {
      const id = file.replace(/\.(tsx?|jsx?)$/, "");
      const segments = id.split(".").filter((s) => s !== "_index");
      const params = segments.filter((s) => s.startsWith("$") && s.length > 1).map((s) => s.slice(1));
      const pattern = `/${segments.map((s) => (s === "$" ? "*" : s.startsWith("$") ? `:${s.slice(1)}` : s)).join("/")}`;
      const source = readFileSync(path.join(routesDir, file), "utf8");
      const methods: AppRoute["methods"] = [];
      if (/export (const|async function|function) loader\b/.test(source)) methods.push("GET");
      if (/export (const|async function|function) action\b/.test(source)) methods.push("POST");
      const first = segments[0] ?? "";
      const kind: RouteKind = PUBLIC_ROUTES.includes(id)
        ? "public"
        : first === "api"
          ? "api"
          : first === "webhooks"
            ? "webhook"
            : first === "auth"
              ? "auth"
              : "document";
      return { file, pattern, kind, methods, params };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Query parameter names the app reads (searchParams.get("…") in app/), for injection tests. */
export function queryParameterNames(): string[] {
  const root = path.resolve(__dirname, "../../app");
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(tsx?)$/.test(entry.name)) {
        const source = readFileSync(full, "utf8");
        for (const match of source.matchAll(/\b(?:search|searchParams|params|query)\.get\(\s*"([\w-]+)"\s*\)/g)) {
          names.add(match[1]!);
        }
      }
    }
  };
  visit(root);
  return [...names].sort();
}
