"""The sample site's content kinds in headless Chromium: catalogue filters, accessibility, print."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser import browser_page, settled, shown

GUIDES = "team-building/index.html"
MODULES = "modul/index.html"


@pytest.fixture
def site(sample_site, sample_url):
    return sample_site, sample_url


@pytest.fixture
def page(site, checked_page):
    return checked_page


def test_guide_filters_by_setting_group_size_and_duration(site, page):
    page.goto(site[1] + GUIDES)
    form = page.locator("form.lms-filter")
    count = form.locator(".lms-filter__count")
    assert count.inner_text() == "6 dari 6 ditampilkan"
    form.get_by_label("Tempat").select_option(label="Luar ruangan")
    assert shown(page) == ["Estafet Layanan", "Simpul Manusia"]
    form.get_by_label("Jumlah peserta").fill("35")
    assert shown(page) == ["Estafet Layanan"]
    assert count.inner_text() == "1 dari 6 ditampilkan"
    form.get_by_role("button", name="Tampilkan semua").click()  # the form's values reset after the event
    expect(count).to_have_text("6 dari 6 ditampilkan")
    assert len(shown(page)) == 6
    form.get_by_label("Durasi").select_option(label="≤ 30 menit")
    assert shown(page) == ["Peta Asal-Usul", "Simpul Manusia"]
    form.get_by_label("Tempat").select_option(label="Daring")
    assert shown(page) == []
    assert form.locator(".lms-filter__none").is_visible()
    assert count.inner_text() == "0 dari 6 ditampilkan"


def test_module_filters_by_competency_level_and_jp(site, page):
    page.goto(site[1] + "index.html")
    page.get_by_role("link", name="Modul Belajar").first.click()  # instant navigation: the filter still starts
    form = page.locator("form.lms-filter")
    form.wait_for()
    total = len(shown(page))
    assert total >= 8
    form.get_by_label("Kompetensi").select_option(label="Komunikasi")
    assert sorted(shown(page)) == ["Mendengarkan Aktif", "Menjelaskan Prosedur dengan Jelas"]
    form.get_by_label("Kompetensi").select_option(label="Semua")
    form.get_by_label("JP").select_option(label="2 JP")
    two = shown(page)
    assert two and all(page.get_by_role("link", name=t).first.is_visible() for t in two)
    cards = page.locator(".lms-cards > li:visible")
    assert {cards.nth(i).get_attribute("data-jp") for i in range(cards.count())} == {"2"}
    form.get_by_label("Level").select_option("1")
    levels = {cards.nth(i).get_attribute("data-level") for i in range(cards.count())}
    assert levels <= {"1"}


def test_catalogues_list_everything_without_javascript(site):
    with browser_page(javascript=False) as page:
        for path, expected in ((GUIDES, 6), (MODULES, 15)):
            page.goto(site[1] + path)
            assert not page.locator("form.lms-filter").is_visible()
            assert page.locator(".lms-cards > li").count() == expected
            assert page.locator(".lms-cards > li:visible").count() == expected


# Accessibility of each kind and catalogue: every page, any impact, both schemes, in tests/test_quality_browser.py.


def pdf_pages(page, url: str) -> int:
    settled(page, url)
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", page.pdf(format="A4")))


def test_guides_print_on_one_or_two_pages_and_standards_on_two(site, page):
    out, url = site
    guides = sorted(p.name for p in (out / "team-building").glob("*.html") if p.name != "index.html")
    assert len(guides) == 6
    counts = {name: pdf_pages(page, f"{url}team-building/{name}") for name in guides}
    assert all(1 <= n <= 2 for n in counts.values()), counts
    standards = sorted(p.name for p in (out / "layanan").glob("*.html") if p.name not in ("index.html",
                                                                                             "pengaduan.html"))
    counts = {name: pdf_pages(page, f"{url}layanan/{name}") for name in standards}
    assert len(counts) == 3 and all(1 <= n <= 2 for n in counts.values()), counts


def test_print_shows_the_content_only(site, page):
    page.goto(site[1] + "layanan/legalisasi-dokumen.html")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-tabs"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.get_by_role("heading", name="Maklumat Pelayanan").is_visible()
    assert page.get_by_role("heading", name="Ke mana mengadu").is_visible()
