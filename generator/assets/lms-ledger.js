/* Belajar ASN: the "Progres Saya" page (JP per year as an SVG chart and tables, export,
 * import, reset, damaged entries) and the printable "Bukti Belajar Mandiri" of a completed
 * course. Reads the state through lms-state.js and the courses through window.LmsData; every
 * text from the site goes in with textContent.
 */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var Lms = window.Lms, fill = Lms.fill, DATA = Lms.data, text = DATA.text.journey;
  function el(tag, attrs, textValue) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (textValue !== undefined && textValue !== null) node.textContent = textValue;
    return node;
  }
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function day(iso) {
    var d = new Date(iso);
    return d.toLocaleDateString(DATA.lang === "id" ? "id-ID" : "en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  function table(headers, rows) {
    var t = el("table"), head = el("tr"), body = el("tbody");
    headers.forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
    t.appendChild(el("thead")).appendChild(head);
    rows.forEach(function (r) {
      var tr = el("tr");
      r.forEach(function (cell) {
        var td = el("td");
        if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    t.appendChild(body);
    return t;
  }

  /* JP per year: {year: jp}, years in order. */
  function perYear(rows) {
    var out = {};
    rows.forEach(function (r) { out[r.year] = (out[r.year] || 0) + r.jp; });
    return out;
  }

  /* Bars per year against the target line; the table under it carries the same numbers. */
  function chart(years, target) {
    var keys = Object.keys(years).sort(), max = Math.max(target, 1);
    keys.forEach(function (y) { max = Math.max(max, years[y]); });
    var bar = 48, gap = 24, height = 160, top = 20, width = Math.max(480, keys.length * (bar + gap) + gap + 60);
    var scale = function (v) { return top + height - Math.round((v / max) * height); };
    var summary = keys.map(function (y) { return fill(text["year-row"], { year: y, jp: years[y] }); }).join(", ");
    var root = svg("svg", { viewBox: "0 0 " + width + " " + (height + top + 30), width: width, height: height + top + 30,
                            role: "img", "class": "lms-chart",
                            "aria-label": fill(text["chart-label"], { summary: summary, jp: target }) });
    keys.forEach(function (y, i) {
      var x = gap + i * (bar + gap), yTop = scale(years[y]);
      var rect = svg("rect", { x: x, y: yTop, width: bar, height: top + height - yTop,
                               "class": years[y] >= target ? "lms-chart__bar is-met" : "lms-chart__bar" });
      root.appendChild(rect);
      var value = svg("text", { x: x + bar / 2, y: yTop - 4, "text-anchor": "middle" });
      value.textContent = years[y];
      root.appendChild(value);
      var label = svg("text", { x: x + bar / 2, y: top + height + 18, "text-anchor": "middle" });
      label.textContent = y;
      root.appendChild(label);
    });
    var ty = scale(target);
    root.appendChild(svg("line", { x1: 0, x2: width, y1: ty, y2: ty, "class": "lms-chart__target" }));
    var tl = svg("text", { x: width - 4, y: ty - 4, "text-anchor": "end", "class": "lms-chart__target-label" });
    tl.textContent = fill(text.target, { jp: target });
    root.appendChild(tl);
    return root;
  }

  function link(href, textValue) { return el("a", { href: href }, textValue); }

  function showLedger(box) {
    var state = window.LmsState.all(), rows = window.LmsProgress.ledger(state);
    var target = DATA.jpTarget, years = perYear(rows);
    showProblems(box);
    var chartBox = box.querySelector(".lms-ledger__chart"), yearsBox = box.querySelector(".lms-ledger__years");
    var coursesBox = box.querySelector(".lms-ledger__courses"), modulesBox = box.querySelector(".lms-ledger__modules");
    [chartBox, yearsBox, coursesBox, modulesBox].forEach(function (b) { b.textContent = ""; });
    box.hidden = false;
    if (!rows.length) {
      modulesBox.appendChild(el("p", {}, text["no-progress"]));
      return;
    }
    chartBox.appendChild(chart(years, target));
    yearsBox.appendChild(table([text.year, text.jp], Object.keys(years).sort().map(function (y) {
      return [y, fill(text["of-target"], { jp: years[y], target: target })];
    })));
    var done = Object.keys(DATA.courses).map(function (id) { return window.LmsProgress.courseStatus(id, state); })
      .filter(function (s) { return s.done; });
    if (done.length) {
      coursesBox.appendChild(table([text.date, text.course, text.jp, text.competency, text.record], done.map(function (s) {
        return [day(s.at), link(Lms.url("course", { course: s.id }), s.course.title), String(s.course.jp),
                s.course.competency, link(Lms.url("record", { course: s.id }), text["record-link"])];
      })));
    } else {
      coursesBox.appendChild(el("p", {}, "—"));
    }
    modulesBox.appendChild(table([text.date, text.course, text.module, text.score, text.jp], rows.map(function (r) {
      return [day(r.at), r.course, r.module, r.score === null ? "✓" : r.score + "%", String(r.jp)];
    })));
  }

  function download(name, type, body) {
    var a = el("a", { href: URL.createObjectURL(new Blob([body], { type: type })), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  /* One CSV cell. A cell that starts like a formula (= + - @, tab, CR) gets a leading ' so a
   * spreadsheet shows it as text instead of running it (CSV injection): offices open these in Excel. */
  function cell(v) {
    v = String(v === null || v === undefined ? "" : v);
    if (/^[=+\-@\t\r]/.test(v)) v = "'" + v;
    return /[";\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }

  /* The supervisor's summary: one row per module and year; ";" and a BOM, as Excel in Indonesia reads it. */
  function csv(rows) {
    var quote = cell;
    var lines = [[text.year, text.date, text.course, text.module, text.competency, text.jp, text.score].map(quote).join(";")];
    rows.forEach(function (r) {
      lines.push([r.year, r.at.slice(0, 10), r.course, r.module, r.competency, r.jp, r.score === null ? "" : r.score].map(quote).join(";"));
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  /* Entries skipped on reading: which, and where the buttons to keep the good ones and start over are. */
  function showProblems(box) {
    var notice = box.querySelector(".lms-ledger__damaged"), found = window.LmsState.problems();
    if (!notice) return;
    var says = notice.querySelector(".lms-ledger__damaged-text");
    notice.hidden = !found.unreadable && !found.keys.length;
    says.textContent = found.unreadable ? DATA.text.state.unreadable
      : fill(DATA.text.state.damaged, { count: found.keys.length, keys: found.keys.join(", ") });
  }

  /* Show what the import did: how many records were merged, or why nothing changed. */
  function imported(message, result) {
    message.textContent = result.error ? text["import-" + result.error] : fill(text.imported, { count: result.count });
    message.className = "lms-ledger__message" + (result.error ? " is-error" : "");
  }

  function setupLedger(box) {
    if (!Lms.firstTime(box)) return;
    var message = box.querySelector(".lms-ledger__message");
    // first the reset: it must work whatever the stored state holds
    Lms.confirmTwice(box.querySelector("[data-lms-reset-all]"), text["confirm-reset-all"], function () {
      window.LmsState.resetAll();
      message.className = "lms-ledger__message";
      message.textContent = text.cleared;
    });
    box.hidden = false;
    var stamp = function () { return new Date().toISOString().slice(0, 10); };
    box.querySelector('[data-lms-export="json"]').addEventListener("click", function () {
      download("progres-belajar-asn-" + stamp() + ".json", "application/json", window.LmsState.exportJson());
    });
    box.querySelector('[data-lms-export="csv"]').addEventListener("click", function () {
      download("rekap-belajar-asn-" + stamp() + ".csv", "text/csv;charset=utf-8",
               csv(window.LmsProgress.ledger(window.LmsState.all())));
    });
    box.querySelector("[data-lms-import]").addEventListener("change", function (event) {
      var file = event.target.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        imported(message, window.LmsState.importJson(String(reader.result)));
        event.target.value = "";
      };
      reader.readAsText(file);
    });
    showLedger(box);
  }

  function showRecord(box) {
    var state = window.LmsState.all(), status = window.LmsProgress.courseStatus(box.dataset.lmsRecord, state);
    if (!status) return;
    box.hidden = false;
    var pending = box.querySelector(".lms-record__pending"), sheet = box.querySelector(".lms-record__sheet");
    pending.hidden = status.done;
    sheet.hidden = !status.done;
    if (!status.done) {
      pending.textContent = fill(text.pending, { done: status.count, total: status.modules.length });
      return;
    }
    var site = DATA.organization ? fill(text["site-of"], { site: DATA.site, organization: DATA.organization }) : DATA.site;
    box.querySelector(".lms-record__site").textContent = fill(text.site, { site: site, url: DATA.url || Lms.root().href });
    var facts = box.querySelector(".lms-record__facts");
    facts.textContent = "";
    [[text.course, status.course.title], [text.jp, status.course.jp + " JP"], [text.category, status.course.category],
     [text.competency, status.course.competency], [text["completed-on"], day(status.at)]].forEach(function (f) {
      facts.appendChild(el("dt", {}, f[0]));
      facts.appendChild(el("dd", {}, f[1]));
    });
    var body = box.querySelector(".lms-record__scores tbody");
    body.textContent = "";
    status.modules.forEach(function (m) {
      var tr = el("tr");
      [m.module.title, String(m.module.jp), m.done.score === null ? "✓" : m.done.score + "%", day(m.done.at)]
        .forEach(function (c) { tr.appendChild(el("td", {}, c)); });
      body.appendChild(tr);
    });
  }

  function setupRecord(box) {
    if (!Lms.firstTime(box)) return;
    var name = box.querySelector("input[name=name]"), nip = box.querySelector("input[name=nip]");
    var learner = window.LmsState.all().learner;
    name.value = learner.name;
    nip.value = learner.nip;
    var store = function () { window.LmsState.setLearner(name.value, nip.value); };
    name.addEventListener("change", store);
    nip.addEventListener("change", store);
    box.querySelector("[data-lms-print]").addEventListener("click", function () { window.print(); });
    showRecord(box);
  }

  function update() {
    document.querySelectorAll("[data-lms-ledger]").forEach(function (box) { if (box.dataset.lmsReady) showLedger(box); });
    document.querySelectorAll("[data-lms-record]").forEach(function (box) { if (box.dataset.lmsReady) showRecord(box); });
  }

  document.addEventListener("lms:state", update);
  Lms.onPage(function (page) {
    Lms.all(page, "[data-lms-ledger]").forEach(setupLedger);
    Lms.all(page, "[data-lms-record]").forEach(setupRecord);
  });
})();
