// The filter bar, per-task output and the deadlock diagnosis in the served build: typing in
// the filter leaves only matching rows, lanes and log lines; each console block is tagged
// with the task that printed it and the tag selects it; the task detail shows only its own
// output; tasks awaiting each other are diagnosed in words and marked in the await tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, servedBuild, setCode } from './harness.mjs';

const app = servedBuild();

async function runProgram(page, code) {
  await setCode(page, code);
  await page.selectOption('#speed', 'instant');
  await page.click('#run');
  await page.waitForSelector('#status:text("Finished")');
}

const FETCHES = `import asyncio

async def fetch(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: {delay * 100:.0f} rows")
    return name

async def audit():
    await asyncio.sleep(0.05)
    print("audit: ok")

async def main():
    asyncio.create_task(audit(), name="audit")
    async with asyncio.TaskGroup() as tg:
        for name, delay in [("users", 0.3), ("orders", 0.1), ("items", 0.2)]:
            tg.create_task(fetch(name, delay), name=f"fetch-{name}")
    print("main: all fetched")

asyncio.run(main())
`;

const rowNames = (page) => page.$$eval('.task-row', (rs) => rs.map((r) => r.dataset.task));
const laneNames = (page) => page.$$eval('.timeline-area g.lane', (gs) => gs.map((g) => g.dataset.task));

test('one filter narrows the table, the timeline and the event log; Escape clears it', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await runProgram(page, FETCHES);
  await page.click('#tab-tasks');
  assert.deepEqual(await rowNames(page), ['Task-1', 'audit', 'fetch-users', 'fetch-orders', 'fetch-items']);
  assert.equal(await page.textContent('#filter-count'), '5 of 5 tasks');

  // Alt+F reaches the bar from anywhere; typing filters every view at once.
  await page.click('.brand'); // the title: not a control (the header's centre is one)
  await page.keyboard.press('Alt+f');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'filter-name');
  await page.keyboard.type('fetch');
  await page.waitForFunction(() => document.querySelector('#filter-count').textContent === '3 of 5 tasks');
  assert.deepEqual(await rowNames(page), ['fetch-users', 'fetch-orders', 'fetch-items']);
  assert.deepEqual(await laneNames(page), ['fetch-users', 'fetch-orders', 'fetch-items']);
  // The free text searches results too: only the task that returned 'users'.
  await page.fill('#filter-text', "'users'");
  await page.waitForFunction(() => document.querySelector('#filter-count').textContent === '1 of 5 tasks');
  assert.deepEqual(await rowNames(page), ['fetch-users']);
  assert.deepEqual(await laneNames(page), ['fetch-users']);
  await page.click('#tab-log');
  const logTasks = await page.$$eval('.log-row:not(.log-head) .log-task', (cs) => cs.map((c) => c.textContent));
  assert.ok(logTasks.length >= 4, `${logTasks.length} log lines`);
  assert.deepEqual([...new Set(logTasks)], ['fetch-users']);
  await page.click('#tab-tasks');
  await screenshot(page, 'filter-bar');

  // TaskGroup and state: the group's tasks, then only the one outside it.
  await page.fill('#filter-text', '');
  await page.fill('#filter-name', '');
  await page.selectOption('#filter-group', '0');
  await page.waitForFunction(() => document.querySelector('#filter-count').textContent === '3 of 5 tasks');
  await page.selectOption('#filter-group', 'none');
  await page.selectOption('#filter-state', 'done');
  await page.waitForFunction(() => document.querySelector('#filter-count').textContent === '2 of 5 tasks');
  assert.deepEqual(await rowNames(page), ['Task-1', 'audit']);

  // Escape in the bar clears it; so does Clear.
  await page.focus('#filter-state');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('#filter-count').textContent === '5 of 5 tasks');
  assert.equal(await page.isDisabled('#filter-clear'), true);
  await page.fill('#filter-name', 'nothing like it');
  await page.waitForSelector('.tasks-panel .empty');
  await page.click('#filter-clear');
  assert.equal((await rowNames(page)).length, 5);
  assert.deepEqual(errors, []);
  await page.close();
});

