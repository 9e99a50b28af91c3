// Understanding asyncio in the served build: a program with each mistake shows its lint on
// the right line (Lints tab, editor gutter, task row); a deadlock is diagnosed; a task's
// details say who cancelled it; "Export for Perfetto" writes Chrome trace JSON of the
// documented shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { openPage, screenshot, servedBuild, setCode } from './harness.mjs';

const app = servedBuild();

const MISTAKES = [
  'import asyncio',
  'import time',
  '',
  'async def stubborn():',
  '    try:',
  '        await asyncio.sleep(1)', // 6: the CancelledError is delivered here, and swallowed
  '    except asyncio.CancelledError:',
  '        return "ignored"',
  '',
  'async def boom():',
  '    raise ValueError("lost")', // 11: nobody retrieves this
  '',
  'async def hog():',
  '    total = 0',
  '    for i in range(300000):',
  '        total += i',
  '    time.sleep(0.2)', // 17: blocks the loop
  '    return total',
  '',
  'async def main():',
  '    s = asyncio.create_task(stubborn(), name="stubborn")',
  '    boom()', // 22: never awaited
  '    asyncio.create_task(boom(), name="forgotten")', // 23: reference dropped
  '    await asyncio.sleep(0)', // 24: the step after this await blocks the loop
  '    s.cancel()',
  '    await hog()',
  '    await asyncio.sleep(0.1)',
  '',
  'asyncio.run(main())',
  '',
].join('\n');

const lintsShown = (page) => page.$$eval('.lints-panel li.lint', (ls) =>
  ls.map((l) => `${l.dataset.kind}@${l.dataset.line}`).sort());

/** The line number of each lint marker in the editor's gutter (matched by position). */
const gutterLines = (page) => page.evaluate(() => {
  const numbers = [...document.querySelectorAll('#code .cm-lineNumbers .cm-gutterElement')];
  return [...document.querySelectorAll('#code .cm-lint-marker')].map((m) => {
    const top = m.closest('.cm-gutterElement').getBoundingClientRect().top;
    const n = numbers.find((e) => Math.abs(e.getBoundingClientRect().top - top) < 2);
    return Number(n?.textContent);
  }).sort((a, b) => a - b);
});

test('a program with each mistake shows each lint on its line', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await setCode(page, MISTAKES);
  await page.click('#run');
  await page.waitForSelector('#status:text("Finished")', { timeout: 20000 });
  await page.click('#tab-lints');
  assert.deepEqual(await lintsShown(page), [
    'blocking-sleep@17',
    'blocking-step@24',
    'cancel-swallowed@6',
    'exception-never-retrieved@11',
    'never-awaited@22',
    'task-discarded@23',
  ].sort());
  assert.match(await page.textContent('#tab-lints'), /Lints \(6\)/);
  assert.match(await page.textContent('.lints-panel li.lint-task-discarded .lint-message'),
    /Task-1 dropped the only reference to the new task forgotten/);
  assert.deepEqual(await gutterLines(page), [6, 11, 17, 22, 23, 24]);
  await screenshot(page, 'lints');
  // The rows of the tasks at fault carry a mark; a click opens the task's details.
  await page.click('#tab-tasks');
  const marked = await page.$$eval('.task-row', (rs) =>
    rs.filter((r) => r.querySelector('.mark-lint')).map((r) => r.dataset.task));
  assert.deepEqual(marked.sort(), ['Task-1', 'forgotten', 'stubborn']);
  await page.click('.task-row[data-task="stubborn"]');
  await page.waitForSelector('.task-detail');
  assert.deepEqual(await page.$$eval('.task-detail .provenance-chain li', (ls) => ls.map((l) => l.textContent)),
    ['cancelled by Task-1 at line 25 (task.cancel())']);
  assert.equal(await page.$$eval('.timeline-area .lane-lint', (ls) => ls.length), 3);
  await screenshot(page, 'task-detail');
  assert.deepEqual(errors, []);
});

test('a deadlock is diagnosed on the line that waits forever', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await setCode(page, [
    'import asyncio',
    '',
    'async def main():',
    '    ready = asyncio.Event()',
    '    await ready.wait()',
    '',
    'asyncio.run(main())',
    '',
  ].join('\n'));
  await page.click('#run');
  await page.waitForSelector('#status:text("Finished")', { timeout: 20000 });
  await page.click('#tab-lints');
  assert.deepEqual(await lintsShown(page), ['awaited-forever@5']);
  assert.match(await page.textContent('.lints-panel .lint-message'),
    /^Task-1 waits on Event ready forever: every task is waiting and no callback or timer is pending, so no task will set ready/);
  assert.deepEqual(errors, []);
});

