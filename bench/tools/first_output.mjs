// Time from navigation to the first program output, as the bench's load part measures it
// (Run clicked the moment it exists, fresh browser context each load), for one or more
// builds taken in turn, so builds compared in one run see the same machine load.
// Usage: node bench/tools/first_output.mjs [--loads N] [--block-sw] DIST [DIST...]
// (DIST defaults to dist/). Prints per build: Run clickable and first output, median (min–max).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../../tests/e2e/harness.mjs';
import { serveMounts, median } from '../lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
let loads = 7, blockSw = false;
const dists = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--loads') loads = Number(args[++i]);
  else if (args[i] === '--block-sw') blockSw = true;
  else dists.push(path.resolve(args[i]));
}
if (dists.length === 0) dists.push(path.join(ROOT, 'dist'));

const servers = await Promise.all(dists.map((d) => serveMounts([['/', d]])));
const browser = await launch();
const marks = dists.map(() => ({ runClickable: [], firstOutput: [] }));
try {
  // One warm-up load per build, then `loads` rounds, each build once per round.
  for (let round = 0; round <= loads; round++) {
    for (let b = 0; b < dists.length; b++) {
      const ctx = await browser.newContext(blockSw ? { serviceWorkers: 'block' } : {});
      const page = await ctx.newPage();
      await page.addInitScript(() => {
        const m = (window.__loadMarks = {});
        const obs = new MutationObserver(() => {
          const run = document.getElementById('run');
          if (m.runClickable === undefined && run && !run.disabled) { m.runClickable = performance.now(); run.click(); }
          const out = document.getElementById('console');
          if (m.firstOutput === undefined && out && out.textContent.trim() !== '') { m.firstOutput = performance.now(); obs.disconnect(); }
        });
        obs.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      });
      await page.goto(servers[b].url + '/');
      await page.waitForFunction(() => window.__loadMarks.firstOutput !== undefined, null, { timeout: 30000 });
      const m = await page.evaluate(() => window.__loadMarks);
      if (round > 0) { marks[b].runClickable.push(m.runClickable); marks[b].firstOutput.push(m.firstOutput); }
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
const fmt = (xs) => { const m = median(xs); return `${m.median.toFixed(0)} ms (${m.min.toFixed(0)}–${m.max.toFixed(0)})`; };
dists.forEach((d, b) => {
  console.log(`${path.relative(ROOT, d) || d}: Run clickable ${fmt(marks[b].runClickable)}, first output ${fmt(marks[b].firstOutput)}`);
});
