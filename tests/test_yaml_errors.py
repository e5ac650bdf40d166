"""YAML syntax errors in our words: each known parser text gets its own message and hint, in Indonesian and English."""

from __future__ import annotations

import pytest

from generator import yaml_errors
from generator.load import parse_yaml
from generator.problems import say

# source -> (line, col, Indonesian message, Indonesian hint), read through the project's loader
CASES = {
    "a key inside a list": (
        "items:\n  - a\n  b: c\n", 3, 3,
        "butir daftar di sini harus diawali '-' (daftar dimulai di baris 2)",
        "Awali baris dengan '- ' seperti butir lain, atau geser kunci ini ke kiri agar tidak menjadi bagian daftar."),
    "a colon inside a value": (
        "title: Kursus: Dasar\n", 1, 14,
        "tanda titik dua ':' di tempat yang tidak diizinkan",
        "Nilai yang memuat ': ' harus diberi tanda kutip, misalnya title: \"Kursus: Dasar\""),
    "a colon inside a list item's value": (
        "modules:\n  - title: Bab 1: Dasar\n", 2, 17,
        "tanda titik dua ':' di tempat yang tidak diizinkan",
        "Nilai yang memuat ': ' harus diberi tanda kutip, misalnya - title: \"Bab 1: Dasar\""),
    "a key without its colon on the line before": (
        "key\nb: c\n", 2, 2,
        "tanda titik dua ':' di tempat yang tidak diizinkan",
        "Periksa baris ini dan sebelumnya; mungkin sebuah kunci tidak diakhiri ':' atau indentasinya salah."),
    "a tab": (
        "id: a\n\ttitle: b\n", 2, 1,
        "karakter tab dipakai untuk indentasi",
        "Ganti tab dengan spasi; YAML hanya menerima spasi untuk indentasi."),
    "a line without a colon": (
        "a: b\nc\n", 3, 1,
        "baris ini tidak berbentuk 'kunci: nilai' (tanda ':' tidak ditemukan)",
        "Tambahkan ': ' setelah kunci, atau jadikan teks panjang satu nilai dengan '>-' setelah kuncinya."),
    "an undefined alias": (
        "a: *catatan\n", 1, 4,
        "nilai yang diawali '*' atau '&' dibaca sebagai rujukan YAML",
        "Beri tanda kutip pada nilainya, misalnya \"*catatan\"."),
    "a list item less indented than its mapping": (
        "a:\n  b: c\n - d\n", 3, 2,
        "indentasi baris ini tidak cocok dengan baris di atasnya (blok dimulai di baris 1)",
        "Sejajarkan baris ini dengan kunci lain di tingkat yang sama; bila nilainya bertanda kutip, jangan menulis "
        "teks setelah kutip penutup."),
    "an unclosed quote": (
        'a: "abc\n', 2, 1,
        "tanda kutip yang dibuka di baris 1 tidak ditutup",
        "Tutup tanda kutip di akhir nilai pada baris 1."),
    "an unclosed bracket": (
        "id: dasar\ntitle: [Kursus\nlevel: 1\n", 3, 6,
        "kurung siku atau kurawal yang dibuka di baris 2 tidak ditutup dengan benar",
        "Tutup kurungnya di baris 2 dan pisahkan butirnya dengan koma; beri tanda kutip pada butir yang memuat "
        "koma atau titik dua."),
    "an unknown escape": (
        'a: "C:\\qdata"\n', 1, 7,
        "kode garis miring terbalik yang tidak dikenal di dalam tanda kutip ganda",
        "Gunakan tanda kutip tunggal, atau tulis dua garis miring terbalik untuk satu."),
    "a reserved character": (
        "a: @admin\n", 1, 4,
        "nilai tidak boleh diawali '@' atau '`' tanpa tanda kutip",
        "Beri tanda kutip pada nilainya."),
    "two documents": (
        "a: b\n---\nc: d\n", 2, 1,
        "berkas berisi lebih dari satu dokumen YAML (baris '---')",
        "Hapus baris '---' di tengah berkas; satu berkas berisi satu dokumen."),
}


