"""The learner's journey in headless Chromium on the sample site: catalogue, progress, ledger, records, offline."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from playwright.sync_api import expect

from generator import pipeline

from browser import accessibility_problems, browser_page, search_for, serve
from conftest import REPO

COURSE = "kursus/komunikasi-pelayanan/"
YEAR = str(dt.datetime.now(dt.UTC).year)


def pass_quiz(page, url: str, right: bool = True) -> None:
    """Open a module page and answer every question from its answer key (or all wrong)."""
    page.goto(url)
    form = page.locator("form.lms-quiz")
    for question in form.locator(".lms-question").all():
        kind, key = question.get_attribute("data-type"), json.loads(question.get_attribute("data-key"))
        if kind in ("single", "multiple"):
            picks = key["correct"] if right else [i for i in range(question.locator("input").count())
                                                    if i not in key["correct"]][:1]
            for i in picks:
                question.locator(f"input[value='{i}']").check()
        elif kind == "true-false":
            question.locator(f"input[value='{str(key['answer'] == right).lower()}']").check()
        elif kind in ("short", "numeric"):
            value = key["answers"][0] if kind == "short" else key["answer"]
            question.locator("input").fill(str(value) if right else "x")
        elif kind in ("order", "match"):
            rows = question.locator("li[data-pos], li[data-right]").all()
            for i, row in enumerate(rows):
                want = row.get_attribute("data-pos") or row.get_attribute("data-right")
                row.locator("select").select_option(want if right else str(len(rows) - i))
    form.get_by_role("button", name="Periksa jawaban").click()
    assert ("LULUS" in form.locator(".lms-quiz__result").inner_text()) == right


def ledger_text(page, url: str) -> str:
    page.goto(url + "progres.html")
    page.locator(".lms-ledger").wait_for()
    return page.locator(".lms-ledger__years").inner_text() + "\n" + page.locator(".lms-ledger__modules").inner_text()


def test_course_catalogue_filters(site, page):
    page.goto(site + "kursus/index.html")
    form = page.locator("form.lms-filter")
    form.get_by_label("Kategori").select_option(label="Teknis")
    titles = page.locator(".lms-cards > li:visible .lms-card__title").all_inner_texts()
    assert titles == ["Evaluasi Layanan dan Umpan Balik Masyarakat", "Layanan Publik Digital"]
    form.get_by_label("JP").select_option(label="1–2 JP")
    assert page.locator(".lms-cards > li:visible .lms-card__title").all_inner_texts() == []
    form.get_by_label("Kategori").select_option(label="Semua")
    assert page.locator(".lms-cards > li:visible .lms-card__title").all_inner_texts() == [
        "Harmoni dalam Keberagaman", "Komunikasi di Meja Layanan"]


def test_passing_a_quiz_moves_course_progress_nav_mark_and_ledger(site, page):
    page.goto(site + COURSE + "index.html")
    progress = page.locator(".lms-progress")
    assert progress.inner_text().split("\n")[0].strip() == "0 dari 2 modul selesai"
    assert page.locator(".lms-continue").inner_text() == "Mulai belajar"
    assert page.locator("[data-lms-prerequisite] + .lms-flag").inner_text().strip() == "(belum selesai)"
    pass_quiz(page, site + COURSE + "mendengarkan-aktif.html")
    outline = page.locator("[data-lms-outline] li")  # the course's outline, in the sidebar on a wide screen
    assert "✓" in outline.filter(has_text="Mendengarkan Aktif").first.inner_text()
    assert "✓" not in outline.filter(has_text="Menjelaskan Prosedur").first.inner_text()
    assert page.locator(".md-sidebar--primary [data-lms-outline][open]").count() == 1
    page.goto(site + COURSE + "index.html")
    assert progress.locator(".lms-progress__text").inner_text() == "1 dari 2 modul selesai"
    button = page.locator(".lms-continue")
    assert button.inner_text() == "Lanjutkan: Menjelaskan Prosedur dengan Jelas"
    assert button.evaluate("a => a.href") == site + COURSE + "menjelaskan-prosedur.html"
    assert "✓" in page.locator('[data-lms-module="komunikasi-pelayanan/mendengarkan-aktif"]').inner_text()
    first = ledger_text(page, site)
    assert f"{YEAR}\t1 dari 20 JP" in first
    assert "Komunikasi di Meja Layanan\tMendengarkan Aktif\t100%\t1" in first
    pass_quiz(page, site + COURSE + "mendengarkan-aktif.html")  # passed again: no more JP
    assert page.locator(".lms-quiz__history").inner_text().startswith("Nilai terbaik 100% dari 2 percobaan.")
    assert ledger_text(page, site) == first


def test_export_then_import_in_a_fresh_profile_reproduces_the_ledger(site, tmp_path):
    with browser_page() as page:
        pass_quiz(page, site + COURSE + "mendengarkan-aktif.html")
        pass_quiz(page, site + "kursus/pelayanan-prima/standar-pelayanan.html")
        before = ledger_text(page, site)
        with page.expect_download() as download:
            page.get_by_role("button", name="Ekspor JSON").click()
        exported = tmp_path / download.value.suggested_filename
        download.value.save_as(exported)
        with page.expect_download() as download:
            page.get_by_role("button", name="Unduh rekap CSV").click()
        rekap = download.value.path().read_bytes().decode("utf-8")
    assert re.fullmatch(r"progres-belajar-asn-\d{4}-\d{2}-\d{2}\.json", exported.name)
    data = json.loads(exported.read_text())
    assert data["app"] == "belajar-asn" and data["version"] == 1 and len(data["quizzes"]) == 2
    lines = rekap.lstrip("\ufeff").split("\r\n")
    assert lines[0] == "Tahun;Tanggal;Kursus;Modul;Kompetensi;JP;Nilai"
    assert lines[1].startswith(f"{YEAR};{YEAR}-")
    assert lines[1].endswith(";Komunikasi di Meja Layanan;Mendengarkan Aktif;Komunikasi;1;100")
    with browser_page() as fresh:
        assert "Belum ada modul yang selesai" in ledger_text(fresh, site)
        fresh.locator("[data-lms-import]").set_input_files(exported)
        expect(fresh.locator(".lms-ledger__message")).to_have_text("Impor berhasil: 2 catatan digabungkan.")
        assert ledger_text(fresh, site) == before
        fresh.locator(".lms-ledger__message").evaluate("m => m.textContent = ''")
        fresh.locator("[data-lms-import]").set_input_files(exported)  # the same year imported twice
        expect(fresh.locator(".lms-ledger__message")).to_have_text("Impor berhasil: 2 catatan digabungkan.")
        assert ledger_text(fresh, site) == before
        assert f"{YEAR}\t3 dari 20 JP" in before


@pytest.mark.parametrize("content, message", [
    ("{not json", "Berkas ini bukan JSON yang dapat dibaca. Progres Anda tidak berubah."),
    ('{"some": "other app"}', "Berkas ini bukan ekspor progres Belajar ASN. Progres Anda tidak berubah."),
    ('{"app": "belajar-asn", "version": 2, "quizzes": {}}',
     "Berkas ini dibuat oleh versi situs yang lebih baru. Progres Anda tidak berubah."),
    ('{"app": "belajar-asn", "version": 1, "quizzes": {"a/b#00": {"best": "100"}}}',
     "Isi berkas ini rusak atau tidak lengkap. Progres Anda tidak berubah."),
])
def test_a_bad_import_file_changes_nothing(site, page, tmp_path, content, message):
    pass_quiz(page, site + COURSE + "mendengarkan-aktif.html")
    before = ledger_text(page, site)
    stored = page.evaluate("JSON.stringify(localStorage)")
    bad = tmp_path / "progres.json"
    bad.write_text(content)
    page.locator("[data-lms-import]").set_input_files(bad)
    expect(page.locator(".lms-ledger__message")).to_have_text(message)
    assert page.evaluate("JSON.stringify(localStorage)") == stored
    assert ledger_text(page, site) == before


def test_reset_all_asks_again_then_clears(site, page):
    pass_quiz(page, site + COURSE + "mendengarkan-aktif.html")
    ledger_text(page, site)
    reset = page.locator("[data-lms-reset-all]")
    reset.click()
    assert reset.inner_text() == "Klik sekali lagi untuk menghapus semua progres"
    assert "Mendengarkan Aktif" in page.locator(".lms-ledger__modules").inner_text()
    reset.click()
    assert "Belum ada modul yang selesai" in page.locator(".lms-ledger__modules").inner_text()


def test_completion_record_only_for_a_completed_course_and_on_one_page(site, page):
    page.goto(site + COURSE + "bukti.html")
    pending = page.locator(".lms-record__pending")
    assert pending.inner_text() == "Bukti ini tersedia setelah semua modul kursus selesai (0 dari 2)."
    assert not page.locator(".lms-record__sheet").is_visible()
    pass_quiz(page, site + COURSE + "mendengarkan-aktif.html")
    pass_quiz(page, site + COURSE + "menjelaskan-prosedur.html")
    page.goto(site + COURSE + "index.html")
    page.get_by_role("link", name="Bukti Belajar Mandiri").click()
    sheet = page.locator(".lms-record__sheet")
    sheet.wait_for()
    page.get_by_label("Nama").fill("Siti Rahmah")
    page.get_by_label("NIP (tidak wajib)").fill("198701012010012001")
    page.get_by_label("NIP (tidak wajib)").press("Tab")
    page.reload()
    assert page.get_by_label("Nama").input_value() == "Siti Rahmah"
    text = sheet.inner_text()
    for needle in ("BUKTI BELAJAR MANDIRI", "Komunikasi di Meja Layanan", "2 JP", "Komunikasi", "Manajerial",
                   "Belajar ASN Belawan", "https://belajar-asn.github.io/belajar-asn/", "bukan sertifikat resmi"):
        assert needle in text, needle
    assert len(page.locator(".lms-record__scores tbody tr").all()) == 2
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Cetak").is_visible()
    assert not page.locator(".md-header").is_visible()


@pytest.mark.parametrize("scheme", ["default"])  # the dark scheme with a learner's state: test_quality_browser.py
def test_journey_pages_have_no_serious_accessibility_violations(site, page, scheme):
    pass_quiz(page, site + COURSE + "mendengarkan-aktif.html")
    pass_quiz(page, site + COURSE + "menjelaskan-prosedur.html")
    paths = ("kursus/index.html", COURSE + "index.html", "progres.html", COURSE + "bukti.html", "jalur/index.html",
             "jalur/petugas-loket-baru.html")
    assert accessibility_problems(page, [site + p for p in paths], scheme) == {}


def test_learning_path_shows_progress(site, page):
    pass_quiz(page, site + "kursus/pelayanan-prima/standar-pelayanan.html")
    pass_quiz(page, site + "kursus/pelayanan-prima/menangani-keluhan.html")
    page.goto(site + "jalur/petugas-loket-baru.html")
    assert page.locator(".lms-progress__text").inner_text() == "1 dari 3 kursus selesai"
    assert "✓" in page.locator('[data-lms-course-item="pelayanan-prima"]').inner_text()


def test_offline_build_works_from_file(tmp_path):
    out = tmp_path / "usb" / "belajar-asn"
    assert pipeline.build(REPO, out, offline=True).problems == []
    with browser_page() as page:
        page.goto((out / "index.html").as_uri())
        page.keyboard.press("/")
        search_for(page, "keluhan")
        assert "Keluhan" in page.locator(".md-search-result").inner_text()
        page.locator(".md-search__input").fill("")
        page.keyboard.type("dihancurkan")  # Indonesian search works offline too: the page says "Hancurkan"
        expect(page.locator(".md-search-result__item h1").first).to_have_text("Melindungi Data Pribadi Warga")
        page.goto((out / COURSE / "mendengarkan-aktif.html").as_uri())
        pass_quiz(page, (out / COURSE / "mendengarkan-aktif.html").as_uri())
        page.goto((out / "progres.html").as_uri())
        assert f"{YEAR}\t1 dari 20 JP" in page.locator(".lms-ledger__years").inner_text()
        assert page.events["dialogs"] == [] and page.events["errors"] == [] and page.events["console"] == []
        assert [u for u in page.events["outside"] if not u.startswith("file://")] == []
    assert (tmp_path / "usb" / "belajar-asn.zip").is_file()


def test_a_module_without_quiz_is_marked_done_and_counts(tmp_path):
    from conftest import COURSE as TINY
    from conftest import make_project

    root = make_project(tmp_path / "proj", {"courses/dasar.yml": TINY[:TINY.index("    quiz:")]})
    assert pipeline.build(root, root / "site").problems[0].code == "objective-uncovered"  # a warning only
    with serve(root / "site") as url, browser_page() as page:
        page.goto(url + "kursus/dasar/m1.html")
        button = page.get_by_role("button", name="Tandai selesai")
        button.click()
        expect(page.locator(".lms-done__status")).to_have_text("Modul ini ditandai selesai.")
        assert page.get_by_role("button", name="Batalkan tanda selesai").get_attribute("aria-pressed") == "true"
        assert f"{YEAR}\t2 dari 20 JP" in ledger_text(page, url)
        page.goto(url + "kursus/dasar/index.html")
        assert page.locator(".lms-progress__text").inner_text() == "1 dari 1 modul selesai"
        assert page.get_by_role("link", name="Bukti Belajar Mandiri").is_visible()
        page.goto(url + "kursus/dasar/m1.html")
        page.get_by_role("button", name="Batalkan tanda selesai").click()
        expect(page.locator(".lms-done__status")).to_have_text("Tanda selesai dibatalkan.")
        assert "Belum ada modul yang selesai" in ledger_text(page, url)
        assert page.events["errors"] == [] and page.events["console"] == []
