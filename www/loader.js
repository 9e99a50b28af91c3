// asyncio playground loader (docs/embedding.md). On any page:
//   <script type="module" src="https://example.org/playground/loader.js"></script>
//   <pre data-asyncio-playground data-speed="2">import asyncio ...</pre>
// Every such block becomes a live playground when it scrolls near the viewport; the block
// stays as it is until then, and for readers without JavaScript. All playgrounds on a page
// share one download and compile of the wasm module; each has its own event loop.
// Code is only ever read with textContent and shown as text; nothing is evaluated as HTML/JS.
// Docs frameworks' own code blocks: data-selector="…" on this script (frameworks.js).

import './offline.js';
import { configuredSelector, watchFrameworkBlocks } from './frameworks.js';

import { setupPieces, prerendered, themePairs, markInherit } from './authoring.js';

const BASE = new URL('./', import.meta.url);
const asset = (name) => new URL(name, BASE).href;
const BLOCKS = 'pre[data-asyncio-playground]';
const STATE = 'asyncioPlaygroundState'; // data-asyncio-playground-state on each block
const EVENTS = ['load', 'status', 'finished'];

let module = null;
const live = new Set();
const pending = new WeakMap(); // element -> mount promise, so mounting twice mounts once

function stylesheet() {
  const href = asset('embed.css');
  const have = [...document.querySelectorAll('link[rel="stylesheet"]')].find((l) => l.href === href);
  if (have) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((ok) => { link.onload = ok; link.onerror = ok; });
  document.head.append(link);
  return loaded;
}

/** Downloads and compiles the wasm module once; later calls share the same promise. */
export function load() {
  module ??= (async () => {
    const [glue] = await Promise.all([import(asset('asyncio-playground.js')), stylesheet()]);
    await glue.default({ module_or_path: asset('asyncio-playground_bg.wasm') });
    return glue;
  })();
  return module;
}

function optionPairs(element, options) {
  const pairs = [];
  for (const a of element.attributes) if (a.name.startsWith('data-')) pairs.push([a.name, a.value]);
  for (const [k, v] of Object.entries(options)) {
    if (k === 'code' || v === undefined || v === null || typeof v === 'function') continue;
    pairs.push([k, Array.isArray(v) ? v.join(',') : String(v)]);
  }
  return pairs;
}

function showError(element, message) {
  let note = element.nextElementSibling;
  if (!note || !note.classList.contains('aiopg-load-error')) {
    note = document.createElement('p');
    note.className = 'aiopg-load-error';
    note.setAttribute('role', 'alert');
    element.after(note);
  }
  note.textContent = `This playground could not start: ${message}`;
}

/**
 * Turns `element` into a live playground and resolves to its handle. A `<pre>` is replaced
 * in place (its text is the code, its data-* attributes the options); any other element is
 * a container and `options.code` the program. `options` (readonly, autorun, speed, panels,
 * theme, height) win over data-* attributes. Rejects with an Error naming a bad option.
 */
export function mount(element, options = {}) {
  if (!(element instanceof Element)) {
    return Promise.reject(new TypeError('mount(element, options): element must be a DOM element'));
  }
  if (element.asyncioPlayground) return Promise.resolve(element.asyncioPlayground);
  if (!pending.has(element)) {
    const p = start(element, options);
    pending.set(element, p);
    p.then(() => pending.delete(element), () => pending.delete(element));
  }
  return pending.get(element);
}

async function start(element, options) {
  const inPlace = element.tagName === 'PRE';
  const code = options.code !== undefined ? String(options.code) : element.textContent;
  element.dataset[STATE] = 'loading';
  const listeners = new Map(EVENTS.map((e) => [e, new Set()]));
  // The view reports its first status once it has rendered: only then is it ready to obey.
  let rendered;
  const firstRender = new Promise((ok) => { rendered = ok; });
  const emit = (type, detail) => {
    if (type === 'status') rendered();
    element.dispatchEvent(new CustomEvent(`asyncio-playground:${type}`, { detail, bubbles: true }));
    for (const fn of listeners.get(type) ?? []) {
      try { fn(detail); } catch (e) { console.error(e); }
    }
  };
  const host = document.createElement('div');
  host.className = 'aiopg-host';
  let handle;
  // Authoring (www/authoring.js): hidden setup and chain, pre-rendered output, inherit theme.
  const preview = inPlace ? prerendered(element) : null;
  try {
    const setup = setupPieces(element, options);
    const pairs = [...optionPairs(element, options), ...themePairs(element, options)];
    const glue = await load();
    if (inPlace) element.after(host); else element.append(host);
    handle = glue.mountPlayground(host, code, pairs, asset('./'), emit, setup, preview);
  } catch (e) {
    host.remove();
    element.dataset[STATE] = 'error';
    showError(inPlace ? element : host, e && e.message ? e.message : String(e));
    throw e;
  }
  await firstRender;
  if (inPlace) element.hidden = true;
  element.dataset[STATE] = 'live';
  const playground = {
    element,
    /** Runs the program (stopping an earlier run). */
    run() { handle.run(); },
    /** Stops the run; always works. */
    stop() { handle.stop(); },
    /** Stops and clears the console and tasks. */
    reset() { handle.reset(); },
    /** Replaces the program (its hidden setup stays). */
    setCode(text) { handle.setCode(String(text)); },
    /** Puts back the code the page's author wrote. */
    resetCode() { handle.resetCode(); },
    /** The program in the editor, as the reader sees it (hidden lines left out). */
    get code() { return handle.code; },
    /** Has the reader changed the author's code? */
    get edited() { return handle.edited; },
    /** 'ready', 'running', 'paused' or 'finished'. */
    get status() { return handle.status; },
    /** The current run's output: {stdout, stderr}. */
    output() { return handle.output(); },
    /** Calls `fn(detail)` on 'load', 'status' or 'finished'; returns a function that unsubscribes. */
    on(type, fn) {
      const set = listeners.get(type);
      if (!set) throw new TypeError(`unknown event ${JSON.stringify(type)}; events: ${EVENTS.join(', ')}`);
      set.add(fn);
      return () => set.delete(fn);
    },
    /** Removes the playground and shows the original block again. */
    destroy() {
      handle.destroy();
      host.remove();
      if (preview) element.after(preview);
      if (inPlace) element.hidden = false;
      delete element.asyncioPlayground;
      delete element.dataset[STATE];
      live.delete(playground);
    },
  };
  element.asyncioPlayground = playground;
  live.add(playground);
  emit('load', { status: handle.status });
  return playground;
}

/** The playgrounds live on the page, in the order they started. */
export function playgrounds() {
  return [...live];
}

const observer = typeof IntersectionObserver === 'function'
  ? new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      observer.unobserve(e.target);
      mount(e.target).catch(() => {}); // the block shows why
    }
  }, { rootMargin: '200px 0px' })
  : null;

/** Finds new `<pre data-asyncio-playground>` blocks under `root` and starts each when near. */
export function scan(root = document) {
  for (const block of root.querySelectorAll(BLOCKS)) {
    if (block.dataset[STATE]) continue;
    block.dataset[STATE] = 'waiting';
    markInherit(block);
    if (observer) observer.observe(block); else mount(block).catch(() => {});
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => scan());
else scan();

// Blocks a docs framework rendered, picked by the configured selector (frameworks.js).
const frameworkSelector = configuredSelector(import.meta.url);
if (frameworkSelector) watchFrameworkBlocks(frameworkSelector, (pre) => mount(pre).catch(() => {}));
