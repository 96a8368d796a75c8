/* Search without the page: how a query becomes index terms and how the index's postings become the
 * results to show. Pure functions of their arguments (no DOM, no fetch), so Node tests them
 * (tests/js/) and a pytest checks they cut text exactly as kb/text.py does; search-ui.js does the
 * fetching and the drawing.
 * - Words are folded (no accents, lowercase), the manifest's stop words dropped (kb-search/index.json)
 *   and the rest stemmed by the language's Snowball stemmer (kb-search/stem.js, the translation of the
 *   one that built the index), which the caller puts on the manifest as `manifest.stemmer`.
 * - Scores were computed at build time (kb/search.py); this adds them up, weighing each word by how
 *   rare it is, so the one decisive word beats three everyday ones; and ranks sections by their
 *   nearest phrase too (a keyword or a reader's phrasing, data/asked/), so a sentence that reads like
 *   one of a section's phrasings finds that section, not the one that repeats its everyday words.
 * - Only the word being typed (the last, with no space after it) matches longer words; a word that
 *   matches nothing is tried one typo away, among the terms of the postings file already loaded.
 * In the bundle (kb/bundle.py) it is kb.search; in Node, module.exports. */
"use strict";

/* Results shown: pages (4: with up to 2 sections each, a phone's screen or two; each page shown is
 * one more file before the first result), sections per page (2: a second page's best comes third
 * when the first page is not the reader's) (the others only if they score OTHERS × the page's best);
 * sections below CUT × the best one are not shown; a match that is a longer form of the word being
 * typed counts PREFIX, one a typo away TYPO; a term that is the stem of a finished word and up to
 * FORM_MAX letters more (complain → complaint, which Snowball keeps apart) counts FORM; the share of
 * the query (its words weighed by rarity) the best section must hold, or the results are a weak
 * match (WEAK); how much that share weighs on a section's score (SHARE, a power). */
var PAGES = 4, SECTIONS = 2, OTHERS = 0.35, CUT = 0.25, PREFIX = 0.5, TYPO = 0.7, WEAK = 0.3, SHARE = 1;
var FORM = 0.5, FORM_MAX = 2;
/* How much the nearest phrase counts in a section's score (NEAR; the rest is the words' score), and
 * how much the query's length, against the phrase's, counts in how near a phrase is (NEAR_Q); a query of
 * fewer than NEAR_FROM words (after stop words) gives the nearest phrase less: a one-word query none,
 * since one word is in many short phrases (a keyword query is the words' score's to answer); a query
 * of NEAR_FROM words or more that is nearer no phrase than NEAR_WEAK is a weak match (results()). */
var NEAR = 0.6, NEAR_Q = 0.8, NEAR_FROM = 3, NEAR_WEAK = 0.32;
/* letters a word needs before it matches longer words, typos, or longer forms */
var PREFIX_FROM = 3, TYPO_FROM = 4, FORM_FROM = 5;
var LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

