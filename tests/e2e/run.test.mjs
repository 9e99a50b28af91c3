// Running programs in the served build: output, live task states, Cancel and Stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, servedBuild, setCode } from './harness.mjs';

const app = servedBuild();

test('the default program prints what CPython prints and its tasks end Done', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#console').textContent.includes("['USERS', 'ORDERS']"), null, { timeout: 10000 });
  const text = await page.textContent('#console');
  assert.ok(text.includes('users: start\norders: start\norders: done after 1s\nusers: done after 2s\n'), text);
  await page.waitForSelector('#status:text("Finished")');
  const rows = await page.$$eval('.task-row', (rs) => rs.map((r) => [r.dataset.task, r.querySelector('.chip').textContent.trim()]));
  assert.deepEqual(rows, [['Task-1', 'Done'], ['Task-2', 'Done'], ['Task-3', 'Done']]);
  const results = await page.$$eval('.task-row .task-outcome', (cs) => cs.map((c) => c.textContent.trim()));
  assert.deepEqual(results, ['None', "'USERS'", "'ORDERS'"]);
  await screenshot(page, 'run-finished');
  assert.deepEqual(errors, []);
});

test('Cancel on a sleeping task delivers CancelledError and runs its cleanup', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  await setCode(page, [
    'import asyncio',
    '',
    'async def worker():',
    '    try:',
    '        print("working")',
    '        await asyncio.sleep(60)',
    '    except asyncio.CancelledError:',
    '        print("cleanup after cancel")',
    '        raise',
    '',
    'async def main():',
    '    t = asyncio.create_task(worker(), name="worker")',
    '    try:',
    '        await t',
    '    except asyncio.CancelledError:',
    '        print("worker cancelled:", t.cancelled())',
    '',
    'asyncio.run(main())',
    '',
  ].join('\n'));
  await page.click('#run');
  await page.waitForSelector('.task-row[data-task="worker"] .state-awaiting');
  assert.match(await page.textContent('.task-row[data-task="worker"] .task-waits'), /sleep until t=60/);
  await page.click('.task-row[data-task="worker"] .cancel-task');
  await page.waitForFunction(() => document.querySelector('#console').textContent.includes('worker cancelled: True'), null, { timeout: 5000 });
  assert.match(await page.textContent('#console'), /working\ncleanup after cancel\nworker cancelled: True/);
  assert.equal(await page.textContent('.task-row[data-task="worker"] .chip'), 'Cancelled');
  assert.deepEqual(errors, []);
});

test('Stop ends a program that never awaits, and the page stays responsive', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  await setCode(page, 'n = 0\nwhile True:\n    n += 1\n');
  await page.click('#run');
  await page.waitForSelector('#status:text("Running")');
  // The page still answers while the loop spins: clicking Stop is handled.
  const t0 = Date.now();
  await page.click('#stop');
  await page.waitForSelector('#status:text("Finished")');
  assert.ok(Date.now() - t0 < 2000, 'Stop took too long');
  assert.match(await page.textContent('#console'), /stopped/);
  assert.deepEqual(errors, []);
});
