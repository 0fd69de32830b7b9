// The exported pure validator (what the app's tests use to check the app's bulk
// documents): Shopify's rules without a running simulator.
import { describe, expect, it } from "vitest";
import { loadAdminSchema, validateBulkQuery } from "../src/index.js";

const schema = loadAdminSchema();

describe("validateBulkQuery", () => {
  it("accepts what Shopify accepted in the recordings", () => {
    // bulk-operation-root-count-and-search-filters.json: products → variants and media, metafields (accepted).
    expect(
      validateBulkQuery(
        schema,
        `{ products { edges { node { id variants { edges { node { id media { edges { node { id } } } } } } } } } }`,
      ),
    ).toEqual([]);
    // bulk-operation-run-query-schema-roots.json draftOrdersWarningsList: a list of objects without connections.
    expect(validateBulkQuery(schema, `{ draftOrders { edges { node { id warnings { message } } } } }`)).toEqual([]);
  });

  it("refuses refund lines reached through Order.refunds (a list)", () => {
    const errors = validateBulkQuery(
      schema,
      `{ orders { edges { node { id refunds { id refundShippingLines { edges { node { id } } } } } } } }`,
    );
    expect(errors).toEqual([
      {
        field: ["query"],
        message: "Queries that contain a connection field within a list field are not currently supported.",
        code: "INVALID",
      },
    ]);
  });

  it("names every parent connection whose node lacks an unaliased id", () => {
    const errors = validateBulkQuery(
      schema,
      `{ products { edges { node { productId: id variants { edges { node { id } } } } } } }`,
    );
    expect(errors.map((e) => e.message)).toEqual([
      "The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. Connection fields without 'id': products.",
    ]);
  });

  it("measures the size limit in bytes (bulk-operation-storage-byte-limit.json: 65535 is the maximum)", () => {
    const body = `{ products { edges { node { id } } } }`;
    const pad = (n: number) => `#${"é".repeat(Math.floor(n / 2))}${n % 2 ? "a" : ""}\n`;
    const atLimit = pad(65535 - Buffer.byteLength(body) - 2) + body;
    expect(Buffer.byteLength(atLimit)).toBe(65535);
    expect(validateBulkQuery(schema, atLimit)).toEqual([]);
    expect(validateBulkQuery(schema, "a" + atLimit)[0]!.message).toBe(
      "Query is too large (65536 bytes; maximum is 65535 bytes)",
    );
  });
});
