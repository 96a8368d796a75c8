// kb/js/search-core.js on small hand-made manifests and postings: `node --test tests/js/*.test.js`.
// The real rules are checked against kb/text.py on every built page by tests/test_js.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../kb/js/search-core.js");

// A small manifest in the shape kb/search.py writes (kb-search/index.json), with a stand-in for the
// Snowball stemmer the page loads (kb-search/stem.js; tests/js/stem.test.js tests the real ones):
// it strips the first of a few endings.
const ENDINGS = ["aciones", "acion", "aron", "ando", "ados", "ado", "ar", "er", "es", "os", "a", "o", "e", "s", "ing", "ed"];
const stemmer = {
  lang: "es",
  stem(word) {
    const end = ENDINGS.find((e) => word.endsWith(e) && word.length - e.length >= 3);
    return end ? word.slice(0, -end.length) : word;
  },
};
function manifest(extra) {
  return Object.assign(
    { v: "test", lang: "es", n: 100, keys: ["bu", "buy", "co", "de", "pa"], stop: ["de", "el", "la", "me", "por", "que", "como", "puedo"], stemmer },
    extra,
  );
}

// Postings rows are [page, section, score, page, section, score, …].
function doc(page, section, score, share) {
  return { page, section, score, share };
}

test("fold drops accents and case, and nothing else", () => {
  assert.equal(core.fold("Devolución"), "devolucion");
  assert.equal(core.fold("ESPAÑOL Teléfono ÜBER"), "espanol telefono uber");
  assert.equal(core.fold("¿Qué? $25, 3-4"), "¿que? $25, 3-4");
});

test("words: folded runs of letters and digits, 2+ characters, stop words out", () => {
  const m = manifest();
  assert.deepEqual(core.words("¿Me cobraron $25 dos veces por qué? Y a 3", m), ["cobraron", "25", "dos", "veces"]);
  assert.deepEqual(core.words("Cómo", m), [], "a stop word is recognised after folding");
  assert.deepEqual(core.words("e-mail x", m), ["mail"]);
});

test("stem is the manifest's stemmer's", () => {
  const m = manifest();
  assert.equal(core.stem("pagando", m), "pag");
  assert.equal(core.stem("pagando", manifest({ stemmer: { stem: (w) => w.toUpperCase() } })), "PAGANDO");
});

test("terms: words, then stems; empty for an empty text or stop words only", () => {
  const m = manifest();
  assert.deepEqual(core.terms("Devoluciones y pagos atrasados", m), ["devolucion", "pag", "atras"]);
  assert.deepEqual(core.terms("", m), []);
  assert.deepEqual(core.terms("   ", m), []);
  assert.deepEqual(core.terms("de la que", m), []);
  assert.deepEqual(core.terms("¿Cómo puedo?", m), [], "question and modal words are stop words");
});

test("query keeps each word typed with its stem; the last is `typing` only when nothing follows it", () => {
  assert.deepEqual(core.query("Me cobraron pagos", manifest()), [
    { word: "cobraron", stem: "cobr" },
    { word: "pagos", stem: "pag", typing: true },
  ]);
  assert.deepEqual(core.query("cobraron pagos ", manifest())[1], { word: "pagos", stem: "pag" });
  assert.deepEqual(core.query("cobraron pagos?", manifest())[1], { word: "pagos", stem: "pag" });
  assert.deepEqual(core.query("pagos de", manifest()), [{ word: "pagos", stem: "pag" }], "the last word typed is a stop word");
  assert.deepEqual(core.query("", manifest()), []);
});

test("shardOf: the 3-letter file where the index split the group, else the 2-letter one, else none", () => {
  const m = manifest();
  assert.equal(core.shardOf("buyout", m), "buy");
  assert.equal(core.shardOf("bureau", m), "bu");
  assert.equal(core.shardOf("devol", m), "de");
  assert.equal(core.shardOf("zapato", m), null);
  assert.equal(core.shardOf("bu", m), "bu");
});

test("edits: every word one letter dropped, added, changed or two swapped", () => {
  const made = new Set(core.edits("refnd"));
  for (const w of ["refund", "refn", "rfend", "refnd".replace("n", "u"), "erfnd"]) assert.ok(made.has(w), w);
  assert.ok(!made.has("refunded"), "two edits away");
});

