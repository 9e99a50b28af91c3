// Where a wasm module's code bytes go: function body sizes from the code section, named by
// the name section, summed by area (interpreter, UI, std, ...), by crate (the first path
// segment of each Rust name) and by module. Legacy-mangled names (`_ZN...E`, as rustc leaves
// them before wasm-bindgen) are demangled first.
// Usage: node bench/tools/wasm-sizes.mjs MODULE.wasm [TOP_N]   (a module with its names:
// before wasm-opt, e.g. target/wasm32-unknown-unknown/release/*.wasm, or that file after
// `wasm-bindgen --target web --out-dir DIR`, which is what wasm-opt receives)
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

/** `_ZN18asyncio_playground4lang2vm3Vm4step17h0123456789abcdefE` -> `asyncio_playground::lang::vm::Vm::step`. */
const demangle = (name) => {
  const m = /^_ZN(.*)E$/.exec(name);
  if (!m) return name;
  const parts = [];
  let rest = m[1];
  while (rest.length) {
    const len = /^(\d+)/.exec(rest);
    if (!len) break;
    const start = len[1].length;
    parts.push(rest.slice(start, start + Number(len[1])));
    rest = rest.slice(start + Number(len[1]));
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  return parts.join('::').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ')
    .replace(/\$RF\$/g, '&').replace(/\$C\$/g, ',').replace(/\.\./g, '::').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}');
};

/** The part of the program a function belongs to (a component's `view` is UI: Yew inlines the
 *  component's `html!` there). */
const areaOf = (name) => {
  if (/CompStateInner.*view|asyncio_playground::(ui|share)\b|mountPlayground/.test(name)) return 'UI: this crate (ui, share, component views)';
  if (/\byew\b|web_sys|js_sys|wasm_bindgen|gloo|__wbindgen|__wbg|implicit_clone|console_error/.test(name)) return 'UI: yew, web-sys, js-sys, wasm-bindgen';
  if (/asyncio_playground::(lang|runtime|lints)\b/.test(name)) return 'interpreter + event loop (lang, runtime, lints)';
  if (/asyncio_playground::export|serde/.test(name)) return 'trace export, serde, serde_json';
  if (/asyncio_playground/.test(name)) return 'this crate, other';
  if (/num_bigint|num_integer|num_traits/.test(name)) return 'num-bigint';
  if (/flt2dec|dec2flt|fmt::float|libm|compiler_builtins|\bf64\b|\bf32\b/.test(name)) return 'std: floats, libm';
  if (/sort/.test(name)) return 'std: sorting';
  if (/hashbrown|HashMap|HashSet|btree/.test(name)) return 'std: hash and B-tree maps';
  if (/core::fmt|fmt::/.test(name)) return 'std: fmt';
  return 'std: alloc, core, other';
};

const crateOf = (name) => {
  let n = name.replace(/^<+/, '').replace(/^(dyn |&mut |&|\(|\[)+/, '');
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(::|$| as )/.exec(n);
  return m ? m[1] : '?';
};
for (const [idx, n] of names) names.set(idx, demangle(n));
const byCrate = new Map();
const byModule = new Map();
const byArea = new Map();
let total = 0;
for (const [idx, sz] of bodies) {
  const name = names.get(idx) ?? `func${idx}`;
  total += sz;
  const c = crateOf(name);
  byArea.set(areaOf(name), (byArea.get(areaOf(name)) ?? 0) + sz);
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
show('by area', byArea, topN);
show('by crate', byCrate, topN);
show('by module (first three path segments)', byModule, topN);
show('largest functions', new Map(bodies.map(([i, s]) => [names.get(i) ?? `func${i}`, s])), topN);
if (process.env.GROUP) show(`functions of ${process.env.GROUP}`, new Map(bodies.filter(([i]) => crateOf(names.get(i) ?? `func${i}`) === process.env.GROUP).map(([i, s]) => [names.get(i) ?? `func${i}`, s])), topN);
