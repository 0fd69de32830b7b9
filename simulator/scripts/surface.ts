// Writes simulator/SURFACE.md, the list of every Type.field the simulator answers,
// from the resolver table and the vendored schema (`npm run surface --workspace simulator`).
// test/surface.test.ts fails when the checked-in file differs from what this writes.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_API_VERSION, schemaForVersion } from "../src/graphql/admin-schema.js";
import { renderSurfaceMarkdown } from "../src/graphql/surface.js";

const target = fileURLToPath(new URL("../SURFACE.md", import.meta.url));
writeFileSync(target, renderSurfaceMarkdown(schemaForVersion(DEFAULT_API_VERSION).schema, DEFAULT_API_VERSION));
console.log(`wrote ${target}`);
