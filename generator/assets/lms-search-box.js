/* Belajar ASN: the search box in the header, with the theme's look and markup (.md-search,
 * .md-search__input, .md-search-result__item), put there by us: search is the site's own, not
 * the theme's (docs/search.md). The engine (assets/lms/search.js: lms-stem.js + lms-search.js)
 * loads only when a reader starts to search, or opens a result (?h= highlights the words found).
 */
(function () {
  "use strict";
  var text = Lms.data.text.search;
  var ICONS = {
    search: "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5",
    back: "M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z",
    close: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"
  };
  function icon(name) {
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="' +
      ICONS[name] + '"/></svg>';
  }
  var escape = Lms.escape;

  /* The theme's search markup (Material's partials/search.html), in the site's language. */
  function markup() {
    return '<label class="md-header__button md-icon" for="__search" title="' + escape(text.label) + '">' +
      icon("search") + '</label>' +
      '<div class="md-search" role="dialog" aria-label="' + escape(text.label) + '">' +
      '<label class="md-search__overlay" for="__search"></label>' +
      '<div class="md-search__inner" role="search"><form class="md-search__form" name="search">' +
      '<input type="text" class="md-search__input" name="query" aria-label="' + escape(text.label) +
      '" placeholder="' + escape(text.label) + '" autocapitalize="off" autocorrect="off" autocomplete="off"' +
      ' spellcheck="false" required>' +
      '<label class="md-search__icon md-icon" for="__search">' + icon("search") + icon("back") + '</label>' +
      '<nav class="md-search__options" aria-label="' + escape(text.label) + '">' +
      '<button type="reset" class="md-search__icon md-icon" title="' + escape(text.reset) + '" aria-label="' +
      escape(text.reset) + '" tabindex="-1">' + icon("close") + '</button></nav></form>' +
      '<div class="md-search__output"><div class="md-search__scrollwrap" tabindex="0">' +
      '<div class="md-search-result"><div class="md-search-result__meta">' + escape(text.type) + '</div>' +
      '<ol class="md-search-result__list" role="presentation"></ol></div></div></div></div></div>';
  }

  /* The engine, loaded once (Lms.script), then LmsSearch.attach. */
  function engine() {
    return Lms.script("search-engine", {}).then(function () { return window.LmsSearch; });
  }

  function typing(el) {
    return el && (el.isContentEditable || /^(input|textarea|select)$/i.test(el.tagName));
  }

  Lms.onPage(function (doc) {
    var header = doc.querySelector(".md-header__inner"), toggle = doc.getElementById("__search");
    if (!header || !toggle || header.querySelector(".md-search")) return;
    var box = doc.createElement("div");
    box.innerHTML = markup();
    var before = header.querySelector(".md-header__source");
    while (box.firstChild) header.insertBefore(box.firstChild, before);
    var search = header.querySelector(".md-search");
    var input = search.querySelector(".md-search__input");
    input.addEventListener("focus", function () { toggle.checked = true; });
    input.addEventListener("focus", function () {
      engine().then(function (s) { s.attach(search, toggle); });
    }, {once: true});
    toggle.addEventListener("change", function () {
      if (toggle.checked) input.focus();
    });
    doc.addEventListener("keydown", function (event) {  // "/", "s" or "f" opens search, as in the theme
      if (event.ctrlKey || event.metaKey || event.altKey || typing(document.activeElement)) return;
      if (event.key === "/" || event.key === "s" || event.key === "f") {
        event.preventDefault();
        toggle.checked = true;
        input.focus();
      }
    });
    if (new URLSearchParams(location.search).get("h")) {
      engine().then(function (s) { s.highlight(doc, new URLSearchParams(location.search).get("h")); });
    }
  });
})();
