/* Belajar ASN: self-assessment quizzes. The questions are plain HTML rendered at build time;
 * this script adds checking, feedback, shuffling and the stored best score (lms-state.js).
 *
 * Scoring (percent of points): single, true-false, short and numeric are right or wrong.
 * multiple: (right choices ticked - wrong choices ticked) / right choices, floored at 0,
 * so partial credit is possible but guessing everything earns nothing. order and match are
 * all-or-nothing. Unanswered questions score 0.
 */
(function () {
  "use strict";
  var Lms = window.Lms, $all = Lms.all, fill = Lms.fill, text = Lms.data.text.quiz;

  function shuffle(items) {
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = items[i]; items[i] = items[j]; items[j] = t;
    }
    return items;
  }

  function reorder(parent, children) { children.forEach(function (c) { parent.appendChild(c); }); }

  /* "SP4N LAPOR" = "sp4n-lapor!": case, spaces and punctuation do not count. */
  function normalize(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  }

  /* "2,5" = 2.5; "1.000,5" = 1000.5 (Indonesian), "2.5" = 2.5. */
  function parseNumber(text) {
    var t = String(text).trim().replace(/\s+/g, "");
    if (t.indexOf(",") >= 0) t = t.replace(/\./g, "").replace(",", ".");
    return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? parseFloat(t) : NaN;
  }

  /* Fraction of the points earned (0..1), or null when nothing was answered. */
  function score(li) {
    var type = li.dataset.type, key = JSON.parse(li.dataset.key || "{}");
    var inputs = $all(li, "input, select");
    if (type === "single" || type === "multiple" || type === "true-false") {
      var chosen = inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
      if (!chosen.length) return null;
      if (type === "true-false") return chosen[0] === String(key.answer) ? 1 : 0;
      var correct = key.correct.map(String);
      if (type === "single") return correct.indexOf(chosen[0]) >= 0 ? 1 : 0;
      var right = chosen.filter(function (c) { return correct.indexOf(c) >= 0; }).length;
      return Math.max(0, right - (chosen.length - right)) / correct.length;
    }
    if (type === "short" || type === "numeric") {
      var value = inputs[0].value;
      if (!value.trim()) return null;
      if (type === "short") {
        return key.answers.map(normalize).indexOf(normalize(value)) >= 0 ? 1 : 0;
      }
      var n = parseNumber(value);
      return !isNaN(n) && Math.abs(n - key.answer) <= key.tolerance + 1e-9 ? 1 : 0;
    }
    var rows = $all(li, "li[data-pos], li[data-right]");
    if (rows.every(function (r) { return !r.querySelector("select").value; })) return null;
    return rows.every(function (r) {
      var v = r.querySelector("select").value;
      return type === "order" ? v === r.dataset.pos : v === r.dataset.right;
    }) ? 1 : 0;
  }

  function shuffleOrderItems(li) {
    var list = li.querySelector(".lms-order");
    var rows = $all(list, "li");
    var solved = true;
    while (solved && rows.length > 1) {
      shuffle(rows);
      solved = rows.every(function (r, i) { return r.dataset.pos === String(i + 1); });
    }
    reorder(list, rows);
  }

  function shuffleAttempt(form) {
    var questions = form.querySelector(".lms-quiz__questions");
    var items = $all(questions, ":scope > li");
    if (form.dataset.lmsShuffle === "true") {
      reorder(questions, shuffle(items));
      items.forEach(function (li) {
        if (li.dataset.type === "single" || li.dataset.type === "multiple") {
          var list = li.querySelector(".lms-choices");
          reorder(list, shuffle($all(list, "li")));
        }
        $all(li, ".lms-match select").forEach(function (select) {
          var options = $all(select, "option").slice(1);
          reorder(select, shuffle(options));
        });
      });
    }
    items.forEach(function (li) { if (li.dataset.type === "order") shuffleOrderItems(li); });
    $all(questions, ".lms-question__number").forEach(function (span, i) {
      span.textContent = span.textContent.replace(/\d+/, String(i + 1));
    });
  }

  function showHistory(form, key) {
    var rec = window.LmsState.quiz(key), line = form.querySelector(".lms-quiz__history");
    if (!rec) { line.hidden = true; line.textContent = ""; return; }
    var parts = [fill(text.history, { best: rec.best, attempts: rec.attempts })];
    if (rec.passedAt) parts.push(fill(text["passed-on"], { date: Lms.date(rec.passedAt) }));
    line.textContent = parts.join(" ");
    line.hidden = false;
  }

  function clearAttempt(form) {
    form.reset();
    form.classList.remove("is-checked");
    $all(form, ".lms-question").forEach(function (li) {
      li.classList.remove("is-correct", "is-wrong", "is-partial", "is-unanswered");
      var verdict = li.querySelector(".lms-verdict");
      verdict.hidden = true; verdict.textContent = "";
      var answer = li.querySelector(".lms-answer");
      answer.hidden = true; answer.open = false;
      $all(answer, "[data-choice]").forEach(function (c) { c.classList.remove("is-chosen"); });
    });
    form.querySelector(".lms-quiz__result").textContent = "";
    form.querySelector("[data-lms-action=retry]").hidden = true;
    form.querySelector("[type=submit]").hidden = false;
  }

  function check(form, key) {
    var earned = 0, total = 0, right = 0, items = $all(form, ".lms-question");
    var result = form.querySelector(".lms-quiz__result");
    if (items.every(function (li) { return score(li) === null; })) {
      // nothing answered: no attempt is recorded and no answer is shown
      result.textContent = text["answer-first"];
      result.focus();
      return;
    }
    items.forEach(function (li) {
      var points = Number(li.dataset.points) || 1, got = score(li);
      var state = got === null ? "unanswered" : got === 1 ? "correct" : got > 0 ? "partial" : "wrong";
      total += points;
      earned += (got || 0) * points;
      if (got === 1) right += 1;
      li.classList.add("is-" + state);
      var verdict = li.querySelector(".lms-verdict");
      verdict.textContent = text[state];
      verdict.hidden = false;
      $all(li, "input:checked").forEach(function (input) {
        var fb = li.querySelector('.lms-answer [data-choice="' + input.value + '"]');
        if (fb) fb.classList.add("is-chosen");
      });
      var answer = li.querySelector(".lms-answer");
      answer.hidden = false;
      answer.open = true;
    });
    var pct = total ? Math.round((earned / total) * 100) : 0;
    var pass = Number(form.dataset.lmsPass);
    var passed = pct >= pass;
    window.LmsState.recordAttempt(key, pct, passed, undefined, Number(form.dataset.lmsJp) || undefined);
    form.classList.add("is-checked");
    result.textContent = fill(text.result, {
      score: pct, verdict: passed ? text.passed : text.failed, pass: pass, right: right, total: items.length
    }) + (window.LmsState.lastSaveOk() ? "" : " " + Lms.data.text.state["save-failed"]);
    form.querySelector("[data-lms-action=retry]").hidden = false;
    form.querySelector("[type=submit]").hidden = true;  // next in tab order after the result: "try again"
    showHistory(form, key);
    result.focus();
  }

  function setup(form) {
    if (!Lms.firstTime(form)) return;
    var module = Lms.key.parse(form.dataset.lmsQuiz);
    var key = Lms.key.quiz(module.course, module.module, form.dataset.lmsHash);
    form.querySelector(".lms-quiz__actions").hidden = false;
    var intro = form.querySelector(".lms-quiz__intro");  // the text without JavaScript says to open the answers
    if (intro) intro.textContent = fill(text.intro, { pass_mark: form.dataset.lmsPass });
    $all(form, ".lms-answer").forEach(function (d) { d.hidden = true; });
    shuffleAttempt(form);
    showHistory(form, key);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!form.classList.contains("is-checked")) check(form, key);
    });
    form.querySelector("[data-lms-action=retry]").addEventListener("click", function () {
      clearAttempt(form);
      shuffleAttempt(form);
      var first = form.querySelector(".lms-question input, .lms-question select");
      if (first) first.focus();
    });
    Lms.confirmTwice(form.querySelector("[data-lms-action=reset]"), text["confirm-reset"], function () {
      window.LmsState.resetQuiz(key);
      clearAttempt(form);
      showHistory(form, key);
      form.querySelector(".lms-quiz__result").textContent = text.cleared;
    });
  }

  /* Material's search dialog has no accessible name (axe: aria-dialog-name): borrow its box's. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search"), box = document.querySelector(".md-search__input");
    if (dialog && box && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", box.getAttribute("aria-label") || box.getAttribute("placeholder") || "Search");
    }
  }

  Lms.onPage(function (page) {
    nameSearchDialog();
    $all(page, "form.lms-quiz").forEach(setup);
  });
})();
