"""`lms serve` rebuilds only what an edit changed, and the site it serves is the one a clean build makes."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from generator import pipeline, preview
from generator.structure import BuildOptions

from conftest import COURSE

ARTICLE = "---\ntitle: {title}\ntags: [{tag}]\n---\n# {title}\n\nIsi tentang {tag}.\n"
GUIDE = ("---\ntitle: Menara\nsummary: Bangun menara.\nduration_minutes: 30\ngroup_size: {min: 4, max: 9}\n"
         "setting: indoor\nmaterials: []\ncompetencies: [kerja-sama]\nobjectives: [Bekerja sama.]\n---\nLangkah.\n")


def files_of(site: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        out[path.relative_to(site).as_posix()] = gzip.decompress(raw) if path.suffix == ".gz" else raw
    return out


def assert_same_site(served: Path, clean: Path, step: str) -> None:
    a, b = files_of(served), files_of(clean)
    b.pop(".lms-site")  # the mark of a built site `lms build --out` may replace; serve's folder is its own
    assert (step, sorted(a)) == (step, sorted(b))
    assert (step, [name for name in a if a[name] != b[name]]) == (step, [])


def edit(root: Path, rel: str, text: str | None) -> None:
    path = root / rel
    if text is None:
        path.unlink()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


STEPS = {
    "module text": [("content/modul/m1.md", "# Modul Satu\n\nIsi yang diperbarui.\n\n## Bagian baru\n\nTeks.\n")],
    "course title": [("courses/dasar.yml", COURSE.replace("title: Kursus Dasar", "title: Kursus Dasar Baru"))],
    "new module": [("content/modul/m2.md", "# Modul Dua\n\nIsi dua.\n"),
                   ("courses/dasar.yml", COURSE.replace("jp: 2\nobjectives", "jp: 3\nobjectives") +
                    "  - id: m2\n    title: Modul Dua\n    jp: 1\n    content: modul/m2.md\n")],
    "article tags": [("content/pengetahuan/a.md", ARTICLE.format(title="Artikel A", tag="layanan"))],
    "article added": [("content/pengetahuan/b.md", ARTICLE.format(title="Artikel B", tag="baru"))],
    "article renamed": [("content/pengetahuan/b.md", None),
                        ("content/pengetahuan/c.md", ARTICLE.format(title="Artikel B", tag="baru"))],
    "guide deleted": [("content/team-building/menara.md", None)],
    "new words change old roots": [("content/kirim-a.md", "# Surat\n\nPetugas mengirim surat.\n"),  # kirim, irim?
                                   ("content/kirim-b.md", "# Paket\n\nKiriman paket dikirim kemarin.\n")],
    "site config": [("site_config.yml", "site_name: Situs Uji Baru\nlanguage: id\n")],
    "broken then fixed": [("courses/dasar.yml", "id: [\n"), ("courses/dasar.yml", COURSE)],
}


@pytest.fixture
def session(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = project({"content/pengetahuan/a.md": ARTICLE.format(title="Artikel A", tag="warga"),
                    "content/pengetahuan/z.md": ARTICLE.format(title="Artikel Z", tag="warga"),
                    "content/team-building/menara.md": GUIDE})
    running = preview.Preview(root, root / ".lms" / "serve")
    assert running.rebuild().ok
    return running


def test_each_kind_of_edit_serves_what_a_clean_build_makes(session, tmp_path):
    root = session.root
    for name, changes in STEPS.items():
        for rel, text in changes:
            edit(root, rel, text)
            session.rebuild()
        clean = tmp_path / name
        assert pipeline.build(root, clean, BuildOptions(serve=True)).ok
        assert_same_site(session.out, clean, name)


def test_an_edit_to_one_module_rebuilds_only_its_pages(session, monkeypatch):
    from generator import engine

    seen = {}
    real = engine.build

    def spy(*args, **kwargs):
        warnings, pages = real(*args, **kwargs)
        seen["built"] = pages.built
        return warnings, pages

    monkeypatch.setattr(engine, "build", spy)
    edit(session.root, "content/modul/m1.md", "# Modul Satu\n\nIsi lain.\n")
    session.rebuild()
    assert seen["built"] == {"kursus/dasar/m1.html"}
