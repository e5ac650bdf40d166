// Runs the site's search engine (generator/assets/lms-stem.js + lms-search.js) in Node over a built
// site's index, for tests and benchmarks: node tests/search_node.js SITE < queries.json > answers.json
// answers: {query: {pages: [page URL...], dropped, fixed, forms}}, pages in the order the search box lists them.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const site = process.argv[2];
const context = {console: console, TextEncoder: TextEncoder, URL: URL};
context.self = context;
vm.createContext(context);
for (const name of ["lms-stem.js", "lms-search.js"]) {
  vm.runInContext(fs.readFileSync(path.join(__dirname, "../generator/assets", name), "utf8"), context);
}
const files = {loaded: []};
function load(name, file) {  // each file is a script calling __lmsSearch(name, data)
  files.loaded.push(file);
  return new Promise(resolve => {
    context.__lmsSearch = (n, data) => resolve(data);
    vm.runInContext(fs.readFileSync(path.join(site, "search", file), "utf8"), context);
  });
}
const engine = context.LmsSearch.engine(load);
(async () => {
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const answers = {};
  for (const q of queries) {
    const found = await engine.search(q);
    const pages = [];
    for (const p of found.pages) pages.push((await engine.page(p.page))[0][0]);
    answers[q] = {pages: pages, dropped: found.dropped, fixed: found.fixed, forms: found.forms};
  }
  process.stdout.write(JSON.stringify(answers));
})().catch(e => { console.error(e.stack); process.exit(1); });
