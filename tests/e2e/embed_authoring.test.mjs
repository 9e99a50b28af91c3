// Tutorial authoring in loader blocks (docs/embedding.md): hidden setup (data-setup and
// `# hide` lines), chained snippets (data-after), line numbers as the reader sees them,
// Reset code. Fixture: tests/e2e/pages/authoring.html, served beside the built site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openPage, screenshot, DIST, servedBuild } from './harness.mjs';

const FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), 'pages', 'authoring.html');
const PAGE = path.join(DIST, 'e2e-authoring.html');

const app = servedBuild({ copy: [[FIXTURE, PAGE]] });

/** Mounts every block; returns the load error note of those that could not start. */
async function mountAll(page) {
  return page.evaluate(async () => {
    const { mount } = await import('/loader.js');
    const blocks = [...document.querySelectorAll('pre[data-asyncio-playground]')];
    await Promise.all(blocks.map((b) => mount(b).catch(() => null)));
    return Object.fromEntries(blocks.filter((b) => b.dataset.asyncioPlaygroundState === 'error')
      .map((b) => [b.id, b.nextElementSibling.textContent]));
  });
}

const runOf = (page, id) => page.evaluate((id) => new Promise((done) => {
  const pg = document.getElementById(id).asyncioPlayground;
  const off = pg.on('finished', (d) => { off(); done(d); });
  pg.run();
}), id);

// (Each editor is a preview until CodeMirror takes over once the page is idle: wait for it.)
const gutter = async (page, id) => {
  await page.waitForSelector(`#${id} + .aiopg-host .cm-content`);
  return page.$$eval(`#${id} + .aiopg-host .cm-lineNumbers .cm-gutterElement`,
    (els) => els.filter((e) => getComputedStyle(e).visibility !== 'hidden') // not the width spacer
      .map((e) => e.textContent).filter((t) => /^\d+$/.test(t)));
};

test('hidden setup runs first, is not shown, and the toggle shows it read-only', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/e2e-authoring.html');
  const failed = await mountAll(page);
  const content = await page.textContent('#a + .aiopg-host .cm-content');
  assert.ok(!content.includes('async def fetch') && !content.includes('import asyncio'), content);
  assert.match(content, /print\("a:", await fetch\(1\)\)/);
  assert.deepEqual(await gutter(page, 'a'), ['1', '2', '3', '4', '5']);
  assert.equal(await page.evaluate(() => document.getElementById('a').asyncioPlayground.code),
    'async def main():\n    print("a:", await fetch(1))\n\nasyncio.run(main())\n');
  assert.deepEqual(await runOf(page, 'a'), { stdout: 'a: 10\n', stderr: '' });
  // Show hidden lines: the setup appears greyed, numbered '·'; the visible lines keep 1..4.
  await page.click('#a + .aiopg-host .aiopg-show-hidden');
  assert.match(await page.textContent('#a + .aiopg-host .cm-content'), /async def fetch\(n\):/);
  assert.equal(await page.$$eval('#a + .aiopg-host .cm-hidden-line', (l) => l.length), 7);
  assert.deepEqual(await gutter(page, 'a'), ['1', '2', '3', '4', '5']);
  assert.equal(await page.getAttribute('#a + .aiopg-host .aiopg-show-hidden', 'aria-pressed'), 'true');
  // Typing into a shown hidden line changes nothing.
  await page.click('#a + .aiopg-host .cm-hidden-line >> nth=2');
  await page.keyboard.type('zzz');
  assert.ok(!(await page.textContent('#a + .aiopg-host .cm-content')).includes('zzz'));
  // Typing at the very start goes below the hidden lines, never into them.
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('yyy');
  assert.equal(await page.textContent('#a + .aiopg-host .cm-hidden-line >> nth=0'), 'import asyncio');
  assert.match(await page.evaluate(() => document.getElementById('a').asyncioPlayground.code), /^yyyasync def main/);
  await page.evaluate(() => document.getElementById('a').asyncioPlayground.resetCode());
  await page.click('#a + .aiopg-host .aiopg-show-hidden');
  assert.equal(await page.$$eval('#a + .aiopg-host .cm-hidden-line', (l) => l.length), 0);
  // Broken chains say what is wrong.
  assert.match(failed.c1, /data-after makes a cycle: #c1 → #c2 → #c1/);
  assert.match(failed.m, /data-after="nope" on #m: no playground block has id="nope"/);
  await screenshot(page, 'authoring-hidden');
  assert.deepEqual(errors, []);
});

test('the reader edits the visible part; the hidden setup keeps working; Reset code restores', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/e2e-authoring.html');
  await mountAll(page);
  assert.equal(await page.isVisible('#a + .aiopg-host .aiopg-reset-code'), false, 'no Reset code before an edit');
  // Select all and replace: only the visible lines go.
  await page.click('#a + .aiopg-host .cm-content');
  await page.keyboard.press('Control+a'); // then paste over it: the setup stays
  await page.keyboard.insertText('async def main():\n    print("edited:", await fetch(3))\n\nasyncio.run(main())\n');
  assert.equal(await page.evaluate(() => document.getElementById('a').asyncioPlayground.edited), true);
  assert.deepEqual(await runOf(page, 'a'), { stdout: 'edited: 30\n', stderr: '' });
  // Backspace at the start of the first visible line does not eat the setup above it.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  assert.deepEqual(await runOf(page, 'a'), { stdout: 'edited: 30\n', stderr: '' });
  // Reset code appears once edited and puts the author's code (and hidden lines) back.
  await page.click('#a + .aiopg-host .aiopg-reset-code');
  await page.waitForSelector('#a + .aiopg-host .aiopg-reset-code', { state: 'detached' });
  assert.equal(await page.evaluate(() => document.getElementById('a').asyncioPlayground.edited), false);
  assert.ok(!(await page.textContent('#a + .aiopg-host .cm-content')).includes('import asyncio'));
  assert.deepEqual(await runOf(page, 'a'), { stdout: 'a: 10\n', stderr: '' });
  // setCode replaces the visible part only.
  const out = await page.evaluate(async () => {
    const pg = document.getElementById('a').asyncioPlayground;
    pg.setCode('print("set:", asyncio.run(fetch(4)))\n');
    return [pg.code, pg.edited];
  });
  assert.deepEqual(out, ['print("set:", asyncio.run(fetch(4)))\n', true]);
  assert.deepEqual(await runOf(page, 'a'), { stdout: 'set: 40\n', stderr: '' });
  assert.deepEqual(errors, []);
});

