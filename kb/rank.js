// Ranks queries against a built site's search index exactly as the page does (kb/js/search-core.js),
// reading the index files from disk instead of fetching them. Reads {"index": "<site>/<lang>/kb-search",
// "queries": ["...", ...]} as JSON on stdin; writes, for each query, the results shown in order: each
// a page's sections, best first, as [["page-url#anchor", ...], ...] (relative to the language's root). Used by kb/quality.py
// (make bench, and the tuning table in make test).
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
process.stdin.on("end", () => {
  const { index, queries } = JSON.parse(input);
  const manifest = read(path.join(index, "index.json"));
  const shards = {};
  const pages = {};
  const shard = (key) => {
    if (key === null) return {};
    if (!(key in shards)) shards[key] = read(path.join(index, "t", key + ".json"));
    return shards[key];
  };
  const page = (number) => pages[number] || (pages[number] = read(path.join(index, "p", number + ".json")));
  const shown = queries.map((text) => {
    const wanted = core.query(text, manifest);
    const postings = wanted.map((w) => shard(core.shardOf(w.stem, manifest)));
    const picked = core.results(core.rank(wanted, postings)).shown;
    return picked.map((group) => group.docs.map((doc) => {
      const p = page(doc.page);
      const anchor = p.s[doc.section][0];
      return anchor ? p.u + "#" + anchor : p.u;
    }));
  });
  process.stdout.write(JSON.stringify(shown));
});
