/* Belajar ASN: Indonesian for Material's built-in search (lunr), both for the pages indexed
 * and for the words typed in the search box, so the two always agree. docs/search.md explains
 * the rules and their sources (Nazief-Adriani confix stripping with the Arifin-Setiono, Adriani
 * et al., Enhanced Confix Stripping and modified-ECS refinements), written here from the papers.
 *
 * A word can often be read more than one way (meng+irim or meng+kirim? pe+rencana+an or
 * per+encana+an? selesai or selesa+i?); where the papers look a reading up in a root-word
 * dictionary, the site's own vocabulary decides instead: each reading gets a vote from every
 * word on the site it could be the root of, and the readings with most votes are indexed. Pages
 * and queries use the same votes, so they agree. Every word is indexed as its roots and as
 * written, so a page with the exact word ranks above one that only shares the root.
 *
 * Query side: the typed word keeps Material's trailing "*", its roots do not (a root is a whole
 * word: "bukan" must not find buku through "buk*"); stop words are dropped only beside content
 * words; synonyms, abbreviations and closed compounds are matched; a word that finds nothing is
 * tried one edit away against the site's words ("Maksud Anda: ...").
 */
(function () {
  "use strict";
  var lunr = self.lunr;
  var VOCABULARY = new Set("__VOCABULARY__".split(" ").filter(Boolean));  // filled in by the build
  var GROUPS = __SYNONYMS__;  // filled in by the build: [[word or phrase, ...], ...], lower case
  var TEXT = __TEXT__;        // filled in by the build: the site's wording of "did you mean"
  var STOP_WORDS = ("ada adalah agar akan aku anda antara apa apabila atau bagaimana bagi bahwa baik " +
    "bila bisa boleh dalam dan dapat dari daripada demikian dengan di dia dimana harus hingga ia ialah ini itu " +
    "jika juga ka kali kalau kami kamu karena ke kepada ketika kita lagi lain maka masih meskipun mereka nya " +
    "oleh pada para per saat saja sama sambil sangat saya se sebagai sebelum secara sedang sehingga sekali " +
    "selama semua seperti serta sesudah setelah sudah supaya tanpa tapi telah tentang terhadap tetapi tidak " +
    "untuk walau walaupun yaitu yakni yang").split(" ");
  var ONE_SYLLABLE = /^[^aeiou]{1,2}[aeiou][^aeiou]{1,2}$/;  // bom, cek, sah, tik: roots of menge-/penge-

  /* A possible root: three letters or more, a vowel, and an end Indonesian roots have
   * (a start a root can have: service is not se+rvice; no doubled or nasal-cluster final
   * consonants: berpelanggan is not ber+pelangg+an). */
  var ONSET = /^([aeiou]|[^aeiou][aeiouy]|bl|br|dr|fl|fr|gl|gr|kl|kr|pl|pr|sk|sl|sm|sn|sp|st|sw|tr|ny|ng|kh|sy)/;
  function rootLike(s) {
    return s.length >= 3 && /[aeiou]/.test(s) && ONSET.test(s) && !/([^aeiou])\1$|(mb|nd|nj|nc|ngg|ny)$/.test(s);
  }

  /* meN-/peN- with the sound changes of the nasal (p: "me" or "pe"), each recoded to its root. */
  function nasal(w, p, add) {
    if (w.slice(0, 2) !== p) return;
    var r = w.slice(2), m;
    if ((m = /^nge(.+)$/.exec(r)) && ONE_SYLLABLE.test(m[1].replace(/(kan|an|i)$/, ""))) add(m[1], p);
    if ((m = /^ng([aeiou].*)$/.exec(r))) { add(m[1], p); add("k" + m[1], p); }
    if ((m = /^ng([gkhqlr].*)$/.exec(r))) add(m[1], p);  // l, r: penglihatan, pengrajin
    if ((m = /^ny([aeiou].*)$/.exec(r))) { add("s" + m[1], p); add("ny" + m[1], p); }
    if ((m = /^n(sy.*)$/.exec(r))) add(m[1], p);
    if ((m = /^m([bfvp].*)$/.exec(r))) add(m[1], p);
    if ((m = /^m([aeiou].*)$/.exec(r))) { add("p" + m[1], p); add("m" + m[1], p); }
    if ((m = /^n([cdjzst].*)$/.exec(r))) add(m[1], p);
    if ((m = /^n([aeiou].*)$/.exec(r))) { add("t" + m[1], p); add("n" + m[1], p); }
    if ((m = /^([lrwy][aeiou].*)$/.exec(r))) add(m[1], p);
  }

  /* One prefix off: [rest, kind] for every rule that applies. di- ke- se- meN- only come first;
   * peN-/per-/pe-, ber-/be- and ter-/te- may follow another prefix (ke-ter-, ke-peN-, memper-). */
  function prefixOnce(w, first, after) {
    var out = [], m;
    function add(rest, kind) { if (rootLike(rest)) out.push([rest, kind]); }
    if (first) {
      if ((m = /^(di|ke|se)(.+)$/.exec(w))) add(m[2], m[1]);
      nasal(w, "me", add);
    } else if (after === "me" || after === "pe" || after === "di") {  // mengetahui, pengetahuan, diketahui
      if ((m = /^ke(.+)$/.exec(w))) add(m[1], "ke");
    }
    nasal(w, "pe", add);
    if ((m = /^(ber|per|ter)(.+)$/.exec(w))) add(m[2], m[1].slice(0, 2));
    if ((m = /^(be|pe|te)(r[aeiou].*)$/.exec(w))) add(m[2], m[1]);            // be+ragam, te+rambah
    if ((m = /^(be|pe|te)([^aeiourl]er.*)$/.exec(w))) add(m[2], m[1]);        // be+kerja, pe+kerja
    if ((m = /^(bel|pel)(ajar.*)$/.exec(w))) add(m[2], m[1].slice(0, 2));
    if ((m = /^pe([^aeiourwylmn][aeiou].*)$/.exec(w))) add(m[1], "pe");       // pe+tani, pe+dagang
    return out;
  }

  /* Readings of up to three prefixes, each [rest, first prefix]; the same prefix never twice. */
  function prefixes(w) {
    var out = [];
    function walk(s, kinds) {
      prefixOnce(s, kinds.length === 0, kinds[kinds.length - 1]).forEach(function (r) {
        if (kinds.indexOf(r[1]) >= 0) return;
        var next = kinds.concat([r[1]]);
        if (next.length < 3) walk(r[0], next);
        out.push([r[0], next[0]]);
      });
    }
    walk(w, []);
    return out;
  }

  /* The word with and without a derivational suffix, where its first prefix allows one (no be-i,
   * di-an, ke-i but ketahui, ke-kan, me-an, se-i, se-kan, te-an). -i after s is tried last
   * (informasi is whole, fasilitasi is fasilitas + i): the votes decide. */
  function suffixes(s, kind, whole) {
    var out = [], m;
    var i = kind !== "be" && kind !== "se" && (kind !== "ke" || whole === "ketahui");
    if ((m = /^(.+)kan$/.exec(s)) && kind !== "ke" && kind !== "se" && rootLike(m[1])) out.push(m[1]);
    if ((m = /^(.+)an$/.exec(s)) && kind !== "di" && kind !== "me" && kind !== "te" && rootLike(m[1])) out.push(m[1]);
    if ((m = /^(.+[^s])i$/.exec(s)) && i && rootLike(m[1])) out.push(m[1]);
    out.push(s);
    if ((m = /^(.+s)i$/.exec(s)) && i && rootLike(m[1])) out.push(m[1]);
    return out;
  }

  /* Every way to read a word as root + affixes, the most stripped first. Particles (-lah -kah
   * -tah -pun) and possessives (-ku -mu -nya) are optional too: bertanya is not berta + nya. */
  var READINGS = new Map();
  function readings(word) {
    var known = READINGS.get(word);
    if (known) return known;
    var bases = [word], out = [], m;
    if ((m = /^(.+)(lah|kah|tah|pun)$/.exec(word)) && m[1].length >= 4 && rootLike(m[1])) bases.unshift(m[1]);
    bases.slice().forEach(function (b) {
      if ((m = /^(.+)(ku|mu|nya)$/.exec(b)) && m[1].length >= 4 && rootLike(m[1])) bases.unshift(m[1]);
    });
    bases.forEach(function (w) {
      prefixes(w).concat([[w, ""]]).forEach(function (r) {
        suffixes(r[0], r[1], w).forEach(function (root) { if (out.indexOf(root) < 0) out.push(root); });
      });
    });
    READINGS.set(word, out);
    return out;
  }

  /* How many of the site's words each reading could be the root of: the site votes. */
  var VOTES = new Map();
  VOCABULARY.forEach(function (w) {
    if (w.length < 4) { VOTES.set(w, (VOTES.get(w) || 0) + 1); return; }  // a short root votes for itself
    readings(w).forEach(function (r) { VOTES.set(r, (VOTES.get(r) || 0) + 1); });
  });
  READINGS.clear();  // only needed again for the few words that are roots of others

  /* The roots of a word: the readings with the most votes, all of them in a tie (so pages and
   * queries meet even when the site cannot tell ajar from kajar), the site's own words first
   * (percaya before per+caya), then the most stripped. A root is matched as a whole word, never
   * as a prefix, so a tied short reading (pe+san) finds nothing it should not. Remembered per
   * word: the browser stems every token of every page while it builds the index. */
  var ROOTS = new Map();
  function roots(word) {
    var w = word.toLowerCase(), known = ROOTS.get(w);
    if (known) return known;
    var out;
    if (w.indexOf("-") > 0) out = reduplicated(w);
    else if (w.length < 4 || /[^a-z]/.test(w)) out = [w];
    else {
      var all = readings(w), most = 0;
      all.forEach(function (r) { most = Math.max(most, VOTES.get(r) || 0); });
      out = most === 0 ? [all[0]] : all.filter(function (r) { return (VOTES.get(r) || 0) === most; });
      out = out.filter(function (r) { return VOCABULARY.has(r); })
        .concat(out.filter(function (r) { return !VOCABULARY.has(r); }));
    }
    ROOTS.set(w, out);
    return out;
  }

  /* buku-buku, memijit-mijit, sebaik-baiknya, bermain-main: the part that carries the affixes
   * is read; a repeated root alone adds nothing. */
  function reduplicated(w) {
    var parts = w.split("-").filter(Boolean);
    var longest = parts.reduce(function (a, b) { return b.length > a.length ? b : a; }, "");
    var first = parts[0] || w;
    return roots(first.length >= longest.length - 3 ? first : longest);
  }

  function stem(word) { return roots(word)[0]; }

  var STOP = new Set(STOP_WORDS.filter(function (w) {  // a stop word that is the root of another word
    return !((VOTES.get(w) || 0) > (VOCABULARY.has(w) ? 1 : 0));  // on the site (baik: perbaikan) is content
  }));

  /* A closed compound: two of the site's content words of four letters or more (kerjasama). */
  var COMPOUNDS = new Map();
  function compound(w) {
    if (COMPOUNDS.has(w)) return COMPOUNDS.get(w);
    var out = null;
    for (var i = 4; w.length >= 8 && i <= w.length - 4 && !out; i++) {
      var a = w.slice(0, i), b = w.slice(i);
      if (VOCABULARY.has(a) && VOCABULARY.has(b) && !STOP.has(a) && !STOP.has(b)) out = [a, b];
    }
    COMPOUNDS.set(w, out);
    return out;
  }

  /* Synonym groups: each single word (and its roots) and each phrase points to the group's key. */
  var SINGLE = new Map(), PHRASES = [];
  GROUPS.forEach(function (group, n) {
    group.forEach(function (member) {
      var words = member.toLowerCase().split(/[\s-]+/).filter(Boolean);
      if (words.length === 1) SINGLE.set(words[0], "_syn" + n);
      else PHRASES.push({words: words, key: "_syn" + n});
    });
  });
  function groupOf(word) {
    if (SINGLE.has(word)) return SINGLE.get(word);
    var rs = roots(word);
    for (var i = 0; i < rs.length; i++) if (SINGLE.has(rs[i])) return SINGLE.get(rs[i]);
    return null;
  }
  function phraseAt(words, j) {  // the group key of a phrase starting at words[j], if any
    for (var p = 0; p < PHRASES.length; p++) {
      var ws = PHRASES[p].words, k = 0;
      while (k < ws.length && words[j + k] === ws[k]) k++;
      if (k === ws.length) return PHRASES[p];
    }
    return null;
  }

  function bare(s) { return s.charAt(s.length - 1) === "*" ? s.slice(0, -1) : s; }

  lunr.id = function () {
    this.pipeline.reset();
    this.pipeline.add(lunr.id.trimmer, lunr.id.stopWordFilter, lunr.id.stemmer);
    if (this.searchPipeline) {
      this.searchPipeline.reset();
      this.searchPipeline.add(lunr.id.trimmer, lunr.id.queryStemmer);
    }
  };
  /* Punctuation off both ends; a trailing "*" (Material's prefix search) stays. */
  lunr.id.trimmer = function (token) {
    return token.update(function (s) { return s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}*]+$/gu, ""); });
  };
  /* Pages keep their stop words: a query made only of stop words searches them (see query below). */
  lunr.id.stopWordFilter = function (token) { return token; };
  lunr.id.isStopWord = function (word) { return STOP.has(bare(word)); };

  /* Pages: the roots, the word as written, the parts of a closed compound, synonym keys; the
   * second half of memijit-mijit takes the roots of the first. */
  lunr.id.stemmer = function (token, i, tokens) {
    var word = token.toString(), prev = i > 0 ? String(tokens[i - 1]) : "", terms = [];
    var rs = prev.length > word.length && prev.slice(-word.length) === word && word.length >= 3 ? roots(prev)
      : roots(word);
    rs.forEach(function (r) { if (r !== word) terms.push(r); });
    var parts = compound(word) || [];
    parts.forEach(function (p) { if (terms.indexOf(p) < 0) terms.push(p); });
    var key = groupOf(word);
    if (key) terms.push(key);
    if (tokens && PHRASES.length) {
      var phrase = phraseAt(tokens.map(String), i);
      if (phrase && phrase.key !== key) terms.push(phrase.key);
    }
    if (!terms.length) return token;
    return terms.map(function (t) { return token.clone(function () { return t; }); }).concat([token]);
  };
  /* Queries: the roots (whole words) and the word as typed (with Material's "*"). */
  lunr.id.queryStemmer = function (token) {
    var s = token.toString(), word = bare(s);
    var out = roots(word).filter(function (r) { return r !== word; }).map(function (r) {
      return token.clone(function () { return r; });
    });
    return out.length ? out.concat([token]) : token;
  };
  lunr.Pipeline.registerFunction(lunr.id.trimmer, "trimmer-id");
  lunr.Pipeline.registerFunction(lunr.id.stopWordFilter, "stopWordFilter-id");
  lunr.Pipeline.registerFunction(lunr.id.stemmer, "stemmer-id");
  lunr.Pipeline.registerFunction(lunr.id.queryStemmer, "queryStemmer-id");
  lunr.id.stem = stem;
  lunr.id.roots = roots;
  lunr.id.compound = compound;

  /* Material appends "*" to every word typed, and lunr's query parser then skips the search
   * pipeline for that word, so "melayani*" would never meet the root "layan". */
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (c) {
    if (c && typeof c.term === "string" && c.term.indexOf("*") >= 0) c.usePipeline = true;
    return clause.call(this, c);
  };

  /* Edits one letter away from a word (drop, swap, change, add), for "did you mean". */
  function oneEdit(w) {
    var out = [], abc = "abcdefghijklmnopqrstuvwxyz";
    for (var i = 0; i <= w.length; i++) {
      if (i < w.length) out.push(w.slice(0, i) + w.slice(i + 1));
      if (i < w.length - 1) out.push(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
      for (var c = 0; c < 26; c++) {
        if (i < w.length) out.push(w.slice(0, i) + abc[c] + w.slice(i + 1));
        out.push(w.slice(0, i) + abc[c] + w.slice(i));
      }
    }
    return out;
  }
  lunr.id.correct = function (word) {  // the site's word of 5+ letters one edit away, most votes first
    var best = null, most = -1;
    if (word.length < 4 || /[^a-z]/.test(word)) return null;
    oneEdit(word).forEach(function (c) {
      if (c.length < 5 || c === word || !VOCABULARY.has(c)) return;
      var votes = VOTES.get(stem(c)) || 0;
      if (votes > most || (votes === most && c < best)) { best = c; most = votes; }
    });
    return best;
  };

  /* The index answers every query through here: stop words go only when a content word is typed
   * beside them; synonyms, phrases and closed compounds add clauses; a word the index lacks is
   * tried one edit away. What each typed word matched through is kept to tidy Material's results. */
  var TERMS = new WeakMap(), PENDING = null, FAMILY = null;
  function known(index, term) {  // an index term equal to term, or starting with it if term ends in "*"
    if (!TERMS.has(index)) TERMS.set(index, Object.keys(index.invertedIndex).sort());
    var all = TERMS.get(index), t = bare(term), lo = 0, hi = all.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (all[mid] < t) lo = mid + 1; else hi = mid; }
    return lo < all.length && (all[lo] === t || (term !== t && all[lo].indexOf(t) === 0));
  }
  function extra(query, c, term, presence) {
    query.clause({term: term, fields: c.fields, boost: c.boost, usePipeline: false,
      wildcard: lunr.Query.wildcard.NONE, presence: presence || lunr.Query.presence.OPTIONAL});
  }
  function rewrite(query, index) {
    var typed = query.clauses.slice(), words = typed.map(function (c) { return bare(c.term); });
    var content = words.some(function (w) { return !STOP.has(w); });
    var seen = {found: [], dropped: [], notes: [], matched: new Map()};
    query.clauses = [];
    typed.forEach(function (c, j) {
      var w = words[j];
      if (content && STOP.has(w) && c.presence !== lunr.Query.presence.REQUIRED) { seen.dropped.push(w); return; }
      query.clauses.push(c);
      var through = roots(w).concat([w]), key = groupOf(w), phrase = phraseAt(words, j), parts = compound(w);
      if (key) { extra(query, c, key); through.push(key); }
      if (phrase) extra(query, c, phrase.key);
      if (parts) parts.forEach(function (p) { extra(query, c, p, lunr.Query.presence.REQUIRED); });
      if (!key && !parts && !through.some(function (t) { return known(index, t === w ? c.term : t); })) {
        var fix = lunr.id.correct(w);
        if (fix) {
          c.term = fix + c.term.slice(w.length);
          through = roots(fix).concat([fix]);
          seen.notes.push(fix);
        }
      }
      seen.found.push({word: w, through: through});
    });
    return seen;
  }
  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (fn) {
    var index = this, seen = null;
    var results = query.call(this, function (q) { fn.call(q, q); seen = rewrite(q, index); });
    results.forEach(function (result) {
      var metadata = result.matchData.metadata, keys = Object.keys(metadata);
      seen.found.forEach(function (f) {  // matched through a root: Material must not call it missing
        var hit = keys.some(function (k) { return k.indexOf(f.word) === 0; });
        if (!hit && keys.some(function (k) { return f.through.indexOf(k) >= 0; })) metadata[f.word] = {};
      });
      seen.matched.set(result.ref, keys);
    });
    if (!PENDING) PENDING = seen;  // the first query of a search is the user's; Material may ask again
    lunr.id.last = seen;
    return results;
  };

  /* Every word of the site by each of its roots, for highlighting every form matched. */
  function family(root) {
    if (!FAMILY) {
      FAMILY = new Map();
      VOCABULARY.forEach(function (w) {
        roots(w).forEach(function (r) { if (!FAMILY.has(r)) FAMILY.set(r, []); FAMILY.get(r).push(w); });
      });
    }
    return FAMILY.get(root) || [];
  }
  /* Material's answer, before it leaves the worker: no "Tidak ada" for a word dropped as a stop
   * word or matched through its root; the on-page highlight gets every form of the matched roots;
   * a corrected word is offered first as "Maksud Anda: ...". */
  lunr.id.tidy = function (items, seen) {
    items.forEach(function (group) {
      group.forEach(function (doc) {
        if (!doc.terms) return;
        var terms = {}, forms = [];
        Object.keys(doc.terms).forEach(function (t) {
          if (!doc.terms[t] && seen.dropped.indexOf(t) < 0) terms[t] = false;
          else if (doc.terms[t]) forms.push(t);
        });
        (seen.matched.get(doc.location) || []).forEach(function (k) {
          if (k.charAt(0) !== "_") forms.push.apply(forms, [k].concat(family(k)));
        });
        forms.filter(function (f, n) { return forms.indexOf(f) === n; })
          .sort(function (a, b) { return b.length - a.length; }).forEach(function (f) { terms[f] = true; });
        doc.terms = terms;
      });
    });
    if (seen.notes.length) {
      var fixed = seen.found.map(function (f) { return f.through[f.through.length - 1]; }).join(" ");
      items.unshift([{location: "?q=" + encodeURIComponent(fixed), title: TEXT.didYouMean + ": " + fixed,
        text: "", score: 0, terms: {}}]);
    }
    return items;
  };
  if (typeof document === "undefined" && typeof self.postMessage === "function") {  // in the search worker
    var post = self.postMessage;
    self.postMessage = function (message) {
      if (message && message.type === 3 && message.data && message.data.items && PENDING) {
        lunr.id.tidy(message.data.items, PENDING);
      }
      PENDING = null;
      return post.apply(self, arguments);
    };
  }
})();
