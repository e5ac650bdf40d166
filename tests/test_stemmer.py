"""The Indonesian stemmer and query rules of generator/assets/lunr.id.js, run in Node with the real lunr."""

from __future__ import annotations

from pathlib import Path

import pytest
from stemmer import run

from generator import pipeline, search

TABLE = [line.split("\t") for line in (Path(__file__).parent / "data/stems.tsv").read_text().splitlines()
         if line and not line.startswith("#")]
PROSE = ("Petugas melayani warga dengan baik. Pelayanan publik yang baik membutuhkan kerja sama dan tanggung "
         "jawab. Perbaikan layanan dibahas bersama peserta. Persamaan hak warga dijamin. Petani menanam padi di "
         "sawah. Warga bertanya tentang pengesahan dokumen. Buku-buku disimpan di rak.")
PAGES = [("pelayanan", "Pelayanan publik yang ramah"), ("bukubuku", "Buku-buku perpustakaan"),
         ("bukan", "Itu bukan masalah"), ("bertanya", "Warga bertanya kepada petugas"),
         ("petani", "Petani menanam padi"), ("kerjasama", "Kerja sama antarinstansi"),
         ("tanggungjawab", "Tanggungjawab pegawai"), ("perbaikan", "Perbaikan jalan desa"),
         ("yang", "yang mana"), ("ktp", "Syarat membuat KTP baru"),
         ("kk", "Mengurus kartu keluarga di kelurahan"), ("legalisasi", "Legalisasi ijazah di sekolah"),
         ("pengesahan", "Pengesahan dokumen oleh camat"), ("mijit", "Ibu memijit-mijit kakinya")]
VOCABULARY = {w.lower().strip(".,") for text in [PROSE] + [t for _, t in PAGES] for w in text.replace("-", " ").split()}


def test_every_rule_on_the_table():
    assert len(TABLE) >= 400
    vocabulary = {w for row in TABLE for w in row[:2]}
    found = run(vocabulary, [row[0] for row in TABLE])["stems"]
    wrong = [(word, found[word], root, why) for word, root, why in TABLE if found[word] != root]
    assert wrong == [], "\n".join(map(str, wrong))


def test_without_site_words_the_rules_alone_agree_on_regular_forms():
    found = run(set(), ["pelayanan", "melayani", "dilayani", "layanan", "pelatihan", "dilatih", "membaca", "dibaca",
                        "keterbatasan", "beragam", "mengebom"])["stems"]
    assert found == {"pelayanan": "layan", "melayani": "layan", "dilayani": "layan", "layanan": "layan",
                     "pelatihan": "latih", "dilatih": "latih", "membaca": "baca", "dibaca": "baca",
                     "keterbatasan": "batas", "beragam": "agam", "mengebom": "bom"}


@pytest.fixture(scope="module")
def answers():
    queries = ["bukan", "buku", "tani", "tanya", "yang", "baik", "kerjasama", "kerja sama", "tanggung jawab",
               "ktp", "kartu tanda penduduk", "kk", "legalisir", "pelayann", "pengesahan yang", "pijit",
               "melayani", "sah", "zzzzqx"]
    groups = [["legalisir", "legalisasi"], ["ktp", "kartu tanda penduduk"], ["kk", "kartu keluarga"]]
    return run(VOCABULARY, pages=PAGES, queries=queries, synonyms=groups)


@pytest.mark.parametrize(("query", "expected"), [
    ("bukan", ["bukan"]),                        # not buku-buku through "buk*"
    ("tani", ["petani"]),                        # not bertanya through "tan*"
    ("tanya", ["bertanya"]),
    ("yang", ["yang", "pelayanan"]),              # a query of stop words alone searches them
    ("baik", ["perbaikan"]),                     # a content root is no stop word
    ("kerjasama", ["kerjasama"]),                # closed and spaced compounds meet
    ("tanggung jawab", ["tanggungjawab"]),
    ("ktp", ["ktp"]),                            # abbreviation and long form
    ("kk", ["kk"]),
    ("legalisir", ["legalisasi"]),               # a site synonym
    ("pelayann", ["pelayanan"]),                 # one edit away
    ("pengesahan yang", ["pengesahan"]),          # a stop word beside a content word is dropped
    ("pijit", ["mijit"]),                        # reduplication with affixes
    ("sah", ["pengesahan"]),
    ("zzzzqx", []),
])
def test_query_finds(answers, query, expected):
    assert sorted(answers["hits"][query]) == sorted(expected)


def test_what_the_query_went_through(answers):
    assert answers["seen"]["pelayann"]["notes"] == ["pelayanan"]
    assert answers["seen"]["pengesahan yang"]["dropped"] == ["yang"]
    assert answers["seen"]["yang"]["dropped"] == []


def test_a_bad_synonym_group_is_a_clear_problem(project):
    root = project({"site_config.yml": "site_name: Uji\nlanguage: id\nsearch:\n  synonyms:\n"
                                       "    - [legalisir, legalisasi]\n    - [legalisir]\n"})
    problems = pipeline.check(root).problems
    assert [(p.path, p.line, p.col, p.key) for p in problems] == [("site_config.yml", 6, 7, "search.synonyms[1]")]
    assert problems[0].message("en") == "must have at least 2 items, has 1"


def test_site_synonyms_join_the_built_in_groups():
    groups = search.synonym_groups([["Legalisir", "legalisasi", "LEGALISIR"], ["sendiri"]])
    assert ["ktp", "kartu tanda penduduk"] in groups
    assert groups[-1] == ["legalisir", "legalisasi"]
