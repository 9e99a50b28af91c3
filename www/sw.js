// The service worker that keeps one build of the playground for offline use
// (docs/embedding.md#offline). scripts/offline.mjs writes it into dist/ with BUILD (a hash of
// every other file of the build) and FILES (their paths) filled in, so each build has its own
// sw.js and the browser installs it on the next visit.
//
// Invariants: the cache holds exactly one whole build (FILES of BUILD, fetched together at
// install), so a page never mixes the glue of one build with the wasm of another; requests go
// to the network first, and the cache answers only when the network fails, so an online
// reader always gets what the server has now, never a stale build.

const BUILD = 'dev';
const FILES = [];

const SCOPE = new URL('./', self.location.href).href;
// One cache per folder and build: two playgrounds on one origin keep apart.
const PREFIX = `asyncio-playground ${SCOPE} `;
const CACHE = PREFIX + BUILD;
const KEYS = new Set(FILES.map((f) => new URL(f, SCOPE).href));

/** The cache key for `url`: without query and fragment; the folder itself is its index.html. */
function keyOf(url) {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  if (u.href === SCOPE) u.href = new URL('index.html', SCOPE).href;
  return u.href;
}

self.addEventListener('install', (event) => {
  // 'no-cache': revalidate with the server, so a stale HTTP-cache entry of an older build
  // never lands in this build's cache.
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll([...KEYS].map((url) => new Request(url, { cache: 'no-cache' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const key = keyOf(request.url);
  if (!KEYS.has(key)) return; // not a file of this build: the browser fetches it as usual
  event.respondWith(fetch(request).catch(async (error) => {
    const cached = await caches.match(key, { cacheName: CACHE });
    if (cached) return cached;
    throw error;
  }));
});
