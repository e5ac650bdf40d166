"""The site's own quality gates, on every page of the sample site in headless Chromium.

One visit per page collects everything (overflow at 320 and 360 px, focus indicators, English
theme strings, console errors, axe-core findings); each test then asserts one gate, so a failure
names the gate and the pages. Every page is visited once in the one shared browser.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from browser import FRAMES, STILL, browser_page, serve

WIDTHS = (320, 360)
MATERIAL = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages"
# English the theme, Python-Markdown or the browser could show that no translation table catches
EXTRA_ENGLISH = ("Permanent link", "Not found", "Choose File", "No file chosen", "Made with",
                 "Back to top", "Skip to content", "Table of contents")


def english_strings() -> list[str]:
    """Material's English texts that its Indonesian table does not also use, plus EXTRA_ENGLISH."""
    pattern = re.compile(r'"([a-z.]+)": "([^"]*)"')
    en = dict(pattern.findall((MATERIAL / "en.html").read_text(encoding="utf-8")))
    same = set(pattern.findall((MATERIAL / "id.html").read_text(encoding="utf-8")))
    skip = ("search.config", "language", "direction")
    out = {text for key, text in en.items() if (key, text) not in same and not key.startswith(skip)
           and len(text) > 3 and "#" not in text}
    return sorted(out | set(EXTRA_ENGLISH))


# the kinds of focusable element a page can have, and one element of each (the first one shown)
FOCUS_PROBE = """() => {
  const kinds = {"a": "a[href]", "button": "button", "summary": "summary", "select": "select",
    "textarea": "textarea", "radio": "input[type=radio]", "checkbox": "input[type=checkbox]",
    "text": "input[type=text], input[type=search], input:not([type])", "file": "input[type=file]",
    "tabindex": "[tabindex]:not([tabindex='-1']):not(a):not(button):not(input):not(select):not(summary)"};
  const look = (el) => { const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor].join("|"); };
  const ring = (el) => { const s = getComputedStyle(el);
    return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || (s.boxShadow !== "none"); };
  const out = {};
  for (const [kind, selector] of Object.entries(kinds)) {
    // the element Tab reaches first: a group's checked radio before the others
    const el = [...document.querySelectorAll(selector)]
      .sort((a, b) => (b.checked ? 1 : 0) - (a.checked ? 1 : 0)).find((e) => {
      e.focus(); const focusable = document.activeElement === e; e.blur();
      if (!focusable) return false;
      if (e.disabled || e.closest("[hidden], [inert]")) return false;
      const box = e.getBoundingClientRect();
      const label = e.labels && e.labels[0];
      return (box.width > 1 && box.height > 1 && getComputedStyle(e).visibility !== "hidden")
        || (label && label.getBoundingClientRect().width > 1);
    });
    if (!el) continue;
    const box = el.getBoundingClientRect();
    const labels = [el.nextElementSibling, ...(el.labels || []), ...el.parentNode.querySelectorAll("label")];
    const shown = box.width > 1 && box.height > 1 ? el : labels.find((l) =>
      l && l.tagName === "LABEL" && l.getBoundingClientRect().width > 1);  // a visually hidden input shows its label
    const before = look(shown);
    el.focus();
    const after = look(shown);
    out[kind] = {ok: document.activeElement === el && (ring(shown) || before !== after),
                 what: el.outerHTML.slice(0, 120)};
    el.blur();
  }
  return out;
}"""

