/* Offline reading: register this language's service worker (hooks/offline.py writes it as sw.js
 * next to the language's manifest: /sw.js for Spanish, /en/sw.js for English). It keeps every page
 * of the language readable with no signal after the first visit. Nothing is sent anywhere.
 * It starts only after the page has loaded, so the page itself is never slowed, and not at all
 * when the reader has asked their phone to save data (Save-Data): that reader downloads only
 * the page they opened (decisions/0002-offline.md). */
(function () {
  "use strict";
  var manifest = document.querySelector('link[rel="manifest"]');
  if (!manifest || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  if (navigator.connection && navigator.connection.saveData) return;
  function register() {
    navigator.serviceWorker.register(new URL("sw.js", manifest.href).href).catch(function () {
      /* no worker (private mode, storage full): the site still works online */
    });
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
