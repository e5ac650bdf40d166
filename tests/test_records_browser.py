"""Learning records out (headless Chromium): name and NIP on the rekap CSV and the record, the record's
signature block, the SIASN "kursus" CSV and the 20 JP .xlsx read back by csv, openpyxl and python-calamine,
with and without a daily JP cap; the JP chart and one date format."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import openpyxl
import pytest
from playwright.sync_api import expect
from python_calamine import CalamineWorkbook

from generator import pipeline

from browser import accessibility_problems, browser_page, serve
from conftest import make_project

NIP = "198501012010011001"
ORG = "Kecamatan Medan Belawan"
CLEAN = {"dialogs": [], "console": [], "errors": [], "outside": []}


def course(cid: str, title: str, modules: list[tuple[str, int, bool]]) -> str:
    """A course file: modules as (id, jp, has a quiz)."""
    out = (f"id: {cid}\ntitle: {json.dumps(title)}\nsummary: Ringkasan.\ncategory: manajerial\n"
           f"competency: komunikasi\nlevel: 1\njp: {sum(m[1] for m in modules)}\n"
           "objectives:\n  - id: t1\n    text: Tujuan satu.\nmodules:\n")
    for mid, jp, quiz in modules:
        out += f"  - id: {mid}\n    title: Modul {mid.upper()}\n    jp: {jp}\n    content: modul/m.md\n"
        if quiz:
            out += ("    quiz:\n      questions:\n        - type: true-false\n          prompt: Benar?\n"
                    "          objective: t1\n          answer: true\n")
    return out


FILES = {
    "courses/dasar.yml": course("dasar", "Komunikasi Dasar", [("m1", 2, True), ("m2", 2, False)]),
    "courses/lanjut.yml": course("lanjut", "+Kursus Lanjut", [("m1", 3, False), ("m2", 1, False)]),
    "courses/tiga.yml": course("tiga", "Kursus Belum Selesai", [("m1", 1, False), ("m2", 1, False)]),
    "content/modul/m.md": "# M\n\nIsi.\n",
}
# Noon-ish UTC instants: the same calendar day in every time zone from UTC-11 to UTC+11.
AT = {"dasar/m1": "2025-03-03T11:00:00Z", "dasar/m2": "2025-03-03T12:00:00Z", "lanjut/m1": "2025-03-04T12:00:00Z",
      "lanjut/m2": "2025-03-10T12:00:00Z", "tiga/m1": "2025-03-10T12:30:00Z"}


def build(tmp_path_factory, extra: str):
    root = make_project(tmp_path_factory.mktemp("records"), {
        "site_config.yml": "site_name: Situs Uji\nlanguage: id\norganization: Kecamatan Medan Belawan\n"
                           "site_url: https://contoh.go.id/\n" + extra, **FILES}, defaults=False)
    outcome = pipeline.build(root, root / "site")
    assert [p for p in outcome.problems if p.severity == "error"] == []
    return root / "site"


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    with serve(build(tmp_path_factory, "")) as url:
        yield url


@pytest.fixture(scope="module")
def capped(tmp_path_factory):
    extra = "records:\n  daily_jp_cap: 2\n  place: Medan\n  organizer: BKPSDM Kota Medan\n  kind: e-learning\n"
    with serve(build(tmp_path_factory, extra)) as url:
        yield url


def seed(page, site: str, learner: dict | None = None) -> None:
    """Store the progress above (dasar/m1 by its quiz, the rest as done marks) and open Progres Saya."""
    page.goto(site + "progres.html")
    page.evaluate("""([at, learner]) => {
        const m = LmsData.courses.dasar.modules[0], state = {version: 1, quizzes: {}, done: {}, learner: learner};
        state.quizzes[Lms.key.quiz("dasar", "m1", m.quiz)] = {attempts: 1, best: 90, last: 90,
            lastAt: at["dasar/m1"], passedAt: at["dasar/m1"], jp: 2};
        for (const key of Object.keys(at)) if (key !== "dasar/m1") state.done[key] = {at: at[key]};
        localStorage.setItem(Lms.key.storage(), JSON.stringify(state));
    }""", [AT, learner or {"name": "", "nip": ""}])
    page.goto(site + "progres.html")
    page.locator(".lms-ledger table").first.wait_for()


def fetch(page, button: str):
    """Click an export button; the downloaded file's bytes, and what the status line then says."""
    with page.expect_download() as download:
        page.get_by_role("button", name=button).click()
    body = download.value.path().read_bytes()
    expect(page.locator(".lms-records__message")).to_contain_text(download.value.suggested_filename)
    return download.value.suggested_filename, body