test('console blocks are tagged with their task; the task detail shows only its output', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/', { width: 1280, height: 1000 });
  await runProgram(page, FETCHES);
  await page.click('#tab-console');
  const tags = await page.$$eval('#console .line', (ls) => ls.map((l) => {
    const tag = l.querySelector('.task-tag');
    return `${tag ? tag.dataset.task : '-'}|${l.textContent}`;
  }));
  assert.deepEqual(tags.slice(1), [
    'fetch-users|users: start\n',
    'fetch-orders|orders: start\n',
    'fetch-items|items: start\n',
    'audit|audit: ok\n',
    'fetch-orders|orders: 10 rows\n',
    'fetch-items|items: 20 rows\n',
    'fetch-users|users: 30 rows\n',
    'Task-1|main: all fetched\n',
  ]);
  // The tag's name is not part of the console's text (copying the output gives the output).
  assert.match(await page.textContent('#console'), /users: start\norders: start\n/);
  await page.click('#console .task-tag[data-task="fetch-items"]');
  await page.click('#tab-tasks');
  await page.waitForSelector('.task-detail');
  assert.match(await page.textContent('.task-detail .panel-title'), /^fetch-items/);
  assert.deepEqual(await page.$$eval('.task-output .line', (ls) => ls.map((l) => l.textContent)),
    ['items: start\n', 'items: 20 rows\n']);
  const events = await page.$$eval('.task-events li', (ls) => ls.length);
  assert.ok(events >= 5, `${events} events`);
  await page.$eval('.task-detail h3:nth-of-type(3)', (h) => h.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'task-output');
  assert.deepEqual(errors, []);
  await page.close();
});

const RING = `import asyncio

async def first():
    await asyncio.sleep(0.1)
    await second_task

async def second():
    await asyncio.sleep(0.1)
    await first_task

async def main():
    global first_task, second_task
    first_task = asyncio.create_task(first(), name="first")
    second_task = asyncio.create_task(second(), name="second")
    await first_task

asyncio.run(main())
`;

test('a deadlock of tasks awaiting each other is diagnosed and its cycle marked', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await runProgram(page, RING);
  assert.match(await page.textContent('#console'), /RuntimeError: the program can never finish/);
  await page.click('#tab-tree');
  await page.waitForSelector('.await-cycles');
  assert.equal(await page.textContent('.await-cycles .cycle-words'),
    'first awaits second, which awaits first: a cycle, so none of them can ever finish');
  const marked = await page.$$eval('.node.in-cycle', (ns) => ns.map((n) => n.dataset.name));
  assert.deepEqual(marked, ['first', 'second', 'first']);
  assert.equal(await page.$$eval('.node.in-cycle .mark-cycle', (ns) => ns.length), 3);
  await screenshot(page, 'await-cycle');
  await page.click('#tab-lints');
  const lints = await page.$$eval('.lints-panel li.lint', (ls) => ls.map((l) => `${l.dataset.kind}@${l.dataset.line}`));
  assert.deepEqual(lints.sort(), ['awaited-forever@15', 'awaited-forever@5', 'awaited-forever@9']);
  assert.deepEqual(errors, []);
  await page.close();
});

const ORPHAN = `import asyncio

async def consumer(q):
    item = await q.get()
    print("got", item)

async def start():
    q = asyncio.Queue()
    return asyncio.create_task(consumer(q), name="consumer")

async def main():
    worker = await start()
    await asyncio.sleep(1)
    worker.cancel()

asyncio.run(main())
`;

test('a task waiting on a queue nothing else references is diagnosed while main runs', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await runProgram(page, ORPHAN);
  await page.click('#tab-lints');
  const text = await page.textContent('.lints-panel li.lint[data-kind="awaited-forever"]');
  assert.match(text, /consumer waits on Queue q \(get\) forever: no other task, global variable, callback or stored value references q, so no task will put to q/);
  assert.equal(await page.getAttribute('.lints-panel li.lint[data-kind="awaited-forever"]', 'data-line'), '4');
  assert.deepEqual(errors, []);
  await page.close();
});
