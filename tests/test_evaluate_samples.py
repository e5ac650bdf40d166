"""The sample files of docs/evaluate.md: read with no flags, and the IKM agrees with a count by hand."""

from __future__ import annotations

import csv
import json
from fractions import Fraction

from openpyxl import load_workbook
from test_evaluate_files import ORDER

from generator.survey.answers import WORDS

from conftest import REPO

SAMPLES = REPO / "samples" / "skm"


def by_hand(rows: list[list[int]]) -> float:
    nrr = [Fraction(sum(r[i] for r in rows), len(rows)) for i in range(9)]
    return round(float(sum(n / 9 for n in nrr) * 25), 2)


def test_the_google_forms_sample(lms):
    with open(SAMPLES / "google-forms.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    scores = [[WORDS[e].index(answer) + 1 for e, answer in zip(ORDER, row[6:15], strict=True)] for row in rows]
    result = lms("evaluate", SAMPLES / "google-forms.csv", "--project", REPO, "--format", "json")
    assert result.exit_code == 0, result.output
    total = json.loads(result.output)["units"][0]
    assert (total["unit"], total["respondents"]) == ("Kecamatan Medan Belawan", 60)
    assert total["ikm"] == by_hand(scores)
    assert total["weakest"] == ["waktu"]


def test_the_excel_template_sample(lms):
    sheet = load_workbook(SAMPLES / "template-skm.xlsx")["Data SKM"]
    scores = [list(row[5:14]) for row in sheet.iter_rows(min_row=6, values_only=True) if isinstance(row[0], int)]
    result = lms("evaluate", SAMPLES / "template-skm.xlsx", "--project", REPO, "--format", "json")
    assert result.exit_code == 0, result.output
    total = json.loads(result.output)["units"][0]
    assert total["respondents"] == len(scores) == 40
    assert total["ikm"] == by_hand(scores)


def test_both_samples_with_complaints_as_two_periods(lms):
    result = lms("evaluate", SAMPLES / "google-forms.csv", SAMPLES / "template-skm.xlsx", "--complaints",
                 SAMPLES / "pengaduan.csv", "--project", REPO, "--format", "json")
    assert result.exit_code == 0, result.output
    res = json.loads(result.output)
    assert [p["period"] for p in res["periods"]] == ["google-forms.csv", "template-skm.xlsx"]
    assert res["units"][0]["complaints"]["waktu"] == 2
