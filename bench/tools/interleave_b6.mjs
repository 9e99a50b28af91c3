// B6 in the release wasm build against CPython 3.11, alternated run by run so both see the
// same machine load (docs/performance.md, "Throughput"). Usage, after `bash scripts/build.sh`:
// node bench/tools/interleave_b6.mjs [rounds]   (default 12; the first round is a warm-up)
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launch } from '../../tests/e2e/harness.mjs';
import { serveMounts, median } from '../lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const program = path.join(ROOT, 'bench', 'programs', 'b6_compute.py');
const code = fs.readFileSync(program, 'utf8');
const expected = fs.readFileSync(path.join(ROOT, 'bench', 'programs', 'b6_compute.out'), 'utf8');
const rounds = Number(process.argv[2] ?? 12);
const server = await serveMounts([['/', path.join(ROOT, 'dist')]]);
const browser = await launch();
try {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.url + '/');
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.benchRun, null, { timeout: 30000 });
  const w = [], c = [], ratios = [];
  for (let i = 0; i < rounds; i++) {
    const r = await page.evaluate((src) => {
      const t0 = performance.now();
      const out = window.wasmBindings.benchRun(src);
      return { ms: performance.now() - t0, out };
    }, code);
    if (r.out !== expected) throw new Error(`wasm printed ${JSON.stringify(r.out.slice(0, 200))}`);
    const p = spawnSync('python3', [path.join(ROOT, 'bench', 'cpython_runner.py'), program], { encoding: 'utf8' });
    const bench = p.stderr.split('BENCH ')[1];
    if (!bench) throw new Error(`cpython_runner.py failed: ${p.stderr}`);
    const ms = JSON.parse(bench).ms;
    console.log(`round ${i}: wasm ${r.ms.toFixed(1)} ms, cpython ${ms.toFixed(1)} ms, ratio ${(r.ms / ms).toFixed(2)}${i === 0 ? ' (warm-up)' : ''}`);
    if (i > 0) { w.push(r.ms); c.push(ms); ratios.push(r.ms / ms); }
  }
  const mw = median(w), mc = median(c);
  console.log(`wasm ${mw.min.toFixed(1)}–${mw.max.toFixed(1)} ms (median ${mw.median.toFixed(1)}), cpython ${mc.min.toFixed(1)}–${mc.max.toFixed(1)} ms (median ${mc.median.toFixed(1)})`);
  console.log(`median ratio of rounds (wasm ÷ CPython): ${median(ratios).median.toFixed(2)} over ${ratios.length} rounds`);
  await ctx.close();
} finally {
  await browser.close();
  await server.close();
}
