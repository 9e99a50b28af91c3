// How long a rewind takes in the served build (run scripts/build.sh first):
//   node scripts/rewind_cost.mjs 04_cancel_cleanup bench/programs/render_10k.py
// Each argument is an example id or a .py file; prints the run time and the time from the
// scrubber moving to the label changing (rendering included).
import { serve, launch, openPage } from '../tests/e2e/harness.mjs';
import fs from 'node:fs/promises';
const server = await serve(); const browser = await launch();
const { page } = await openPage(browser, server.url + '/');
async function setCode(code) {
  await page.waitForSelector('#code .cm-content');
  await page.click('#code .cm-content');
  await page.keyboard.press('Control+A'); await page.keyboard.press('Delete');
  await page.evaluate(() => 0);
  await page.keyboard.insertText(code);
}
async function scrub(k) {
  const t0 = Date.now();
  await page.$eval('#scrubber', (el, k) => { el.value = String(k); el.dispatchEvent(new Event('input', { bubbles: true })); }, k);
  await page.waitForFunction((k) => document.querySelector('#rewind-label')?.textContent.startsWith(`Iteration ${k} `), k, { timeout: 120000 });
  return Date.now() - t0;
}
await page.selectOption('#speed', 'instant');
const progs = process.argv.slice(2);
for (const p of progs) {
  if (p.endsWith('.py')) await setCode(await fs.readFile(p, 'utf8')); else await page.selectOption('#examples', p);
  const t0 = Date.now();
  await page.click('#run');
  await page.waitForSelector('#status:text("Finished")', { timeout: 300000 });
  const run = Date.now() - t0;
  const max = Number(await page.$eval('#scrubber', (el) => el.max));
  const half = await scrub(Math.floor(max / 2));
  const end = await scrub(max - 1);
  const back = await scrub(max - 2);
  console.log(`${p}: run ${run} ms, ${max} iterations; rewind to ${Math.floor(max/2)}: ${half} ms, to ${max-1}: ${end} ms, step back to ${max-2}: ${back} ms`);
  await page.click('#back-to-live');
}
await browser.close(); await server.close();