test('a chained block re-runs the chain; its traceback, lints and gutter use the visible lines', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/e2e-authoring.html');
  await mountAll(page);
  // b = a's setup + a's code + b's code (its `# hide` line hidden).
  assert.deepEqual(await gutter(page, 'b'), ['1', '2', '3', '4', '5', '6']);
  assert.ok(!(await page.textContent('#b + .aiopg-host .cm-content')).includes('x = 1'));
  // Deleting the line breaks around the hidden line (from either side) is refused.
  await page.click('#b + .aiopg-host .cm-line >> nth=0');
  await page.keyboard.press('End');
  await page.keyboard.press('Delete');
  await page.click('#b + .aiopg-host .cm-line >> nth=1');
  await page.keyboard.press('Home');
  await page.keyboard.press('Home');
  await page.keyboard.press('Backspace');
  assert.equal(await page.evaluate(() => document.getElementById('b').asyncioPlayground.edited), false);
  assert.deepEqual(await gutter(page, 'b'), ['1', '2', '3', '4', '5', '6']);
  const r = await runOf(page, 'b');
  assert.equal(r.stdout, 'a: 10\nb: 21\n');
  // main2's frame is the reader's line 3; the line in fetch() is hidden setup and says so.
  assert.match(r.stderr, /File "main\.py", line 5, in <module>/);
  assert.match(r.stderr, /File "main\.py", line 3, in main2/);
  assert.match(r.stderr, /File "main\.py", hidden setup line \d+, in fetch/);
  assert.match(r.stderr, /ValueError: too slow: 9/);
  const shown = await page.textContent('#b + .aiopg-host .aiopg-console');
  assert.ok(shown.includes('line 3, in main2') && shown.includes('hidden setup line'), shown);
  // A lint on a block with 7 setup lines names the reader's line 2.
  await runOf(page, 'l');
  await page.waitForSelector('#l + .aiopg-host .lint-line');
  assert.equal((await page.textContent('#l + .aiopg-host .lint-line')).trim(), 'line 2');
  // Re-running starts fresh: the same output again (no state kept from the last run).
  assert.equal((await runOf(page, 'b')).stdout, 'a: 10\nb: 21\n');
  // mount() options: setup and after work as the data-* attributes do.
  const viaApi = await page.evaluate(async () => {
    const { mount } = await import('/loader.js');
    const box = document.createElement('div');
    document.body.append(box);
    const pg = await mount(box, { code: 'print(x, asyncio.run(fetch(0)))\n', setup: 'x = 5', after: 'a', speed: 'instant' });
    const done = new Promise((ok) => pg.on('finished', ok));
    pg.run();
    return [pg.code, (await done).stdout];
  });
  assert.deepEqual(viaApi, ['print(x, asyncio.run(fetch(0)))\n', 'a: 10\n5 0\n']);
  assert.deepEqual(errors, []);
});

test('in an iframe, `# hide` lines of the link\'s program run but are not shown', async () => {
  const code = 'import asyncio  # hide\nsecret = 42  # hide\nprint("the answer is", secret)\n';
  const payload = 't' + Buffer.concat([Buffer.from([Buffer.byteLength(code)]), Buffer.from(code)]).toString('base64url');
  const { page, errors } = await openPage(app.browser, `${app.url}/embed.html?speed=instant#code=${payload}`);
  await page.waitForSelector('.aiopg .cm-content');
  const shown = await page.textContent('.cm-content');
  assert.ok(!shown.includes('secret = 42') && shown.includes('print("the answer is", secret)'), shown);
  await page.click('.aiopg-run');
  await page.waitForSelector('.aiopg[data-status="finished"]');
  assert.match(await page.textContent('.console.aiopg-console'), /the answer is 42/);
  assert.deepEqual(errors, []);
});
