/* Belajar ASN: the learner's state, kept in this browser only (localStorage).
 *
 * This file is the only code that reads or writes the state; its format, the key layout and
 * the rules below are documented in docs/browser.md ("Learner state"). In short, version 1:
 *   {"version": 1, "quizzes": {"<course>/<module>#<hash>": {attempts, best, last, lastAt, passedAt, jp?}},
 *    "done": {"<course>/<module>": {at, jp?}}, "learner": {name, nip}}
 *
 * Every entry is checked when it is read, from storage or from an imported file: a damaged
 * one is skipped (and reported by the progress page) instead of breaking every page. Skipped
 * entries stay in storage untouched until the learner resets or records that module again,
 * so nothing is lost by reading. A write that fails (the storage quota) changes nothing.
 */
(function () {
  "use strict";
  var Lms = window.Lms, DATA = Lms.data, VERSION = DATA.stateVersion, APP = DATA.app;
  var ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;
  var DAY = 24 * 60 * 60 * 1000;
  var lastSaveOk = true;

  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function text(x) { return typeof x === "string" ? x.slice(0, 200) : ""; }
  function earlier(a, b) { return !a ? b : !b ? a : (a < b ? a : b); }
  function empty() { return { version: VERSION, quizzes: {}, done: {}, learner: { name: "", nip: "" } }; }

  /* ---- What a valid entry is -------------------------------------------------------- */

  /* A finite number in [low, high]: 1e308 passes typeof but would show "Infinity" once summed. */
  function number(n, low, high) { return typeof n === "number" && isFinite(n) && n >= low && n <= high; }

  /* An instant that exists: "2026-13-45T99:99:99Z" has the right shape but no calendar day. */
  function realDate(d) {
    var m = typeof d === "string" ? ISO.exec(d) : null;
    if (!m) return false;
    var t = new Date(Date.UTC(2000, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
    t.setUTCFullYear(Number(m[1]));
    return t.getUTCFullYear() === Number(m[1]) && t.getUTCMonth() === Number(m[2]) - 1 &&
      t.getUTCDate() === Number(m[3]) && t.getUTCHours() === Number(m[4]) &&
      t.getUTCMinutes() === Number(m[5]) && t.getUTCSeconds() === Number(m[6]);
  }

  /* rules.latest: the last acceptable time in ms (imports: one day ahead of this clock), or none. */
  function when(d, rules) { return realDate(d) && !(rules.latest && Date.parse(d) > rules.latest); }
  function whenOrNull(d, rules) { return d === null || when(d, rules); }
  function jp(x) { return x === undefined || number(x, 0, DATA.jpMax); }

  function validQuiz(key, r, rules) {
    var parts = Lms.key.parse(key);
    return !!(parts && parts.hash) && isObject(r) && number(r.attempts, 0, 1e9) && r.attempts % 1 === 0 &&
      number(r.best, 0, 100) && number(r.last, 0, 100) && whenOrNull(r.lastAt, rules) &&
      whenOrNull(r.passedAt, rules) && jp(r.jp);
  }
  function validDone(key, d, rules) {
    var parts = Lms.key.parse(key);
    return !!(parts && !parts.hash) && isObject(d) && when(d.at, rules) && jp(d.jp);
  }

  /* Split a group of entries into the valid ones and the skipped ones. */
  function sort(group, valid, rules) {
    var out = { good: {}, bad: {} };
    Object.keys(isObject(group) ? group : {}).forEach(function (k) {
      if (valid(k, group[k], rules)) out.good[k] = group[k]; else out.bad[k] = group[k];
    });
    return out;
  }

  /* Stored or imported data as {state, bad: {quizzes, done}}; state holds valid entries only. */
  function checked(data, rules) {
    var state = empty(), quizzes = sort(data.quizzes, validQuiz, rules), done = sort(data.done, validDone, rules);
    state.quizzes = quizzes.good;
    state.done = done.good;
    if (isObject(data.learner)) state.learner = { name: text(data.learner.name), nip: text(data.learner.nip) };
    return { state: state, bad: { quizzes: quizzes.bad, done: done.bad } };
  }

  /* ---- Storage ------------------------------------------------------------------------ */

  /* What is stored: {state, bad, unreadable}; unreadable when something is there but not state v1. */
  function stored() {
    var textValue = null, data = null;
    try { textValue = localStorage.getItem(Lms.key.storage()); } catch (e) { textValue = null; }
    if (textValue === null) return { state: empty(), bad: { quizzes: {}, done: {} }, unreadable: false };
    try { data = JSON.parse(textValue); } catch (e) { data = null; }
    if (!isObject(data) || data.version !== VERSION) {
      return { state: empty(), bad: { quizzes: {}, done: {} }, unreadable: true };
    }
    var out = checked(data, {});
    out.unreadable = false;
    return out;
  }

  function load() { return stored().state; }

  /* Write state, carrying skipped entries along unless state has a new record under that key.
   * Returns false (and stores nothing) when the browser refuses, e.g. over its quota. */
  function save(state) {
    var bad = stored().bad, out = { version: VERSION, quizzes: {}, done: {}, learner: state.learner };
    ["quizzes", "done"].forEach(function (group) {
      Object.keys(bad[group]).forEach(function (k) { out[group][k] = bad[group][k]; });
      Object.keys(state[group]).forEach(function (k) { out[group][k] = state[group][k]; });
    });
    try {
      localStorage.setItem(Lms.key.storage(), JSON.stringify(out));
      lastSaveOk = true;
    } catch (e) {
      lastSaveOk = false;
      return false;
    }
    document.dispatchEvent(new CustomEvent("lms:state"));
    return true;
  }

  /* ---- Files ------------------------------------------------------------------------- */

  /* Check a file's text; return {data} or {error: "json" | "foreign" | "newer" | "malformed"}.
   * A file is all or nothing: one bad entry refuses the whole file, so an import never half-happens. */
  function parse(textValue, now) {
    var data;
    try { data = JSON.parse(textValue); } catch (e) { return { error: "json" }; }
    if (!isObject(data) || data.app !== APP) return { error: "foreign" };
    if (typeof data.version !== "number" || data.version > VERSION) return { error: "newer" };
    if (data.version !== VERSION || !isObject(data.quizzes)) return { error: "malformed" };
    if (data.done !== undefined && !isObject(data.done)) return { error: "malformed" };
    var found = checked(data, { latest: now.getTime() + DAY });
    if (Object.keys(found.bad.quizzes).length || Object.keys(found.bad.done).length) return { error: "malformed" };
    return { data: found.state };
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
    Object.keys(from.done).forEach(function (k) {
      var a = into.done[k], b = from.done[k];
      into.done[k] = !a ? b : { at: earlier(a.at, b.at), jp: a.jp || b.jp };
    });
    into.learner.name = into.learner.name || from.learner.name;
    into.learner.nip = into.learner.nip || from.learner.nip;
    return into;
  }

  window.LmsState = {
    version: VERSION,
    /** The URL of the site's home, where catalogue paths start. */
    root: Lms.root,
    /** The stored record of one quiz, or null. */
    quiz: function (key) { return load().quizzes[key] || null; },
    /** Record one checked attempt; returns the updated record (see lastSaveOk()). */
    recordAttempt: function (key, score, passed, now, jpValue) {
      var data = load();
      var at = (now || new Date()).toISOString();
      var rec = data.quizzes[key] || { attempts: 0, best: 0, last: 0, lastAt: null, passedAt: null };
      rec.attempts += 1;
      rec.best = Math.max(rec.best, score);
      rec.last = score;
      rec.lastAt = at;
      if (passed && !rec.passedAt) { rec.passedAt = at; if (jpValue) rec.jp = jpValue; }
      data.quizzes[key] = rec;
      save(data);
      return rec;
    },
    /** Forget one quiz. */
    resetQuiz: function (key) {
      var data = load();
      delete data.quizzes[key];
      return save(data);
    },
    /** Mark a module without a quiz as done (or not); false when the browser refused to store it. */
    markDone: function (key, done, jpValue, now) {
      var data = load();
      if (done) data.done[key] = data.done[key] || { at: (now || new Date()).toISOString(), jp: jpValue || undefined };
      else delete data.done[key];
      return save(data);
    },
    /** The name and NIP typed on a completion record. */
    setLearner: function (name, nip) {
      var data = load();
      data.learner = { name: text(name), nip: text(nip) };
      return save(data);
    },
    /** Whether the latest write reached storage (false: over the quota or storage switched off). */
    lastSaveOk: function () { return lastSaveOk; },
    /** The whole state, valid entries only (for the progress page). */
    all: load,
    /** What reading skipped: {keys: [...], unreadable: bool}; the progress page reports it. */
    problems: function () {
      var found = stored();
      return { keys: Object.keys(found.bad.quizzes).concat(Object.keys(found.bad.done)).sort(),
               unreadable: found.unreadable };
    },
    /** The state as a file's text: the valid entries only. */
    exportJson: function (now) {
      var data = load();
      var out = { app: APP, version: VERSION, exportedAt: (now || new Date()).toISOString(),
                  site: Lms.root().href, quizzes: data.quizzes, done: data.done, learner: data.learner };
      return JSON.stringify(out, null, 2);
    },
    /** Merge a file's text into the state; on any error nothing changes. Returns {ok, count} or {error}. */
    importJson: function (textValue, now) {
      var found = parse(textValue, now || new Date());
      if (found.error) return found;
      if (!save(merge(load(), found.data))) return { error: "storage" };
      return { ok: true, count: Object.keys(found.data.quizzes).length + Object.keys(found.data.done).length };
    },
    /** Forget everything this site stored, damaged or not. */
    resetAll: function () {
      try { localStorage.removeItem(Lms.key.storage()); } catch (e) { /* storage switched off: nothing stored */ }
      lastSaveOk = true;
      document.dispatchEvent(new CustomEvent("lms:state"));
    }
  };
})();