test("matching: the stem; else, for the word being typed, longer terms; else terms one typo away", () => {
  const m = manifest();
  const postings = { devolu: [0, 0, 5], devolv: [1, 0, 5], pag: [2, 0, 5], refund: [3, 0, 5], pagare: [4, 0, 9] };
  assert.deepEqual(core.matching({ word: "pago", stem: "pag" }, postings, m), [["pag", 1]], "exact: no longer terms");
  assert.deepEqual(
    core.matching({ word: "devo", stem: "devo", typing: true }, postings, m),
    [["devolu", core.PREFIX], ["devolv", core.PREFIX]],
  );
  assert.deepEqual(core.matching({ word: "devo", stem: "devo" }, postings, m), [], "a finished word matches no longer word");
  assert.deepEqual(core.matching({ word: "de", stem: "de", typing: true }, postings, m), [], "prefixes from 3 letters");
  assert.deepEqual(core.matching({ word: "refnd", stem: "refnd" }, postings, m), [["refund", core.TYPO]]);
  assert.deepEqual(core.matching({ word: "pgo", stem: "pgo" }, postings, m), [], "no typos under 4 letters");
  assert.deepEqual(core.matching({ word: "zapato", stem: "zapat" }, postings, m), []);
  const forms = { complain: [0, 0, 5], complaint: [1, 0, 5], complaints: [2, 0, 5], complaining: [3, 0, 5] };
  assert.deepEqual(
    core.matching({ word: "complain", stem: "complain" }, forms, m),
    [["complain", 1], ["complaint", core.FORM], ["complaints", core.FORM]],
    "a finished word of FORM_FROM letters also matches its forms up to FORM_MAX letters longer",
  );
  assert.deepEqual(core.matching({ word: "complai", stem: "complai" }, { complaint: [1, 0, 5] }, m), [["complaint", core.FORM]]);
  assert.deepEqual(core.matching({ word: "devol", stem: "devol" }, { devolver: [1, 0, 5] }, m), [], "not 3 letters longer");
});

test("rank adds each word's best term per section, never two terms of one word", () => {
  const wanted = core.query("devol", manifest());
  const postings = [{ devolu: [0, 0, 10, 1, 2, 4], devolver: [0, 0, 30, 2, 0, 6], pago: [3, 0, 99] }];
  // Scores are over the best one (15: devolver's 30 at PREFIX); a one-word query has no nearest phrase.
  const expected = [doc(0, 0, 15 / 15, 1), doc(1, 2, 2 / 15, 1), doc(2, 0, 3 / 15, 1)];
  assert.deepEqual(core.rank(wanted, postings, manifest()), expected.sort((a, b) => b.score - a.score));
});

test("rank: the section with the one rare word beats the one with the everyday words", () => {
  const m = manifest({ n: 100 });
  const wanted = core.query("tienda llamar garantia", m);
  const common = [];
  for (let p = 0; p < 60; p++) common.push(p + 10, 0, p === 0 ? 40 : 5);
  const postings = [{ tiend: common }, { llam: common }, { garanti: [1, 0, 40] }];
  const ranked = core.rank(wanted, postings, m);
  assert.deepEqual([ranked[0].page, ranked[0].section], [1, 0], `first: ${JSON.stringify(ranked.slice(0, 2))}`);
  assert.ok(ranked[0].share > 0.5 && ranked[1].share < 0.5, "the rare word holds most of the query");
});

test("rank: a section's sum is weighed by the share of the query it holds, to the power SHARE", () => {
  const m = manifest();
  const wanted = core.query("cobro doble", m);
  assert.deepEqual(wanted.map((w) => w.stem), ["cobr", "dobl"]);
  const postings = [
    { cobr: [1, 0, 3, 2, 0, 10] },
    { dobl: [1, 0, 3, 3, 4, 1] },
  ];
  const ranked = core.rank(wanted, postings, m);
  assert.equal(core.SHARE, 1);
  // Both words are as rare (one section in two and in two): each holds half the query's weight.
  assert.deepEqual(ranked.map((d) => [d.page, d.share]), [[1, 1], [2, 0.5], [3, 0.5]]);
  // Over the best (6), and of two words, the words' score counts 1 − NEAR × (2 − 1) / (NEAR_FROM − 1).
  const words = 1 - core.NEAR * Math.min(1, 1 / (core.NEAR_FROM - 1));
  const scores = [6, 10 * 0.5 ** core.SHARE, 1 * 0.5 ** core.SHARE].map((s) => (words * s) / 6);
  const round = (x) => Math.round(x * 1e9) / 1e9;
  assert.deepEqual(ranked.map((d) => round(d.score)), scores.map(round));
});

