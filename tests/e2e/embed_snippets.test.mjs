// The full playground's share menu offers a ready <iframe> and a ready
// <pre data-asyncio-playground> for the current program and settings; pasted into a page,
// both become working playgrounds with that program and speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, DIST, servedBuild } from './harness.mjs';

const PAGE = path.join(DIST, 'e2e-snippets.html');
const PROGRAM = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0.1)\n    print("from a snippet", 1 < 2 & 3)\n\nasyncio.run(main())\n';

const app = servedBuild({ remove: [PAGE] });

test('the share menu\'s iframe and code-block snippets work when pasted into a page', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  // Replace the program as a reader would.
  await page.click('#code .cm-content');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(PROGRAM);
  await page.selectOption('#speed', '2');
  await page.click('#copy-link');
  await page.waitForSelector('#share-iframe');
  const iframe = await page.inputValue('#share-iframe');
  const pre = await page.inputValue('#share-pre');
  assert.match(iframe, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?speed=2#code=[zt][\w-]+" title="asyncio example"/);
  assert.match(pre, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/loader\.js"><\/script>\n<pre data-asyncio-playground data-speed="2">\n/);
  assert.ok(pre.includes('1 &lt; 2 &amp; 3'), 'the code is escaped');
  assert.deepEqual(errors, []);

  // Paste both into a page of their own.
  fs.writeFileSync(PAGE, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pasted</title><link rel="icon" href="favicon.svg"></head><body>\n${pre}\n${iframe}\n</body></html>`);
  const { page: host, errors: hostErrors } = await openPage(app.browser, app.url + '/e2e-snippets.html');
  await host.waitForSelector('pre[data-asyncio-playground-state="live"]', { state: 'attached' });
  const r = await host.evaluate(() => new Promise((done) => {
    const pg = document.querySelector('pre[data-asyncio-playground]').asyncioPlayground;
    const off = pg.on('finished', (d) => { off(); done({ ...d, code: pg.code }); });
    pg.run();
  }));
  assert.deepEqual(r, { stdout: 'from a snippet True\n', stderr: '', code: PROGRAM });
  const frame = host.frameLocator('iframe');
  await frame.locator('.aiopg-run').click();
  await frame.locator('.aiopg[data-status="finished"]').waitFor({ timeout: 20000 });
  assert.match(await frame.locator('.console.aiopg-console').textContent(), /from a snippet True/);
  assert.deepEqual(hostErrors, []);
});
