// kb/js/search-core.js on small hand-made manifests and postings: `node --test tests/js/*.test.js`.
// The real rules are checked against kb/text.py on every built page by tests/test_js.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../kb/js/search-core.js");

// A small manifest in the shape kb/search.py writes (kb-search/index.json), rules much shortened.
function manifest(extra) {
  return Object.assign(
    {
      v: "test",
      lang: "es",
      min: 3,
      keys: ["bu", "buy", "co", "de", "pa"],
      stop: ["de", "el", "la", "me", "por", "que", "como"],
      suffixes: ["uciones", "acion", "ando", "ados", "ado", "ar", "er", "es", "os", "a", "o", "s", "ing", "ed"],
      undouble: ["ed", "ing"],
    },
    extra,
  );
}

// Postings rows are [page, section, score, page, section, score, …].
function doc(page, section, score, hits) {
  return { page, section, score, hits };
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

test("stem strips the first listed ending that leaves at least `min` letters", () => {
  const m = manifest();
  assert.equal(core.stem("devoluciones", m), "devol");
  assert.equal(core.stem("pagando", m), "pag");
  assert.equal(core.stem("pagados", m), "pag", "'ados' is listed before 'os'");
  assert.equal(core.stem("pagar", m), "pag");
  assert.equal(core.stem("casa", m), "cas");
  assert.equal(core.stem("paso", m), "pas");
  assert.equal(core.stem("mesa", m), "mes");
  assert.equal(core.stem("ola", m), "ola", "'ol' would be shorter than min");
  assert.equal(core.stem("buyout", m), "buyout", "no listed ending");
});

test("stem undoubles the last letter after the listed endings only, and only above `min`", () => {
  const m = manifest();
  assert.equal(core.stem("cancelled", m), "cancel");
  assert.equal(core.stem("stopping", m), "stop");
  assert.equal(core.stem("added", m), "add", "'add' is only min letters long: kept");
  assert.equal(core.stem("bosses", m), "boss", "'es' does not undouble");
  assert.equal(core.stem("ring", m), "ring", "'r' would be shorter than min");
  assert.equal(core.stem("dressed", manifest({ undouble: [] })), "dress");
});

test("the rules come from the manifest, not from the code", () => {
  const m = manifest({ suffixes: ["ment"], min: 2 });
  assert.equal(core.stem("payment", m), "pay");
  assert.equal(core.stem("pagando", m), "pagando");
  assert.deepEqual(core.terms("the payment", manifest({ stop: ["the"], suffixes: ["ment"], min: 2 })), ["pay"]);
});

test("terms: words, then stems; empty for an empty text or stop words only", () => {
  const m = manifest();
  assert.deepEqual(core.terms("Devoluciones y pagos atrasados", m), ["devol", "pag", "atras"]);
  assert.deepEqual(core.terms("", m), []);
  assert.deepEqual(core.terms("   ", m), []);
  assert.deepEqual(core.terms("de la que", m), []);
});

test("query keeps each word typed with its stem", () => {
  assert.deepEqual(core.query("Me cobraron pagos", manifest()), [
    { word: "cobraron", stem: "cobraron" },
    { word: "pagos", stem: "pag" },
  ]);
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

test("closeness: exact 1, a longer form of a stem of 3+ letters 0.5, the 4+ letter stem of an unfinished word 0.6", () => {
  assert.equal(core.closeness("devol", "devoluciones", "devol"), 1);
  assert.equal(core.closeness("devolver", "devol", "devol"), core.PREFIX);
  assert.equal(core.PREFIX, 0.5);
  assert.equal(core.closeness("devol", "devolu", "devolu"), core.STEM_OF_WORD);
  assert.equal(core.STEM_OF_WORD, 0.6);
  assert.equal(core.closeness("debt", "de", "de"), 0, "no prefix match for a 2-letter stem");
  assert.equal(core.closeness("dev", "devolu", "devolu"), 0, "a 3-letter term is not taken as an unfinished word's stem");
  assert.equal(core.closeness("pago", "devol", "devol"), 0);
});

test("rank adds each word's best term per section, never two terms of one word", () => {
  const wanted = core.query("devol", manifest());
  const postings = [{ devol: [0, 0, 10, 1, 2, 4], devolver: [0, 0, 30, 2, 0, 6], pago: [3, 0, 99] }];
  assert.deepEqual(core.rank(wanted, postings), [doc(0, 0, 15, 1), doc(1, 2, 4, 1), doc(2, 0, 3, 1)]);
});

test("rank: a section with every word typed beats one with a higher score for fewer words", () => {
  const wanted = core.query("cobro doble", manifest({ suffixes: ["o", "e"] }));
  assert.deepEqual(wanted.map((w) => w.stem), ["cobr", "dobl"]);
  const postings = [
    { cobr: [1, 0, 2, 2, 0, 10] },
    { dobl: [1, 0, 2, 3, 4, 1] },
  ];
  // Page 1: (2 + 2) × (2/2)²; page 2: 10 × (1/2)²; page 3: 1 × (1/2)².
  assert.deepEqual(core.rank(wanted, postings), [doc(1, 0, 4, 2), doc(2, 0, 2.5, 1), doc(3, 4, 0.25, 1)]);
});

test("rank breaks ties by page, then by section", () => {
  const wanted = core.query("pago", manifest());
  const postings = [{ pag: [5, 1, 3, 2, 7, 3, 2, 1, 3, 9, 0, 8] }];
  assert.deepEqual(
    core.rank(wanted, postings).map((d) => [d.page, d.section]),
    [[9, 0], [2, 1], [2, 7], [5, 1]],
  );
});

test("rank: nothing typed, no postings file, or no matching term, finds nothing", () => {
  const m = manifest();
  assert.deepEqual(core.rank([], []), []);
  assert.deepEqual(core.rank(core.query("de la", m), []), []);
  assert.deepEqual(core.rank(core.query("zapato", m), [{}]), []);
  assert.deepEqual(core.rank(core.query("pago", m), [{ bureau: [0, 0, 5] }]), []);
});

test("grouped: pages in the order of their best section, at most 3 sections, the others only at 0.35 × the best", () => {
  const docs = [doc(1, 0, 10), doc(2, 0, 9), doc(1, 3, 3.5), doc(2, 1, 3), doc(1, 4, 3.4), doc(1, 5, 3.5), doc(1, 6, 3.5)];
  assert.deepEqual(core.grouped(docs), [
    { page: 1, docs: [doc(1, 0, 10), doc(1, 3, 3.5), doc(1, 5, 3.5)] },
    { page: 2, docs: [doc(2, 0, 9)] },
  ]);
  assert.equal(core.SECTIONS, 3);
  assert.equal(core.OTHERS, 0.35);
  assert.deepEqual(core.grouped([]), []);
});

test("results counts every page found and shows the first 8", () => {
  const docs = [];
  for (let page = 0; page < 11; page++) docs.push(doc(page, 0, 20 - page), doc(page, 1, 19 - page));
  const picked = core.results(docs);
  assert.equal(picked.count, 11);
  assert.equal(core.PAGES, 8);
  assert.deepEqual(picked.shown.map((g) => g.page), [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(picked.shown[0].docs, [doc(0, 0, 20), doc(0, 1, 19)]);
  assert.deepEqual(core.results([]), { count: 0, shown: [] });
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
  assert.deepEqual(found.docs, core.rank(wanted, [files["t/pa.json"], files["t/buy.json"], {}]));
  assert.deepEqual(found.stems, wanted.map((w) => w.stem));
  assert.equal(found.docs[0].page, 2, "the section matching two words comes first");
});