test("rank: of a long query, the section whose one short phrase holds its decisive words comes first", () => {
  const m = manifest({ np: 50 });
  const wanted = core.query("el colchon llego roto tienda", m);
  assert.deepEqual(wanted.map((w) => w.stem), ["colchon", "lleg", "rot", "tiend"]);
  // Section 1/0 has every word in its running text, at more than section 2/0's scores; section 2/0
  // has one phrase "colchon roto" (weight 60: two rare terms), section 1/0 a long phrase with "tienda".
  const postings = [
    { colchon: [1, 0, 30, 2, 0, 20], "~colchon": [2, 0, 60] },
    { lleg: [1, 0, 30, 2, 0, 5] },
    { rot: [1, 0, 30, 2, 0, 20], "~rot": [2, 0, 60] },
    { tiend: [1, 0, 30, 2, 0, 5], "~tiend": [1, 0, 200] },
  ];
  const ranked = core.rank(wanted, postings, m);
  assert.deepEqual(ranked.map((d) => [d.page, d.section]), [[2, 0], [1, 0]], JSON.stringify(ranked));
  const near = core.nearest(wanted, wanted.map((w, i) => core.matching(w, postings[i], m)), postings, m);
  assert.ok(near["2/0"] > near["1/0"], `nearest: ${JSON.stringify(near)}`);
  // Without the phrases, the running text decides.
  const bare = postings.map((file) => Object.fromEntries(Object.entries(file).filter(([t]) => !t.startsWith("~"))));
  assert.deepEqual(core.rank(wanted, bare, m).map((d) => [d.page, d.section]), [[1, 0], [2, 0]]);
});

test("nearRarity: a common term's list is only its count, and it weighs as a listed one would", () => {
  const m = manifest({ np: 1000 });
  const listed = [];
  for (let i = 0; i < 150; i++) listed.push(i, 0, 40);
  assert.equal(core.nearRarity([150], m), core.nearRarity(listed, m));
  assert.ok(core.nearRarity([1], m) > core.nearRarity([150], m), "a rarer term weighs more");
});

test("search loads, for a word that matches nothing, the files of its first two letters a typo would be in", async () => {
  const m = manifest({ keys: ["dea", "deb", "dev", "pa"] });
  const asked = [];
  const files = { "t/deb.json": { debit: [0, 0, 5] }, "t/dev.json": { devolucion: [1, 0, 50] }, "t/pa.json": { pag: [2, 0, 9] } };
  const load = (name) => { asked.push(name); return files[name] || {}; };
  const found = await core.search("debolucion pagos", m, load);
  assert.deepEqual(asked, ["t/deb.json", "t/pa.json", "t/dea.json", "t/dev.json"], "no more files for a word that matches");
  assert.deepEqual(found.docs.map((d) => d.page), [1, 2]);
});

test("rank breaks ties by page, then by section", () => {
  const wanted = core.query("pago", manifest());
  const postings = [{ pag: [5, 1, 3, 2, 7, 3, 2, 1, 3, 9, 0, 8] }];
  assert.deepEqual(
    core.rank(wanted, postings, manifest()).map((d) => [d.page, d.section]),
    [[9, 0], [2, 1], [2, 7], [5, 1]],
  );
});

test("rank: nothing typed, no postings file, or no matching term, finds nothing", () => {
  const m = manifest();
  assert.deepEqual(core.rank([], [], m), []);
  assert.deepEqual(core.rank(core.query("de la", m), [], m), []);
  assert.deepEqual(core.rank(core.query("zapato", m), [{}], m), []);
  assert.deepEqual(core.rank(core.query("pago ", m), [{ bureau: [0, 0, 5] }], m), []);
});

