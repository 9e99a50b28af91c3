// The playground's tools in the served build: the composer, the theme toggle, 10,000 tasks
// in the virtualised table with its filters, the blocking-the-loop mark, and traceback
// lines that move the editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, servedBuild, setCode } from './harness.mjs';

const app = servedBuild();

async function editorText(page) {
  await page.waitForSelector('#code .cm-content'); // the editor is a preview until the page is idle
  return page.$$eval('#code .cm-line', (ls) => ls.map((l) => l.textContent).join('\n'));
}

test('the composer writes runnable Python, and Ctrl+Z brings the old program back', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  const before = await editorText(page);
  // Escape closes the dialog and changes nothing.
  await page.click('#compose');
  await page.waitForSelector('dialog#composer[open]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog#composer', { state: 'hidden' });
  assert.equal(await editorText(page), before);
  await page.keyboard.press('Alt+C');
  await page.waitForSelector('dialog#composer[open]');
  await page.fill('#composer-0-name', 'download');
  await page.selectOption('#composer-1-outcome', 'raise');
  await page.selectOption('#composer-1-wrap', 'wait_for');
  await page.fill('#composer-1-timeout', '5');
  await page.click('.composer-add');
  await page.selectOption('#composer-2-outcome', 'forever');
  await page.selectOption('#composer-2-wrap', 'wait_for');
  await page.fill('#composer-2-timeout', '3');
  await page.press('#composer-2-timeout', 'Tab'); // numbers apply when the field is left
  await page.selectOption('#composer-grouping', 'gather_re');
  const preview = await page.textContent('.composer-preview');
  assert.match(preview, /asyncio\.wait_for\(task3_task, timeout=3\)/);
  assert.match(preview, /return_exceptions=True/);
  await screenshot(page, 'composer');
  await page.click('.composer-write');
  await page.waitForSelector('dialog#composer', { state: 'hidden' });
  assert.equal(await editorText(page), preview);

  await page.selectOption('#speed', 'instant');
  await page.click('#run');
  await page.waitForSelector('#status:text("Finished")', { timeout: 15000 });
  const out = await page.textContent('#console');
  assert.match(out, /\[42, ValueError\('upload failed'\), TimeoutError\(\)\]/);
  const rows = await page.$$eval('.task-row', (rs) => rs.map((r) => [r.dataset.task, r.querySelector('.chip').textContent.trim()]));
  // gather wraps each wait_for coroutine in a task of its own (Task-2, Task-3), as CPython does.
  assert.deepEqual(rows.slice(1), [['download', 'Done'], ['upload', 'Failed'], ['task3', 'Cancelled'],
    ['Task-2', 'Failed'], ['Task-3', 'Failed']]);

  await page.click('#code .cm-content');
  await page.keyboard.press('Control+Z');
  assert.equal(await editorText(page), before);
  assert.deepEqual(errors, []);
});

test('the theme toggle cycles system, light, dark and survives a reload', async () => {
  const ctx = await app.browser.newContext({ colorScheme: 'light' });
  const page = await ctx.newPage();
  await page.goto(app.url + '/');
  await page.waitForSelector('#theme');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.click('#theme');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
  assert.equal(await bg(), light);
  await page.click('#theme');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  const dark = await bg();
  assert.notEqual(dark, light);
  await page.reload();
  await page.waitForSelector('#theme[data-theme-choice="dark"]');
  assert.equal(await bg(), dark);
  await screenshot(page, 'theme-dark-forced');
  await page.keyboard.press('Alt+T');
  assert.equal(await page.getAttribute('html', 'data-theme'), null);
  assert.equal(await bg(), light);
  await ctx.close();
});

const TEN_THOUSAND = `import asyncio

async def worker(i):
    await asyncio.sleep(1 + (i % 10) / 10)
    if i % 1000 == 999:
        raise ValueError(i)
    return i

async def main():
    tasks = [asyncio.create_task(worker(i), name=f"w{i}") for i in range(10_000)]
    await asyncio.sleep(0.5)
    print("created", len(tasks))
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print("failed", sum(isinstance(r, ValueError) for r in results))

asyncio.run(main())
`;

