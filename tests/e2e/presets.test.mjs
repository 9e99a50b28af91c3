// Every gallery example, run in the served build at Instant speed, prints exactly what
// CPython printed (www/presets/NN_slug.out / .err) and ends every task in the state the CLI's
// trace ends it in (target/*/aioplay run --trace, the same program on a virtual clock).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openPage, servedBuild, DIST } from './harness.mjs';

const PRESETS = path.resolve(DIST, '../www/presets');
const index = JSON.parse(fs.readFileSync(path.join(PRESETS, 'index.json'), 'utf8'));
const read = (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '');
const ROOT = path.resolve(DIST, '..');
const CLI = ['release', 'debug'].map((p) => path.join(ROOT, 'target', p, 'aioplay')).find((f) => fs.existsSync(f));

/** Each task's last state in the CLI's trace of the program: { 'Task-1': 'Done', ... }. */
function cliFinalStates(file) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aioplay-')), 'trace.json');
  try {
    execFileSync(CLI, ['run', file, '--trace', out], { stdio: 'ignore' });
  } catch (e) {
    if (!fs.existsSync(out)) throw e; // a non-zero exit still writes the trace
  }
  const finals = {};
  // Output entries ({"output": ...}) name no task state.
  for (const e of JSON.parse(fs.readFileSync(out, "utf8"))) if (e.name) finals[e.name] = e.new;
  return finals;
}

let page, errors;
const app = servedBuild({ setup: async (served) => {
  ({ page, errors } = await openPage(served.browser, served.url + '/'));
  await page.waitForSelector('#code .cm-content');
  await page.selectOption('#speed', 'instant');
} });

for (const { id, title } of index) {
  test(`preset ${id}: ${title}`, async () => {
    await page.selectOption('#examples', id);
    await page.waitForSelector('.example-title');
    assert.equal(await page.textContent('.example-title'), title);
    await page.click('#run');
    await page.waitForSelector('#status:text("Finished")', { timeout: 20000 });
    const out = await page.$$eval('#console .out', (ls) => ls.map((l) => l.textContent).join(''));
    const err = await page.$$eval('#console .err', (ls) => ls.map((l) => l.textContent).join(''));
    assert.equal(out, read(path.join(PRESETS, `${id}.out`)));
    assert.equal(err, read(path.join(PRESETS, `${id}.err`)));
    const shown = await page.$$eval('.task-row', (rs) => Object.fromEntries(
      rs.map((r) => [r.dataset.task, r.querySelector('.task-state .chip').textContent.trim()])));
    assert.ok(CLI, 'no target/{release,debug}/aioplay: run cargo build --bin aioplay');
    assert.deepEqual(shown, cliFinalStates(path.join(PRESETS, `${id}.py`)));
    assert.deepEqual(errors, []);
  });
}
