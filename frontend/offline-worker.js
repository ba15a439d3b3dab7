/*
 * Protection Cases service worker (issue #14): when a page cannot be loaded because the connection
 * is gone, show offline.html (needs a connection, drafts are kept on the server) instead of the
 * browser's own error. Nothing with personal data is ever cached: only the offline page and its
 * icon. Named offline-worker.js because Vaadin answers /sw.js itself. Registered by
 * scripts/phone.js on touch screens and installed apps.
 */
const CACHE = 'pc-offline-1';
const SCOPE = new URL(self.registration.scope);
const OFFLINE = new URL('offline.html', SCOPE).href;
const ICON = new URL('icons/icon-192.png', SCOPE).href;

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll([OFFLINE, ICON])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(key => key !== CACHE).map(key => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== SCOPE.origin) {
    return;
  }
  if (request.mode === 'navigate' && !url.pathname.includes('/VAADIN/')) {
    // Always the network first: the page is never served from a cache while it can be loaded.
    event.respondWith(fetch(request).catch(() => caches.match(OFFLINE)));
  } else if (url.pathname.endsWith('/icons/icon-192.png')) {
    // The offline page's icon, whatever address the offline page stands in for.
    event.respondWith(fetch(request).catch(() => caches.match(ICON)));
  }
});
