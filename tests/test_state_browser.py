"""The learner's state survives bad data (headless Chromium): damaged storage, hostile imports, a full quota,
and a rekap CSV that a spreadsheet cannot run."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from playwright.sync_api import expect

from generator import pipeline

from browser import browser_page, serve
from conftest import make_project

# Titles that a spreadsheet would take for formulas; module m1 has a quiz, m2 and m3 are marked done.
FORMULAS = """\
id: dasar
title: "=HYPERLINK(\\"http://contoh.test\\",\\"klik\\")"
summary: Ringkasan.
category: manajerial
competency: komunikasi
level: 1
jp: 4
objectives:
  - id: t1
    text: Tujuan satu.
modules:
  - id: m1
    title: "+Modul Satu"
    jp: 2
    content: modul/m.md
    quiz:
      questions:
        - type: true-false
          prompt: Benar?
          objective: t1
          answer: true
  - id: m2
    title: "@Modul Dua"
    jp: 1
    content: modul/m.md
  - id: m3
    title: "-Modul Tiga"
    jp: 1
    content: modul/m.md
"""
NOW = dt.datetime.now(dt.UTC)
YEAR = str(NOW.year)
CLEAN = {"dialogs": [], "console": [], "errors": [], "outside": []}
DAMAGED = "Sebagian progres rusak"
READ = "Isi berkas ini rusak atau tidak lengkap. Progres Anda tidak berubah."


def iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("state"), {"courses/dasar.yml": FORMULAS,
                                                           "content/modul/m.md": "# M\n\nIsi.\n"}, defaults=False)
    outcome = pipeline.build(root, root / "site")
    assert [p for p in outcome.problems if p.severity == "error"] == []
    with serve(root / "site") as url:
        yield url


@pytest.fixture
def page(site):
    with browser_page() as page:
        page.goto(site + "progres.html")
        yield page
        assert page.events == CLEAN


def quiz_key(page) -> str:
    return page.evaluate("(() => { var m = LmsData.courses.dasar.modules[0];"
                         " return Lms.key.quiz('dasar', m.id, m.quiz); })()")


def good_record(at: str = None) -> dict:
    at = at or iso(NOW)
    return {"attempts": 1, "best": 100, "last": 100, "lastAt": at, "passedAt": at, "jp": 2}


def store(page, state) -> None:
    """Put state (a value, or raw text) in this site's storage and open Progres Saya again."""
    raw = state if isinstance(state, str) else json.dumps(state)
    page.evaluate("raw => localStorage.setItem(Lms.key.storage(), raw)", raw)
    page.goto(page.url)
    page.locator(".lms-ledger").wait_for()


def stored(page):
    return page.evaluate("localStorage.getItem(Lms.key.storage())")


def import_file(page, tmp_path, body) -> None:
    path = tmp_path / "progres.json"
    path.write_text(body if isinstance(body, str) else json.dumps(body))
    page.locator("[data-lms-import]").set_input_files(path)


def export(quizzes: dict | None = None, done: dict | None = None) -> dict:
    return {"app": "belajar-asn", "version": 1, "quizzes": quizzes or {}, "done": done or {}}


def reset_all(page) -> None:
    button = page.get_by_role("button", name="Hapus semua progres")
    button.click()
    page.get_by_role("button", name="Klik sekali lagi untuk menghapus semua progres").click()
    expect(page.locator(".lms-ledger__message")).to_have_text("Semua progres di peramban ini dihapus.")


def test_a_null_entry_is_skipped_reported_and_reset_still_clears(page):
    key = quiz_key(page)
    store(page, {"version": 1, "quizzes": {key: good_record(), "dasar/m9#00ff": None},
                 "done": {"dasar/m2": {"at": iso(NOW)}}, "learner": {"name": "A", "nip": "1"}})
    notice = page.locator(".lms-ledger__damaged")
    expect(notice).to_be_visible()
    said = notice.inner_text()
    assert DAMAGED in said and "1 catatan" in said and "dasar/m9#00ff" in said
    modules = page.locator(".lms-ledger__modules").inner_text()
    assert "+Modul Satu" in modules and "@Modul Dua" in modules  # the good entries still count
    assert f"{YEAR}\t3 dari 20 JP" in page.locator(".lms-ledger__years").inner_text()
    reset_all(page)
    assert stored(page) is None
    expect(notice).to_be_hidden()
    assert "Belum ada modul yang selesai" in page.locator(".lms-ledger__modules").inner_text()


