/* Reader-side behaviour, written by hand because no Material or pymdown feature covers it. One file
 * (not one per concern) so a first visit on a slow phone makes one request for all of it, not three
 * (bench: two fewer requests before first paint). Three independent parts, each in its own function:
 * 1. Scripts and sharing:
 *    - fill-in-once details (kept in this browser's localStorage only), copy buttons;
 *    - a touch-friendly "copy link to this section" button on every linkable heading;
 *    - the language switcher keeps the section (#anchor) the reader is on;
 *    - glossary terms (<abbr>) can be focused by tap so their tooltip shows on a phone.
 * 2. Offline reading (service worker registration).
 * 3. Paper (what the print stylesheet cannot do alone).
 * Nothing here sends anything anywhere. */
(function () {
  "use strict";
  var STORE = "kb-details";
  var en = document.documentElement.lang === "en";
  var T = en
    ? { copied: "Copied", failed: "Could not copy: select the text and copy it by hand.",
        link: "Copy link", linkLabel: "Copy link to this section: ", linkCopied: "Link copied",
        forgotten: "Your details were deleted from this browser." }
    : { copied: "Copiado", failed: "No se pudo copiar: seleccione el texto y cópielo a mano.",
        link: "Copiar enlace", linkLabel: "Copiar enlace a esta sección: ", linkCopied: "Enlace copiado",
        forgotten: "Sus datos se borraron de este navegador." };

  function load() {
    try { return JSON.parse(localStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
  }

  function save(details) {
    var kept = {};
    Object.keys(details).forEach(function (k) { if (details[k]) kept[k] = details[k]; });
    try {
      if (Object.keys(kept).length) localStorage.setItem(STORE, JSON.stringify(kept));
      else localStorage.removeItem(STORE);
    } catch (e) { /* storage disabled: the page still works, nothing is kept */ }
  }

  var dateKeys = {};

  function shown(key, value) {
    if (!value || !dateKeys[key]) return value;
    var date = new Date(value + "T00:00:00");
    if (isNaN(date)) return value;
    return date.toLocaleDateString(en ? "en-US" : "es-US", { day: "numeric", month: "long", year: "numeric" });
  }

  function paint(details) {
    document.querySelectorAll(".kb-ph").forEach(function (ph) {
      var value = shown(ph.dataset.ph, details[ph.dataset.ph]);
      ph.textContent = value || ph.dataset.label;
      ph.classList.toggle("kb-ph--filled", !!value);
    });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      ok ? resolve() : reject();
    });
  }

  function announce(status, message) {
    if (!status) return;
    status.textContent = message;
    clearTimeout(status.kbTimer);
    status.kbTimer = setTimeout(function () { status.textContent = ""; }, 4000);
  }

  function scriptText(block) {
    return Array.prototype.map.call(block.querySelectorAll(".kb-script-text p"), function (p) {
      return p.innerText.trim();
    }).join("\n\n");
  }

  function setUpScripts() {
    var details = load();
    document.querySelectorAll(".kb-fill").forEach(function (form) {
      form.hidden = false;
      form.querySelectorAll("input").forEach(function (input) {
        if (input.type === "date") dateKeys[input.name] = true;
        input.value = details[input.name] || "";
        input.addEventListener("input", function () {
          details[input.name] = input.value.trim();
          save(details);
          paint(details);
        });
      });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      form.querySelector(".kb-forget").addEventListener("click", function () {
        details = {};
        save(details);
        form.querySelectorAll("input").forEach(function (input) { input.value = ""; });
        paint(details);
        announce(form.querySelector(".kb-status"), T.forgotten);
      });
    });
    paint(details);
    document.querySelectorAll(".kb-script").forEach(function (block) {
      var button = block.querySelector(".kb-copy");
      var status = block.querySelector(".kb-status");
      button.hidden = false;
      button.addEventListener("click", function () {
        copyText(scriptText(block)).then(
          function () { announce(status, T.copied); },
          function () { announce(status, T.failed); });
      });
    });
  }

  function setUpSectionLinks() {
    document.querySelectorAll(".md-content article h2[id], .md-content article h3[id]").forEach(
      function (heading) {
        var button = document.createElement("button");
        var status = document.createElement("span");
        var title = heading.textContent.replace("¶", "").trim();
        button.type = "button";
        button.className = "kb-link";
        button.textContent = T.link;
        button.setAttribute("aria-label", T.linkLabel + title);
        status.className = "kb-status";
        status.setAttribute("role", "status");
        button.addEventListener("click", function () {
          var url = location.origin + location.pathname + "#" + heading.id;
          copyText(url).then(
            function () { announce(status, T.linkCopied); },
            function () { announce(status, T.failed + " " + url); });
        });
        // After the heading, not inside it: inside, every heading's accessible name would end in
        // the button's label ("Qué decir ¶ Copiar enlace a esta sección: Qué decir").
        heading.parentNode.insertBefore(status, heading.nextSibling);
        heading.parentNode.insertBefore(button, status);
      });
  }

  function keepAnchorOnLanguageSwitch() {
    document.querySelectorAll(".md-select__link[hreflang]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        link.href = link.href.split("#")[0] + location.hash;
        // Material's body click handler for pages with <link rel="alternate" hreflang> sends the
        // reader to the twin without the #anchor; let the browser follow this link instead.
        event.stopPropagation();
      });
    });
  }

  function tappableTerms() {
    document.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
      abbr.tabIndex = 0;
    });
  }

  /* A table wider than the phone scrolls sideways in its own box: make that box reachable and
   * named for keyboard and screen-reader users (WCAG 2.1.1; axe scrollable-region-focusable). */
  function focusableScrollers() {
    document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset table").forEach(function (box) {
      if (box.scrollWidth <= box.clientWidth || box.closest("[tabindex]")) return;
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", en ? "Table (scrolls sideways)" : "Tabla (se desplaza de lado)");
    });
  }

  function start() {
    setUpScripts();
    setUpSectionLinks();
    keepAnchorOnLanguageSwitch();
    tappableTerms();
    focusableScrollers();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/* 2. Offline reading: register this language's service worker (hooks/offline.py writes it as sw.js
 * next to the language's manifest: /sw.js for Spanish, /en/sw.js for English). It keeps every page
 * of the language readable with no signal after the first visit. Nothing is sent anywhere.
 * It starts only after the page has loaded, so the page itself is never slowed, and not at all
 * when the reader has asked their phone to save data (Save-Data): that reader downloads only
 * the page they opened (decisions/0002-offline.md).
 * The reader decides: the About page's privacy section has a switch (an empty `.kb-offline`
 * paragraph, filled here) that deletes the copy and stops it ("off"), or keeps one even with
 * Save-Data on ("on"). The choice is kept in localStorage["kb-offline"], for both languages. */
(function () {
  "use strict";
  var KEY = "kb-offline";
  var manifest = document.querySelector('link[rel="manifest"]');
  if (!manifest || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  var saveData = !!(navigator.connection && navigator.connection.saveData);
  var en = document.documentElement.lang === "en";
  var T = en
    ? { on: "This phone keeps a copy of this guide to read with no signal.",
        off: "This phone keeps no copy of this guide.",
        saveData: "Your phone asks to save data, so it keeps no copy of this guide.",
        remove: "Delete the copy and stop saving it", save: "Save the guide to read with no signal",
        removed: "Copy deleted.", saved: "Saving the guide on this phone.",
        failed: "This browser does not let the guide save a copy." }
    : { on: "Este teléfono guarda una copia de esta guía para leerla sin señal.",
        off: "Este teléfono no guarda ninguna copia de esta guía.",
        saveData: "Su teléfono pide ahorrar datos: no guarda copia de esta guía.",
        remove: "Borrar la copia y no guardar más", save: "Guardar la guía para leer sin señal",
        removed: "Copia borrada.", saved: "Guardando la guía en este teléfono.",
        failed: "Este navegador no deja guardar una copia de la guía." };

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
})();

/* 3. Paper: what the print stylesheet (assets/print.css) cannot do alone.
 * - Each link inside the text gets its full address (the site's public one, from the page's
 *   canonical link) in data-kb-url, which print.css writes out after the link text.
 * - Under the title, the site's name and the page's public address, so a sheet says where it came from.
 * - Collapsed <details> open for printing and close again after.
 * - The sheets meant for paper get a "Print" button: the checklist (#lista) prints on its own, the
 *   interaction log (#plantilla) prints with its page.
 * Nothing here sends anything anywhere. */
(function () {
  "use strict";
  var en = document.documentElement.lang === "en";
  var SHEETS = { lista: "section", plantilla: "page" };
  var T = en
    ? { print: "Print", label: { lista: "Print this checklist", plantilla: "Print the call log" } }
    : { print: "Imprimir", label: { lista: "Imprimir esta lista", plantilla: "Imprimir el registro" } };

  function article() { return document.querySelector(".md-content article"); }

  function fullAddresses() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : location.href;
    var body = article();
    if (!body) return;
    body.querySelectorAll("a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (link.classList.contains("headerlink") || /^(tel|mailto):/i.test(href)) return;
      if (/^https?:/i.test(href)) {
        var bare = function (s) { return s.replace(/^https?:\/\//i, "").replace(/\/$/, ""); };
        if (bare(link.textContent.trim()) === bare(href)) link.classList.add("kb-url-in-text");
        return;
      }
      link.setAttribute("data-kb-url", new URL(href, base).href);
    });
    var title = body.querySelector("h1");
    var site = document.querySelector('meta[property="og:site_name"]');
    if (title && canonical) {
      var source = document.createElement("p");
      source.className = "kb-print-source";
      source.hidden = true; /* shown on paper only (print.css) */
      source.textContent = (site ? site.content + " · " : "") + canonical.href;
      title.insertAdjacentElement("afterend", source);
    }
  }

  var opened = [];
  function openDetails() {
    document.querySelectorAll(".md-content details:not([open]):not(.kb-fill)").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  }

  function afterPrint() {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
    document.body.classList.remove("kb-print-section");
    document.querySelectorAll(".kb-print-keep").forEach(function (el) { el.classList.remove("kb-print-keep"); });
  }

  /* Mark what prints when only one section is wanted: the title, the section, the review date. */
  function keepSection(heading) {
    var body = article();
    body.querySelectorAll("h1, .kb-print-source, .kb-reviewed").forEach(function (el) { el.classList.add("kb-print-keep"); });
    heading.classList.add("kb-print-keep");
    var level = Number(heading.tagName.charAt(1));
    for (var el = heading.nextElementSibling; el; el = el.nextElementSibling) {
      if (/^H[1-6]$/.test(el.tagName) && Number(el.tagName.charAt(1)) <= level) break;
      el.classList.add("kb-print-keep");
    }
    document.body.classList.add("kb-print-section");
  }

  function printButtons() {
    Object.keys(SHEETS).forEach(function (id) {
      var heading = document.getElementById(id);
      if (!heading || !article() || !article().contains(heading)) return;
      var bar = document.createElement("p");
      var button = document.createElement("button");
      bar.className = "kb-print-bar";
      button.type = "button";
      button.className = "md-button kb-print";
      button.textContent = T.print;
      button.setAttribute("aria-label", T.label[id]);
      button.addEventListener("click", function () {
        if (SHEETS[id] === "section") keepSection(heading);
        window.print();
      });
      bar.appendChild(button);
      heading.insertAdjacentElement("afterend", bar);
    });
  }

  function start() {
    fullAddresses();
    printButtons();
    window.addEventListener("beforeprint", openDetails);
    window.addEventListener("afterprint", afterPrint);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
