/* Belajar ASN: filters for catalogue lists. Without this script the form stays hidden and every item is listed.
 *
 * A form[data-lms-filter="LIST-ID"] filters the items of the list with that id. Each control
 * names a data attribute of the items and says how to compare (data-match):
 *   eq     the item's value equals the control's value;
 *   range  the control's value is "low-high" and the item's number lies within it;
 *   within the control's value is a number and the item's "min-max" range contains it.
 * An empty control matches everything; an item is shown when every control matches.
 *
 * The page's address holds the filters (?kategori=teknis&level=2, each control's data-param), so a
 * filtered list can be shared and survives a reload; the address is the one source of truth, read
 * again whenever the page is shown (a fresh load, instant navigation, Back from the bfcache), so the
 * form and the list always agree. The form is a <details> "Saring daftar (n aktif)": open on wide
 * screens, closed on a phone so the list starts on the first screen.
 */
(function () {
  "use strict";
  var Lms = window.Lms;
  var WIDE = "(min-width: 45em)";  // wider than a phone held upright or sideways: the filters start open

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

  function controls(form) { return Lms.all(form, "select[data-param], input[data-param]"); }

  function apply(form, list) {
    var all = controls(form), items = Array.prototype.slice.call(list.children), shown = 0;
    items.forEach(function (item) {
      var ok = all.every(function (c) { return matches(c, item.dataset[c.name]); });
      item.hidden = !ok;
      if (ok) shown++;
    });
    var active = all.filter(function (c) { return c.value.trim() !== ""; }).length;
    form.querySelector(".lms-filter__active").textContent =
      active ? Lms.fill(form.getAttribute("data-lms-active"), { n: active }) : "";
    form.querySelector(".lms-filter__count").textContent =
      Lms.fill(form.getAttribute("data-lms-count"), { shown: shown, total: items.length });
    form.querySelector(".lms-filter__none").hidden = shown > 0;
  }

  /* The controls as the address says; a value the control does not offer is left out. */
  function fromAddress(form) {
    var params = new URLSearchParams(location.search);
    controls(form).forEach(function (c) {
      var wanted = params.get(c.getAttribute("data-param")) || "";
      if (c.tagName === "SELECT") {
        var offered = Lms.all(c, "option").some(function (o) { return o.value === wanted; });
        c.value = offered ? wanted : "";
      } else {
        c.value = /^[0-9]{1,4}$/.test(wanted) ? wanted : "";
      }
    });
  }

  /* The address as the controls say; other parameters (Material's ?h= search highlight) stay. */
  function toAddress(form) {
    var address = new URL(location.href);
    controls(form).forEach(function (c) {
      var name = c.getAttribute("data-param"), value = c.value.trim();
      if (value) address.searchParams.set(name, value);
      else address.searchParams["delete"](name);
    });
    if (address.href !== location.href) history.replaceState(history.state, "", address.href);
  }

  var shownForms = [];  // the forms of the page on screen, for pageshow

  function sync(entry) {
    fromAddress(entry.form);
    apply(entry.form, entry.list);
  }

  function setup(form) {
    var list = document.getElementById(form.getAttribute("data-lms-filter"));
    if (!list || !Lms.firstTime(form)) return;
    var entry = { form: form, list: list };
    function changed() { apply(form, list); toAddress(form); }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (e) { e.preventDefault(); changed(); });
    form.addEventListener("reset", function () { setTimeout(changed, 0); });
    form.querySelector("details").open = window.matchMedia(WIDE).matches;
    form.hidden = false;
    shownForms.push(entry);
    sync(entry);
  }

  Lms.onPage(function (page) {
    shownForms = shownForms.filter(function (e) { return e.form.isConnected; });
    Lms.all(page, "form[data-lms-filter]").forEach(setup);
  });
  /* Back to a page kept whole in the bfcache: no setup runs, and the browser may have restored a control's
   * value of its own; the address decides. */
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) shownForms.forEach(sync);
  });
})();