OVERFLOW_PROBE = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const wide = [...document.body.querySelectorAll("*")].filter((e) => {
    const box = e.getBoundingClientRect();
    return box.right > width + 1 && box.width > 0 && getComputedStyle(e).position !== "fixed";
  }).filter((e, _, all) => !all.some((o) => o !== e && e.contains(o)));
  return {scroll: document.documentElement.scrollWidth,
          wide: wide.slice(0, 3).map((e) => e.tagName.toLowerCase()
                                    + (e.className ? "." + String(e.className).split(" ")[0] : "")
                                    + " " + Math.round(e.getBoundingClientRect().right))};
}"""

TEXTS_PROBE = """() => [document.body.innerText, document.title,
  ...[...document.querySelectorAll("[title], [aria-label], [placeholder], [alt]")].flatMap((e) =>
    ["title", "aria-label", "placeholder", "alt"].map((a) => e.getAttribute(a) || ""))].join("\\n")"""


AXE = Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js"
AXE_START = "() => { window.__lmsAxe = axe.run(document, {resultTypes: ['violations']}); }"
# a scheme changes colours only: the dark pass runs axe's colour rules (every rule runs on every page in light)
AXE_COLOURS = ("() => { window.__lmsAxe = axe.run(document, {resultTypes: ['violations'], runOnly: "
               "{type: 'rule', values: ['color-contrast', 'link-in-text-block']}}); }")
AXE_RESULT = """async () => (await window.__lmsAxe).violations.map((v) =>
  [v.id, v.impact, v.nodes.slice(0, 3).map((n) => n.target.join(' '))])"""
TABS = 3  # pages open at once: axe runs in one tab's renderer while the next tab loads (2 cores here)


def probe(page, url: str, english: re.Pattern) -> dict:
    """The quick gates on one page; axe-core is started and left running (collected by axe_of)."""
    found: dict = {"overflow": {}, "english": [], "focus": {}, "axe": []}
    page.set_viewport_size({"width": WIDTHS[0], "height": 700})
    page.goto(url, wait_until="load")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 700})
        wide = page.evaluate(OVERFLOW_PROBE)
        if wide:
            found["overflow"][width] = wide
    page.bring_to_front()  # a tab in the background gets no animation frames: Material sizes its sidebars in one
    page.set_viewport_size({"width": 1280, "height": 900})
    page.evaluate(FRAMES)
    found["english"] = sorted(set(english.findall(page.evaluate(TEXTS_PROBE))))
    page.add_style_tag(content=STILL)  # axe measures colours: the tabs shown by the resize must not be mid-fade
    page.evaluate(AXE_START)
    return found


def focus_of(page) -> dict:
    """Focusable kinds without a visible indicator; after axe, since focusing search opens its overlay."""
    page.bring_to_front()
    page.keyboard.press("Tab")  # keyboard modality: programmatic focus then shows :focus-visible as Tab would
    return {kind: r["what"] for kind, r in page.evaluate(FOCUS_PROBE).items() if not r["ok"]}


def new_tab(context, events: dict):
    """A tab in the shared context whose console errors, page errors and outside requests land in events."""
    tab = context.new_page()
    tab.add_init_script(path=str(AXE))
    # a Content-Security-Policy violation is a console error too, whatever the browser itself logs
    tab.add_init_script("addEventListener('securitypolicyviolation', e => console.error("
                        "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))")
    tab.on("console", lambda m: m.type in ("error", "warning") and events["console"].append((tab.url, m.text)))
    tab.on("pageerror", lambda e: events["errors"].append((tab.url, str(e))))
    tab.on("dialog", lambda d: (events["dialogs"].append((tab.url, d.message)), d.dismiss()))
    tab.on("request", lambda r: not r.url.startswith(("http://127.0.0.1", "data:", "blob:"))
           and events["outside"].append((tab.url, r.url)))
    return tab


@pytest.fixture(scope="module")
def sample(sample_site):
    """The sample site (built once for the session), served under its site_url's path as on GitHub Pages."""
    site = sample_site
    with serve(site.parent) as root:
        yield site, f"{root}belajar-asn/"


