"""`lms evaluate`: NRR, IKM and grade by hand, Excel-style files, every bad input, recommendations, the page."""

from __future__ import annotations

import json

import pytest

from generator import pipeline
from generator.survey.scoring import grade

from conftest import COURSE

HEADER = "unit;layanan;tanggal;persyaratan;prosedur;waktu;biaya;produk;kompetensi;perilaku;pengaduan;sarana"
SURVEY = ("\ufeff" + HEADER + "\r\n"
          "Kecamatan;Legalisasi;2026-10-01;4;3;2;4;3;3;3;3;3\r\n"
          "Kecamatan;Legalisasi;2026-10-02;3;3;1;4;;3;4;3;3\r\n"
          "Kecamatan;Domisili;2026-10-03;4;4;3;4;4;4;4;3;4\r\n")
COMPLAINTS = ("unit,layanan,tanggal,kategori,uraian\n"
              "Kecamatan,Legalisasi,2026-10-05,waktu,\"Lama, tiga hari\"\n"
              "Kecamatan,Legalisasi,2026-10-06,waktu,Lambat\n"
              "Kecamatan,Domisili,2026-10-07,perilaku,Kurang ramah\n")
FAST = COURSE.replace("id: dasar", "id: cepat").replace("title: Kursus Dasar", "title: Layanan Cepat").replace(
    "level: 1", "level: 1\nimproves: [waktu, perilaku]")
SLOW = (COURSE.replace("id: dasar", "id: lambat").replace("title: Kursus Dasar", "title: Antrean Tertib").replace(
        "level: 1", "level: 1\nimproves: [waktu]")
        .replace("jp: 2\n", "jp: 1\n"))


def run(project, lms, *args):
    """Evaluate the sample files against a project with two courses that improve survey elements."""
    root = project({"survei.csv": SURVEY, "aduan.csv": COMPLAINTS, "courses/cepat.yml": FAST,
                    "courses/lambat.yml": SLOW})
    return root, lms("evaluate", root / "survei.csv", "--complaints", root / "aduan.csv", "--project", root, *args)


def test_nrr_ikm_and_grade_by_hand(project, lms):
    root, result = run(project, lms, "--format", "json")
    assert result.exit_code == 0, result.output
    units = json.loads(result.output)["units"]
    assert [(u["unit"], u["layanan"], u["respondents"]) for u in units] == [
        ("Kecamatan", None, 3), ("Kecamatan", "Domisili", 1), ("Kecamatan", "Legalisasi", 2)]
    total = units[0]
    # waktu (2 + 1 + 3) / 3; produk (3 + 4) / 2, one respondent left it empty
    assert total["nrr"] == {"persyaratan": 3.667, "prosedur": 3.333, "waktu": 2.0, "biaya": 4.0, "produk": 3.5,
                            "kompetensi": 3.333, "perilaku": 3.667, "pengaduan": 3.0, "sarana": 3.333}
    # (11/3 + 10/3 + 2 + 4 + 3.5 + 10/3 + 11/3 + 3 + 10/3) / 9 x 25 = 82.87
    assert (total["ikm"], total["grade"]) == (82.87, "B")
    assert (units[2]["ikm"], units[2]["grade"]) == (76.39, "C")
    assert (units[1]["ikm"], units[1]["grade"]) == (94.44, "A")
    assert total["complaints"]["waktu"] == 2 and total["complaints"]["perilaku"] == 1
    assert total["weakest"] == ["waktu", "perilaku"]  # lowest NRR; perilaku has 1 of 3 complaints > 25%
    assert units[2]["weakest"] == ["waktu"]


@pytest.mark.parametrize("ikm, letter", [(100, "A"), (88.31, "A"), (88.30, "B"), (76.61, "B"), (76.60, "C"),
                                         (65.00, "C"), (64.99, "D"), (25.00, "D"), (None, None)])
def test_grade_boundaries(ikm, letter):
    assert grade(ikm) == letter


def test_recommendations_rank_by_weak_elements_then_jp(project, lms):
    root, result = run(project, lms, "--format", "json")
    units = json.loads(result.output)["units"]
    assert units[0]["recommended_courses"] == ["cepat", "lambat"]  # two weak elements before one
    assert units[2]["recommended_courses"] == ["lambat", "cepat"]  # one each: fewer JP first


BAD = {
    "missing column": (HEADER.replace(";sarana", ""), ["survei.csv:1:1: sarana: kolom 'sarana' tidak ada"]),
    "misspelt column": (HEADER.replace("waktu", "wakut"), ["survei.csv:1:1: waktu: kolom 'waktu' tidak ada",
                                                           "survei.csv:1:6: wakut: kolom 'wakut' tidak dikenal",
                                                           "    saran: Maksud Anda 'waktu'?"]),
}


