"""The Indonesian stemmer's rules as the browser runs them (generator/assets/lms-stem.js, in Node); the search
box's queries: tests/test_search.py; the Python reference: tests/test_stemmer_reference.py."""

from __future__ import annotations

from pathlib import Path

from stemmer import run

from generator import pipeline, search

TABLE = [line.split("\t") for line in (Path(__file__).parent / "data/stems.tsv").read_text().splitlines()
         if line and not line.startswith("#")]

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
