// Robustness in the served release build (issue 8): runaway programs are stopped with a
// message while the page keeps painting (longest gap between animation frames measured),
// Stop and Reset work after each; hostile text stays text; the CSP is enforced; a panic
// shows a notice with the saved code; autosave survives reload, Stop, Reset and a crash;
// a cheap soak (every preset a few times) keeps DOM nodes and wasm memory flat.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, soak, flatLine, expectPanic, DIST, servedBuild, setCode } from './harness.mjs';

const app = servedBuild();

// (The editor is a preview until CodeMirror takes over once the page is idle: wait for it.)
const editorText = (page) => page.waitForSelector('#code .cm-content')
  .then((el) => el.evaluate((e) => e.cmView?.view?.state?.doc?.toString() ?? e.innerText));
const consoleText = (page) => page.textContent('#console');

/** Starts recording requestAnimationFrame timestamps; `stopFrames` returns the longest gap. */
async function startFrames(page) {
  await page.evaluate(() => {
    window.__frames = [];
    window.__framesOn = true;
    const tick = (t) => { window.__frames.push(t); if (window.__framesOn) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
}
async function stopFrames(page) {
  return page.evaluate(() => {
    window.__framesOn = false;
    const f = window.__frames;
    let max = 0;
    for (let i = 1; i < f.length; i++) max = Math.max(max, f[i] - f[i - 1]);
    return { frames: f.length, maxGap: Math.round(max * 10) / 10 };
  });
}

const RUNAWAYS = [
  ['never awaits', 'import asyncio\nasync def spin():\n    while True:\n        try:\n            pass\n        except BaseException:\n            pass\nasyncio.run(spin())\n', null],
  ['awaits forever', 'import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n', /deadlock/],
  ['deep recursion', 'def f(n):\n    return f(n + 1)\nf(0)\n', /RecursionError: maximum recursion depth exceeded/],
  ['memory bomb', 'x = []\nwhile True:\n    try:\n        x = [x, x, "abc" * 50]\n    except BaseException:\n        pass\n', /MemoryError: module code used more than the playground's 256 MiB of memory/],
  ['memory bomb in a task', 'import asyncio\nasync def hog():\n    x = []\n    while True:\n        x = [x, x, [1, 2, 3]]\nasyncio.run(hog())\n', /MemoryError: task 'Task-1' used more than the playground's 256 MiB of memory/],
  ['huge allocation', "try:\n    'a' * 10**12\nexcept MemoryError as e:\n    print('caught', repr(e))\n", /caught MemoryError\(\)/],
  ['task bomb', 'import asyncio\nasync def bomb():\n    asyncio.create_task(bomb())\n    asyncio.create_task(bomb())\n    await asyncio.sleep(1)\nasyncio.run(bomb())\n', /created more than 20000 live tasks/],
  ['print flood', 'i = 0\nwhile True:\n    print("line", i)\n    i += 1\n', /printed more than the playground's 256 KiB of output/],
  ['deep native recursion', "x = []\ny = []\nt = ()\nd = {}\nfor i in range(100000):\n    x = [x]\n    y = [y]\n    t = (t,)\n    d = {'k': d}\nclass Node:\n    def __init__(self, child):\n        self.child = child\n    def __repr__(self):\n        return 'Node(' + repr(self.child) + ')'\n    def __eq__(self, other):\n        return self.child == other.child\nn = None\nfor i in range(5000):\n    n = Node(n)\nchecks = [\n    ('repr(list)', lambda: repr(x)),\n    ('str(dict)', lambda: str(d)),\n    ('list == list', lambda: x == y),\n    ('hash(tuple)', lambda: hash(t)),\n    ('tuple < tuple', lambda: t < t),\n    ('repr(Node)', lambda: repr(n)),\n    ('Node == Node', lambda: n == Node(n.child)),\n    ('sorted by key', lambda: sorted([1, 2], key=lambda v: repr(n))),\n    ('f-string', lambda: f'{x}'),\n]\nfor name, f in checks:\n    try:\n        f()\n        print(name, 'ok')\n    except RecursionError:\n        print(name, 'RecursionError')\nprint('still alive')\n", /repr\(list\) RecursionError\nstr\(dict\) RecursionError\nlist == list RecursionError\nhash\(tuple\) RecursionError\ntuple < tuple ok\nrepr\(Node\) RecursionError\nNode == Node RecursionError\nsorted by key RecursionError\nf-string RecursionError\nstill alive/],
  ['exponential repr', 'x = 1\nfor i in range(40):\n    x = [x, x]\nprint(x)\n', /(cannot pause|RecursionError)/],
];

// What the toolbar says when a limit stopped the run, and the mark on the task's row (for a
// limit hit inside a task whose row is on screen).
const NOTICES = {
  'memory bomb': [/^Stopped by the memory limit 256 MiB in module code$/],
  'memory bomb in a task': [/^Stopped by the memory limit 256 MiB in task 'Task-1'$/, 'stopped: memory limit 256 MiB'],
  'task bomb': [/^Stopped by the live-task limit 20000 in task 'Task-\d+'$/],
  'print flood': [/^Stopped by the output limit 256 KiB in module code$/],
};
// A call that cannot pause may run for `unpausable_ms` (100 ms) before it is stopped, plus
// the unwinding and the rendering of the message.
const ALLOWED_CPU = { 'exponential repr': 100 + 250 };

/** Starts recording the page's main-thread tasks (Chrome tracing). */
async function startTasks(page) {
  await app.browser.startTracing(page, { categories: ['toplevel'] });
}
/** The longest main-thread task of the page since `startTasks`, in CPU milliseconds (the
 * thread's own time: what the page computed without yielding, whatever else the machine
 * runs) and in wall milliseconds. */
async function stopTasks() {
  const { traceEvents } = JSON.parse((await app.browser.stopTracing()).toString());
  const mains = traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let cpu = 0;
  let wall = 0;
  for (const e of traceEvents) {
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask') continue;
    if (!mains.some((m) => m.pid === e.pid && m.tid === e.tid)) continue;
    cpu = Math.max(cpu, (e.tdur ?? e.dur) / 1000);
    wall = Math.max(wall, e.dur / 1000);
  }
  return { cpu: Math.round(cpu * 10) / 10, wall: Math.round(wall * 10) / 10 };
}

for (const [name, code, expected] of RUNAWAYS) {
  test(`runaway: ${name} is bounded, the page keeps painting, Stop and Reset work after`, async () => {
    const { page, errors } = await openPage(app.browser, app.url + '/');
    await setCode(page, code);
    await startFrames(page);
    await startTasks(page);
    const t0 = Date.now();
    await page.click('#run');
    // Let it run (or end) for up to 4 s while frames are recorded.
    await page.waitForSelector('#status:text("Finished")', { timeout: 4000 }).catch(() => {});
    await page.waitForTimeout(300);
    const { frames, maxGap } = await stopFrames(page);
    const task = await stopTasks();
    const status = await page.textContent('#status');
    console.log(`# runaway ${name}: ${status} after ${Date.now() - t0} ms, ${frames} frames, longest frame gap ${maxGap} ms, longest main-thread task ${task.cpu} ms CPU (${task.wall} ms wall)`);
    // The budget is 100 ms of main-thread work without yielding, measured as the thread's
    // CPU time. Wall-clock frame gaps also count the time other processes take the CPU from
    // the page (on a loaded 2-core machine the same run shows 3-6 times its CPU time), so
    // they only catch a real freeze here.
    assert.ok(task.cpu < (ALLOWED_CPU[name] ?? 100), `longest main-thread task ${task.cpu} ms CPU`);
    assert.ok(maxGap < 1000 + (ALLOWED_CPU[name] ?? 0), `longest frame gap ${maxGap} ms`);
    if (expected) assert.match(await consoleText(page), expected);
    const [notice, mark] = NOTICES[name] ?? [];
    if (notice) {
      assert.match((await page.textContent('#limit-notice')).trim(), notice);
      // The notice's tooltip is the console's sentence.
      assert.match(await page.getAttribute('#limit-notice', 'title'), expected);
    }
    if (mark) {
      await page.click('#tab-tasks').catch(() => {});
      assert.equal((await page.textContent('.task-row .mark-limit')).trim(), mark);
    }
    if (!/Finished/.test(status)) {
      await page.click('#stop');
      await page.waitForSelector('#status:text("Finished")', { timeout: 3000 });
    }
    await page.click('#reset');
    await page.waitForFunction(() => document.querySelector('#console').textContent.trim() === '' || !document.querySelector('#console .out, #console .err'));
    assert.equal(await page.$$eval('#limit-notice', (es) => es.length), 0, 'Reset clears the limit notice');
    // The page still runs programs afterwards, and the code was never touched.
    assert.equal((await editorText(page)).trim(), code.trim());
    await setCode(page, 'print("still alive")\n');
    await page.click('#run');
    await page.waitForFunction(() => document.querySelector('#console').textContent.includes('still alive'));
    assert.deepEqual(errors, []);
    await page.close();
  });
}

// Bad input gives the exception CPython 3.14 gives (each last line checked against
// `node /work/shared/tools/python314/run.js`), or a clear message for what the playground
// leaves out; never a panic or a blank page. One page runs them all, in a row.
const BAD = [
  ['print((1, 2)\n', "SyntaxError: '(' was never closed", true],
  ['if True:\nprint(1)\n', "IndentationError: expected an indented block after 'if' statement on line 1", true],
  ["s = 'abc\n", 'SyntaxError: unterminated string literal (detected at line 1)', true],
  ['x = 1 $ 2\n', 'SyntaxError: invalid syntax', true],
  ['x = [1, 2\ny = 3\n', "SyntaxError: '[' was never closed", true],
  ['return 5\n', "SyntaxError: 'return' outside function", true],
  ['async def f():\n    yield from g()\n', "SyntaxError: 'yield from' inside async function", true],
  ['import threading\n', "ModuleNotFoundError: the 'threading' module is not available in the playground", false],
  ['import asyncio\nasync def main():\n    await asyncio.sleep("x")\nasyncio.run(main())\n', "TypeError: '<=' not supported between instances of 'str' and 'int'", false],
  ['import asyncio\nasync def main():\n    asyncio.create_task(1)\nasyncio.run(main())\n', 'TypeError: a coroutine was expected, got 1', false],
  ['import asyncio\nasync def main():\n    t = asyncio.create_task(asyncio.sleep(1))\n    t.result()\nasyncio.run(main())\n', 'asyncio.exceptions.InvalidStateError: Result is not set.', false],
  ['import asyncio\nasync def w():\n    return 1\nasync def main():\n    c = w()\n    await c\n    await c\nasyncio.run(main())\n', 'RuntimeError: cannot reuse already awaited coroutine', false],
  ['import asyncio\nasync def main():\n    l = asyncio.Lock()\n    await l.acquire()\n    l.release()\n    l.release()\nasyncio.run(main())\n', 'RuntimeError: Lock is not acquired.', false],
];

test('bad input (syntax errors, left-out modules, wrong arguments, invalid states) gives the Python error, never a panic', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.selectOption('#speed', 'instant');
  for (const [code, last, underlined] of BAD) {
    await setCode(page, code);
    await page.click('#run');
    await page.waitForSelector('#status:text("Finished")');
    await page.waitForFunction(() => /Error/.test(document.querySelector('#console .err:last-child')?.textContent ?? ''));
    const err = (await page.$$eval('#console .err', (es) => es.map((e) => e.textContent).join(''))).trim();
    assert.ok(err.split('\n').at(-1).startsWith(last), `${JSON.stringify(code)}: ${err}`);
    const marked = await page.$$eval('#code .cm-error-range', (es) => es.length);
    assert.equal(marked > 0, underlined, `${JSON.stringify(code)}: underline`);
  }
  // The page is still whole: it runs the next program.
  await setCode(page, 'print("fine")\n');
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#console').textContent.includes('fine'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('hostile program text and output are shown as text, never run', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b id=injected>b</b>';
  await setCode(page, `# ${evil}\nimport asyncio\nasync def main():\n    print(${JSON.stringify(evil)})\n    raise ValueError(${JSON.stringify(evil)})\nasyncio.run(main(), debug=False)\n`);
  await page.click('#run');
  await page.waitForSelector('#status:text("Finished")');
  await page.waitForTimeout(200);
  assert.ok((await consoleText(page)).includes(evil), 'output shown literally');
  assert.equal(await page.$$eval('#injected, img[src="x"]', (es) => es.length), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the page sets a Content-Security-Policy and runs under it without violations', async () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const csp = (html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/) || [])[1];
  assert.ok(csp, 'no CSP meta tag in dist/index.html');
  // No inline script at all (www/start.js starts the app), so no hash either.
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'an inline script in dist/index.html');
  assert.doesNotMatch(csp, /script-src[^;]*'unsafe-(inline|eval)'/);
  const page = await app.browser.newPage();
  const violations = [];
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' || /Content Security Policy/.test(m.text())) errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(app.url + '/');
  await page.waitForSelector('#code .cm-content');
  await page.click('#run');
  await page.waitForSelector('#status:text("Finished")', { timeout: 10000 });
  violations.push(...await page.evaluate(() => window.__csp));
  // An inline script is refused.
  const injected = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.appendChild(s);
    return window.__inline;
  });
  assert.equal(injected, undefined);
  const refused = await page.evaluate(() => window.__csp.length);
  assert.ok(refused >= 1, 'the injected inline script was not reported as a violation');
  assert.deepEqual(violations, []);
  assert.deepEqual(errors.filter((e) => !/window.__inline|inline script|script-src/.test(e)), []);
  await page.close();
});

test('a panic shows a notice with the saved program; work survives reload, Stop, Reset and the crash', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  const mine = 'import asyncio\n# my own work, not lost\nasync def main():\n    while True:\n        await asyncio.sleep(0.01)\nasyncio.run(main())\n';
  await setCode(page, mine);
  await page.reload();
  assert.equal((await editorText(page)).trim(), mine.trim(), 'autosave after reload');
  await page.click('#run');
  await page.waitForSelector('#status:text("Running")');
  await page.click('#stop');
  await page.waitForSelector('#status:text("Finished")');
  await page.click('#reset');
  assert.equal((await editorText(page)).trim(), mine.trim(), 'after Stop and Reset');
  // A crash: the panic notice appears, the page is not blank, the code is recoverable.
  expectPanic();
  await page.goto(app.url + '/?crash-test');
  await page.waitForSelector('#crash', { timeout: 5000 });
  assert.match(await page.textContent('#crash h2'), /internal error/);
  assert.equal((await page.inputValue('#crash textarea')).trim(), mine.trim());
  assert.ok(errors.some((e) => e.includes('panicked at')), 'the panic reached the console');
  errors.length = 0;
  await page.goto(app.url + '/');
  await page.waitForSelector('#code .cm-content');
  assert.equal((await editorText(page)).trim(), mine.trim(), 'after the crash');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a run that fails or hits a limit loses nothing: the program is still saved after a reload', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  const failing = 'import asyncio\n# fails, and is kept\nasync def main():\n    raise ValueError("boom")\nasyncio.run(main())\n';
  await setCode(page, failing);
  await page.click('#run');
  await page.waitForSelector('#status:text("Finished")');
  assert.match(await consoleText(page), /ValueError: boom/);
  await page.reload();
  assert.equal((await editorText(page)).trim(), failing.trim(), 'after a failed run');
  const flood = '# prints until stopped, and is kept\ni = 0\nwhile True:\n    print(i)\n    i += 1\n';
  await setCode(page, flood);
  await page.click('#run');
  await page.waitForSelector('#limit-notice', { timeout: 10000 });
  await page.reload();
  assert.equal((await editorText(page)).trim(), flood.trim(), 'after a run stopped by a limit');
  assert.deepEqual(errors, []);
  await page.close();
});

test('soak (cheap): every preset three times keeps DOM nodes and wasm memory flat, one live session', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  const figures = await soak(page, 3);
  console.log(`# soak x3: ${JSON.stringify({ ...figures, bytes: undefined })}`);
  const verdict = flatLine(figures);
  assert.ok(verdict.flat, verdict.why.join('; '));
  assert.deepEqual(errors, []);
  await page.close();
});

// The leak this guards against: a Playground that lives as long as the page (the editor's
// change callback) kept every State it read, and with it every finished run's Session.
// Running one program again freed the last run; changing the code in between did not.
test('finished runs are freed when the code changes between runs (presets alternated, text typed)', async () => {
  const { page, errors } = await openPage(app.browser, app.url + '/');
  await page.waitForSelector('#code .cm-content');
  await page.selectOption('#speed', 'instant');
  const ids = await page.$$eval('#examples option', (os) => os.map((o) => o.value).filter(Boolean));
  const read = () => page.evaluate(() => ({
    live: window.wasmBindings.liveSessions(),
    bytes: window.__wasmMemory.buffer.byteLength,
    nodes: document.getElementsByTagName('*').length,
  }));
  const run = async () => {
    await page.click('#run');
    await page.waitForSelector('#status:text("Finished")', { timeout: 20000 });
  };
  const seen = [];
  for (let i = 0; i < 24; i++) {
    if (i % 3 === 2) {
      // A keystroke in the editor (the path the leak went through)...
      await page.click('#code .cm-content');
      await page.keyboard.press('Control+End');
      await page.keyboard.type('#');
    } else {
      // ...or another example.
      await page.selectOption('#examples', ids[i % 2]);
    }
    await run();
    seen.push(await read());
  }
  console.log(`# alternate x24: live ${seen.map((s) => s.live)}; bytes ${seen[5].bytes} -> ${seen.at(-1).bytes}; nodes ${seen[5].nodes} -> ${seen.at(-1).nodes}`);
  assert.ok(seen.every((s) => s.live <= 1), `live sessions: ${seen.map((s) => s.live)}`);
  // After a warm-up the memory stops growing (the leak added ~50 KB per run: ~1 MB here).
  assert.ok(seen.at(-1).bytes - seen[5].bytes <= 256 * 1024, `wasm memory grew ${seen[5].bytes} -> ${seen.at(-1).bytes}`);
  assert.ok(seen.at(-1).nodes <= seen[5].nodes * 1.1 + 50, `DOM nodes grew ${seen[5].nodes} -> ${seen.at(-1).nodes}`);
  assert.deepEqual(errors, []);
  await page.close();
});
