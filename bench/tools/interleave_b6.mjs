import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { launch } from '/work/wt/lang/tests/e2e/harness.mjs';
import { serveMounts } from '/work/wt/lang/bench/lib.mjs';
const code = fs.readFileSync('/work/wt/lang/bench/programs/b6_compute.py', 'utf8');
const server = await serveMounts([['/', '/work/wt/lang/dist']]);
const browser = await launch();
const ctx = await browser.newContext();
const page = await ctx.newPage();
await page.goto(server.url + '/');
await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.benchRun, null, { timeout: 30000 });
const w = [], c = [];
for (let i = 0; i < 12; i++) {
  const r = await page.evaluate((src) => { const t0 = performance.now(); window.wasmBindings.benchRun(src); return performance.now() - t0; }, code);
  const p = spawnSync('python3', ['/work/wt/lang/bench/cpython_runner.py', '/work/wt/lang/bench/programs/b6_compute.py'], { encoding: 'utf8' });
  const ms = JSON.parse(p.stderr.split('BENCH ')[1]).ms;
  if (i > 0) { w.push(r); c.push(ms); }
  console.log(`round ${i}: wasm ${r.toFixed(1)} ms, cpython ${ms.toFixed(1)} ms, ratio ${(r / ms).toFixed(2)}`);
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
console.log(`min: wasm ${Math.min(...w).toFixed(1)} cpython ${Math.min(...c).toFixed(1)} ratio ${(Math.min(...w) / Math.min(...c)).toFixed(2)}; median ratio of rounds ${med(w.map((x, i) => x / c[i])).toFixed(2)}`);
await browser.close(); await server.close();
