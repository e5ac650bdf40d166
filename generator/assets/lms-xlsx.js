/* Belajar ASN: a minimal SpreadsheetML (Office Open XML, .xlsx) writer, in the browser, with no network.
 *
 * One worksheet; cells are text (inline strings, styled "@" so an edited NIP stays text), numbers, or
 * dates ({date: "YYYY-MM-DD"}, written as real date serials with a dd-mm-yyyy format). The parts go into a
 * zip of "stored" (uncompressed) entries, which every xlsx reader accepts; the zip needs a CRC-32 per entry.
 * tests/test_records_xlsx.py opens the result with openpyxl and python-calamine.
 */
(function () {
  "use strict";

  var MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  var REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  var PKG = "http://schemas.openxmlformats.org/package/2006/";
  var TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
  var STYLE = { date: 1, head: 2, text: 3 };  // indexes into cellXfs below

  var CRC_TABLE = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    return table;
  })();

  /* CRC-32 (IEEE, as zip uses it) of a byte array. */
  function crc32(bytes) {
    var c = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  function utf8(s) { return new TextEncoder().encode(s); }

  /* Text safe inside XML: the five entities, and no control characters XML 1.0 forbids. */
  function xml(s) {
    return String(s).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /* 0 -> A, 25 -> Z, 26 -> AA. */
  function column(i) {
    var name = "";
    for (i += 1; i > 0; i = Math.floor((i - 1) / 26)) name = String.fromCharCode(65 + (i - 1) % 26) + name;
    return name;
  }

  /* "2026-11-30" -> the spreadsheet's day number (days since 1899-12-30, the 1900 date system). */
  function serial(ymd) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
    if (!m) throw new Error("not a YYYY-MM-DD date: " + ymd);
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400000 + 25569;
  }

  function cell(ref, value, style) {
    if (value === null || value === undefined || value === "") return "";
    if (typeof value === "number" && isFinite(value)) return '<c r="' + ref + '"><v>' + value + "</v></c>";
    if (value && value.date) return '<c r="' + ref + '" s="' + STYLE.date + '"><v>' + serial(value.date) + "</v></c>";
    return '<c r="' + ref + '" s="' + (style || STYLE.text) + '" t="inlineStr"><is><t xml:space="preserve">' +
      xml(value) + "</t></is></c>";
  }

  function row(index, values, style) {
    var ref = index + 1;
    return '<row r="' + ref + '">' + values.map(function (v, i) { return cell(column(i) + ref, v, style); }).join("") +
      "</row>";
  }

  /* The worksheet: a frozen, bold header row, column widths, then the rows. */
  function sheetXml(columns, rows) {
    var cols = columns.map(function (c, i) {
      return '<col min="' + (i + 1) + '" max="' + (i + 1) + '" width="' + (c.width || 14) + '" customWidth="1"/>';
    }).join("");
    var body = [row(0, columns.map(function (c) { return c.title; }), STYLE.head)]
      .concat(rows.map(function (r, i) { return row(i + 1, r); })).join("");
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="' + MAIN + '">' +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      "</sheetView></sheetViews><cols>" + cols + "</cols><sheetData>" + body + "</sheetData></worksheet>";
  }

  var STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="' + MAIN + '">' +
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/></numFmts>' +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>' +
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

  /* The package's parts, [Content_Types].xml first. */
  function parts(sheetName, columns, rows) {
    var head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    var name = String(sheetName).replace(/[\[\]:*?\/\\]/g, " ").slice(0, 31) || "Sheet1";
    return [
      ["[Content_Types].xml", head + '<Types xmlns="' + PKG + 'content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="' + TYPE + 'sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="' + TYPE + 'worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="' + TYPE + 'styles+xml"/></Types>'],
      ["_rels/.rels", head + '<Relationships xmlns="' + PKG + 'relationships">' +
        '<Relationship Id="rId1" Type="' + REL + '/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
      ["xl/workbook.xml", head + '<workbook xmlns="' + MAIN + '" xmlns:r="' + REL + '"><sheets>' +
        '<sheet name="' + xml(name) + '" sheetId="1" r:id="rId1"/></sheets></workbook>'],
      ["xl/_rels/workbook.xml.rels", head + '<Relationships xmlns="' + PKG + 'relationships">' +
        '<Relationship Id="rId1" Type="' + REL + '/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="' + REL + '/styles" Target="styles.xml"/></Relationships>'],
      ["xl/styles.xml", STYLES],
      ["xl/worksheets/sheet1.xml", sheetXml(columns, rows)]
    ];
  }

  /* A zip header: [bytes, value] pairs written little-endian. */
  function header(fields) {
    var size = fields.reduce(function (n, f) { return n + f[0]; }, 0), view = new DataView(new ArrayBuffer(size));
    fields.reduce(function (at, f) {
      if (f[0] === 2) view.setUint16(at, f[1], true); else view.setUint32(at, f[1], true);
      return at + f[0];
    }, 0);
    return new Uint8Array(view.buffer);
  }

  var DOS_DATE = 33;  // 1980-01-01, 00:00: the same bytes whenever the file is made (the clock adds nothing)

  /* A zip archive of stored entries: [[name, Uint8Array], ...] -> Uint8Array. */
  function zip(entries) {
    var chunks = [], central = [], offset = 0;
    entries.forEach(function (e) {
      var name = utf8(e[0]), data = e[1], crc = crc32(data);
      var common = [[2, 20], [2, 0x0800], [2, 0], [2, 0], [2, DOS_DATE], [4, crc], [4, data.length],
                    [4, data.length], [2, name.length], [2, 0]];
      var local = header([[4, 0x04034b50]].concat(common));
      chunks.push(local, name, data);
      central.push(header([[4, 0x02014b50], [2, 20]].concat(common, [[2, 0], [2, 0], [2, 0], [4, 0], [4, offset]])), name);
      offset += local.length + name.length + data.length;
    });
    var size = central.reduce(function (n, c) { return n + c.length; }, 0);
    var end = header([[4, 0x06054b50], [2, 0], [2, 0], [2, entries.length], [2, entries.length], [4, size],
                      [4, offset], [2, 0]]);
    return concat(chunks.concat(central, [end]));
  }

  function concat(arrays) {
    var out = new Uint8Array(arrays.reduce(function (n, a) { return n + a.length; }, 0)), at = 0;
    arrays.forEach(function (a) { out.set(a, at); at += a.length; });
    return out;
  }

  /* An .xlsx file's bytes: columns [{title, width}], rows of cells (text, number or {date}). */
  function workbook(sheetName, columns, rows) {
    return zip(parts(sheetName, columns, rows).map(function (p) { return [p[0], utf8(p[1])]; }));
  }

  window.LmsXlsx = Object.freeze({ workbook: workbook, zip: zip, crc32: crc32, serial: serial, column: column,
                                   type: TYPE + "sheet" });
})();