def csv_rows(body: bytes) -> list[list[str]]:
    assert body.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""), delimiter=";"))


def type_learner(page, name: str, nip: str) -> None:
    page.get_by_label("Nama").fill(name)
    page.get_by_label("NIP (tidak wajib)").fill(nip)
    page.get_by_label("NIP (tidak wajib)").press("Tab")


@pytest.fixture
def page():
    with browser_page() as page:
        yield page
        assert page.events == CLEAN


def test_rekap_csv_carries_name_and_nip_as_typed_on_progres_saya(plain, page):
    seed(page, plain)
    type_learner(page, "Siti Rahmah", NIP)
    name, body = fetch(page, "Unduh rekap CSV")
    assert re.fullmatch(r"rekap-belajar-asn-\d{4}-\d{2}-\d{2}\.csv", name)
    rows = csv_rows(body)
    assert rows[0] == ["Tahun", "Tanggal", "Kursus", "Modul", "Kompetensi", "JP", "Nilai", "Nama", "NIP"]
    assert rows[1:] == [
        ["2025", "2025-03-03", "Komunikasi Dasar", "Modul M1", "Komunikasi", "2", "90", "Siti Rahmah", NIP],
        ["2025", "2025-03-03", "Komunikasi Dasar", "Modul M2", "Komunikasi", "2", "", "Siti Rahmah", NIP],
        ["2025", "2025-03-04", "'+Kursus Lanjut", "Modul M1", "Komunikasi", "3", "", "Siti Rahmah", NIP],
        ["2025", "2025-03-10", "'+Kursus Lanjut", "Modul M2", "Komunikasi", "1", "", "Siti Rahmah", NIP],
        ["2025", "2025-03-10", "Kursus Belum Selesai", "Modul M1", "Komunikasi", "1", "", "Siti Rahmah", NIP]]
    page.reload()  # kept in this browser
    assert page.get_by_label("NIP (tidak wajib)").input_value() == NIP
    type_learner(page, "", "")  # nothing to show: the file keeps its first seven columns
    assert csv_rows(fetch(page, "Unduh rekap CSV")[1])[0] == ["Tahun", "Tanggal", "Kursus", "Modul", "Kompetensi",
                                                              "JP", "Nilai"]
    type_learner(page, "", "012345678901234567")
    assert [r[-2:] for r in csv_rows(fetch(page, "Unduh rekap CSV")[1])][:2] == [["Nama", "NIP"],
                                                                               ["", "012345678901234567"]]


def test_siasn_csv_has_the_kursus_fields_one_row_per_completed_course(plain, page):
    seed(page, plain, {"name": "=Siti", "nip": NIP})
    name, body = fetch(page, "Unduh CSV SIASN (kursus)")
    assert re.fullmatch(r"siasn-kursus-\d{4}-\d{2}-\d{2}\.csv", name)
    assert csv_rows(body) == [
        ["nip", "nama", "namaKursus", "institusiPenyelenggara", "jenisDiklatId", "jumlahJam", "tahunKursus",
         "tanggalKursus", "tanggalSelesaiKursus", "nomorSertipikat"],
        [NIP, "'=Siti", "Komunikasi Dasar", ORG, "22", "4", "2025", "03-03-2025", "03-03-2025", ""],
        [NIP, "'=Siti", "'+Kursus Lanjut", ORG, "22", "4", "2025", "04-03-2025", "10-03-2025", ""]]


def read_xlsx(path):
    """Rows as openpyxl and calamine read them, and the NIP cells' types in openpyxl."""
    sheet = openpyxl.load_workbook(path).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    nip_cells = [(c.data_type, c.number_format) for c in sheet["G"][1:]]
    calamine = CalamineWorkbook.from_path(str(path))
    assert calamine.sheet_names == ["Pengembangan Kompetensi"]
    return rows, nip_cells, calamine.get_sheet_by_index(0).to_python()


