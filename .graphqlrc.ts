// GraphQL config as Shopify's Remix app template ships it: the codegen preset types every
// `#graphql` document under app/ against the Admin API schema. Offline: the schema is the
// vendored one, unpacked by scripts/graphql-schema.ts (run by `npm run graphql-codegen`)
// to app/types/admin-<version>.schema.json, which the preset uses when the file exists.
import { ApiType, shopifyApiProject } from "@shopify/api-codegen-preset";
import { ADMIN_API_VERSION } from "./app/sync/queries";

export default {
  // For editor syntax highlighting / completion of the documents.
  schema: `./app/types/admin-${ADMIN_API_VERSION}.schema.json`,
  documents: ["./app/**/*.{js,ts,jsx,tsx}"],
  projects: {
    // Variable and result types of the Admin API operations: app/types/admin.{types,generated}.d.ts.
    default: shopifyApiProject({
      apiType: ApiType.Admin,
      apiVersion: ADMIN_API_VERSION,
      documents: ["./app/**/*.{js,ts,jsx,tsx}"],
      outputDir: "./app/types",
      // String-literal unions instead of TypeScript enums: the engine compares statuses with
      // plain strings and the declaration files then need no runtime import.
      enumsAsConst: true,
    }),
  },
};
