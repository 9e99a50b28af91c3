// Where a wasm module's code bytes go: function body sizes from the code section, named by
// the name section, summed by crate (the first path segment of each Rust name).
// Usage: node bench/tools/wasm-sizes.mjs MODULE.wasm [TOP_N]   (a module with its names:
// the wasm-bindgen output before wasm-opt, e.g. target/wasm32-unknown-unknown/release/*.wasm)
import fs from 'node:fs';

const buf = fs.readFileSync(process.argv[2]);
const topN = Number(process.argv[3] ?? 40);
let pos = 8;
const leb = () => { let r = 0, s = 0, b; do { b = buf[pos++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return r; };
const str = () => { const n = leb(); const s = buf.toString('utf8', pos, pos + n); pos += n; return s; };

let imported = 0;
const bodies = [];
const names = new Map();
const sections = [];
while (pos < buf.length) {
  const id = buf[pos++];
  const size = leb();
  const end = pos + size;
  if (id === 0) {
    const name = str();
    sections.push([`custom:${name}`, size]);
    if (name === 'name') {
      while (pos < end) {
        const sub = buf[pos++]; const subSize = leb(); const subEnd = pos + subSize;
        if (sub === 1) { const n = leb(); for (let i = 0; i < n; i++) { const idx = leb(); names.set(idx, str()); } }
        pos = subEnd;
      }
    }
  } else {
    sections.push([`section ${id}`, size]);
    if (id === 2) {
      const n = leb();
      for (let i = 0; i < n; i++) {
        str(); str(); const kind = buf[pos++];
        if (kind === 0) { leb(); imported++; } else if (kind === 1) { pos++; const f = leb(); leb(); if (f & 1) leb(); }
        else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) { pos += 2; } else if (kind === 4) { pos++; leb(); }
      }
    } else if (id === 10) {
      const n = leb();
      for (let i = 0; i < n; i++) { const sz = leb(); bodies.push([imported + i, sz]); pos += sz; }
    }
  }
  pos = end;
}

const crateOf = (name) => {
  let n = name.replace(/^<+/, '').replace(/^(dyn |&mut |&|\(|\[)+/, '');
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(::|$| as )/.exec(n);
  return m ? m[1] : '?';
};
const byCrate = new Map();
const byModule = new Map();
let total = 0;
for (const [idx, sz] of bodies) {
  const name = names.get(idx) ?? `func${idx}`;
  total += sz;
  const c = crateOf(name);
  byCrate.set(c, (byCrate.get(c) ?? 0) + sz);
  const mod = name.replace(/^<+/, '').split('::').slice(0, 3).join('::').replace(/<.*$/, '');
  byModule.set(mod, (byModule.get(mod) ?? 0) + sz);
}
const show = (title, m, n) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${String(v).padStart(9)}  ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
};
console.log(`file ${buf.length} B; code ${total} B in ${bodies.length} functions`);
console.log(sections.map(([k, v]) => `${k}=${v}`).join('  '));
show('by crate', byCrate, topN);
show('by module (first three path segments)', byModule, topN);
show('largest functions', new Map(bodies.map(([i, s]) => [names.get(i) ?? `func${i}`, s])), topN);
if (process.env.GROUP) show(`functions of ${process.env.GROUP}`, new Map(bodies.filter(([i]) => crateOf(names.get(i) ?? `func${i}`) === process.env.GROUP).map(([i, s]) => [names.get(i) ?? `func${i}`, s])), topN);
