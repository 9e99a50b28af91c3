// dist/ is the whole product (issue 11, "self-hostable"): every file the build loads (HTML
// src/href, CSS url()/@import, JS imports and fetches, the wasm module's imports) is a relative
// address of a file inside dist/, and no other address in it is one a browser would fetch.
// Needs no browser: it reads the files of the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from './harness.mjs';

/** Every file under dist/, relative, '/'-separated. */
function files(sub = '') {
  return fs.readdirSync(path.join(DIST, sub), { withFileTypes: true }).flatMap((e) => {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    return e.isDirectory() ? files(rel) : [rel];
  });
}
const ALL = files();
const text = (f) => fs.readFileSync(path.join(DIST, f), 'utf8');

// Addresses that appear in the build but are never fetched, each with where and why.
const NOT_FETCHED = [
  /^https:\/\/docs\.python\.org\/3\/library\/asyncio-[a-z-]+\.html(#[\w.-]*)?$/, // lint "docs" links (<a target=_blank>)
  // XML namespace names (Yew, CodeMirror, favicon.svg); in the wasm's data the next string follows at once.
  /^http:\/\/www\.w3\.org\/(2000\/svg|1998\/Math\/MathML)/,
  /^https:\/\/developer\.mozilla\.org\/[\w/.#-]+$/, // a comment in wasm-bindgen's glue
  /^https:\/\/example\.(org|com)(\/[\w/.-]*)?$/, // examples in comments and in the parent-origin check's tests
];

/**
 * Where each file loads others from: [file, address] pairs. HTML: src and href of elements
 * that fetch (not <a>); CSS: url() and @import; JS: imports, import(), fetch(),
 * new URL(…, import.meta.url), the loader's asset(…), the worker's file list.
 */
function references() {
  const refs = [];
  for (const f of ALL) {
    if (f.endsWith('.html')) {
      const html = text(f).replace(/<!--[\s\S]*?-->/g, '');
      for (const m of html.matchAll(/<(script|link|img|iframe|source|audio|video|embed|object)\b[^>]*>/gi)) {
        for (const a of m[0].matchAll(/\s(?:src|href|data|srcset)="([^"]*)"/gi)) refs.push([f, a[1]]);
      }
    } else if (f.endsWith('.css')) {
      for (const m of text(f).matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]/g)) refs.push([f, m[1] ?? m[2]]);
    } else if (f.endsWith('.js')) {
      const js = text(f);
      const patterns = [
        /\bimport\s+(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]/g,
        /\bexport\s+[\w*{}\s,$]+\s+from\s+['"]([^'"]+)['"]/g,
        /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
        /\bfetch\(\s*['"]([^'"]+)['"]/g,
        /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g,
        /\basset\(\s*['"]([^'"]+)['"]\s*\)/g,
        /\bimportScripts\(\s*['"]([^'"]+)['"]/g,
      ];
      for (const re of patterns) for (const m of js.matchAll(re)) refs.push([f, m[1]]);
      if (f === 'sw.js') for (const name of JSON.parse(js.match(/^const FILES = (.*);$/m)[1])) refs.push([f, name]);
    }
  }
  return refs;
}

test('every file the build loads is a relative address of a file inside dist/', () => {
  const refs = references();
  assert.ok(refs.length > 40, `found only ${refs.length} references: the scan is broken`);
  for (const must of ['index.html', 'embed.html', 'tutorial.html', 'loader.js', 'start.js', 'sw.js', 'asyncio-playground.js']) {
    assert.ok(refs.some(([f]) => f === must), `no reference found in ${must}`);
  }
  const bad = [];
  for (const [file, ref] of refs) {
    if (ref.startsWith('#') || ref.startsWith('data:')) continue;
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) { bad.push(`${file}: ${ref} is outside dist/`); continue; }
    if (ref.startsWith('/')) { bad.push(`${file}: ${ref} is absolute, so it breaks when dist/ is served from a sub-path`); continue; }
    const target = path.posix.join(path.posix.dirname(file), ref.split(/[?#]/)[0] || '.');
    const wanted = target === '.' || ref.endsWith('/') ? path.posix.join(target, 'index.html') : target;
    if (!ALL.includes(wanted)) bad.push(`${file}: ${ref} names ${wanted}, which is not in dist/`);
  }
  assert.deepEqual(bad, []);
});

test('the wasm module imports only from its own JS glue', async () => {
  const wasm = ALL.filter((f) => f.endsWith('.wasm'));
  assert.ok(wasm.length >= 1);
  for (const f of wasm) {
    const module = await WebAssembly.compile(fs.readFileSync(path.join(DIST, f)));
    const from = [...new Set(WebAssembly.Module.imports(module).map((i) => i.module))];
    for (const m of from) assert.doesNotMatch(m, /^[a-z][a-z0-9+.-]*:|^\/\//i, `${f} imports from ${m}`);
  }
});

test('no other address in dist/ is one a browser would fetch (no CDN, no fonts, no analytics)', () => {
  const seen = [];
  for (const f of ALL) {
    const body = fs.readFileSync(path.join(DIST, f)).toString('latin1');
    // (Strings run together in the wasm's data: an address ends where the next one starts.)
    for (const [url] of body.matchAll(/https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:\/(?:(?!https?:)[\w/.#%~+-])*)?/gi)) {
      if (!NOT_FETCHED.some((re) => re.test(url))) seen.push(`${f}: ${url}`);
    }
  }
  assert.deepEqual(seen, [], 'an address outside dist/; if it is never fetched, add it to NOT_FETCHED with the reason');
});
