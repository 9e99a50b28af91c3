// The bench command's arithmetic and report (bench/lib.mjs, bench/report.mjs): medians,
// formatting, budget verdicts, and that rewriting docs/performance.md keeps the hand-written
// text around the generated block. No browser and no timing: it checks the code, not speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, fmtMs, gzipSize } from '../../bench/lib.mjs';
import { renderReport, writeReport } from '../../bench/report.mjs';

const r = (xs) => ({ runs: xs, ...median(xs) });

function results() {
  return {
    machine: { cpu: 'Test CPU', cores: 2, memGiB: 4, os: 'Linux', date: '2026-01-01T00:00:00.000Z', node: 'v20', python: 'Python 3.11', chromium: 'Chromium 1', rustc: 'rustc 1', pyodide: '314.0.8' },
    runs: 3,
    cliStartup: r([3, 4, 5]),
    throughput: {
      b1_spawn: { cli: r([10, 11, 12]), wasm: r([20, 21, 22]), cpython: r([40, 41, 42]), pyodide: r([400, 410, 420]), js: r([1, 2, 3]) },
      b6_compute: { wasm: r([200, 210, 220]), cpython: r([100, 100, 100]), pyodide: r([150, 150, 150]) },
    },
    load: { sizes: [{ file: 'a.wasm', raw: 1000, gzip: 399000 }], total: { raw: 1000, gzip: 399000 }, playground: { runClickable: r([100]), firstOutput: r([250]) }, pyodide: { ready: r([5000]), firstOutput: r([5100]) } },
    render: { samples: [{ finished: true, ok: true, wallMs: 4000, frames: 240, p95: 20, maxGap: 90, longtasks: 1, longestTask: 60 }], p95: r([20]), maxGap: r([90]), wallMs: r([4000]), longestTask: r([60]) },
    memory: { wasmBefore: 2 ** 20, wasmAfter: 70 * 2 ** 20, ms: 900, ok: true, cliRss: null, cpythonRss: 100 * 2 ** 20 },
  };
}

test('median, min and max of an odd and an even sample, ignoring non-numbers', () => {
  assert.deepEqual(median([3, 1, 2]), { median: 2, min: 1, max: 3 });
  assert.deepEqual(median([4, 1, 3, 2]), { median: 2.5, min: 1, max: 4 });
  assert.deepEqual(median([NaN, 5]), { median: 5, min: 5, max: 5 });
  assert.deepEqual(median([]), {});
  assert.equal(fmtMs(median([1.234, 12.5, 250])), '12.5 ms (1.23–250)');
  assert.equal(fmtMs({}), 'n/a');
  assert.ok(gzipSize(Buffer.alloc(10000)) < 100);
});

test('budget verdicts follow the issue: faster than Pyodide/CPython, B6 within 1.5x, sizes in decimal KB', () => {
  const text = renderReport(results());
  assert.match(text, /B1 spawn 10k: wasm faster than Pyodide \| 20× faster \| met/);
  assert.match(text, /B1 spawn 10k: wasm faster than CPython \| wasm ÷ CPython = 0\.51 \| met/);
  assert.match(text, /B6 compute 1M: wasm faster than Pyodide \| 1\.40× slower \| \*\*missed\*\*/);
  assert.match(text, /B6 compute 1M: wasm within 1\.5× of CPython \| wasm ÷ CPython = 2\.10 \| \*\*missed\*\*/);
  assert.match(text, /first load ≤ 400 KB gzip \(wasm \+ JS \+ CSS\) \| 399\.0 KB \(399000 B\) \| met/);
  assert.match(text, /navigation → first output < 300 ms \| 250 ms \(250–250\) \| met/);
  assert.match(text, /p95 frame ≤ 33 ms \| 20\.0 ms \(20\.0–20\.0\) \| met/);
  assert.match(text, /100,000 sleeping tasks < 64 MB wasm memory \| 70\.0 MiB \| \*\*missed\*\*/);
  assert.match(text, /\| B1 spawn 10k \| 20× \| 1\.95× \| 3\.73× \| 1\.91× \| 11× \|/);
});

test('rewriting the report keeps the hand-written text around the generated block', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-')), 'performance.md');
  writeReport(results(), file);
  const first = fs.readFileSync(file, 'utf8');
  assert.match(first, /^# Performance/);
  fs.writeFileSync(file, first.replace('# Performance\n', '# Performance\n\nBefore, by hand.\n') + '\nAfter, by hand.\n');
  const next = results();
  next.throughput.b1_spawn.wasm = r([500, 500, 500]);
  writeReport(next, file);
  const text = fs.readFileSync(file, 'utf8');
  assert.match(text, /Before, by hand\./);
  assert.match(text, /After, by hand\./);
  assert.match(text, /B1 spawn 10k: wasm faster than CPython \| wasm ÷ CPython = 12\.20 \| \*\*missed\*\*/);
  assert.equal(text.split('<!-- bench:begin').length, 2, 'one generated block');
});
