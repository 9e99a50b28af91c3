// A quick look at the release build while working on the VM: wasm memory after
// bench/programs/mem_100k.py and B6's time in headless Chromium, without rewriting
// docs/performance.md (that is `bash scripts/bench.sh`'s job). Usage, after
// `bash scripts/build.sh`: node bench/tools/quick.mjs [runs]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../../tests/e2e/harness.mjs';
import { serveMounts, median } from '../lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (n) => fs.readFileSync(path.join(ROOT, 'bench', 'programs', n), 'utf8');
const runs = Number(process.argv[2] ?? 5);
const server = await serveMounts([['/', path.join(ROOT, 'dist')]]);
const browser = await launch();
try {
  const open = async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(server.url + '/');
    await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.benchRun, null, { timeout: 30000 });
    return { ctx, page };
  };
  let { ctx, page } = await open();
  const mem = await page.evaluate((c) => {
    const before = window.wasmBindings.wasmMemoryBytes();
    const out = window.wasmBindings.benchRun(c);
    return { before, after: window.wasmBindings.wasmMemoryBytes(), out };
  }, read('mem_100k.py'));
  const okMem = mem.out === read('mem_100k.out');
  console.log(`mem_100k: ${(mem.after / 2 ** 20).toFixed(1)} MiB (before ${(mem.before / 2 ** 20).toFixed(1)}) ${okMem ? 'ok' : 'WRONG ' + mem.out.slice(0, 200)}`);
  await ctx.close();
  ({ ctx, page } = await open());
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const r = await page.evaluate((c) => {
      const t0 = performance.now();
      const out = window.wasmBindings.benchRun(c);
      return { ms: performance.now() - t0, out };
    }, read('b6_compute.py'));
    if (r.out !== read('b6_compute.out')) console.log('B6 WRONG', r.out);
    if (i > 0) times.push(r.ms);
  }
  console.log(`b6_compute: median ${median(times).median.toFixed(1)} ms (${times.map((t) => t.toFixed(1)).join(', ')})`);
  await ctx.close();
} finally {
  await browser.close();
  await server.close();
}
