/* Belajar ASN: the Indonesian stemmer's rules, for the search box (lms-search.js). The reference
 * is generator/stemmer.py: the build stems every word of the site with it and writes each word's
 * roots into the index, so the browser only reads a word it has never seen (a query word that is
 * on no page) with these rules, and tests check that both sides agree on the same word lists.
 * docs/search.md explains the rules and their sources (Nazief-Adriani confix stripping with the
 * Arifin-Setiono, Adriani et al., Enhanced Confix Stripping and modified-ECS refinements).
 *
 * A word can often be read more than one way (meng+irim or meng+kirim?); where the papers look a
 * reading up in a root-word dictionary, the site's own words decide: each reading gets a vote from
 * every site word it could be the root of (votes are written into the index by the build).
 * A plain script: it runs in pages opened from file://, in Node (tests) and in a worker alike.
 */
(function (scope) {
  "use strict";
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
    if (READINGS.size > 5000) READINGS.clear();
    READINGS.set(word, out);
    return out;
  }

  /* The roots of a word: the readings with the most votes, all of them in a tie (so pages and
   * queries meet even when the site cannot tell ajar from kajar), the site's own words first
   * (percaya before per+caya), then the most stripped. votes(reading) and isWord(reading) are
   * the site's: the whole vocabulary in tests, the index's shards in the browser. */
  function roots(word, votes, isWord) {
    var w = word.toLowerCase();
    if (w.indexOf("-") > 0) return reduplicated(w, votes, isWord);
    if (w.length < 4 || /[^a-z]/.test(w)) return [w];
    var all = readings(w), most = 0;
    all.forEach(function (r) { most = Math.max(most, votes(r)); });
    var out = most === 0 ? [all[0]] : all.filter(function (r) { return votes(r) === most; });
    return out.filter(isWord).concat(out.filter(function (r) { return !isWord(r); }));
  }

  /* buku-buku, memijit-mijit, sebaik-baiknya, bermain-main: the part that carries the affixes
   * is read; a repeated root alone adds nothing. */
  function reduplicated(w, votes, isWord) {
    var parts = w.split("-").filter(Boolean);
    var longest = parts.reduce(function (a, b) { return b.length > a.length ? b : a; }, "");
    var first = parts[0] || w;
    return roots(first.length >= longest.length - 3 ? first : longest, votes, isWord);
  }

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

  /* The votes of a whole vocabulary (tests): how many of the words each reading could be the root of. */
  function votesOf(words) {
    var votes = new Map();
    words.forEach(function (w) {
      if (w.length < 4) { votes.set(w, (votes.get(w) || 0) + 1); return; }  // a short root votes for itself
      readings(w).forEach(function (r) { votes.set(r, (votes.get(r) || 0) + 1); });
    });
    return votes;
  }

  scope.LmsStem = {STOP_WORDS: STOP_WORDS, rootLike: rootLike, readings: readings, roots: roots,
                   oneEdit: oneEdit, votesOf: votesOf};
})(typeof self !== "undefined" ? self : globalThis);
