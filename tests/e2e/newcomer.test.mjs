// What a newcomer to asyncio meets first, in the served build: an empty console that says
// what it is for, a status that says a run failed, warnings readable in the dark theme,
// a timeline tall enough at 1280×800 to show an example's tasks, and explanations that name
// the row *main* has in the task table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, servedBuild, setCode } from './harness.mjs';

const app = servedBuild();

const status = (page) => page.textContent('#status');
const finished = (page) => page.waitForFunction(() => /Finished/.test(document.querySelector('#status')?.textContent ?? ''));

test('the console says what it is for before a run and after Reset, not while it holds output', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  assert.match(await page.textContent('#console-empty'), /appears here when you press Run/);
  await page.selectOption('#speed', 'instant');
  await page.click('#run');
  await finished(page);
  assert.equal(await page.$('#console-empty'), null);
  // The program's output is exactly the console's text (the hint is outside it).
  assert.doesNotMatch(await page.textContent('#console'), /appears here/);
  await page.click('#reset');
  await page.waitForSelector('#console-empty');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the status says a run ended with an uncaught exception or a syntax error; a clean run is just Finished', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.selectOption('#speed', 'instant');
  const cases = [
    ['import asyncio\n\nasync def main():\n    await asyncio.sleep(0.1)\n    return 1 / 0\n\nasyncio.run(main())\n', 'Finished: error'],
    ['import asyncio\n\nasync def main()\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n', 'Finished: error'],
    ['import asyncio\n\nasync def main():\n    await asyncio.sleep(0.1)\n    print("ok")\n\nasyncio.run(main())\n', 'Finished'],
  ];
  for (const [code, want] of cases) {
    await setCode(page, code);
    await page.click('#run');
    await finished(page);
    assert.equal((await status(page)).trim(), want, code);
    assert.equal(await page.$eval('#status', (e) => e.classList.contains('status-failed')), want !== 'Finished', code);
    // At 1280 px the longer status still fits on the toolbar's one row.
    const [run, st] = await page.evaluate(() => ['#run', '#status'].map((q) => document.querySelector(q).getBoundingClientRect().bottom));
    assert.ok(Math.abs(run - st) < 12, `status on the buttons' row (${st} vs ${run})`);
  }
  // A new run starts clean: the failure is the last run's, not the page's.
  await setCode(page, cases[0][0]);
  await page.click('#run');
  await finished(page);
  await page.click('#reset');
  assert.equal((await status(page)).trim(), 'Ready');
  assert.deepEqual(errors, []);
  await page.close();
});

