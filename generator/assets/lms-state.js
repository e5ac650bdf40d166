/* Belajar ASN: the learner's state, kept in this browser only (localStorage).
 *
 * This file is the only code that reads or writes the state. Format, version 1:
 *
 *   localStorage["belajar-asn:v1:" + site] = {
 *     "version": 1,
 *     "quizzes": {
 *       "<course>/<module>#<quiz hash>": {
 *         "attempts": 3,                      // checked attempts
 *         "best": 85,                         // best score, percent 0-100
 *         "last": 70,                         // score of the latest attempt
 *         "lastAt": "2026-11-29T10:15:00Z",   // when the latest attempt was checked
 *         "passedAt": "2026-11-29T10:00:00Z", // first time the pass mark was reached, or null
 *         "jp": 2                             // the module's JP when it was passed (optional)
 *       }
 *     },
 *     "done": {                               // modules without a quiz, marked done (optional)
 *       "<course>/<module>": {"at": "2026-11-29T10:00:00Z", "jp": 1}
 *     },
 *     "learner": {"name": "...", "nip": "..."} // typed on the completion record (optional)
 *   }
 *
 * "site" is the site's root path, so two sites on one host keep separate state. The quiz
 * hash changes when a trainer edits the quiz, so stale results are never shown for it.
 * Later versions add keys; a reader ignores keys it does not know. An export is the same
 * object with "app": "belajar-asn" and "exportedAt" added.
 */
