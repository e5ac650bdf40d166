/* Belajar ASN: filters for catalogue lists. Without this script every item is listed.
 *
 * A form[data-lms-filter="LIST-ID"] filters the items of the list with that id. Each control
 * names a data attribute of the items and says how to compare (data-match):
 *   eq     the item's value equals the control's value;
 *   range  the control's value is "low-high" and the item's number lies within it;
 *   within the control's value is a number and the item's "min-max" range contains it.
 * An empty control matches everything; an item is shown when every control matches.
 */
(function () {
  "use strict";
  var Lms = window.Lms;

  function matches(control, value) {
    var wanted = control.value.trim();
    if (wanted === "") return true;
    if (value === undefined || value === "") return false;
    var how = control.getAttribute("data-match");
    if (how === "range") {
      var r = wanted.split("-").map(Number), n = Number(value);
      return n >= r[0] && n <= r[1];
    }
    if (how === "within") {
      var want = Number(wanted), span = value.split("-").map(Number);
      return !isNaN(want) && want >= span[0] && want <= span[1];
    }
    return value === wanted;
  }

  function apply(form, list) {
    var controls = Lms.all(form, "select, input");
    var items = Array.prototype.slice.call(list.children);
    var shown = 0;
    items.forEach(function (item) {
      var ok = controls.every(function (c) { return matches(c, item.dataset[c.name]); });
      item.hidden = !ok;
      if (ok) shown++;
    });
    var count = form.querySelector(".lms-filter__count");
    count.textContent = Lms.fill(form.getAttribute("data-lms-count"), { shown: shown, total: items.length });
    form.querySelector(".lms-filter__none").hidden = shown > 0;
  }

  Lms.onPage(function (page) {
    Lms.all(page, "form[data-lms-filter]").forEach(function (form) {
      var list = document.getElementById(form.getAttribute("data-lms-filter"));
      if (!list || !Lms.firstTime(form)) return;
      form.hidden = false;
      form.addEventListener("input", function () { apply(form, list); });
      form.addEventListener("change", function () { apply(form, list); });
      form.addEventListener("submit", function (e) { e.preventDefault(); apply(form, list); });
      form.addEventListener("reset", function () { setTimeout(function () { apply(form, list); }, 0); });
      apply(form, list);
    });
  });
})();
