// Trunk post-build hook (after csp.mjs): writes dist/sw.js, the service worker of www/sw.js
// with this build's file list and a hash of their contents, so every build has a new sw.js
// (the browser installs it on the next visit) and a cache of its own.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || path.join(ROOT, 'dist');

/** Every file under `dir` as a '/'-separated path relative to it, sorted. */
function files(base, sub = '') {
  return fs.readdirSync(path.join(base, sub), { withFileTypes: true }).flatMap((e) => {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    return e.isDirectory() ? files(base, rel) : [rel];
  }).sort();
}

const list = files(dir).filter((f) => f !== 'sw.js');
const hash = crypto.createHash('sha256');
for (const f of list) hash.update(f).update('\0').update(fs.readFileSync(path.join(dir, f)));
const build = hash.digest('hex').slice(0, 16);

const template = fs.readFileSync(path.join(ROOT, 'www', 'sw.js'), 'utf8');
const filled = template
  .replace(/^const BUILD = .*;$/m, `const BUILD = '${build}';`)
  .replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(list)};`);
if (!filled.includes(build) || !filled.includes(JSON.stringify(list))) {
  throw new Error('offline.mjs: www/sw.js lost its `const BUILD = ...;` or `const FILES = ...;` line');
}
fs.writeFileSync(path.join(dir, 'sw.js'), filled);
console.log(`offline: sw.js for build ${build} (${list.length} files)`);
