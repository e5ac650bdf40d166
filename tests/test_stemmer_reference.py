"""generator/stemmer.py, the reference Indonesian stemmer: the rule table, agreement with the browser's
rules run in Node (tests/stemmer.py), and the word rules (stop words, compounds, synonyms, page terms, typos)."""

from __future__ import annotations

from pathlib import Path

import pytest
from stemmer import run

from generator import search
from generator.stemmer import Stemmer, readings


def rows(name: str) -> list[list[str]]:
    """The rows of a table in tests/data, comments left out."""
    text = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


TABLE = rows("stems.tsv")  # word, root, the rule it exercises
TABLE_VOCABULARY = {w for row in TABLE for w in row[:2]}
EXTERNAL = [row[:2] for row in rows("stems-external.tsv")]
SITE = ("Petugas melayani warga dengan baik. Pelayanan publik yang baik membutuhkan kerja sama dan tanggung jawab. "
        "Perbaikan layanan dibahas bersama peserta. Persamaan hak warga dijamin. Petani menanam padi di sawah. "
        "Warga bertanya tentang pengesahan dokumen. Buku-buku disimpan di rak. Pelayanan publik yang ramah. "
        "Buku-buku perpustakaan. Itu bukan masalah. Warga bertanya kepada petugas. Kerja sama antarinstansi. "
        "Tanggungjawab pegawai. Perbaikan jalan desa. Yang mana. Syarat membuat KTP baru. Mengurus kartu keluarga "
        "di kelurahan. Legalisasi ijazah di sekolah. Pengesahan dokumen oleh camat. Ibu memijit-mijit kakinya.")
VOCABULARY = {w.lower().strip(".,") for w in SITE.replace("-", " ").split()}  # a small site's words
ODD = ["Pelayanan", "KTP", "buku-buku", "Memijit-mijit", "sebaik-baiknya", "bermain-main", "-abc", "abc-", "ke-2",
       "2026", "café", "x😀-abcdefgh", "a", ""]
WORDS = list(dict.fromkeys([*sorted(TABLE_VOCABULARY), *(w for pair in EXTERNAL for w in pair), *sorted(VOCABULARY),
                            *(w.strip(".,") for w in SITE.split()), *ODD]))
KTP = f"_syn{next(n for n, group in enumerate(search.synonym_groups()) if 'ktp' in group)}"


def test_every_rule_on_the_table():
    stemmer = Stemmer(TABLE_VOCABULARY)
    wrong = [(word, stemmer.stem(word), root, why) for word, root, why in TABLE if stemmer.stem(word) != root]
    assert len(TABLE) >= 400 and wrong == [], "\n".join(map(str, wrong))


@pytest.mark.parametrize("vocabulary", [TABLE_VOCABULARY, set()], ids=["table-vocabulary", "no-vocabulary"])
def test_the_browser_rules_give_the_same_roots(vocabulary):
    found = run(vocabulary, WORDS)["roots"]
    stemmer = Stemmer(vocabulary)
    wrong = [(w, stemmer.roots(w), found[w]) for w in WORDS if stemmer.roots(w) != found[w]]
    assert wrong == [], "\n".join(map(str, wrong))


def test_readings_most_stripped_first_and_ties_site_words_first():
    assert readings("mengirim") == ["irim", "kirim", "mengirim"]
    assert readings("bertanya") == ["berta", "tanya", "bertanya"]
    assert Stemmer(set()).roots("mengirim") == ["irim"]
    assert Stemmer({"mengirim", "kirim"}).roots("mengirim") == ["kirim"]
    assert Stemmer({"mengirim"}).roots("mengirim") == ["mengirim", "irim", "kirim"]
    assert Stemmer(set()).roots("ke-2") == ["ke"] and Stemmer(set()).stem("Buku-Buku") == "buku"  # the first part


def test_a_stop_word_that_is_the_root_of_a_site_word_is_content():
    assert {"baik", "yang"} <= Stemmer({"baik"}).stop
    stemmer = Stemmer({"baik", "perbaikan"})
    assert "baik" not in stemmer.stop and "yang" in stemmer.stop


def test_closed_compounds_need_two_content_words_of_the_site():
    stemmer = Stemmer(VOCABULARY)
    assert stemmer.compound("kerjasama") == ("kerja", "sama")
    assert stemmer.compound("tanggungjawab") == ("tanggung", "jawab")
    assert stemmer.compound("kerja") is None
    assert Stemmer({"kerja", "sama"}).compound("kerjasama") is None  # sama is a stop word on that site


def test_synonym_groups_words_roots_and_phrases():
    stemmer = Stemmer(VOCABULARY, search.synonym_groups())
    assert stemmer.group_of("ktp") == KTP and stemmer.group_of("KTP") == KTP  # the latter through its root
    assert stemmer.group_of("petani") is None
    words = ["syarat", "kartu", "tanda", "penduduk"]
    assert stemmer.phrase_keys(words) == [KTP]
    assert stemmer.phrase_keys(["kartu", "tanda"]) == []
    assert Stemmer({"pelayanan", "layanan"}, [["layan", "servis"]]).group_of("pelayanan") == "_syn0"