def test_xlsx_opens_in_openpyxl_and_calamine_with_dates_numbers_and_nip_as_text(plain, page, tmp_path):
    seed(page, plain, {"name": "Siti Rahmah", "nip": NIP})
    name, body = fetch(page, "Unduh Excel 20 JP (.xlsx)")
    assert re.fullmatch(r"20jp-belajar-asn-\d{4}-\d{2}-\d{2}\.xlsx", name)
    (tmp_path / name).write_bytes(body)
    rows, nip_cells, calamine = read_xlsx(tmp_path / name)
    head = ["Tanggal Mulai", "Tanggal Selesai", "Nama Kegiatan", "Penyelenggara", "Jenis Pengembangan", "Total JP",
            "NIP"]
    assert rows == [head,
                    [dt.datetime(2025, 3, 3), dt.datetime(2025, 3, 3), "Komunikasi Dasar", "Kecamatan Medan Belawan",
                     "Belajar Mandiri", 4, NIP],
                    [dt.datetime(2025, 3, 4), dt.datetime(2025, 3, 10), "+Kursus Lanjut", "Kecamatan Medan Belawan",
                     "Belajar Mandiri", 4, NIP]]
    assert nip_cells == [("s", "@"), ("s", "@")]
    assert calamine == [head,
                        [dt.date(2025, 3, 3), dt.date(2025, 3, 3), "Komunikasi Dasar", "Kecamatan Medan Belawan",
                         "Belajar Mandiri", 4.0, NIP],
                        [dt.date(2025, 3, 4), dt.date(2025, 3, 10), "+Kursus Lanjut", "Kecamatan Medan Belawan",
                         "Belajar Mandiri", 4.0, NIP]]


def test_xlsx_writer_keeps_odd_text_leading_zeros_and_every_column(plain, page, tmp_path):
    page.goto(plain + "progres.html")
    odd = "Gotong & <royong> \"é\" — ünï\u0007"
    body = page.evaluate("""(odd) => Array.from(LmsXlsx.workbook("A/B:C", Array.from({length: 28}, (_, i) =>
        ({title: "K" + i})), [[{date: "2024-02-29"}, 0.5, "012345678901234567", odd, "=1+1"].concat(
        Array.from({length: 23}, (_, i) => i))]))""", odd)
    (tmp_path / "t.xlsx").write_bytes(bytes(body))
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert sheet.title == "A B C" and sheet.max_column == 28 and sheet["AB1"].value == "K27"
    assert [c.value for c in sheet[2]][:5] == [dt.datetime(2024, 2, 29), 0.5, "012345678901234567",
                                               odd.replace("\u0007", ""), "=1+1"]
    assert sheet["E2"].data_type == "s"  # text, never a formula
    assert sheet["AB2"].value == 22
    calamine = CalamineWorkbook.from_path(str(tmp_path / "t.xlsx")).get_sheet_by_index(0).to_python()
    assert calamine[1][:5] == [dt.date(2024, 2, 29), 0.5, "012345678901234567", odd.replace("\u0007", ""), "=1+1"]


def test_daily_cap_shows_earned_and_counted_in_the_ledger_and_every_export(capped, page, tmp_path):
    seed(page, capped, {"name": "Siti Rahmah", "nip": NIP})
    expect(page.locator(".lms-ledger .lms-records__cap")).to_have_text(
        "Instansi mengakui paling banyak 2 JP per hari: JP di atas batas itu tetap tercatat sebagai diperoleh, "
        "tetapi tidak diakui.")
    assert page.locator(".lms-ledger__years").inner_text().split("\n") == [
        "Tahun\tJP diperoleh\tJP diakui", "2025\t9 JP\t6 dari 20 JP"]
    modules = [r.split("\t") for r in page.locator(".lms-ledger__modules tbody").inner_text().split("\n")]
    assert [r[-2:] for r in modules] == [["2", "2"], ["2", "0"], ["3", "2"], ["1", "1"], ["1", "1"]]
    courses = [r.split("\t")[2:4] for r in page.locator(".lms-ledger__courses tbody").inner_text().split("\n")]
    assert courses == [["4", "2"], ["4", "3"]]
    rekap = csv_rows(fetch(page, "Unduh rekap CSV")[1])
    assert rekap[0][5:] == ["JP diperoleh", "Nilai", "JP diakui", "Nama", "NIP"]
    assert [r[5:8] for r in rekap[1:]] == [["2", "90", "2"], ["2", "", "0"], ["3", "", "2"], ["1", "", "1"],
                                           ["1", "", "1"]]
    siasn = csv_rows(fetch(page, "Unduh CSV SIASN (kursus)")[1])
    assert siasn[0][-2:] == ["nomorSertipikat", "jumlahJamDiperoleh"]
    assert [r[3:6] + r[-1:] for r in siasn[1:]] == [["BKPSDM Kota Medan", "16", "2", "4"],
                                                    ["BKPSDM Kota Medan", "16", "3", "4"]]
    name, body = fetch(page, "Unduh Excel 20 JP (.xlsx)")
    (tmp_path / name).write_bytes(body)
    rows, _, calamine = read_xlsx(tmp_path / name)
    assert rows[0][5:] == ["Total JP", "NIP", "JP Diperoleh"]
    assert [r[3:] for r in rows[1:]] == [["BKPSDM Kota Medan", "E-Learning", 2, NIP, 4],
                                         ["BKPSDM Kota Medan", "E-Learning", 3, NIP, 4]]
    assert [r[5:] for r in calamine[1:]] == [[2.0, NIP, 4.0], [3.0, NIP, 4.0]]


