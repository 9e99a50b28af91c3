// Share links through the UI: Copy link on every preset, opened in a fresh page, gives the
// program back byte for byte without touching the autosaved one; bad links say what is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, screenshot, DIST, servedBuild } from './harness.mjs';

const PRESETS = path.resolve(DIST, '../www/presets');
const index = JSON.parse(fs.readFileSync(path.join(PRESETS, 'index.json'), 'utf8'));
const OWN = '# my own program\nprint("mine")\n';

const app = servedBuild();

/** The editor's text, line by line as CodeMirror shows it (the presets fit on screen). */
const editorText = async (page) => {
  await page.waitForSelector('#code .cm-content'); // the editor is a preview until the page is idle
  return page.$$eval('#code .cm-line', (ls) => ls.map((l) => l.textContent).join('\n'));
};
const saved = (page) => page.evaluate(() => localStorage.getItem('asyncio-playground.code'));

async function copyLink(page) {
  await page.click('#copy-link');
  await page.waitForSelector('#share-url');
  const url = await page.inputValue('#share-url');
  await page.click('.share-popover button');
  return url;
}

test('every preset round-trips byte for byte through Copy link, leaving the saved program alone', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 1400 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(app.url + '/');
  await page.evaluate((own) => localStorage.setItem('asyncio-playground.code', own), OWN);
  const lengths = [];
  const links = [];
  for (const { id } of index) {
    await page.goto(app.url + '/');
    await page.waitForSelector('#code .cm-content');
    await page.selectOption('#examples', id);
    await page.selectOption('#speed', '2');
    const url = await copyLink(page);
    assert.ok(url.startsWith(app.url + '/#speed=2&code=z'), url);
    lengths.push(url.length - url.indexOf('#'));
    links.push([id, url]);
  }
  // Opening a link must not touch what is saved: put the user's own program back first.
  await page.evaluate((own) => localStorage.setItem('asyncio-playground.code', own), OWN);
  for (const [id, url] of links) {
    const want = fs.readFileSync(path.join(PRESETS, `${id}.py`), 'utf8');
    const p = await context.newPage();
    await p.goto(url);
    await p.waitForSelector('#link-banner');
    await p.waitForSelector('#code .cm-content');
    assert.equal(await editorText(p), want, `${id}: editor text`);
    assert.equal(await p.inputValue('#speed'), '2', `${id}: speed`);
    assert.match(await p.textContent('#link-banner'), /Opened from a link/);
    // Copying again gives the very same link: the bytes came back exactly.
    assert.equal(await copyLink(p), url, `${id}: link differs after a round trip`);
    assert.equal(await saved(p), OWN, `${id}: the saved program changed`);
    await p.close();
  }
  lengths.sort((a, b) => a - b);
  console.log(`# share link fragment lengths over ${lengths.length} presets: median ${lengths[lengths.length >> 1]}, max ${lengths[lengths.length - 1]}, min ${lengths[0]}`);
  await context.close();
  assert.deepEqual(errors, []);
});

test('Keep makes the link program the saved one; Restore my code brings back the own one', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.evaluate((own) => localStorage.setItem('asyncio-playground.code', own), OWN);
  await page.goto(app.url + '/');
  await page.waitForSelector('#code .cm-content');
  await page.selectOption('#examples', index[1].id);
  const url = await copyLink(page);
  await page.evaluate((own) => localStorage.setItem('asyncio-playground.code', own), OWN);
  // Restore my code.
  await page.goto(url);
  await page.waitForSelector('#link-restore');
  await screenshot(page, 'share-banner');
  await page.click('#link-restore');
  await page.waitForSelector('#link-banner', { state: 'detached' });
  assert.equal(await editorText(page), OWN);
  assert.equal(new URL(page.url()).hash, '', 'the link left the address bar');
  assert.equal(await saved(page), OWN);
  // Keep.
  await page.goto(url);
  await page.waitForSelector('#link-keep');
  await page.click('#link-keep');
  await page.waitForSelector('#link-banner', { state: 'detached' });
  const want = fs.readFileSync(path.join(PRESETS, `${index[1].id}.py`), 'utf8');
  assert.equal(await saved(page), want);
  assert.deepEqual(errors, []);
});

test('bad, truncated and foreign links show a clear message and the own program', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.url + '/');
  await page.waitForSelector('#code .cm-content');
  await page.selectOption('#examples', index[0].id);
  const url = await copyLink(page);
  await page.evaluate((own) => localStorage.setItem('asyncio-playground.code', own), OWN);
  await page.close();
  const hash = url.slice(url.indexOf('#'));
  const cases = [
    [hash.slice(0, Math.floor(hash.length * 0.6)), /incomplete|cut off|damaged/],
    [hash.slice(0, -3), /incomplete|cut off|damaged/],
    ['#code=zAAAA', /damaged|incomplete/],
    ['#code=z$$$$', /damaged/],
    ['#code=q' + hash.slice(hash.indexOf('code=') + 6), /newer version/],
    ['#speed=fast' + hash.slice(hash.indexOf('&')), /speed="fast"/],
    ['#code=', /no program/],
  ];
  for (const [bad, message] of cases) {
    const p = await context.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.goto(app.url + '/' + bad);
    await p.waitForSelector('#link-banner.link-error');
    const text = await p.textContent('#link-banner');
    assert.match(text, message, `${bad.slice(0, 40)}…: ${text}`);
    assert.match(text, /could not be opened/);
    await p.waitForSelector('#code .cm-content');
    assert.equal(await editorText(p), OWN, 'the own program is open');
    await p.click('#link-dismiss');
    await p.waitForSelector('#link-banner', { state: 'detached' });
    assert.deepEqual(errors, [], bad);
    await p.close();
  }
  await context.close();
});

test('a link carries the open tabs and the speed, and opens with them', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  await page.click('#tab-tree');
  await page.click('#tab-log');
  await page.selectOption('#speed', 'instant');
  const url = await copyLink(page);
  assert.match(url, /#speed=instant&panels=tree,log&code=z/);
  const p = await app.browser.newPage();
  await p.goto(url);
  await p.waitForSelector('#link-banner');
  assert.equal(await p.getAttribute('#tab-tree', 'aria-selected'), 'true');
  assert.equal(await p.getAttribute('#tab-log', 'aria-selected'), 'true');
  assert.equal(await p.inputValue('#speed'), 'instant');
  await p.close();
  // A link's theme applies to this visit only; the saved choice stays as it was.
  const dark = await app.browser.newPage();
  await dark.goto(url.replace('#speed=instant&', '#speed=instant&theme=dark&'));
  await dark.waitForSelector('#link-banner');
  assert.equal(await dark.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await dark.evaluate(() => localStorage.getItem('asyncio-playground.theme')), null);
  await dark.close();
  assert.deepEqual(errors, []);
});