test("grouped: pages in the order of their best section, at most 2 sections, the others only at 0.35 × the best", () => {
  const docs = [doc(1, 0, 10), doc(2, 0, 9), doc(1, 4, 3.4), doc(1, 3, 3.5), doc(2, 1, 3), doc(1, 5, 3.5)];
  assert.deepEqual(core.grouped(docs), [
    { page: 1, docs: [doc(1, 0, 10), doc(1, 3, 3.5)] },
    { page: 2, docs: [doc(2, 0, 9)] },
  ]);
  assert.equal(core.SECTIONS, 2);
  assert.equal(core.OTHERS, 0.35);
  assert.deepEqual(core.grouped([]), []);
});

test("results: sections under CUT × the best are dropped, then counted by page and the first 4 shown", () => {
  const docs = [];
  for (let page = 0; page < 11; page++) docs.push(doc(page, 0, 20 - page, 1), doc(page, 1, 19 - page, 1));
  docs.push(doc(11, 0, 20 * core.CUT - 0.01, 1));
  const picked = core.results(docs);
  assert.equal(core.CUT, 0.25);
  assert.equal(picked.count, 11, "page 11 scores under CUT × the best");
  assert.equal(core.PAGES, 4);
  assert.deepEqual(picked.shown.map((g) => g.page), [0, 1, 2, 3]);
  assert.deepEqual(picked.shown[0].docs, [doc(0, 0, 20, 1), doc(0, 1, 19, 1)]);
  assert.equal(picked.weak, false);
  assert.deepEqual(core.results([]), { count: 0, shown: [], weak: true });
});

test("results are weak when the best section holds under WEAK of the query", () => {
  assert.equal(core.results([doc(0, 0, 9, core.WEAK - 0.01)]).weak, true);
  assert.equal(core.results([doc(0, 0, 9, core.WEAK)]).weak, false);
});

test("matches marks a word of a result with a query stem, or a longer form of a 3+ letter stem", () => {
  const m = manifest();
  assert.equal(core.matches("Devoluciones,", ["devol"], m), true);
  assert.equal(core.matches("devolverlo", ["devol"], m), true);
  assert.equal(core.matches("(pagos)", ["cuot", "pag"], m), true);
  assert.equal(core.matches("debo", ["de"], m), false, "a 2-letter stem marks only itself");
  assert.equal(core.matches("dé", ["de"], m), true);
  assert.equal(core.matches("tienda", ["devol"], m), false);
  assert.equal(core.matches("—", ["devol"], m), false);
});

test("the manifest's lists become sets once, kept on the manifest", () => {
  const m = manifest();
  core.words("pagos", m);
  core.shardOf("pagos", m);
  assert.ok(m.stopSet instanceof Set && m.stopSet.has("que"));
  assert.ok(m.keySet instanceof Set && m.keySet.has("buy"));
  const stop = m.stopSet;
  core.words("otra vez", m);
  assert.equal(m.stopSet, stop);
});

test("search loads each word's postings file once per word and ranks with them, as rank() does", async () => {
  const m = manifest();
  const asked = [];
  const files = { "t/pa.json": { pag: [0, 1, 50, 2, 0, 20] }, "t/buy.json": { buyout: [2, 0, 90] } };
  const load = (name) => { asked.push(name); return Promise.resolve(files[name] || {}); };
  const found = await core.search("pagos buyout zzz", m, load);
  assert.deepEqual(asked, ["t/pa.json", "t/buy.json"], "no file for a word whose shard the index lacks");
  const wanted = core.query("pagos buyout zzz", m);
  assert.deepEqual(found.docs, core.rank(wanted, [files["t/pa.json"], files["t/buy.json"], {}], m));
  assert.deepEqual(found.stems, wanted.map((w) => w.stem));
  assert.equal(found.docs[0].page, 2, "the section matching two words comes first");
});

test("results: a long query nearer no phrase than NEAR_WEAK is a weak match, whatever share it holds", () => {
  const near = (n) => Object.assign(doc(0, 0, 1, 1), { near: n });
  assert.equal(core.results([near(core.NEAR_WEAK - 0.01)]).weak, true);
  assert.equal(core.results([near(core.NEAR_WEAK + 0.01)]).weak, false);
  assert.equal(core.results([doc(0, 0, 1, 1)]).weak, false, "a short query has no nearness to judge");
});
