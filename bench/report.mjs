// Writes the measured part of docs/performance.md: everything between the two markers is
// replaced on each run; the hand-written analysis around them (profiles, before/after) stays.
import fs from 'node:fs';
import { fmtMs } from './lib.mjs';

const BEGIN = '<!-- bench:begin (written by scripts/bench.sh; edits here are overwritten) -->';
const END = '<!-- bench:end -->';
const ENGINES = [
  ['cli', 'CLI native'], ['wasm', 'wasm in Chromium'], ['cpython', 'CPython 3.11 native'],
  ['pyodide', 'Pyodide in Chromium'], ['js', 'plain JS in Chromium'],
];
const TITLES = {
  b1_spawn: 'B1 spawn 10k', b2_switch: 'B2 switch 100×1k', b3_cancel: 'B3 cancel 10k',
  b4_wait_for: 'B4 wait_for 10k', b5_groups: 'B5 TaskGroups 1k×10', b6_compute: 'B6 compute 1M',
  b7_chain: 'B7 chain 1k',
};
// Sizes in decimal kilobytes, as the budget (400 KB) and scripts/build.sh's byte counts read.
const KB = (b) => `${(b / 1000).toFixed(1)} KB`;
const MiB = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;

/** `a / b` of two medians as `3.2×`, or `–`. */
function ratio(a, b) {
  if (!a?.median || !b?.median) return '–';
  const r = a.median / b.median;
  return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`;
}

function throughputTables(res) {
  const names = Object.keys(res.throughput);
  const head = `| benchmark | ${ENGINES.map(([, t]) => t).join(' | ')} |\n|---|${ENGINES.map(() => '---:').join('|')}|`;
  const rows = names.map((n) => `| ${TITLES[n] ?? n} | ${ENGINES.map(([k]) => fmtMs(res.throughput[n][k])).join(' | ')} |`);
  const pairs = [
    ['pyodide', 'wasm', 'Pyodide ÷ wasm'], ['cpython', 'wasm', 'CPython ÷ wasm'],
    ['cpython', 'cli', 'CPython ÷ CLI'], ['wasm', 'cli', 'wasm ÷ CLI'], ['wasm', 'js', 'wasm ÷ JS'],
  ];
  const rhead = `| benchmark | ${pairs.map(([, , t]) => t).join(' | ')} |\n|---|${pairs.map(() => '---:').join('|')}|`;
  const rrows = names.map((n) => `| ${TITLES[n] ?? n} | ${pairs.map(([a, b]) => ratio(res.throughput[n][a], res.throughput[n][b])).join(' | ')} |`);
  return `${head}\n${rows.join('\n')}\n\nRatios of medians, pair by pair (above 1: the second engine is faster):\n\n${rhead}\n${rrows.join('\n')}`;
}

function budgets(res) {
  const rows = [];
  const t = res.throughput;
  const yes = (b) => (b ? 'met' : '**missed**');
  for (const n of Object.keys(t)) {
    const w = t[n].wasm?.median, p = t[n].pyodide?.median, c = t[n].cpython?.median;
    if (w && p) rows.push([`${TITLES[n]}: wasm faster than Pyodide`, w < p ? `${ratio(t[n].pyodide, t[n].wasm)} faster` : `${ratio(t[n].wasm, t[n].pyodide)} slower`, yes(w < p)]);
    if (w && c) {
      const limit = n === 'b6_compute' ? 1.5 : 1;
      const text = n === 'b6_compute' ? 'wasm within 1.5× of CPython' : 'wasm faster than CPython';
      rows.push([`${TITLES[n]}: ${text}`, `wasm ÷ CPython = ${(w / c).toFixed(2)}`, yes(w / c < limit)]);
    }
  }
  const l = res.load;
  if (l?.total) rows.push(['first load ≤ 400 KB gzip (wasm + JS + CSS)', `${KB(l.total.gzip)} (${l.total.gzip} B)`, yes(l.total.gzip <= 400 * 1000)]);
  if (l?.playground?.firstOutput?.median) rows.push(['navigation → first output < 300 ms', fmtMs(l.playground.firstOutput), yes(l.playground.firstOutput.median < 300)]);
  const r = res.render;
  if (r?.p95?.median !== undefined) {
    rows.push(['10k tasks at 1x: p95 frame ≤ 33 ms', fmtMs(r.p95), yes(r.p95.median <= 33)]);
    rows.push(['10k tasks at 1x: no main-thread gap > 100 ms', `longest frame gap ${fmtMs(r.maxGap)}`, yes(r.maxGap.median <= 100)]);
  }
  const m = res.memory;
  if (m?.wasmAfter) rows.push(['100,000 sleeping tasks < 64 MB wasm memory', MiB(m.wasmAfter), yes(m.wasmAfter < 64 * 2 ** 20 && m.ok)]);
  return `| budget | measured | |\n|---|---|---|\n${rows.map((x) => `| ${x.join(' | ')} |`).join('\n')}`;
}

function loadSection(l) {
  if (!l?.total) return 'Not measured in this run.';
  const files = l.sizes.map((s) => `| \`${s.file}\` | ${KB(s.raw)} | ${KB(s.gzip)} |`).join('\n');
  const py = l.pyodide?.ready ? `| Pyodide: navigation → \`loadPyodide()\` resolved | ${fmtMs(l.pyodide.ready)} |\n| Pyodide: navigation → the same program's first output | ${fmtMs(l.pyodide.firstOutput)} |`
    : `| Pyodide | ${l.pyodide?.error ?? 'not measured'} |`;
  return `What the playground page requests (wasm, JS, CSS) until its editor is CodeMirror:\n\n| file | raw | gzip -9 |\n|---|---:|---:|\n${files}\n| **total** | ${KB(l.total.raw)} | **${KB(l.total.gzip)}** |\n\n` +
    `| from navigation start, localhost, fresh profile each run | median (min–max) |\n|---|---:|\n` +
    `| playground: Run button clickable (clicked at once) | ${fmtMs(l.playground.runClickable)} |\n` +
    `| playground: first output of the program shown at load | ${fmtMs(l.playground.firstOutput)} |\n` +
    (l.playground.editorReady ? `| playground: the editor is CodeMirror (upgraded once the page is idle) | ${fmtMs(l.playground.editorReady)} |\n` : '') + py;
}

