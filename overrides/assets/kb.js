/* Reader-side behaviour, written by hand because no Material or pymdown feature covers it:
 * - scripts: fill-in-once details (kept in this browser's localStorage only), copy buttons;
 * - sharing: a touch-friendly "copy link to this section" button on every linkable heading;
 * - the language switcher keeps the section (#anchor) the reader is on;
 * - glossary terms (<abbr>) can be focused by tap so their tooltip shows on a phone.
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
