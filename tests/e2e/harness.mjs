// End-to-end harness: serves dist/ on 127.0.0.1 (a tiny static server, so tests control
// the headers) and launches Debian's Chromium through playwright-core.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// E2E_DIST: test another build (e.g. an older one, to show a regression test fails there).
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, 'dist');
export const SHOTS = path.join(ROOT, 'target', 'e2e');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.png': 'image/png', '.ico': 'image/x-icon',
};

/** Serves `root` on an ephemeral loopback port; `headers` are added to every response. */
export async function serve(root = DIST, headers = {}) {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let file = path.join(root, decodeURIComponent(url.pathname));
      if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
      const stat = await fs.stat(file).catch(() => null);
      if (stat && stat.isDirectory()) file = path.join(file, 'index.html');
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launches headless Debian Chromium with the flags known to work on these machines. */
export async function launch() {
  // playwright gives every launch a fresh temporary profile (no --user-data-dir needed).
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return browser;
}

/**
 * The usual start of a test file: before its tests, copy each `[from, to]` of `copy` (a
 * fixture page into dist/), serve dist/ and launch Chromium; after them, close both and
 * delete the copies and the files in `remove` (pages a test wrote into dist/). `setup(app)`
 * runs last in the same hook (a second top-level `before` would not wait for this one).
 * Returns `{ server, browser, url }`, filled in once the `before` hook has run.
 */
export function servedBuild({ copy = [], remove = [], setup = async () => {} } = {}) {
  const app = { server: null, browser: null, get url() { return this.server.url; } };
  before(async () => {
    for (const [from, to] of copy) await fs.copyFile(from, to);
    app.server = await serve();
    app.browser = await launch();
    await setup(app);
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
    for (const file of [...copy.map(([, to]) => to), ...remove]) await fs.rm(file, { force: true });
  });
  return app;
}

/** Replaces the full playground's program with `code` as one edit (select all, delete,
 * insert: typing would auto-indent), once CodeMirror has replaced the preview. */
export async function setCode(page, code) {
  await page.waitForSelector('#code .cm-content');
  await page.click('#code .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

/** Opens a page that records console errors and uncaught page errors into `errors`.
 * The offline service worker is blocked here, so timing tests measure the app alone (its
 * one-off caching of the build runs beside the first page load); anywhere.test.mjs and
 * offline.test.mjs open their pages with it. */
export async function openPage(browser, url, viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport, serviceWorkers: 'block' });
  const errors = [];
  page.on('console', (msg) => {
    // A Rust panic always fails the suite, whatever the test checks (`panics`, below).
    if (msg.text().includes('panicked at')) panics.push(msg.text());
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  // The wasm instance's memory, for soak figures (Trunk's start-up event carries it).
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail?.wasm?.memory; }));
  await page.goto(url);
  return { page, errors };
}

/** Panics seen by any page of this test file; a panic that no test expected fails the run. */
export const panics = [];
export let expectPanics = 0;
/** Declares that `n` more panics are expected (the panic-notice test). */
export function expectPanic(n = 1) { expectPanics += n; }
process.on('exit', () => {
  if (panics.length > expectPanics) {
    console.error(`Rust panic(s) in the page:\n${panics.join('\n')}`);
    process.exitCode = 1;
  }
});

/** Runs every preset `rounds` times at Instant speed; returns, after each round, the DOM
 * node count, the wasm memory (MiB, and bytes) and the live interpreter sessions (at most one
 * once a run is over: a finished run must be freed). Shared with scripts/soak.mjs. */
export async function soak(page, rounds, onRound = () => {}) {
  await page.waitForSelector('#code .cm-content');
  await page.selectOption('#speed', 'instant');
  const ids = await page.$$eval('#examples option', (os) => os.map((o) => o.value).filter(Boolean));
  const nodes = [];
  const memory = [];
  const bytes = [];
  const live = [];
  const measure = async () => {
    const m = await page.evaluate(() => ({
      nodes: document.getElementsByTagName('*').length,
      bytes: window.__wasmMemory?.buffer.byteLength ?? 0,
      live: window.wasmBindings?.liveSessions?.() ?? -1,
    }));
    nodes.push(m.nodes);
    bytes.push(m.bytes);
    memory.push(Math.round(m.bytes / 1048576));
    live.push(m.live);
  };
  await measure();
  for (let r = 0; r < rounds; r++) {
    for (const id of ids) {
      await page.selectOption('#examples', id);
      await page.click('#run');
      await page.waitForSelector('#status:text("Finished")', { timeout: 20000 });
    }
    await measure();
    onRound(r + 1, nodes.at(-1), memory.at(-1), live.at(-1));
  }
  return { presets: ids.length, rounds, nodes, memory, bytes, live };
}

/** Whether a soak's figures are a flat line: after the first round (warm-up: caches, the
 * allocator's first pages), wasm memory grows by at most `slack` bytes over all later rounds,
 * the DOM node count of the last round is within 10% (+50) of the first, and no round ends
 * with more than one live session. Returns `{ flat, why }`. */
export function flatLine(f, slack = 1 << 20) {
  const why = [];
  const grew = f.bytes.at(-1) - f.bytes[1];
  if (grew > slack) why.push(`wasm memory grew ${grew} B after round 1`);
  if (f.nodes.at(-1) > f.nodes[1] * 1.1 + 50) why.push(`DOM nodes grew ${f.nodes[1]} -> ${f.nodes.at(-1)}`);
  const most = Math.max(...f.live.slice(1));
  if (most > 1) why.push(`${most} live sessions after a round`);
  return { flat: why.length === 0, why };
}

/** Saves a screenshot under target/e2e/ for a person to look at. */
export async function screenshot(page, name) {
  await fs.mkdir(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** A strict Content-Security-Policy header: only the site's own scripts and 'wasm-unsafe-eval'
 * (styles may be inline: the editor injects its style elements). */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** A share link's fragment body for `code` in the text format (`code=t…`, src/share/payload.rs):
 * base64url of the UTF-8 length (LEB128) followed by the UTF-8 bytes. */
export function shareFragment(code) {
  const bytes = Buffer.from(code, 'utf8');
  const len = [];
  for (let n = bytes.length; ; n >>>= 7) {
    if (n < 0x80) { len.push(n); break; }
    len.push((n & 0x7f) | 0x80);
  }
  return `code=t${Buffer.concat([Buffer.from(len), bytes]).toString('base64url')}`;
}

/**
 * A site in a temporary folder with a copy of dist/ at /docs/play/ (a sub-path, as GitHub
 * Pages serves a project) and `pages` ({name: html}) at /docs/guide/, pages of someone's
 * docs outside the build's folder. `remove()` deletes it.
 */
export async function subPathSite(pages = {}) {
  const root = await fs.mkdtemp(path.join((await import('node:os')).tmpdir(), 'aiopg-site-'));
  const play = path.join(root, 'docs', 'play');
  await fs.cp(DIST, play, { recursive: true });
  await fs.mkdir(path.join(root, 'docs', 'guide'), { recursive: true });
  for (const [name, html] of Object.entries(pages)) await fs.writeFile(path.join(root, 'docs', 'guide', name), html);
  return { root, play, remove: () => fs.rm(root, { recursive: true, force: true }) };
}