/** WCAG contrast ratio of two `rgb(...)` colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('warnings (the lint chip and its count) are readable in the dark theme chosen with the toggle', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  await page.selectOption('#speed', 'instant');
  await page.selectOption('#examples', '06_blocking_loop');
  for (const theme of ['dark', 'light']) {
    // The toggle sets `data-theme` on <html>; the system theme here is light.
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    await page.click('#run');
    await finished(page);
    await page.click('#tab-lints');
    await page.waitForSelector('.lint .lint-kind');
    const c = await page.evaluate(() => {
      const bg = getComputedStyle(document.querySelector('.lints-panel')).backgroundColor;
      const chip = getComputedStyle(document.querySelector('.lint .lint-kind')).color;
      const badge = getComputedStyle(document.querySelector('.lints-panel .badge'));
      return { bg, chip, badgeBg: badge.backgroundColor, badgeFg: badge.color };
    });
    assert.ok(contrast(c.chip, c.bg) >= 4.5, `${theme}: lint chip ${c.chip} on ${c.bg}`);
    // The count is drawn in the warning colour once there are lints, and readable.
    assert.equal(c.badgeBg, c.chip, `${theme}: badge in the warning colour`);
    assert.ok(contrast(c.badgeFg, c.badgeBg) >= 4.5, `${theme}: badge ${c.badgeFg} on ${c.badgeBg}`);
    if (theme === 'dark') await screenshot(page, 'newcomer-lints-dark');
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('at 1280×800 the timeline shows an example\'s three tasks without scrolling', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/', { width: 1280, height: 800 });
  await page.waitForSelector('#code .cm-content');
  await page.selectOption('#speed', 'instant');
  await page.selectOption('#examples', '06_blocking_loop');
  await page.click('#run');
  await finished(page);
  const { lanes, bottom, scrollBottom, page: pageBottom } = await page.evaluate(() => {
    const scroller = document.querySelector('.timeline-area .timeline-scroll').getBoundingClientRect();
    const ls = [...document.querySelectorAll('.timeline-area .lane')].map((l) => l.getBoundingClientRect());
    return { lanes: ls.length, bottom: Math.max(...ls.map((r) => r.bottom)), scrollBottom: scroller.bottom, page: innerHeight };
  });
  assert.equal(lanes, 3);
  assert.ok(bottom <= scrollBottom + 0.5, `last lane ends at ${bottom}, the timeline's view at ${scrollBottom}`);
  assert.ok(scrollBottom <= pageBottom, 'the timeline is on the first screen');
  await screenshot(page, 'newcomer-timeline-1280');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an explanation that talks about *main* says which row of the task table it is', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  const ids = await page.$$eval('#examples option', (os) => os.map((o) => o.value).filter(Boolean));
  let named = 0;
  for (const id of ids) {
    await page.selectOption('#examples', id);
    const doc = await page.$eval('.example-doc', (e) => ({ text: e.textContent, main: [...e.querySelectorAll('em')].some((m) => m.textContent === 'main') }));
    if (!doc.main) continue;
    named += 1;
    assert.match(doc.text, /main[\s\S]{0,60}Task-1/, `${id}: ${doc.text}`);
  }
  assert.ok(named >= 5, `${named} explanations name main`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the timeline names its lane colours once it has lanes, in the lanes\' own colours', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  assert.equal(await page.$('.timeline-legend'), null, 'no legend over an empty timeline');
  await page.selectOption('#speed', 'instant');
  await page.click('#run');
  await finished(page);
  const items = await page.$$eval('.timeline-legend .legend-item', (es) => es.map((e) => e.textContent.trim()));
  assert.deepEqual(items, ['Created', 'Scheduled', 'Running', 'Awaiting', 'Done', 'Failed', 'Cancelled']);
  // The Awaiting swatch is the colour of an awaiting segment.
  const [swatch, seg] = await page.evaluate(() => [
    getComputedStyle(document.querySelector('.legend-swatch.state-awaiting')).backgroundColor,
    getComputedStyle(document.querySelector('.timeline .seg.state-awaiting')).fill,
  ]);
  assert.equal(swatch, seg);
  // Follow says what turns it off: the zoom buttons keep it on, panning does not.
  assert.match(await page.getAttribute('.timeline-panel .follow', 'title'), /zoom buttons keep it; panning/);
  await page.click('.timeline-panel [aria-label="Zoom in"]');
  assert.equal(await page.getAttribute('.timeline-panel .follow', 'aria-pressed'), 'true');
  await page.click('.timeline-panel [aria-label="Pan earlier"]');
  assert.equal(await page.getAttribute('.timeline-panel .follow', 'aria-pressed'), 'false');
  assert.deepEqual(errors, []);
  await page.close();
});

test('every tab shows its content in a panel, Compare too (it sat on the page\'s background)', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  const tabs = await page.$$eval('[role=tab]', (ts) => ts.map((t) => t.id));
  assert.ok(tabs.includes('tab-compare'), tabs.join());
  for (const id of tabs) {
    await page.click(`#${id}`);
    const framed = await page.$eval(`[role=tabpanel][aria-labelledby=${id}]`, (p) => {
      const first = p.firstElementChild;
      return !!first && first.classList.contains('panel') && !!first.querySelector('.panel-title');
    });
    assert.ok(framed, `${id}: its content is a titled panel`);
  }
  assert.match(await page.textContent('#compare-empty'), /Pin a run as A/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('every state chip reads at 4.5:1 or more on its panel, in the light and the dark theme', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  const states = ['created', 'scheduled', 'running', 'awaiting', 'done', 'failed', 'cancelled'];
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    // One chip per state, drawn as the task table draws them, in the Tasks panel.
    const colours = await page.evaluate((states) => {
      const panel = document.querySelector('.tasks-panel, .views .panel');
      const out = {};
      for (const s of states) {
        const chip = document.createElement('span');
        chip.className = `chip state-${s}`;
        chip.textContent = s;
        panel.append(chip);
        out[s] = [getComputedStyle(chip).color, getComputedStyle(panel).backgroundColor];
        chip.remove();
      }
      return out;
    }, states);
    for (const [s, [fg, bg]] of Object.entries(colours)) {
      // color-mix() computes to `color(srgb r g b)` with 0..1 channels; rgb() to 0..255.
      const rgb = fg.startsWith('color(') ? `rgb(${fg.match(/[\d.]+/g).slice(0, 3).map((v) => Number(v) * 255).join(',')})` : fg;
      assert.ok(contrast(rgb, bg) >= 4.5, `${theme} ${s}: ${fg} on ${bg} is ${contrast(rgb, bg).toFixed(2)}:1`);
    }
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a task that never awaits shows its state and the blocking mark in its row (not "Running…"); its Cancel says it was sent', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await setCode(page, 'import asyncio\n\nasync def spin():\n    n = 0\n    while True:\n        n += 1\n\nasync def main():\n    await asyncio.create_task(spin(), name="spin")\n\nasyncio.run(main())\n');
  await page.click('#run');
  const row = '.task-row[data-task="spin"]';
  await page.waitForSelector(`${row} .mark-blocking`);
  await page.waitForSelector(`${row} .mark-lint`);
  const boxes = await page.$eval(row, (r) => {
    const cell = r.querySelector('.task-state').getBoundingClientRect();
    return ['.chip.state-running', '.mark-blocking', '.mark-lint'].map((q) => {
      const b = r.querySelector(q).getBoundingClientRect();
      return { q, width: b.width, inside: b.left >= cell.left - 0.5 && b.right <= cell.right + 0.5 };
    });
  });
  for (const b of boxes) assert.ok(b.inside && b.width >= 20, `${b.q} is visible in the state cell: ${JSON.stringify(b)}`);
  // The loop is stuck in spin: the cancel cannot run. The button says it was sent, and why
  // nothing follows, instead of looking as if the click was lost.
  await page.click(`${row} .cancel-task`);
  await page.waitForSelector(`${row} .cancel-sent:text("Sent")`);
  assert.ok(await page.isDisabled(`${row} .cancel-sent`));
  assert.match(await page.getAttribute(`${row} .cancel-sent`, 'title'), /never awaits never gives it back; Stop ends the program/);
  await screenshot(page, 'newcomer-never-awaits-cancel-sent');
  await page.click('#stop');
  await page.waitForSelector('#status:text("Finished")');
  // A task that awaits takes the request at once: its button is back to Cancel (a
  // second request is allowed) or gone once it finishes.
  await setCode(page, 'import asyncio\n\nasync def nap():\n    try:\n        await asyncio.sleep(30)\n    except asyncio.CancelledError:\n        await asyncio.sleep(30)\n\nasync def main():\n    await asyncio.create_task(nap(), name="nap")\n\nasyncio.run(main())\n');
  await page.click('#run');
  await page.click('.task-row[data-task="nap"] .cancel-task');
  await page.waitForFunction(() => document.querySelector('.task-row[data-task="nap"] .cancel-task')?.textContent === 'Cancel');
  assert.equal(await page.$('.task-row[data-task="nap"] .cancel-sent'), null);
  await page.click('#stop');
  assert.deepEqual(errors, []);
  await page.close();
});