@pytest.mark.parametrize("name", list(CASES))
def test_each_known_yaml_problem_gets_our_message_and_hint(name):
    text, line, col, message, hint = CASES[name]
    doc, found = parse_yaml(text, "courses/x.yml")
    assert doc is None and len(found) == 1
    problem = found[0]
    assert (problem.line, problem.col) == (line, col)
    assert say(problem.code, "id", **problem.params) == message
    assert say(problem.hint, "id", **problem.hint_params) == hint
    english = say(problem.code, "en", **problem.params) + say(problem.hint, "en", **problem.hint_params)
    assert "YAML tidak valid" not in message and english.isascii()


# the parser's own texts, both wordings (libyaml's and PyYAML's pure-Python ones), each to its message key
TEXTS = {
    ("did not find expected '-' indicator", "while parsing a block collection"): "yaml-dash",
    ("expected <block end>, but found '?'", "while parsing a block collection"): "yaml-dash",
    ("mapping values are not allowed here", None): "yaml-colon",
    ("mapping values are not allowed in this context", None): "yaml-colon",
    ("found character '\\t' that cannot start any token", "while scanning for the next token"): "yaml-tab",
    ("found a tab character that violates indentation", "while scanning a plain scalar"): "yaml-tab",
    ("could not find expected ':'", "while scanning a simple key"): "yaml-colon-missing",
    ("found undefined alias 'x'", None): "yaml-alias",
    ("found undefined alias", None): "yaml-alias",
    ("expected <block end>, but found '-'", "while parsing a block mapping"): "yaml-indent",
    ("expected <block end>, but found '<block sequence start>'", "while parsing a block mapping"): "yaml-indent",
    ("did not find expected key", "while parsing a block mapping"): "yaml-indent",
    ("found unexpected end of stream", "while scanning a quoted scalar"): "yaml-unclosed-quote",
    ("expected ',' or ']', but got '<stream end>'", "while parsing a flow sequence"): "yaml-unclosed-bracket",
    ("did not find expected ',' or '}'", "while parsing a flow mapping"): "yaml-unclosed-bracket",
    ("found unknown escape character 'q'", "while scanning a double-quoted scalar"): "yaml-escape",
    ("found character '@' that cannot start any token", "while scanning for the next token"):
        "yaml-reserved-character",
    ("but found another document", "expected a single document in the stream"): "yaml-two-documents",
}


@pytest.mark.parametrize("texts", list(TEXTS))
def test_each_parser_text_maps_to_its_message(texts):
    code, params, hint, _ = yaml_errors.describe(*texts, 3, "title: x")
    assert code == TEXTS[texts] and hint.startswith(f"hint-{code}") and params == {"line": 3}


def test_an_unknown_parser_text_keeps_the_generic_message():
    assert yaml_errors.describe("something new", "while doing a thing", 4, "a: b") == (
        "yaml-syntax", {"detail": "while doing a thing (line 4): something new"}, "hint-yaml-syntax", {})
    assert yaml_errors.describe(None, None, None, "") == ("yaml-syntax", {"detail": "?"}, "hint-yaml-syntax", {})


@pytest.mark.parametrize(("line", "quoted"), [
    ("title: Kursus: Dasar", 'title: "Kursus: Dasar"'),
    ("    - text: Langkah 1: isi formulir", '- text: "Langkah 1: isi formulir"'),
    ('prompt: Apa arti "SKM": survei?', 'prompt: "Apa arti \\"SKM\\": survei?"'),
    ("title: 'sudah: dikutip'", None),
    ("title: tanpa titik dua", None),
    ("key", None),
])
def test_quote_value(line, quoted):
    assert yaml_errors.quote_value(line) == quoted
