/* Belajar ASN: progress from the learner's state (lms-state.js) and the published courses
 * (window.LmsData, through lms-core.js): marks in the navigation and course lists, the course progress bar and
 * "continue" button, "mark as done" for modules without a quiz, learning-path progress.
 *
 * A module is done when its current quiz (by hash) has been passed, or, without a quiz,
 * when it was marked done. A course is done when all its modules are. JP are counted in
 * the year a module was first done, once per module and year (see ledger()).
 */
(function () {
  "use strict";

  var Lms = window.Lms, $all = Lms.all, fill = Lms.fill, DATA = Lms.data, text = DATA.text.journey;
  var WIDE = "(min-width: 76.25em)"; // where Material shows the navigation beside the page

  function moduleOf(course, id) { return course ? course.modules.filter(function (m) { return m.id === id; })[0] : null; }

  /* When a module was done (ISO date) or null; with the score when a quiz says so. */
  function moduleDone(courseId, module, state) {
    if (module.quiz) {
      var rec = state.quizzes[Lms.key.quiz(courseId, module.id, module.quiz)];
      return rec && rec.passedAt ? { at: rec.passedAt, score: rec.best } : null;
    }
    var d = state.done[Lms.key.module(courseId, module.id)];
    return d ? { at: d.at, score: null } : null;
  }

  /* A course's modules with their done dates; done when every module is. */
  function courseStatus(courseId, state) {
    var course = DATA.courses[courseId];
    if (!course) return null;
    var modules = course.modules.map(function (m) { return { module: m, done: moduleDone(courseId, m, state) }; });
    var finished = modules.filter(function (m) { return m.done; });
    var done = finished.length === modules.length;
    var at = done ? finished.map(function (m) { return m.done.at; }).sort().pop() : null;
    return { course: course, id: courseId, modules: modules, count: finished.length, done: done, at: at };
  }

  /* Every module done, once per module and calendar year, with its JP: the ledger's rows. */
  function ledger(state) {
    var rows = {};
    function add(parts, at, score, jp) {
      var course = DATA.courses[parts.course], module = moduleOf(course, parts.module);
      var key = Lms.key.module(parts.course, parts.module);
      var alone = !course && key === Lms.key.standalone(parts.module) ? (DATA.standalone || {})[parts.module] : null;
      if (alone) module = { title: alone.title, jp: alone.jp };
      var year = at.slice(0, 4), id = year + " " + key, row = rows[id];
      if (row && row.at <= at) return;  // once per module and year: the first time counts
      rows[id] = {
        year: year, at: at, key: key, score: score, jp: jp || (module ? module.jp : 0),
        course: course ? course.title : parts.course, module: module ? module.title : parts.module,
        competency: course ? course.competency : ""
      };
    }
    Object.keys(state.quizzes).forEach(function (k) {
      var rec = state.quizzes[k];
      if (rec.passedAt) add(Lms.key.parse(k), rec.passedAt, rec.best, rec.jp);
    });
    Object.keys(state.done).forEach(function (k) { add(Lms.key.parse(k), state.done[k].at, null, state.done[k].jp); });
    return Object.keys(rows).map(function (k) { return rows[k]; })
      .sort(function (a, b) { return a.at < b.at ? -1 : a.at > b.at ? 1 : 0; });
  }

  /* A course's page, or one of its module pages (kept for callers of LmsProgress.pageUrl). */
  function pageUrl(courseId, moduleId) {
    return moduleId ? Lms.url("module", { course: courseId, module: moduleId }) : Lms.url("course", { course: courseId });
  }

  function mark(el, done) {
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
    $all(document, ".md-nav__link[href]").forEach(function (link) {
      // the page's own table of contents links to its headings: they are not modules
      if (link.getAttribute("href").charAt(0) === "#" || link.closest(".md-nav--secondary")) return;
      var page = Lms.modulePage(link.getAttribute("href"));
      if (!page) return;
      var module = moduleOf(DATA.courses[page.course], page.module);
      var target = link.querySelector(".md-ellipsis") || link;
      mark(target, module && moduleDone(page.course, module, state));
    });
  }

  function showCourse(box, state) {
    var status = courseStatus(box.dataset.lmsCourse, state);
    if (!status) return;
    box.hidden = false;
    box.querySelector("progress").value = status.count;
    box.querySelector(".lms-progress__text").textContent =
      fill(text.progress, { done: status.count, total: status.modules.length });
    var next = status.modules.filter(function (m) { return !m.done; })[0];
    var button = box.querySelector(".lms-continue");
    if (next) {
      button.href = Lms.url("module", { course: status.id, module: next.module.id });
      if (status.count > 0) button.textContent = fill(text["continue"], { title: next.module.title });
    } else {
      button.href = Lms.url("module", { course: status.id, module: status.modules[0].module.id });
      button.textContent = text.review;
    }
    box.querySelector(".lms-record-link").hidden = !status.done;
    $all(document, "[data-lms-prerequisite]").forEach(function (a) {
      var pre = courseStatus(a.dataset.lmsPrerequisite, state);
      var old = a.parentNode.querySelector('.lms-flag[data-for="' + a.dataset.lmsPrerequisite + '"]');
      if (old) old.remove();
      if (pre && pre.done) { mark(a, true); return; }
      var flag = document.createElement("span");
      flag.className = "lms-flag";
      flag.dataset["for"] = a.dataset.lmsPrerequisite;
      flag.textContent = " (" + text["not-done"] + ")";
      a.after(flag);
    });
  }

  /* A ✓ after every finished module wherever a course's modules are listed (its page, its outline). */
  function markModules(state) {
    $all(document, "[data-lms-module]").forEach(function (li) {
      var parts = Lms.key.parse(li.dataset.lmsModule);
      var module = parts && moduleOf(DATA.courses[parts.course], parts.module);
      mark(li, module && moduleDone(parts.course, module, state));
    });
  }

  /* On a wide screen a course's outline takes the navigation's place in the left sidebar, open. */
  function placeOutline(page) {
    var outline = page.querySelector("[data-lms-outline]");
    var sidebar = document.querySelector(".md-sidebar--primary .md-sidebar__inner");
    if (!outline || !sidebar || !window.matchMedia(WIDE).matches) return;
    outline.open = true;
    outline.classList.add("lms-outline--side");
    sidebar.prepend(outline);
  }

  function showPath(box, state) {
    var ids = DATA.paths[box.dataset.lmsPath] || [], done = 0;
    ids.forEach(function (id) {
      var status = courseStatus(id, state), item = document.querySelector('[data-lms-course-item="' + id + '"]');
      if (status && status.done) done++;
      if (item) mark(item, status && status.done);
    });
    box.hidden = false;
    box.querySelector("progress").value = done;
    box.querySelector(".lms-progress__text").textContent = fill(text["path-progress"], { done: done, total: ids.length });
  }

  function setupDone(box) {
    if (!Lms.firstTime(box)) return;
    var button = box.querySelector("button"), label = button.textContent;
    var status = box.querySelector(".lms-done__status");
    var key = box.dataset.lmsDone || Lms.key.standalone(box.dataset.lmsStandalone);
    function show(announce) {
      var done = !!window.LmsState.all().done[key];
      button.setAttribute("aria-pressed", done ? "true" : "false");
      button.textContent = done ? text.unmark : label;
      if (announce) status.textContent = done ? text.marked : text.unmarked;
    }
    button.addEventListener("click", function () {
      var done = !window.LmsState.all().done[key];
      if (window.LmsState.markDone(key, done, Number(box.dataset.lmsJp) || undefined)) show(true);
      else status.textContent = DATA.text.state["save-failed"];
    });
    box.hidden = false;
    show(false);
  }

  /* Each course card of a catalogue: how far the learner is, when they have begun. */
  function showCard(card, state) {
    var status = courseStatus(card.dataset.lmsCard, state), line = card.querySelector(".lms-card__progress");
    if (!status || !line) return;
    line.hidden = status.count === 0;
    line.textContent = status.done ? text["course-done"] : fill(text.progress, { done: status.count, total: status.modules.length });
  }

  /* The most recent thing the learner did, as {course, at}: what "Lanjutkan belajar" on the home page resumes. */
  function latest(state) {
    var best = null;
    function seen(key, at) {
      var parts = Lms.key.parse(key);
      if (at && parts && DATA.courses[parts.course] && (!best || at > best.at)) best = { course: parts.course, at: at };
    }
    Object.keys(state.quizzes).forEach(function (k) { seen(k, state.quizzes[k].lastAt); });
    Object.keys(state.done).forEach(function (k) { seen(k, state.done[k].at); });
    return best;
  }

  /* "Lanjutkan belajar: <next module>" for a returning learner; a finished course leads to its record. */
  function showResume(box, state) {
    var last = latest(state), status = last && courseStatus(last.course, state);
    box.hidden = !status;
    if (!status) return;
    var link = box.querySelector("a"), next = status.modules.filter(function (m) { return !m.done; })[0];
    link.href = next ? Lms.url("module", { course: status.id, module: next.module.id }) : Lms.url("record", { course: status.id });
    link.textContent = next ? fill(text.resume, { title: next.module.title }) : fill(text["resume-record"], { title: status.course.title });
    box.querySelector(".lms-resume__course").textContent =
      status.course.title + " · " + fill(text.progress, { done: status.count, total: status.modules.length });
  }

  /* The last module's "next" link: "Kursus selesai → Bukti Belajar Mandiri" once every module is done. */
  function showFinish(link, state) {
    var status = courseStatus(link.dataset.lmsFinish, state);
    if (!link.dataset.lmsLabel) link.dataset.lmsLabel = link.textContent;
    link.textContent = status && status.done ? link.dataset.lmsFinished : link.dataset.lmsLabel;
  }

  function update() {
    var state = window.LmsState.all();
    $all(document, "[data-lms-finish]").forEach(function (link) { showFinish(link, state); });
    markNavigation(state);
    markModules(state);
    $all(document, "[data-lms-card]").forEach(function (card) { showCard(card, state); });
    $all(document, "[data-lms-resume]").forEach(function (box) { showResume(box, state); });
    $all(document, "[data-lms-course]").forEach(function (box) { showCourse(box, state); });
    $all(document, "[data-lms-path]").forEach(function (box) { showPath(box, state); });
  }

  window.LmsProgress = { moduleDone: moduleDone, courseStatus: courseStatus, ledger: ledger, pageUrl: pageUrl };
  document.addEventListener("lms:state", update);
  Lms.onPage(function (page) {
    $all(page, "[data-lms-done], [data-lms-standalone]").forEach(setupDone);
    placeOutline(page);
    update();
  });
})();
