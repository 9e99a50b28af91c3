// Output before running: the build pre-renders the tutorial (`aioplay prerender`, scripts/
// build.sh). Without JavaScript each example shows its output and a timeline picture; with
// it, the playground shows them until Run, and the live run replaces them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, servedBuild } from './harness.mjs';

const app = servedBuild();

test('without JavaScript every example shows its pre-rendered output and timeline', async () => {
  const context = await app.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await page.goto(app.url + '/tutorial.html');
  const blocks = await page.$$eval('pre[data-asyncio-playground]', (ps) => ps.map((p) => {
    const r = p.nextElementSibling;
    const ok = r && r.classList.contains('aiopg-prerendered');
    return {
      id: p.id,
      output: ok ? r.querySelector('.aiopg-expected-output').textContent : null,
      svg: ok ? r.querySelector('svg.aiopg-timeline-svg')?.getBoundingClientRect().height ?? 0 : 0,
    };
  }));
  assert.equal(blocks.length, 9);
  for (const b of blocks) {
    assert.ok(b.output && b.output.length > 10, `${b.id}: no pre-rendered output`);
    assert.ok(b.svg > 20, `${b.id}: no timeline picture`);
  }
  const several = blocks.find((b) => b.id === 'ex-several');
  assert.match(several.output, /all done after 3s, not 6s/);
  assert.equal(await page.isVisible('#ex-several + .aiopg-prerendered svg'), true);
  await page.locator('#ex-several').scrollIntoViewIfNeeded();
  await screenshot(page, 'prerender-no-js');
  await context.close();
});

test('with JavaScript the playground shows the pre-rendered output until Run replaces it', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/tutorial.html', { width: 1000, height: 800 });
  await page.waitForSelector('#ex-create[data-asyncio-playground-state="live"]', { state: 'attached' });
  const host = '#ex-create + .aiopg-host';
  const expected = await page.textContent(`${host} .aiopg-preview .aiopg-expected-output`);
  assert.match(expected, /awaited: tea/);
  assert.equal(await page.isVisible(`${host} .aiopg-preview svg`), true);
  assert.equal(await page.$(`${host} .aiopg-panels`), null, 'panels wait for the first run');
  await page.click(`${host} .aiopg-run`);
  await page.waitForSelector(`${host} .aiopg[data-status="finished"]`, { timeout: 20000 });
  assert.equal(await page.$(`${host} .aiopg-preview`), null, 'the live run replaced the preview');
  const live = await page.evaluate(() => document.getElementById('ex-create').asyncioPlayground.output());
  assert.equal(live.stdout + live.stderr, expected, 'the live run prints what was pre-rendered');
  assert.match(await page.textContent(`${host} .aiopg-console`), /awaited: tea/);
  assert.equal(await page.isVisible(`${host} .timeline-panel`), true);
  assert.deepEqual(errors, []);
});
