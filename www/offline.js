// Offline use (docs/embedding.md#offline): registers sw.js, the service worker that keeps a
// copy of this build, two seconds after the page has loaded. Imported by start.js (the full playground),
// frame.js (the iframe view) and loader.js (pages with code blocks).
// Only pages inside the build's folder are registered: a service worker controls pages under
// its own folder, so registering it from a page elsewhere would cache files that page never
// uses. Nothing happens where service workers are unavailable (plain http, some private modes).

const BASE = new URL('./', import.meta.url);

/** Why the service worker is not registered from this page, or '' when it is. */
export function offlineUnavailable() {
  if (!('serviceWorker' in navigator)) return 'this browser has no service workers';
  if (!window.isSecureContext) return 'service workers need https (or localhost)';
  if (BASE.origin !== location.origin) return 'the playground is on another origin';
  if (!location.href.startsWith(BASE.href)) return 'the page is outside the playground\'s folder';
  return '';
}

function register() {
  if (offlineUnavailable()) return;
  // updateViaCache 'none': the browser always asks the server for sw.js, so a new build
  // (a new sw.js) is seen on the next visit rather than after the HTTP cache expires.
  navigator.serviceWorker.register(new URL('sw.js', BASE), { scope: BASE.href, updateViaCache: 'none' })
    .catch((e) => console.warn(`asyncio playground: no offline copy (${e && e.message ? e.message : e})`));
}

// Two seconds after load: installing the worker fetches the whole build (the wasm included),
// which competes with the first run for the network and the main thread (about 120 ms of the
// time to the first output, docs/performance.md); a reader who stays gets the copy anyway.
const later = () => setTimeout(register, 2000);
if (document.readyState === 'complete') later();
else addEventListener('load', later, { once: true });
