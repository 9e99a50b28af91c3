// Rewind, replay, compare and import in the served build: rewinding to iteration k shows
// the same task table as stepping to k from the start; Step back (button and Alt+B); a share
// link with a cancel click replays to the same final states; Compare names where a run with
// shield() and one without diverge; a CLI --trace file imports and shows its tasks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage, screenshot, servedBuild, setCode } from './harness.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

const app = servedBuild();

/** The task table as text, one entry per row (title with time and iteration first). */
const table = (page) => page.$eval('.tasks-panel', (p) => [
  p.querySelector('.panel-title').textContent,
  // Every cell but Cancel (an action on the live run, not offered in a rewound view).
  ...[...p.querySelectorAll('.task-row')].map((r) => [...r.querySelectorAll('[role=cell]:not(.task-cancel)')]
    .map((c) => c.textContent.replace(/\s+/g, ' ').trim()).join(' | ')),
]);
const consoleText = (page) => page.textContent('#console');

async function scrubTo(page, k) {
  await page.$eval('#scrubber', (el, k) => {
    el.value = String(k);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, k);
  await page.waitForFunction((k) => document.querySelector('#rewind-label')?.textContent.startsWith(`Iteration ${k} `), k);
}

const WORKERS = [
  'import asyncio',
  '',
  'async def worker(name, n):',
  '    try:',
  '        for i in range(n):',
  '            await asyncio.sleep(0.1)',
  '        print(name, "finished")',
  '    except asyncio.CancelledError:',
  '        print(name, "cancelled")',
  '        raise',
  '',
  'async def main():',
  '    a = asyncio.create_task(worker("a", 3), name="a")',
  '    b = asyncio.create_task(worker("b", 25), name="b")',
  '    print(await asyncio.gather(a, b, return_exceptions=True))',
  '',
  'asyncio.run(main())',
  '',
].join('\n');

test('rewinding to iteration k shows what stepping to k showed; Step back and Alt+B', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.selectOption('#examples', '04_cancel_cleanup');
  await page.selectOption('#speed', 'instant');
  await page.click('#run');
  await page.waitForSelector('#status:text("Finished")');
  const max = Number(await page.$eval('#scrubber', (el) => el.max));
  assert.ok(max >= 4, `iterations: ${max}`);
  const rewound = {};
  for (const k of [0, 2, max - 1]) {
    await scrubTo(page, k);
    rewound[k] = { table: await table(page), console: await consoleText(page) };
  }
  // Step back from the rewound iteration, by button and by Alt+B; Step goes forward again.
  await page.click('#step-back');
  await page.waitForSelector(`#rewind-label:text("Iteration ${max - 2} of ${max}")`);
  await page.keyboard.press('Alt+B');
  await page.waitForSelector(`#rewind-label:text("Iteration ${max - 3} of ${max}")`);
  await page.click('#step');
  await page.waitForSelector(`#rewind-label:text("Iteration ${max - 2} of ${max}")`);
  assert.match(await page.getAttribute('#step-back', 'title'), /Alt\+B/);
  await screenshot(page, 'rewind');
  await page.click('#back-to-live');
  await page.waitForSelector(`#rewind-label:text("Iteration ${max} (live)")`);

  // The same program stepped from the start, one iteration per Step (the first runs the
  // module code up to asyncio.run: iteration 0).
  await page.click('#reset');
  let steps = 0;
  for (const k of [0, 2, max - 1]) {
    while (steps <= k) {
      await page.click('#step');
      steps += 1;
      await page.waitForFunction((k) => document.querySelector('.tasks-panel .panel-title')?.textContent.endsWith(`iteration ${k}`), steps - 1);
    }
    assert.deepEqual(await table(page), rewound[k].table, `task table at iteration ${k}`);
    // The same output (the run header counts runs: this is the page's second).
    assert.equal(await consoleText(page), rewound[k].console.replace('run 1:', 'run 2:'), `console at iteration ${k}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a share link with a cancel click replays to the same final states', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await setCode(page, WORKERS);
  await page.selectOption('#speed', '2');
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#console')?.textContent.includes('a finished'));
  await page.click('.task-row[data-task="b"] .cancel-task');
  await page.waitForSelector('#status:text("Finished")');
  await page.check('.tasks-show-finished').catch(() => {});
  const live = await table(page);
  assert.ok(live.some((r) => /^b \| Cancelled/.test(r)), JSON.stringify(live));
  const liveConsole = await consoleText(page);
  await page.click('#copy-link');
  await page.waitForSelector('#share-url');
  const url = await page.inputValue('#share-url');
  assert.match(url, /#.*run=.*&code=/);
  assert.match(await page.textContent('.share-note'), /replay this very run/);

  const { page: reader, errors: readerErrors } = await openPage(app.browser, url);
  await reader.waitForSelector('#link-replay');
  assert.match(await reader.textContent('#link-replay'), /1 action/);
  await reader.click('#link-replay');
  await reader.waitForSelector('#history-notice:has-text("Replayed the run recorded in the link")');
  await reader.check('.tasks-show-finished').catch(() => {});
  assert.deepEqual(await table(reader), live.map((r) => r.replace(/^Tasks · /, 'Tasks · ')));
  // Same output, after the run header (the reader's run number may differ).
  const body = (t) => t.replace(/--- run \d+: main.py ---/, '');
  assert.equal(body(await consoleText(reader)), body(liveConsole));
  assert.deepEqual(errors, []);
  assert.deepEqual(readerErrors, []);
  await reader.close();
  await page.close();
});

test('compare names the first divergence of a run with shield() and one without', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/', { width: 1280, height: 1400 });
  const shielded = await fs.readFile(path.join(FIXTURES, 'shield.py'), 'utf8');
  await setCode(page, shielded);
  await page.selectOption('#speed', 'instant');
  await page.click('#run');
  await page.waitForSelector('#status:text("Finished")');
  await page.click('#pin');
  await setCode(page, shielded.replace('asyncio.shield(t)', 't'));
  await page.click('#run');
  await page.waitForSelector('#status:text("Finished")');
  await page.click('#tab-compare');
  const words = await page.textContent('#compare-words');
  assert.match(words, /^The runs diverge at loop iteration 3 \(event \d+\): in A, .+; in B, saver: .+\.$/, words);
  assert.equal(await page.$$eval('#compare .lane', (ls) => ls.length) >= 4, true);
  await screenshot(page, 'compare');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a CLI --trace file imports read-only and shows its tasks; a bad file says why', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#import-file', { state: 'attached' });
  await page.setInputFiles('#import-file', path.join(FIXTURES, 'cli-trace.json'));
  await page.waitForSelector('#history-notice:has-text("Imported cli-trace.json")');
  await page.check('.tasks-show-finished').catch(() => {});
  const rows = await table(page);
  assert.ok(rows.some((r) => /^Task-1 \| Done/.test(r)), JSON.stringify(rows));
  assert.ok(rows.some((r) => /^saver \| Done/.test(r)), JSON.stringify(rows));
  assert.match(await page.textContent('#status'), /Finished/);
  // The imported trace rewinds by folding a prefix.
  await scrubTo(page, 1);
  assert.ok((await table(page)).some((r) => /^saver \| Created/.test(r)));
  await page.click('#back-to-live');
  await page.setInputFiles('#import-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"a":') });
  await page.waitForSelector('#history-notice.history-error:has-text("Could not import broken.json: The file is not JSON")');
  assert.deepEqual(errors, []);
  await page.close();
});
