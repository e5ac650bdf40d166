// Runs the site's search script (generator/assets/lunr.id.js as built) in Node with the real lunr:
// node tests/stemmer_node.js LUNR SCRIPT < request.json > answer.json
// request: {"stem": [words], "index": [[ref, text]...], "queries": [query...]}; answer: stems and hits.
"use strict";
const fs = require("fs");
const vm = require("vm");
const [lunrFile, scriptFile] = process.argv.slice(2);
const context = {console: console};
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(lunrFile, "utf8"), context);
vm.runInContext("self.lunr = lunr;", context);
const started = process.hrtime.bigint();
vm.runInContext(fs.readFileSync(scriptFile, "utf8"), context);
const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
const lunr = context.lunr;
const request = JSON.parse(fs.readFileSync(0, "utf8"));
const answer = {loadMs: loadMs, stems: {}, roots: {}, hits: {}, seen: {}};
for (const w of request.stem || []) { answer.stems[w] = lunr.id.stem(w); answer.roots[w] = lunr.id.roots(w); }
if (request.index) {
  const index = lunr(function () {
    this.use(lunr.id);
    this.ref("ref");
    this.field("text");
    this.metadataWhitelist = ["position"];
    for (const [ref, text] of request.index) this.add({ref: ref, text: text});
  });
  for (const q of request.queries || []) {  // as Material sends them: every word with a trailing "*"
    const typed = q.split(/\s+/).filter(Boolean).map(w => w + "*").join(" ");
    answer.hits[q] = index.search(typed).map(r => r.ref);
    const seen = lunr.id.last;
    answer.seen[q] = {dropped: seen.dropped, notes: seen.notes};
  }
}
process.stdout.write(JSON.stringify(answer));
