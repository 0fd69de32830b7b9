// Bulk result reading without a server: line splitting across arbitrary chunk
// boundaries (multi-byte characters split too), resume positions with and without
// HTTP Range support, and reassembly of children by __parentId.
import { describe, expect, it } from "vitest";
import { assembleRoots, readJsonl, type JsonlPosition } from "~/sync/bulk";

const lines = [
  { id: "gid://shopify/Order/1", name: "#1001 – café ☕" },
  { id: "gid://shopify/LineItem/11", quantity: 1, __parentId: "gid://shopify/Order/1" },
  { id: "gid://shopify/LineItem/12", quantity: 2, __parentId: "gid://shopify/Order/1" },
  { id: "gid://shopify/Order/2", name: "#1002", refunds: [{ id: "gid://shopify/Refund/21", refundLineItems: { edges: [{ node: { id: "gid://shopify/RefundLineItem/31", quantity: 1 } }] } }] },
  { id: "gid://shopify/RefundShippingLine/41", __parentId: "gid://shopify/Refund/21" },
  { id: "gid://shopify/Order/3", name: "#1003 ünïcödé" },
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

describe("bulk JSONL reading", () => {
  it.each([1, 3, 7, 64, 100_000])("splits lines across %i-byte chunks", async (size) => {
    const read = await collect(readJsonl(serve(size, false), "https://example.test/r.jsonl"));
    expect(read.map((l) => l.value)).toEqual(lines);
    expect(read.at(-1)!.end).toEqual({ line: lines.length, byte: bytes.length });
  });

  it("reassembles roots with their children and reports resume positions", async () => {
    const roots = await collect(assembleRoots(readJsonl(serve(5, false), "https://example.test/r.jsonl")));
    expect(roots.map((r) => r.node.id)).toEqual(["gid://shopify/Order/1", "gid://shopify/Order/2", "gid://shopify/Order/3"]);
    expect(roots[0]!.node).toEqual({
      id: "gid://shopify/Order/1",
      name: "#1001 – café ☕",
      lineItems: { nodes: [{ id: "gid://shopify/LineItem/11", quantity: 1 }, { id: "gid://shopify/LineItem/12", quantity: 2 }] },
    });
    expect(roots[1]!.node.refunds).toEqual([
      {
        id: "gid://shopify/Refund/21",
        refundLineItems: { nodes: [{ id: "gid://shopify/RefundLineItem/31", quantity: 1 }] },
        refundShippingLines: { nodes: [{ id: "gid://shopify/RefundShippingLine/41" }] },
      },
    ]);
    expect(roots.map((r) => r.end.line)).toEqual([3, 5, 6]);
  });

  it.each([true, false])("resumes after the last written root (server supports Range: %s)", async (ranges) => {
    const all = await collect(assembleRoots(readJsonl(serve(4, false), "https://example.test/r.jsonl")));
    const from: JsonlPosition = all[0]!.end;
    const fetchFn = serve(4, ranges);
    const rest = await collect(assembleRoots(readJsonl(fetchFn, "https://example.test/r.jsonl", { from })));
    expect(rest.map((r) => r.node)).toEqual(all.slice(1).map((r) => r.node));
    expect(rest.map((r) => r.end)).toEqual(all.slice(1).map((r) => r.end));
    expect(fetchFn.ranged).toEqual(ranges ? [`bytes=${from.byte}-`] : []);
  });
});
