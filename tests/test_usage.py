"""Usage errors said in Indonesian, then English, with a hint to the command's help; exit code 2."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("args, indonesian", [
    (["evaluate"], "galat: argumen 'SURVEY...' belum diisi"),
    (["build", "--strit"], "galat: opsi --strit tidak dikenal"),
    (["bulid"], "galat: perintah 'bulid' tidak dikenal"),
    (["evaluate", "tidak-ada.csv"], "galat: 'SURVEY...': berkas 'tidak-ada.csv' tidak ada"),
    (["export", "--format", "zip"], "galat: '--format': 'zip' bukan salah satu dari 'scorm12', 'gift', 'moodle-xml'"),
])
def test_usage_errors_in_both_languages(lms, tmp_path, monkeypatch, args, indonesian):
    monkeypatch.chdir(tmp_path)
    done = lms(*args)
    assert done.exit_code == 2
    lines = done.output.splitlines()
    assert lines[0] == indonesian
    assert lines[1].startswith("    saran: ") and lines[1].endswith("untuk cara memakainya.")
    assert lines[2].startswith("error: ") and lines[3].startswith("    hint: ")
    assert "Usage:" not in done.output and "Error:" not in done.output


def test_a_near_miss_gets_a_suggestion(lms):
    done = lms("build", "--strit")
    hint = "    saran: Maksud Anda '--strict'? Lihat 'lms build -h' untuk cara memakainya."
    assert done.output.splitlines()[1] == hint
    assert lms("bulid").output.splitlines()[3] == "    hint: Did you mean 'build'? See 'lms -h' for how to use it."
