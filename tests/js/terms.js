// For tests/test_js.py: reads {"manifest": <kb-search/index.json>, "stemmer": <path of kb-search/stem.js>,
// "texts": [...]} on stdin and
// writes, as JSON, each text's terms as kb/js/search-core.js cuts them. Not a test file itself.
"use strict";
const core = require("../../kb/js/search-core.js");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { manifest, stemmer, texts } = JSON.parse(input);
  manifest.stemmer = require(stemmer);
  process.stdout.write(JSON.stringify(texts.map((text) => core.terms(text, manifest))));
});
