"""The Content-Security-Policy in Chromium: every page of the sample site loads clean, online and offline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import csp, pipeline

from browser import browser_page, search_for, serve
from conftest import REPO

WATCH = """document.addEventListener("securitypolicyviolation", (e) => {
  (window.__violations = window.__violations || []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
});"""


def _sample(tmp_path_factory, offline: bool) -> Path:
    work = tmp_path_factory.mktemp("offline" if offline else "online")
    shutil.copytree(REPO, work / "proj", ignore=shutil.ignore_patterns(".git", ".venv", ".lms", "site", "site.zip",
                                                                      "node_modules", "tests", ".site-*"))
    site = work / "srv" / "belajar-asn"  # where site_url puts it: 404.html links by absolute path
    outcome = pipeline.build(work / "proj", site, offline=offline)
    assert outcome.ok, outcome.problems
    return site


@pytest.fixture(scope="module")
def online(tmp_path_factory):
    return _sample(tmp_path_factory, False)


@pytest.fixture(scope="module")
def offline(tmp_path_factory):
    return _sample(tmp_path_factory, True)


def _visit_all(page, site: Path, base: str, skip: tuple[str, ...] = ()) -> dict[str, list]:
    page.add_init_script(WATCH)
    errors: list = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    found = {}
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name not in skip)
    assert len(pages) > 40
    for rel in pages:
        errors.clear()
        page.goto(base + rel)
        page.wait_for_load_state("load")
        page.wait_for_timeout(30)
        bad = (page.evaluate("window.__violations || []") + errors + page.events["errors"])
        page.events["errors"].clear()
        if bad:
            found[rel] = bad
    return found


def test_every_page_has_a_policy_without_unsafe_inline(online, offline):
    for site in (online, offline):
        for path in site.rglob("*.html"):
            text = path.read_text(encoding="utf-8")
            head = text[:text.index("<script")] if "<script" in text else text
            assert f'http-equiv="{csp.META}"' in head, path  # before the first script, or it does not apply
            assert "unsafe-inline" not in text and "object-src 'none'" in text, path


# Every page of the normal build is visited by the quality gates (tests/test_quality_browser.py), where a
# policy violation is a console error; the offline build, opened from file://, is visited here.


def test_every_offline_page_loads_from_file_without_violations_and_search_works(offline):
    with browser_page() as page:
        # 404.html is the web server's page (absolute links from site_url): a USB stick never shows it
        assert _visit_all(page, offline, offline.as_uri() + "/", skip=("404.html",)) == {}
        page.goto((offline / "index.html").as_uri())
        page.keyboard.press("/")  # the search box's shortcut; its index is scripts, which file:// loads
        search_for(page, "keluhan")
        assert "Keluhan" in page.locator(".md-search-result").inner_text()
        assert page.evaluate("window.__violations || []") == []


def test_an_injected_handler_is_blocked_even_without_the_sanitizer(project, tmp_path, monkeypatch):
    """The sanitizer off (and the checker): the handler reaches the page, and the policy stops it."""
    import generator.validate as validate
    from generator import sanitize

    monkeypatch.setattr(validate, "content_rules", lambda item, assets=frozenset(): [])
    monkeypatch.setattr(sanitize, "clean_fenced", lambda html: html)
    root = project({"content/modul/m1.md": "# M\n\n<img src=\"data:,x\" onerror=\"document.title='pwned'\">\n\n"
                                           "<script>document.title='pwned'</script>\n\n"
                                           "<a id=\"js\" href=\"javascript:document.title='pwned'\">x</a>\n"})
    assert pipeline.build(root, root / "site").ok
    page_html = (root / "site/kursus/dasar/m1.html").read_text()
    assert "onerror=" in page_html  # really on the page
    with serve(root / "site") as url, browser_page() as page:
        page.add_init_script(WATCH)
        page.goto(url + "kursus/dasar/m1.html")
        page.wait_for_load_state("load")
        page.locator("#js").click()
        page.wait_for_timeout(200)
        assert page.title() != "pwned"
        violations = page.evaluate("window.__violations")
        assert len(violations) >= 2 and all(v.startswith("script-src") for v in violations), violations
