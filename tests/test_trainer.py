"""What a trainer meets: id rules that suggest only valid names, a README with the codes a course uses,
skeleton text caught before it is published, and commands run outside a project explained in Indonesian."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from generator import data, kinds, model, scaffold
from generator.validate.placeholders import placeholders

from conftest import COURSE, report_lines

STANDARD = kinds.by_name("standard").scaffold.format(id="legalisasi", title="Legalisasi", today="2026-11-01")
PATH = scaffold.PATH.replace("courses: [contoh-kursus]", "courses: [dasar]")
HINT = "    saran: Ganti dengan isi yang sebenarnya sebelum terbit, atau biarkan status draft sampai siap."


@pytest.mark.parametrize(("files", "expected"), [
    ({"courses/dasar.yml": None, "courses/pelayanan_ramah.yml": COURSE.replace("id: dasar", "id: pelayanan_ramah")},
     ["courses/pelayanan_ramah.yml:1:5: id: 'pelayanan_ramah' bukan id yang sah",
      "    saran: Gunakan huruf kecil, angka, dan tanda hubung, misalnya 'pelayanan-prima'."]),
    ({"content/standar-pelayanan/legalisasi_dokumen.yml": STANDARD.replace("id: legalisasi", "id: legalisasi_dokumen")},
     ["content/standar-pelayanan/legalisasi_dokumen.yml:2:5: id: 'legalisasi_dokumen' bukan id yang sah",
      "    saran: Gunakan huruf kecil, angka, dan tanda hubung, misalnya 'pelayanan-prima'."]),
    ({"content/jalur-belajar/jalur_baru.yml": PATH.replace("id: contoh-jalur", "id: jalur_baru")},
     ["content/jalur-belajar/jalur_baru.yml:2:5: id: 'jalur_baru' bukan id yang sah",
      "    saran: Gunakan huruf kecil, angka, dan tanda hubung, misalnya 'pelayanan-prima'."]),
])
def test_an_invalid_id_gets_no_advice_to_rename_the_file_to_it(project, files, expected):
    assert report_lines(project(files)) == expected


@pytest.mark.parametrize(("rel", "text", "line"), [
    ("courses/lain.yml", COURSE.replace("id: dasar", "id: lain-nama").replace("content: modul/m1.md",
                                                                                "content: modul/m1.md"), "1:5"),
    ("content/standar-pelayanan/lain.yml", STANDARD, "2:5"),
    ("content/jalur-belajar/lain.yml", PATH, "2:5"),
])
def test_a_valid_id_that_differs_from_its_file_still_gets_the_rename_advice(project, rel, text, line):
    sid = yaml.safe_load(text)["id"]
    files = {rel: text, "courses/dasar.yml": None} if rel.startswith("courses/") else {rel: text}
    lines = [x for x in report_lines(project(files)) if "berbeda dengan nama berkas" in x or "Ganti nama" in x]
    assert lines == [f"{rel}:{line}: id: peringatan: id '{sid}' berbeda dengan nama berkas 'lain'",
                     f"    saran: Ganti nama berkas menjadi '{sid}.yml' agar mudah ditemukan."]


# --- the README that `lms init` writes lists the codes a course uses, from the reference tables


def test_the_init_readme_lists_every_competency_skm_element_and_question_type(tmp_path, lms):
    dest = tmp_path / "kantor"
    assert lms("init", dest, "--organization", "Kelurahan Belawan I").exit_code == 0
    readme = (dest / "README.md").read_text(encoding="utf-8")
    assert scaffold.CODES not in readme and "## Kode yang dipakai kursus" in readme
    assert '("Tulis pertanyaan di sini.",' in readme  # the README quotes the skeleton, not the example
    for category in data.categories():
        assert f"| `{category}` ({data.table('competencies')[category]['label']['id']}) |" in readme
        for competency in data.competency_ids(category):
            assert f"`{competency}` ({data.table('competencies')[category]['competencies'][competency]['id']})" \
                in readme
    for element in data.skm_ids():
        assert f"| `{element}` | {data.table('skm')[element]['id']} |" in readme
    for qtype in model.QUESTION_TYPES:
        assert f"| `{qtype}` | " in readme
    assert "| `true-false` | Benar atau salah. |" in readme
    course = (dest / "courses" / "contoh-kursus.yml").read_text(encoding="utf-8")
    assert "lihat README: Daftar kompetensi per kategori" in course and "### Daftar kompetensi per kategori" in readme


def test_the_readme_codes_follow_the_tables(monkeypatch):
    tables = {"skm": {**data.table("skm"), "kejelasan": {"id": "Kejelasan Informasi", "en": "Clarity"}}}
    monkeypatch.setattr(data, "skm_ids", lambda: (*data.table("skm"), "kejelasan"))
    monkeypatch.setattr(data, "table", lambda name, real=data.table: tables.get(name) or real(name))
    assert "| `kejelasan` | Kejelasan Informasi |" in scaffold.codes_markdown()


# --- skeleton text left in published content


def test_the_placeholders_are_read_from_the_skeletons():
    found = placeholders()
    for text in ("Tulis pertanyaan di sini.", "Peserta mampu menjelaskan ...", "Jawaban yang benar",
                 "Ringkasan kursus dalam satu atau dua kalimat.", "Ringkasan modul dalam satu kalimat.",
                 "Nama unit pelayanan", "Tulis isi tulisan di sini dengan Markdown.",
                 "Hapus baris ini bila tidak ada catatan keselamatan."):
        assert text in found, text
    for kept in ("pelaksana", "Pengantar", "Kertas plano", "hari kerja", "Fotokopi KTP pemohon"):
        assert kept not in found, kept


def test_init_replaces_every_placeholder_with_an_example():
    assert set(scaffold.EXAMPLE_TEXTS) == placeholders()
    assert not set(scaffold.EXAMPLE_TEXTS.values()) & placeholders()


def published_skeleton_course() -> str:
    return scaffold.COURSE.format(id="baru", title="Kursus Baru").replace("status: draft", "status: published")


def test_a_published_course_with_skeleton_text_gets_a_warning_for_each(project):
    root = project({"courses/baru.yml": published_skeleton_course(), "content/modul/baru-pengantar.md":
                    scaffold.MODULE})
    assert report_lines(root) == [
        "content/modul/baru-pengantar.md:3:1: peringatan: teks kerangka 'Tulis materi modul di sini dengan "
        "Markdown: paragraf, daftar, tabel, dan gambar.' belum diganti",
        "    saran: Ganti dengan isi yang sebenarnya sebelum terbit, atau biarkan status draft sampai siap.",
    ] + [line for text, where in (
        ("Ringkasan kursus dalam satu atau dua kalimat.", "4:10: summary"),
        ("Peserta mampu menjelaskan ...", "16:11: objectives[0].text"),
        ("Tulis pertanyaan di sini.", "26:19: modules[0].quiz.questions[0].prompt"),
        ("Jawaban yang benar", "29:21: modules[0].quiz.questions[0].choices[0].text"),
        ("Jawaban yang salah", "31:21: modules[0].quiz.questions[0].choices[1].text"),
        ("Jelaskan mengapa pilihan ini kurang tepat.", "32:25: modules[0].quiz.questions[0].choices[1].feedback"),
        ("Penjelasan yang tampil setelah peserta menjawab.", "33:24: modules[0].quiz.questions[0].explanation"),
    ) for line in (f"courses/baru.yml:{where}: peringatan: teks kerangka '{text}' belum diganti", HINT)]


def test_strict_refuses_a_published_placeholder_and_a_draft_may_keep_them(project, lms):
    draft = published_skeleton_course().replace("status: published", "status: draft")
    root = project({"courses/baru.yml": draft, "content/modul/baru-pengantar.md": scaffold.MODULE})
    assert report_lines(root) == []
    assert lms("check", "--strict", "--project", root).exit_code == 0
    (root / "courses" / "baru.yml").write_text(published_skeleton_course(), encoding="utf-8")
    assert lms("check", "--project", root).exit_code == 0
    assert lms("check", "--strict", "--project", root).exit_code == 1


@pytest.mark.parametrize("kind", ["module", "guide", "article", "standard"])
def test_each_kind_published_from_its_skeleton_is_warned(project, kind):
    declared = kinds.by_name(kind)
    text = declared.scaffold.format(id="baru", title="Baru", today=dt.date.today().isoformat())
    rel = declared.file("baru")
    lines = report_lines(project({rel: text.replace("status: draft", "status: published", 1)}))
    warned = [line for line in lines if "teks kerangka" in line]
    assert warned and all(line.startswith(f"{rel}:") for line in warned)
    assert not [line for line in report_lines(project({rel: text})) if "teks kerangka" in line]  # a draft may


def test_a_module_used_by_a_published_course_is_published_with_it(project):
    root = project({"content/modul/m1.md": "# Modul Satu\n\nIsi modul.\n\nTulis pertanyaan di sini.\n"})
    assert report_lines(root) == [
        "content/modul/m1.md:5:1: peringatan: teks kerangka 'Tulis pertanyaan di sini.' belum diganti",
        "    saran: Ganti dengan isi yang sebenarnya sebelum terbit, atau biarkan status draft sampai siap."]


# --- commands outside a project


def test_a_command_outside_a_project_explains_itself_in_indonesian_then_english(tmp_path, lms):
    result = lms("evaluate", "--project", tmp_path, __file__)
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"galat: site_config.yml tidak ditemukan di {tmp_path.resolve()} atau di folder di atasnya",
        "    saran: Jalankan perintah di folder proyek, atau sebutkan foldernya dengan --project FOLDER; proyek baru "
        "dibuat dengan lms init FOLDER.",
        f"error: site_config.yml not found in {tmp_path.resolve()} or any folder above it",
        "    hint: Run the command in the project folder, or name it with --project FOLDER; lms init FOLDER makes a "
        "new project.",
    ]
    assert "Usage:" not in result.output


def test_an_output_folder_that_would_replace_the_sources_is_refused_in_both_languages(project, lms):
    root = project()
    result = lms("build", "--out", root / "content", "--project", root)
    assert result.exit_code == 2
    out = (root / "content").resolve()
    assert result.output.splitlines() == [
        f"galat: --out {out} akan menimpa proyek atau sumbernya",
        "    saran: Pilih folder tersendiri, misalnya site/.",
        f"error: --out {out} would replace the project or its sources",
        "    hint: Choose a folder of its own, such as site/.",
    ]
