// Screenshots of the main views in light and dark, wide and narrow (saved under
// target/e2e/ for a person to look at), and the narrow layout never scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, servedBuild } from './harness.mjs';

const app = servedBuild();

const SIZES = { wide: { width: 1280, height: 800 }, narrow: { width: 390, height: 844 } };

for (const scheme of ['light', 'dark']) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    test(`${scheme} ${size}: a finished TaskGroup example`, async () => {
      const ctx = await app.browser.newContext({ viewport, colorScheme: scheme });
      const page = await ctx.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(app.url + '/');
      await page.waitForSelector('#code .cm-content');
      await page.selectOption('#examples', '11_taskgroup_failure');
      await page.selectOption('#speed', 'instant');
      await page.click('#run');
      await page.waitForSelector('#status:text("Finished")');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      await screenshot(page, `${scheme}-${size}`);
      assert.deepEqual(errors, []);
      await ctx.close();
    });
  }
}
