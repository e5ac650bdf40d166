"""The learner's journey at build time: learning-path rules, the catalogue script, pages, offline builds."""

from __future__ import annotations

import json
import re
import zipfile

import pytest

from generator import pipeline

from conftest import COURSE, report_lines
from test_kinds import rendered

NEXT = (COURSE.replace("id: dasar", "id: lanjut").replace("Kursus Dasar", "Kursus Lanjut")
        .replace("level: 1\n", "level: 1\nprerequisites: [dasar]\n"))
PATH = "id: loket\ntitle: Petugas Loket\naudience: Petugas baru\ncourses: [dasar, lanjut]\n"


def path(old: str = "", new: str = "") -> dict:
    assert old in PATH, old
    return {"courses/lanjut.yml": NEXT, "content/jalur-belajar/loket.yml": PATH.replace(old, new, 1)}


CASES = {
    "a clean path": (path(), []),
    "unknown course": (
        path("[dasar, lanjut]", "[dasar, lanjt]"),
        ["content/jalur-belajar/loket.yml:4:18: courses[1]: 'lanjt' bukan kursus yang dikenal",
         "    saran: Maksud Anda 'lanjut'? Pilihannya: dasar, lanjut."],
    ),
    "prerequisite after the course needing it": (
        path("[dasar, lanjut]", "[lanjut, dasar]"),
        ["content/jalur-belajar/loket.yml:4:11: courses[0]: kursus 'lanjut' membutuhkan 'dasar', yang baru muncul "
         "sesudahnya",
         "    saran: Pindahkan 'dasar' ke atas 'lanjut' dalam daftar courses."],
    ),
    "prerequisite missing from the path": (
        path("[dasar, lanjut]", "[lanjut]"),
        ["content/jalur-belajar/loket.yml:4:11: courses[0]: peringatan: kursus 'lanjut' membutuhkan 'dasar', yang "
         "tidak ada di jalur ini",
         "    saran: Tambahkan 'dasar' sebelum kursus ini, atau biarkan bila peserta jalur ini sudah "
         "menyelesaikannya."],
    ),
    "course listed twice": (
        path("[dasar, lanjut]", "[dasar, lanjut, dasar]"),
        ["content/jalur-belajar/loket.yml:4:26: courses[2]: kursus 'dasar' sudah ada di jalur ini",
         "    saran: Setiap butir harus berbeda agar jawabannya jelas."],
    ),
    "draft course in a published path": (
        {**path(), "courses/lanjut.yml": NEXT.replace("level: 1\n", "level: 1\nstatus: draft\n")},
        ["content/jalur-belajar/loket.yml:4:18: courses[1]: kursus 'lanjut' masih berstatus draft dan tidak "
         "diterbitkan",
         "    saran: Terbitkan kursus 'lanjut' (status: published) atau keluarkan dari jalur ini."],
    ),
    "empty path": (
        path("[dasar, lanjut]", "[]"),
        ["content/jalur-belajar/loket.yml:4:10: courses: harus berisi paling sedikit 1 butir, ada 0"],
    ),
    "module id taken by the completion record": (
        {"courses/dasar.yml": COURSE.replace("id: m1\n", "id: bukti\n")},
        ["courses/dasar.yml:12:9: modules[0].id: id 'bukti' sudah dipakai oleh halaman yang dibuat situs sendiri",
         "    saran: Pilih id lain yang menggambarkan isinya."],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_path_rule_message(project, name):
    files, expected = CASES[name]
    assert report_lines(project(files)) == expected


def catalogue(tree: dict) -> dict:
    """window.LmsData of the generated data script, as Python values."""
    text = tree["docs/assets/lms/lms-data.js"]
    return json.loads(text[text.index("= ") + 2:].rstrip().rstrip(";"))


def test_catalogue_script_lists_courses_modules_quizzes_and_paths(project):
    tree = rendered(project({**path(), "courses/lanjut.yml": NEXT.replace(
        "    quiz:\n      questions:\n        - type: true-false\n          prompt: Benar?\n          objective: t1\n"
        "          answer: true\n", "")}))
    data = catalogue(tree)
    assert data["jpTarget"] == 20 and data["site"] == "Situs Uji" and data["lang"] == "id"
    assert data["paths"] == {"loket": ["dasar", "lanjut"]}
    dasar = data["courses"]["dasar"]
    assert dasar["title"] == "Kursus Dasar" and dasar["jp"] == 2 and dasar["competency"] == "Komunikasi"
    assert dasar["modules"][0]["id"] == "m1" and re.fullmatch(r"[0-9a-f]{12}", dasar["modules"][0]["quiz"])
    assert data["courses"]["lanjut"]["modules"][0]["quiz"] is None
    assert data["text"]["journey"]["done"] == "selesai" and data["text"]["quiz"]["passed"] == "LULUS"
    assert data["keys"]["quiz"] == "{course}/{module}#{hash}"
    assert data["urls"]["module"] == "kursus/{course}/{module}.html"
    assert data["jpMax"] == 2 and data["reserved"] == ["index", "bukti"]
    scripts = tree["mkdocs.yml"][tree["mkdocs.yml"].index("extra_javascript"):]
    assert scripts.index("lms-data.js") < scripts.index("assets/lms/lms.js")  # the data, then the bundle


def test_catalogue_script_cannot_close_a_script_tag(project):
    tree = rendered(project({"courses/dasar.yml": COURSE.replace("title: Kursus Dasar", 'title: "</script><b>"')}))
    text = tree["docs/assets/lms/lms-data.js"]
    assert "</script>" not in text and catalogue(tree)["courses"]["dasar"]["title"] == "</script><b>"


def test_course_page_carries_progress_hooks(project):
    tree = rendered(project({**path()}))
    page = tree["docs/kursus/lanjut/index.md"]
    assert '<div class="lms-progress" data-lms-course="lanjut" hidden>' in page
    assert '<a class="md-button md-button--primary lms-continue" href="m1.html">Mulai belajar</a>' in page
    assert '<a href="../dasar/index.html" data-lms-prerequisite="dasar">Kursus Dasar</a>' in page
    assert '<li data-lms-module="lanjut/m1"><a href="m1.html">Modul Satu</a>' in page
    assert 'data-lms-jp="2"' in tree["docs/kursus/lanjut/m1.md"]


def test_module_without_quiz_can_be_marked_done(project):
    tree = rendered(project({"courses/lanjut.yml": NEXT.replace(
        "    quiz:\n      questions:\n        - type: true-false\n          prompt: Benar?\n          objective: t1\n"
        "          answer: true\n", "")}))
    page = tree["docs/kursus/lanjut/m1.md"]
    assert ('<p class="lms-done" data-lms-done="lanjut/m1" data-lms-jp="2" hidden><button type="button" '
            'class="md-button md-button--primary" aria-pressed="false">Tandai selesai</button>') in page
    assert "lms-quiz" not in page


def test_progress_record_and_path_pages(project):
    tree = rendered(project(path()))
    progress = tree["docs/progres.md"]
    assert progress.startswith("# Progres Saya\n")
    assert "tidak ada yang dikirim ke mana pun" in progress and "target 20 JP" in progress
    record = tree["docs/kursus/dasar/bukti.md"]
    assert record.startswith("# Bukti Belajar Mandiri: Kursus Dasar\n")
    assert "bukan sertifikat resmi dan bukan STTPP" in record
    assert '<div class="lms-record" data-lms-record="dasar" hidden>' in record
    listing = tree["docs/jalur/index.md"]
    assert ('<a class="lms-card__title" href="loket.html">Petugas Loket</a><p>Untuk: Petugas baru</p>'
            '<p class="lms-meta">2 kursus · 4 JP</p>') in listing
    page = tree["docs/jalur/loket.md"]
    assert page.index('data-lms-course-item="dasar"') < page.index('data-lms-course-item="lanjut"')
    assert "<dt>JP</dt><dd>4 JP (180 menit)</dd>" in page
    mkdocs = tree["mkdocs.yml"]
    assert ("- Kursus:\n  - Katalog Kursus: kursus/index.md\n  - Progres Saya: progres.md\n  - Jalur Belajar:\n"
            "    - Jalur Belajar: jalur/index.md\n    - Petugas Loket: jalur/loket.md\n") in mkdocs
    assert "kursus/dasar/" not in mkdocs[mkdocs.index("\nnav:"):]  # a course's pages: reached through its outline
    assert "not_in_nav: /kursus/*/*.md\n" in mkdocs


def test_course_catalogue_has_filters(project):
    page = rendered(project(path()))["docs/kursus/index.md"]
    assert '<form class="lms-filter" data-lms-filter="daftar-kursus"' in page
    assert '<option value="manajerial">Manajerial</option>' in page
    assert '<option value="komunikasi">Komunikasi</option>' in page
    assert ('<li class="lms-card" data-lms-card="dasar" data-category="manajerial" data-competency="komunikasi" '
            'data-level="1" data-jp="2">') in page


def test_offline_build_has_its_search_as_scripts_and_zips(project):
    from generator import render
    from generator.structure import BuildOptions

    root = project()
    site = render.site_of(pipeline.check(root).project)
    online, offline = render.render(site)["mkdocs.yml"], render.render(site, BuildOptions(offline=True))["mkdocs.yml"]
    assert offline == online  # pages are .html files and search loads scripts: every build works from file://
    assert "navigation.instant" not in online and "offline" not in online and "- search" not in online
    out = root / "site"
    assert pipeline.build(root, out, offline=True).problems == []
    assert (out / "search/index.js").read_text().startswith('__lmsSearch("index",')  # a script: file:// loads it
    html = (out / "index.html").read_text()
    assert "unpkg.com" not in html and "polyfills" not in online
    archive = root / "site.zip"
    names = zipfile.ZipFile(archive).namelist()
    assert "site/index.html" in names and "site/search/index.js" in names and "site/assets/lms/search.js" in names
    first = archive.read_bytes()
    assert pipeline.build(root, out, offline=True).problems == []
    assert archive.read_bytes() == first  # the same sources give the same zip


def test_build_offline_command_names_the_zip(project, lms):
    root = project()
    result = lms("build", "--offline", "--project", root)
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == (
        f"Versi luring: buka {root / 'site' / 'index.html'} di peramban, atau bagikan {root / 'site.zip'} "
        "(misalnya lewat flashdisk).")
