// Every gallery example, run in the served build at Instant speed, prints exactly what
// CPython printed (www/presets/NN_slug.out / .err) and leaves no task unfinished.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, DIST } from './harness.mjs';

const PRESETS = path.resolve(DIST, '../www/presets');
const index = JSON.parse(fs.readFileSync(path.join(PRESETS, 'index.json'), 'utf8'));
const read = (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '');

let server, browser, page, errors;
before(async () => {
  server = await serve();
  browser = await launch();
  ({ page, errors } = await openPage(browser, server.url + '/'));
  await page.waitForSelector('#code .cm-content');
  await page.selectOption('#speed', 'instant');
});
after(async () => { await browser?.close(); await server?.close(); });

for (const { id, title } of index) {
  test(`preset ${id}: ${title}`, async () => {
    await page.selectOption('#examples', id);
    await page.waitForSelector('.example-title');
    assert.equal(await page.textContent('.example-title'), title);
    await page.click('#run');
    await page.waitForSelector('#status:text("Finished")', { timeout: 20000 });
    const out = await page.$$eval('#console .out', (ls) => ls.map((l) => l.textContent).join(''));
    const err = await page.$$eval('#console .err', (ls) => ls.map((l) => l.textContent).join(''));
    assert.equal(out, read(path.join(PRESETS, `${id}.out`)));
    assert.equal(err, read(path.join(PRESETS, `${id}.err`)));
    const states = await page.$$eval('.task-row .chip:first-child', (cs) => cs.map((c) => c.textContent.trim()));
    assert.ok(states.length > 0, 'no tasks shown');
    for (const s of states) assert.ok(['Done', 'Failed', 'Cancelled'].includes(s), `a task ended ${s}`);
    assert.deepEqual(errors, []);
  });
}
