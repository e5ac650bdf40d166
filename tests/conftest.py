"""Tests build small projects in tmp_path from dedented strings (after mkdocs' tests/base.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import pipeline, problems
from generator.cli import main

REPO = Path(__file__).resolve().parent.parent

SITE = """\
site_name: Situs Uji
language: {lang}
"""

COURSE = """\
id: dasar
title: Kursus Dasar
summary: Ringkasan.
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
    jp: 2
    content: modul/m1.md
    quiz:
      questions:
        - type: true-false
          prompt: Benar?
          objective: t1
          answer: true
"""

MODULE = "# Modul Satu\n\nIsi modul.\n"


def make_project(root: Path, files: dict[str, str | bytes] | None = None, lang: str = "id",
                 defaults: bool = True) -> Path:
    """Write a project: a valid one-course default, overridden or extended by files."""
    tree: dict[str, str | bytes] = {"site_config.yml": SITE.format(lang=lang)}
    if defaults:
        tree.update({"courses/dasar.yml": COURSE, "content/modul/m1.md": MODULE})
    tree.update(files or {})
    for rel, body in tree.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if body is None:
            continue
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(textwrap.dedent(body), encoding="utf-8")
    return root


def report_lines(root: Path) -> list[str]:
    """The text report of `lms check` for a project, without the summary line."""
    outcome = pipeline.check(root)
    text = problems.text_report(problems.sort(outcome.problems), outcome.language, outcome.files)
    return text.splitlines()[:-1]


@pytest.fixture
def project(tmp_path):
    def factory(files=None, lang="id", defaults=True):
        return make_project(tmp_path / "proj", files, lang, defaults)
    return factory


@pytest.fixture
def lms(monkeypatch):
    """Run the CLI in-process; CI is unset so the text format is the plain one."""
    monkeypatch.delenv("CI", raising=False)

    def run(*args, env=None):
        return CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)
    return run
