/* Belajar ASN: the site's search (docs/search.md). Loaded by lms-search-box.js when a reader starts
 * to search, after lms-stem.js (the same file: assets/lms/search.js). It reads the index the build
 * wrote (generator/shards.py) a few files at a time and answers in the theme's result markup.
 *
 * A query: its words (stop words only when nothing else is typed), each matched as typed, as the
 * start of a longer word (search as you type), through its roots (whole words: "bukan" never finds
 * buku), its synonym group and a phrase of one, and as a closed compound (kerjasama = kerja sama).
 * A word that matches nothing is tried one edit away ("Maksud Anda: ..."). Pages matching more of
 * the words come first, then the higher score (weight of each term in the record times its rarity).
 *
 * LmsSearch.engine(load) is the core without a page (tests run it in Node); attach() and
 * highlight() are the page's side.
 */
(function (scope) {
  "use strict";
  var Stem = scope.LmsStem;
  var TOKEN = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
  var EXACT = 1, ROOT = 0.8, PREFIX = 0.6, COMPOUND = 0.9, PREFIXES = 30;

  function tokens(text) { return String(text).toLowerCase().match(TOKEN) || []; }
  function unique(list) { return list.filter(function (x, i) { return list.indexOf(x) === i; }); }

  /* A shard key as its file name part (generator/shards.py: file_key). */
  function fileKey(key) {
    if (/^[a-z0-9_]+$/.test(key)) return key;
    var hex = "";
    new TextEncoder().encode(key).forEach(function (b) { hex += (b < 16 ? "0" : "") + b.toString(16); });
    return "u" + hex;
  }

  /* load(name, file) -> Promise of the data of search/<file>, a script calling __lmsSearch(name, data). */
  function engine(load) {
    var manifest = null, keys = [], shards = {}, ready = {}, postings = {}, chunks = {};
    var stop = new Set(), singles = new Map(), phrases = [];

    function start() {
      if (!manifest) {
        manifest = load("index", "index.js").then(function (m) {
          keys = Object.keys(m.keys).sort(function (a, b) { return b.length - a.length; });
          stop = new Set(m.stop);
          m.groups.forEach(function (group, n) {
            group.forEach(function (member) {
              var words = member.toLowerCase().split(/[\s-]+/).filter(Boolean);
              if (words.length === 1) singles.set(words[0], "_syn" + n);
              else phrases.push({words: words, key: "_syn" + n});
            });
          });
          return m;
        });
      }
      return manifest;
    }

    function keyOf(term) {
      for (var i = 0; i < keys.length; i++) if (term.indexOf(keys[i]) === 0) return keys[i];
      return null;
    }
    function shard(key, m) {
      if (!shards[key]) {
        shards[key] = load("t/" + key, "t/" + fileKey(key) + "." + m.keys[key] + ".js").then(function (data) {
          data.words = new Set(Object.keys(data.t));
          (data.x || []).forEach(function (t) { data.words.delete(t); });
          ready[key] = data;
          return data;
        });
      }
      return shards[key];
    }
    /* Load the shards of these terms (and, for prefixes, up to three shards that continue them). */
    function need(terms, m, prefix) {
      var wanted = [];
      terms.forEach(function (t) {
        var k = keyOf(t);
        if (k !== null) wanted.push(k);
        if (prefix && t.length >= 3) {
          wanted = wanted.concat(keys.filter(function (key) { return key.length > t.length && key.indexOf(t) === 0; })
            .slice(0, 3));
        }
      });
      return Promise.all(unique(wanted).map(function (k) { return shard(k, m); }));
    }
    function part(term, name) {
      var data = ready[keyOf(term)];
      return data && data[name] ? data[name][term] : undefined;
    }
    function has(term) { var d = ready[keyOf(term)]; return !!d && Object.prototype.hasOwnProperty.call(d.t, term); }
    function isWord(term) { var d = ready[keyOf(term)]; return !!d && d.words.has(term); }
    function votes(term) { return has(term) ? (part(term, "v") === undefined ? 1 : part(term, "v")) : 0; }

    /* record -> weight for one term: [page, section, weight] triples as page gaps. */
    function list(term) {
      if (postings[term]) return postings[term];
      var flat = part(term, "t") || [], out = new Map(), page = 0;
      for (var i = 0; i + 2 < flat.length; i += 3) {
        page += flat[i];
        out.set(page + ":" + flat[i + 1], flat[i + 2]);
      }
      postings[term] = out;
      return out;
    }
    function rarity(term, m) { return Math.log(1 + m.records / Math.max(1, list(term).size)); }

    /* A word's roots: from the index for a site word, else read with the rules and the index's votes. */
    function rootsOf(w, m) {
      if (has(w)) return Promise.resolve(part(w, "r") || [w]);
      if (!/^[a-z]+(-[a-z]+)*$/.test(w) || w.length < 4) return Promise.resolve([w]);
      var readings = [];
      w.split("-").filter(Boolean).forEach(function (p) { readings = readings.concat(Stem.readings(p)); });
      return need(readings, m).then(function () { return Stem.roots(w, votes, isWord); });
    }
    /* A closed compound: two site words of four letters or more, not stop words. */
    function compoundOf(w, m) {
      if (has(w)) return Promise.resolve(part(w, "c") || null);
      if (w.length < 8 || /[^a-z]/.test(w)) return Promise.resolve(null);
      var splits = [];
      for (var i = 4; i <= w.length - 4; i++) {
        if (isWord(w.slice(0, i)) && !stop.has(w.slice(0, i))) splits.push([w.slice(0, i), w.slice(i)]);
      }
      return need(splits.map(function (s) { return s[1]; }), m).then(function () {
        var found = splits.filter(function (s) { return isWord(s[1]) && !stop.has(s[1]); });
        return found.length ? found[0] : null;
      });
    }
    function groupOf(w, roots) {
      var all = [w].concat(roots);
      for (var i = 0; i < all.length; i++) if (singles.has(all[i])) return singles.get(all[i]);
      return null;
    }
    function phraseAt(words, j) {
      for (var p = 0; p < phrases.length; p++) {
        var ws = phrases[p].words, k = 0;
        while (k < ws.length && words[j + k] === ws[k]) k++;
        if (k === ws.length) return phrases[p].key;
      }
      return null;
    }
    function prefixed(w) {
      if (w.length < 3) return [];
      var out = [];
      Object.keys(ready).forEach(function (k) {
        if (k.indexOf(w.slice(0, k.length)) !== 0 && w.indexOf(k) !== 0) return;
        Object.keys(ready[k].t).forEach(function (t) { if (t !== w && t.indexOf(w) === 0) out.push(t); });
      });
      return out.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); }).slice(0, PREFIXES);
    }

    /* What one typed word matches: [[term, factor]...] and, for a compound, parts required together. */
    function alternatives(w, words, j, m) {
      return Promise.all([rootsOf(w, m), compoundOf(w, m)]).then(function (found) {
        var roots = found[0], parts = found[1], out = [[w, EXACT]], key = groupOf(w, roots);
        prefixed(w).forEach(function (t) { out.push([t, PREFIX]); });
        roots.forEach(function (r) { if (r !== w) out.push([r, ROOT]); });
        if (key) out.push([key, ROOT]);
        var phrase = phraseAt(words, j);
        if (phrase && phrase !== key) out.push([phrase, ROOT]);
        return need(out.map(function (a) { return a[0]; }), m).then(function () {
          return {word: w, terms: out, roots: roots, parts: parts};
        });
      });
    }
    function score(alt, m) {
      var best = new Map();
      alt.terms.forEach(function (a) {
        var idf = rarity(a[0], m);
        list(a[0]).forEach(function (weight, record) {
          var s = a[1] * idf * weight;
          if (!(best.get(record) >= s)) best.set(record, s);
        });
      });
      if (alt.parts) {
        var one = list(alt.parts[0]), two = list(alt.parts[1]);
        var idf = (rarity(alt.parts[0], m) + rarity(alt.parts[1], m)) / 2;
        one.forEach(function (weight, record) {
          if (!two.has(record)) return;
          var s = COMPOUND * idf * (weight + two.get(record)) / 2;
          if (!(best.get(record) >= s)) best.set(record, s);
        });
      }
      return best;
    }
    /* The site word of five letters or more one edit away with most votes, among the loaded shards. */
    function correct(w) {
      if (w.length < 4 || /[^a-z]/.test(w)) return null;
      var best = null, most = -1;
      Stem.oneEdit(w).forEach(function (c) {
        if (c.length < 5 || c === w || !isWord(c)) return;
        var v = votes((part(c, "r") || [c])[0]);
        if (v > most || (v === most && c < best)) { best = c; most = v; }
      });
      return best;
    }
    function word(w, words, j, m) {
      return alternatives(w, words, j, m).then(function (alt) {
        var found = score(alt, m);
        if (found.size || alt.parts || groupOf(w, alt.roots)) return {alt: alt, found: found, fix: null};
        var fix = correct(w);
        if (!fix) return {alt: alt, found: found, fix: null};
        return alternatives(fix, words, j, m).then(function (better) {
          return {alt: better, found: score(better, m), fix: fix};
        });
      });
    }

    /* The answer: {pages: [{page, records: [[record, score]...], score, matched: [typed words]}], words,
     * dropped, fixed (the corrected query, or null), forms (what to highlight)}. */
    function search(query) {
      return start().then(function (m) {
        var typed = tokens(query), content = typed.some(function (w) { return !stop.has(w); });
        var words = content ? typed.filter(function (w) { return !stop.has(w); }) : typed;
        var dropped = typed.filter(function (w) { return words.indexOf(w) < 0; });
        return need(words, m, true).then(function () {
          return Promise.all(words.map(function (w, j) { return word(w, words, j, m); }));
        }).then(function (each) { return rank(each, words, dropped); });
      });
    }
    function rank(each, words, dropped) {
      var pages = new Map(), forms = [];
      each.forEach(function (r, j) {
        r.alt.terms.forEach(function (a) { if (a[0].charAt(0) !== "_") forms.push(a[0]); });
        r.found.forEach(function (s, record) {
          var page = record.split(":")[0], p = pages.get(page);
          if (!p) pages.set(page, p = {page: +page, records: new Map(), matched: [], score: 0});
          p.records.set(+record.split(":")[1], (p.records.get(+record.split(":")[1]) || 0) + s);
          if (p.matched.indexOf(words[j]) < 0) p.matched.push(words[j]);
        });
      });
      var out = Array.from(pages.values()).map(function (p) {
        p.records = Array.from(p.records.entries()).sort(function (a, b) { return b[1] - a[1]; });
        p.score = p.records[0][1];
        return p;
      }).sort(function (a, b) { return b.matched.length - a.matched.length || b.score - a.score || a.page - b.page; });
      var fixes = each.map(function (r) { return r.fix; });
      return {pages: out, words: words, dropped: dropped, forms: unique(forms),
              fixed: fixes.some(Boolean) ? each.map(function (r, j) { return r.fix || words[j]; }).join(" ") : null};
    }

    /* The records of a page: [[location, title, teaser]...], the page's own first. */
    function page(n) {
      return start().then(function (m) {
        var c = Math.floor(n / m.chunk);
        if (!chunks[c]) chunks[c] = load("d/" + c, "d/" + c + "." + m.chunks[c] + ".js");
        return chunks[c].then(function (rows) { return rows[n - c * m.chunk]; });
      });
    }
    return {search: search, page: page, start: start};
  }

  /* ---- The page's side --------------------------------------------------------------- */

  var SCRIPTS = {};
  /* search/<file> as a script (Lms.script); its __lmsSearch(name, data) call answers. */
  function loadScript(name, file) {
    if (!SCRIPTS[name]) {
      SCRIPTS[name] = new Promise(function (resolve, reject) {
        WAITING[name] = resolve;
        Lms.script("search-file", {file: file}).catch(function (error) { delete SCRIPTS[name]; reject(error); });
      });
    }
    return SCRIPTS[name];
  }
  var WAITING = {};
  scope.__lmsSearch = function (name, data) {
    if (WAITING[name]) { WAITING[name](data); delete WAITING[name]; }
  };

  function escape(s) { return Lms.escape(s); }  // the page's side only: Lms is not in Node's tests

  /* Does a word of a page match what was found: a form found, the start of a typed word, or a
   * reading that is one of the roots found (every form of a matched root is marked). */
  function matcher(forms, typed) {
    var set = new Set(forms);
    return function (word) {
      var w = word.toLowerCase();
      if (set.has(w)) return true;
      if (typed.some(function (t) { return t.length >= 3 && w.indexOf(t) === 0; })) return true;
      return w.length >= 4 && /^[a-z]+$/.test(w) && Stem.readings(w).some(function (r) { return set.has(r); });
    };
  }
  /* Text with <mark> around the matching words, escaped. */
  function marked(text, matches) {
    var out = "", last = 0;
    String(text).replace(TOKEN, function (word, at) {
      out += escape(text.slice(last, at)) + (matches(word) ? "<mark>" + escape(word) + "</mark>" : escape(word));
      last = at + word.length;
      return word;
    });
    return out + escape(text.slice(last));
  }

  /* One result (a page and its matching sections) in the theme's markup (Material's search result). */
  function item(found, rows, answer, matches, text) {
    var li = document.createElement("li"), best = found.records[0][1];
    li.className = "md-search-result__item";
    var h = answer.words.concat(answer.forms).filter(function (f, i, all) { return all.indexOf(f) === i; }).join(" ");
    function link(row, parent, missing) {
      var url = new URL(row[0], Lms.root());
      url.searchParams.set("h", h);
      return '<a href="' + escape(url.href) + '" class="md-search-result__link" tabindex="-1">' +
        '<article class="md-search-result__article md-typeset">' +
        (parent ? '<div class="md-search-result__icon md-icon"></div><h1>' + marked(row[1], matches) + "</h1>"
          : "<h2>" + marked(row[1], matches) + "</h2>") +
        (row[2] ? '<p class="md-search-result__teaser">' + marked(row[2], matches) + "</p>" : "") +
        (missing.length ? '<p class="md-search-result__terms">' + escape(text.missing) + ": " +
          missing.map(function (w) { return "<del>" + escape(w) + "</del>"; }).join(" ") + "</p>" : "") +
        "</article></a>";
    }
    var missing = answer.words.filter(function (w) { return found.matched.indexOf(w) < 0; });
    var sections = found.records.filter(function (r) { return r[0] > 0; });
    var top = sections.filter(function (r) { return r[1] >= best; }), more = sections.filter(function (r) { return r[1] < best; });
    var html = link(rows[0], true, missing) + top.map(function (r) { return link(rows[r[0]], false, []); }).join("");
    if (more.length) {
      html += '<details class="md-search-result__more"><summary tabindex="-1"><div>' +
        escape(more.length === 1 ? text["more-one"] : Lms.fill(text["more-other"], {n: more.length})) +
        "</div></summary>" + more.map(function (r) { return link(rows[r[0]], false, []); }).join("") + "</details>";
    }
    li.innerHTML = html;
    return li;
  }

  var PAGE = 10;
  /* Bind the search box (lms-search-box.js made it) to the engine: results as the reader types. */
  function attach(box, toggle) {
    if (box.dataset.lmsSearch) return;
    box.dataset.lmsSearch = "1";
    var text = Lms.data.text.search, core = engine(loadScript);
    var input = box.querySelector(".md-search__input"), meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list"), wrap = box.querySelector(".md-search__scrollwrap");
    var asked = 0, shown = null, timer = null;
    function show(answer, count) {  // pages count.. of the answer, unless another query came since
      var matches = matcher(answer.forms, answer.words), pages = answer.pages.slice(count, count + PAGE);
      return Promise.all(pages.map(function (p) { return core.page(p.page); })).then(function (rows) {
        if (shown !== answer) return;
        rows.forEach(function (r, i) { list.appendChild(item(pages[i], r, answer, matches, text)); });
      });
    }
    function run() {
      var query = input.value, mine = ++asked;
      if (!tokens(query).length) {
        meta.textContent = text.type;
        list.innerHTML = "";
        shown = null;
        box.dataset.lmsAnswered = query;
        return;
      }
      core.search(query).then(function (answer) {
        if (mine !== asked) return null;
        var n = answer.pages.length;
        list.innerHTML = "";
        shown = answer;
        shown.count = 0;
        if (answer.fixed) {
          var fix = document.createElement("li"), a = document.createElement("a");
          fix.className = "md-search-result__item";
          a.className = "md-search-result__link";
          a.href = "#";
          a.innerHTML = '<article class="md-search-result__article md-typeset"><h1></h1></article>';
          a.querySelector("h1").textContent = text["did-you-mean"] + ": " + answer.fixed;
          a.addEventListener("click", function (e) { e.preventDefault(); input.value = answer.fixed; run(); input.focus(); });
          fix.appendChild(a);
          list.appendChild(fix);
        }
        meta.textContent = n === 0 ? text.none : n === 1 ? text.one : Lms.fill(text.other, {n: n});
        shown.count = PAGE;
        return show(answer, 0).then(function () {  // the query whose results are all shown (tests wait on it)
          if (mine === asked) box.dataset.lmsAnswered = query;
        });
      }).catch(function () { if (mine === asked) meta.textContent = text.failed; });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 0); });  // answers that come late are dropped (asked)
    box.querySelector("form").addEventListener("reset", function () { setTimeout(run, 0); input.focus(); });
    box.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); });
    wrap.addEventListener("scroll", function () {  // the next ten pages near the end of the list
      if (!shown || shown.count >= shown.pages.length) return;
      if (wrap.scrollTop + wrap.clientHeight < wrap.scrollHeight - 40) return;
      var from = shown.count;
      shown.count += PAGE;
      show(shown, from);
    });
    box.addEventListener("keydown", function (e) { keys(e, box, input, toggle); });
    if (input.value) run();
    core.start();
  }

  /* Enter opens the first result; the arrows move through the results; Escape closes. */
  function keys(e, box, input, toggle) {
    var links = Array.prototype.slice.call(box.querySelectorAll(".md-search-result__link"));
    var at = links.indexOf(document.activeElement);
    if (e.key === "Escape") {
      toggle.checked = false;
      input.blur();
    } else if (e.key === "Enter" && document.activeElement === input && links.length) {
      e.preventDefault();
      links[0].click();
    } else if ((e.key === "ArrowDown" || e.key === "ArrowUp") && links.length) {
      e.preventDefault();
      var next = e.key === "ArrowDown" ? at + 1 : (at < 0 ? links.length : at) - 1;
      if (next < 0 || next >= links.length) input.focus();
      else links[next].focus();
    }
  }

  /* ?h=...: mark every form of the words found on the page a result opened. */
  function highlight(doc, h) {
    var forms = tokens(h), matches = matcher(forms, []);
    var root = doc.querySelector(".md-content article") || doc.querySelector("article");
    if (!root || !forms.length) return;
    var walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {acceptNode: function (n) {
      return n.parentNode.closest("pre, code, script, style, mark, .headerlink") ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT;
    }});
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var html = marked(node.nodeValue, matches);
      if (html.indexOf("<mark>") < 0) return;
      var span = doc.createElement("span");
      span.innerHTML = html.replace(/<mark>/g, "<mark data-md-highlight>");
      node.parentNode.replaceChild(span, node);
    });
  }

  scope.LmsSearch = {engine: engine, tokens: tokens, fileKey: fileKey, attach: attach, highlight: highlight};
})(typeof self !== "undefined" ? self : globalThis);
