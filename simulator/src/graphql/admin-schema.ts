// Shopify's published Admin GraphQL schema (introspection JSON vendored from
// @shopify/dev-mcp, see scripts/vendor-schema.sh), loaded once per version.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, parse, validate, type GraphQLSchema, type IntrospectionQuery } from "graphql";

const schemaDir = fileURLToPath(new URL("../../schema/", import.meta.url));
export const DEFAULT_API_VERSION = "2026-10";
const cache = new Map<string, GraphQLSchema>();

/** API versions with a vendored schema, e.g. ["2026-10"]. */
export function vendoredVersions(): string[] {
  return readdirSync(schemaDir)
    .map((f) => /^admin_(\d{4}-\d{2}|unstable)\.json\.gz$/.exec(f)?.[1])
    .filter((v): v is string => !!v)
    .sort();
}

/**
 * The schema that serves `version`. Versions without a vendored file are served
 * with the default version's schema (Shopify likewise answers unsupported
 * versions with a supported one and says so in X-Shopify-API-Version).
 */
export function schemaForVersion(version: string): { schema: GraphQLSchema; servedVersion: string } {
  const servedVersion = vendoredVersions().includes(version) ? version : DEFAULT_API_VERSION;
  let schema = cache.get(servedVersion);
  if (!schema) {
    const json = JSON.parse(gunzipSync(readFileSync(`${schemaDir}admin_${servedVersion}.json.gz`)).toString("utf8")) as
      { data: IntrospectionQuery } | IntrospectionQuery;
    schema = buildClientSchema("data" in json ? json.data : json);
    cache.set(servedVersion, schema);
  }
  return { schema, servedVersion };
}

/**
 * Validation errors of a GraphQL document against the vendored Admin schema
 * (empty when valid). For app tests that check every document the app sends.
 */
export function validateAdminDocument(source: string, version = DEFAULT_API_VERSION): string[] {
  const { schema } = schemaForVersion(version);
  let document;
  try {
    document = parse(source);
  } catch (err) {
    return [(err as Error).message];
  }
  return validate(schema, document).map((e) => e.message);
}
