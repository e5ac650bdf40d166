"""Nothing the user owns is replaced or lost; limits give located messages, never a traceback or a hang."""

from __future__ import annotations

import errno
import os
import time

import pytest

from generator import load, pipeline, write

from conftest import report_lines


def test_build_refuses_a_folder_it_did_not_write(project, lms):
    root = project({"schemas/course.schema.json": "{}"})
    result = lms("build", "--project", root, "--out", root / "schemas")
    assert result.exit_code == 1
    assert result.output == (f"{root / 'schemas'} berisi berkas yang tidak ditulis oleh lms (course.schema.json); "
                             "pembangunan mengganti seluruh folder, jadi pilih folder kosong atau baru, misalnya "
                             "site/. Tidak ada yang diubah.\n")
    assert (root / "schemas/course.schema.json").read_text() == "{}"


def test_build_replaces_its_own_site_and_an_empty_folder(project, lms):
    root = project({"kosong/.keep": None})
    (root / "kosong").mkdir(exist_ok=True)
    assert lms("build", "--project", root, "--out", root / "kosong").exit_code == 0
    assert (root / "kosong" / write.MARKER).read_text() == write.MARKER_TEXT
    assert lms("build", "--project", root, "--out", root / "kosong").exit_code == 0  # its own site: replaced


def test_a_site_built_before_the_marker_is_still_recognised(project):
    root = project()
    pipeline.build(root, root / "site")
    (root / "site" / write.MARKER).unlink()
    assert write.foreign_file(root / "site") is None
    (root / "site/index.html").unlink()
    assert write.foreign_file(root / "site") is not None


def test_a_file_in_place_of_the_folder_is_refused(project, lms):
    root = project({"catatan.txt": "milik saya"})
    result = lms("build", "--project", root, "--out", root / "catatan.txt")
    assert result.exit_code in (1, 2) and (root / "catatan.txt").read_text() == "milik saya"


def test_leftover_staging_folders_are_removed_by_the_next_build(project):
    root = project()
    for name in (".site-new-abc123", ".site-old-def456"):
        (root / name / "site").mkdir(parents=True)
        (root / name / "site/index.html").write_text("sisa")
    (root / ".sitemap-new-x").mkdir()  # another output's name: not ours to remove
    pipeline.build(root, root / "site")
    assert sorted(p.name for p in root.glob(".site*")) == [".sitemap-new-x"]


def test_a_failing_zip_leaves_the_old_site_and_zip_and_says_one_line(project, lms, monkeypatch):
    root = project()
    assert lms("build", "--project", root, "--offline").exit_code == 0
    before = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    old_zip = (root / "site.zip").read_bytes()
    (root / "content/modul/m1.md").write_text("# Modul Satu\n\nIsi baru.\n")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(root / ".site.zip.partial"))

    monkeypatch.setattr(write, "zip_folder", full)
    result = lms("build", "--project", root, "--offline")
    assert result.exit_code == 1
    assert result.output == (f"Tidak dapat menulis {root / '.site.zip.partial'}: No space left on device. "
                             f"{root / 'site'} tidak diubah.\n")
    assert {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()} == before
    assert (root / "site.zip").read_bytes() == old_zip
    assert not list(root.glob("*.partial")) and not list(root.glob(".site-*"))


def test_a_read_only_output_folder_gives_one_line(project, lms, tmp_path, monkeypatch):
    """A folder the build may not write in (simulated: the suite may run as root, who can write anywhere)."""
    root = project()
    parent = tmp_path / "terkunci"

    def refused(out):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(out.parent))

    monkeypatch.setattr(write, "staging_dir", refused)
    result = lms("build", "--project", root, "--out", parent / "site")
    assert result.exit_code == 1 and result.output == (
        f"Tidak dapat menulis {parent}: Permission denied. {parent / 'site'} tidak diubah.\n")


def test_a_write_error_in_the_project_gives_one_line(project, lms, monkeypatch):
    """A read-only project without .lms/ (simulated: the test may run as root, who can write anywhere)."""
    root = project()

    def read_only(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(root / ".lms"))

    monkeypatch.setattr(write, "write_tree", read_only)
    result = lms("build", "--project", root)
    assert result.exit_code == 1
    assert result.output == f"Tidak dapat menulis {root / '.lms'}: Permission denied. {root / 'site'} tidak diubah.\n"
    assert "Traceback" not in result.output and not (root / "site").exists()


