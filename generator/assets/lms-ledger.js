/* Belajar ASN: the "Progres Saya" page (JP per year as a chart and tables, the learner's name and NIP, the
 * exports for the supervisor, SIASN and the agency's 20 JP system, import, reset, damaged entries) and the
 * printable "Bukti Belajar Mandiri" of a completed course with its signature block. Reads the state through
 * lms-state.js, the courses and the records settings through window.LmsData, writes .xlsx through
 * lms-xlsx.js; every text from the site goes in with textContent. docs/records.md explains the files.
 */
(function () {
  "use strict";
  var Lms = window.Lms, fill = Lms.fill, DATA = Lms.data, text = DATA.text.journey;
  var RECORDS = DATA.records || { kind: "Belajar Mandiri", kindId: 22, organizer: DATA.site, dailyCap: null, place: "" };
  var CAP = RECORDS.dailyCap || null;  // at most this many JP counted per day; null: no cap
  // Column names of the import formats: SIASN's "kursus" fields and the agencies' 20 JP sheets (domain.md).
  var SIASN = ["nip", "nama", "namaKursus", "institusiPenyelenggara", "jenisDiklatId", "jumlahJam", "tahunKursus",
               "tanggalKursus", "tanggalSelesaiKursus", "nomorSertipikat"];
  var SHEET = [["Tanggal Mulai", 14], ["Tanggal Selesai", 14], ["Nama Kegiatan", 48], ["Penyelenggara", 32],
               ["Jenis Pengembangan", 20], ["Total JP", 10], ["NIP", 22]];

  function el(tag, attrs, textValue) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (textValue !== undefined && textValue !== null) node.textContent = textValue;
    return node;
  }

  /* Every date shown on these pages: "30 November 2026", the interface's one format (Lms.date in lms-core.js). */
  function day(iso) { return Lms.date(iso); }
  function two(n) { return (n < 10 ? "0" : "") + n; }
  /* The learner's calendar day of an instant, "YYYY-MM-DD": daily caps and exported dates use it. */
  function localDay(iso) {
    var d = new Date(iso);
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }
  /* "2026-11-30" -> "30-11-2026", as SIASN writes dates. */
  function dmy(ymd) { return ymd.split("-").reverse().join("-"); }

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

  /* ---- What counts: the ledger's rows with the JP each day counts under the agency's cap ---------- */

  /* Each row (in time order) gets `day` and `counted`: its JP, or what is left of the day's cap. */
  function counted(rows) {
    var used = {};
    return rows.map(function (r) {
      var d = localDay(r.at), left = CAP ? Math.max(0, CAP - (used[d] || 0)) : r.jp, c = Math.min(r.jp, left);
      used[d] = (used[d] || 0) + c;
      return Object.assign({}, r, { day: d, counted: c });
    });
  }

  function ledgerRows(state) { return counted(window.LmsProgress.ledger(state)); }

  /* JP per year: {year: {earned, counted}}. */
  function perYear(rows) {
    var out = {};
    rows.forEach(function (r) {
      var y = out[r.year] = out[r.year] || { earned: 0, counted: 0 };
      y.earned += r.jp;
      y.counted += r.counted;
    });
    return out;
  }

  /* Completed courses in the order they were finished: first and last day, JP earned and counted. */
  function finished(state, rows) {
    var byModule = {};
    rows.forEach(function (r) { byModule[r.key + " " + r.at] = r; });
    return Object.keys(DATA.courses).map(function (id) { return window.LmsProgress.courseStatus(id, state); })
      .filter(function (s) { return s && s.done; })
      .map(function (s) {
        var days = s.modules.map(function (m) { return localDay(m.done.at); }).sort(), earned = 0, got = 0;
        s.modules.forEach(function (m) {
          var r = byModule[Lms.key.module(s.id, m.module.id) + " " + m.done.at];
          earned += r ? r.jp : m.module.jp;
          got += r ? r.counted : m.module.jp;
        });
        return { status: s, title: s.course.title, start: days[0], end: days[days.length - 1], earned: earned, counted: got };
      })
      .sort(function (a, b) { return a.end < b.end ? -1 : a.end > b.end ? 1 : 0; });
  }

  /* "4 JP", or "4 JP diperoleh, 2 JP diakui" when the agency caps JP per day. */
  function jpText(earned, got) { return CAP ? fill(text["earned-counted"], { earned: earned, counted: got }) : earned + " JP"; }

  /* ---- The chart: one bar per year in the theme's colour, the target as a line and a legend ------- */

  function chart(years, target) {
    var keys = Object.keys(years).sort(), max = target;
    keys.forEach(function (y) { max = Math.max(max, years[y].counted); });
    var summary = keys.map(function (y) { return fill(text["year-row"], { year: y, jp: years[y].counted }); }).join(", ");
    var box = el("div", { "class": "lms-jpchart", role: "img",
                          "aria-label": fill(text["chart-label"], { summary: summary, jp: target }) });
    keys.forEach(function (y) {
      var jp = years[y].counted, rowBox = el("div", { "class": "lms-jpchart__row", "aria-hidden": "true" });
      var track = el("span", { "class": "lms-jpchart__track" });
      var bar = track.appendChild(el("span", { "class": jp >= target ? "lms-jpchart__bar is-met" : "lms-jpchart__bar" }));
      bar.style.width = (100 * jp / max) + "%";
      track.appendChild(el("span", { "class": "lms-jpchart__target" })).style.left = (100 * target / max) + "%";
      rowBox.appendChild(el("span", { "class": "lms-jpchart__year" }, y));
      rowBox.appendChild(track);
      rowBox.appendChild(el("span", { "class": "lms-jpchart__value" }, fill(text["chart-value"], { jp: jp })));
      box.appendChild(rowBox);
    });
    var legend = box.appendChild(el("p", { "class": "lms-jpchart__legend", "aria-hidden": "true" }));
    legend.appendChild(el("span", { "class": "lms-jpchart__key" }));
    legend.appendChild(document.createTextNode(fill(text.target, { jp: target })));
    return box;
  }

  function link(href, textValue) { return el("a", { href: href }, textValue); }

  function yearsTable(years, target) {
    var headers = CAP ? [text.year, text.earned, text.counted] : [text.year, text.jp];
    return table(headers, Object.keys(years).sort().map(function (y) {
      var of = fill(text["of-target"], { jp: years[y].counted, target: target });
      return CAP ? [y, years[y].earned + " JP", of] : [y, of];
    }));
  }

  function coursesTable(courses) {
    var headers = [text.date, text.course].concat(CAP ? [text.earned, text.counted] : [text.jp], [text.competency, text.record]);
    return table(headers, courses.map(function (c) {
      return [day(c.status.at), link(Lms.url("course", { course: c.status.id }), c.title)]
        .concat(CAP ? [String(c.earned), String(c.counted)] : [String(c.earned)],
                [c.status.course.competency, link(Lms.url("record", { course: c.status.id }), text["record-link"])]);
    }));
  }

  function modulesTable(rows) {
    var headers = [text.date, text.course, text.module, text.score].concat(CAP ? [text.earned, text.counted] : [text.jp]);
    return table(headers, rows.map(function (r) {
      return [day(r.at), r.course, r.module, r.score === null ? "✓" : r.score + "%"]
        .concat(CAP ? [String(r.jp), String(r.counted)] : [String(r.jp)]);
    }));
  }

  function showLedger(box) {
    var state = window.LmsState.all(), rows = ledgerRows(state), target = DATA.jpTarget, years = perYear(rows);
    showProblems(box);
    var parts = ["chart", "years", "courses", "modules"].map(function (n) { return box.querySelector(".lms-ledger__" + n); });
    parts.forEach(function (b) { b.textContent = ""; });
    box.hidden = false;
    var cap = box.querySelector(".lms-records__cap");
    if (cap) { cap.hidden = !CAP; cap.textContent = CAP ? fill(text["cap-note"], { cap: CAP }) : ""; }
    if (!rows.length) {
      parts[3].appendChild(el("p", {}, text["no-progress"]));
      return;
    }
    parts[0].appendChild(chart(years, target));
    parts[1].appendChild(yearsTable(years, target));
    var courses = finished(state, rows);
    parts[2].appendChild(courses.length ? coursesTable(courses) : el("p", {}, "—"));
    parts[3].appendChild(modulesTable(rows));
  }

  /* ---- The files ---------------------------------------------------------------------------------- */

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

  /* ";" and a BOM, as Excel in Indonesia reads it. */
  function csvText(lines) {
    return "\ufeff" + lines.map(function (l) { return l.map(cell).join(";"); }).join("\r\n") + "\r\n";
  }

  /* The supervisor's summary: one row per module and year; the learner's name and NIP end each row once
   * either is filled in (without them the file keeps its first seven columns). */
  function rekap(rows, learner) {
    var who = learner.name || learner.nip ? [learner.name, learner.nip] : [];
    var head = [text.year, text.date, text.course, text.module, text.competency, CAP ? text.earned : text.jp, text.score];
    return csvText([head.concat(CAP ? [text.counted] : [], who.length ? [text.name, text.nip] : [])]
      .concat(rows.map(function (r) {
        return [r.year, r.day, r.course, r.module, r.competency, r.jp, r.score === null ? "" : r.score]
          .concat(CAP ? [r.counted] : [], who);
      })));
  }

  /* SIASN's "kursus" fields, one row per completed course; jumlahJam is the JP counted. */
  function siasn(courses, learner) {
    return csvText([SIASN.concat(CAP ? ["jumlahJamDiperoleh"] : [])].concat(courses.map(function (c) {
      return [learner.nip, learner.name, c.title, RECORDS.organizer, RECORDS.kindId, c.counted, c.end.slice(0, 4),
              dmy(c.start), dmy(c.end), ""].concat(CAP ? [c.earned] : []);
    })));
  }

  /* The agencies' 20 JP import sheet: real dates, JP as numbers, the NIP as text. */
  function sheet(courses, learner) {
    var columns = SHEET.concat(CAP ? [["JP Diperoleh", 12]] : []).map(function (c) { return { title: c[0], width: c[1] }; });
    return window.LmsXlsx.workbook("Pengembangan Kompetensi", columns, courses.map(function (c) {
      return [{ date: c.start }, { date: c.end }, c.title, RECORDS.organizer, RECORDS.kind, c.counted, learner.nip]
        .concat(CAP ? [c.earned] : []);
    }));
  }

  function exportFile(kind, say) {
    var state = window.LmsState.all(), rows = ledgerRows(state), learner = state.learner, stamp = localDay(new Date());
    if (kind === "csv") return send(say, "rekap-belajar-asn-" + stamp + ".csv", "text/csv;charset=utf-8", rekap(rows, learner));
    var courses = finished(state, rows);
    if (!courses.length) { say(text["no-courses"]); return; }
    if (kind === "siasn") send(say, "siasn-kursus-" + stamp + ".csv", "text/csv;charset=utf-8", siasn(courses, learner));
    else send(say, "20jp-belajar-asn-" + stamp + ".xlsx", window.LmsXlsx.type, sheet(courses, learner));
  }

  function send(say, name, type, body) {
    download(name, type, body);
    say(fill(text.downloaded, { file: name }));
  }

  /* ---- The learner's name and NIP: kept in this browser, the same on Progres Saya and every record ---- */

  /* A NIP as people type it ("19850101 201001 1 001") kept as its digits, as text. */
  function nipOf(value) { return String(value).replace(/\s+/g, ""); }

  function bindLearner(fields, note) {
    var name = fields.querySelector("input[name=name]"), nip = fields.querySelector("input[name=nip]");
    var learner = window.LmsState.all().learner;
    name.value = learner.name;
    nip.value = learner.nip;
    var check = function () {
      var digits = nip.value.replace(/\D/g, "").length;
      if (note) note.textContent = nip.value && !/^\d{18}$/.test(nip.value) ? fill(text["nip-invalid"], { count: digits }) : "";
    };
    var store = function () {
      nip.value = nipOf(nip.value);
      window.LmsState.setLearner(name.value.trim(), nip.value);
      check();
    };
    name.addEventListener("change", store);
    nip.addEventListener("change", store);
    check();
    return store;
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

  function setupExports(box) {
    var said = box.querySelector(".lms-records__message") || box.querySelector(".lms-ledger__message");
    var store = bindLearner(box.querySelector("[data-lms-learner]") || box, box.querySelector(".lms-records__nip-note"));
    var say = function (words) { said.textContent = words; };
    box.querySelector('[data-lms-export="json"]').addEventListener("click", function () {
      download("progres-belajar-asn-" + localDay(new Date()) + ".json", "application/json", window.LmsState.exportJson());
    });
    ["csv", "siasn", "xlsx"].forEach(function (kind) {
      var button = box.querySelector('[data-lms-export="' + kind + '"]');
      if (button) button.addEventListener("click", function () { store(); exportFile(kind, say); });
    });
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
    setupExports(box);
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

  /* ---- The completion record ---------------------------------------------------------------------- */

  function showFacts(box, status, course) {
    var facts = box.querySelector(".lms-record__facts");
    facts.textContent = "";
    [[text.course, status.course.title], [text.jp, jpText(course.earned, course.counted)], [text.category, status.course.category],
     [text.competency, status.course.competency], [text["completed-on"], day(status.at)]].forEach(function (f) {
      facts.appendChild(el("dt", {}, f[0]));
      facts.appendChild(el("dd", {}, f[1]));
    });
    var cap = box.querySelector(".lms-records__cap");
    cap.hidden = !CAP;
    cap.textContent = CAP ? fill(text["cap-note"], { cap: CAP }) : "";
  }

  /* "Medan, 30 November 2026" (today: the day it is signed), and the learner's name and NIP under the signature. */
  function showSignature(box, learner) {
    box.querySelector(".lms-record__place").textContent =
      fill(text["place-date"], { place: RECORDS.place || text.blank, date: day(new Date()) });
    box.querySelector(".lms-record__learner-name").textContent = learner.name || text.blank;
    box.querySelector(".lms-record__learner-nip").textContent = learner.nip || text.blank;
  }

  function showRecord(box) {
    var state = window.LmsState.all(), status = window.LmsProgress.courseStatus(box.dataset.lmsRecord, state);
    if (!status) return;
    box.hidden = false;
    var pending = box.querySelector(".lms-record__pending"), sheetBox = box.querySelector(".lms-record__sheet");
    pending.hidden = status.done;
    sheetBox.hidden = !status.done;
    if (!status.done) {
      pending.textContent = fill(text.pending, { done: status.count, total: status.modules.length });
      return;
    }
    var site = DATA.organization ? fill(text["site-of"], { site: DATA.site, organization: DATA.organization }) : DATA.site;
    box.querySelector(".lms-record__site").textContent = fill(text.site, { site: site, url: DATA.url || Lms.root().href });
    var course = finished(state, ledgerRows(state)).filter(function (c) { return c.status.id === status.id; })[0];
    showFacts(box, status, course);
    showSignature(box, state.learner);
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
    bindLearner(box.querySelector(".lms-record__fields"), box.querySelector(".lms-records__nip-note"));
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
