/* Belajar ASN: the "Progres Saya" page (JP per year as an SVG chart and tables, export,
 * import, reset) and the printable "Bukti Belajar Mandiri" of a completed course. Reads the
 * state through lms-state.js and the courses through catalogue.js; every text from the site
 * goes in with textContent.
 */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function fill(t, v) { return t.replace(/\{(\w+)\}/g, function (m, k) { return k in v ? v[k] : m; }); }
  function cat() { return window.LmsCatalogue; }
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
    return d.toLocaleDateString(cat().lang === "id" ? "id-ID" : "en-GB", { day: "numeric", month: "long", year: "numeric" });
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
  function chart(years, target, text) {
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
    var text = cat().text, state = window.LmsState.all(), rows = window.LmsProgress.ledger(state);
    var target = cat().jpTarget, years = perYear(rows);
    var chartBox = box.querySelector(".lms-ledger__chart"), yearsBox = box.querySelector(".lms-ledger__years");
    var coursesBox = box.querySelector(".lms-ledger__courses"), modulesBox = box.querySelector(".lms-ledger__modules");
    [chartBox, yearsBox, coursesBox, modulesBox].forEach(function (b) { b.textContent = ""; });
    box.hidden = false;
    if (!rows.length) {
      modulesBox.appendChild(el("p", {}, text["no-progress"]));
      return;
    }
    chartBox.appendChild(chart(years, target, text));
    yearsBox.appendChild(table([text.year, text.jp], Object.keys(years).sort().map(function (y) {
      return [y, fill(text["of-target"], { jp: years[y], target: target })];
    })));
    var done = Object.keys(cat().courses).map(function (id) { return window.LmsProgress.courseStatus(id, state); })
      .filter(function (s) { return s.done; });
    if (done.length) {
      coursesBox.appendChild(table([text.date, text.course, text.jp, text.competency, text.record], done.map(function (s) {
        return [day(s.at), link(window.LmsProgress.pageUrl(s.id), s.course.title), String(s.course.jp), s.course.competency,
                link(window.LmsProgress.pageUrl(s.id, "bukti"), text["record-link"])];
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

  /* The supervisor's summary: one row per module and year; ";" and a BOM, as Excel in Indonesia reads it. */
  function csv(rows) {
    var text = cat().text;
    var quote = function (v) { v = String(v === null || v === undefined ? "" : v); return /[";\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; };
    var lines = [[text.year, text.date, text.course, text.module, text.competency, text.jp, text.score].map(quote).join(";")];
    rows.forEach(function (r) {
      lines.push([r.year, r.at.slice(0, 10), r.course, r.module, r.competency, r.jp, r.score === null ? "" : r.score].map(quote).join(";"));
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  function setupLedger(box) {
    if (box.dataset.lmsReady) return;
    box.dataset.lmsReady = "1";
    var text = cat().text, message = box.querySelector(".lms-ledger__message");
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
        var result = window.LmsState.importJson(String(reader.result));
        message.textContent = result.error ? text["import-" + result.error] : fill(text.imported, { count: result.count });
        message.className = "lms-ledger__message" + (result.error ? " is-error" : "");
        event.target.value = "";
      };
      reader.readAsText(file);
    });
    var reset = box.querySelector("[data-lms-reset-all]"), label = reset.textContent, armed = null;
    reset.addEventListener("click", function () {
      if (!armed) {
        reset.textContent = text["confirm-reset-all"];
        armed = setTimeout(function () { reset.textContent = label; armed = null; }, 5000);
        return;
      }
      clearTimeout(armed); armed = null;
      reset.textContent = label;
      window.LmsState.resetAll();
      message.textContent = text.cleared;
    });
    showLedger(box);
  }

  function showRecord(box) {
    var text = cat().text, state = window.LmsState.all(), status = window.LmsProgress.courseStatus(box.dataset.lmsRecord, state);
    if (!status) return;
    box.hidden = false;
    var pending = box.querySelector(".lms-record__pending"), sheet = box.querySelector(".lms-record__sheet");
    pending.hidden = status.done;
    sheet.hidden = !status.done;
    if (!status.done) {
      pending.textContent = fill(text.pending, { done: status.count, total: status.modules.length });
      return;
    }
    var site = cat().site + (cat().organization ? " · " + cat().organization : "");
    box.querySelector(".lms-record__site").textContent = fill(text.site, { site: site, url: cat().url || window.LmsState.root().href });
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
    if (box.dataset.lmsReady) return;
    box.dataset.lmsReady = "1";
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
    if (!cat() || !window.LmsProgress) return;
    document.querySelectorAll("[data-lms-ledger]").forEach(function (box) { if (box.dataset.lmsReady) showLedger(box); });
    document.querySelectorAll("[data-lms-record]").forEach(function (box) { if (box.dataset.lmsReady) showRecord(box); });
  }

  function init() {
    if (!cat() || !window.LmsProgress) return;
    document.querySelectorAll("[data-lms-ledger]").forEach(setupLedger);
    document.querySelectorAll("[data-lms-record]").forEach(setupRecord);
  }

  document.addEventListener("lms:state", update);
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
