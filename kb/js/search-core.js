/* Search without the page: how a query becomes index terms and how the index's postings become the
 * results to show. Pure functions of their arguments (no DOM, no fetch), so Node tests them
 * (tests/js/) and a pytest checks they cut text exactly as kb/text.py does; search-ui.js does the
 * fetching and the drawing.
 * - Words are folded (no accents, lowercase) and stemmed with the rules the manifest carries
 *   (kb-search/index.json: stop, suffixes, undouble, min), the same the index was built with.
 * - Scores were computed at build time (kb/search.py), so this only adds them up.
 * In the bundle (kb/bundle.py) it is kb.search; in Node, module.exports. */
"use strict";

/* Results shown: pages, sections per page (the others only if they score OTHERS × the best), and
 * how much a partial match counts (see closeness). */
var PAGES = 8, SECTIONS = 3, OTHERS = 0.35, PREFIX = 0.5, STEM_OF_WORD = 0.6;

/* The same three steps as kb/text.py: fold, words, stem. */
function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function stem(word, manifest) {
  for (var i = 0; i < manifest.suffixes.length; i++) {
    var suffix = manifest.suffixes[i];
    if (word.length - suffix.length >= manifest.min && word.slice(-suffix.length) === suffix) {
      word = word.slice(0, -suffix.length);
      if (manifest.undouble.indexOf(suffix) >= 0 && word.length > manifest.min &&
          word[word.length - 1] === word[word.length - 2]) word = word.slice(0, -1);
      break;
    }
  }
  return word;
}

/* The manifest's lists as sets, made once per manifest (the manifest object keeps them). */
function stopSet(manifest) {
  return manifest.stopSet || (manifest.stopSet = new Set(manifest.stop));
}

function keySet(manifest) {
  return manifest.keySet || (manifest.keySet = new Set(manifest.keys));
}

function words(text, manifest) {
  var stop = stopSet(manifest);
  return (fold(text).match(/[a-z0-9]+/g) || []).filter(function (w) {
    return w.length > 1 && !stop.has(w);
  });
}

/* Index terms of a text, as kb.text.terms(text, lang) cuts them. */
function terms(text, manifest) {
  return words(text, manifest).map(function (w) { return stem(w, manifest); });
}

/* The words of a query, each with its stem: what closeness compares index terms with. */
function query(text, manifest) {
  return words(text, manifest).map(function (w) { return { word: w, stem: stem(w, manifest) }; });
}

/* The postings file that holds a term (t/<key>.json): its first 3 letters if the index split that
 * group, else its first 2; null when no term of the index starts that way. */
function shardOf(term, manifest) {
  var keys = keySet(manifest);
  if (keys.has(term.slice(0, 3))) return term.slice(0, 3);
  return keys.has(term.slice(0, 2)) ? term.slice(0, 2) : null;
}

/* How well an index term matches a word the reader typed: exactly, as a longer form of the
 * word's stem (typing in progress: "devol" → "devolver"), or as the stem of a word not yet
 * finished ("devolu" → "devol"). */
function closeness(term, word, stemmed) {
  if (term === stemmed) return 1;
  if (stemmed.length >= 3 && term.slice(0, stemmed.length) === stemmed) return PREFIX;
  if (term.length >= 4 && word.slice(0, term.length) === term) return STEM_OF_WORD;
  return 0;
}

/* Sections ranked for the query's words (from query()), given for each word the postings file of
 * its shard ({term: [page, section, score, page, section, score, …]}, {} when none). A word counts
 * once per section, by its best-matching term; a section's sum is multiplied by (words matched /
 * words typed)². Best first; ties by page, then section. */
function rank(wanted, postings) {
  var docs = {};
  wanted.forEach(function (w, i) {
    var best = {};
    Object.keys(postings[i]).forEach(function (term) {
      var factor = closeness(term, w.word, w.stem);
      if (!factor) return;
      var rows = postings[i][term];
      for (var j = 0; j < rows.length; j += 3) {
        var key = rows[j] + "/" + rows[j + 1], score = rows[j + 2] * factor;
        if (!best[key] || best[key] < score) best[key] = score;
      }
    });
    Object.keys(best).forEach(function (key) {
      var doc = docs[key] || (docs[key] = { page: +key.split("/")[0], section: +key.split("/")[1], score: 0, hits: 0 });
      doc.score += best[key];
      doc.hits += 1;
    });
  });
  var ranked = Object.keys(docs).map(function (k) { return docs[k]; });
  ranked.forEach(function (d) { d.score *= Math.pow(d.hits / wanted.length, 2); });
  ranked.sort(function (a, b) { return b.score - a.score || a.page - b.page || a.section - b.section; });
  return ranked;
}

/* Ranked sections grouped by page, pages in the order of their best section; a page keeps at most
 * SECTIONS sections, the others only if they score at least OTHERS × its best. */
function grouped(docs) {
  var pages = [], byPage = {};
  docs.forEach(function (d) {
    if (!byPage[d.page]) { byPage[d.page] = []; pages.push(d.page); }
    var best = byPage[d.page][0];
    if (!best || (byPage[d.page].length < SECTIONS && d.score >= best.score * OTHERS)) byPage[d.page].push(d);
  });
  return pages.map(function (p) { return { page: p, docs: byPage[p] }; });
}

/* What the results list says and shows: how many pages matched, and the first PAGES of them. */
function results(docs) {
  var groups = grouped(docs);
  return { count: groups.length, shown: groups.slice(0, PAGES) };
}

/* Whether a word of a result's text is marked as matching the query's stems: the same stem, or a
 * longer form of a stem of 3 letters or more. */
function matches(token, stems, manifest) {
  return (fold(token).match(/[a-z0-9]+/g) || []).some(function (w) {
    var s = stem(w, manifest);
    return stems.some(function (q) { return s === q || (q.length >= 3 && s.slice(0, q.length) === q); });
  });
}

/* A query ranked as the page ranks it: its words, the postings file of each word's shard
 * (`load("t/<key>.json")`: the file's JSON, or a promise of it), then rank(). Resolves to the
 * ranked sections and the query's stems (to mark them in the results). search-ui.js fetches the
 * files; kb/rank.js, which measures search on real phrasings, reads them from disk. */
function search(text, manifest, load) {
  var wanted = query(text, manifest);
  var files = wanted.map(function (w) {
    var key = shardOf(w.stem, manifest);
    return key ? load("t/" + key + ".json") : {};
  });
  return Promise.all(files).then(function (loaded) {
    return { docs: rank(wanted, loaded), stems: wanted.map(function (w) { return w.stem; }) };
  });
}

var core = {
  PAGES: PAGES, SECTIONS: SECTIONS, OTHERS: OTHERS, PREFIX: PREFIX, STEM_OF_WORD: STEM_OF_WORD,
  fold: fold, stem: stem, words: words, terms: terms, query: query, shardOf: shardOf,
  closeness: closeness, rank: rank, grouped: grouped, results: results, matches: matches, search: search
};
if (typeof kb !== "undefined") kb.search = core; /* in the page's bundle */
if (typeof module !== "undefined" && module.exports) module.exports = core; /* in Node */
