/* Search's code (assets/kb-search.js: search-core.js and search-ui.js, kb/bundle.py SEARCH) loads the
 * first time the reader opens search, focuses its box, types in the home page's box, presses / or s,
 * or follows a link with ?q=words: a first visit downloads none of it. Once loaded, search-ui.js
 * takes over; what the reader asked before it arrived is kept in `kb.searchAsked` for it.
 * The file's address is the search box's `data-kb-search-script` (overrides/partials/search.html). */
var box = document.querySelector("[data-kb-search-script]");
if (!box) return;
var toggle = document.getElementById("__search");
var input = box.querySelector("input");
var home = document.querySelector(".kb-home-search");
var script = null;

function open() {
  if (!toggle) return;
  toggle.checked = true;
  toggle.dispatchEvent(new Event("change"));
}

function start() {
  if (script || kb.searchReady) return;
  script = document.createElement("script");
  script.src = box.getAttribute("data-kb-search-script");
  script.onerror = function () { script.remove(); script = null; };  /* no signal: tried again next time */
  document.head.appendChild(script);
}

if (toggle) {
  toggle.addEventListener("change", function () {
    if (kb.searchReady || !toggle.checked) return;
    start();
    setTimeout(function () { if (input) input.focus(); }, 50);  /* as search-ui.js does, once loaded */
  });
}
if (input) {
  input.addEventListener("focus", function () {  /* as search-ui.js does, once loaded */
    if (kb.searchReady) return;
    start();
    if (toggle && !toggle.checked) open();
  });
}
if (home) {
  home.addEventListener("submit", function (event) {
    if (kb.searchReady) return;  /* search-ui.js has its own listener */
    event.preventDefault();
    var words = home.querySelector("input").value;
    if (!words.trim()) return;
    kb.searchAsked = words;
    start();
  });
}
/* The keyboard's way in, before and after search's code has loaded (search-ui.js closes on Escape). */
document.addEventListener("keydown", function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) ||
    document.activeElement.isContentEditable;
  if (!typing && (event.key === "/" || event.key === "s")) {
    event.preventDefault();
    open();
    start();
  }
});
var asked = new URLSearchParams(location.search).get("q");
if (asked && asked.trim()) start();