function renderSection(r) {
  if (!r?.samples?.length) return 'Not measured in this run.';
  const rows = r.samples.map((s, i) => `| ${i + 1} | ${s.p95.toFixed(1)} ms | ${s.maxGap.toFixed(0)} ms | ${s.frames} | ${s.longtasks} (longest ${s.longestTask.toFixed(0)} ms) | ${(s.wallMs / 1000).toFixed(1)} s | ${s.finished ? (s.ok ? 'yes' : 'wrong output') : '**no** (stopped after 60 s)'} |`).join('\n');
  return `| run | p95 frame | longest frame gap | frames | long tasks | Run → Finished | finished |\n|---|---:|---:|---:|---:|---:|---|\n${rows}`;
}

function memorySection(m) {
  if (!m?.wasmAfter) return 'Not measured in this run.';
  const rss = (x) => (x ? MiB(x) : 'n/a');
  return `| engine | memory | |\n|---|---:|---|\n` +
    `| wasm in Chromium | ${MiB(m.wasmAfter)} | linear memory after the run (its peak; ${MiB(m.wasmBefore)} before), ${m.ms.toFixed(0)} ms, output ${m.ok ? 'correct' : 'WRONG: ' + m.out} |\n` +
    `| CLI native | ${rss(m.cliRss)} | peak RSS (GNU time), whole process |\n` +
    `| CPython 3.11 native | ${rss(m.cpythonRss)} | peak RSS (\`ru_maxrss\`), whole process |`;
}

/** The generated block. */
export function renderReport(res) {
  const mc = res.machine;
  const cli = res.cliStartup?.median !== undefined ? ` An empty asyncio program takes ${fmtMs(res.cliStartup)} in the CLI (process start-up included in its figures).` : '';
  return `${BEGIN}
Measured ${mc.date.slice(0, 16).replace('T', ' ')} UTC on ${mc.cpu}, ${mc.cores} cores, ${mc.memGiB} GiB, ${mc.os}
(shared with other work, so expect noise); ${mc.chromium}, ${mc.python}, Pyodide ${mc.pyodide}, Node ${mc.node}, ${mc.rustc}.
Each figure is the median of ${res.runs} runs after one warm-up, with min–max.${res.kept ? ` Kept from the previous run (left out with \`--skip\`): ${res.kept.join(', ')}.` : ''}

### Budgets

${budgets(res)}

### Throughput (milliseconds per program)

${throughputTables(res)}

How each engine is timed: **CLI**: wall time of one \`target/cli/aioplay run\` process (start-up
included).${cli} **wasm**: \`wasmBindings.benchRun(code)\` in the release build's page
(\`performance.now()\` around compile + run to the end on the virtual clock, tracing off, as the
CLI runs). **CPython**: \`bench/cpython_runner.py\` times compile + \`exec\` after \`import asyncio\`.
**Pyodide**: \`runPythonAsync\` of the program with its last line \`asyncio.run(main())\` written
as \`await main()\` (Pyodide's WebLoop; \`import asyncio\` done before). **JS**:
\`bench/web/js_equivalents.mjs\` (\`await Promise.resolve()\` for \`sleep(0)\`, \`AbortController\`
for \`cancel()\`). Every run's output is checked against CPython's (\`bench/programs/*.out\`).

### First load

${loadSection(res.load)}

### Rendering: 10,000 tasks at 1x in the full UI

\`bench/programs/render_10k.py\` typed into the editor, Run clicked, frames timed with
\`requestAnimationFrame\` and long tasks with a \`PerformanceObserver\` until the status says Finished
(1280×800, headless).

${renderSection(res.render)}

### Memory: 100,000 sleeping tasks

${memorySection(res.memory)}
${END}`;
}

/** Replaces the generated block of `file` (or appends one) with this run's figures. */
export function writeReport(res, file) {
  const block = renderReport(res);
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Performance\n\n' + BEGIN + '\n' + END + '\n';
  const a = text.indexOf(BEGIN), b = text.indexOf(END);
  text = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + END.length) : text + '\n' + block + '\n';
  fs.writeFileSync(file, text);
}
