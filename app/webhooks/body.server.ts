// A webhook body read with a size cap: a declared Content-Length over the cap is refused
// before reading anything, and a body without one (chunked) is counted while streamed,
// so no request makes us buffer more than the cap. Shopify's payloads are far smaller
// (orders with hundreds of line items stay well under 1 MB). The bytes are kept as
// received: the HMAC is computed over them, not over a decoded-and-re-encoded string.
import type { IncomingMessage } from "node:http";

export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export type BodyResult = { ok: true; bytes: Buffer } | { ok: false; status: 413 | 400 };

function declaredTooLarge(declared: string | null | undefined, maxBytes: number): BodyResult | null {
  if (declared === null || declared === undefined) return null;
  if (!/^\d+$/.test(declared.trim())) return { ok: false, status: 400 };
  if (Number(declared) > maxBytes) return { ok: false, status: 413 };
  return null;
}

/** The body of a Fetch API request (the Remix route). */
export async function readCappedBody(request: Request, maxBytes: number = MAX_WEBHOOK_BODY_BYTES): Promise<BodyResult> {
  const refused = declaredTooLarge(request.headers.get("Content-Length"), maxBytes);
  if (refused) return refused;
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0) };
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
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

/**
 * The body of a Node request (the server's webhook path, server.mjs). Over the cap it
 * stops listening and pauses the stream; the caller answers with `Connection: close`
 * so the unread rest is never read.
 */
export function readCappedNodeBody(
  req: IncomingMessage,
  maxBytes: number = MAX_WEBHOOK_BODY_BYTES,
): Promise<BodyResult> {
  const refused = declaredTooLarge(req.headers["content-length"], maxBytes);
  if (refused) return Promise.resolve(refused);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = (result: BodyResult) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > maxBytes) {
        req.pause();
        finish({ ok: false, status: 413 });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) });
    // A sender that hung up or broke the framing: nothing to verify (no answer reaches it).
    const onError = () => finish({ ok: false, status: 400 });
    const onClose = () => finish({ ok: false, status: 400 });
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}
