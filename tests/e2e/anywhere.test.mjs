// The built site on plain static hosting (issue 11, "works anywhere"): served from a sub-path
// (/docs/play/, as GitHub Pages serves a project) with no special headers (no COOP/COEP, so no
// SharedArrayBuffer), then again under a strict Content-Security-Policy header that allows
// only the site's own scripts and 'wasm-unsafe-eval'. The full playground, the iframe view,
// the loader on a host page outside the build's folder and the tutorial each run a program;
// no request leaves the sub-path, none fails, and no CSP violation is reported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, subPathSite, shareFragment, STRICT_CSP, setCode } from './harness.mjs';


const PROGRAM = 'import asyncio\n\nasync def hello(n):\n    await asyncio.sleep(n / 10)\n    print("hello", n)\n\nasync def main():\n    await asyncio.gather(hello(2), hello(1))\n    print("done")\n\nasyncio.run(main())\n';
const OUTPUT = 'hello 1\nhello 2\ndone\n';

let site, browser;
before(async () => {
  site = await subPathSite({ 'host.html': hostPage(), 'frame.html': framePage() });
  browser = await launch();
});
after(async () => { await browser?.close(); await site?.remove(); });

/** A page of someone's docs, one folder away from the playground, using the loader. */
function hostPage() {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="../play/favicon.svg"><title>A host page</title>
<script type="module" src="../play/loader.js"></script></head>
<body><h1>Host page</h1>
<pre data-asyncio-playground id="host-block" data-speed="instant">${PROGRAM.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>
</body></html>`;
}

/** A host page with the iframe view of PROGRAM (autorun, instant). */
function framePage() {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="../play/favicon.svg"><title>An iframe</title></head>
<body><iframe title="asyncio example" style="width:100%;height:500px;border:0"
  src="../play/embed.html?autorun&amp;speed=instant#${shareFragment(PROGRAM)}"></iframe></body></html>`;
}

/** A fresh page that records console errors, failed or off-path requests and CSP violations. */
async function watched(base) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(`${base}/docs/`)) problems.push(`request outside the sub-path: ${r.url()}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  // In every frame, before any of the page's scripts.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  return { page, problems };
}

for (const [label, headers] of [['no special headers', {}], ['a strict CSP header', { 'content-security-policy': STRICT_CSP }]]) {
  test(`from a sub-path with ${label}: playground, iframe, loader on a host page and tutorial all run`, async () => {
    const server = await serve(site.root, headers);
    const play = `${server.url}/docs/play/`;
    try {
      // 1. The full playground, at the folder's own address.
      const { page, problems } = await watched(server.url);
      await page.goto(play);
      assert.deepEqual(await page.evaluate(() => [typeof SharedArrayBuffer, crossOriginIsolated]), ['undefined', false],
        'served without COOP/COEP, so no SharedArrayBuffer');
      await setCode(page, PROGRAM);
      await page.selectOption('#speed', 'instant');
      await page.click('#run');
      await page.waitForSelector('#status:text("Finished")', { timeout: 15000 });
      const consoleText = await page.textContent('#console');
      assert.ok(consoleText.includes(OUTPUT), consoleText);

      // 2. The iframe view, inside a host page (frame-ancestors 'self').
      await page.goto(`${server.url}/docs/guide/frame.html`);
      const frame = page.frameLocator('iframe');
      await frame.locator('.aiopg[data-status="finished"]').waitFor({ timeout: 15000 });
      assert.match(await frame.locator('div.console.aiopg-console').textContent(), /hello 1\s*hello 2\s*done/);

      // 3. The loader on a host page outside the build's folder.
      await page.goto(`${server.url}/docs/guide/host.html`);
      await page.waitForSelector('#host-block[data-asyncio-playground-state="live"]', { state: 'attached' });
      const out = await page.evaluate(() => new Promise((ok) => {
        const pg = document.querySelector('#host-block').asyncioPlayground;
        pg.on('finished', ok);
        pg.run();
      }));
      assert.equal(out.stdout, OUTPUT);

      // 4. The tutorial, which uses the loader from inside the folder.
      await page.goto(`${play}tutorial.html`);
      await page.waitForSelector('#ex-create[data-asyncio-playground-state="live"]', { state: 'attached' });
      const tut = await page.evaluate(() => new Promise((ok) => {
        const pg = document.querySelector('#ex-create').asyncioPlayground;
        pg.on('finished', ok);
        pg.run();
      }));
      assert.match(tut.stdout, /awaited: tea/);
      assert.deepEqual(problems, []);
      await page.close();
    } finally {
      await server.close();
    }
  });
}
