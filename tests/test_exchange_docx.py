"""lms import of a Word document: a draft module that builds, its images beside it, losses reported."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from generator import pipeline

docx = pytest.importorskip("docx")  # python-docx, a test dependency


def png(width: int = 2, height: int = 2) -> bytes:
    """A tiny red PNG, written by hand so the test needs no image library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + b"\xff\0\0" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def word_file(folder: Path) -> Path:
    """A trainer's Word document: headings, lists, an image and a table."""
    document = docx.Document()
    document.add_heading("Pelayanan Prima di Loket", level=1)
    document.add_paragraph("Materi ini untuk petugas loket.")
    document.add_heading("Langkah Menyambut", level=2)
    for step in ("Beri salam", "Dengarkan keperluan"):
        document.add_paragraph(step, style="List Bullet")
    document.add_paragraph("Tanyakan nama", style="List Number")
    picture = folder / "gambar.png"
    picture.write_bytes(png())
    document.add_picture(str(picture))
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Layanan"
    table.rows[0].cells[1].text = "Waktu"
    path = folder / "Materi Loket.docx"
    document.save(str(path))
    return path


def test_word_document_becomes_a_draft_module_that_builds(project, lms, tmp_path):
    root = project()
    source = word_file(tmp_path)
    done = lms("import", "--project", root, source)
    assert done.exit_code == 0, done.output
    assert done.output.splitlines() == [
        f"{source}: 1 tabel menjadi paragraf biasa; tulis ulang sebagai tabel Markdown",
        "content/modul/materi-loket.md", "content/gambar/materi-loket/gambar-1.png",
        "2 berkas ditulis. Periksa dengan: lms check"]
    text = (root / "content/modul/materi-loket.md").read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Pelayanan Prima di Loket"\nstatus: draft\n---\n\n# Pelayanan Prima di Loket\n')
    assert "## Langkah Menyambut" in text
    assert "- Beri salam\n- Dengarkan keperluan" in text
    assert "1. Tanyakan nama" in text
    assert "![](../gambar/materi-loket/gambar-1.png)" in text
    assert (root / "content/gambar/materi-loket/gambar-1.png").read_bytes() == png()
    outcome = pipeline.check(root)
    assert [p for p in outcome.problems if p.path.startswith("content/")] == []
    assert outcome.project is not None


def test_a_second_import_replaces_nothing(project, lms, tmp_path):
    root = project()
    source = word_file(tmp_path)
    assert lms("import", "--project", root, source).exit_code == 0
    (root / "content/modul/materi-loket.md").write_text("# Sudah diubah\n", encoding="utf-8")
    done = lms("import", "--project", root, source)
    assert done.exit_code == 1
    assert done.output.splitlines()[0] == ("content/gambar/materi-loket/gambar-1.png:1:1: berkas ini sudah ada "
                                           f"(dari {source}); tidak ditimpa")
    assert (root / "content/modul/materi-loket.md").read_text(encoding="utf-8") == "# Sudah diubah\n"


def test_a_broken_word_file_is_reported(project, lms):
    root = project()
    (root / "rusak.docx").write_bytes(b"bukan zip")
    (root / "kosong.docx").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    done = lms("import", "--project", root, root / "rusak.docx", root / "kosong.docx")
    assert done.exit_code == 1
    lines = done.output.splitlines()
    assert lines[0].startswith("kosong.docx:1:1: berkas Word tidak dapat dibaca: ")
    assert lines[2] == "rusak.docx:1:1: berkas Word tidak dapat dibaca: File is not a zip file"
    assert lines[3] == "    saran: Buka berkas di Word atau LibreOffice lalu simpan ulang sebagai .docx."
    assert not (root / "content/modul/rusak.md").exists()
