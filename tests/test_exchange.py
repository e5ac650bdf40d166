"""lms export --format gift|moodle-xml and lms import of banks, read back by third-party readers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from lxml import etree

from generator import pipeline
from generator.model import Quiz

REPO = Path(__file__).resolve().parent.parent
NPM = REPO / ".lms" / "npm" / "node_modules"
XSD = REPO / "generator" / "exchange" / "schemas" / "moodle-quiz.xsd"

HOSTILE = 'Kurung {x}: a=b #1 ~2 \\ "kutip" <b>&amp;</b> ::t:: //c'
COURSE = f"""\
id: dasar
title: Kursus Dasar
category: manajerial
competency: komunikasi
level: 1
jp: 2
objectives:
  - id: t1
    text: Tujuan satu.
modules:
  - id: m1
    title: Modul Satu
    jp: 1
    content: modul/m1.md
    quiz:
      questions:
        - type: true-false
          prompt: {json.dumps(HOSTILE)}
          objective: t1
          answer: false
          explanation: "Baris satu.\\n\\nBaris {{dua}}."
        - type: single
          prompt: Pilih satu
          hint: Lihat bagian dua.
          points: 2
          choices:
            - {{text: "a = b", correct: true, feedback: "Tepat #1"}}
            - {{text: "c ~ d", feedback: Kurang tepat.}}
        - type: multiple
          prompt: Pilih yang benar
          choices: [{{text: a, correct: true}}, {{text: b, correct: true}}, {{text: c}}, {{text: d, feedback: Bukan.}}]
  - id: m2
    title: Modul Dua/Lanjut
    jp: 1
    content: modul/m1.md
    quiz:
      questions:
        - type: short
          prompt: Singkatan aparatur sipil negara?
          answers: [ASN, "A.S.N."]
        - type: numeric
          prompt: Berapa menit satu JP?
          answer: 45
          tolerance: 0.5
        - type: order
          prompt: Urutkan langkah
          items: [Salam, Dengar, Bantu]
        - type: match
          prompt: Pasangkan
          pairs: [["SKM", "survei"], ["JP", "jam -> pelajaran"]]
