/* Service worker for one language of the guide. kb/offline.py writes it as `sw.js` at that
 * language's root, preceded by `self.KB_OFFLINE`: the version, the cache name prefix, the precache
 * list and the offline page, all relative to this file.
 * - install: fetch every precached file from the network (not the HTTP cache) into a cache named
 *   after this version, then take over at once;
 * - activate: delete this language's caches of other versions (a new deploy replaces the old cache);
 * - pages and files whose names do not change with their content: the network first (the reader
 *   online sees the latest deploy and the cache is refreshed), the cache when the network fails or
 *   is slower than TIMEOUT; a page that is not cached gets the offline page;
 * - Material's files with a content hash in their names: the cache first. */
"use strict";

var KB = self.KB_OFFLINE;
var CACHE = KB.prefix + KB.version;
var TIMEOUT = 4000; /* ms to wait for a slow network before answering from the cache */
var HASHED = /\.[0-9a-f]{8,}\.min\.(js|css)$/;
var PRECACHE = KB.precache.map(function (path) { return new URL(path, self.location).href; });
var OFFLINE = new URL(KB.offline, self.location).href;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(PRECACHE.map(function (url) { return new Request(url, { cache: "reload" }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf(KB.prefix) === 0 && key !== CACHE;
    }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  url.hash = "";
  url.search = ""; /* search.highlight adds ?h=term to the pages it opens */
  var key = PRECACHE.indexOf(url.href) >= 0 ? url.href : null;
  var page = request.mode === "navigate";
  if (page && !key && PRECACHE.indexOf(url.href + "/") >= 0) {
    event.respondWith(Response.redirect(url.href + "/", 301)); /* /frases → /frases/, as the server does */
    return;
  }
  if (!key && !page) return; /* not ours: the browser fetches it as usual */
  if (key && !page && HASHED.test(url.pathname)) {
    event.respondWith(caches.match(key).then(function (hit) { return hit || fetch(request); }));
    return;
  }
  event.respondWith(networkFirst(event, request, key, page));
});

function networkFirst(event, request, key, page) {
  var network = fetch(request);
  event.waitUntil(network.then(function (response) {
    if (!key || !response.ok) return;
    var copy = response.clone();
    return caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
  }).catch(function () {}));

  function cached() {
    return (key ? caches.match(key) : Promise.resolve()).then(function (hit) {
      return hit || (page ? caches.match(OFFLINE) : undefined);
    });
  }

  return new Promise(function (resolve) {
    var timer = setTimeout(function () {
      if (key) caches.match(key).then(function (hit) { if (hit) resolve(hit); });
    }, TIMEOUT);
    network.then(function (response) {
      clearTimeout(timer);
      resolve(response);
    }, function () {
      clearTimeout(timer);
      cached().then(function (hit) { resolve(hit || Response.error()); });
    });
  });
}
