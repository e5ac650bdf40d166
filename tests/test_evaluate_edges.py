"""`lms evaluate` on odd and broken files: a clear located message and exit 1, never a traceback."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

HEADER = "Tanggal;U1;U2;U3;U4;U5;U6;U7;U8;U9\n"

BROKEN = {
    "empty.csv": (b"", "empty.csv:1:1: berkas CSV kosong"),
    "other.csv": (b"a,b,c\n1,2,3\n", "other.csv:1:1: tidak ada kolom unsur SKM yang dikenali (kolom: a, b, c)"),
    "header.csv": (HEADER.encode(), "header.csv:1:1: survei tidak berisi satu pun responden"),
    "broken.xlsx": (b"PK\x03\x04rusak", "broken.xlsx:1:1: buku kerja tidak dapat dibaca: Cannot detect file format"),
    "stars.csv": ("U1,U2,U3,U4,U5,U6,U7,U8,U9\n★★★★★,4,4,4,4,4,4,4,4\n".encode(),
                  "stars.csv:2:1: U1: formulir ini memakai skala lain (ada nilai 5); SKM dihitung pada skala 1-4 "
                  "dan berkas ini tidak dinilai"),
    "agree.csv": (b"U1,U2,U3,U4,U5,U6,U7,U8,U9\nSangat puas,4,4,4,4,4,4,4,4\n",
                  "agree.csv:2:1: U1: formulir ini memakai skala lain (ada nilai 5); SKM dihitung pada skala 1-4 "
                  "dan berkas ini tidak dinilai"),
    "mixed.csv": (b"U1,U2,U3,U4,U5,U6,U7,U8,U9\n4 - Tidak sesuai,4,4,4,4,4,4,4,4\n",
                  "mixed.csv:2:1: U1: jawaban '4 - Tidak sesuai' bukan jawaban unsur Persyaratan"),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_files_are_refused_with_a_located_message(project, lms, name):
    raw, first = BROKEN[name]
    root = project({})
    (root / name).write_bytes(raw)
    result = lms("evaluate", root / name, "--project", root)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # a refusal, not a traceback
    assert result.output.splitlines()[0] == first
    assert result.output.splitlines()[-1] == "1 galat, 0 peringatan dalam 1 berkas."


def test_an_empty_workbook_and_an_unknown_sheet(project, lms):
    root = project({})
    book = Workbook()
    book.active.title = "Kosong"
    book.save(root / "kosong.xlsx")
    result = lms("evaluate", root / "kosong.xlsx", "--project", root)
    assert result.output.splitlines()[0] == ("kosong.xlsx:1:1: buku kerja tidak berisi baris judul kolom di lembar "
                                             "mana pun")
    result = lms("evaluate", root / "kosong.xlsx", "--sheet", "Kosng", "--project", root)
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == ["kosong.xlsx:1:1: --sheet: lembar 'Kosng' tidak ada di buku kerja",
                                              "    saran: Maksud Anda 'Kosong'?"]


def test_letters_marks_and_serial_dates_are_read(project, lms):
    root = project({"s.csv": HEADER + "46000;d. Sangat sesuai;a;b;c;d;4;3;2;1\n"
                                      "29/11/2026;(d) Sangat sesuai;A;B;C;D;4;3;2;1\n"
                                      "2026-11-30;4 - Sangat sesuai;1;2;3;4;4;3;2;1\n"})
    result = lms("evaluate", root / "s.csv", "--project", root, "--format", "json", "--period", "year")
    assert result.exit_code == 0, result.output
    res = json.loads(result.output)
    assert res["units"][0]["nrr"]["persyaratan"] == 4.0 and res["units"][0]["nrr"]["prosedur"] == 1.0
    assert [p["period"] for p in res["periods"]] == ["2025", "2026"]  # serial 46000 is 2025-12-08
