// The served release build loads, shows the shell, and runs with no console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, screenshot } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the app shell renders with header, editor, tasks, console and Run', async () => {
  const { page, errors } = await openPage(browser, server.url + '/');
  await page.waitForSelector('h1.brand');
  assert.equal(await page.textContent('h1.brand'), 'asyncio playground');
  assert.ok(await page.isVisible('#code'));
  assert.ok(await page.isVisible('.tasks-panel'));
  assert.ok(await page.isVisible('#console'));
  assert.equal(await page.getAttribute('#run', 'title'), 'Run the program (Ctrl+Enter)');
  await screenshot(page, 'shell-wide');
  assert.deepEqual(errors, []);
});

test('Run starts a run and the console says so', async () => {
  const { page, errors } = await openPage(browser, server.url + '/');
  await page.click('#run');
  await page.waitForSelector('#console .sys');
  assert.match(await page.textContent('#console'), /run 1: main\.py/);
  assert.deepEqual(errors, []);
});
