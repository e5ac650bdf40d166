"""`lms evaluate`: periods and trends, sample size, --explain, --map, complaints workbooks, safe CSV output."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import Workbook
from test_evaluate_files import forms_rows, template_xlsx, to_csv

from generator.survey.report import safe
from generator.survey.scoring import minimum_sample

from conftest import COURSE

WAKTU = COURSE.replace("title: Kursus Dasar", "title: Layanan Tepat Waktu").replace(
    "level: 1", "level: 1\nimproves: [waktu]")


def evaluate(lms, root, *args):
    return lms("evaluate", *args, "--project", root)


@pytest.mark.parametrize("people, minimum", [(10, 10), (100, 80), (1000, 278), (10000, 370), (1000000, 384)])
def test_krejcie_morgan_matches_the_published_table(people, minimum):
    assert minimum_sample(people) == minimum


def test_periods_by_quarter_with_the_change(project, lms):
    root = project({"f.csv": to_csv(forms_rows())})
    res = json.loads(evaluate(lms, root, root / "f.csv", "--period", "quarter", "--format", "json").output)
    assert [(p["period"], p["respondents"], p["ikm"], p["change"]) for p in res["periods"]] == [
        ("2026-Q1", 2, 77.78, None), ("2026-Q2", 2, 79.17, 1.39), ("2026-Q3", 2, 83.33, 4.16)]
    text = evaluate(lms, root, root / "f.csv", "--period", "semester").output.splitlines()
    assert "  Situs Uji 2026-S2: IKM 83,33 B (+4,86), 2 responden" in text  # 113/4/9x25 = 78,47 before


def test_several_files_are_periods_in_the_order_given(project, lms):
    root = project({"jul-des.csv": to_csv(forms_rows()), "jan-jun.csv": to_csv(forms_rows(words=False))})
    template_xlsx(root / "2025.xlsx")
    res = json.loads(evaluate(lms, root, root / "2025.xlsx", root / "jan-jun.csv", root / "jul-des.csv",
                              "--format", "json").output)
    assert [p["period"] for p in res["periods"]] == ["2025.xlsx", "jan-jun.csv", "jul-des.csv"]
    assert res["units"][0]["respondents"] == 18 and res["files"] == ["2025.xlsx", "jan-jun.csv", "jul-des.csv"]
    page = evaluate(lms, root, root / "2025.xlsx", root / "jan-jun.csv", "--format", "page")
    assert page.exit_code == 0, page.output
    text = (root / "content/evaluasi-layanan.md").read_text()
    assert 'aria-label="IKM per periode untuk Situs Uji: 2025.xlsx 80,09, jan-jun.csv 80,09."' in text
    assert "<polyline" in text and "Jumlah NRR x 1/9 = 3,2037; x 25 = IKM 80,09" in text


def test_period_without_a_date_column_is_an_error(project, lms):
    root = project({})
    rows = [r[1:] for r in forms_rows()]
    (root / "f.csv").write_text(to_csv(rows))
    result = evaluate(lms, root, root / "f.csv", "--period", "month")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == ("f.csv:1:1: --period: --period memerlukan kolom tanggal (Tanggal, "
                                             "Timestamp, Stempel waktu)")


def test_sample_size_warnings(project, lms):
    root = project({"f.csv": to_csv(forms_rows())})
    lines = evaluate(lms, root, root / "f.csv", "--population", "Situs Uji=100").output.splitlines()
    assert ("  peringatan: 6 responden, kurang dari sampel minimum 80 untuk 100 orang yang dilayani "
            "(Krejcie-Morgan)") in lines
    lines = evaluate(lms, root, root / "f.csv").output.splitlines()
    assert "  peringatan: hanya 6 responden (kurang dari 30); anggap IKM ini gambaran kasar" in lines
    bad = evaluate(lms, root, root / "f.csv", "--population", "banyak")
    assert bad.exit_code == 2 and "--population" in bad.output


def test_explain_prints_the_mapping_and_nothing_else(project, lms):
    root = project({})
    template_xlsx(root / "skm.xlsx")
    result = evaluate(lms, root, root / "skm.xlsx", "--explain")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:3] == ["Berkas dibaca (1): skm.xlsx", "  skm.xlsx[Data SKM]: judul kolom di baris 5",
                         "    B 'Tanggal' -> Tanggal (nama kolom proyek)"]
    assert "    E 'U1 (Persyaratan)' -> Persyaratan (kode U dengan label)" in lines
    assert "    diabaikan: 'No'" in lines
    assert not any(line.startswith("Situs Uji") for line in lines)


def test_a_map_names_columns_and_answer_words(project, lms):
    rows = forms_rows()
    rows[0][6:15] = [f"Pertanyaan {i}" for i in range(1, 10)]
    for row in rows[1:]:
        row[8] = {"Tidak cepat": "Lama sekali", "Kurang cepat": "Agak lama"}.get(row[8], row[8])
    elements = ("persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "sarana",
                "pengaduan")
    columns = "".join(f"  Pertanyaan {i}: {e}\n" for i, e in enumerate(elements, start=1))
    mapping = f"columns:\n{columns}answers:\n  waktu:\n    Lama sekali: 1\n    Agak lama: 2\n"
    root = project({"f.csv": to_csv(rows), "peta.yml": mapping})
    res = json.loads(evaluate(lms, root, root / "f.csv", "--map", root / "peta.yml", "--format", "json").output)
    assert res["units"][0]["ikm"] == 80.09
    assert res["mapping"][0]["columns"][6]["how"] == "map"
    bad = project({"f.csv": to_csv(rows), "peta.yml": "columns:\n  Pertanyaan 1: persyaratn\nanswers:\n  x: 5\n"})
    result = evaluate(lms, bad, bad / "f.csv", "--map", bad / "peta.yml")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "peta.yml:2:17: columns.Pertanyaan 1: 'persyaratn' bukan unsur SKM atau jenis kolom"
    assert lines[2] == "peta.yml:4:6: answers.x: skor '5' harus 1, 2, 3, atau 4"


def test_a_complaints_workbook_with_other_column_names(project, lms):
    root = project({"f.csv": to_csv(forms_rows()), "courses/dasar.yml": WAKTU})
    book = Workbook()
    sheet = book.active
    sheet.append(["REKAP PENGADUAN 2026"])
    sheet.append(["No", "Tanggal", "Jenis Layanan", "Kategori", "Isi pengaduan"])
    sheet.append([1, "2026-03-01", "Domisili", "Waktu Penyelesaian", "Lama"])
    sheet.append([2, "2026-03-02", "Domisili", "U7", "Kurang ramah"])
    sheet.append([3, "2026-03-03", "Legalisasi", "waktu", "Antre"])
    book.save(root / "aduan.xlsx")
    res = json.loads(evaluate(lms, root, root / "f.csv", "--complaints", root / "aduan.xlsx",
                              "--format", "json").output)
    total = res["units"][0]
    assert total["complaints"]["waktu"] == 2 and total["complaints"]["perilaku"] == 1
    assert total["recommended"] == [{"id": "dasar", "title": "Layanan Tepat Waktu", "link": "kursus/dasar/"}]


def test_csv_output_is_spreadsheet_safe(project, lms):
    rows = forms_rows()
    rows[0][5] = "Unit layanan"
    for row, name in zip(rows[1:], ("=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "Biasa", "Biasa"), strict=True):
        row[5] = name
    root = project({"f.csv": to_csv(rows)})
    result = evaluate(lms, root, root / "f.csv", "--format", "csv", "--out", root / "rekap.csv")
    assert result.exit_code == 0, result.output
    text = (root / "rekap.csv").read_text(encoding="utf-8-sig")
    units = [row[0] for row in csv.reader(io.StringIO(text), delimiter=";")][1:]
    assert units == ["'+1", "'-1", "'=HYPERLINK(\"x\")", "'@SUM(A1)", "Biasa"]
    assert safe("\tTab") == "'\tTab" and safe("\rCR") == "'\rCR" and safe("Sel biasa") == "Sel biasa"
    assert text.splitlines()[0].startswith("unit;layanan;periode;responden;ikm;mutu;persyaratan")


def test_nothing_is_written_on_error(project, lms):
    rows = forms_rows()
    rows[2][7] = "entah"
    root = project({"f.csv": to_csv(rows)})
    for fmt, target in (("page", root / "halaman.md"), ("csv", root / "rekap.csv")):
        result = evaluate(lms, root, root / "f.csv", "--format", fmt, "--out", target)
        assert result.exit_code == 1 and not target.exists()
        assert "f.csv:3:8:" in result.output
