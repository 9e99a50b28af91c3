// The tutorial page (www/tutorial.html) as the end-to-end test of the loader: every example
// becomes a playground, only those near the viewport start, each has its own event loop,
// and each prints what the CLI (target/*/aioplay, CPython's output on a virtual clock) prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPage, screenshot, DIST, servedBuild } from './harness.mjs';

const ROOT = path.resolve(DIST, '..');

/** The CLI's stdout for `code` (the release build if there is one, else the debug one). */
function cliOutput(code) {
  const bin = ['release', 'debug'].map((p) => path.join(ROOT, 'target', p, 'aioplay')).find((f) => fs.existsSync(f));
  assert.ok(bin, 'no target/{release,debug}/aioplay: run cargo build --bin aioplay');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tut-')), 'main.py');
  fs.writeFileSync(file, code);
  const r = spawnSync(bin, ['run', file], { encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr };
}

const states = (page) => page.$$eval('pre[data-asyncio-playground]',
  (ps) => ps.map((p) => [p.id, p.dataset.asyncioPlaygroundState]));

const app = servedBuild();

test('the tutorial shows its code blocks, starts only the visible ones, then the rest on scroll', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/tutorial.html', { width: 1000, height: 800 });
  await page.waitForSelector('pre[data-asyncio-playground-state="live"]', { state: 'attached' });
  const blocks = await states(page);
  assert.equal(blocks.length, 9, 'nine examples');
  const started = blocks.filter(([, s]) => s === 'live').map(([id]) => id);
  const waiting = blocks.filter(([, s]) => s === 'waiting').map(([id]) => id);
  assert.ok(started.includes('ex-create'), `first example not started: ${JSON.stringify(blocks)}`);
  assert.ok(waiting.includes('ex-shutdown') && waiting.length >= 5, `far examples started: ${JSON.stringify(blocks)}`);
  // A waiting block still shows its code as written (the no-JavaScript view).
  assert.match(await page.textContent('#ex-shutdown'), /async def worker\(n, period\):/);
  assert.equal(await page.isVisible('#ex-shutdown'), true);
  // The live ones replaced their block with a playground holding the same code.
  assert.equal(await page.isVisible('#ex-create'), false);
  assert.match(await page.textContent('#ex-create + .aiopg-host .cm-content'), /asyncio\.create_task\(brew\("tea", 1\)\)/);
  const api = await page.evaluate(async () => {
    const { playgrounds } = await import('/loader.js');
    return playgrounds().map((p) => [p.element.id, p.status]);
  });
  assert.deepEqual(api.map(([id]) => id).sort(), started.sort());
  assert.ok(api.every(([, s]) => s === 'ready'));
  // Scrolling to the end starts every other block; one wasm download served them all.
  for (const id of waiting) {
    // (A block that became live meanwhile is hidden; scroll to it or to its playground.)
    await page.evaluate((id) => {
      const b = document.getElementById(id);
      (b.hidden ? b.nextElementSibling : b).scrollIntoView();
    }, id);
    await page.waitForSelector(`#${id}[data-asyncio-playground-state="live"]`, { state: 'attached' });
  }
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).length);
  assert.equal(wasm, 1, 'one wasm download for all playgrounds');
  await screenshot(page, 'tutorial');
  assert.deepEqual(errors, []);
});

