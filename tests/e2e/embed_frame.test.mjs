// The iframe view (embed.html): every query option, bad links, and the postMessage interface
// (documented messages obeyed from the parent only, everything else ignored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, servedBuild, setCode, shareFragment } from './harness.mjs';

const PROGRAM = 'import asyncio\n\nasync def main():\n    print("start")\n    await asyncio.sleep(30)\n    print("after 30 s")\n\nasyncio.run(main())\n';

const TICKS = 'import asyncio\n\nasync def main():\n    for i in range(20):\n        await asyncio.sleep(0.1)\n        print(i)\n\nasyncio.run(main())\n';

let link, ticks;
const app = servedBuild({ setup: async (served) => {
  // A share fragment made by the playground itself (Copy link).
  const { page } = await openPage(served.browser, served.url + '/');
  await setCode(page, PROGRAM);
  await page.click('#copy-link');
  const url = await page.inputValue('#share-url');
  link = url.slice(url.indexOf('#'));
  await page.click('.share-popover button');
  await setCode(page, TICKS);
  await page.click('#copy-link');
  const url2 = await page.inputValue('#share-url');
  ticks = url2.slice(url2.indexOf('#'));
  await page.close();
} });

async function frame(query, viewport, fragment = link) {
  const r = await openPage(app.browser, `${app.url}/embed.html${query}${fragment}`, viewport);
  await r.page.waitForSelector('.aiopg .cm-content');
  return r;
}

test('defaults: editable, waits for Run, tasks + timeline + console, open-in-playground link', async () => {
  const { page, errors } = await frame('');
  assert.equal(await page.getAttribute('.aiopg .cm-content', 'aria-readonly'), null);
  assert.deepEqual(await page.$$eval('.aiopg-panel', (ps) => ps.map((p) => p.className.split(' ')[1])),
    ['aiopg-tasks', 'aiopg-timeline', 'aiopg-console']);
  assert.equal(await page.getAttribute('.aiopg', 'data-status'), 'ready');
  await page.waitForFunction(() => document.querySelector('.aiopg-open').href.includes('#speed=1&code=z'));
  const open = await page.getAttribute('.aiopg-open', 'href');
  assert.equal(open.slice(0, open.indexOf('#')), app.url + '/');
  // The link opens this program in the full playground.
  const full = await app.browser.newPage();
  await full.goto(open);
  await full.waitForSelector('#link-banner');
  assert.match(await full.textContent('#code .cm-content'), /after 30 s/);
  await full.close();
  await page.click('.aiopg-run');
  await page.waitForFunction(() => document.querySelector('.aiopg-console').textContent.includes('start'));
  assert.equal(await page.getAttribute('.aiopg', 'data-status'), 'running');
  await page.click('.aiopg-stop');
  await page.waitForSelector('.aiopg[data-status="finished"]');
  await screenshot(page, 'embed-default');
  assert.deepEqual(errors, []);
});

test('readonly, autorun, speed=instant, panels, theme, height are honoured', async () => {
  const { page, errors } = await frame('?readonly&autorun&speed=instant&panels=console,log&theme=dark&height=360');
  assert.equal(await page.getAttribute('.aiopg .cm-content', 'aria-readonly'), 'true');
  await page.click('.aiopg .cm-content');
  await page.keyboard.type('x = 1');
  assert.doesNotMatch(await page.textContent('.aiopg .cm-content'), /x = 1/);
  // autorun at instant speed: 30 loop seconds pass at once.
  await page.waitForSelector('.aiopg[data-status="finished"]', { timeout: 10000 });
  assert.equal(await page.textContent('.aiopg-console'), '--- run 1: main.py ---start\nafter 30 s\n');
  assert.deepEqual(await page.$$eval('.aiopg-panel', (ps) => ps.map((p) => p.className.split(' ')[1])), ['aiopg-console', 'aiopg-log']);
  assert.equal(await page.getAttribute('.aiopg', 'data-theme'), 'dark');
  const bg = await page.$eval('.aiopg', (e) => getComputedStyle(e).backgroundColor);
  assert.equal(bg, 'rgb(21, 23, 27)', 'dark background');
  const h = await page.$eval('.aiopg', (e) => e.getBoundingClientRect().height);
  assert.equal(h, 360);
  await screenshot(page, 'embed-options');
  assert.deepEqual(errors, []);
});

test('a run that ends in a traceback says so in the status, as the full playground does', async () => {
  const failing = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0.1)\n    return 1 / 0\n\nasyncio.run(main())\n';
  const { page, errors } = await frame('?autorun&speed=instant', undefined, '#' + shareFragment(failing));
  await page.waitForSelector('.aiopg[data-status="finished"]', { timeout: 10000 });
  assert.match(await page.textContent('.aiopg-status'), /^Finished: error/);
  assert.ok(await page.$('.aiopg-status.aiopg-status-failed'));
  const { page: ok } = await frame('?autorun&speed=instant');
  await ok.waitForSelector('.aiopg[data-status="finished"]', { timeout: 10000 });
  assert.match(await ok.textContent('.aiopg-status'), /^Finished( ·|$)/);
  assert.equal(await ok.$('.aiopg-status-failed'), null);
  assert.deepEqual(errors, []);
});