def test_without_cap_the_ledger_shows_one_jp_column_and_no_cap_note(plain, page):
    seed(page, plain)
    assert not page.locator(".lms-ledger .lms-records__cap").is_visible()
    assert page.locator(".lms-ledger__years").inner_text().split("\n") == ["Tahun\tJP", "2025\t9 dari 20 JP"]
    assert "JP diakui" not in page.locator(".lms-ledger").inner_text()


def test_no_completed_course_says_so_and_downloads_nothing(plain, page):
    page.goto(plain + "progres.html")
    page.evaluate("""() => localStorage.setItem(Lms.key.storage(), JSON.stringify({version: 1, quizzes: {},
        done: {"tiga/m1": {at: "2025-03-10T12:00:00Z"}}}))""")
    page.reload()
    page.locator(".lms-ledger__modules table").wait_for()
    downloads = []
    page.on("download", lambda d: downloads.append(d))
    for button in ("Unduh CSV SIASN (kursus)", "Unduh Excel 20 JP (.xlsx)"):
        page.get_by_role("button", name=button).click()
        expect(page.locator(".lms-records__message")).to_have_text(
            "Belum ada kursus yang selesai: ekspor SIASN dan 20 JP berisi satu baris per kursus yang selesai.")
    page.wait_for_timeout(300)
    assert downloads == []


def test_nip_typed_with_spaces_is_kept_as_its_digits_and_a_wrong_length_is_announced(plain, page):
    seed(page, plain)
    type_learner(page, "Siti Rahmah", "19850101 201001 1 001")
    field = page.get_by_label("NIP (tidak wajib)")
    assert field.input_value() == NIP
    note = page.locator(".lms-records__nip-note")
    assert note.get_attribute("aria-live") == "polite" and note.inner_text() == ""
    field.fill("1985010120100")
    field.press("Tab")
    expect(note).to_have_text(
        "NIP terdiri dari 18 angka; yang tertulis 13 angka. Periksa lagi sebelum menyerahkan berkas.")
    assert field.get_attribute("aria-describedby") == note.get_attribute("id")
    stored = page.evaluate("JSON.parse(localStorage.getItem(Lms.key.storage())).learner")
    assert stored == {"name": "Siti Rahmah", "nip": "1985010120100"}


def test_record_has_name_nip_signature_block_place_and_date_and_one_title_in_print(capped, page):
    seed(page, capped, {"name": "Siti Rahmah", "nip": NIP})
    page.goto(capped + "kursus/lanjut/bukti.html")
    sheet = page.locator(".lms-record__sheet")
    sheet.wait_for()
    assert page.get_by_label("NIP (tidak wajib)").input_value() == NIP
    today = page.evaluate("new Date().toLocaleDateString('id-ID', {day: 'numeric', month: 'long', year: 'numeric'})")
    signers = page.locator(".lms-record__signer").all_inner_texts()
    assert [s.split("\n") for s in signers] == [
        ["Mengetahui,", "Atasan langsung", "", "Nama: ", "NIP: "],
        [f"Medan, {today}", "Peserta", "", "Nama: Siti Rahmah", f"NIP: {NIP}"]]
    facts = page.locator(".lms-record__facts").inner_text()
    assert "4 JP diperoleh, 3 JP diakui" in facts and "Selesai pada\n10 Maret 2025" in facts
    assert "paling banyak 2 JP per hari" in page.locator(".lms-record .lms-records__cap").inner_text()
    page.get_by_label("Nama").fill("Rahmat Hidayat")
    page.get_by_label("Nama").press("Tab")
    expect(page.locator(".lms-record__learner-name")).to_have_text("Rahmat Hidayat")
    page.emulate_media(media="print")
    visible = page.locator("article").inner_text()
    assert len(re.findall("bukti belajar mandiri", visible, re.I)) == 1, visible
    assert "Mengetahui," in visible and not page.locator(".lms-outline").is_visible()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1


