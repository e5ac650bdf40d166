"""The lms command: exit codes, formats, options, scaffolds and schemas."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from generator import schema

from conftest import COURSE, REPO, report_lines


def test_check_clean_exits_0(project, lms):
    result = lms("check", "--project", project())
    assert result.exit_code == 0
    assert result.output == "Tidak ada masalah (3 berkas diperiksa).\n"


def test_check_errors_exit_1(project, lms):
    root = project({"courses/dasar.yml": COURSE.replace("level: 1", "level: 0")})
    result = lms("check", "--project", root)
    assert result.exit_code == 1
    assert result.output == (
        "courses/dasar.yml:6:8: level: harus paling sedikit 1, bukan 0\n"
        "1 galat, 0 peringatan dalam 3 berkas.\n"
    )


def test_warnings_pass_unless_strict(project, lms):
    root = project({"courses/dasar.yml": COURSE.replace("          objective: t1\n", "")})
    assert lms("check", "--project", root).exit_code == 0
    strict = lms("check", "--strict", "--project", root)
    assert strict.exit_code == 1
    assert "peringatan: tujuan 't1' tidak diuji oleh soal mana pun" in strict.output


def test_usage_error_exits_2(project, lms):
    assert lms("check", "--format", "xml", "--project", project()).exit_code == 2
    assert lms("frobnicate").exit_code == 2


def test_no_site_config_is_a_usage_error(tmp_path, lms):
    result = lms("check", "--project", tmp_path)
    assert result.exit_code == 2
    assert f"site_config.yml not found in {tmp_path.resolve()} or any folder above it" in result.output


def test_project_found_from_a_subfolder(project, lms):
    root = project()
    assert lms("check", "--project", root / "courses").exit_code == 0


def test_build_refuses_an_output_folder_that_holds_sources(project, lms):
    root = project()
    for out in (root, root / "content", root / "courses" / "x", root.parent):
        result = lms("build", "--out", out, "--project", root)
        assert result.exit_code == 2, out
        assert "would replace the project or its sources" in result.output
    assert (root / "content/modul/m1.md").is_file() and (root / "courses/dasar.yml").is_file()


def test_github_format(project, lms):
    root = project({"courses/dasar.yml": COURSE.replace("level: 1", "levle: 1")})
    result = lms("check", "--format", "github", "--project", root)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "::error file=courses/dasar.yml,line=1,col=1::level: kunci wajib 'level' tidak ada "
        "(Tambahkan 'level:' di bagian ini.)",
        "::error file=courses/dasar.yml,line=6,col=1::levle: kunci 'levle' tidak dikenal (Maksud Anda 'level'?)",
        "2 galat, 0 peringatan dalam 3 berkas.",
    ]


def test_ci_text_adds_github_lines(project, lms):
    root = project({"courses/dasar.yml": COURSE.replace("level: 1", "level: 0")})
    result = lms("check", "--project", root, env={"CI": "true"})
    assert result.output.splitlines() == [
        "courses/dasar.yml:6:8: level: harus paling sedikit 1, bukan 0",
        "::error file=courses/dasar.yml,line=6,col=8::level: harus paling sedikit 1, bukan 0",
        "1 galat, 0 peringatan dalam 3 berkas.",
    ]


def test_json_format(project, lms):
    root = project({"courses/dasar.yml": COURSE.replace("level: 1", "level: 0")})
    result = lms("check", "--format", "json", "--project", root)
    assert json.loads(result.output) == {
        "files": 3, "errors": 1, "warnings": 0,
        "problems": [{"path": "courses/dasar.yml", "line": 6, "col": 8, "key": "level", "code": "too-small",
                      "severity": "error", "message": "harus paling sedikit 1, bukan 0", "hint": None}],
    }


def test_new_course_is_valid_by_construction(project, lms):
    root = project(defaults=False)
    result = lms("new", "course", "etika-pelayanan", "--project", root)
    assert result.exit_code == 0
    assert result.output.splitlines() == ["courses/etika-pelayanan.yml", "content/modul/etika-pelayanan-pengantar.md"]
    assert report_lines(root) == []
    again = lms("new", "course", "etika-pelayanan", "--project", root)
    assert again.exit_code == 1
    assert "already exists" in again.output


def test_new_course_refuses_a_bad_id(project, lms):
    result = lms("new", "course", "Etika Pelayanan", "--project", project())
    assert result.exit_code == 2
    assert "'Etika Pelayanan' is not a valid id" in result.output


def test_schema_writes_one_file_per_kind(project, lms, tmp_path):
    out = tmp_path / "schemas"
    result = lms("schema", "--out", out, "--project", project())
    assert result.exit_code == 0
    names = sorted(p.name for p in out.iterdir())
    kinds = ("article", "course", "guide", "module", "page", "path", "site-config", "standard")
    assert names == [f"{kind}.schema.json" for kind in kinds]
    course = json.loads((out / "course.schema.json").read_text())
    assert course["additionalProperties"] is False
    assert course["required"] == ["id", "title", "category", "competency", "level", "jp", "objectives", "modules"]
    assert course["properties"]["improves"]["items"]["enum"][:3] == ["persyaratan", "prosedur", "waktu"]


def test_committed_schemas_are_current():
    for name, body in schema.schemas().items():
        assert (REPO / "schemas" / name).read_text(encoding="utf-8") == schema.dump(body), (
            f"schemas/{name} is stale: run `make schemas`")


def test_every_command_has_help(lms):
    for args in (["--help"], ["check", "--help"], ["build", "--help"], ["serve", "--help"],
                 ["new", "--help"], ["new", "course", "--help"], ["schema", "--help"]):
        result = lms(*args)
        assert result.exit_code == 0, args
        assert "Usage:" in result.output


def test_python_dash_m_generator():
    result = subprocess.run([sys.executable, "-m", "generator", "--help"], capture_output=True, text=True,
                            cwd=REPO, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("Usage: lms")


def test_build_shows_progress_on_big_sites_and_ends_with_a_summary(project, lms):
    module = "  - id: m{i}\n    title: Modul {i}\n    jp: 1\n    content: modul/m1.md\n"
    modules = "".join(module.format(i=i) for i in range(2, 121))
    course = COURSE.replace("jp: 2\nobjectives", "jp: 121\nobjectives") + modules
    root = project({"courses/dasar.yml": course})
    result = lms("build", "--project", root)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    steps = [line for line in lines if line.startswith("MkDocs: ")]
    assert steps[-1].endswith("(100%)") and 5 <= len(steps) <= 11
    assert re.fullmatch(r"1 kursus, 120 modul, 1 kuis, 0 panduan, 0 layanan; \d+ halaman, 0 peringatan; "
                        r"\d+,\d detik, \d+,\d MB\.", lines[-1]), lines[-1]
