/*
 * Offline for wall screens: after one visit, a screen that reboots while the network is down still
 * shows its last data. Same-origin GETs only. Hashed build assets are served from the cache first
 * (they never change); everything else (the page, the data folder) goes to the network first and
 * falls back to the cache, marking such responses with `X-Dashboard-Offline: 1` so the page can say
 * it is showing cached data. Registered only where service workers are allowed (HTTPS, localhost).
 */
const CACHE = 'dashboard-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// The page sends the URLs it loaded before this worker controlled it (the first visit).
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'cache-urls' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === 'string' && new URL(u).origin === self.location.origin);
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => Promise.all(urls.map((u) => cache.match(u).then((hit) => hit || cache.add(u).catch(() => undefined)))))
      .then(() => event.source && event.source.postMessage({ type: 'cached', count: urls.length })),
  );
});

const immutable = (url) => /\/assets\/[^/]+-[A-Za-z0-9_-]{6,}\.[a-z0-9]+$/.test(url.pathname);

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (immutable(url)) {
    event.respondWith(
      caches.match(req).then(
        (hit) =>
          hit ||
          fetch(req).then((res) => {
            if (res.ok) caches.open(CACHE).then((c) => c.put(req, res.clone()));
            return res;
          }),
      ),
    );
    return;
  }
  event.respondWith(
    fetch(req)
      .then((res) => {
        if (res.ok) {
          const copy = res.clone();
          // The cached copy is keyed without the query string for navigations (?view=wall …).
          caches.open(CACHE).then((c) => c.put(req.mode === 'navigate' ? url.origin + url.pathname : req, copy));
        }
        return res;
      })
      .catch(async () => {
        const hit = (await caches.match(req)) || (req.mode === 'navigate' ? await caches.match(url.origin + url.pathname) : undefined) || (await caches.match(req, { ignoreSearch: true }));
        if (!hit) return Response.error();
        const headers = new Headers(hit.headers);
        headers.set('X-Dashboard-Offline', '1');
        return new Response(await hit.blob(), { status: hit.status, statusText: hit.statusText, headers });
      }),
  );
});
