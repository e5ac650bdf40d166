"""`lms init`: a new office's project checks clean, builds, and carries linted workflows."""

from __future__ import annotations

from generator import pipeline

from conftest import REPO, report_lines
from test_workflows import actionlint


def test_init_makes_a_project_that_checks_clean_and_builds(tmp_path, lms):
    dest = tmp_path / "kantor-baru"
    result = lms("init", dest, "--organization", "Kecamatan Medan Labuhan")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"Next: cd {dest} && lms serve"
    for rel in ("site_config.yml", "README.md", ".gitignore", "requirements.txt", ".github/workflows/pages.yml",
                ".github/workflows/check.yml", "courses/contoh-kursus.yml", "content/modul/contoh-modul.md",
                "content/team-building/contoh-kegiatan.md", "content/pengetahuan/contoh-tulisan.md",
                "content/standar-pelayanan/contoh-layanan.yml", "content/jalur-belajar/contoh-jalur.yml",
                "schemas/course.schema.json"):
        assert (dest / rel).is_file(), rel
    assert report_lines(dest) == []
    assert "site_name: Belajar ASN Kecamatan Medan Labuhan" in (dest / "site_config.yml").read_text()
    assert "# Belajar ASN Kecamatan Medan Labuhan" in (dest / "README.md").read_text()
    outcome = pipeline.build(dest, dest / "site", strict=True)
    assert outcome.problems == [] and outcome.warnings == ()
    for page in ("kursus/contoh-kursus/index.html", "modul/contoh-modul.html", "team-building/contoh-kegiatan.html",
                 "pengetahuan/contoh-tulisan.html", "layanan/contoh-layanan.html", "jalur/contoh-jalur.html"):
        assert (dest / "site" / page).is_file(), page


def test_init_refuses_a_folder_with_files(tmp_path, lms):
    (tmp_path / "ada.txt").write_text("x")
    result = lms("init", tmp_path)
    assert result.exit_code == 1 and "is not empty" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ada.txt"]


def test_new_projects_get_the_same_publishing_workflow_as_this_one(tmp_path, lms):
    assert (REPO / ".github/workflows/pages.yml").read_text() == (
        REPO / "generator/data/project/pages.yml").read_text()
    lms("init", tmp_path / "baru")
    assert actionlint(sorted((tmp_path / "baru/.github/workflows").glob("*.yml"))) == []
