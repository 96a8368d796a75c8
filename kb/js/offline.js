/* Offline reading: register this language's service worker (kb/offline.py writes it as sw.js
 * next to the language's manifest: /sw.js for Spanish, /en/sw.js for English). It keeps every page
 * of the language readable with no signal after the first visit. Nothing is sent anywhere.
 * It starts only after the page has loaded, so the page itself is never slowed, and not at all
 * when the reader has asked their phone to save data (Save-Data): that reader downloads only
 * the page they opened (decisions/0002-offline.md).
 * The reader decides: the About page's privacy section has a switch (an empty `.kb-offline`
 * paragraph, filled here) that deletes the copy and stops it ("off"), or keeps one even with
 * Save-Data on ("on"). The choice is kept in localStorage["kb-offline"], for both languages. */
var KEY = "kb-offline";

/* A page the worker answered from its cache (no signal, or too slow) says so first, with the day it
 * was saved: offline_sw.js marks it with <meta name="kb-saved" content="YYYY-MM-DD">. */
var savedOn = document.querySelector('meta[name="kb-saved"]');
if (savedOn) {
  kb.ready(function () {
    var day = savedOn.content.split("-").map(Number);
    var date = new Date(day[0], day[1] - 1, day[2]);
    if (isNaN(date)) return;
    var line = document.createElement("p");
    line.className = "kb-saved-copy";
    line.setAttribute("role", "status");
    line.setAttribute("data-kb-ui", "");
    line.textContent = kb.text.offlineCopy.replace("{date}", date.toLocaleDateString(kb.text.locale,
      { day: "numeric", month: "long", year: "numeric" }));
    var article = document.querySelector("article.md-content__inner");
    if (article) article.insertBefore(line, article.firstChild);
  });
}

var manifest = document.querySelector('link[rel="manifest"]');
if (!manifest || !("serviceWorker" in navigator) || !window.isSecureContext) return;
var saveData = !!(navigator.connection && navigator.connection.saveData);
var T = {
  on: kb.text.offlineOn, off: kb.text.offlineOff, saveData: kb.text.offlineSaveData,
  remove: kb.text.offlineRemove, save: kb.text.offlineSave, removed: kb.text.offlineRemoved,
  saved: kb.text.offlineSaved, failed: kb.text.offlineFailed
};

function choice() { try { return localStorage.getItem(KEY); } catch (e) { return null; } }
function choose(value) { try { localStorage.setItem(KEY, value); } catch (e) { /* private mode */ } }
function wanted() { var c = choice(); return c === "on" || (c !== "off" && !saveData); }

function register() {
  return navigator.serviceWorker.register(new URL("sw.js", manifest.href).href).catch(function () {
    return null; /* no worker (private mode, storage full): the site still works online */
  });
}

/* Every language's worker and cache (the "kb-<lang>-<version>" caches of offline_sw.js). */
function remove() {
  return navigator.serviceWorker.getRegistrations().then(function (all) {
    return Promise.all(all.map(function (r) { return r.unregister(); }));
  }).then(function () { return self.caches ? caches.keys() : []; }).then(function (keys) {
    return Promise.all(keys.filter(function (k) { return /^kb-[a-z]{2}-/.test(k); })
      .map(function (k) { return caches.delete(k); }));
  });
}

function control(box) {
  var text = document.createElement("span");
  var button = document.createElement("button");
  var status = document.createElement("span");
  button.type = "button";
  button.className = "md-button kb-offline-switch";
  status.className = "kb-status";
  kb.ui(button, status);
  status.setAttribute("role", "status");
  function show() {
    var on = wanted();
    text.textContent = on ? T.on : (choice() === "off" || !saveData ? T.off : T.saveData);
    button.textContent = on ? T.remove : T.save;
  }
  button.addEventListener("click", function () {
    var on = wanted();
    choose(on ? "off" : "on");
    show();
    (on ? remove() : register()).then(function (done) {
      status.textContent = on ? T.removed : done ? T.saved : T.failed;
    });
  });
  show();
  box.append(text, " ", button, status);
  box.hidden = false;
}

document.querySelectorAll(".kb-offline").forEach(control);
if (choice() === "off") { remove(); return; } /* e.g. turned off in another tab: nothing stays */
if (!wanted()) return;
if (document.readyState === "complete") register();
else window.addEventListener("load", register);
