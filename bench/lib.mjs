// Helpers for bench/run.mjs: a static server with several mounts, statistics, formatting.
import http from 'node:http';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.zip': 'application/zip', '.png': 'image/png',
};

/** Serves each `[prefix, dir]` mount (first match wins) on an ephemeral loopback port. */
export async function serveMounts(mounts) {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      const [prefix, dir] = mounts.find(([p]) => url.pathname.startsWith(p)) ?? [];
      if (!dir) { res.writeHead(404).end(); return; }
      const root = path.resolve(dir);
      let file = path.join(root, decodeURIComponent(url.pathname.slice(prefix.length)));
      if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
      const stat = await fsp.stat(file).catch(() => null);
      if (stat && stat.isDirectory()) file = path.join(file, 'index.html');
      const body = await fsp.readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }) };
}

/** Median, min and max of `xs` (milliseconds or any number); `{}` for no samples. */
export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return {};
  const mid = s.length >> 1;
  const med = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median: med, min: s[0], max: s[s.length - 1] };
}

/** `12.3 ms (11.9–13.0)`, with a precision that suits the size. */
export function fmtMs(r) {
  if (!r || r.median === undefined) return r?.error ? 'error' : 'n/a';
  const f = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  return `${f(r.median)} ms (${f(r.min)}–${f(r.max)})`;
}

/** Bytes of `buf` after gzip -9, as scripts/build.sh counts them. */
export function gzipSize(buf) {
  return zlib.gzipSync(buf, { level: 9 }).length;
}
