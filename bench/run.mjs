// The benchmark command's driver (run by scripts/bench.sh, which builds what it needs first).
// Runs bench/programs/ on five engines on this machine: the native CLI (target/cli/aioplay),
// the release wasm build in headless Chromium (dist/, `wasmBindings.benchRun`), CPython
// (`python3`), Pyodide in the same Chromium, and plain-JS equivalents of B1/B2/B3/B7; then
// load, rendering and memory. Writes docs/performance.md and target/bench/results.json.
// Usage: node bench/run.mjs [--runs N] [--skip engine,engine] (engines: cli, wasm, cpython,
//        pyodide, js, load, render, memory) | --report-only (rewrite the doc from the last
//        results). Never fails on a slow figure: it only measures.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/harness.mjs';
import { serveMounts, median, fmtMs, gzipSize } from './lib.mjs';
import { writeReport } from './report.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, 'bench');
const PROGRAMS = path.join(BENCH, 'programs');
const CLI = path.join(ROOT, 'target', 'cli', 'aioplay');
const THROUGHPUT = ['b1_spawn', 'b2_switch', 'b3_cancel', 'b4_wait_for', 'b5_groups', 'b6_compute', 'b7_chain'];
const JS_TWINS = ['b1_spawn', 'b2_switch', 'b3_cancel', 'b7_chain'];
/** A rendering run still going after this long is stopped (and reported as unfinished). */
const RENDER_LIMIT_MS = 60000;

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const RUNS = Math.max(1, Number(opt('--runs', 5)));
const SKIP = new Set(opt('--skip', '').split(',').filter(Boolean));
const program = (name) => fs.readFileSync(path.join(PROGRAMS, `${name}.py`), 'utf8');
const expected = (name) => fs.readFileSync(path.join(PROGRAMS, `${name}.out`), 'utf8');
const log = (...a) => console.log('[bench]', ...a);

/** Runs `once` one warm-up time and then RUNS times; each call returns [ms, output]. The
 *  output must equal the program's recorded CPython output. */
async function measure(label, name, once) {
  const want = expected(name);
  const runs = [];
  let error = null;
  for (let i = 0; i <= RUNS; i++) {
    const [ms, out] = await once();
    if (out !== want) { error = `printed ${JSON.stringify(out.slice(0, 200))}, expected ${JSON.stringify(want)}`; break; }
    if (i > 0) runs.push(ms);
  }
  const r = error ? { error } : { runs, ...median(runs) };
  log(`${label.padEnd(8)} ${name.padEnd(12)} ${error ? 'ERROR ' + error : fmtMs(r)}`);
  return r;
}

function machine() {
  const cpu = os.cpus();
  const v = (cmd, a) => { const r = spawnSync(cmd, a, { encoding: 'utf8' }); return (r.stdout || r.stderr || '').trim().split('\n')[0]; };
  const pyodidePkg = path.join(BENCH, 'node_modules', 'pyodide', 'package.json');
  return {
    cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length,
    memGiB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(), node: process.version,
    python: v('python3', ['--version']), chromium: v(process.env.CHROMIUM || '/usr/bin/chromium', ['--version']),
    rustc: v('rustc', ['--version']),
    pyodide: fs.existsSync(pyodidePkg) ? JSON.parse(fs.readFileSync(pyodidePkg, 'utf8')).version : 'not installed',
  };
}

/** One native process; the time is the child's wall time from spawn to exit. */
function cliOnce(name) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(CLI, ['run', path.join(PROGRAMS, `${name}.py`)], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return [ms, r.stdout + r.stderr];
}

/** One CPython process; the time is the runner's own (compile + run, after `import asyncio`). */
function cpythonOnce(name) {
  const r = spawnSync('python3', [path.join(BENCH, 'cpython_runner.py'), path.join(PROGRAMS, `${name}.py`)], { encoding: 'utf8' });
  const m = /BENCH (\{.*\})/.exec(r.stderr);
  if (!m) return [NaN, r.stdout + r.stderr];
  const info = JSON.parse(m[1]);
  return [info.ms, r.stdout + r.stderr.replace(m[0], '').replace(/^\n/, ''), info];
}