@pytest.mark.parametrize("raw", ["{not json", '{"version": 1, "quizzes": null}', "null", '{"version": 1}'])
def test_unreadable_state_never_blocks_the_page_or_the_reset(page, raw):
    store(page, raw)
    if raw.startswith("{not") or raw == "null":
        expect(page.locator(".lms-ledger__damaged-text")).to_contain_text("tidak dapat dibaca")
    assert "Belum ada modul yang selesai" in page.locator(".lms-ledger__modules").inner_text()
    reset_all(page)
    assert stored(page) is None


def test_damaged_entries_stay_stored_when_good_ones_are_written_and_export_keeps_the_good(page, site):
    key = quiz_key(page)
    store(page, {"version": 1, "quizzes": {"dasar/m9#00ff": None, "dasar/m8#00aa": {"best": "x"}}, "done": {}})
    page.goto(site + "kursus/dasar/m2.html")
    page.get_by_role("button", name="Tandai selesai").click()
    expect(page.locator(".lms-done__status")).to_have_text("Modul ini ditandai selesai.")
    kept = json.loads(stored(page))
    assert kept["quizzes"] == {"dasar/m9#00ff": None, "dasar/m8#00aa": {"best": "x"}}  # nothing lost by reading
    assert list(kept["done"]) == ["dasar/m2"]
    exported = json.loads(page.evaluate("LmsState.exportJson()"))
    assert exported["quizzes"] == {} and list(exported["done"]) == ["dasar/m2"]
    assert key not in kept["quizzes"]


@pytest.mark.parametrize("record, why", [
    ({"lastAt": "2026-13-45T99:99:99Z"}, "impossible date"),
    ({"passedAt": "2026-02-30T10:00:00Z"}, "no such day"),
    ({"passedAt": "2026-01-01T24:00:00Z"}, "no such hour"),
    ({"lastAt": iso(NOW + dt.timedelta(days=2)), "passedAt": iso(NOW + dt.timedelta(days=2))}, "future"),
    ({"jp": 3}, "more JP than any module (2)"),
    ({"jp": -1}, "negative JP"),
    ({"jp": 1e308}, "huge JP"),
    ({"best": 1e308}, "huge score"),
    ({"attempts": 1e999}, "infinite attempts"),
    ({"attempts": 1.5}, "half an attempt"),
])
def test_import_refuses_impossible_values_and_changes_nothing(page, tmp_path, record, why):
    key = quiz_key(page)
    store(page, {"version": 1, "quizzes": {}, "done": {"dasar/m3": {"at": iso(NOW), "jp": 1}}})
    before, ledger = stored(page), page.locator(".lms-ledger__modules").inner_text()
    body = json.dumps(export({key: {**good_record(), **record}})).replace("Infinity", "1e999")
    import_file(page, tmp_path, body)
    expect(page.locator(".lms-ledger__message")).to_have_text(READ)
    assert stored(page) == before, why
    assert page.locator(".lms-ledger__modules").inner_text() == ledger
    assert "Infinity" not in page.locator(".lms-ledger").inner_text()


@pytest.mark.parametrize("done, why", [
    ({"at": "2026-13-45T99:99:99Z"}, "impossible date"),
    ({"at": iso(NOW + dt.timedelta(days=1, hours=2))}, "more than a day ahead"),
    ({"at": iso(NOW), "jp": 1e308}, "huge JP"),
    ({"at": iso(NOW), "jp": "1"}, "JP as text"),
])
def test_import_refuses_bad_done_marks(page, tmp_path, done, why):
    import_file(page, tmp_path, export(done={"dasar/m2": done}))
    expect(page.locator(".lms-ledger__message")).to_have_text(READ)
    assert stored(page) is None, why