/* The same steps as kb/text.py: fold, words, stem. */
function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function stem(word, manifest) {
  return manifest.stemmer.stem(word);
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

/* The words of a query, each with its stem; the last is `typing` when nothing follows it (the reader
 * may not have finished it). */
function query(text, manifest) {
  var typing = /[a-z0-9]$/.test(fold(text));
  var all = fold(text).match(/[a-z0-9]+/g) || [];
  var wanted = words(text, manifest).map(function (w) { return { word: w, stem: stem(w, manifest) }; });
  if (typing && wanted.length && wanted[wanted.length - 1].word === all[all.length - 1]) {
    wanted[wanted.length - 1].typing = true;
  }
  return wanted;
}

/* The postings file that holds a term (t/<key>.json): its first 3 letters if the index split that
 * group, else its first 2; null when no term of the index starts that way. */
function shardOf(term, manifest) {
  var keys = keySet(manifest);
  if (keys.has(term.slice(0, 3))) return term.slice(0, 3);
  return keys.has(term.slice(0, 2)) ? term.slice(0, 2) : null;
}

/* Every word one edit away (a letter dropped, added, changed, or two swapped). */
function edits(word) {
  var out = [];
  for (var i = 0; i <= word.length; i++) {
    var head = word.slice(0, i), tail = word.slice(i);
    if (tail) out.push(head + tail.slice(1));
    if (tail.length > 1) out.push(head + tail[1] + tail[0] + tail.slice(2));
    for (var j = 0; j < LETTERS.length; j++) {
      var c = LETTERS[j];
      out.push(head + c + tail);
      if (tail && tail[0] !== c) out.push(head + c + tail.slice(1));
    }
  }
  return out;
}

/* The index terms a query word matches in its postings file, each with how much it counts: its stem
 * (1) and, for a stem of FORM_FROM letters or more, the terms that are it and at most FORM_MAX
 * letters more (FORM); else, for the word being typed, longer terms that start with its stem
 * (PREFIX: they include those forms), and for a finished word those forms; else the stems of the
 * words one typo away that the file holds (TYPO). */
function matching(w, postings, manifest) {
  var forms = w.stem.length >= FORM_FROM ? longer(w.stem, postings, FORM_MAX) : [];
  if (postings[w.stem]) return [[w.stem, 1]].concat(weighed(forms, FORM));
  if (w.typing && w.stem.length >= PREFIX_FROM) {
    var prefixed = longer(w.stem, postings, Infinity);
    if (prefixed.length) return weighed(prefixed, PREFIX);
  } else if (forms.length) {
    return weighed(forms, FORM);
  }
  var found = [];
  if (w.word.length >= TYPO_FROM) {
    var seen = {};
    edits(w.word).forEach(function (variant) {
      var s = stem(variant, manifest);
      if (postings[s] && !seen[s] && s.length >= PREFIX_FROM) { seen[s] = true; found.push([s, TYPO]); }
    });
  }
  return found;
}

/* The terms of a postings file that start with `start` and are 1 to `most` letters longer. */
function longer(start, postings, most) {
  return Object.keys(postings).filter(function (term) {
    var extra = term.length - start.length;
    return extra > 0 && extra <= most && term.slice(0, start.length) === start;
  });
}

function weighed(found, weight) {
  return found.map(function (term) { return [term, weight]; });
}

/* How rare a term is: BM25's idf over the index's n sections, from the sections it is in. */
function rarity(rows, manifest) {
  var df = rows.length / 3, n = Math.max(manifest.n || 0, df);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/* Sections ranked for the query's words (from query()), given for each word the postings file of
 * its shard ({term: [page, section, score, page, section, score, …]}, {} when none). A word counts
 * once per section, by its best-matching term. Each word found weighs its rarity; a section's sum
 * is multiplied by the share of that weight its words hold, to the power SHARE. That score, over the
 * best one, counts 1 − NEAR; how near the section's nearest phrase is (nearest()), over the
 * nearest of all, counts NEAR. Best first; ties by page, then section. */
function rank(wanted, postings, manifest) {
  var docs = {}, weights = [];
  var matched = wanted.map(function (w, i) { return matching(w, postings[i] || {}, manifest); });
  wanted.forEach(function (w, i) {
    var best = {}, weight = 0;
    matched[i].forEach(function (match) {
      var rows = postings[i][match[0]];
      weight = Math.max(weight, rarity(rows, manifest) * match[1]);
      for (var j = 0; j < rows.length; j += 3) {
        var key = rows[j] + "/" + rows[j + 1], score = rows[j + 2] * match[1];
        if (!best[key] || best[key] < score) best[key] = score;
      }
    });
    weights.push(weight);
    Object.keys(best).forEach(function (key) {
      var doc = docs[key] || (docs[key] = { page: +key.split("/")[0], section: +key.split("/")[1], words: {} });
      doc.words[i] = best[key];
    });
  });
  var ranked = Object.keys(docs).map(function (k) { return scored(docs[k], weights); });
  var near = nearest(wanted, matched, postings, manifest), top = 0, nearTop = 0;
  ranked.forEach(function (d) { top = Math.max(top, d.score); });
  Object.keys(near).forEach(function (k) { nearTop = Math.max(nearTop, near[k]); });
  var words = Object.keys(wanted.reduce(function (all, w) { all[w.stem] = 1; return all; }, {})).length;
  var lambda = NEAR * Math.min(1, (words - 1) / (NEAR_FROM - 1));
  ranked.forEach(function (d) {
    var n = near[d.page + "/" + d.section] || 0;
    d.score = (1 - lambda) * (top ? d.score / top : 0) + lambda * (nearTop ? n / nearTop : 0);
    if (words >= NEAR_FROM) d.near = n;
    delete d.words;
  });
  ranked.sort(function (a, b) { return b.score - a.score || a.page - b.page || a.section - b.section; });
  return ranked;
}

/* How rare a term is among the index's phrases (manifest.np of them), from its "~term" row list
 * (or [how many phrases have it], for a common term): BM25's idf, as rarity(). */
function nearRarity(rows, manifest) {
  var df = rows.length === 1 ? rows[0] : rows.length / 3, n = Math.max(manifest.np || 0, df);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/* For each section ("page/section"), how near the query its nearest phrase is (a keyword or a
 * reader's phrasing: kb/search.py _near; "~term": [page, section, weight, …]). A phrase holds the
 * rarity of the query's words it has (each word once, by its best-matching term, weighed as in
 * matching()); that, over the rarity of all the query's words to the power NEAR_Q and the phrase's
 * own (its weight / 10) to the power 1 − NEAR_Q, says how near it is: a short phrase that holds the
 * decisive words beats a long one that holds everyday ones. */
function nearest(wanted, matched, postings, manifest) {
  var phrases = {}, total = 0, seen = {}, out = {};
  wanted.forEach(function (w, i) {
    if (seen[w.stem]) return;
    seen[w.stem] = true;
    var weight = 0, best = {};
    matched[i].forEach(function (match) {
      var rows = postings[i]["~" + match[0]];
      if (!rows) return;
      var r = nearRarity(rows, manifest) * match[1];
      weight = Math.max(weight, r);
      for (var j = 0; rows.length > 1 && j < rows.length; j += 3) {
        var key = rows[j] + "/" + rows[j + 1] + "/" + rows[j + 2];
        if (!best[key] || best[key] < r) best[key] = r;
      }
    });
    total += weight;
    Object.keys(best).forEach(function (key) { phrases[key] = (phrases[key] || 0) + best[key]; });
  });
  Object.keys(phrases).forEach(function (key) {
    var parts = key.split("/"), section = parts[0] + "/" + parts[1];
    var near = phrases[key] / (Math.pow(total, NEAR_Q) * Math.pow(parts[2] / 10, 1 - NEAR_Q));
    if (!out[section] || out[section] < near) out[section] = near;
  });
  return out;
}

/* A section's score from its best score for each word ({word index: score}): their sum times the
 * share of the query's weight its words hold, to the power SHARE. */
function scored(doc, weights) {
  var total = 0, held = 0, sum = 0;
  weights.forEach(function (w) { total += w; });
  Object.keys(doc.words).forEach(function (i) { held += weights[i]; sum += doc.words[i]; });
  doc.share = total ? held / total : 0;
  doc.score = sum * Math.pow(doc.share, SHARE);
  return doc;
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

/* What the results list says and shows: the sections that score at least CUT × the best, grouped by
 * page, how many pages that is and the first PAGES of them; `weak` when the best section holds less
 * than WEAK of the query's weight, or when a query of NEAR_FROM words or more is nearer no phrase
 * than NEAR_WEAK (or nothing matched): the page then says no section answers it well. */
function results(docs) {
  var top = docs.length ? docs[0].score : 0, near = -1;
  docs.forEach(function (d) { if (d.near !== undefined) near = Math.max(near, d.near); });
  var groups = grouped(docs.filter(function (d) { return d.score >= top * CUT; }));
  var weak = !docs.length || docs[0].share < WEAK || (near >= 0 && near < NEAR_WEAK);
  return { count: groups.length, shown: groups.slice(0, PAGES), weak: weak };
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
    return Promise.all(wanted.map(function (w, i) { return withNeighbours(w, loaded[i], manifest, load); }));
  }).then(function (loaded) {
    return { docs: rank(wanted, loaded, manifest), stems: wanted.map(function (w) { return w.stem; }) };
  });
}

/* A word that matches nothing in its postings file may be a typo in its third letter ("debolucion"),
 * whose right spelling is in another file of the same first two letters when the index split that
 * group by three: those files are loaded too (only those a one-typo variant's stem would be in). */
function withNeighbours(w, postings, manifest, load) {
  if (matching(w, postings, manifest).length || w.word.length < TYPO_FROM) return postings;
  var own = shardOf(w.stem, manifest), keys = {};
  edits(w.word).forEach(function (variant) {
    var key = shardOf(stem(variant, manifest), manifest);
    if (key && key !== own && key.length === 3 && key.slice(0, 2) === w.stem.slice(0, 2)) keys[key] = true;
  });
  var more = Object.keys(keys).sort().map(function (key) { return load("t/" + key + ".json"); });
  return Promise.all(more).then(function (files) {
    return files.reduce(function (all, file) { return Object.assign(all, file); }, Object.assign({}, postings));
  });
}

var core = {
  PAGES: PAGES, SECTIONS: SECTIONS, OTHERS: OTHERS, CUT: CUT, PREFIX: PREFIX, TYPO: TYPO, WEAK: WEAK, SHARE: SHARE,
  FORM: FORM, FORM_MAX: FORM_MAX, NEAR: NEAR, NEAR_Q: NEAR_Q, NEAR_FROM: NEAR_FROM, NEAR_WEAK: NEAR_WEAK, PREFIX_FROM: PREFIX_FROM, TYPO_FROM: TYPO_FROM, FORM_FROM: FORM_FROM,
  fold: fold, stem: stem, words: words, terms: terms, query: query, shardOf: shardOf, edits: edits,
  matching: matching, withNeighbours: withNeighbours, rarity: rarity, nearRarity: nearRarity, nearest: nearest, rank: rank, scored: scored, grouped: grouped, results: results, matches: matches,
  search: search
};
if (typeof kb !== "undefined") kb.search = core; /* in the page's bundle */
if (typeof module !== "undefined" && module.exports) module.exports = core; /* in Node */
