/* Paper: what the print stylesheet (assets/print.css) cannot do alone.
 * - Each link inside the text gets its full address (the site's public one, from the page's
 *   canonical link) in data-kb-url, which print.css writes out after the link text.
 * - Under the title, the site's name and the page's public address, so a sheet says where it came from.
 * - Collapsed <details> open for printing and close again after.
 * - The sheets meant for paper get a "Print" button: the checklist (#lista) prints on its own, the
 *   interaction log (#plantilla) prints with its page.
 * Nothing here sends anything anywhere. */
var SHEETS = { lista: "section", plantilla: "page" };
var T = { print: kb.text.print, label: { lista: kb.text.printLista, plantilla: kb.text.printPlantilla } };

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
    kb.ui(bar);
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

kb.ready(start);
