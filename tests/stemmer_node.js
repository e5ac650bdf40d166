// Runs the browser's stemmer rules (generator/assets/lms-stem.js) in Node, for tests and benchmarks:
// node tests/stemmer_node.js < request.json > answer.json
// request: {"stem": [words], "vocabulary": [words]}; answer: {"stems": {word: root}, "roots": {word: [roots]}}.
// The votes come from the whole vocabulary, as generator/stemmer.py counts them (the reference).
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const context = {console: console};
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(path.join(__dirname, "../generator/assets/lms-stem.js"), "utf8"), context);
const Stem = context.LmsStem;
const request = JSON.parse(fs.readFileSync(0, "utf8"));
const vocabulary = new Set(request.vocabulary || []);
const votes = Stem.votesOf(Array.from(vocabulary));
const votesOf = w => votes.get(w) || 0;
const isWord = w => vocabulary.has(w);
const answer = {stems: {}, roots: {}};
for (const w of request.stem || []) {
  answer.roots[w] = Stem.roots(w, votesOf, isWord);
  answer.stems[w] = answer.roots[w][0];
}
process.stdout.write(JSON.stringify(answer));
