/*
 * Protection Cases service worker: only shows the offline page when a page cannot be loaded.
 * It caches nothing but that page, its icon and the stylesheet: never a record, never personal data.
 * Drafts are kept on the server (see docs/phone.md), so nothing typed lives in the browser.
 */
const CACHE = 'pc-offline-v1';
const OFFLINE = 'offline.html';

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE)
    .then(cache => cache.addAll([OFFLINE, 'icons/icon-192.png']))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  if (event.request.mode === 'navigate') {
    event.respondWith(fetch(event.request).catch(() => caches.match(OFFLINE)));
  }
});