"""
LOST_IN_GIFT = {("m1", 1): {"hint", "points"}, ("m2", 2): "all"}  # index from 0 within the module


def node_tool(package: str) -> Path:
    """A package installed by `make npm-tools`; under CI=true a missing one fails the test instead of skipping."""
    folder = NPM / package
    if not folder.is_dir() or shutil.which("node") is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"npm package {package} or node is missing: run make npm-tools")
        pytest.skip(f"npm package {package} is not installed (make npm-tools)")
    return folder


@pytest.fixture
def course_project(project):
    return project({"courses/dasar.yml": COURSE})


def original(root: Path) -> dict[str, list]:
    course = pipeline.check(root).project.courses[0]
    return {m.id: list(m.quiz.questions) for m in course.modules}


def test_gift_parses_with_gift_pegjs(course_project, lms):
    tool = node_tool("gift-pegjs")
    done = lms("export", "--project", course_project, "--format", "gift")
    assert done.exit_code == 0, done.output
    script = ("const p=require(process.argv[1]);const fs=require('fs');"
              "console.log(JSON.stringify(p.parse(fs.readFileSync(process.argv[2],'utf8'))))")
    parsed = json.loads(subprocess.run(["node", "-e", script, str(tool), str(course_project / "export/dasar.gift")],
                                       capture_output=True, text=True, check=True, timeout=60).stdout)
    assert [q["type"] for q in parsed] == ["Category", "TF", "MC", "MC", "Category", "Short", "Numerical", "Matching"]
    assert parsed[0]["title"] == "$course$/top/Kursus Dasar/Modul Satu"
    assert parsed[4]["title"] == "$course$/top/Kursus Dasar/Modul Dua//Lanjut"
    assert parsed[1]["stem"] == {"format": "markdown", "text": HOSTILE}
    assert parsed[1]["isTrue"] is False and parsed[1]["tags"] == ["tujuan-t1"] and parsed[1]["id"] == "dasar/m1/1"
    assert parsed[1]["globalFeedback"]["text"] == "Baris satu.\n\nBaris {dua}."
    choices = parsed[2]["choices"]
    assert [(c["isCorrect"], c["text"]["text"], c["feedback"] and c["feedback"]["text"]) for c in choices] == [
        (True, "a = b", "Tepat #1"), (False, "c ~ d", "Kurang tepat.")]
    assert [c["weight"] for c in parsed[3]["choices"]] == [50, 50, -50, -50]
    assert [c["text"]["text"] for c in parsed[5]["choices"]] == ["ASN", "A.S.N."]
    assert parsed[6]["choices"] == {"type": "range", "number": 45, "range": 0.5}
    assert [(p["subquestion"]["text"], p["subanswer"]) for p in parsed[7]["matchPairs"]] \
        == [("SKM", "survei"), ("JP", "jam -> pelajaran")]


def test_gift_reports_what_it_cannot_carry(course_project, lms):
    done = lms("export", "--project", course_project, "--format", "gift", "dasar")
    assert done.exit_code == 0
    assert done.output.splitlines() == [
        "courses/dasar.yml: dasar/m1 soal 2 (single): GIFT tidak punya tempat untuk petunjuk (hint); "
        "petunjuk tidak ikut",
        "courses/dasar.yml: dasar/m1 soal 2 (single): GIFT tidak punya tempat untuk bobot nilai; "
        "Moodle memberi bobot 1",
        "courses/dasar.yml: dasar/m2 soal 3 (order) tidak diekspor: GIFT tidak mengenal soal urutan; "
        "pakai --format moodle-xml",
        str(course_project / "export/dasar.gift"),
        "3 hal tidak dapat dibawa oleh format gift (lihat di atas).",
        f"1 berkas gift ditulis ke {course_project / 'export'}.",
    ]


def test_moodle_xml_validates_against_the_documented_format(course_project, lms):
    done = lms("export", "--project", course_project, "--format", "moodle-xml")
    assert done.exit_code == 0, done.output
    assert "tidak dapat dibawa" not in done.output  # Moodle XML carries all seven types, hints and points
    doc = etree.parse(str(course_project / "export/dasar.moodle.xml"))
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(doc), schema.error_log
    types = [q.get("type") for q in doc.getroot().iter("question")]
    assert types == ["category", "truefalse", "multichoice", "multichoice", "category", "shortanswer", "numerical",
                     "ordering", "matching"]
    single = doc.getroot().findall("question")[2]
    assert single.findtext("defaultgrade") == "2" and single.findtext("hint/text") == "Lihat bagian dua."
    fractions = [a.get("fraction") for a in doc.getroot().findall("question")[3].iter("answer")]
    assert fractions == ["50", "50", "-50", "-50"]


def test_schema_rejects_a_broken_bank():
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    bad = etree.fromstring(b'<quiz><question type="multichoice"><answer fraction="lots"><text>a</text></answer>'
                           b'</question><question type="poll"/></quiz>')
    assert not schema.validate(bad)
    assert len(schema.error_log) == 2


@pytest.mark.parametrize("fmt,suffix,lost", [("gift", ".gift", LOST_IN_GIFT), ("moodle-xml", ".moodle.xml", {})])
def test_round_trip_gives_back_the_quizzes(course_project, tmp_path, lms, fmt, suffix, lost):
    assert lms("export", "--project", course_project, "--format", fmt).exit_code == 0
    other = tmp_path / "other"
    (other / "courses").mkdir(parents=True)
    (other / "site_config.yml").write_text("site_name: Lain\n", encoding="utf-8")
    done = lms("import", "--project", other, course_project / "export" / f"dasar{suffix}")
    assert done.exit_code == 0, done.output
    name = "dasar"
    assert done.output.splitlines() == [f"courses/{name}.yml", f"content/modul/{name}-m1.md",
                                        f"content/modul/{name}-m2.md", "3 berkas ditulis. Periksa dengan: lms check"]
    outcome = pipeline.check(other)
    assert outcome.problems == [], outcome.problems
    back = {m.id: list(m.quiz.questions) for m in outcome.project.courses[0].modules}
    expected = {}
    for module_id, questions in original(course_project).items():
        kept = []
        for index, q in enumerate(questions):
            gone = lost.get((module_id, index), set())
            if gone != "all":
                kept.append(q.model_copy(update={k: (1 if k == "points" else None) for k in gone}))
        expected[module_id] = kept
    assert back == expected
    assert outcome.project.courses[0].status == "draft"


def test_import_never_replaces_and_writes_nothing_on_error(course_project, lms):
    assert lms("export", "--project", course_project, "--format", "gift").exit_code == 0
    bad = course_project / "rusak.gift"
    bad.write_text("::a::Soal tanpa kurung\n\n::b::Esai {}\n\n::c::Angka {#tiga}\n", encoding="utf-8")
    before = sorted(p.relative_to(course_project) for p in course_project.rglob("*"))
    done = lms("import", "--project", course_project, course_project / "export/dasar.gift", bad)
    assert done.exit_code == 1
    assert done.output.splitlines() == [
        "courses/dasar.yml:1:1: berkas ini sudah ada (dari export/dasar.gift); tidak ditimpa",
        "    saran: Ganti nama berkas yang diimpor, atau pindahkan berkas lama bila memang ingin diganti.",
        "rusak.gift:1:6: jawaban soal harus di antara '{' dan '}'",
        "    saran: Tambahkan kurung kurawal yang hilang, atau tulis \\{ dan \\} untuk kurung biasa.",
        "rusak.gift:3:11: soal 'b' adalah esai; kuis ini tidak memeriksa esai",
        "    saran: Hapus soal esai dari berkas sebelum diimpor.",
        "rusak.gift:5:12: jawaban angka soal 'c' bukan angka",
        "    saran: Tulis misalnya {#3.5:0.1} (nilai:toleransi) atau {#3..4} (rentang).",
        "4 galat, 0 peringatan dalam 2 berkas.",
        "Impor dibatalkan; tidak ada berkas yang ditulis.",
    ]
    assert sorted(p.relative_to(course_project) for p in course_project.rglob("*")) == before


def test_broken_moodle_xml_is_located(project, lms):
    root = project()
    (root / "rusak.xml").write_text('<?xml version="1.0"?>\n<quiz>\n  <question type="essay">\n'
                                    '    <questiontext><text>Tulis.</text></questiontext>\n  </question>\n'
                                    '  <question type="truefalse">\n    <questiontext><text>Benar?</text>'
                                    '</questiontext>\n  </question>\n</quiz>\n', encoding="utf-8")
    (root / "putus.xml").write_text("<quiz>\n<question>\n</quiz>\n", encoding="utf-8")
    done = lms("import", "--project", root, root / "rusak.xml", root / "putus.xml")
    assert done.exit_code == 1
    lines = done.output.splitlines()
    assert lines[0].startswith("putus.xml:3:")
    assert "XML tidak valid: " in lines[0]
    assert lines[2:6] == [
        "rusak.xml:3:1: /quiz/question[1]: jenis soal Moodle 'essay' tidak dapat menjadi soal kuis di sini",
        "    saran: Yang dikenal: multichoice, truefalse, shortanswer, numerical, matching, ordering. "
        "Hapus soal lain dari berkas.",
        "rusak.xml:6:1: /quiz/question[2]: tidak ada jawaban dengan fraction=\"100\"",
        "    saran: Tandai jawaban yang benar dengan nilai 100% di Moodle.",
    ]
    assert not (root / "courses/rusak.yml").exists()


def test_unknown_course_and_suffix(course_project, lms):
    done = lms("export", "--project", course_project, "--format", "gift", "dasr")
    assert done.exit_code == 1
    assert done.output.splitlines()[:2] == ["courses/dasr.yml:1:1: kursus 'dasr' tidak ada",
                                            "    saran: Maksud Anda 'dasar'? Pilihannya: dasar."]
    (course_project / "soal.csv").write_text("a,b\n", encoding="utf-8")
    done = lms("import", "--project", course_project, course_project / "soal.csv")
    assert done.exit_code == 1
    assert done.output.splitlines()[0] == "soal.csv:1:1: jenis berkas '.csv' tidak dikenal"


def test_draft_course_yaml_reads_as_written(course_project, tmp_path, lms):
    assert lms("export", "--project", course_project, "--format", "moodle-xml").exit_code == 0
    other = tmp_path / "other"
    other.mkdir()
    (other / "site_config.yml").write_text("site_name: Lain\n", encoding="utf-8")
    assert lms("import", "--project", other, course_project / "export/dasar.moodle.xml").exit_code == 0
    data = yaml.safe_load((other / "courses/dasar.yml").read_text(encoding="utf-8"))
    assert data["status"] == "draft" and data["title"] == "Kursus Dasar"
    assert [m["title"] for m in data["modules"]] == ["Modul Satu", "Modul Dua/Lanjut"]
    assert data["objectives"] == [{"id": "t1", "text": "Tulis rumusan tujuan 't1'."}]
    assert Quiz.model_validate(data["modules"][1]["quiz"]).questions[1].answer == 45