@pytest.fixture(scope="module")
def findings(sample):
    """One visit to every page of the sample site."""
    site, root = sample
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    english = re.compile("|".join(rf"\b{re.escape(s)}\b" for s in english_strings()))
    out: dict = {}
    events: dict = {"dialogs": [], "console": [], "errors": [], "outside": []}
    started = time.perf_counter()
    with browser_page() as first:
        tabs = [new_tab(first.context, events) for _ in range(TABS)]
        running: list = [None] * TABS  # the page whose axe run each tab still holds
        for n, rel in enumerate(pages + [None] * TABS):
            tab = tabs[n % TABS]
            if running[n % TABS] is not None:
                out[running[n % TABS]]["axe"] = tab.evaluate(AXE_RESULT)
                out[running[n % TABS]]["focus"] = focus_of(tab)
            running[n % TABS] = rel
            if rel is not None:
                out[rel] = probe(tab, f"{root}{rel}", english)
    print(f"\nquality gates: {len(pages)} pages visited in {time.perf_counter() - started:.1f} s")
    return {"pages": out, "events": {k: v for k, v in events.items() if v}, "count": len(pages)}


def _failing(findings: dict, gate: str) -> dict:
    return {rel: f[gate] for rel, f in findings["pages"].items() if f[gate]}


def test_every_page_of_the_sample_site_is_visited(findings):
    assert findings["count"] >= 60  # every page, not a sample: 404, catalogues, courses, services...


def test_no_page_scrolls_sideways_at_320_or_360_px(findings):
    assert _failing(findings, "overflow") == {}


def test_every_focusable_element_shows_where_the_focus_is(findings):
    assert _failing(findings, "focus") == {}


def test_no_english_theme_text_on_an_indonesian_site(findings):
    assert _failing(findings, "english") == {}


def test_no_accessibility_violation_of_any_impact(findings):
    assert _failing(findings, "axe") == {}


# the dark (slate) scheme: one page of each kind, with the learner's state drawn (progress, ledger, record, a
# checked quiz, open filters), since our colours differ there; Material's own pages use its palette
SLATE_PAGES = ("index.html", "404.html", "kursus/index.html", "kursus/komunikasi-pelayanan/index.html",
               "kursus/komunikasi-pelayanan/mendengarkan-aktif.html", "kursus/komunikasi-pelayanan/bukti.html",
               "kursus/layanan-digital/bukti.html", "progres.html", "jalur/pengawas-layanan.html", "modul/index.html",
               "modul/budaya-kerja-positif.html", "team-building/index.html", "team-building/menara-kertas.html",
               "pengetahuan/index.html", "pengetahuan/sp4n-lapor.html", "layanan/index.html",
               "layanan/legalisasi-dokumen.html", "layanan/pengaduan.html", "kompetensi/manajerial.html",
               "panduan-penulis.html")
LEARNER = """([course, when]) => { const c = LmsData.courses[course], at = new Date(when);
  for (const m of c.modules) LmsState.recordAttempt(Lms.key.quiz(course, m.id, m.quiz), 100, true, at, m.jp);
  const spbe = LmsData.courses["layanan-digital"].modules[0];
  LmsState.recordAttempt(Lms.key.quiz("layanan-digital", spbe.id, spbe.quiz), 40, false, at);
  LmsState.markDone(Lms.key.standalone("budaya-kerja-positif"), true, 1, new Date(when));
  LmsState.setLearner("Siti Rahmah", "199001012020122001"); }"""
DARK = """() => document.body.getAttribute("data-md-color-scheme")
  || (matchMedia("(prefers-color-scheme: dark)").matches && !document.querySelector("[data-md-component]") && "own")"""
CHECK_ONE = """(form) => { form.querySelector(".lms-question input").checked = true; form.requestSubmit(); }"""


