// Tutorial authoring for loader blocks (docs/embedding.md): hidden setup (`data-setup`),
// chained snippets (`data-after`), pre-rendered output (`aioplay prerender`), and
// `data-theme="inherit"`. loader.js asks these helpers before it mounts a block.

const BLOCKS = 'pre[data-asyncio-playground]';

/** The block's `data-setup`: `#id` names a `<template>` (or any element) whose text is the
 *  setup; anything else is the setup code itself. Throws when `#id` names nothing. */
function ownSetup(block, given) {
  const ref = given ?? block.getAttribute('data-setup');
  if (ref === null || ref.trim() === '') return [];
  if (/^#[A-Za-z][\w:.-]*$/.test(ref.trim())) {
    const el = document.getElementById(ref.trim().slice(1));
    if (!el) throw new Error(`data-setup="${ref.trim()}": the page has no element with id="${ref.trim().slice(1)}"`);
    return [el instanceof HTMLTemplateElement ? el.content.textContent : el.textContent];
  }
  return [ref];
}

/**
 * The hidden code pieces that run before `block`'s own code, oldest first: each earlier
 * block of its `data-after` chain (its setup, then its code as the author wrote it), then
 * the block's own `data-setup`. `options.setup` / `options.after` (mount options) win over
 * the block's attributes. Throws an Error naming a missing id or a cycle.
 */
export function setupPieces(block, options = {}) {
  const order = [block];
  const afterOf = (b) => (b === block && options.after != null ? String(options.after) : b.getAttribute('data-after'));
  for (let at = block; afterOf(at);) {
    const id = afterOf(at).trim();
    const next = document.getElementById(id);
    if (!next || !next.matches(BLOCKS)) {
      throw new Error(`data-after="${id}" on #${at.id || '(no id)'}: no playground block has id="${id}"`);
    }
    if (order.includes(next)) {
      const ids = [...order.map((b) => b.id || '?'), id];
      throw new Error(`data-after makes a cycle: ${ids.map((i) => `#${i}`).join(' → ')}`);
    }
    order.push(next);
    at = next;
  }
  const pieces = [];
  order.reverse().forEach((b, i) => {
    pieces.push(...ownSetup(b, b === block && options.setup != null ? String(options.setup) : undefined));
    if (i + 1 < order.length) pieces.push(b.textContent);
  });
  return pieces;
}

/** The element `aioplay prerender` wrote right after the block (expected output and a
 *  timeline picture), if any. */
export function prerendered(block) {
  const next = block.nextElementSibling;
  return next && next.classList.contains('aiopg-prerendered') ? next : null;
}

/** `light` or `dark` for `data-theme="inherit"`: the host's `color-scheme` where the block
 *  sits when it names one scheme, else the reader's `prefers-color-scheme`. */
export function inheritedTheme(block) {
  const scheme = getComputedStyle(block.parentElement || document.documentElement).colorScheme || '';
  const words = scheme.split(/\s+/);
  const dark = words.includes('dark'), light = words.includes('light');
  if (dark && !light) return 'dark';
  if (light && !dark) return 'light';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Option pairs this module adds (later pairs win): `inherit` resolved to light or dark. */
export function themePairs(block, options) {
  const asked = options.theme ?? block.getAttribute('data-theme');
  return asked === 'inherit' ? [['theme', inheritedTheme(block)]] : [];
}

/** Marks `inherit` blocks before they load, so the page's CSS (and embed.css) can give the
 *  waiting block the host's scheme from the first paint. */
export function markInherit(block) {
  if (block.getAttribute('data-theme') === 'inherit') block.dataset.asyncioPlaygroundScheme = inheritedTheme(block);
}
