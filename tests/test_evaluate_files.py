"""`lms evaluate` on files shaped like real exports: Google Forms CSV and the common Excel template, no flags."""

from __future__ import annotations

import codecs
import csv
import io
import json
from fractions import Fraction

import pytest
from openpyxl import Workbook

from generator.survey.answers import WORDS

ORDER = ("persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "sarana", "pengaduan")
QUESTIONS = (  # PermenPAN-RB 14/2017's questionnaire, in its order (sarana 8th, pengaduan 9th)
    "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
    "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
    "pelayanan dengan hasil yang diberikan?",
    "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "Bagaimana pendapat saudara perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
    "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
)
REWORDED = (  # as offices retype them: numbered, other case, extra or fewer words
    "1. PERSYARATAN pelayanan sesuai dengan jenis layanan?",
    "2) Kemudahan prosedur / alur pelayanan",
    "3. kecepatan waktu pelayanan",
    "4. Kewajaran Biaya atau Tarif",
    "5. Kesesuaian produk layanan (standar vs hasil)",
    "6. Kompetensi petugas",
    "7. Kesopanan & keramahan petugas",
    "8. Kualitas Sarana Prasarana",
    "9. Penanganan pengaduan, saran dan masukan",
)
# scores per respondent in questionnaire order; waktu (3rd) is the weakest
SCORES = [(4, 3, 2, 4, 3, 3, 4, 3, 3), (3, 3, 1, 4, 4, 3, 3, 4, 2), (4, 4, 2, 3, 3, 4, 4, 3, 3),
          (3, 2, 2, 4, 3, 3, 3, 3, 4), (4, 3, 3, 4, 4, 4, 3, 4, 3), (3, 4, 1, 4, 3, 3, 4, 3, 3)]
DATES = ("2026/01/15 9:01:02", "2026/02/03 10:11:12", "2026/04/20 8:00:00", "2026/05/02 13:14:15",
         "2026/07/07 7:07:07", "2026/08/30 16:00:00")


def expected_ikm(rows=SCORES) -> float:
    """The IKM by the regulation's definition, in exact fractions (1/9, never 0.111)."""
    nrr = [Fraction(sum(r[i] for r in rows), len(rows)) for i in range(9)]
    return round(float(sum(n / 9 for n in nrr) * 25), 2)


def forms_rows(questions=QUESTIONS, words=True):
    header = ["Timestamp", "Email Address", "Jenis Kelamin", "Pendidikan", "Pekerjaan", "Jenis Layanan",
              *questions, "Saran dan masukan"]
    rows = [header]
    for n, (day, scores) in enumerate(zip(DATES, SCORES, strict=True)):
        answers = [WORDS[e][s - 1] if words else str(s) for e, s in zip(ORDER, scores, strict=True)]
        rows.append([day, f"warga{n}@contoh.id", ("Laki-laki", "Perempuan")[n % 2], "SMA", "Wiraswasta",
                     ("Legalisasi", "Domisili")[n % 2], *answers, "Semoga, lebih cepat"])
    return rows


def to_csv(rows, delimiter=",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def template_xlsx(path, labels=True, scale=4, extra=None):
    """The common office template: title rows, a merged 'Unsur Pelayanan' header over U1 (Persyaratan)..."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Data SKM"
    book.create_sheet("Petunjuk").append(["Isi satu baris per responden."])
    sheet.append(["SURVEI KEPUASAN MASYARAKAT"])
    sheet.append(["Kecamatan Medan Belawan, Semester I 2026"])
    sheet.append([])
    names = ["Persyaratan", "Prosedur", "Waktu", "Biaya", "Produk", "Kompetensi", "Perilaku", "Sarana",
             "Pengaduan"]
    codes = [f"U{i} ({name})" if labels else f"U{i}" for i, name in enumerate(names, start=1)]
    sheet.append(["No", "Tanggal", "Jenis Kelamin", "Pendidikan", "Unsur Pelayanan"] + [None] * 8)
    sheet.append([None, None, None, None, *codes])
    for col in "ABCD":
        sheet.merge_cells(f"{col}4:{col}5")
    sheet.merge_cells("E4:M4")
    for n, scores in enumerate(SCORES, start=1):
        row = [n, f"2026-0{n}-10", ("L", "P")[n % 2], "S1", *[min(s + (scale - 4), scale) for s in scores]]
        sheet.append(row + (extra or []))
    sheet.append(["Jumlah", None, None, None, *[sum(r[i] for r in SCORES) for i in range(9)]])
    sheet.append(["NRR", None, None, None, *[round(sum(r[i] for r in SCORES) / 6, 2) for i in range(9)]])
    book.save(path)
    return path


def run_json(lms, root, *files, args=()):
    result = lms("evaluate", *[root / f for f in files], "--project", root, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


VARIANTS = {
    "google forms, comma": lambda: to_csv(forms_rows()).encode("utf-8"),
    "semicolon, BOM": lambda: ("\ufeff" + to_csv(forms_rows(), ";")).encode("utf-8"),
    "tab, UTF-16 (Excel Unicode text)": lambda: codecs.BOM_UTF16_LE + to_csv(forms_rows(), "\t").encode("utf-16-le"),
    "reworded questions": lambda: to_csv(forms_rows(REWORDED)).encode("utf-8"),
    "numbers, not words": lambda: to_csv(forms_rows(words=False)).encode("utf-8"),
    "upper case answers": lambda: to_csv([r if i == 0 else [c.upper() if 6 <= j < 15 else c for j, c in enumerate(r)]
                                          for i, r in enumerate(forms_rows())]).encode("utf-8"),
}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_google_forms_exports_need_no_flags(project, lms, name):
    root = project({})
    (root / "jawaban.csv").write_bytes(VARIANTS[name]())
    res = run_json(lms, root, "jawaban.csv")
    total = res["units"][0]
    assert (total["unit"], total["layanan"], total["respondents"]) == ("Situs Uji", None, 6)
    assert total["ikm"] == expected_ikm() == 80.09  # 173 / 6 / 9 x 25; with 0.111 it would be 80.01
    assert total["grade"] == "B" and total["weakest"] == ["waktu"]
    assert [u["layanan"] for u in res["units"]] == [None, "Domisili", "Legalisasi"]
    columns = {c["header"]: c["role"] for c in res["mapping"][0]["columns"]}
    assert columns["Timestamp"] == "tanggal" and columns["Jenis Layanan"] == "layanan"
    assert sorted(c for c, r in columns.items() if r in ORDER) == sorted(c for c in columns if c[0].isdigit()
                                                                           or c.startswith("Bagaimana"))
    assert res["mapping"][0]["ignored"] == ["Email Address", "Saran dan masukan"]
    assert res["profile"]["sex"] == {"Laki-laki": 3, "Perempuan": 3}


def test_windows_1252_is_read_with_a_warning(project, lms):
    root = project({})
    rows = forms_rows()
    rows[1][5] = "Légalisasi"
    (root / "jawaban.csv").write_bytes(to_csv(rows, ";").encode("cp1252"))
    result = lms("evaluate", root / "jawaban.csv", "--project", root, "--format", "json")
    assert result.exit_code == 0
    assert ("jawaban.csv:2:1: peringatan: berkas bukan UTF-8; dibaca sebagai Windows-1252 (ANSI Excel)"
            in result.output.splitlines())
    assert '"layanan": "Légalisasi"' in result.output


def test_the_excel_template_needs_no_flags(project, lms):
    root = project({})
    template_xlsx(root / "skm.xlsx")
    res = run_json(lms, root, "skm.xlsx")
    total = res["units"][0]
    assert total["respondents"] == 6 and total["ikm"] == expected_ikm() and total["weakest"] == ["waktu"]
    mapping = res["mapping"][0]
    assert mapping["file"] == "skm.xlsx[Data SKM]" and mapping["header_row"] == 5
    roles = [(c["column"], c["role"], c["how"]) for c in mapping["columns"]]
    assert roles[:4] == [("B", "tanggal", "id"), ("C", "sex", "name"), ("D", "education", "name"),
                         ("E", "persyaratan", "code")]
    assert ("L", "sarana", "code") in roles and ("M", "pengaduan", "code") in roles
    assert res["u8_u9_by_questionnaire_order"] is False
    assert total["audit"]["elements"]["waktu"] == {"sum": 11, "answers": 6, "nrr": 1.8333, "weighted": 0.2037}


def test_bare_u_codes_follow_the_questionnaire_order_and_the_report_says_so(project, lms):
    root = project({})
    template_xlsx(root / "skm.xlsx", labels=False)
    res = run_json(lms, root, "skm.xlsx")
    assert res["u8_u9_by_questionnaire_order"] is True
    roles = {c["header"]: c["role"] for c in res["mapping"][0]["columns"]}
    assert (roles["U8"], roles["U9"]) == ("sarana", "pengaduan")
    text = lms("evaluate", root / "skm.xlsx", "--project", root).output
    assert "U8/U9 tanpa label mengikuti urutan kuesioner" in text


def test_a_one_to_five_form_is_refused(project, lms):
    root = project({})
    template_xlsx(root / "skm.xlsx", scale=5)
    result = lms("evaluate", root / "skm.xlsx", "--project", root, "--format", "page")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == ("skm.xlsx[Data SKM]:6:5: U1 (Persyaratan): formulir ini memakai skala lain (ada nilai 5); "
                        "SKM dihitung pada skala 1-4 dan berkas ini tidak dinilai")
    assert "--map PETA.yml" in lines[1] and "1-5" in lines[1]
    assert not (root / "content/evaluasi-layanan.md").exists()


def test_a_five_star_csv_is_refused_too(project, lms):
    root = project({})
    rows = forms_rows(words=False)
    rows[3][8] = "5"
    (root / "f.csv").write_text(to_csv(rows))
    result = lms("evaluate", root / "f.csv", "--project", root)
    assert result.exit_code == 1 and "formulir ini memakai skala lain (ada nilai 5)" in result.output


def test_every_bad_cell_with_file_sheet_row_and_column(project, lms):
    root = project({})
    path = template_xlsx(root / "skm.xlsx", extra=[None, "x"])
    from openpyxl import load_workbook

    book = load_workbook(path)
    book["Data SKM"]["F7"] = "Lumayan"
    book["Data SKM"]["B8"] = "kemarin"
    book.save(path)
    result = lms("evaluate", path, "--project", root, "--format", "page")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if not line.startswith("    saran")]
    assert lines[:3] == [
        "skm.xlsx[Data SKM]:6:15: baris berisi 14 sel terisi, melewati 13 kolom judul",
        "skm.xlsx[Data SKM]:7:6: U2 (Prosedur): jawaban 'Lumayan' bukan jawaban unsur Sistem, Mekanisme, dan "
        "Prosedur",
        "skm.xlsx[Data SKM]:7:15: baris berisi 14 sel terisi, melewati 13 kolom judul",
    ]
    assert "skm.xlsx[Data SKM]:8:2: Tanggal: 'kemarin' bukan tanggal" in lines
    assert lines[-1] == "8 galat, 0 peringatan dalam 1 berkas."  # the template's Jumlah and NRR rows are not data
    assert not (root / "content/evaluasi-layanan.md").exists()


def test_duplicate_columns_are_refused_with_their_column(project, lms):
    root = project({})
    rows = forms_rows()
    rows[0][7] = "Waktu pelayanan"  # the prosedur question now says waktu too
    (root / "f.csv").write_text(to_csv(rows))
    result = lms("evaluate", root / "f.csv", "--project", root)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == ("f.csv:1:9: Bagaimana pendapat Saudara tentang kecepatan waktu dalam "
                                             "memberikan pelayanan?: kolom ini berarti 'waktu', sama dengan kolom H "
                                             "('Waktu pelayanan')")


def test_duplicate_columns_in_the_own_layout(project, lms):
    root = project({"s.csv": "unit;layanan;tanggal;persyaratan;prosedur;waktu;biaya;produk;kompetensi;perilaku;"
                             "pengaduan;sarana;waktu\nK;A;2026-10-01;4;4;4;4;4;4;4;4;4;1\n"})
    result = lms("evaluate", root / "s.csv", "--project", root)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == ("s.csv:1:13: waktu: kolom ini berarti 'waktu', sama dengan kolom F "
                                             "('waktu')")


def test_extra_cells_in_a_csv_row(project, lms):
    root = project({"s.csv": "unit,layanan,tanggal,persyaratan,prosedur,waktu,biaya,produk,kompetensi,perilaku,"
                             "pengaduan,sarana\nK,A,2026-10-01,4,4,4,4,4,4,4,4,4,Lama, sekali\n"})
    result = lms("evaluate", root / "s.csv", "--project", root)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == "s.csv:2:13: baris berisi 14 sel terisi, melewati 12 kolom judul"


def test_an_element_without_answers_says_why_there_is_no_ikm(project, lms):
    root = project({})
    rows = [r[:14] + r[15:] for r in forms_rows()]  # no pengaduan question
    (root / "f.csv").write_text(to_csv(rows))
    result = lms("evaluate", root / "f.csv", "--project", root)
    assert result.exit_code == 0, result.output
    assert "Situs Uji / Semua layanan: IKM –, 6 responden" in result.output
    assert ("  IKM – karena tidak ada jawaban untuk: Penanganan Pengaduan, Saran, dan Masukan"
            in result.output.splitlines())
