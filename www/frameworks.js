// Code blocks rendered by a docs framework (MkDocs, Sphinx, Docusaurus, mdBook...) as
// playgrounds: docs/embedding.md#recipes. The loader is told which blocks with a CSS selector
// (`data-selector` on its <script>, `?selector=` in its address, or
// `window.asyncioPlayground = {selector}`); each match is adopted: its code is read from the
// framework's highlighted markup, a <pre data-asyncio-playground> holding it is put before the
// framework's block, and that block is hidden once the playground is live.
// Invariant: a framework block is adopted once (data-asyncio-playground-adopted), and it stays
// visible until its playground is live (or for good, if the playground cannot start).

const ADOPTED = 'asyncioPlaygroundAdopted';
// Parts of highlighted markup that are not code: copy buttons, line numbers.
const NOT_CODE = 'button, .linenos, .linenodiv, .lineno, .md-clipboard, .buttons, .copybtn';
// Wrappers a framework puts around one code block (hidden along with it).
const WRAPPER = '[class*="highlight"], [class*="code"], [class*="language-"], .highlighttable, .highlighttable *';

/** The selector the loader at `loaderUrl` was given, or '' for none. */
export function configuredSelector(loaderUrl) {
  const fromScript = [...document.querySelectorAll('script[src][data-selector]')]
    .find((s) => s.src === loaderUrl);
  const global = window.asyncioPlayground && window.asyncioPlayground.selector;
  const chosen = (fromScript && fromScript.dataset.selector)
    || new URL(loaderUrl).searchParams.get('selector')
    || (typeof global === 'string' ? global : '');
  return chosen.trim();
}

/**
 * The program shown in `el`, as the reader sees it: text of the code element (or `<pre>`)
 * inside it with the highlighter's spans stripped (entities are already decoded in the DOM),
 * `<br>` as a line break, and copy buttons and line numbers left out.
 */
export function codeText(el) {
  const out = [];
  const walk = (node) => {
    for (const n of node.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) out.push(n.data);
      else if (n.nodeType !== Node.ELEMENT_NODE) continue;
      else if (n.tagName === 'BR') out.push('\n');
      else if (!n.matches(NOT_CODE)) walk(n);
    }
  };
  walk(holder(el));
  return out.join('');
}

/** The element holding the code: `el` if it is a `<code>`, else its first `<code>` or `<pre>`. */
function holder(el) {
  if (el.tagName === 'CODE') return el;
  const inner = [...el.querySelectorAll('code'), ...el.querySelectorAll('pre')]
    .find((c) => !c.closest(NOT_CODE));
  return inner || el;
}

/** The matches of `selector` under `root` that are code blocks (not line-number columns). */
function matches(root, selector) {
  const all = [...(root.matches && root.matches(selector) ? [root] : []), ...root.querySelectorAll(selector)];
  return all.filter((m) => !m.closest(NOT_CODE) && !m.closest('[data-asyncio-playground], .aiopg-host'));
}

/** The framework's whole block around `match`: its `<pre>` and the code wrappers around it. */
function frameworkBlock(match, selector) {
  let block = match.closest('pre') || match;
  for (let up = block.parentElement; up && up !== document.body; up = up.parentElement) {
    if (!up.matches(WRAPPER) || matches(up, selector).length !== 1) break;
    block = up;
  }
  return block;
}

/** Puts a hidden `<pre data-asyncio-playground>` with the code of `match` before its block. */
function adopt(match, selector) {
  const block = frameworkBlock(match, selector);
  if (block.dataset[ADOPTED]) return null;
  block.dataset[ADOPTED] = 'true';
  const pre = document.createElement('pre');
  // Options written on the marked element (data-speed="2"...) carry over.
  for (const a of match.attributes) {
    if (a.name.startsWith('data-') && !a.name.startsWith('data-asyncio-playground')) pre.setAttribute(a.name, a.value);
  }
  pre.setAttribute('data-asyncio-playground', '');
  pre.textContent = codeText(match);
  pre.hidden = true;
  block.before(pre);
  pre.addEventListener('asyncio-playground:load', () => {
    block.hidden = true;
    block.style.setProperty('display', 'none', 'important');
  }, { once: true });
  return { pre, block };
}

/** Destroys the playgrounds of adopted blocks that left the page (`removed` nodes). */
function destroyRemoved(removed, ours) {
  for (const node of removed) {
    if (node.nodeType !== Node.ELEMENT_NODE || node.isConnected) continue;
    const pres = node.matches('pre[data-asyncio-playground]') ? [node] : node.querySelectorAll('pre[data-asyncio-playground]');
    for (const pre of pres) {
      if (ours.has(pre) && pre.asyncioPlayground) pre.asyncioPlayground.destroy();
    }
  }
}

/**
 * Adopts every block matching `selector` now and whenever the page adds more (single-page
 * sites such as Docusaurus, or MkDocs Material's instant navigation), and calls
 * `start(pre)` for each when its block comes near the viewport. When such a site swaps a
 * page out, the playgrounds of its blocks are destroyed (their runs stop). A bad selector is
 * reported on the console and adopts nothing.
 */
export function watchFrameworkBlocks(selector, start) {
  try {
    document.querySelector(selector);
  } catch {
    console.error(`asyncio playground: the loader's selector ${JSON.stringify(selector)} is not a valid CSS selector`);
    return;
  }
  const starts = new WeakMap(); // framework block -> its playground's <pre>
  const ours = new WeakSet(); // the <pre>s made here
  const near = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        near.unobserve(e.target);
        start(starts.get(e.target));
      }
    }, { rootMargin: '200px 0px' })
    : null;
  const adoptAll = () => {
    for (const m of matches(document, selector)) {
      const found = adopt(m, selector);
      if (!found) continue;
      starts.set(found.block, found.pre);
      ours.add(found.pre);
      if (near) near.observe(found.block); else start(found.pre);
    }
  };
  adoptAll();
  let queued = false;
  new MutationObserver((records) => {
    // The playgrounds' own renders are neither new blocks nor a page swapped out.
    const page = records.filter((r) => !(r.target.closest && r.target.closest('.aiopg-host')));
    for (const r of page) destroyRemoved(r.removedNodes, ours);
    if (queued || page.length === 0) return;
    queued = true;
    setTimeout(() => { queued = false; adoptAll(); }, 50);
  }).observe(document.documentElement, { childList: true, subtree: true });
}
