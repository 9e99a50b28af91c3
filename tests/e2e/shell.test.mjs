// The served release build loads, shows the shell, and runs with no console errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, servedBuild } from './harness.mjs';

const app = servedBuild();

test('the app shell renders with header, editor, tasks, console and Run', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('h1.brand');
  assert.equal(await page.textContent('h1.brand'), 'asyncio playground');
  await page.waitForSelector('#code .cm-content');
  assert.match(await page.textContent('#code .cm-content'), /asyncio\.run\(main\(\)\)/);
  assert.ok(await page.isVisible('.tasks-panel'));
  assert.ok(await page.isVisible('#console'));
  assert.equal(await page.getAttribute('#run', 'title'), 'Run the program (Ctrl+Enter)');
  await screenshot(page, 'shell-wide');
  assert.deepEqual(errors, []);
});

test('Run starts a run and the console says so', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.click('#run');
  await page.waitForSelector('#console .sys');
  assert.match(await page.textContent('#console'), /run 1: main\.py/);
  assert.deepEqual(errors, []);
});

test('Ctrl+Enter in the editor runs the program', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.click('#code .cm-content');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('#console .sys');
  assert.match(await page.textContent('#console'), /run 1: main\.py/);
  assert.deepEqual(errors, []);
});

test('typing edits the program with Python auto-indent', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.click('#code .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nasync def extra():\nreturn 1');
  const text = await page.textContent('#code .cm-content');
  assert.match(text, /async def extra\(\):\s+return 1/);
  const lines = await page.$$eval('#code .cm-line', (ls) => ls.map((l) => l.textContent));
  assert.ok(lines.includes('    return 1'), `auto-indented line missing: ${JSON.stringify(lines.slice(-3))}`);
  assert.deepEqual(errors, []);
});

test('the program is autosaved and restored after a reload', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.click('#code .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# kept across reloads');
  await page.reload();
  await page.waitForSelector('#code .cm-content');
  assert.match(await page.textContent('#code .cm-content'), /# kept across reloads/);
  assert.deepEqual(errors, []);
});