(function () {
  "use strict";
  var VERSION = 1, APP = "belajar-asn";
  var ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

  /* The folder of the site's home page (the logo links to its index.html). */
  function siteRoot() {
    var logo = document.querySelector("[data-md-component=logo]");
    return new URL("./", new URL(logo ? logo.getAttribute("href") : "./", location.href));
  }

  function storageKey() { return APP + ":v" + VERSION + ":" + siteRoot().pathname; }

  function empty() { return { version: VERSION, quizzes: {}, done: {}, learner: { name: "", nip: "" } }; }

  function load() {
    var data = null;
    try { data = JSON.parse(localStorage.getItem(storageKey()) || "null"); } catch (e) { data = null; }
    var out = empty();
    if (data && data.version === VERSION && isObject(data.quizzes)) {
      out.quizzes = data.quizzes;
      if (isObject(data.done)) out.done = data.done;
      if (isObject(data.learner)) out.learner = { name: text(data.learner.name), nip: text(data.learner.nip) };
    }
    return out;
  }

  function save(data) {
    var ok = true;
    try { localStorage.setItem(storageKey(), JSON.stringify(data)); } catch (e) { ok = false; }
    document.dispatchEvent(new CustomEvent("lms:state"));
    return ok;
  }

  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function text(x) { return typeof x === "string" ? x.slice(0, 200) : ""; }
  function earlier(a, b) { return !a ? b : !b ? a : (a < b ? a : b); }

  /* A quiz record or done mark from a file: the right shape, or null. */
  function validQuiz(r) {
    if (!isObject(r)) return false;
    var pct = function (n) { return typeof n === "number" && n >= 0 && n <= 100; };
    var when = function (d) { return d === null || (typeof d === "string" && ISO.test(d)); };
    return typeof r.attempts === "number" && r.attempts >= 0 && pct(r.best) && pct(r.last) &&
      when(r.lastAt) && when(r.passedAt) && (r.jp === undefined || (typeof r.jp === "number" && r.jp > 0));
  }
  function validDone(d) {
    return isObject(d) && typeof d.at === "string" && ISO.test(d.at) &&
      (d.jp === undefined || (typeof d.jp === "number" && d.jp > 0));
  }
  var KEY = /^[a-z0-9-]+\/[a-z0-9-]+(#[0-9a-f]+)?$/;

  /* Check a file's text; return {data} or {error: "json" | "foreign" | "newer" | "malformed"}. */
  function parse(textValue) {
    var data;
    try { data = JSON.parse(textValue); } catch (e) { return { error: "json" }; }
    if (!isObject(data) || data.app !== APP) return { error: "foreign" };
    if (typeof data.version !== "number" || data.version > VERSION) return { error: "newer" };
    if (data.version !== VERSION || !isObject(data.quizzes)) return { error: "malformed" };
    var quizzes = Object.keys(data.quizzes), done = isObject(data.done) ? Object.keys(data.done) : [];
    if (data.done !== undefined && !isObject(data.done)) return { error: "malformed" };
    if (!quizzes.every(function (k) { return KEY.test(k) && k.indexOf("#") > 0 && validQuiz(data.quizzes[k]); }) ||
        !done.every(function (k) { return KEY.test(k) && k.indexOf("#") < 0 && validDone(data.done[k]); })) {
      return { error: "malformed" };
    }
    return { data: data };
  }

  /* Merge imported records into the current ones: best score and earliest pass win. */
  function merge(into, from) {
    Object.keys(from.quizzes).forEach(function (k) {
      var a = into.quizzes[k], b = from.quizzes[k];
      if (!a) { into.quizzes[k] = b; return; }
      var later = (b.lastAt || "") > (a.lastAt || "") ? b : a;
      into.quizzes[k] = {
        attempts: Math.max(a.attempts, b.attempts), best: Math.max(a.best, b.best),
        last: later.last, lastAt: later.lastAt, passedAt: earlier(a.passedAt, b.passedAt), jp: a.jp || b.jp
      };
    });
    Object.keys(from.done || {}).forEach(function (k) {
      var a = into.done[k], b = from.done[k];
      into.done[k] = !a ? b : { at: earlier(a.at, b.at), jp: a.jp || b.jp };
    });
    if (isObject(from.learner)) {
      into.learner.name = into.learner.name || text(from.learner.name);
      into.learner.nip = into.learner.nip || text(from.learner.nip);
    }
    return into;
  }

  window.LmsState = {
    version: VERSION,
    /** The URL of the site's home, where catalogue paths start. */
    root: siteRoot,
    /** The stored record of one quiz, or null. */
    quiz: function (key) { return load().quizzes[key] || null; },
    /** Record one checked attempt; returns the updated record. */
    recordAttempt: function (key, score, passed, now, jp) {
      var data = load();
      var at = (now || new Date()).toISOString();
      var rec = data.quizzes[key] || { attempts: 0, best: 0, last: 0, lastAt: null, passedAt: null };
      rec.attempts += 1;
      rec.best = Math.max(rec.best, score);
      rec.last = score;
      rec.lastAt = at;
      if (passed && !rec.passedAt) { rec.passedAt = at; if (jp) rec.jp = jp; }
      data.quizzes[key] = rec;
      save(data);
      return rec;
    },
    /** Forget one quiz. */
    resetQuiz: function (key) {
      var data = load();
      delete data.quizzes[key];
      save(data);
    },
    /** Mark a module without a quiz as done (or not). */
    markDone: function (key, done, jp, now) {
      var data = load();
      if (done) data.done[key] = data.done[key] || { at: (now || new Date()).toISOString(), jp: jp || undefined };
      else delete data.done[key];
      save(data);
    },
    /** The name and NIP typed on a completion record. */
    setLearner: function (name, nip) {
      var data = load();
      data.learner = { name: text(name), nip: text(nip) };
      save(data);
    },
    /** The whole state (for the progress page). */
    all: load,
    /** The state as a file's text. */
    exportJson: function (now) {
      var data = load();
      var out = { app: APP, version: VERSION, exportedAt: (now || new Date()).toISOString(),
                  site: siteRoot().href, quizzes: data.quizzes, done: data.done, learner: data.learner };
      return JSON.stringify(out, null, 2);
    },
    /** Merge a file's text into the state; on any error nothing changes. Returns {ok} or {error}. */
    importJson: function (textValue) {
      var found = parse(textValue);
      if (found.error) return found;
      save(merge(load(), found.data));
      return { ok: true, count: Object.keys(found.data.quizzes).length + Object.keys(found.data.done || {}).length };
    },
    /** Forget everything this site stored. */
    resetAll: function () {
      try { localStorage.removeItem(storageKey()); } catch (e) { /* nothing stored */ }
      document.dispatchEvent(new CustomEvent("lms:state"));
    }
  };
})();
