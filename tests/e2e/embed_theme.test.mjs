// data-theme="inherit" and no light flash: a block on a dark page is dark from its first
// paint; an iframe with theme=dark (or inherit, on a dark-preferring reader) has a dark
// background before the wasm module has even loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, servedBuild } from './harness.mjs';

const DARK = 'rgb(21, 23, 27)';
const PAGE = path.join(DIST, 'e2e-theme.html');
const page = (scheme) => `<!doctype html><html lang="en" style="color-scheme: ${scheme}; background: #101010">
<head><meta charset="utf-8"><title>theme fixture</title><link rel="icon" href="favicon.svg"><script type="module" src="loader.js"></script></head>
<body><pre data-asyncio-playground id="t" data-theme="inherit">print("hi")</pre></body></html>`;

/** `t` + base64url(LEB128 length + text): a share link's plain payload. */
const link = (code) => 't' + Buffer.concat([Buffer.from([Buffer.byteLength(code)]), Buffer.from(code)]).toString('base64url');

const app = servedBuild({ remove: [PAGE] });

/** A page whose wasm download is held back until `release()`. */
async function slowWasm(colorScheme) {
  const context = await app.browser.newContext({ colorScheme });
  const p = await context.newPage();
  let release;
  const held = new Promise((ok) => { release = ok; });
  await p.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  // Record each embed's background the moment it enters the DOM (before it is painted).
  await p.addInitScript(() => {
    window.__firstBackgrounds = [];
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        const el = n.nodeType === 1 && (n.matches('.aiopg') ? n : n.querySelector?.('.aiopg'));
        if (el) window.__firstBackgrounds.push([el.dataset.theme, getComputedStyle(el).backgroundColor]);
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return { p, context, release };
}

test('data-theme=inherit follows the host page and is dark from the first paint', async () => {
  fs.writeFileSync(PAGE, page('dark'));
  const { p, context, release } = await slowWasm('light');
  await p.goto(app.url + '/e2e-theme.html');
  await p.waitForSelector('#t[data-asyncio-playground-state="loading"]', { state: 'attached' });
  assert.equal(await p.$('.aiopg'), null, 'still loading');
  release();
  await p.waitForSelector('#t[data-asyncio-playground-state="live"]', { state: 'attached' });
  assert.deepEqual(await p.evaluate(() => window.__firstBackgrounds), [['dark', DARK]]);
  await context.close();
  // A light host stays light even for a reader who prefers dark; no scheme: the reader's.
  for (const [scheme, reader, want] of [['light', 'dark', 'light'], ['normal', 'dark', 'dark'], ['normal', 'light', 'light']]) {
    fs.writeFileSync(PAGE, page(scheme));
    const c = await app.browser.newContext({ colorScheme: reader });
    const q = await c.newPage();
    await q.goto(app.url + '/e2e-theme.html');
    await q.waitForSelector('.aiopg');
    assert.equal(await q.getAttribute('.aiopg', 'data-theme'), want, `host ${scheme}, reader ${reader}`);
    await c.close();
  }
});

test('an iframe with theme=dark is dark before the wasm loads (no light flash)', async () => {
  for (const [query, reader] of [['theme=dark', 'light'], ['theme=inherit', 'dark']]) {
    const { p, context, release } = await slowWasm(reader);
    await p.goto(`${app.url}/embed.html?${query}#code=${link('print("hi")\n')}`);
    await p.waitForLoadState('domcontentloaded');
    const early = await p.evaluate(() => [getComputedStyle(document.documentElement).backgroundColor, !!document.querySelector('.aiopg')]);
    assert.deepEqual(early, [DARK, false], `${query}: background before the wasm module loaded`);
    release();
    await p.waitForSelector('.aiopg');
    assert.equal(await p.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), DARK);
    await context.close();
  }
});
