// Keyboard alone (no clicks): reach and run an embed, type in its editor (Tab indents), leave
// it with Esc then Tab (announced), reach Reset code and the other controls; in the full
// playground, reach Copy link and the embed snippets' Copy buttons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openPage, DIST, servedBuild } from './harness.mjs';

const FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), 'pages', 'keyboard.html');
const PAGE = path.join(DIST, 'e2e-keyboard.html');

const app = servedBuild({ copy: [[FIXTURE, PAGE]] });

/** What has focus: an id, a class list, or `editor` inside CodeMirror. */
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  if (!a || a === document.body) return 'body';
  if (a.closest('.cm-editor')) return 'editor';
  return a.id ? `#${a.id}` : `.${[...a.classList].join('.')}`;
});

/** Presses `key` until `want(focused)` holds (at most `max` times). */
async function pressUntil(page, key, want, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (want(f)) return f;
  }
  throw new Error(`${key} never reached the target; focus is on ${await focused(page)}`);
}

test('an embed is usable with the keyboard alone', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/e2e-keyboard.html');
  await page.waitForSelector('#k[data-asyncio-playground-state="live"]', { state: 'attached' });
  // Tab from the top: the link, then the embed's Run button; Enter runs.
  await pressUntil(page, 'Tab', (f) => f.includes('aiopg-run'), 5);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.aiopg[data-status="finished"]');
  assert.match(await page.textContent('.aiopg-console'), /hello/);
  // On into the editor (past Reset, Show hidden lines, the link).
  await pressUntil(page, 'Tab', (f) => f === 'editor', 8);
  const hint = await page.evaluate(() => {
    const c = document.querySelector('.cm-content');
    return document.getElementById(c.getAttribute('aria-describedby'))?.textContent;
  });
  assert.match(hint, /Escape, then Tab/);
  // Tab indents inside the editor (focus stays); typing edits the visible code.
  await page.keyboard.press('Control+End'); // the empty line after the last one
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'editor');
  assert.match(await page.evaluate(() => document.getElementById('k').asyncioPlayground.code), /\n {4}$/, 'Tab indented');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('print("typed")');
  assert.equal(await page.evaluate(() => document.getElementById('k').asyncioPlayground.code),
    'async def main():\n    print("hello")\n\nasyncio.run(main())\nprint("typed")');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => document.getElementById('k').asyncioPlayground.output().stdout === 'hello\ntyped\n');
  // Esc then Tab leaves, and a screen reader hears how.
  await page.keyboard.press('Escape');
  assert.match(await page.textContent('.aiopg-code [aria-live]'), /Tab now moves focus out/);
  await page.keyboard.press('Tab');
  assert.notEqual(await focused(page), 'editor');
  // Back with Shift+Tab: into the editor, out again with Esc, on to Reset code; Enter.
  await pressUntil(page, 'Shift+Tab', (f) => f === 'editor', 10);
  await page.keyboard.press('Escape');
  const reached = await pressUntil(page, 'Shift+Tab', (f) => f.includes('aiopg-reset-code'), 6);
  assert.ok(reached);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.getElementById('k').asyncioPlayground.edited);
  // Every control of the bar is reachable: Run, Reset, Show hidden lines, Open.
  const seen = new Set();
  await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < 8; i++) { seen.add(await focused(page)); await page.keyboard.press('Tab'); }
  for (const c of ['aiopg-run', 'aiopg-reset', 'aiopg-show-hidden', 'aiopg-open']) {
    assert.ok([...seen].some((f) => f.split('.').includes(c)), `${c} not reached: ${[...seen]}`);
  }
  // Show hidden lines with Space.
  await pressUntil(page, 'Shift+Tab', (f) => f.includes('aiopg-show-hidden'), 8);
  await page.keyboard.press('Space');
  assert.match(await page.textContent('.cm-content'), /import asyncio/);
  assert.deepEqual(errors, []);
});

test('the full playground\'s Copy link and embed snippets are reachable by keyboard', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  await pressUntil(page, 'Tab', (f) => f === '#copy-link', 60);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#share-iframe');
  await pressUntil(page, 'Tab', (f) => f === '#copy-iframe', 6);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#copy-iframe').textContent !== 'Copy');
  await pressUntil(page, 'Tab', (f) => f === '#copy-pre', 4);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#share-iframe', { state: 'detached' });
  assert.deepEqual(errors, []);
});