test('speed=0.5 runs loop time at half speed; theme=light stays light', async () => {
  const { page, errors } = await frame('?speed=0.5&theme=light', { width: 600, height: 800 }, ticks);
  const bg = await page.$eval('.aiopg', (e) => getComputedStyle(e).backgroundColor);
  assert.equal(bg, 'rgb(247, 247, 245)');
  await page.click('.aiopg-run');
  await page.waitForTimeout(1500);
  // Loop time can only lag wall time: at 0.5x, 1.5 s give at most 0.75 loop seconds (7
  // ticks of 0.1 s, 8 with timer rounding); at 1x there would be 15.
  const printed = await page.evaluate(() => document.querySelector('.aiopg-console').textContent.split('\n').length - 1);
  assert.ok(printed >= 1 && printed <= 8, `${printed} ticks printed after 1.5 s at 0.5x`);
  assert.equal(await page.getAttribute('.aiopg', 'data-status'), 'running');
  assert.deepEqual(errors, []);
});

test('bad links, a missing program and bad options show a message, never a blank frame', async () => {
  const cases = [
    ['', '', /no program/],
    ['', link.slice(0, link.length - 9), /incomplete|cut off|damaged/],
    ['', '#code=zAAAA', /damaged|incomplete/],
    ['?height=tall', link, /height="tall"/],
    ['?panels=cake', link, /panels="cake"/],
  ];
  for (const [query, hash, message] of cases) {
    const { page, errors } = await openPage(app.browser, `${app.url}/embed.html${query}${hash}`);
    await page.waitForSelector('.aiopg-error');
    assert.match(await page.textContent('.aiopg-error'), message);
    assert.ok(await page.isVisible('.aiopg-run'), 'the playground is still there');
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('postMessage: documented messages from the parent are obeyed, all else ignored', async () => {
  const { page, errors } = await openPage(app.browser, `${app.url}/not-a-page`);
  await page.setContent(`<script>
    window.got = [];
    addEventListener('message', (e) => { if (e.source === document.getElementById('f').contentWindow) window.got.push(e.data); });
  </script><iframe id="f" style="width:800px;height:600px" src="${app.url}/embed.html?speed=instant&parent-origin=${app.url}${link}"></iframe>`);
  await page.waitForFunction(() => window.got.some((m) => m.type === 'asyncio-playground:ready'));
  const f = page.frameLocator('#f');
  const post = (msg) => page.evaluate((m) => document.getElementById('f').contentWindow.postMessage(m, '*'), msg);
  // Ignored: unknown types, wrong shapes, code to evaluate, and messages from the frame itself.
  await post({ type: 'asyncio-playground:eval', code: 'document.title = "pwned"' });
  await post('asyncio-playground:run');
  await post({ type: 'run' });
  await post({ type: 'asyncio-playground:set-code', code: 42 });
  // (The frame's own CSP forbids eval; the driver's evaluate runs in the frame regardless.)
  const frame = page.frames().find((fr) => fr.url().includes('/embed.html'));
  await frame.evaluate(() => postMessage({ type: 'asyncio-playground:run' }, '*'));
  await page.waitForTimeout(500);
  assert.equal(await f.locator('.aiopg').getAttribute('data-status'), 'ready');
  assert.notEqual(await page.evaluate(() => document.getElementById('f').contentDocument.title), 'pwned');
  // Obeyed: set-code, run; events come back with the output, and resize with a height.
  await post({ type: 'asyncio-playground:set-code', code: 'print("<i>from the parent</i>")\n' });
  await post({ type: 'asyncio-playground:run' });
  await page.waitForFunction(() => window.got.some((m) => m.type === 'asyncio-playground:finished'));
  const finished = await page.evaluate(() => window.got.find((m) => m.type === 'asyncio-playground:finished'));
  assert.equal(finished.stdout, '<i>from the parent</i>\n');
  assert.equal(await f.locator('.aiopg-console i').count(), 0, 'output is text');
  const kinds = await page.evaluate(() => [...new Set(window.got.map((m) => m.type))]);
  for (const k of ['ready', 'status', 'finished', 'resize']) assert.ok(kinds.includes(`asyncio-playground:${k}`), kinds.join());
  const resize = await page.evaluate(() => window.got.find((m) => m.type === 'asyncio-playground:resize'));
  assert.ok(resize.height > 100, JSON.stringify(resize));
  // (The host page itself is a 404 that setContent replaced.)
  assert.deepEqual(errors.filter((e) => !e.startsWith('Failed to load resource')), []);
});

test('parent-origin: messages from another origin are ignored', async () => {
  const { page } = await openPage(app.browser, `${app.url}/not-a-page`);
  await page.setContent(`<iframe id="f" src="${app.url}/embed.html?parent-origin=https://docs.example.org${link}"></iframe>`);
  const f = page.frameLocator('#f');
  await f.locator('.aiopg-run').waitFor();
  await page.evaluate(() => document.getElementById('f').contentWindow.postMessage({ type: 'asyncio-playground:run' }, '*'));
  await page.waitForTimeout(500);
  assert.equal(await f.locator('.aiopg').getAttribute('data-status'), 'ready');
});
