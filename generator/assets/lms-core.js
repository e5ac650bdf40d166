/* Belajar ASN: the browser contract's core. Loaded right after the generated lms-data.js and
 * before every other lms-*.js script; a plain script (not an ES module) so pages opened from
 * file:// keep working. It owns:
 *   - page setup: Lms.onPage(fn) runs fn for every page Material shows (each document$
 *     emission with instant navigation, DOMContentLoaded without it);
 *   - fill(): "{name}" placeholders in the site's texts and in the data script's patterns;
 *   - the two-click confirm of destructive buttons;
 *   - storage keys and URLs, built from the patterns in window.LmsData (never by concatenation).
 * See docs/browser.md for the whole contract.
 */
(function () {
  "use strict";
  var data = window.LmsData;

  /* "{done} of {total}" with {done: 1, total: 3}; unknown placeholders stay as they are. */
  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(values, k) ? values[k] : m;
    });
  }

  /* Text made safe inside HTML markup, attribute values included. */
  function escape(text) {
    return String(text).replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; });
  }

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  /* ---- Page setup ---------------------------------------------------------------------- */

  var setups = [], shown = false;

  /* A failing setup must not keep the others (the reset button, say) from running. */
  function run(setup) {
    try { setup(document); } catch (e) { setTimeout(function () { throw e; }, 0); }
  }

  function showPage() {
    shown = true;
    setups.forEach(run);
  }

  /* Run setup(document) for the current page and every page shown after it. Setups bind
   * listeners to the page's elements only (marking them done), so a swap never doubles them. */
  function onPage(setup) {
    setups.push(setup);
    if (shown) run(setup);
  }

  /* Once per element: true the first time, false after (instant navigation re-runs setups). */
  function firstTime(element) {
    if (element.dataset.lmsReady) return false;
    element.dataset.lmsReady = "1";
    return true;
  }

  /* ---- The two-click confirm ----------------------------------------------------------- */

  /* The first click asks again on the button itself (no dialog); a second click within five
   * seconds runs action, otherwise the button returns to its label. */
  function confirmTwice(button, question, action) {
    var label = button.textContent, armed = null;
    button.addEventListener("click", function () {
      if (!armed) {
        button.textContent = question;
        armed = setTimeout(function () { button.textContent = label; armed = null; }, 5000);
        return;
      }
      clearTimeout(armed);
      armed = null;
      button.textContent = label;
      action();
    });
  }

  /* ---- Keys and URLs ------------------------------------------------------------------- */

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* A pattern such as "kursus/{course}/{module}.html" as a reader: text -> {course, module} or null. */
  function reader(pattern) {
    var names = [], source = "", m, found = /\{(\w+)\}/g, last = 0;
    while ((m = found.exec(pattern)) !== null) {
      source += escapeRegExp(pattern.slice(last, m.index)) + "(" + data.patterns[m[1]] + ")";
      names.push(m[1]);
      last = found.lastIndex;
    }
    source += escapeRegExp(pattern.slice(last));
    var regexp = new RegExp("^" + source + "$");
    return function (text) {
      var hit = regexp.exec(String(text));
      if (!hit) return null;
      var out = {};
      names.forEach(function (name, i) { out[name] = hit[i + 1]; });
      return out;
    };
  }

  var readers = {};
  /* Read text with one of the data script's patterns, e.g. read("keys", "quiz", "a/b#0f"). */
  function read(table, name, text) {
    var id = table + " " + name;
    readers[id] = readers[id] || reader(data[table][name]);
    return readers[id](text);
  }

  /* The folder of the site's home page (the logo links to its index.html). */
  function root() {
    var logo = document.querySelector("[data-md-component=logo]");
    return new URL("./", new URL(logo ? logo.getAttribute("href") : "./", location.href));
  }

  var key = {
    /* Where this site's state lives in localStorage: two sites on one host stay apart. */
    storage: function () {
      return fill(data.keys.storage, { app: data.app, version: data.stateVersion, root: root().pathname });
    },
    /* "<course>/<module>#<hash>": a quiz's record; the hash changes when the quiz is edited. */
    quiz: function (course, module, hash) { return fill(data.keys.quiz, { course: course, module: module, hash: hash }); },
    /* "<course>/<module>": a module marked done. */
    module: function (course, module) { return fill(data.keys.module, { course: course, module: module }); },
    /* "modul/<module>": a standalone module (content/modul/) marked done; the same layout as a course module's
     * key, under the folder name, so the state's rules and the ledger read it unchanged (docs/browser.md). */
    standalone: function (module) { return fill(data.keys.standalone, { module: module }); },
    /* A key's parts ({course, module[, hash]}), or null when it is neither kind. */
    parse: function (text) { return read("keys", "quiz", text) || read("keys", "module", text); }
  };

  /* "30 November 2026": the one date format of the interface, from an ISO instant, in local time. */
  function date(iso) {
    var d = new Date(iso);
    if (isNaN(d)) return String(iso);
    return fill(data.text.journey["date-format"], { day: d.getDate(), month: data.months[d.getMonth()], year: d.getFullYear() });
  }

  /* The absolute URL of one of the site's pages: url("module", {course: "a", module: "b"}). */
  function url(name, values) { return new URL(fill(data.urls[name], values), root()).href; }

  /* A script of ours at url(name, values), added to the page once; the promise settles once it has run
   * (a script that failed to load is tried again at the next call). file:// allows scripts, not fetch. */
  var scripts = {};
  function script(name, values) {
    var src = url(name, values);
    if (!scripts[src]) {
      scripts[src] = new Promise(function (resolve, reject) {
        var element = document.createElement("script");
        element.src = src;
        element.onload = resolve;
        element.onerror = function () { delete scripts[src]; reject(new Error(src)); };
        document.head.appendChild(element);
      });
    }
    return scripts[src];
  }

  /* Which module page href is, as {course, module}, or null (also for a course's own pages). */
  function modulePage(href) {
    var base = root().href, full = new URL(href, location.href).href.split("#")[0];
    if (full.indexOf(base) !== 0) return null;
    var found = read("urls", "module", full.slice(base.length));
    return found && data.reserved.indexOf(found.module) < 0 ? found : null;
  }

  window.Lms = {
    data: data, fill: fill, escape: escape, all: all, onPage: onPage, firstTime: firstTime, confirmTwice: confirmTwice,
    key: key, url: url, script: script, root: root, modulePage: modulePage, date: date
  };

  /* ---- Scripts only some pages need -------------------------------------------------- */

  /* The records bundle (the ledger and its spreadsheet writer: render/assets.py) is half our code
   * and runs on two kinds of page only: it is loaded there, and registers with onPage itself. */
  var PAGE_SCRIPTS = [["[data-lms-ledger], [data-lms-record]", "records-script"]];
  onPage(function (doc) {
    PAGE_SCRIPTS.forEach(function (entry) {
      if (doc.querySelector(entry[0])) script(entry[1], {}).catch(function () {});  // the browser logs a failure
    });
  });

  /* Material's instant navigation swaps the page without reloading scripts: document$ emits
   * after every swap (and replays the latest page to a late subscriber). Without it, the page
   * is ready at DOMContentLoaded. Scripts after this one register with onPage before either. */
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(showPage);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showPage);
  else showPage();
})();