def test_no_colour_violation_of_any_impact_in_the_dark_scheme(sample):
    """The slate scheme's colours, as a browser set to dark mode gets it, on one page of each kind (TABS at once)."""
    _, root = sample
    found: dict = {}
    events: dict = {"dialogs": [], "console": [], "errors": [], "outside": []}
    started = time.perf_counter()
    with browser_page() as first:
        first.emulate_media(color_scheme="dark")
        first.goto(root + "index.html")
        assert first.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        first.evaluate(LEARNER, ["komunikasi-pelayanan", "2026-11-30T10:00:00.000Z"])
        tabs = [new_tab(first.context, events) for _ in range(TABS)]
        running: list = [None] * TABS
        for n, rel in enumerate(list(SLATE_PAGES) + [None] * TABS):
            tab = tabs[n % TABS]
            if running[n % TABS] is not None:
                found[running[n % TABS]] = tab.evaluate(AXE_RESULT)
            running[n % TABS] = rel
            if rel is None:
                continue
            tab.emulate_media(color_scheme="dark")
            tab.set_viewport_size({"width": 1280, "height": 900})
            tab.goto(root + rel, wait_until="load")
            # Material's pages switch to slate; the 404 page has its own dark colours for the same media query
            assert tab.evaluate(DARK) in ("slate", "own"), rel
            tab.bring_to_front()
            for form in tab.locator("form.lms-quiz").all():
                form.evaluate(CHECK_ONE)  # verdicts, answers and the result in their colours
            tab.add_style_tag(content=STILL)
            tab.evaluate(FRAMES)
            tab.evaluate(AXE_COLOURS)
    print(f"\nslate scheme: {len(SLATE_PAGES)} pages in {time.perf_counter() - started:.1f} s")
    assert {rel: v for rel, v in found.items() if v} == {}
    assert set(found) == set(SLATE_PAGES) and {k: v for k, v in events.items() if v} == {}


def test_no_console_error_page_error_dialog_or_outside_request(findings):
    assert findings["events"] == {}


def test_the_english_list_is_real():
    strings = english_strings()
    assert {"Permanent link", "Back to top", "Copy to clipboard", "Choose File"} <= set(strings)
    assert "Header" not in strings  # Material's Indonesian table says "Header" too


class _NotFound(http.server.SimpleHTTPRequestHandler):
    """A host like GitHub Pages: a missing address gets the site's 404.html with status 404."""

    site: Path

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def host(top: Path, site: Path):
    handler = type("Host", (_NotFound,), {"site": site})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(top)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("mount", ["", "belajar-asn/", "a/b/"])
def test_the_404_page_works_at_any_serving_path(tmp_path, mount, sample_site):
    """Styled, Indonesian, no console error, and its links reach the home page wherever the site is served."""
    site = tmp_path / "top" / mount
    shutil.copytree(sample_site, site)  # the session's build of the sample: a site does not know where it is served
    with host(tmp_path / "top", site) as root, browser_page() as page:
        failed = []
        page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
        missing = [f"{root}{mount}kursus/tidak-ada/halaman.html", f"{root}{mount}x.html"]
        # a missing address under a path that is neither site_url's nor the host's root cannot tell where the
        # site starts; 404.html opened there can (its own folder)
        for url in [f"{root}{mount}404.html"] + (missing if mount in ("", "belajar-asn/") else []):
            page.goto(url)
            assert page.locator("h1").inner_text() == "Halaman tidak ditemukan", url
            assert page.title().startswith("Halaman tidak ditemukan")
            assert page.locator("header").evaluate("h => getComputedStyle(h).backgroundColor") == "rgb(63, 81, 181)"
            page.get_by_role("link", name="Kembali ke beranda").click()
            assert page.url == f"{root}{mount}index.html" or page.url == f"{root}{mount}", url
            assert page.locator("h1").first.inner_text().startswith("Belajar ASN Belawan")
            page.go_back()
            page.get_by_role("link", name="Layanan publik").click()
            assert page.url == f"{root}{mount}layanan/index.html"
        # the only failures are the two missing addresses themselves (Chromium logs each): no style, script or icon
        assert set(failed) == (set(missing) if mount in ("", "belajar-asn/") else set())
        assert len(page.events["console"]) == len(failed) and page.events["errors"] == page.events["outside"] == []
