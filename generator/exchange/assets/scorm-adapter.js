/* Belajar ASN: the SCORM 1.2 adapter of an exported course (lms export --format scorm12).
 *
 * It runs in scorm-launch.html, the package's entry point, which shows the course's pages in an
 * iframe: the pages change, this page stays, so LMSInitialize and LMSFinish happen once per
 * session as SCORM 1.2 requires. It finds the LMS's API object in a parent or opener window,
 * restores cmi.suspend_data into the pages' state (window.LmsState.importJson), and on every
 * "lms:state" event reports cmi.core.score.raw (mean of the best quiz scores), lesson_status
 * (passed/failed against the course pass mark once every quiz was tried, else incomplete) and
 * a compact suspend_data, then commits.
 *
 * suspend_data (SCORM 1.2: at most 4096 characters) is {"q": {"<module>#<hash>": [attempts,
 * best, last, lastAt, passedAt, jp]}, "d": {"<module>": [at, jp]}} with times as base-36 epoch
 * seconds. Past 4096 characters only passed quizzes and done marks are kept; past that too the
 * last stored value stays and a console warning says so (score and status are still reported).
 */
(function () {
  "use strict";
  var LIMIT = 4096;
  var config = JSON.parse(document.getElementById("lms-scorm").textContent);
  var api = null, frame = null, restored = false, restoring = false, finished = false;

  function findApi(win) {
    for (var depth = 0; win && depth < 10; depth++) {
      try { if (win.API) return win.API; } catch (e) { return null; }  // a foreign frame: stop looking
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  function get(name) { return String(api.LMSGetValue(name) || ""); }
  function set(name, value) { return api.LMSSetValue(name, String(value)); }

  function toTime(iso) { return iso ? Math.round(Date.parse(iso) / 1000).toString(36) : 0; }
  function fromTime(code) { return code ? new Date(parseInt(code, 36) * 1000).toISOString() : null; }

  /* The course's records in the compact suspend form; passedOnly keeps what completion needs. */
  function compact(state, passedOnly) {
    var out = { q: {}, d: {} }, prefix = config.course + "/";
    Object.keys(state.quizzes).forEach(function (key) {
      var r = state.quizzes[key];
      if (key.indexOf(prefix) !== 0 || (passedOnly && !r.passedAt)) return;
      out.q[key.slice(prefix.length)] = [r.attempts, r.best, r.last, toTime(r.lastAt), toTime(r.passedAt), r.jp || 0];
    });
    Object.keys(state.done || {}).forEach(function (key) {
      if (key.indexOf(prefix) === 0) out.d[key.slice(prefix.length)] = [toTime(state.done[key].at), state.done[key].jp || 0];
    });
    return JSON.stringify(out);
  }

  /* The compact form as the text LmsState.importJson reads (its export format, version 1). */
  function expand(text) {
    var data = JSON.parse(text), out = { app: "belajar-asn", version: 1, quizzes: {}, done: {} };
    var prefix = config.course + "/";
    Object.keys(data.q || {}).forEach(function (key) {
      var r = data.q[key], rec = { attempts: r[0], best: r[1], last: r[2], lastAt: fromTime(r[3]), passedAt: fromTime(r[4]) };
      if (r[5]) rec.jp = r[5];
      out.quizzes[prefix + key] = rec;
    });
    Object.keys(data.d || {}).forEach(function (key) {
      var d = data.d[key], mark = { at: fromTime(d[0]) };
      if (d[1]) mark.jp = d[1];
      out.done[prefix + key] = mark;
    });
    return JSON.stringify(out);
  }

  /* The latest record of a module's quiz (its key ends in a hash of the quiz). */
  function record(state, module) {
    var prefix = config.course + "/" + module + "#", found = null;
    Object.keys(state.quizzes).forEach(function (key) {
      var r = state.quizzes[key];
      if (key.indexOf(prefix) === 0 && (!found || (r.lastAt || "") > (found.lastAt || ""))) found = r;
    });
    return found;
  }

  function status(state) {
    if (!config.quizzes.length) {
      var done = config.modules.every(function (m) { return state.done && state.done[config.course + "/" + m]; });
      return { status: done ? "completed" : "incomplete", score: null };
    }
    var total = 0, tried = 0;
    config.quizzes.forEach(function (m) {
      var r = record(state, m);
      if (r) { total += r.best; tried += 1; }
    });
    var score = tried ? Math.round(total / config.quizzes.length) : null;  // untried quizzes count as 0
    var status = tried < config.quizzes.length ? "incomplete" : score >= config.passMark ? "passed" : "failed";
    return { status: status, score: score };
  }

  function report() {
    var win = frame && frame.contentWindow;
    if (!api || finished || restoring || !win || !win.LmsState) return;
    var state = win.LmsState.all(), now = status(state);
    if (now.score !== null) {
      set("cmi.core.score.min", 0);
      set("cmi.core.score.max", 100);
      set("cmi.core.score.raw", now.score);
    }
    set("cmi.core.lesson_status", now.status);
    var text = compact(state, false);
    if (text.length > LIMIT) text = compact(state, true);
    if (text.length <= LIMIT) set("cmi.suspend_data", text);
    else if (window.console) console.warn("Belajar ASN: progress too large for SCORM suspend_data; not saved");
    set("cmi.core.exit", now.status === "incomplete" ? "suspend" : "");
    api.LMSCommit("");
  }

  /* Put the LMS's record into the pages' state; true when that changed what the pages show. */
  function restore(win) {
    var text = get("cmi.suspend_data"), local = win.LmsState.all();
    var changed = !!text || Object.keys(local.quizzes).length > 0 || Object.keys(local.done || {}).length > 0;
    restored = true;
    if (!changed) return false;
    restoring = true;
    try {
      // The LMS's record is the learner's: another learner's progress in this browser must not count.
      if (typeof win.LmsState.resetAll === "function") win.LmsState.resetAll();
      if (text) win.LmsState.importJson(expand(text));
    } catch (e) {
      if (window.console) console.warn("Belajar ASN: suspend_data could not be read", e);
    }
    restoring = false;
    return true;
  }

  function attach() {
    var win = frame.contentWindow;
    if (!api || !win || !win.LmsState) return;
    if (!restored && restore(win)) { report(); win.location.reload(); return; }  // pages show the restored state
    win.document.addEventListener("lms:state", report);
    win.document.lmsScormReady = true;  // this page's results reach the LMS (tests wait for this)
  }

  function finish() {
    if (!api || finished) return;
    report();
    finished = true;
    api.LMSFinish("");
  }

  function start() {
    frame = document.getElementById("lms-frame");
    api = findApi(window) || (window.opener ? findApi(window.opener) : null);
    if (api && String(api.LMSInitialize("")) !== "true") api = null;
    if (api && get("cmi.core.lesson_status") === "not attempted") set("cmi.core.lesson_status", "incomplete");
    frame.addEventListener("load", attach);
    if (frame.contentDocument && frame.contentDocument.readyState === "complete") attach();
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
  }

  window.LmsScorm = { report: report, finish: finish, expand: expand, compact: compact };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
