/* Belajar ASN: progress from the learner's state (lms-state.js) and the published courses
 * (catalogue.js): marks in the navigation and course lists, the course progress bar and
 * "continue" button, "mark as done" for modules without a quiz, learning-path progress.
 *
 * A module is done when its current quiz (by hash) has been passed, or, without a quiz,
 * when it was marked done. A course is done when all its modules are. JP are counted in
 * the year a module was first done, once per module and year (see ledger()).
 */
(function () {
  "use strict";

  function $all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function fill(t, v) { return t.replace(/\{(\w+)\}/g, function (m, k) { return k in v ? v[k] : m; }); }
  function cat() { return window.LmsCatalogue; }

  /* When a module was done (ISO date) or null; with the score when a quiz says so. */
  function moduleDone(courseId, module, state) {
    var key = courseId + "/" + module.id;
    if (module.quiz) {
      var rec = state.quizzes[key + "#" + module.quiz];
      return rec && rec.passedAt ? { at: rec.passedAt, score: rec.best } : null;
    }
    var d = state.done[key];
    return d ? { at: d.at, score: null } : null;
  }

  /* A course's modules with their done dates; done when every module is. */
  function courseStatus(courseId, state) {
    var course = cat().courses[courseId];
    if (!course) return null;
    var modules = course.modules.map(function (m) { return { module: m, done: moduleDone(courseId, m, state) }; });
    var finished = modules.filter(function (m) { return m.done; });
    var done = finished.length === modules.length;
    var at = done ? finished.map(function (m) { return m.done.at; }).sort().pop() : null;
    return { course: course, id: courseId, modules: modules, count: finished.length, done: done, at: at };
  }

  /* Every module done, once per module and calendar year, with its JP: the ledger's rows. */
  function ledger(state) {
    var rows = {}, courses = cat().courses;
    function add(key, at, score, jp) {
      var parts = key.split("/"), course = courses[parts[0]], module = null;
      if (course) course.modules.forEach(function (m) { if (m.id === parts[1]) module = m; });
      var year = at.slice(0, 4), id = year + " " + key, row = rows[id];
      if (row && row.at <= at) return;  // once per module and year: the first time counts
      rows[id] = {
        year: year, at: at, key: key, score: score, jp: jp || (module ? module.jp : 0),
        course: course ? course.title : parts[0], module: module ? module.title : parts[1],
        competency: course ? course.competency : ""
      };
    }
    Object.keys(state.quizzes).forEach(function (k) {
      var rec = state.quizzes[k];
      if (rec.passedAt) add(k.split("#")[0], rec.passedAt, rec.best, rec.jp);
    });
    Object.keys(state.done).forEach(function (k) { add(k, state.done[k].at, null, state.done[k].jp); });
    return Object.keys(rows).map(function (k) { return rows[k]; })
      .sort(function (a, b) { return a.at < b.at ? -1 : a.at > b.at ? 1 : 0; });
  }

  function pageUrl(courseId, moduleId) {
    return new URL("kursus/" + courseId + "/" + (moduleId || "index") + ".html", window.LmsState.root()).href;
  }

  function mark(el, done, text) {
    var old = el.querySelector(":scope > .lms-mark");
    if (old) old.remove();
    if (!done) return;
    var span = document.createElement("span");
    span.className = "lms-mark";
    span.innerHTML = '<span aria-hidden="true">✓</span><span class="lms-sr"></span>';
    span.lastChild.textContent = " " + text.done;
    el.appendChild(span);
  }

  /* A ✓ after every finished module in the navigation. */
  function markNavigation(state) {
    var root = window.LmsState.root().href, text = cat().text;
    $all(document, ".md-nav__link[href]").forEach(function (link) {
      var url = new URL(link.getAttribute("href"), location.href).href;
      if (url.indexOf(root) !== 0) return;
      var m = /^kursus\/([a-z0-9-]+)\/([a-z0-9-]+)\.html$/.exec(url.slice(root.length).split("#")[0]);
      if (!m || m[2] === "index" || m[2] === "bukti") return;
      var course = cat().courses[m[1]], module = null;
      if (course) course.modules.forEach(function (x) { if (x.id === m[2]) module = x; });
      var target = link.querySelector(".md-ellipsis") || link;
      mark(target, module && moduleDone(m[1], module, state), text);
    });
  }

  function showCourse(box, state) {
    var text = cat().text, status = courseStatus(box.dataset.lmsCourse, state);
    if (!status) return;
    box.hidden = false;
    box.querySelector("progress").value = status.count;
    box.querySelector(".lms-progress__text").textContent =
      fill(text.progress, { done: status.count, total: status.modules.length });
    var next = status.modules.filter(function (m) { return !m.done; })[0];
    var button = box.querySelector(".lms-continue");
    if (next) {
      button.href = next.module.id + ".html";
      if (status.count > 0) button.textContent = fill(text["continue"], { title: next.module.title });
    } else {
      button.href = status.modules[0].module.id + ".html";
      button.textContent = text.review;
    }
    box.querySelector(".lms-record-link").hidden = !status.done;
    $all(document, "[data-lms-module]").forEach(function (li) {
      var parts = li.dataset.lmsModule.split("/"), found = null;
      status.modules.forEach(function (m) { if (m.module.id === parts[1]) found = m; });
      mark(li, found && found.done, text);
    });
    $all(document, "[data-lms-prerequisite]").forEach(function (a) {
      var pre = courseStatus(a.dataset.lmsPrerequisite, state);
      var old = a.parentNode.querySelector('.lms-flag[data-for="' + a.dataset.lmsPrerequisite + '"]');
      if (old) old.remove();
      if (pre && pre.done) { mark(a, true, text); return; }
      var flag = document.createElement("span");
      flag.className = "lms-flag";
      flag.dataset["for"] = a.dataset.lmsPrerequisite;
      flag.textContent = " (" + text["not-done"] + ")";
      a.after(flag);
    });
  }

  function showPath(box, state) {
    var text = cat().text, ids = cat().paths[box.dataset.lmsPath] || [], done = 0;
    ids.forEach(function (id) {
      var status = courseStatus(id, state), item = document.querySelector('[data-lms-course-item="' + id + '"]');
      if (status && status.done) done++;
      if (item) mark(item, status && status.done, text);
    });
    box.hidden = false;
    box.querySelector("progress").value = done;
    box.querySelector(".lms-progress__text").textContent = fill(text["path-progress"], { done: done, total: ids.length });
  }

  function setupDone(box) {
    if (box.dataset.lmsReady) return;
    box.dataset.lmsReady = "1";
    var text = cat().text, button = box.querySelector("button"), label = button.textContent;
    var status = box.querySelector(".lms-done__status"), key = box.dataset.lmsDone;
    function show(announce) {
      var done = !!window.LmsState.all().done[key];
      button.setAttribute("aria-pressed", done ? "true" : "false");
      button.textContent = done ? text.unmark : label;
      if (announce) status.textContent = done ? text.marked : text.unmarked;
    }
    button.addEventListener("click", function () {
      var done = !window.LmsState.all().done[key];
      window.LmsState.markDone(key, done, Number(box.dataset.lmsJp) || undefined);
      show(true);
    });
    box.hidden = false;
    show(false);
  }

  function update() {
    if (!cat() || !window.LmsState) return;
    var state = window.LmsState.all();
    markNavigation(state);
    $all(document, "[data-lms-course]").forEach(function (box) { showCourse(box, state); });
    $all(document, "[data-lms-path]").forEach(function (box) { showPath(box, state); });
  }

  function init() {
    if (!cat() || !window.LmsState) return;
    $all(document, "[data-lms-done]").forEach(setupDone);
    update();
  }

  window.LmsProgress = { moduleDone: moduleDone, courseStatus: courseStatus, ledger: ledger, pageUrl: pageUrl };
  document.addEventListener("lms:state", update);
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
