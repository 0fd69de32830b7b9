// The server-rendered HTML is exactly React's markup, byte for byte, even where React 18
// pads a chunk with NULs (a multi-byte character at a 2,048-byte buffer boundary).
import { Writable } from "node:stream";
import { createElement } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withoutChunkPadding } from "~/ssr-stream.server";

function page(prefix: number) {
  // Many short text chunks, each with two-byte characters: one of them straddles a buffer boundary.
  return createElement(
    "div",
    null,
    "a".repeat(prefix),
    ...Array.from({ length: 600 }, (_, i) => createElement("i", { key: i }, "Øre")),
  );
}

function streamed(prefix: number, fix: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    });
    sink.on("finish", () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(page(prefix), {
      onAllReady() {
        if (fix) pipe(withoutChunkPadding()).pipe(sink);
        else pipe(sink);
      },
      onError: reject,
    });
  });
}

// Shifting the content by 0..11 bytes puts a "Ø" across some buffer boundary.
const PREFIXES = Array.from({ length: 12 }, (_, i) => i);

describe("server-rendered HTML stream", () => {
  it("React 18 alone pads chunks with NULs for these pages (why the transform exists)", async () => {
    const raw = await Promise.all(PREFIXES.map((prefix) => streamed(prefix, false)));
    expect(raw.some((bytes) => bytes.includes(0))).toBe(true);
  });

  it.each(PREFIXES)("through withoutChunkPadding it equals renderToString (prefix %i)", async (prefix) => {
    const bytes = await streamed(prefix, true);
    expect(bytes.includes(0)).toBe(false);
    expect(bytes.toString("utf8")).toBe(renderToString(page(prefix)));
  });
});
