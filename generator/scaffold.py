"""Skeletons for new content, valid by construction."""

from __future__ import annotations

import re
from pathlib import Path

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
