// Bundles the code editor into one minified ES module, www/gen/editor.js, which wasm-bindgen
// imports (src/ui/editor.rs): www/editor/editor.js (the preview and the handle the Rust side
// uses) plus `function loadCodeMirror()`, whose body is www/editor/codemirror.js and its
// CodeMirror dependencies bundled as an IIFE. So the page downloads one file but evaluates
// CodeMirror only when the preview upgrades, after the first paint. Run by Trunk's pre-build
// hook and by scripts/test.sh before the browser tests; skipped when the bundle is newer than
// its inputs. `--metafile` writes target/editor-meta.json (what each module weighs).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shim = path.join(root, 'www/editor/editor.js');
const cm = path.join(root, 'www/editor/codemirror.js');
const out = path.join(root, 'www/gen/editor.js');
const metafile = process.argv.includes('--metafile');
const inputs = [shim, cm, path.join(root, 'package-lock.json'), fileURLToPath(import.meta.url)];
const fresh = !metafile && fs.existsSync(out) &&
  inputs.every((f) => fs.statSync(f).mtimeMs <= fs.statSync(out).mtimeMs);
if (!fresh) {
  const common = { bundle: true, minify: true, target: 'es2020', legalComments: 'none', logLevel: 'warning', write: false };
  const lib = await build({ ...common, entryPoints: [cm], format: 'iife', globalName: 'AiopgCodeMirror', metafile });
  const front = await build({ ...common, entryPoints: [shim], format: 'esm' });
  const text = (r) => r.outputFiles[0].text.trim();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `function loadCodeMirror(){${text(lib)};return AiopgCodeMirror}\n${text(front)}\n`);
  if (metafile) {
    fs.mkdirSync(path.join(root, 'target'), { recursive: true });
    fs.writeFileSync(path.join(root, 'target/editor-meta.json'), JSON.stringify(lib.metafile));
  }
  console.log(`editor bundle: ${fs.statSync(out).size} bytes -> ${path.relative(root, out)}`);
}
