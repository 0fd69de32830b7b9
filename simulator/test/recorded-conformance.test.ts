// Recorded conformance: requests captured against a real Shopify store (API 2026-04,
// simulator/test/recordings/) replayed against the simulator over HTTP. What is
// deterministic must match: HTTP status, userErrors (messages and codes), response
// shape, cost. What may differ is allowed explicitly (see recorded/replay.ts).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index.js";
import { FIXED_ANCHOR, startTestSimulator, waitFor } from "./helpers.js";
import {
  ALLOW_IDS_TIMES_URLS,
  diffResponse,
  exchangesIn,
  loadRecording,
  RECORDINGS_DIR,
  replay,
  type RecordedExchange,
} from "./recorded/replay.js";

const BULK = "2026-04/bulk-operations/";

/** Recorded bulkOperationRunQuery calls that Shopify refused with userErrors. */
function recordedBulkValidations(): RecordedExchange[] {
  const files = [
    "bulk-operation-run-query-validators.json",
    "bulk-operation-run-query-user-error-codes.json",
    "bulk-operation-name-independent-run-roots.json",
    "bulk-operation-status-catalog-cancel.json",
    "bulk-operation-storage-byte-limit.json",
  ];
  return files.flatMap((f) =>
    exchangesIn(loadRecording(BULK + f))
      .filter((ex) => /bulkOperationRunQuery\(/.test(ex.query))
      .filter((ex) => {
        const payload = ex.response.data?.bulkOperationRunQuery as { userErrors?: unknown[] } | undefined;
        return !!payload?.userErrors?.length;
      })
      .map((ex) => ({ ...ex, path: `${f} ${ex.path}` })),
  );
}

describe("recorded conformance: bulk operations", () => {
  let sim: RunningSimulator;
  const tokens: Record<string, string> = {};
  const SHOPS = {
    validate: "rec-validate.myshopify.com",
    limit: "rec-limit.myshopify.com",
    runs: "rec-runs.myshopify.com",
  };

  beforeAll(async () => {
    sim = await startTestSimulator({
      shops: Object.values(SHOPS).map((domain) => ({ domain, seed: 5, size: "small" as const, anchor: FIXED_ANCHOR })),
      bulk: { objectsPerSecond: 1_000_000 },
    });
    for (const domain of Object.values(SHOPS)) tokens[domain] = sim.control.install(domain).accessToken;
  });
  afterAll(async () => {
    await sim?.close();
  });

  const validations = recordedBulkValidations();

  it("finds the recorded validations (all 8 of the validators file and the others)", () => {
    // 8 in bulk-operation-run-query-validators.json, 2 user-error-codes, 1 name-independent roots,
    // 1 status catalog, 1 byte limit.
    expect(validations.length).toBe(13);
  });

  it.each(validations.map((ex) => [ex.path, ex] as const))("refuses as Shopify did: %s", async (_name, ex) => {
    const got = await replay(sim.url, tokens[SHOPS.validate]!, ex);
    expect(got.status).toBe(ex.status ?? 200);
    // Exact: userErrors (field, message, code) and the null bulkOperation.
    expect(got.body.data).toEqual(ex.response.data);
    expect(got.body.errors).toBeUndefined();
    const cost = got.body.extensions!.cost!;
    expect(cost.requestedQueryCost).toBe(ex.response.extensions!.cost!.requestedQueryCost);
    expect(cost.actualQueryCost).toBe(ex.response.extensions!.cost!.actualQueryCost);
    expect(cost.throttleStatus.maximumAvailable).toBe(ex.response.extensions!.cost!.throttleStatus.maximumAvailable);
    expect(cost.throttleStatus.restoreRate).toBe(ex.response.extensions!.cost!.throttleStatus.restoreRate);
  });

  it("answers a sixth concurrent bulk query with OPERATION_IN_PROGRESS naming the running ones (concurrency-limit.json)", async () => {
    const rec = loadRecording<{
      successfulRuns: RecordedExchange[];
      sixthRun: RecordedExchange;
      cancelAttempts: RecordedExchange[];
    }>(BULK + "bulk-operation-run-query-concurrency-limit.json");
    const token = tokens[SHOPS.limit]!;
    sim.simulator.bulk.setSpeed(1); // slow: the five stay RUNNING while the sixth is sent
    try {
      const ids: string[] = [];
      for (const run of rec.successfulRuns) {
        const got = await replay(sim.url, token, run);
        expect(got.status).toBe(run.status);
        // Shape of the CREATED operation: same keys and types, same values except id/createdAt.
        expect(diffResponse(run.response.data, got.body.data, ALLOW_IDS_TIMES_URLS)).toEqual([]);
        ids.push((got.body.data!.bulkOperationRunQuery as { bulkOperation: { id: string } }).bulkOperation.id);
      }
      const recordedIds = rec.successfulRuns.map(
        (r) => (r.response.data!.bulkOperationRunQuery as { bulkOperation: { id: string } }).bulkOperation.id,
      );
      const sixth = await replay(sim.url, token, rec.sixthRun);
      // The recorded message with the recorded ids replaced by the simulator's, in the same order.
      let expected = JSON.stringify(rec.sixthRun.response.data);
      recordedIds.forEach((id, i) => (expected = expected.replace(id, ids[i]!)));
      expect(sixth.body.data).toEqual(JSON.parse(expected));

      for (const [i, cancel] of rec.cancelAttempts.entries()) {
        const got = await replay(sim.url, token, { query: cancel.query, variables: { id: ids[i] } });
        // objectCount/rootObjectCount: progress so far (store data), otherwise the recorded shape.
        const allow = (p: string, k: string) =>
          ALLOW_IDS_TIMES_URLS(p, k) || k === "objectCount" || k === "rootObjectCount";
        expect(diffResponse(cancel.response.data, got.body.data, allow)).toEqual([]);
      }
    } finally {
      sim.simulator.bulk.setSpeed(1_000_000);
    }
  });

  it("creates operations shaped as recorded (status catalog lifecycle runs)", async () => {
    const rec = loadRecording(BULK + "bulk-operation-status-catalog-cancel.json");
    const runs = exchangesIn(rec).filter((ex) => /lifecycle\/\w+\/run$/.test(ex.path));
    expect(runs.length).toBe(2);
    for (const run of runs) {
      const got = await replay(sim.url, tokens[SHOPS.runs]!, run);
      expect(got.status).toBe(run.status);
      expect(diffResponse(run.response.data, got.body.data, ALLOW_IDS_TIMES_URLS), run.path).toEqual([]);
      await waitFor(async () => {
        const id = (got.body.data!.bulkOperationRunQuery as { bulkOperation: { id: string } }).bulkOperation.id;
        const op = sim.simulator.bulk.views(sim.control.store(SHOPS.runs)).find((o) => o.id === id);
        return op && op.status === "COMPLETED" ? op : undefined;
      });
    }
  });

  it("runs the recorded groupObjects runs (true and default) to COMPLETED with the recorded JSONL shape", async () => {
    const rec = loadRecording<{
      runs: Record<
        string,
        {
          run: RecordedExchange;
          statusPolls: RecordedExchange[];
          result: { status: number; contentType: string; records: Array<Record<string, unknown>> };
        }
      >;
    }>(BULK + "bulk-operation-run-query-group-objects.json");
    const token = tokens[SHOPS.runs]!;
    const products = sim.control.data(SHOPS.runs).products;
    for (const [name, recorded] of Object.entries(rec.runs)) {
      const started = await replay(sim.url, token, recorded.run);
      expect(diffResponse(recorded.run.response.data, started.body.data, ALLOW_IDS_TIMES_URLS), name).toEqual([]);
      const id = (started.body.data!.bulkOperationRunQuery as { bulkOperation: { id: string } }).bulkOperation.id;
      const poll = recorded.statusPolls[recorded.statusPolls.length - 1]!;
      const done = await waitFor(
        async () => {
          const got = await replay(sim.url, token, { query: poll.query, variables: { id } });
          return (got.body.data!.bulkOperation as { status: string }).status === "COMPLETED" ? got : undefined;
        },
        20_000,
        name,
      );
      // Counts and size are store data; everything else as recorded (COMPLETED, no error, no partial data).
      const storeData = (p: string, k: string) =>
        ALLOW_IDS_TIMES_URLS(p, k) || k === "objectCount" || k === "rootObjectCount" || k === "fileSize";
      expect(diffResponse(poll.response.data, done.body.data, storeData), name).toEqual([]);
      const op = done.body.data!.bulkOperation as {
        url: string;
        objectCount: string;
        rootObjectCount: string;
        fileSize: string;
      };
      const res = await fetch(op.url);
      expect(res.status).toBe(recorded.result.status);
      expect(res.headers.get("content-type")).toBe(recorded.result.contentType);
      const text = await res.text();
      const records = text
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      // Recorded: one line per product with exactly the selected keys, in id order, objectCount = rootObjectCount = lines.
      expect(records.map((r) => Object.keys(r))).toEqual(records.map(() => Object.keys(recorded.result.records[0]!)));
      expect(records.map((r) => r.id)).toEqual(products.map((p) => `gid://shopify/Product/${p.id}`));
      expect([Number(op.objectCount), Number(op.rootObjectCount), Number(op.fileSize)]).toEqual([
        records.length,
        records.length,
        Buffer.byteLength(text),
      ]);
    }
  });

  // Recorded bulk-operation reads and argument validations that are not bulkOperationRunQuery.
  // Known divergences, each with its reason (docs/fidelity.md "Known gaps"):
  const KNOWN_DIVERGENT: Record<string, string> = {
    "bulk-operation-status-catalog-cancel.json reads/malformedId":
      "ID variables are not checked for gid syntax (INVALID_VARIABLE)",
    "bulk-operation-status-catalog-cancel.json reads/catalogDefault":
      "store data: the recorded store's bulk-operation history",
    "bulk-operation-status-catalog-cancel.json reads/currentQuery":
      "store data: the recorded store's bulk-operation history",
    "bulk-operation-status-catalog-cancel.json validations/bulkOperationsFirstAndLast":
      "bulkOperations words first+last differently from other connections",
    "bulk-operation-status-catalog-cancel.json validations/bulkOperationsInvalidSearch":
      "bulkOperations does not refuse an invalid created_at",
    "bulk-operations-read-arg-validation.json cases/firstAndLast": "as bulkOperationsFirstAndLast",
    "bulk-operations-read-arg-validation.json cases/invalidCreatedAt": "as bulkOperationsInvalidSearch",
    "bulk-operations-read-arg-validation.json cases/malformedInlineId":
      "ID literals are not checked for gid syntax (argumentLiteralsIncompatible)",
    "bulk-operations-sort-key.json cases/completedAtDesc": "store data: the recorded store's bulk-operation history",
    "bulk-operations-sort-key.json cases/completedAtAsc": "store data: the recorded store's bulk-operation history",
    "bulk-operations-sort-key.json cases/createdAtDesc": "store data: the recorded store's bulk-operation history",
    "bulk-operations-sort-key.json cases/createdAtAsc": "store data: the recorded store's bulk-operation history",
  };
  const reads = [
    "bulk-operation-status-catalog-cancel.json",
    "bulk-operations-read-arg-validation.json",
    "bulk-operations-sort-key.json",
  ].flatMap((f) => {
    const rec = loadRecording<Record<string, unknown>>(BULK + f);
    return exchangesIn({ reads: rec.reads, validations: rec.validations, cases: rec.cases })
      .filter((ex) => !/bulkOperationRunQuery\(/.test(ex.query))
      .map((ex) => ({ ...ex, path: `${f} ${ex.path}` }));
  });

  it("lists only divergences that exist among the recorded bulk reads", () => {
    const paths = reads.map((r) => r.path);
    for (const known of Object.keys(KNOWN_DIVERGENT)) expect(paths).toContain(known);
    expect(reads.length - Object.keys(KNOWN_DIVERGENT).length).toBe(15);
  });

  it.each(reads.filter((r) => !(r.path in KNOWN_DIVERGENT)).map((r) => [r.path, r] as const))(
    "answers the bulk read as Shopify did: %s",
    async (_name, ex) => {
      const got = await replay(sim.url, tokens[SHOPS.validate]!, ex);
      expect(got.status).toBe(ex.status ?? 200);
      // Exact data and errors (messages, codes, paths); locations may differ only in the document's layout — they are equal here.
      const view = (b: typeof got.body) => ({ data: b.data ?? null, errors: b.errors ?? null });
      expect(diffResponse(view(ex.response), view(got.body), ALLOW_IDS_TIMES_URLS)).toEqual([]);
      const recordedCost = ex.response.extensions?.cost;
      if (recordedCost) expect(got.body.extensions?.cost?.requestedQueryCost).toBe(recordedCost.requestedQueryCost);
    },
  );
});

/** One line of query-costs.jsonl: a read query Shopify answered and the cost it reported. */
interface RecordedCostLine {
  recording: string;
  at: string;
  apiVersion: string;
  query: string;
  variables: Record<string, unknown> | null;
  requestedQueryCost: number;
  actualQueryCost: number | null;
  hasErrors: boolean;
}

describe("recorded conformance: query cost (query-costs.jsonl)", () => {
  let sim: RunningSimulator;
  let token: string;
  const SHOP = "rec-cost.myshopify.com";
  const lines: RecordedCostLine[] = readFileSync(RECORDINGS_DIR + "query-costs.jsonl", "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as RecordedCostLine);

  beforeAll(async () => {
    sim = await startTestSimulator({
      shops: [{ domain: SHOP, seed: 9, size: "small", plan: "plus", anchor: FIXED_ANCHOR }],
    });
    token = sim.control.install(SHOP).accessToken;
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("reports Shopify's requested cost for at least 90% of the recorded queries it answers, and refuses none Shopify ran", async () => {
    let answered = 0;
    let equal = 0;
    // Also reported: the queries the simulator executes without any error (fields it implements).
    let clean = 0;
    let cleanEqual = 0;
    const refused: string[] = [];
    const differing: string[] = [];
    for (const line of lines) {
      const got = await replay(sim.url, token, { query: line.query, variables: line.variables ?? {} });
      expect(got.status, line.at).toBe(200);
      const cost = got.body.extensions?.cost;
      // Not answered: documents the 2026-10 schema refuses (removed fields, mutations are
      // not in this file) — the simulator reports no cost for them, like Shopify.
      if (!cost) continue;
      answered++;
      if (cost.requestedQueryCost === line.requestedQueryCost) equal++;
      if (!got.body.errors) {
        clean++;
        if (cost.requestedQueryCost === line.requestedQueryCost) cleanEqual++;
      } else
        differing.push(
          `${line.recording}${line.at}: Shopify ${line.requestedQueryCost}, simulator ${cost.requestedQueryCost}`,
        );
      if (got.body.errors?.some((e) => e.extensions?.code === "MAX_COST_EXCEEDED") && !line.hasErrors)
        refused.push(`${line.recording}${line.at}`);
    }
    const share = equal / answered;
    console.log(
      `recorded query cost: ${equal} of ${answered} answered queries equal Shopify's requestedQueryCost (${(share * 100).toFixed(1)}%); ` +
        `${cleanEqual} of ${clean} executed without errors; ${lines.length} recorded`,
    );
    if (differing.length) console.log(`differing:\n  ${differing.join("\n  ")}`);
    expect(answered).toBeGreaterThan(lines.length * 0.9);
    expect(share).toBeGreaterThanOrEqual(0.9);
    expect(cleanEqual / clean).toBeGreaterThanOrEqual(0.9);
    expect(refused).toEqual([]);
  });
});