def test_every_bad_row_is_reported_in_one_run_and_nothing_is_written(project, lms):
    survey = (HEADER + "\n"
              "Kecamatan;Legalisasi;2026-13-01;4;3;2;4;3;3;3;3;3\n"
              "Kecamatan;Legalisasi;2026-10-02;5;3;1;4;;3;4;3;0\n")
    complaints = ("unit,layanan,tanggal,kategori,uraian\n"
                  "Kecamatn,Legalisasi,2026-10-05,waktu,x\n"
                  "Kecamatan,Legalisasi,2026-10-06,wakt,x\n")
    root = project({"survei.csv": survey, "aduan.csv": complaints})
    result = lms("evaluate", root / "survei.csv", "--complaints", root / "aduan.csv", "--format", "page",
                 "--project", root)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "aduan.csv:2:1: unit: unit 'Kecamatn' tidak ada di data survei",
        "    saran: Maksud Anda 'Kecamatan'? Pilihannya: Kecamatan.",
        "aduan.csv:3:4: kategori: kategori 'wakt' bukan unsur SKM",
        "    saran: Maksud Anda 'waktu'? Pilihannya: persyaratan, prosedur, waktu, biaya, produk, kompetensi, "
        "perilaku, pengaduan, sarana.",
        "survei.csv:2:3: tanggal: '2026-13-01' bukan tanggal YYYY-MM-DD",
        "    saran: Tulis tanggal seperti 2026-11-29; di Excel, format selnya sebagai teks atau yyyy-mm-dd.",
        "survei.csv:3:4: persyaratan: nilai '5' harus 1, 2, 3, atau 4 (atau kosong bila tidak dijawab)",
        "    saran: Skala SKM adalah 1 sampai 4; biarkan kosong bila responden tidak menjawab.",
        "survei.csv:3:12: sarana: nilai '0' harus 1, 2, 3, atau 4 (atau kosong bila tidak dijawab)",
        "    saran: Skala SKM adalah 1 sampai 4; biarkan kosong bila responden tidak menjawab.",
        "5 galat, 0 peringatan dalam 2 berkas.",  # the files read, not the project's
    ]
    assert not (root / "content/evaluasi-layanan.md").exists()


@pytest.mark.parametrize("name", list(BAD))
def test_header_problems(project, lms, name):
    header, expected = BAD[name]
    root = project({"survei.csv": header + "\nKecamatan;A;2026-10-01;4;4;4;4;4;4;4;4;4\n"})
    result = lms("evaluate", root / "survei.csv", "--project", root)
    lines = [line for line in result.output.splitlines() if not line.startswith("    saran: Kolom")]
    assert result.exit_code == 1 and lines[:len(expected)] == expected


def test_an_empty_survey_is_an_error_not_a_division_by_zero(project, lms):
    root = project({"survei.csv": HEADER + "\n\n"})
    result = lms("evaluate", root / "survei.csv", "--project", root)
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == ["survei.csv:1:1: survei tidak berisi satu pun responden",
                                              "    saran: Tambahkan satu baris per responden di bawah baris nama "
                                              "kolom."]


def test_the_page_renders_and_its_course_links_resolve(project, lms):
    root, result = run(project, lms, "--format", "page")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Halaman ditulis di {root / 'content/evaluasi-layanan.md'}")
    page = root / "content/evaluasi-layanan.md"
    text = page.read_text()
    assert text.startswith("---\ntitle: Evaluasi Layanan\n") and "status: draft" in text
    assert '<svg class="lms-chart" viewBox=' in text and 'role="img" aria-label="NRR per unsur untuk Kecamatan:' in text
    page.write_text(text.replace("status: draft", "status: published"))
    outcome = pipeline.build(root, root / "site", strict=True)
    assert outcome.problems == [] and outcome.warnings == ()
    html = (root / "site/evaluasi-layanan.html").read_text()
    for course in ("cepat", "lambat"):
        assert f'href="kursus/{course}/index.html"' in html
        assert (root / f"site/kursus/{course}/index.html").is_file()
    assert "IKM 82,87 (B, Baik)" in html


def test_text_report_for_people(project, lms):
    _, result = run(project, lms)
    lines = result.output.splitlines()
    assert lines[:3] == ["Berkas dibaca (1): survei.csv", "  survei.csv: judul kolom di baris 1",
                         "    A 'unit' -> Unit (nama kolom proyek)"]  # the mapping first, to check before trusting
    assert "Kecamatan / Semua layanan: IKM 82,87 (B, Baik), 3 responden" in lines
    assert "  unsur terlemah: Waktu Penyelesaian, Perilaku Pelaksana" in lines
    # by title with a link, never by id
    assert "  Kursus yang disarankan: Layanan Cepat (kursus/cepat/); Antrean Tertib (kursus/lambat/)" in lines
    assert "    Jumlah NRR x 1/9 = 3,3148; x 25 = IKM 82,87" in lines


def test_rows_keep_their_line_when_a_quoted_cell_spans_lines(project, lms):
    complaints = ("unit,layanan,tanggal,kategori,uraian\n"
                  "Kecamatan,Legalisasi,2026-10-05,waktu,\"Baris satu\nbaris dua\"\n"
                  "Kecamatan,Legalisasi,2026-10-06,wakt,x\n")
    root = project({"survei.csv": SURVEY, "aduan.csv": complaints})
    result = lms("evaluate", root / "survei.csv", "--complaints", root / "aduan.csv", "--project", root)
    assert result.output.splitlines()[0] == "aduan.csv:4:4: kategori: kategori 'wakt' bukan unsur SKM"
