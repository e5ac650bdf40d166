"""Skeletons for new content, valid by construction."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .kinds import REGISTRY, Kind
from .model import ID_PATTERN
from .write import write_file

COURSE = """\
# yaml-language-server: $schema=../schemas/course.schema.json
id: {id}
title: {title}
summary: Ringkasan kursus dalam satu atau dua kalimat.
category: manajerial            # teknis | manajerial | sosial-kultural
competency: pelayanan-publik    # lihat README: daftar kompetensi per kategori
level: 1                        # 1..5
jp: 1                           # jumlah jp semua modul; 1 JP = 45 menit
status: draft                   # ubah menjadi published bila siap terbit
audience: [pelaksana]
tags: []
prerequisites: []
improves: []                    # id unsur SKM, misalnya waktu, perilaku
objectives:
  - id: tujuan-1
    text: Peserta mampu menjelaskan ...
modules:
  - id: pengantar
    title: Pengantar
    jp: 1
    content: modul/{id}-pengantar.md
    quiz:
      pass_mark: 70
      questions:
        - type: single
          prompt: Tulis pertanyaan di sini.
          objective: tujuan-1
          choices:
            - text: Jawaban yang benar
              correct: true
            - text: Jawaban yang salah
              feedback: Jelaskan mengapa pilihan ini kurang tepat.
          explanation: Penjelasan yang tampil setelah peserta menjawab.
"""

MODULE = """\
# Pengantar

Tulis materi modul di sini dengan Markdown: paragraf, daftar, tabel, dan gambar.
"""


def valid_id(value: str) -> bool:
    return re.fullmatch(ID_PATTERN, value) is not None


def title_of(content_id: str) -> str:
    return content_id.replace("-", " ").capitalize()


def new(root: Path, kind: Kind, content_id: str, today: dt.date) -> list[str]:
    """Write one piece of content of a kind; return the path written ([] if it exists)."""
    rel = kind.file(content_id)
    text = kind.scaffold.format(id=content_id, title=title_of(content_id), today=today.isoformat())
    return [rel] if write_file(root / rel, text) else []


def new_course(root: Path, course_id: str) -> list[str]:
    """Write a course and its first module; return the paths written ([] if the course exists)."""
    title = course_id.replace("-", " ").title()
    course = Path("courses") / f"{course_id}.yml"
    if not write_file(root / course, COURSE.format(id=course_id, title=title)):
        return []
    written = [course.as_posix()]
    module = Path("content") / "modul" / f"{course_id}-pengantar.md"
    if write_file(root / module, MODULE):
        written.append(module.as_posix())
    return written


PROJECT = Path(__file__).parent / "data" / "project"
SITE_CONFIG = """\
# yaml-language-server: $schema=schemas/site-config.schema.json
site_name: {site_name}
site_description: Tempat belajar mandiri ASN untuk memenuhi 20 JP pengembangan kompetensi setiap tahun.
language: id
organization: {organization}
jp_target: 20
# site_url: https://nama-akun.github.io/nama-repositori/
# custom_domain: belajar.contoh.go.id
"""
PATH = """\
# yaml-language-server: $schema=../../schemas/path.schema.json
id: contoh-jalur
title: Contoh Jalur Belajar
audience: Pegawai baru
courses: [contoh-kursus]
"""
GENERATOR_SOURCE = "git+https://github.com/belajar-asn/belajar-asn"
EXAMPLES = {"module": "contoh-modul", "guide": "contoh-kegiatan", "article": "contoh-tulisan",
            "standard": "contoh-layanan"}  # names of the examples `lms init` writes


def init(dest: Path, organization: str, today: dt.date, source: str = GENERATOR_SOURCE) -> list[str]:
    """A new project for another office: one published example of each kind, README, workflows."""
    site_name = f"Belajar ASN {organization}"
    files = {
        "site_config.yml": SITE_CONFIG.format(site_name=site_name, organization=organization),
        "requirements.txt": f"# The Belajar ASN generator (lms). Change the address to use your own copy.\n"
                            f"belajar-asn @ {source}\n",
        "README.md": (PROJECT / "README.md").read_text(encoding="utf-8").replace("{site_name}", site_name),
        ".gitignore": (PROJECT / "gitignore").read_text(encoding="utf-8"),
        ".github/workflows/pages.yml": (PROJECT / "pages.yml").read_text(encoding="utf-8"),
        ".github/workflows/check.yml": (PROJECT / "check.yml").read_text(encoding="utf-8"),
        "courses/contoh-kursus.yml": COURSE.format(id="contoh-kursus", title="Contoh Kursus"),
        "content/modul/contoh-kursus-pengantar.md": MODULE,
        "content/jalur-belajar/contoh-jalur.yml": PATH,
    }
    for kind in REGISTRY:
        if kind.scaffold is None:
            continue
        name = EXAMPLES.get(kind.name, f"contoh-{kind.name}")
        text = kind.scaffold.format(id=name, title=title_of(name), today=today.isoformat())
        if kind.name == "standard":
            text = text.replace("status: draft ", "example: true\nstatus: draft ")
        files[kind.file(name)] = text
    written = []
    for rel, text in files.items():
        text = re.sub(r"^status: draft\b.*$", "status: published", text, flags=re.M)
        write_file(dest / rel, text)
        written.append(rel)
    return written