/** Peak resident memory of a native run, via GNU time when the machine has it. */
function peakRss(cmd, a) {
  if (!fs.existsSync('/usr/bin/time')) return null;
  const r = spawnSync('/usr/bin/time', ['-f', 'MAXRSS %M', cmd, ...a], { encoding: 'utf8' });
  const m = /MAXRSS (\d+)/.exec(r.stderr);
  return m ? Number(m[1]) * 1024 : null;
}

async function main() {
  if (args.includes('--report-only')) {
    // Re-renders docs/performance.md from the last run's figures (after editing report.mjs).
    const last = JSON.parse(fs.readFileSync(path.join(ROOT, 'target', 'bench', 'results.json'), 'utf8'));
    writeReport(last, path.join(ROOT, 'docs', 'performance.md'));
    log('rewrote docs/performance.md from target/bench/results.json');
    return;
  }
  const results = { machine: machine(), runs: RUNS, throughput: {}, load: {}, render: {}, memory: {} };
  const t = results.throughput;
  for (const n of THROUGHPUT) t[n] = {};
  // Parts left out with --skip keep the last run's figures (so one part can be re-measured).
  const lastFile = path.join(ROOT, 'target', 'bench', 'results.json');
  const last = SKIP.size && fs.existsSync(lastFile) ? JSON.parse(fs.readFileSync(lastFile, 'utf8')) : null;
  if (last) {
    for (const n of THROUGHPUT) for (const e of ['cli', 'cpython', 'wasm', 'js', 'pyodide']) {
      if (SKIP.has(e) && last.throughput?.[n]?.[e]) t[n][e] = last.throughput[n][e];
    }
    if (SKIP.has('cli')) results.cliStartup = last.cliStartup;
    for (const part of ['load', 'render', 'memory']) if (SKIP.has(part)) results[part] = last[part] ?? {};
    results.kept = [...SKIP];
  }
  log(`machine: ${results.machine.cpu}, ${results.machine.cores} cores; ${RUNS} runs after one warm-up`);

  if (!SKIP.has('cli')) {
    const base = await measure('cli', 'empty', async () => cliOnce('empty'));
    results.cliStartup = base;
    for (const n of THROUGHPUT) t[n].cli = await measure('cli', n, async () => cliOnce(n));
  }
  if (!SKIP.has('cpython')) {
    for (const n of THROUGHPUT) t[n].cpython = await measure('cpython', n, async () => cpythonOnce(n));
  }

  const dist = path.join(ROOT, 'dist');
  const pyodideDir = path.join(BENCH, 'node_modules', 'pyodide');
  const inBrowser = ['wasm', 'js', 'pyodide', 'load', 'memory', 'render'].some((k) => !SKIP.has(k));
  const server = inBrowser && await serveMounts([['/bench/', path.join(BENCH, 'web')], ['/pyodide/', pyodideDir], ['/', dist]]);
  const browser = inBrowser && await launch();
  if (inBrowser) try {
    if (!SKIP.has('wasm')) {
      const page = await openApp(browser, server.url);
      for (const n of THROUGHPUT) {
        const code = program(n);
        t[n].wasm = await measure('wasm', n, () => page.evaluate((c) => {
          const t0 = performance.now();
          const out = window.wasmBindings.benchRun(c);
          return [performance.now() - t0, out];
        }, code));
      }
      await page.close();
    }
    if (!SKIP.has('js')) {
      const page = await openBenchPage(browser, server.url);
      for (const n of JS_TWINS) t[n].js = await measure('js', n, () => page.evaluate((name) => window.bench.js(name).then(([ms, l]) => [ms, l + '\n']), n));
      await page.close();
    }
    if (!SKIP.has('pyodide')) {
      const page = await openBenchPage(browser, server.url);
      await page.evaluate(() => window.bench.loadPyodide());
      for (const n of THROUGHPUT) {
        const code = program(n).replace(/^asyncio\.run\(main\(\)\)\s*$/m, 'await main()');
        t[n].pyodide = await measure('pyodide', n, () => page.evaluate((c) => window.bench.py(c), code));
      }
      await page.close();
    }
    if (!SKIP.has('load')) results.load = await measureLoad(browser, server.url, dist);
    if (!SKIP.has('memory')) results.memory = await measureMemory(browser, server.url);
    if (!SKIP.has('render')) results.render = await measureRender(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
  else log('browser parts skipped');

  fs.mkdirSync(path.join(ROOT, 'target', 'bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'target', 'bench', 'results.json'), JSON.stringify(results, null, 2));
  writeReport(results, path.join(ROOT, 'docs', 'performance.md'));
  log('wrote docs/performance.md and target/bench/results.json');
}

async function openApp(browser, url) {
  const page = await browser.newPage();
  await page.goto(url + '/');
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.benchRun, null, { timeout: 30000 });
  return page;
}

async function openBenchPage(browser, url) {
  const page = await browser.newPage();
  await page.goto(url + '/bench/index.html');
  await page.waitForFunction(() => window.benchReady === true);
  return page;
}

/** First load: the gzip size of the wasm, JS and CSS the playground page requests until its
 *  editor is CodeMirror (the editor upgrades after the first paint, and the budget counts it),
 *  navigation to first output (Run clicked as soon as it exists) and Pyodide's time to ready,
 *  fresh profile each. Files only other pages use (embed.html, loader.js, the tutorial) are
 *  not counted: the first run lists what the page fetched. */
async function measureLoad(browser, url, dist) {
  const fetched = new Set();
  const marks = { runClickable: [], firstOutput: [], editorReady: [] };
  let firstProgram = null;
  for (let i = 0; i <= RUNS; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    if (i === 0) {
      page.on('request', (req) => {
        const p = new URL(req.url()).pathname;
        if (/\.(wasm|js|css)$/.test(p)) fetched.add(decodeURIComponent(p.slice(1)));
      });
    }
    await page.addInitScript(() => {
      // Click Run the moment it exists; note when the console first shows output and when the
      // editor is CodeMirror.
      const m = (window.__loadMarks = {});
      const obs = new MutationObserver(() => {
        const run = document.getElementById('run');
        if (m.runClickable === undefined && run && !run.disabled) { m.runClickable = performance.now(); run.click(); }
        const out = document.getElementById('console');
        if (m.firstOutput === undefined && out && out.textContent.trim() !== '') m.firstOutput = performance.now();
        if (m.editorReady === undefined && document.querySelector('#code .cm-content')) m.editorReady = performance.now();
        if (m.firstOutput !== undefined && m.editorReady !== undefined) obs.disconnect();
      });
      obs.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    await page.goto(url + '/');
    await page.waitForFunction(() => window.__loadMarks.firstOutput !== undefined && window.__loadMarks.editorReady !== undefined, null, { timeout: 30000 });
    const m = await page.evaluate(() => window.__loadMarks);
    if (firstProgram === null) firstProgram = await page.evaluate(() => document.querySelector('#code .cm-content')?.innerText ?? '');
    if (i > 0) for (const k of Object.keys(marks)) marks[k].push(m[k]);
    await ctx.close();
  }
  const sizes = [...fetched].sort().map((f) => {
    const buf = fs.readFileSync(path.join(dist, f));
    return { file: f, raw: buf.length, gzip: gzipSize(buf) };
  });
  const total = { raw: sizes.reduce((a, s) => a + s.raw, 0), gzip: sizes.reduce((a, s) => a + s.gzip, 0) };
  log(`load     size ${total.gzip} B gzip (${total.raw} B raw) in ${sizes.length} files`);
  const playground = { runClickable: median(marks.runClickable), firstOutput: median(marks.firstOutput), editorReady: median(marks.editorReady) };
  log(`load     playground first output ${fmtMs(playground.firstOutput)}`);

  let pyodide = null;
  if (!SKIP.has('pyodide')) {
    const ready = [], first = [];
    for (let i = 0; i <= RUNS; i++) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await page.addInitScript((code) => { window.FIRST_PROGRAM = code; }, firstProgram);
      await page.goto(url + '/bench/pyodide_load.html');
      await page.waitForFunction(() => window.pyodideMarks && (window.pyodideMarks.firstOutput !== undefined || window.pyodideMarks.error), null, { timeout: 60000 });
      const m = await page.evaluate(() => window.pyodideMarks);
      await ctx.close();
      if (m.error) { pyodide = { error: m.error }; break; }
      if (i > 0) { ready.push(m.ready); first.push(m.firstOutput); }
    }
    if (!pyodide) pyodide = { ready: median(ready), firstOutput: median(first) };
    log(`load     pyodide ready ${pyodide.ready ? fmtMs(pyodide.ready) : pyodide.error}`);
  }
  return { sizes, total, playground, pyodide };
}

/** Memory: 100,000 sleeping tasks; wasm memory before and after (it only grows), in a fresh
 *  page; the native engines' peak RSS beside it. */
async function measureMemory(browser, url) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(url + '/');
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.benchRun, null, { timeout: 30000 });
  const r = await page.evaluate((c) => {
    const before = window.wasmBindings.wasmMemoryBytes();
    const t0 = performance.now();
    const out = window.wasmBindings.benchRun(c);
    return { before, after: window.wasmBindings.wasmMemoryBytes(), ms: performance.now() - t0, out };
  }, program('mem_100k'));
  await ctx.close();
  const ok = r.out === expected('mem_100k');
  const mem = { wasmBefore: r.before, wasmAfter: r.after, ms: r.ms, ok, out: ok ? undefined : r.out.slice(0, 300) };
  mem.cliRss = fs.existsSync(CLI) ? peakRss(CLI, ['run', path.join(PROGRAMS, 'mem_100k.py')]) : null;
  const py = cpythonOnce('mem_100k');
  mem.cpythonRss = py[2] ? py[2].maxrss_kb * 1024 : null;
  log(`memory   wasm ${(r.after / 2 ** 20).toFixed(1)} MiB after 100k tasks (${ok ? 'ok' : 'WRONG OUTPUT'})`);
  return mem;
}

/** Rendering: the 10,000-task program at 1x in the full UI; frame times from rAF timestamps
 *  and long tasks from a PerformanceObserver, from the click on Run to "Finished". */
async function measureRender(browser, url) {
  const code = program('render_10k');
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(url + '/');
    await page.waitForSelector('#code .cm-content');
    await page.click('#code .cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(code);
    await page.evaluate(() => {
      const r = (window.__render = { frames: [], longtasks: [], done: false });
      new PerformanceObserver((l) => { for (const e of l.getEntries()) r.longtasks.push(e.duration); }).observe({ type: 'longtask' });
      const tick = (ts) => { r.frames.push(ts); if (!r.done) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      r.start = performance.now();
      document.getElementById('run').click();
    });
    let finished = true;
    try {
      await page.waitForSelector('#status:text("Finished")', { timeout: RENDER_LIMIT_MS });
    } catch { finished = false; }
    const r = await page.evaluate(() => { window.__render.done = true; return { ...window.__render, end: performance.now() }; });
    const out = await page.textContent('#console');
    await ctx.close();
    const gaps = r.frames.slice(1).map((f, k) => f - r.frames[k]).sort((a, b) => a - b);
    const p95 = gaps.length ? gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))] : NaN;
    const sample = {
      finished, ok: out.includes(expected('render_10k').trim()), wallMs: r.end - r.start, frames: gaps.length,
      p95, maxGap: gaps.length ? gaps[gaps.length - 1] : NaN,
      longtasks: r.longtasks.length, longestTask: r.longtasks.length ? Math.max(...r.longtasks) : 0,
    };
    samples.push(sample);
    log(`render   run ${i + 1}: p95 ${sample.p95.toFixed(1)} ms, max gap ${sample.maxGap.toFixed(0)} ms, ${sample.frames} frames in ${(sample.wallMs / 1000).toFixed(1)} s${finished ? '' : ' (NOT FINISHED)'}`);
    if (!finished) break; // one run that cannot finish in the limit says enough
  }
  return {
    samples,
    p95: median(samples.map((s) => s.p95)), maxGap: median(samples.map((s) => s.maxGap)),
    wallMs: median(samples.map((s) => s.wallMs)), longestTask: median(samples.map((s) => s.longestTask)),
  };
}

await main();
