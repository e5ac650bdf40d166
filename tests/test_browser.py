"""The built site in a real browser: nothing runs that should not, nothing leaves the machine."""

from __future__ import annotations

from generator import pipeline

from browser import browser_page, search_for, serve, settled
from conftest import REPO, hostile_files

HOSTILE = "<img src=x onerror=alert(1)></title><script>alert(2)</script>\"'><svg onload=alert(3)>"


def test_hostile_text_opens_no_dialog(project, tmp_path):
    root = project(hostile_files(HOSTILE))
    assert pipeline.build(root, root / "site").problems == []
    with serve(root / "site") as url, browser_page() as page:
        for path in ("index.html", "kursus/dasar/index.html", "team-building/kegiatan.html", "modul/sendiri.html",
                     "pengetahuan/tulisan.html", "layanan/layanan.html", "kursus/dasar/m1.html"):
            settled(page, url + path)
            assert page.locator("h1").first.inner_text().startswith("‹img src=x onerror=alert(1)›"), path
        for path in ("team-building/index.html", "modul/index.html", "pengetahuan/index.html", "pengetahuan/tag.html",
                     "layanan/index.html", "layanan/pengaduan.html", "kompetensi/manajerial.html"):
            settled(page, url + path)
            assert "<img src=x onerror=alert(1)>" in page.locator("article").inner_text(), path
        page.goto(url + "kursus/dasar/m1.html")
        page.locator(".lms-question[data-type=short] input").fill(HOSTILE)
        page.locator(".lms-choices label").first.click()
        page.get_by_role("button", name="Periksa jawaban").click()
        assert page.locator(".lms-question[data-type=short] .lms-verdict").inner_text() == "Benar."
        assert HOSTILE in page.locator(".lms-question[data-type=single] .lms-answer").inner_text()
        assert page.events == {"dialogs": [], "console": [], "errors": [], "outside": []}


def test_sample_site_pages_and_search(sample_site):
    # served under the path of its site_url, as on GitHub Pages (404.html uses absolute links)
    with serve(sample_site.parent) as root_url, browser_page() as page:
        url = root_url + "belajar-asn/"
        page.goto(url + "index.html")
        page.get_by_role("link", name="Pelayanan Publik Prima").first.click()
        page.get_by_role("link", name="Menangani Keluhan Masyarakat").first.click()
        assert page.locator("h1").first.inner_text().startswith("Menangani Keluhan Masyarakat")
        assert page.locator(".lms-question").count() == 4
        figure = page.get_by_role("img", name="Alur menangani keluhan: Dengarkan, Catat, Tindak lanjuti, Beri kabar")
        assert figure.evaluate("img => img.complete && img.naturalWidth > 0")
        details = page.locator("details.lms-answer").first
        assert not details.evaluate("d => d.open")  # the answer starts closed
        page.keyboard.press("/")  # Material's search shortcut focuses the search box
        search_for(page, "keluhan")
        assert "Keluhan" in page.locator(".md-search-result").inner_text()
        assert page.events == {"dialogs": [], "console": [], "errors": [], "outside": []}
        # every page, for console errors, overflow, focus and axe: tests/test_quality_browser.py


def test_trimmed_templates_show_the_same_text(tmp_path, monkeypatch):
    """The engine trims Material's template whitespace; every page must read exactly the same."""
    from generator import engine

    pipeline.build(REPO, tmp_path / "trimmed")
    monkeypatch.setattr(engine, "TRIM", False)
    pipeline.build(REPO, tmp_path / "plain")
    pages = sorted(p.relative_to(tmp_path / "plain").as_posix() for p in (tmp_path / "plain").rglob("*.html"))
    assert len(pages) >= 4
    firsts = {}  # one page of each folder: the pages of a folder share their templates
    for rel in pages:
        firsts.setdefault(rel.rsplit("/", 1)[0] if "/" in rel else "", rel)
    pages = sorted(set(firsts.values()) | {"kursus/pelayanan-prima/menangani-keluhan.html"})
    with serve(tmp_path) as url, browser_page(javascript=False) as page:  # quizzes shuffle with JS on
        for rel in pages:
            texts = []
            for variant in ("trimmed", "plain"):
                page.goto(f"{url}{variant}/{rel}")
                texts.append(" ".join(page.locator("body").inner_text().split()))
            assert texts[0] == texts[1], rel
    trimmed = sum(p.stat().st_size for p in (tmp_path / "trimmed").rglob("*.html"))
    plain = sum(p.stat().st_size for p in (tmp_path / "plain").rglob("*.html"))
    assert trimmed < 0.9 * plain  # on a 1,000-module site it is about half: see the benchmark
