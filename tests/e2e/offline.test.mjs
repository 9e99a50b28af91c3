// Offline after the first load (www/sw.js, written per build by scripts/offline.mjs): one
// visit to one page of the build, served from a sub-path under a strict CSP header, and then,
// with the network off, the full playground, the iframe view and the tutorial all run a
// program. A new build replaces the offline copy on the next visit, and an online reader is
// always served what the server has now.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { serve, launch, subPathSite, shareFragment, DIST, STRICT_CSP, setCode } from './harness.mjs';

const PROGRAM = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0.5)\n    print("offline ok")\n\nasyncio.run(main())\n';

let site, server, browser;
before(async () => {
  site = await subPathSite();
  // From a sub-path, no COOP/COEP, under the strict CSP: the worker must register all the same.
  server = await serve(site.root, { 'content-security-policy': STRICT_CSP });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await site?.remove(); });

/** Resolves once a service worker controls the page and has finished caching its build. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
}

/** The playground's caches (one per folder and build). */
const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('asyncio-playground ')));

/** Runs the tutorial's first example through the loader's API; resolves to its stdout. */
async function runTutorial(page) {
  await page.waitForSelector('#ex-create[data-asyncio-playground-state="live"]', { state: 'attached' });
  return page.evaluate(() => new Promise((ok) => {
    const pg = document.querySelector('#ex-create').asyncioPlayground;
    pg.on('finished', ({ stdout }) => ok(stdout));
    pg.run();
  }));
}

test('after one visit to the tutorial, the tutorial, the playground and the iframe view run offline', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Errors, and offline.js's warning if the worker could not be registered.
  page.on('console', (m) => { if (m.type() === 'error' || m.text().startsWith('asyncio playground:')) errors.push(m.text()); });
  const play = `${server.url}/docs/play/`;
  await page.goto(`${play}tutorial.html`);
  await controlled(page);
  const names = await cacheNames(page);
  assert.equal(names.length, 1, `one cache: ${names}`);
  assert.ok(names[0].startsWith(`asyncio-playground ${play} `), names[0]);

  await context.setOffline(true);
  // Really offline: a file that is not part of the build cannot be fetched.
  assert.equal(await page.evaluate(() => fetch('not-in-the-build.txt').then(() => 'fetched', () => 'failed')), 'failed');
  errors.length = 0; // (that failed fetch logged an error)

  await page.reload();
  assert.match(await runTutorial(page), /awaited: tea/);

  // Pages never visited online come from the same copy.
  await page.goto(play);
  await setCode(page, PROGRAM);
  await page.selectOption('#speed', 'instant');
  await page.click('#run');
  await page.waitForSelector('#status:text("Finished")', { timeout: 15000 });
  assert.match(await page.textContent('#console'), /offline ok/);

  await page.goto(`${play}embed.html?autorun&speed=instant#${shareFragment(PROGRAM)}`);
  await page.waitForSelector('.aiopg[data-status="finished"]', { timeout: 15000 });
  assert.match(await page.textContent('div.console.aiopg-console'), /offline ok/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new build replaces the offline copy on the next visit, and online readers get the new files at once', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const play = `${server.url}/docs/play/`;
  await page.goto(`${play}tutorial.html`);
  await controlled(page);
  const [first] = await cacheNames(page);

  // Deploy a new build: a changed page and, as scripts/offline.mjs writes it, a new sw.js.
  const tutorial = path.join(site.play, 'tutorial.html');
  const html = await fs.readFile(tutorial, 'utf8');
  await fs.writeFile(tutorial, html.replace('<h1>', '<p id="new-build">new build</p>\n<h1>'));
  const before = await fs.readFile(path.join(site.play, 'sw.js'), 'utf8');
  execFileSync('node', [path.join(DIST, '..', 'scripts', 'offline.mjs'), site.play]);
  assert.notEqual(await fs.readFile(path.join(site.play, 'sw.js'), 'utf8'), before, 'a new sw.js');

  // Online, the old worker still hands over what the server has now (network first).
  await page.goto(`${play}tutorial.html`);
  assert.equal(await page.textContent('#new-build'), 'new build');
  // The visit found the new sw.js; once it is active only the new build's cache is left.
  let names = [first];
  for (const start = Date.now(); names.length !== 1 || names[0] === first; await page.waitForTimeout(200)) {
    assert.ok(Date.now() - start < 15000, `the new build's cache never replaced the old one: ${names}`);
    names = await cacheNames(page);
  }

  await context.setOffline(true);
  await page.reload();
  assert.equal(await page.textContent('#new-build'), 'new build', 'the offline copy is the new build');
  assert.match(await runTutorial(page), /awaited: tea/);
  await context.close();
});