def test_a_list_nested_a_thousand_deep_is_reported_at_once(project):
    body = "# M\n\n" + "".join("    " * i + "- x\n" for i in range(1000))
    start = time.perf_counter()
    lines = report_lines(project({"content/modul/m1.md": body}))
    assert time.perf_counter() - start < 5
    assert lines == ["content/modul/m1.md:23:1: daftar atau kutipan bersarang 21 tingkat; batasnya 20",
                     "    saran: Ratakan strukturnya: pecah menjadi beberapa daftar atau subjudul."]


@pytest.mark.parametrize("body", ["> " * 3000 + "x\n", "- " * 3000 + "x\n", "1. " * 3000 + "x\n"])
def test_quotes_and_lists_on_one_line_are_counted(project, body):
    lines = report_lines(project({"content/modul/m1.md": "# M\n\n" + body}))
    assert lines[0].startswith("content/modul/m1.md:3:1: daftar atau kutipan bersarang 3000 tingkat")


def test_raw_html_nested_deep_is_reported(project):
    lines = report_lines(project({"content/modul/m1.md": "# M\n\n" + "<div>" * 5000 + "x\n"}))
    assert lines == ["content/modul/m1.md:3:1001: elemen HTML bersarang lebih dari 200 tingkat",
                     "    saran: Ratakan strukturnya: pecah menjadi beberapa daftar atau subjudul."]


def test_a_large_flat_yaml_says_size_not_aliases(project):
    big = "site_name: Uji\n" + "".join(f"k{i:06d}: nilai {i}\n" for i in range(100_000))
    lines = report_lines(project({"site_config.yml": big}))
    assert lines == ["site_config.yml:1:1: berkas berukuran 2.1 MB; batasnya 1 MB per berkas",
                     "    saran: Pecah isinya menjadi beberapa berkas; gambar dan PDF disimpan sebagai berkas "
                     "terpisah, bukan di dalam teks."]


def test_a_large_markdown_file_is_refused_before_reading(project, monkeypatch):
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 1_000_000)
    lines = report_lines(project({"content/modul/m1.md": "# M\n\n" + "kata " * 300_000}))
    assert lines[0] == "content/modul/m1.md:1:1: berkas berukuran 1.5 MB; batasnya 1 MB per berkas"
    assert load.MAX_FILE_BYTES == 1_000_000 and load.MAX_YAML_BYTES == 1_000_000


def test_a_flat_yaml_with_many_values_is_not_an_alias_bomb(monkeypatch):
    monkeypatch.setattr(load, "MAX_NODES", 1_000)  # as 200,000 against a 3.5 MB file, in a thousandth of the time
    flat = "".join(f"k{i:06d}: {i}\n" for i in range(1_000))  # 2,000 values, more than MAX_NODES
    doc, problems = load.parse_yaml(flat, "besar.yml")
    assert problems == [] and len(doc.data) == 1_000
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n" for p, n in zip("abc", "bcd", strict=True))
    assert [p.code for p in load.parse_yaml(bomb, "bom.yml")[1]] == ["yaml-aliases"]  # the same limit still holds


def test_yaml_nesting_and_aliases_have_their_own_messages(project):
    deep = "site_name: Uji\nx: " + "[" * 60 + "]" * 60 + "\n"
    assert report_lines(project({"site_config.yml": deep}))[0] == \
        "site_config.yml:2:54: YAML bersarang lebih dari 50 tingkat"
    bomb = "site_name: Uji\na: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n" for p, n in zip("abcdef", "bcdefg", strict=True))
    assert report_lines(project({"site_config.yml": bomb}))[0].startswith(
        "site_config.yml:")
    assert "alias YAML (*nama) mengembang menjadi lebih dari" in report_lines(project({"site_config.yml": bomb}))[0]


def test_serve_logs_a_client_disconnect_in_one_quiet_line(caplog):
    import logging

    from generator import engine

    class Server:
        seen: list = []

        def handle_error(self, request, address):
            self.seen.append(address)

    server = Server()
    engine.quiet_disconnects(server)
    with caplog.at_level(logging.INFO, logger="mkdocs.livereload"):
        for error in (ConnectionResetError(104, "reset"), BrokenPipeError(32, "pipe"), ValueError("other")):
            try:
                raise error
            except Exception:
                server.handle_error(None, ("127.0.0.1", 5000))
    assert [r.getMessage() for r in caplog.records] == ["client 127.0.0.1:5000 disconnected (ConnectionResetError)",
                                                       "client 127.0.0.1:5000 disconnected (BrokenPipeError)"]
    assert Server.seen == [("127.0.0.1", 5000)]  # anything else still reaches the original handler
