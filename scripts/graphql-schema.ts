// Unpacks the vendored Admin API schema (the simulator's introspection JSON, gzipped) to
// where Shopify's codegen preset looks for a local schema (`<outputDir>/admin-<version>.schema.json`),
// so `npm run graphql-codegen` works offline and types the operations against exactly the
// schema the simulator and tests/sync-documents.test.ts validate with. The unpacked file
// is git-ignored: the .gz is the one copy in the repository.
import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { ADMIN_API_VERSION } from "../app/sync/queries";

const root = fileURLToPath(new URL("..", import.meta.url));
const source = `${root}simulator/schema/admin_${ADMIN_API_VERSION}.json.gz`;
const target = `${root}app/types/admin-${ADMIN_API_VERSION}.schema.json`;
writeFileSync(target, gunzipSync(readFileSync(source)));
console.log(`schema ${ADMIN_API_VERSION} unpacked to ${target}`);
