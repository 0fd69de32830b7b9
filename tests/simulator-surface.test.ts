// Every field the app's GraphQL documents select is one the simulator answers (its
// simulated surface, simulator/SURFACE.md). A new query against a field the simulator
// does not model fails here, in CI, instead of as a refused request in some sync test.
// The GraphQL documents written in the test suites are walked too: the only ones
// reaching outside the surface are the simulator's own tests of that refusal.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Kind, parse, validate, type DocumentNode } from "graphql";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { argumentsOutsideSurface, fieldsOutsideSurface, loadAdminSchema } from "../simulator/src/index";
import { ADMIN_API_VERSION, allDocuments } from "~/sync/queries";

const schema = loadAdminSchema(ADMIN_API_VERSION);
const root = path.resolve(__dirname, "..");

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name === "node_modules" || name === "recordings" || name === "types") continue;
      out.push(...filesUnder(full));
    } else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

/** Text of a literal; `${…}` becomes an empty string (ids in arguments), which may leave it unparsable. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => s.literal.text).join("");
  return undefined;
}

const GRAPHQL_START = /^\s*(#graphql\s*)?(query\b|mutation\b|fragment\b|\{\s*[_A-Za-z])/;

interface FoundDocument {
  where: string;
  text: string;
  document?: DocumentNode;
}

/** String and template literals that look like GraphQL documents, with their parse when they are valid ones. */
function graphqlLiterals(file: string): FoundDocument[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: FoundDocument[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== undefined && GRAPHQL_START.test(text)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      const where = `${path.relative(root, file)}:${line + 1}`;
      let document: DocumentNode | undefined;
      try {
        const parsed = parse(text);
        const operations = parsed.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);
        if (operations && validate(schema, parsed).length === 0) document = parsed;
      } catch {
        // not a complete document on its own (a fragment interpolated elsewhere, a test of syntax errors)
      }
      found.push({ where, text, document });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Fields and arguments outside the surface (arguments as written; variables are not known here). */
const outside = (document: DocumentNode) => [
  ...fieldsOutsideSurface(schema, document).map((f) => `${f.typeName}.${f.fieldName}`),
  ...document.definitions
    .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
    .flatMap((op) => argumentsOutsideSurface(schema, document, op, {}))
    .map((a) => `${a.typeName}.${a.fieldName}(${a.argumentName})`),
];

// What simulator/test/surface.test.ts sends on purpose to see it refused.
const SURFACE_TEST_REFUSALS = [
  "Customer.lifetimeDuration",
  "HasMetafields.metafield",
  "Order.paymentGatewayNames",
  "Order.returns(query)",
  "QueryRoot.orders(sortKey)",
  "QueryRoot.products(savedSearchId)",
];

describe("the simulated surface covers the app's documents", () => {
  it.each(Object.entries(allDocuments()))("%s selects only fields the simulator answers", (_name, text) => {
    expect(outside(parse(text))).toEqual([]);
  });

  it("every GraphQL document written in app/ is one of allDocuments() or checked here", () => {
    const literals = filesUnder(path.join(root, "app")).flatMap(graphqlLiterals);
    // queries.ts builds its documents from fragments (interpolated), so its literals may not
    // stand alone; they are covered through allDocuments() above. Anywhere else a document
    // the app sends must parse and stay inside the surface.
    const elsewhere = literals.filter((l) => !l.where.startsWith("app/sync/queries.ts:"));
    for (const l of elsewhere) {
      expect(l.document, `${l.where} is a GraphQL document this test cannot read`).toBeDefined();
      expect(outside(l.document!), l.where).toEqual([]);
    }
    for (const l of literals.filter((x) => x.document)) expect(outside(l.document!), l.where).toEqual([]);
  });

  it("the test suites' documents stay inside it, except the simulator's tests of the refusal", () => {
    const literals = [
      ...filesUnder(path.join(root, "tests")),
      ...filesUnder(path.join(root, "simulator", "test")),
    ].flatMap(graphqlLiterals);
    const checked = literals.filter((l) => l.document);
    // Enough of them are read for the walk to mean something.
    expect(checked.length).toBeGreaterThan(50);
    const reaching = checked
      .map((l) => ({ where: l.where.replace(/:\d+$/, ""), fields: outside(l.document!) }))
      .filter((r) => r.fields.length > 0);
    const byFile = new Map<string, string[]>();
    for (const r of reaching) byFile.set(r.where, [...(byFile.get(r.where) ?? []), ...r.fields]);
    expect(Object.fromEntries([...byFile].map(([k, v]) => [k, [...new Set(v)].sort()]))).toEqual({
      // Shopify's bulk rules and its cost rules are checked on documents the simulator never runs.
      "simulator/test/bulk-validate.test.ts": ["ProductVariant.media", "QueryRoot.draftOrders"],
      "simulator/test/graphql-throttle.test.ts": ["QueryRoot.productsCount"],
      // The refusal itself.
      "simulator/test/graphql-errors.test.ts": ["Order.paymentGatewayNames"],
      "simulator/test/surface.test.ts": SURFACE_TEST_REFUSALS,
      "tests/simulator-surface.test.ts": [
        "HasMetafields.metafield",
        "Order.paymentGatewayNames",
        "QueryRoot.orders(savedSearchId)",
      ],
    });
  });

  it("notices a field or an argument outside the surface (the walk can fail)", () => {
    expect(outside(parse("{ orders(first: 1) { nodes { id paymentGatewayNames } } }"))).toEqual([
      "Order.paymentGatewayNames",
    ]);
    expect(
      outside(parse('{ orders(first: 1) { nodes { ... on HasMetafields { metafield(key: "a.b") { id } } } } }')),
    ).toEqual(["HasMetafields.metafield"]);
    expect(
      outside(parse('{ orders(first: 1, savedSearchId: "gid://shopify/SavedSearch/1") { nodes { id } } }')),
    ).toEqual(["QueryRoot.orders(savedSearchId)"]);
  });
});