def test_import_accepts_the_edges_a_clock_and_the_site_allow(page, tmp_path):
    key = quiz_key(page)
    soon = iso(NOW + dt.timedelta(hours=20))  # another device's clock a little ahead
    import_file(page, tmp_path, export({key: good_record(soon)}, {"dasar/m2": {"at": iso(NOW), "jp": 0},
                                                                 "dasar/m3": {"at": "2024-02-29T23:59:59Z"}}))
    expect(page.locator(".lms-ledger__message")).to_have_text("Impor berhasil: 3 catatan digabungkan.")
    years = page.locator(".lms-ledger__years").inner_text()
    assert "2024\t1 dari 20 JP" in years


def test_a_stored_huge_number_is_skipped_never_shown_as_infinity(page):
    key = quiz_key(page)
    store(page, {"version": 1, "quizzes": {key: {**good_record(), "jp": 1e308}},
                 "done": {"dasar/m2": {"at": iso(NOW), "jp": 1}}})
    text = page.locator(".lms-ledger").inner_text()
    assert "Infinity" not in text and key in page.locator(".lms-ledger__damaged-text").inner_text()
    assert f"{YEAR}\t1 dari 20 JP" in page.locator(".lms-ledger__years").inner_text()


FULL = "() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; }"


def test_an_import_over_the_quota_says_so_and_changes_nothing(page, tmp_path):
    key = quiz_key(page)
    store(page, {"version": 1, "quizzes": {}, "done": {"dasar/m3": {"at": iso(NOW), "jp": 1}}})
    before, ledger = stored(page), page.locator(".lms-ledger__modules").inner_text()
    page.evaluate(FULL)
    import_file(page, tmp_path, export({key: good_record()}))
    expect(page.locator(".lms-ledger__message")).to_have_text(
        "Peramban menolak menyimpan (penyimpanan penuh atau dimatikan). Progres Anda tidak berubah.")
    assert stored(page) == before
    assert page.locator(".lms-ledger__modules").inner_text() == ledger
    reset_all(page)  # clearing needs no space
    assert stored(page) is None


def test_a_quiz_or_done_mark_over_the_quota_says_it_was_not_saved(site):
    with browser_page() as page:
        page.goto(site + "kursus/dasar/m1.html")
        page.evaluate(FULL)
        form = page.locator("form.lms-quiz")
        form.get_by_label("Benar").check()
        form.get_by_role("button", name="Periksa jawaban").click()
        result = form.locator(".lms-quiz__result").inner_text()
        assert "LULUS" in result and "hasil ini tidak tersimpan" in result
        assert stored(page) is None
        page.goto(site + "kursus/dasar/m2.html")
        page.evaluate(FULL)
        button = page.get_by_role("button", name="Tandai selesai")
        button.click()
        expect(page.locator(".lms-done__status")).to_contain_text("hasil ini tidak tersimpan")
        assert button.get_attribute("aria-pressed") == "false" and stored(page) is None
        assert page.events == CLEAN


def test_rekap_csv_cells_never_start_a_formula(page):
    key = quiz_key(page)
    store(page, {"version": 1, "quizzes": {key: good_record()},
                 "done": {"dasar/m2": {"at": iso(NOW), "jp": 1}, "dasar/m3": {"at": iso(NOW), "jp": 1}}})
    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh rekap CSV").click()
    lines = download.value.path().read_bytes().decode("utf-8").lstrip("\ufeff").split("\r\n")
    rows = [line.split(";") for line in lines[1:] if line]
    assert len(rows) == 3
    for row in rows:
        assert row[2] == "\"'=HYPERLINK(\"\"http://contoh.test\"\",\"\"klik\"\")\""
        assert all(not cell.lstrip('"').startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
    assert sorted(row[3] for row in rows) == ["'+Modul Satu", "'-Modul Tiga", "'@Modul Dua"]
    assert [row[1][:4] for row in rows] == [YEAR] * 3  # dates stay as they are
