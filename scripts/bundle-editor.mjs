// Bundles the CodeMirror editor (www/editor/editor.js) into one minified ES module,
// www/gen/editor.js, which wasm-bindgen imports. Run by Trunk's pre-build hook and by
// scripts/test.sh before the browser tests; skipped when the bundle is newer than its inputs.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'www/editor/editor.js');
const out = path.join(root, 'www/gen/editor.js');
const inputs = [entry, path.join(root, 'package-lock.json')];
const fresh = fs.existsSync(out) &&
  inputs.every((f) => fs.statSync(f).mtimeMs <= fs.statSync(out).mtimeMs);
if (!fresh) {
  await build({ entryPoints: [entry], outfile: out, bundle: true, format: 'esm', minify: true,
    target: 'es2020', legalComments: 'none', logLevel: 'warning' });
  console.log(`editor bundle: ${fs.statSync(out).size} bytes -> ${path.relative(root, out)}`);
}
