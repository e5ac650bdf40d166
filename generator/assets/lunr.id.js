/* Belajar ASN: Indonesian for Material's built-in search (lunr), both for the pages indexed
 * and for the words typed in the search box, so the two always agree.
 *
 * The stemmer strips Indonesian affixes by rule: particles (-lah -kah -tah -pun), possessives
 * (-ku -mu -nya), one derivational suffix (-kan -an -i, not in the combinations the language
 * does not form: di-/me-/te- with -an, be-/ke- with -i, ke- with -kan) and up to two
 * prefixes (di- ke- ter- ber- per- and meN-/peN- with their sound changes). A word can often be
 * read more than one way (meng+irim or meng+kirim? pe+rencana+an or per+encana+an? selesai or
 * selesa+i?); the site's own vocabulary, gathered at build time, decides: each reading gets a
 * vote from every word on the site it could be the root of, and the readings with most votes
 * are indexed (a tie keeps them all). Pages and queries use the same votes, so they agree.
 *
 * Every word is indexed twice, as its root and as written, so a page with the exact word ranks
 * above one that only shares the root. Numbers and words with digits are left alone.
 */
(function () {
  "use strict";
  var lunr = self.lunr;
  var VOCABULARY = new Set("__VOCABULARY__".split(" "));  // filled in by the build: the site's words
  var STOP = new Set(("ada adalah agar akan aku anda antara apa apabila atau bagi bahwa baik bila bisa boleh " +
    "dalam dan dapat dari demikian dengan di dia harus hingga ia ialah ini itu jika juga ka kali kalau kami " +
    "kamu karena ke kepada ketika kita lagi lain maka masih mereka nya oleh pada para per saat saja sama " +
    "sambil sangat saya se sebagai sebelum secara sedang sehingga sekali selama semua seperti serta sesudah " +
    "setelah sudah supaya tanpa tapi telah tentang terhadap tetapi tidak untuk walau yaitu yakni yang").split(" "));
  var VOWEL = /[aeiou]/;

  function rootLike(s) { return s.length >= 3 && VOWEL.test(s); }

  /* Readings of a word's prefixes: [rest, kind of the first prefix], most stripped first. */
  function prefixes(w, depth) {
    var out = [], m;
    function add(rest, kind) {
      if (!rootLike(rest)) return;
      if (depth === 0) prefixes(rest, 1).forEach(function (r) { out.push([r[0], kind]); });
      out.push([rest, kind]);
    }
    if (depth === 0) {
      if (/^di/.test(w)) add(w.slice(2), "di");
      if (/^ke/.test(w)) add(w.slice(2), "ke");
      if (/^ter/.test(w)) add(w.slice(3), "te");
      if ((m = /^(me|pe)ng([aeiou].*)$/.exec(w))) { add(m[2], m[1]); add("k" + m[2], m[1]); }
      else if ((m = /^(me|pe)ng([gkh].*)$/.exec(w))) add(m[2], m[1]);
      else if ((m = /^(me|pe)ny([aeiou].*)$/.exec(w))) add("s" + m[2], m[1]);
      else if ((m = /^(me|pe)m([bfvp].*)$/.exec(w))) add(m[2], m[1]);
      else if ((m = /^(me|pe)m([aeiou].*)$/.exec(w))) { add("p" + m[2], m[1]); add("m" + m[2], m[1]); }
      else if ((m = /^(me|pe)n([cdjzst].*)$/.exec(w))) add(m[2], m[1]);
      else if ((m = /^(me|pe)n([aeiou].*)$/.exec(w))) { add("t" + m[2], m[1]); add("n" + m[2], m[1]); }
      else if ((m = /^(me|pe)([lwymn].*|r[aeiou].*)$/.exec(w))) add(m[2], m[1]);
    }
    if ((m = /^(ber|per)(.*)$/.exec(w))) add(m[2], m[1].slice(0, 2));
    if ((m = /^(be|pe)([^aeiou]er.*)$/.exec(w))) add(m[2], m[1]);
    if ((m = /^(bel|pel)(ajar.*)$/.exec(w))) add(m[2], m[1].slice(0, 2));
    return out;
  }

  /* The word with and without a derivational suffix, where the prefix allows one: stripped first.
   * -i after s is tried last (informasi is whole, fasilitasi is fasilitas + i): the votes decide. */
  function suffixes(s, kind) {
    var out = [], m;
    if ((m = /^(.+)kan$/.exec(s)) && kind !== "ke" && rootLike(m[1])) out.push(m[1]);
    if ((m = /^(.+)an$/.exec(s)) && kind !== "di" && kind !== "me" && kind !== "te" && rootLike(m[1])) out.push(m[1]);
    if ((m = /^(.+[^s])i$/.exec(s)) && kind !== "be" && kind !== "ke" && rootLike(m[1])) out.push(m[1]);
    out.push(s);
    if ((m = /^(.+s)i$/.exec(s)) && kind !== "be" && kind !== "ke" && rootLike(m[1])) out.push(m[1]);
    return out;
  }

  /* Every way to read a word as root + affixes, the most stripped first. Particles (-lah -kah
   * -tah -pun) and possessives (-ku -mu -nya) are optional too: bertanya is not berta + nya. */
  function readings(word) {
    var bases = [word], out = [], m;
    if ((m = /^(.+)(lah|kah|tah|pun)$/.exec(word)) && m[1].length >= 4 && rootLike(m[1])) bases.unshift(m[1]);
    bases.slice().forEach(function (b) {
      if ((m = /^(.+)(ku|mu|nya)$/.exec(b)) && m[1].length >= 4 && rootLike(m[1])) bases.unshift(m[1]);
    });
    bases.forEach(function (w) {
      prefixes(w, 0).concat([[w, ""]]).forEach(function (r) {
        suffixes(r[0], r[1]).forEach(function (root) { if (out.indexOf(root) < 0) out.push(root); });
      });
    });
    return out;
  }

  /* How many of the site's words each reading could be the root of: the site votes. */
  var VOTES = new Map();
  VOCABULARY.forEach(function (w) {
    if (w.length < 4) return;
    readings(w).forEach(function (r) { VOTES.set(r, (VOTES.get(r) || 0) + 1); });
  });

  /* The roots of a word: every reading with the most votes (a tie keeps them all, so pages and
   * queries meet even when the site cannot tell ajar from kajar), the most stripped first. */
  function roots(word) {
    var w = word.toLowerCase();
    if (w.length < 4 || /[^a-z]/.test(w)) return [w];
    var all = readings(w), most = 0;
    all.forEach(function (r) { most = Math.max(most, VOTES.get(r) || 0); });
    if (most === 0) return [all[0]];
    return all.filter(function (r) { return (VOTES.get(r) || 0) === most; });
  }

  function stem(word) { return roots(word)[0]; }

  function bare(s) { return s.charAt(s.length - 1) === "*" ? s.slice(0, -1) : s; }

  lunr.id = function () {
    this.pipeline.reset();
    this.pipeline.add(lunr.id.trimmer, lunr.id.stopWordFilter, lunr.id.stemmer);
    if (this.searchPipeline) {
      this.searchPipeline.reset();
      this.searchPipeline.add(lunr.id.trimmer, lunr.id.stopWordFilter, lunr.id.stemmer);
    }
  };
  /* Punctuation off both ends; a trailing "*" (Material's prefix search) stays. */
  lunr.id.trimmer = function (token) {
    return token.update(function (s) { return s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}*]+$/gu, ""); });
  };
  lunr.id.stopWordFilter = function (token) { return STOP.has(bare(token.toString())) ? undefined : token; };
  lunr.id.stemmer = function (token) {
    var s = token.toString(), word = bare(s), star = s.slice(word.length);
    var out = roots(word).filter(function (r) { return r !== word; }).map(function (r) {
      return token.clone(function () { return r + star; });
    });
    return out.length ? out.concat([token]) : token;
  };
  lunr.Pipeline.registerFunction(lunr.id.trimmer, "trimmer-id");
  lunr.Pipeline.registerFunction(lunr.id.stopWordFilter, "stopWordFilter-id");
  lunr.Pipeline.registerFunction(lunr.id.stemmer, "stemmer-id");
  lunr.id.stem = stem;

  /* The query-side hook: Material appends "*" to every word typed, and lunr's query parser then
   * skips the search pipeline for that word, so "melayani*" would never meet the root "layan".
   * Every clause goes through the pipeline here; the trimmer and stemmer keep the "*". */
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (c) {
    if (c && typeof c.term === "string" && c.term.indexOf("*") >= 0) c.usePipeline = true;
    return clause.call(this, c);
  };
})();
