// A webhook body read with a size cap: a declared Content-Length over the cap is refused
// before reading anything, and a body without one (chunked) is counted while streamed,
// so no request makes us buffer more than the cap. Shopify's payloads are far smaller
// (orders with hundreds of line items stay well under 1 MB).

export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export type BodyResult = { ok: true; text: string } | { ok: false; status: 413 | 400 };

export async function readCappedBody(request: Request, maxBytes: number = MAX_WEBHOOK_BODY_BYTES): Promise<BodyResult> {
  const declared = request.headers.get("Content-Length");
  if (declared !== null) {
    if (!/^\d+$/.test(declared.trim())) return { ok: false, status: 400 };
    if (Number(declared) > maxBytes) return { ok: false, status: 413 };
  }
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop reading, but do not cancel: cancelling destroys the connection before the
      // 413 is written. The rest is never buffered; the answer closes the connection.
      reader.releaseLock();
      return { ok: false, status: 413 };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks, total).toString("utf8") };
}
