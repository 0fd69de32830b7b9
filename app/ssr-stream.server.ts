// React 18.3's renderToPipeableStream pads a chunk with up to three NUL bytes when a
// multi-byte UTF-8 character does not fit at the end of its 2,048-byte buffer: it writes
// the whole buffer instead of the bytes it filled (react-dom-server writeStringChunk;
// reported as facebook/react#24985 and #31134, fixed only in React 19, which Polaris 13
// does not support). Staff saw it as a stray NUL before "Øre" in a server-rendered table,
// and it can land inside the hydration data. React never emits a NUL of its own (text
// comes from PostgreSQL, which cannot store one), so dropping trailing NULs of a chunk is
// exact.
import { Transform } from "node:stream";

export function withoutChunkPadding(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length;
      while (end > 0 && chunk.length - end < 3 && chunk[end - 1] === 0) end -= 1;
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end));
    },
  });
}
