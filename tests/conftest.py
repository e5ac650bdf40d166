"""Tests build small projects in tmp_path from dedented strings (after mkdocs' tests/base.py)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import pipeline, problems
from generator.cli import main
from generator.structure import build_date

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


def hostile_files(text: str) -> dict[str, str]:
    """A project with the same text in every field of the site config and of a course with a quiz."""
    quoted = json.dumps(text, ensure_ascii=False)
    course = (COURSE.replace("title: Kursus Dasar", f"title: {quoted}")
              .replace("summary: Ringkasan.", f"summary: {quoted}\naudience: [{quoted}]\ntags: [{quoted}]")
              .replace("text: Tujuan satu.", f"text: {quoted}")
              .replace("title: Modul Satu", f"title: {quoted}")
              .replace("prompt: Benar?",
                       f"prompt: {quoted}\n          hint: {quoted}\n          explanation: {quoted}"))
    course += (f"        - type: single\n          prompt: {quoted}\n          choices:\n"
               f"            - {{text: {quoted}, correct: true, feedback: {quoted}}}\n"
               f"            - {{text: b, feedback: {quoted}}}\n"
               f"        - type: short\n          prompt: {quoted}\n          answers: [{quoted}]\n"
               f"        - type: match\n          prompt: {quoted}\n          pairs: [[{quoted}, a], [b, {quoted}]]\n"
               f"        - type: order\n          prompt: p\n          items: [{quoted}, b]\n")
    guide = (f"---\ntitle: {quoted}\nsummary: {quoted}\nduration_minutes: 30\ngroup_size: {{min: 2, max: 9}}\n"
             f"setting: indoor\nmaterials: [{quoted}]\ncompetencies: [kerja-sama]\nobjectives: [{quoted}]\n"
             f"safety: {quoted}\ntags: [{quoted}]\n---\nIsi.\n")
    article = f"---\ntitle: {quoted}\nsummary: {quoted}\ntags: [{quoted}, biasa]\n---\nIsi.\n"
    module = (f"---\ntitle: {quoted}\nsummary: {quoted}\njp: 1\ncompetency: komunikasi\nlevel: 1\n"
              f"tags: [{quoted}]\n---\nIsi.\n")
    texts = ("persyaratan", "sistem_mekanisme_prosedur", "produk_pelayanan", "dasar_hukum", "sarana_prasarana",
             "kompetensi_pelaksana", "pengawasan_internal")
    standard = (f"id: layanan\nservice: {quoted}\nunit: {quoted}\nsummary: {quoted}\nlast_reviewed: {build_date()}\n"
                f"maklumat: {quoted}\njumlah_pelaksana: 1\n"
                + "".join(f"{key}: [{quoted}]\n" for key in texts)
                + f"jangka_waktu: {{jumlah: 1, satuan: hari, keterangan: {quoted}}}\n"
                f"biaya: {{jumlah: 0, keterangan: {quoted}}}\n"
                f"penanganan_pengaduan: {{saluran: [{quoted}], keterangan: {quoted}}}\n"
                + "".join(f"{key}: {quoted}\n" for key in ("jaminan_pelayanan", "jaminan_keamanan_keselamatan",
                                                             "evaluasi_kinerja_pelaksana")))
    return {"site_config.yml": f"site_name: {quoted}\nsite_description: {quoted}\norganization: {quoted}\n"
                               f"site_url: https://contoh.go.id/\ncomplaint_channels: [{quoted}]\n",
            "courses/dasar.yml": course,
            "content/team-building/kegiatan.md": guide,
            "content/pengetahuan/tulisan.md": article,
            "content/modul/sendiri.md": module,
            "content/standar-pelayanan/layanan.yml": standard}


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


# the longest modules (a minute of Chromium each) first: under `make test`'s workers (pytest-xdist, a
# module per worker) none is left to run alone at the end
LONGEST = ("test_quality_browser.py", "test_security_browser.py", "test_journey_browser.py", "test_browser.py")


def pytest_collection_modifyitems(items):
    order = {name: n for n, name in enumerate(LONGEST)}
    items.sort(key=lambda item: order.get(item.path.name, len(LONGEST)))  # stable: the rest keep their order


@pytest.fixture(scope="session", autouse=True)
def shared_chromium():
    """Close the Chromium that browser.browser_page() shares across the session (started only when used)."""
    yield
    from browser import close_shared_browser

    close_shared_browser()


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


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample project, built once (strict) for the whole session, in a folder named as its site_url's path.

    Read-only: tests serve and read it, never change it; a test that needs another build makes its own.
    """
    site = tmp_path_factory.mktemp("sample") / "belajar-asn"
    outcome = pipeline.build(REPO, site, strict=True)
    assert outcome.problems == [], outcome.problems[:3]
    return site


@pytest.fixture(scope="session")
def sample_url(sample_site) -> str:
    """The shared sample site served on 127.0.0.1 for the whole session."""
    from browser import serve

    with serve(sample_site) as url:
        yield url


@pytest.fixture
def site(sample_url):
    """The site a browser test visits: the served sample, unless its module defines its own."""
    return sample_url


@pytest.fixture
def page(site, checked_page):
    """The browser page a test drives: a checked one, unless its module defines its own."""
    return checked_page


@pytest.fixture
def checked_page():
    """A fresh browser page that must end with no dialog, console error, page error or outside request."""
    from browser import browser_page

    with browser_page() as page:
        yield page
        assert page.events == {"dialogs": [], "console": [], "errors": [], "outside": []}