test('each example prints the CLI\'s output, all running at once, each in its own loop', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/tutorial.html', { width: 1000, height: 800 });
  await page.waitForSelector('#ex-create[data-asyncio-playground-state="live"]', { state: 'attached' });
  // Mount every block now (the API does not wait for scrolling).
  const ids = await page.evaluate(async () => {
    const { mount } = await import('/loader.js');
    const blocks = [...document.querySelectorAll('pre[data-asyncio-playground]')];
    await Promise.all(blocks.map((b) => mount(b)));
    return blocks.map((b) => b.id);
  });
  // Running one leaves the others alone.
  await page.evaluate(() => document.querySelector('#ex-create').asyncioPlayground.run());
  await page.waitForFunction(() => document.querySelector('#ex-create').asyncioPlayground.status === 'finished', null, { timeout: 15000 });
  const others = await page.evaluate((ids) => ids.filter((id) => id !== 'ex-create').map((id) => {
    const pg = document.getElementById(id).asyncioPlayground;
    return [id, pg.status, pg.output().stdout];
  }), ids);
  for (const [id, status, out] of others) assert.deepEqual([id, status, out], [id, 'ready', '']);
  // Then all of them together: each finishes with exactly its own program's output.
  const results = await page.evaluate(async (ids) => Promise.all(ids.map((id) => new Promise((done) => {
    const pg = document.getElementById(id).asyncioPlayground;
    const off = pg.on('finished', (d) => { off(); done({ id, code: pg.code, ...d }); });
    pg.run();
  }))), ids);
  // What the build's `aioplay prerender` wrote for each block (its setup and chain composed
  // natively) is what the live run prints (composed by the loader).
  const expected = await page.evaluate((ids) => Object.fromEntries(ids.map((id) =>
    [id, document.querySelector(`[data-for="${id}"] .aiopg-expected-output`)?.textContent])), ids);
  for (const r of results) {
    assert.equal(r.stdout + r.stderr, expected[r.id], `${r.id}: differs from its pre-rendered output`);
    const composed = await page.evaluate((id) => {
      const b = document.getElementById(id);
      return b.hasAttribute('data-setup') || b.hasAttribute('data-after');
    }, r.id);
    if (composed) continue; // its visible code alone is not the whole program
    const want = cliOutput(r.code);
    assert.equal(r.stdout, want.stdout, `${r.id}: stdout differs from the CLI's`);
    assert.equal(r.stderr, want.stderr, `${r.id}: stderr differs from the CLI's`);
  }
  // The DOM console shows the same text, and the task table ends with no live task.
  const consoleText = await page.textContent('#ex-cancel + .aiopg-host .aiopg-console');
  assert.ok(consoleText.includes('download: file closed'), consoleText);
  const chips = await page.$$eval('#ex-taskgroup + .aiopg-host .task-row .chip:first-child', (cs) => cs.map((c) => c.textContent.trim()));
  assert.ok(chips.length >= 4 && chips.every((s) => ['Done', 'Failed', 'Cancelled'].includes(s)), chips.join());
  assert.deepEqual(errors, []);
});

test('the loader API: events on the element, bad options explained, destroy restores the block', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/tutorial.html');
  await page.waitForSelector('#ex-create[data-asyncio-playground-state="live"]', { state: 'attached' });
  const r = await page.evaluate(async () => {
    const { mount, playgrounds } = await import('/loader.js');
    const box = document.createElement('div');
    document.body.append(box);
    const seen = [];
    box.addEventListener('asyncio-playground:status', (e) => seen.push(e.detail.status));
    const pg = await mount(box, { code: 'print("<b>not bold</b>")\n', speed: 'instant', panels: ['console'] });
    const finished = new Promise((ok) => pg.on('finished', ok));
    pg.run();
    const out = await finished;
    const html = box.querySelector('.aiopg-console').innerHTML;
    const tasksShown = !!box.querySelector('.tasks-panel');
    const bad = document.createElement('pre');
    bad.dataset.asyncioPlayground = '';
    bad.dataset.speed = 'fast';
    bad.textContent = 'print(1)';
    document.body.append(bad);
    const error = await mount(bad).then(() => null, (e) => e.message);
    const note = bad.nextElementSibling.textContent;
    const twice = document.createElement('pre');
    twice.textContent = 'print(2)';
    document.body.append(twice);
    const [a, b] = await Promise.all([mount(twice), mount(twice)]);
    a.stop(); // nothing runs: stays ready, no "stopped" note
    const host = twice.nextElementSibling;
    const same = a === b && host.classList.contains('aiopg-host') && !host.nextElementSibling?.classList.contains('aiopg-host')
      && playgrounds().filter((p) => p.element === twice).length === 1;
    const idle = [a.status, a.output().stdout, twice.nextElementSibling.querySelector('.aiopg-console').textContent];
    const block = document.querySelector('#ex-create');
    block.asyncioPlayground.destroy();
    return { seen, out, html, tasksShown, error, note, same, idle, state: bad.dataset.asyncioPlaygroundState,
      restored: !block.hidden && !block.nextElementSibling.classList.contains('aiopg-host') };
  });
  assert.deepEqual(r.seen.slice(-2), ['running', 'finished']);
  assert.equal(r.out.stdout, '<b>not bold</b>\n');
  assert.ok(r.html.includes('&lt;b&gt;not bold&lt;/b&gt;'), 'output is text, not HTML');
  assert.equal(r.tasksShown, false, 'panels=console shows only the console');
  assert.match(r.error, /speed="fast".*0\.1, 0\.25/);
  assert.match(r.note, /could not start.*speed/);
  assert.equal(r.state, 'error');
  assert.equal(r.same, true, 'mounting twice at once mounts once');
  assert.deepEqual(r.idle, ['ready', '', 'Output appears here when you press Run.']);
  assert.equal(r.restored, true);
  assert.deepEqual(errors, []);
});
