// Controls in the served build: stepping shows the ready queue per iteration, Pause and
// Resume, Shut down runs cleanup, keyboard shortcuts, and syntax errors underlined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, servedBuild, setCode } from './harness.mjs';

const app = servedBuild();

const JOBS = [
  'import asyncio',
  '',
  'async def job(n):',
  '    await asyncio.sleep(0)',
  '    return n',
  '',
  'async def main():',
  '    tasks = [asyncio.create_task(job(i), name=f"job-{i}") for i in range(3)]',
  '    print(await asyncio.gather(*tasks))',
  '',
  'asyncio.run(main())',
  '',
].join('\n');

const readyQueue = (page) => page.$$eval('.ready-queue .ready-entry', (es) => es.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
const iteration = (page) => page.textContent('.loop-iteration');

test('Step walks the loop one iteration at a time, showing the ready queue', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await setCode(page, JOBS);
  await page.click('#tab-loop');
  await page.click('#step'); // module code runs up to asyncio.run: main is scheduled
  await page.waitForSelector('#status:text("Paused")');
  let q = await readyQueue(page);
  assert.equal(q.length, 1, JSON.stringify(q));
  assert.match(q[0], /Task-1/);
  await page.click('#step'); // iteration 1: main creates the jobs and awaits gather
  await page.waitForFunction(() => document.querySelector('.loop-iteration')?.textContent === '1');
  q = await readyQueue(page);
  assert.deepEqual(q.map((e) => (e.match(/job-\d/) || [''])[0]), ['job-0', 'job-1', 'job-2'], JSON.stringify(q));
  await page.click('#step'); // iteration 2: each job yields once (sleep(0)) and is queued again
  await page.waitForFunction(() => document.querySelector('.loop-iteration')?.textContent === '2');
  assert.equal((await readyQueue(page)).length, 3);
  // Every task has its timeline lane though loop time is still 0.
  assert.equal(await page.$$eval('.timeline-area .lane', (ls) => ls.length), 4);
  await screenshot(page, 'stepping-event-loop');
  await page.click('#pause'); // Resume
  await page.waitForSelector('#status:text("Finished")');
  assert.match(await page.textContent('#console'), /\[0, 1, 2\]/);
  assert.ok(Number(await iteration(page)) >= 5, 'iterations shown after the run');
  assert.deepEqual(errors, []);
});

test('Shut down cancels every task and lets their cleanup run', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await setCode(page, [
    'import asyncio',
    '',
    'async def worker():',
    '    try:',
    '        while True:',
    '            await asyncio.sleep(0.05)',
    '    finally:',
    '        print("worker cleaned up")',
    '',
    'async def main():',
    '    w = asyncio.create_task(worker(), name="worker")',
    '    try:',
    '        await asyncio.sleep(3600)',
    '    finally:',
    '        print("main cleaned up")',
    '',
    'asyncio.run(main())',
    '',
  ].join('\n'));
  await page.click('#run');
  await page.waitForSelector('.task-row[data-task="worker"]');
  await page.click('#shutdown');
  await page.waitForSelector('#status:text("Finished")');
  const out = await page.textContent('#console');
  assert.match(out, /main cleaned up/);
  assert.match(out, /worker cleaned up/);
  assert.deepEqual(errors, []);
});

test('keyboard: Alt+P pauses and resumes, Alt+X stops', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await setCode(page, 'import asyncio\n\nasync def main():\n    await asyncio.sleep(3600)\n\nasyncio.run(main())\n');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('#status:text("Running")');
  await page.keyboard.press('Alt+P');
  await page.waitForSelector('#status:text("Paused")');
  await page.keyboard.press('Alt+P');
  await page.waitForSelector('#status:text("Running")');
  await page.keyboard.press('Alt+X');
  await page.waitForSelector('#status:text("Finished")');
  assert.deepEqual(errors, []);
});

test('a syntax error is printed like CPython and underlined in the editor', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await setCode(page, 'import asyncio\n\nasync def main()\n    pass\n');
  await page.click('#run');
  await page.waitForSelector('#status:text("Finished")');
  assert.match(await page.textContent('#console'), /File "main.py", line 3\n\s+async def main\(\)\n\s+\^\nSyntaxError: expected ':'/);
  await page.waitForSelector('#code .cm-error-range', { state: 'attached' });
  assert.deepEqual(errors, []);
});
