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
 *         "passedAt": "2026-11-29T10:00:00Z"  // first time the pass mark was reached, or null
 *       }
 *     }
 *   }
 *
 * "site" is the site's root path, so two sites on one host keep separate state. The quiz
 * hash changes when a trainer edits the quiz, so stale results are never shown for it.
 * Later versions add keys; a reader ignores keys it does not know.
 */
(function () {
  "use strict";
  var VERSION = 1;

  function storageKey() {
    var root = document.querySelector("[data-md-component=logo]");
    var site = root ? new URL(root.getAttribute("href"), location.href).pathname : "/";
    return "belajar-asn:v" + VERSION + ":" + site;
  }

  function load() {
    try {
      var data = JSON.parse(localStorage.getItem(storageKey()) || "null");
      if (data && data.version === VERSION && data.quizzes && typeof data.quizzes === "object") return data;
    } catch (e) { /* unreadable or private mode: start empty */ }
    return { version: VERSION, quizzes: {} };
  }

  function save(data) {
    try { localStorage.setItem(storageKey(), JSON.stringify(data)); return true; } catch (e) { return false; }
  }

  window.LmsState = {
    version: VERSION,
    /** The stored record of one quiz, or null. */
    quiz: function (key) { return load().quizzes[key] || null; },
    /** Record one checked attempt; returns the updated record. */
    recordAttempt: function (key, score, passed, now) {
      var data = load();
      var at = (now || new Date()).toISOString();
      var rec = data.quizzes[key] || { attempts: 0, best: 0, last: 0, lastAt: null, passedAt: null };
      rec.attempts += 1;
      rec.best = Math.max(rec.best, score);
      rec.last = score;
      rec.lastAt = at;
      if (passed && !rec.passedAt) rec.passedAt = at;
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
    /** The whole state (for export and the progress page). */
    all: load
  };
})();
