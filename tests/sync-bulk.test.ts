// Bulk result reading without a server: line splitting across arbitrary chunk
// boundaries (multi-byte characters split too), resume positions with and without
// HTTP Range support, and ungrouped output (Shopify's default since 2026-01): a child
// line anywhere after its parent, read as records of their own — including a read
// resumed from a position between a parent and its children.
import { describe, expect, it } from "vitest";
import { bulkRecords, readJsonl, type BulkRecord, type JsonlPosition } from "~/sync/bulk";

// Crafted ungrouped output: children of #1 after #2's line, a child of #2 after #3.
const lines = [
  {
    id: "gid://shopify/Order/1",
    name: "#1001 – café ☕",
    refunds: [{ id: "gid://shopify/Refund/21", createdAt: "2026-01-02T00:00:00Z" }],
  },
  { id: "gid://shopify/Order/2", name: "#1002", lineItems: { edges: [] } },
  { id: "gid://shopify/LineItem/11", quantity: 1, __parentId: "gid://shopify/Order/1" },
  { id: "gid://shopify/Order/3", name: "#1003 ünïcödé" },
  { id: "gid://shopify/LineItem/21", quantity: 3, __parentId: "gid://shopify/Order/2" },
  { id: "gid://shopify/LineItem/12", quantity: 2, __parentId: "gid://shopify/Order/1" },
];
const file = lines.map((l) => JSON.stringify(l)).join("\r\n") + "\n";
const bytes = new TextEncoder().encode(file);

/** A fetch serving `bytes` in chunks of `size` (Range → 206 when `ranges`). */
function serve(size: number, ranges: boolean): typeof fetch & { ranged: string[] } {
  const ranged: string[] = [];
  const fn = (async (_input: unknown, init?: RequestInit) => {
    const range = new Headers(init?.headers).get("Range");
    let start = 0;
    if (range && ranges) {
      ranged.push(range);
      start = Number(/bytes=(\d+)-/.exec(range)![1]);
    }
    const body = bytes.subarray(start);
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= body.length) return controller.close();
        controller.enqueue(body.subarray(offset, offset + size));
        offset += size;
      },
    });
    return new Response(stream, { status: range && ranges ? 206 : 200 });
  }) as typeof fetch & { ranged: string[] };
  fn.ranged = ranged;
  return fn;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Children grouped under their parents, computed from the crafted lines (not from the reader). */
function expectedChildren(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const l of lines as { id: string; __parentId?: string }[])
    if (l.__parentId) (out[l.__parentId] ??= []).push(l.id);
  return out;
}

function childrenOf(records: BulkRecord[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of records) if (r.parentId) (out[r.parentId] ??= []).push(String(r.node.id));
  return out;
}

describe("bulk JSONL reading", () => {
  it.each([1, 3, 7, 64, 100_000])("splits lines across %i-byte chunks", async (size) => {
    const read = await collect(readJsonl(serve(size, false), "https://example.test/r.jsonl"));
    expect(read.map((l) => l.value)).toEqual(lines);
    expect(read.at(-1)!.end).toEqual({ line: lines.length, byte: bytes.length });
  });

  it("reads ungrouped output: every line a record of its own, children keyed by their parent wherever they are", async () => {
    const records = await collect(bulkRecords(readJsonl(serve(5, false), "https://example.test/r.jsonl")));
    expect(records.map((r) => [r.node.id, r.parentId, r.type])).toEqual(
      lines.map((l) => [l.id, "__parentId" in l ? l.__parentId : null, l.id.split("/")[3]]),
    );
    expect(childrenOf(records)).toEqual(expectedChildren());
    // Bookkeeping keys dropped, connections in one shape.
    expect(records[2]!.node).toEqual({ id: "gid://shopify/LineItem/11", quantity: 1 });
    expect(records[1]!.node.lineItems).toEqual({ nodes: [] });
    expect(records.map((r) => r.end.line)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it.each([true, false])("resumes between a parent and its children (server supports Range: %s)", async (ranges) => {
    const all = await collect(bulkRecords(readJsonl(serve(4, false), "https://example.test/r.jsonl")));
    // Checkpoint after Order/2: Order/1's children are still to come.
    const from: JsonlPosition = all[1]!.end;
    const fetchFn = serve(4, ranges);
    const rest = await collect(bulkRecords(readJsonl(fetchFn, "https://example.test/r.jsonl", { from })));
    expect(rest.map((r) => r.node)).toEqual(all.slice(2).map((r) => r.node));
    expect(rest.map((r) => r.end)).toEqual(all.slice(2).map((r) => r.end));
    expect(childrenOf([...all.slice(0, 2), ...rest])).toEqual(expectedChildren());
    expect(fetchFn.ranged).toEqual(ranges ? [`bytes=${from.byte}-`] : []);
  });
});
