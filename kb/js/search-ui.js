/* Site search behind Material's header search box (overrides/partials/search.html): the box, the
 * fetches, the results list, the home page's own box and ?q= links. What a query finds is
 * search-core.js's (kb.search), which has no page to touch.
 * - Only this language's index (kb/search.py writes one per language, under kb-search/).
 * - Nothing loads until the reader opens search; then the manifest, the postings file for the first
 *   letters of each word typed, and the small files of the pages shown. Nothing is sent anywhere.
 * - A result opens the section that matched (URL#id). Why not lunr or Pagefind: decisions/0001-search.md.
 * - It is in assets/kb-search.js, which search-load.js (in assets/kb.js) loads when the reader first
 *   opens search: it picks up from there (the box open, words typed, the home box's words). */
var core = kb.search;
var box = document.querySelector("[data-kb-search]");
if (!box) return;
var base = new URL(box.getAttribute("data-kb-search"), location.href);
var root = new URL("../", base);
var toggle = document.getElementById("__search");
var form = box.querySelector("form");
var input = form.querySelector("input");
var meta = box.querySelector(".md-search-result__meta");
var result = box.querySelector(".md-search-result");
var list = result.querySelector(".md-search-result__list");
var T = translations();
var manifest = null, loading = null, files = {}, latest = 0, timer = 0;

function translations() {
  try { return JSON.parse(document.getElementById("__config").textContent).translations || {}; }
  catch (e) { return {}; }
}