def test_record_without_place_leaves_a_line_to_write_on(plain, page):
    seed(page, plain)
    page.goto(plain + "kursus/dasar/bukti.html")
    page.locator(".lms-record__sheet").wait_for()
    place = page.locator(".lms-record__place").inner_text()
    assert re.fullmatch(r"\.{10,}, \d{1,2} \w+ \d{4}", place), place
    assert page.locator(".lms-record__learner-name").inner_text().startswith("....")
    assert "4 JP" in page.locator(".lms-record__facts").inner_text()


def test_jp_chart_bar_in_primary_colour_compact_and_legible_on_a_phone(plain, page):
    seed(page, plain)
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        chart = page.locator(".lms-jpchart")
        colours = page.evaluate("""() => {
            const bar = document.querySelector(".lms-jpchart__bar"), probe = document.createElement("span");
            probe.style.color = getComputedStyle(bar).getPropertyValue("--md-primary-fg-color");
            document.body.append(probe);
            const want = getComputedStyle(probe).color; probe.remove();
            return [getComputedStyle(bar).backgroundColor, want];
        }""")
        assert colours[0] == colours[1] and colours[0] not in ("rgba(0, 0, 0, 0)", "rgb(128, 128, 128)"), colours
        assert chart.bounding_box()["height"] < 90  # one year: one bar and its legend, no empty plot area
        bar = page.locator(".lms-jpchart__bar").bounding_box()
        track = page.locator(".lms-jpchart__track").bounding_box()
        assert abs(bar["width"] - track["width"] * 9 / 20) < 2  # 9 of the 20 JP target fill 9/20 of the track
        legend = page.locator(".lms-jpchart__legend")
        assert legend.inner_text() == "target 20 JP"
        size = float(legend.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px"))
        assert size >= 14
        box = legend.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    label = page.locator(".lms-jpchart").get_attribute("aria-label")
    assert label == "JP per tahun: 2025: 9 JP. Target 20 JP per tahun."


def test_progress_and_record_pages_use_one_date_format(plain, page):
    seed(page, plain)
    ledger = page.locator(".lms-ledger").inner_text()
    record_page = plain + "kursus/lanjut/bukti.html"
    assert "3 Maret 2025" in ledger and "10 Maret 2025" in ledger
    page.goto(record_page)
    page.locator(".lms-record__sheet").wait_for()
    record = page.locator(".lms-record").inner_text()
    for text in (ledger, record):
        assert not re.search(r"\d{4}-\d{2}-\d{2}|\d{2}/\d{2}/\d{4}", text), text


def test_keyboard_reaches_the_fields_and_the_exports_with_a_visible_focus(plain, page):
    seed(page, plain)
    field = page.get_by_label("Nama")
    field.focus()
    assert field.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "nip"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.lmsExport") == "csv"


def test_records_pages_have_no_serious_accessibility_violations(capped, page):
    seed(page, capped, {"name": "Siti Rahmah", "nip": NIP})
    pages = [capped + "progres.html", capped + "kursus/lanjut/bukti.html"]
    assert accessibility_problems(page, pages, "default") == {}
    assert accessibility_problems(page, pages, "slate") == {}


def test_exports_work_offline_from_file(tmp_path_factory, tmp_path):
    config = "site_name: Situs Uji\nlanguage: id\nrecords:\n  daily_jp_cap: 2\n"
    root = make_project(tmp_path_factory.mktemp("offline"), {"site_config.yml": config, **FILES}, defaults=False)
    out = tmp_path / "usb" / "situs"
    assert [p for p in pipeline.build(root, out, offline=True).problems if p.severity == "error"] == []
    with browser_page() as page:
        seed(page, out.as_uri() + "/", {"name": "Siti Rahmah", "nip": NIP})
        name, body = fetch(page, "Unduh Excel 20 JP (.xlsx)")
        (tmp_path / name).write_bytes(body)
        rows, nip_cells, _ = read_xlsx(tmp_path / name)
        assert [r[5:] for r in rows[1:]] == [[2, NIP, 4], [3, NIP, 4]] and nip_cells == [("s", "@"), ("s", "@")]
        assert page.events["errors"] == [] and page.events["console"] == []
        assert [u for u in page.events["outside"] if not u.startswith("file://")] == []


def test_exports_bind_once_when_material_shows_the_page_again(capped):
    with browser_page() as page:  # instant navigation emits document$ for every page shown: no double binding
        seed(page, capped)
        page.evaluate("() => { document$.next(document); document$.next(document); }")
        downloads = []
        page.on("download", lambda d: downloads.append(d))
        assert csv_rows(fetch(page, "Unduh CSV SIASN (kursus)")[1])[1][5] == "2"
        page.wait_for_timeout(300)
        assert len(downloads) == 1
        assert page.events == CLEAN
