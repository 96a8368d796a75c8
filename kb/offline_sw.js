/* Service worker for one language of the guide. kb/offline.py writes it as `sw.js` at that
 * language's root, preceded by `self.KB_OFFLINE`: the version, the cache name prefix, the precache
 * list and the offline page, all relative to this file.
 * - install: into a cache named after this version, copy from the old version's cache every file
 *   whose hash (KB.hashes) did not change, fetch the others from the network (not the HTTP cache),
 *   keep the hashes with them (HASHES_KEY), then take over at once;
 * - activate: delete this language's caches of other versions (a new deploy replaces the old cache);
 * - pages and files whose names do not change with their content: the network first (the reader
 *   online sees the latest deploy and the cache is refreshed), the cache when the network fails or
 *   is slower than TIMEOUT, marked with <meta name="kb-saved" content="<date saved>"> (offline.js
 *   says so on the page); a page that is not cached gets the offline page of its language (the
 *   root worker carries the other languages' ones, KB.others);
 * - Material's files with a content hash in their names: the cache first. */
"use strict";

var KB = self.KB_OFFLINE;
var CACHE = KB.prefix + KB.version;
var TIMEOUT = 4000; /* ms to wait for a slow network before answering from the cache */
var HASHED = /\.[0-9a-f]{8,}\.min\.(js|css)$/;
var PRECACHE = KB.precache.map(function (path) { return new URL(path, self.location).href; });
var OFFLINE = new URL(KB.offline, self.location).href;
var HASHES_KEY = new URL("kb-offline-hashes", self.location).href; /* not a file: this cache's own note */

/* {url: hash} of the files this version saves. */
function hashes() {
  var out = {};
  PRECACHE.forEach(function (url, i) { out[url] = KB.hashes[i]; });
  return out;
}

/* The caches of this language's other versions, each with its {url: hash} note (or {}). */
function oldCaches() {
  return caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key.indexOf(KB.prefix) === 0 && key !== CACHE; })
      .map(function (key) {
        return caches.open(key).then(function (cache) {
          return cache.match(HASHES_KEY).then(function (note) { return note ? note.json() : {}; })
            .catch(function () { return {}; })
            .then(function (noted) { return { cache: cache, hashes: noted }; });
        });
      }));
  });
}

/* A file for the new cache: the old cache's copy when its hash is the same, else the network's. */
function saved(url, hash, old) {
  var same = old.filter(function (o) { return o.hashes[url] === hash; });
  var tries = same.reduce(function (found, o) {
    return found.then(function (hit) { return hit || o.cache.match(url); });
  }, Promise.resolve());
  return tries.then(function (hit) {
    return hit || fetch(new Request(url, { cache: "reload" })).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response;
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(Promise.all([caches.open(CACHE), oldCaches()]).then(function (both) {
    var cache = both[0], old = both[1], wanted = hashes();
    return Promise.all(PRECACHE.map(function (url) {
      return saved(url, wanted[url], old).then(function (response) { return cache.put(url, response); });
    })).then(function () {
      return cache.put(HASHES_KEY, new Response(JSON.stringify(wanted), { headers: { "Content-Type": "application/json" } }));
    });
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
      if (hit) return page ? marked(hit) : hit;
      return page ? offlinePage(request.url) : undefined;
    });
  }

  return new Promise(function (resolve) {
    var timer = setTimeout(function () {
      if (key) caches.match(key).then(function (hit) { if (hit) resolve(page ? marked(hit) : hit); });
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

/* A saved page, with the date it was saved in a <meta> the page's script reads (offline.js). */
function marked(hit) {
  var when = new Date(hit.headers.get("date") || hit.headers.get("last-modified") || NaN);
  if (isNaN(when)) return hit;
  var day = when.toISOString().slice(0, 10);
  var headers = new Headers(hit.headers);
  headers.delete("content-length"); /* the page grows by the <meta> */
  return hit.text().then(function (html) {
    var at = html.indexOf("<head>");
    if (at >= 0) html = html.slice(0, at + 6) + '<meta name="kb-saved" content="' + day + '">' + html.slice(at + 6);
    return new Response(html, { status: hit.status, statusText: hit.statusText, headers: headers });
  });
}

/* The offline page for an address: another language's, when it is under that language's folder. */
function offlinePage(url) {
  var folders = Object.keys(KB.others || {}).filter(function (folder) {
    return url.indexOf(new URL(folder, self.location).href) === 0;
  });
  if (folders.length) {
    return new Response(KB.others[folders[0]], { headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
  return caches.match(OFFLINE);
}
