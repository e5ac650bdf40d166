/* Belajar ASN: problems found while `lms serve` runs, shown over the last good version of the
 * page until they are fixed. Only `lms serve` includes this file; the list comes from the
 * generated lms-serve-data.js (window.LmsServeData), rewritten after every rebuild (empty
 * when all is well). */
(function () {
  "use strict";
  var found = window.LmsServeData || { title: "", problems: [] };

  function show() {
    var old = document.getElementById("lms-serve-problems");
    if (old) old.remove();
    if (!found.problems.length) return;
    var box = document.createElement("section");
    box.id = "lms-serve-problems";
    box.setAttribute("role", "alert");
    var heading = document.createElement("h2");
    heading.textContent = found.title;
    box.appendChild(heading);
    var list = document.createElement("ul");
    found.problems.forEach(function (p) {
      var item = document.createElement("li"), where = document.createElement("code");
      where.textContent = p.where;
      item.appendChild(where);
      item.appendChild(document.createTextNode(" " + p.message));
      if (p.hint) {
        var hint = document.createElement("div");
        hint.textContent = p.hint;
        item.appendChild(hint);
      }
      list.appendChild(item);
    });
    box.appendChild(list);
    document.body.appendChild(box);
  }

  window.Lms.onPage(show);
})();