/** The documented shape: ph/ts/pid/tid everywhere, named tracks, X slices that never
 * overlap on a track, every flow start paired with one finish. */
function checkChromeTrace(json) {
  assert.ok(Array.isArray(json.traceEvents), 'traceEvents');
  const named = new Set();
  const slices = new Map();
  const flows = new Map();
  for (const e of json.traceEvents) {
    for (const k of ['ph', 'ts', 'pid', 'tid']) assert.ok(k in e, `${k} in ${JSON.stringify(e)}`);
    assert.ok(['M', 'X', 'i', 's', 'f'].includes(e.ph), e.ph);
    const track = `${e.pid}/${e.tid}`;
    if (e.ph === 'M' && e.name === 'thread_name') named.add(track);
    if (e.ph === 'X') (slices.get(track) ?? slices.set(track, []).get(track)).push([e.ts, e.dur]);
    if (e.ph === 's' || e.ph === 'f') {
      const f = flows.get(e.id) ?? { s: 0, f: 0 };
      f[e.ph] += 1;
      flows.set(e.id, f);
    }
  }
  for (const [track, list] of slices) {
    assert.ok(named.has(track), `track ${track} is named`);
    list.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < list.length; i++) assert.ok(list[i - 1][0] + list[i - 1][1] <= list[i][0], `overlap on ${track}`);
  }
  for (const [id, f] of flows) assert.deepEqual(f, { s: 1, f: 1 }, `flow ${id}`);
  return { slices: [...slices.values()].flat().length, flows: flows.size };
}

test('Export for Perfetto downloads Chrome trace-event JSON', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await setCode(page, MISTAKES);
  await page.click('#run');
  await page.waitForSelector('#status:text("Finished")', { timeout: 20000 });
  await page.click('#tab-log');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.log-export-perfetto')]);
  assert.equal(download.suggestedFilename(), 'asyncio-trace.perfetto.json');
  const json = JSON.parse(await fs.readFile(await download.path(), 'utf8'));
  const { slices, flows } = checkChromeTrace(json);
  assert.equal(slices, 6, `${slices} slices`); // main 3 steps, stubborn 2, forgotten 1
  assert.ok(flows >= 1, `${flows} flows`);
  const cancel = json.traceEvents.find((e) => e.ph === 'i' && e.name === 'cancel requested');
  assert.deepEqual(cancel.args.why, ['cancelled by Task-1 at line 25 (task.cancel())']);
  assert.deepEqual(errors, []);
});

test('the Resources tab names each lock, queue and future with its holder and waiters', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await setCode(page, [
    'import asyncio',
    '',
    'async def holder(lock):',
    '    async with lock:',
    '        await asyncio.sleep(3600)',
    '',
    'async def waiter(lock):',
    '    async with lock:',
    '        pass',
    '',
    'async def main():',
    '    lock = asyncio.Lock()',
    '    q = asyncio.Queue()',
    '    fut = asyncio.get_running_loop().create_future()',
    '    h = asyncio.create_task(holder(lock), name="holder")',
    '    w = asyncio.create_task(waiter(lock), name="w1")',
    '    await q.get()',
    '',
    'asyncio.run(main())',
    '',
  ].join('\n'));
  await page.click('#run');
  await page.click('#tab-resources');
  await page.waitForFunction(() => document.querySelectorAll('.resources-panel tr.resource-row').length === 3
    && document.querySelector('.resources-panel tr.resource-row .resource-waiters')?.textContent === 'w1');
  const rows = await page.$$eval('.resources-panel tr.resource-row', (rs) => rs.map((r) =>
    [...r.querySelectorAll('td')].map((td) => td.textContent)));
  assert.deepEqual(rows, [
    ['Lock lock', 'locked by holder', 'holder', 'w1'],
    ['Queue q', '0 items', '', 'Task-1'],
    ['Future fut', 'pending', '', ''],
  ]);
  await screenshot(page, 'resources');
  await page.click('#stop');
  await page.waitForSelector('#status:text("Finished")');
  assert.deepEqual(errors, []);
});
