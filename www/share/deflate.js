// Raw deflate (RFC 1951) through the browser's own zlib: CompressionStream("deflate-raw").
// The share-link codec (src/share/) frames and checks the bytes; this file only squeezes them.
// Chosen over a Rust deflater to keep the wasm small (docs/embedding.md has the figures).

/** Whether this browser has CompressionStream and DecompressionStream. */
export function hasCompression() {
  return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';
}

async function pipe(stream, bytes, limit) {
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; these promises must not go unhandled.
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      reader.cancel().catch(() => {});
      throw new Error('the program is longer than the link declares');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/** Raw deflate of `bytes` (copied first: it may be a view into wasm memory). */
export function deflateRaw(bytes) {
  return pipe(new CompressionStream('deflate-raw'), bytes.slice(), Infinity);
}

/** Inflates `bytes`; rejects on a damaged or truncated stream, or past `limit` bytes. */
export function inflateRaw(bytes, limit) {
  return pipe(new DecompressionStream('deflate-raw'), bytes.slice(), limit);
}