test('10,000 tasks: a few rows in the DOM while scrolling; filters for finished and state', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  await setCode(page, TEN_THOUSAND);
  await page.selectOption('#speed', 'instant');
  await page.click('#run');
  await page.waitForSelector('#status:text("Finished")', { timeout: 60000 });
  assert.match(await page.textContent('#console'), /created 10000\nfailed 10\n/);
  assert.equal(await page.textContent('.tasks-count'), '10001 of 10001');
  const inDom = () => page.$$eval('.tasks-spacer .task-row', (rs) => rs.length);
  assert.ok(await inDom() < 60, `${await inDom()} rows in the DOM`);
  // Scroll through: each position shows its own rows, never many.
  const seen = [];
  for (const frac of [0.25, 0.5, 0.999]) {
    await page.$eval('.tasks-viewport', (el, f) => { el.scrollTop = el.scrollHeight * f; }, frac);
    await page.waitForTimeout(50);
    const names = await page.$$eval('.tasks-spacer .task-row', (rs) => rs.map((r) => r.dataset.task));
    assert.ok(names.length < 60, `${names.length} rows at ${frac}`);
    seen.push(names[Math.floor(names.length / 2)]);
  }
  assert.equal(new Set(seen).size, 3, `${seen}`);
  const last = await page.$$eval('.tasks-spacer .task-row', (rs) => rs.map((r) => r.dataset.task));
  assert.ok(last.includes('w9999'), `${last.slice(-3)}`);
  // Finished rows are greyed; hiding them leaves nothing; Failed shows the ten failures.
  assert.ok(await page.$eval('.tasks-spacer .task-row', (r) => r.classList.contains('finished')));
  await page.uncheck('.tasks-show-finished');
  assert.equal(await page.textContent('.tasks-count'), '0 of 10001');
  await page.selectOption('#filter-state', 'failed'); // the filter bar's (the panel has none of its own here)
  assert.equal(await page.textContent('.tasks-count'), '10 of 10001');
  const failed = await page.$$eval('.tasks-spacer .task-row', (rs) => rs.map((r) => [r.dataset.task, r.querySelector('.mark-exception')?.textContent]));
  assert.deepEqual(failed[0], ['w999', 'exception']);
  await screenshot(page, 'tasks-10000-failed');
  assert.deepEqual(errors, []);
});

test('a task that never awaits is marked as blocking the loop; its line jumps the editor', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  const program = [
    'import asyncio',
    '',
    'async def spin():',
    '    while True:',
    '        pass',
    '',
    'async def main():',
    '    await asyncio.create_task(spin(), name="spinner")',
    '',
    'asyncio.run(main())',
  ];
  await setCode(page, program.join('\n'));
  await page.click('#run');
  await page.waitForSelector('.task-row[data-task="spinner"] .mark-blocking', { timeout: 10000 });
  assert.equal(await page.textContent('.task-row[data-task="spinner"] .chip'), 'Running');
  await screenshot(page, 'blocking-the-loop');
  const line = await page.textContent('.task-row[data-task="spinner"] .goto-line');
  assert.match(line, /^[345]$/);
  await page.click('.task-row[data-task="spinner"] .goto-line');
  const active = await page.textContent('#code .cm-activeLine');
  const n = Number(line);
  assert.equal(active, program[n - 1]);
  await page.click('#stop');
  await page.waitForSelector('#status:text("Finished")');
  assert.deepEqual(errors, []);
});

test('a traceback line in the console moves the editor there; output stays text', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  await setCode(page, [
    'import asyncio',
    '',
    'async def main():',
    '    print("<b>not bold</b>")',
    '    raise KeyError("gone")',
    '',
    'asyncio.run(main())',
  ].join('\n'));
  await page.click('#run');
  await page.waitForSelector('#console .tb-link');
  assert.equal(await page.$$eval('#console b', (bs) => bs.length), 0);
  assert.match(await page.textContent('#console'), /<b>not bold<\/b>/);
  const links = await page.$$eval('#console .tb-link', (ls) => ls.map((l) => l.textContent));
  assert.deepEqual(links, ['File "main.py", line 7', 'File "main.py", line 5']);
  await page.click('#console .tb-link >> nth=1');
  assert.equal(await page.textContent('#code .cm-activeLine'), '    raise KeyError("gone")');
  assert.deepEqual(errors, []);
});

test('every control has an accessible name, the toolbar tooltips name shortcuts, focus is visible', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  await page.selectOption('#speed', 'instant');
  await page.click('#run');
  await page.waitForSelector('#status:text("Finished")');
  const nameless = await page.evaluate(() => {
    const nameOf = (el) => {
      const by = el.getAttribute('aria-labelledby');
      const parts = [el.getAttribute('aria-label'), by && document.getElementById(by)?.textContent,
        ...[...(el.labels || [])].map((l) => l.textContent), el.textContent, el.getAttribute('title')];
      return parts.map((p) => (p || '').trim()).find((p) => p) || '';
    };
    const visible = (el) => el.getClientRects().length > 0;
    return [...document.querySelectorAll('button, select, input, [role="button"], [tabindex="0"]')]
      .filter(visible).filter((el) => !nameOf(el)).map((el) => el.outerHTML.slice(0, 120));
  });
  assert.deepEqual(nameless, []);
  for (const [id, key] of [['run', 'Ctrl+Enter'], ['pause', 'Alt+P'], ['step', 'Alt+S'], ['stop', 'Alt+X'],
    ['shutdown', 'Alt+D'], ['reset', 'Alt+R'], ['compose', 'Alt+C'], ['theme', 'Alt+T']]) {
    assert.ok((await page.getAttribute(`#${id}`, 'title')).includes(key), `#${id} tooltip lacks ${key}`);
  }
  // Tab through the first controls: each focused one shows an outline.
  await page.click('h1.brand');
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    await page.waitForTimeout(50); // CodeMirror marks itself focused on the next frame
    const [what, outline] = await page.evaluate(() => {
      // CodeMirror draws the ring on the editor around its focused content.
      const el = document.activeElement.closest('.cm-editor') || document.activeElement;
      const s = getComputedStyle(el);
      return [el.id || el.className, `${s.outlineStyle} ${s.outlineWidth}`];
    });
    assert.ok(!outline.startsWith('none') && !outline.endsWith(' 0px'), `${what} has no visible focus (${outline})`);
  }
  assert.deepEqual(errors, []);
});
