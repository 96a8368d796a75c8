// Ranks queries against a built site's search index exactly as the page does (kb/js/search-core.js),
// reading the index files from disk instead of fetching them. Reads {"index": "<site>/<lang>/kb-search",
// "queries": ["...", ...]} as JSON on stdin; writes, for each query, the results shown in order: each
// a page's sections, best first, as [["page-url#anchor", ...], ...] (relative to the language's root);
// with "weak": true in the request, for each query whether the page says no section answers it well.
// Used by kb/quality.py (make bench, and the tuning table in make test).
"use strict";
const fs = require("fs");
const path = require("path");
const core = require("./js/search-core.js");

function read(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", async () => {
  const { index, queries, weak } = JSON.parse(input);
  const manifest = read(path.join(index, "index.json"));
  manifest.stemmer = require(path.resolve(index, manifest.stem)); // the stemmer the page loads
  const files = {};
  const load = (name) => files[name] || (files[name] = read(path.join(index, name)));
  const shown = [];
  for (const text of queries) {
    const results = core.results((await core.search(text, manifest, load)).docs);
    if (weak) {
      shown.push(results.weak);
      continue;
    }
    const picked = results.shown;
    shown.push(picked.map((group) => group.docs.map((doc) => {
      const p = load("p/" + doc.page + ".json");
      const anchor = p.s[doc.section][0];
      return anchor ? p.u + "#" + anchor : p.u;
    })));
  }
  process.stdout.write(JSON.stringify(shown));
});
