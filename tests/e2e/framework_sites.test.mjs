// Real docs-framework sites (docs/embedding.md#recipes): tests/sites/mkdocs (MkDocs Material)
// and tests/sites/sphinx, each built by its own tool (pinned in tests/sites/requirements.txt,
// installed by scripts/bootstrap.sh) with dist/ copied in as the recipe says. In Chromium the
// block marked with the framework's own syntax becomes a playground holding exactly the
// author's code (highlighting spans, line numbers and entities undone), runs, and prints;
// the unmarked block stays as the framework rendered it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, openPage, screenshot, DIST } from './harness.mjs';

const ROOT = path.resolve(DIST, '..');
const VENV = process.env.SITES_VENV || path.join(ROOT, 'target', 'sites-venv');
const bin = (name) => path.join(VENV, 'bin', name);

const CODE = 'import asyncio\n\nasync def greet(name, delay):\n    await asyncio.sleep(delay)\n    print(f"hello {name} & <friends>")\n\nasync def main():\n    await asyncio.gather(greet("b", 0.2), greet("a", 0.1))\n    print("done")\n\nasyncio.run(main())\n';
const OUTPUT = 'hello a & <friends>\nhello b & <friends>\ndone\n';

const SITES = {
  'MkDocs Material': {
    source: 'mkdocs',
    playground: 'docs/playground', // where the recipe puts dist/
    build: (dir, url) => {
      // Instant navigation only follows links under site_url: the address it is served at.
      const config = path.join(dir, 'mkdocs.yml');
      fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/^site_url: .*$/m, `site_url: ${url}/`));
      execFileSync(bin('mkdocs'), ['build', '-q', '-f', config, '-d', path.join(dir, 'site')],
        { env: { ...process.env, NO_MKDOCS_2_WARNING: '1' }, stdio: 'pipe' });
    },
    out: 'site',
    plain: '.highlight:not(.asyncio)',
    speed: 'instant', // { .python .asyncio data-speed="instant" }: attr_list's options carry over
    // navigation.instant swaps the next page in without loading it: its block is adopted too.
    next: { link: 'a.md-footer__link--next', code: /create_task\(asyncio\.sleep\(0\.1, result="slept"\)\)/, stdout: 'slept\n' },
  },
  Sphinx: {
    source: 'sphinx',
    playground: '_static/playground',
    build: (dir) => execFileSync(bin('sphinx-build'), ['-q', '-b', 'html', dir, path.join(dir, '_build')], { stdio: 'pipe' }),
    out: '_build',
    plain: '.highlight-python:not(.asyncio)',
    speed: null,
    next: null,
  },
};

let browser;
const cleanup = [];
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const fn of cleanup) await fn();
});

for (const [name, site] of Object.entries(SITES)) {
  test(`${name}: the marked code block becomes a playground that runs`, async () => {
    assert.ok(fs.existsSync(bin('python')), `no ${VENV}: run scripts/bootstrap.sh (it installs tests/sites/requirements.txt)`);
    // Build the site from a copy of its sources, with the playground where the recipe puts it.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aiopg-${site.source}-`));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.cpSync(path.join(ROOT, 'tests', 'sites', site.source), dir, { recursive: true });
    fs.cpSync(DIST, path.join(dir, site.playground), { recursive: true });
    const server = await serve(path.join(dir, site.out));
    cleanup.push(() => server.close());
    site.build(dir, server.url);

    const { page, errors } = await openPage(browser, `${server.url}/index.html`, { width: 1100, height: 900 });
    await page.waitForSelector('pre[data-asyncio-playground-state="live"]', { state: 'attached', timeout: 20000 });
    // One playground, with the author's code exactly.
    const pgs = await page.$$eval('pre[data-asyncio-playground]', (ps) => ps.map((p) => p.asyncioPlayground?.code));
    assert.deepEqual(pgs, [CODE]);
    assert.equal(await page.getAttribute('pre[data-asyncio-playground]', 'data-speed'), site.speed);
    // The framework's own block is hidden; the unmarked one is untouched and visible.
    assert.equal(await page.isVisible('[data-asyncio-playground-adopted]'), false);
    assert.equal(await page.isVisible(site.plain), true);
    assert.match(await page.textContent(site.plain), /print\("just code"\)/);
    // Run it with the playground's own button and read its console.
    await page.click('.aiopg-host .aiopg-run');
    await page.waitForSelector('.aiopg[data-status="finished"]', { timeout: 15000 });
    const out = await page.evaluate(() => document.querySelector('pre[data-asyncio-playground]').asyncioPlayground.output());
    assert.equal(out.stdout, OUTPUT);
    assert.match(await page.textContent('.aiopg-host div.console'), /hello a & <friends>/);
    await screenshot(page, `site-${site.source}`);
    if (site.next) {
      await page.evaluate(() => { window.notReloaded = true; });
      await page.click(site.next.link);
      // (Until the swap, the first page's playground is still there: wait for the new one.)
      await page.waitForFunction((first) => {
        const live = document.querySelector('pre[data-asyncio-playground-state="live"]');
        return live && live.asyncioPlayground && live.asyncioPlayground.code !== first;
      }, CODE, { timeout: 20000 });
      assert.equal(await page.evaluate(() => window.notReloaded), true, 'the next page was swapped in, not loaded');
      assert.equal(await page.$$eval('pre[data-asyncio-playground]', (ps) => ps.length), 1, 'the first page\'s block is gone');
      // ...and its playground with it: destroyed, not left running off the page.
      const live = await page.evaluate(async () => {
        // (The loader's address as first loaded: the swapped page resolves its src elsewhere.)
        const url = performance.getEntriesByType('resource').find((e) => e.name.includes('/loader.js')).name;
        const { playgrounds } = await import(url);
        return playgrounds().map((p) => p.element.isConnected);
      });
      assert.deepEqual(live, [true]);
      const pg = await page.$eval('pre[data-asyncio-playground-state="live"]', (p) => p.asyncioPlayground.code);
      assert.match(pg, site.next.code);
      const next = await page.evaluate(() => new Promise((ok) => {
        const p = document.querySelector('pre[data-asyncio-playground-state="live"]').asyncioPlayground;
        p.on('finished', ok);
        p.run();
      }));
      assert.equal(next.stdout, site.next.stdout);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}
