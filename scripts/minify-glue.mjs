// Trunk post-build hook (release builds, before csp.mjs): minifies the wasm-bindgen glue
// (asyncio-playground.js; Trunk's own minifier leaves it as it is) with esbuild, keeping its
// exports and module form, and updates the Subresource Integrity hashes the pages carry for
// it. Usage: node scripts/minify-glue.mjs [dir] (default $TRUNK_STAGING_DIR or dist).
import { transform } from 'esbuild';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const file = path.join(dir, 'asyncio-playground.js');
const sri = (buf) => `sha384-${crypto.createHash('sha384').update(buf).digest('base64')}`;
const before = fs.readFileSync(file);
const { code } = await transform(before.toString('utf8'), {
  minify: true, format: 'esm', target: 'es2020', legalComments: 'none', logLevel: 'warning',
});
fs.writeFileSync(file, code);
const [oldSri, newSri] = [sri(before), sri(Buffer.from(code))];
let pages = 0;
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.html'))) {
  const page = path.join(dir, name);
  const html = fs.readFileSync(page, 'utf8');
  if (html.includes(oldSri)) { fs.writeFileSync(page, html.split(oldSri).join(newSri)); pages++; }
}
console.log(`minify-glue: ${before.length} -> ${code.length} bytes, integrity updated in ${pages} page(s)`);