function load() {
  if (!loading) {
    loading = fetch(new URL("index.json", base), { cache: "no-cache" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (m) { return stemmer(m).then(function (s) { m.stemmer = s; manifest = m; return m; }); })
      .catch(function (e) { loading = null; throw e; });
  }
  return loading;
}

/* The language's stemmer (kb-search/stem.js, a classic script: it sets self.kbStem). */
function stemmer(m) {
  return new Promise(function (resolve, reject) {
    var script = document.createElement("script");
    script.src = new URL(m.stem + "?v=" + m.v, base).href;
    script.onload = function () {
      if (self.kbStem && self.kbStem.lang === m.lang) resolve(self.kbStem);
      else reject(new Error("stem.js"));
    };
    script.onerror = function () { script.remove(); reject(new Error("stem.js")); };
    document.head.appendChild(script);
  });
}

function get(path) {
  if (!files[path]) {
    files[path] = fetch(new URL(path + "?v=" + manifest.v, base))
      .then(function (r) { return r.ok ? r.json() : {}; })
      .catch(function () { delete files[path]; return {}; });
  }
  return files[path];
}

/* The postings files of the query's words, fetched, then ranked by search-core.js. */
function rank(query) {
  return core.search(query, manifest, get);
}

function escape(text) {
  return text.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
}

function marked(text, stems) {
  return text.split(/(\s+)/).map(function (token) {
    return core.matches(token, stems, manifest) ? "<mark>" + escape(token) + "</mark>" : escape(token);
  }).join("");
}

function link(page, doc, stems, first) {
  var section = page.s[doc.section] || ["", "", ""];
  var href = new URL(page.u + (section[0] ? "#" + section[0] : ""), root).href;
  var heading = first
    ? "<h1>" + escape(page.t) + "</h1>" + (section[1] ? '<p class="kb-search-section">' + marked(section[1], stems) + "</p>" : "")
    : "<h2>" + marked(section[1] || page.t, stems) + "</h2>";
  return '<a href="' + escape(href) + '" class="md-search-result__link">' +
    '<article class="md-search-result__article md-typeset" data-md-score="' + doc.score.toFixed(1) + '">' +
    (first ? '<div class="md-search-result__icon md-icon"></div>' : "") + heading +
    (section[2] ? "<p>" + marked(section[2], stems) + "</p>" : "") + "</article></a>";
}

function say(count) {
  var key = count === 0 ? "search.result.none" : count === 1 ? "search.result.one" : "search.result.other";
  meta.textContent = (T[key] || "").replace("#", count);
}

/* No section answers the query well (or the index did not load): after what little matched, the
 * guides to pick from and the phone number (data/ui.yml, `page:` searchWeak…). */
function weak() {
  var guides = (manifest ? manifest.guides : []).map(function (g) {
    return '<li><a href="' + escape(new URL(g[0], root).href) + '">' + escape(g[1]) + "</a></li>";
  }).join("");
  return '<li class="kb-search-weak" data-kb-ui><div class="md-search-result__article md-typeset">' +
    "<p><strong>" + escape(kb.text.searchWeak) + "</strong></p>" +
    (guides ? "<p>" + escape(kb.text.searchGuides) + "</p><ul>" + guides + "</ul>" : "") +
    "<p>" + escape(kb.text.searchCall) + ' <a href="tel:' + escape(kb.text.searchTel) + '">' +
    escape(kb.text.searchPhone) + "</a></p></div></li>";
}

function search() {
  var query = input.value, mine = ++latest;  /* a slower, older search never overwrites a newer one */
  if (!query.trim()) {
    list.innerHTML = "";
    result.removeAttribute("data-kb-query");
    meta.textContent = T["search.result.placeholder"] || "";
    return Promise.resolve();
  }
  return load().then(function () { return rank(query); }).then(function (found) {
    var picked = core.results(found.docs);
    return Promise.all(picked.shown.map(function (g) { return get("p/" + g.page + ".json"); })).then(function (pages) {
      if (mine !== latest) return;
      result.setAttribute("data-kb-query", query);
      if (picked.weak) meta.textContent = kb.text.searchWeak;
      else say(picked.count);
      list.innerHTML = picked.shown.map(function (g, i) {
        return '<li class="md-search-result__item">' + g.docs.map(function (d, j) {
          return link(pages[i], d, found.stems, j === 0);
        }).join("") + "</li>";
      }).join("") + (picked.weak ? weak() : "");
    });
  }).catch(function () {
    if (mine !== latest) return;
    say(0);
    list.innerHTML = weak();  /* the index did not load (no signal?): still the guides, the phone */
    result.setAttribute("data-kb-query", query);
  });
}

function open(state) {
  toggle.checked = state;
  toggle.dispatchEvent(new Event("change"));
}

toggle.addEventListener("change", function () {
  if (toggle.checked) {
    load().catch(function () {});
    setTimeout(function () { input.focus(); }, 50);
  } else {
    input.blur();
  }
});
input.addEventListener("focus", function () {
  load().catch(function () {});
  if (!toggle.checked) open(true);
});
input.addEventListener("input", function () {
  clearTimeout(timer);
  timer = setTimeout(search, 80);
});
form.addEventListener("submit", function (event) {
  event.preventDefault();
  clearTimeout(timer);
  search().then(function () {
    var first = list.querySelector("a");
    if (first) first.click();
  });
});
form.addEventListener("reset", function () {
  setTimeout(function () { search(); input.focus(); }, 0);
});
/* A section of the page the reader is on: on a phone Material locks the page's scrolling while
 * search is open (body[data-md-scrolllock]) and restores the old position just after it closes,
 * and its overlay, while it shrinks back, still stretches the viewport: a jump made before both
 * are over is lost. Close search, wait for them (1.5 s at most), then go to the section. */
function afterScrollLock(go, tries) {
  var busy = document.body.hasAttribute("data-md-scrolllock") ||
    window.innerHeight > document.documentElement.clientHeight + 1;
  if (busy && (tries || 0) < 50) setTimeout(function () { afterScrollLock(go, (tries || 0) + 1); }, 30);
  else go();
}

list.addEventListener("click", function (event) {
  var a = event.target.closest("a");
  if (!a || a.pathname !== location.pathname) return;
  event.preventDefault();
  open(false);
  setTimeout(function () {
    afterScrollLock(function () {
      if (location.hash !== a.hash) history.pushState(null, "", a.hash || location.pathname);
      var target = a.hash && document.getElementById(decodeURIComponent(a.hash.slice(1)));
      if (target) target.scrollIntoView();
      else window.scrollTo(0, 0);
    });
  }, 0);
});
box.addEventListener("keydown", function (event) {  /* arrows move between the box and the results */
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  var stops = [input].concat(Array.prototype.slice.call(list.querySelectorAll("a")));
  var at = stops.indexOf(document.activeElement);
  if (at < 0 || stops.length < 2) return;
  event.preventDefault();
  stops[(at + (event.key === "ArrowDown" ? 1 : -1) + stops.length) % stops.length].focus();
});
document.addEventListener("keydown", function (event) {  /* "/" and "s" open it: search-load.js */
  if (event.key === "Escape" && toggle.checked) open(false);
});

/* The home page's own search box (.kb-home-search): the reader types there, the header search
 * opens with the same words and its results. A link with ?q=words does the same on load. */
function searchFor(words) {
  input.value = words;
  open(true);
  return search();
}
var home = document.querySelector(".kb-home-search");
if (home) {
  home.addEventListener("submit", function (event) {
    event.preventDefault();
    var words = home.querySelector("input").value;
    if (words.trim()) searchFor(words);
  });
}
kb.searchReady = true;
var asked = new URLSearchParams(location.search).get("q");
if (kb.searchAsked) searchFor(kb.searchAsked);  /* the home box's words, typed before this loaded */
else if (asked && asked.trim()) searchFor(asked);
else if (toggle.checked) {  /* opened before this loaded: as the listeners above would have done */
  load().catch(function () {});
  if (document.activeElement !== input) input.focus();
  if (input.value.trim()) search();
}

/* From the browser's console: the terms this page's index would cut a text into (search-core.js). */
window.kbSearch = {
  terms: function (text) { return load().then(function (m) { return core.terms(text, m); }); }
};
