"""Skeletons for new content, valid by construction."""

from __future__ import annotations

import datetime as dt
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


GUIDE = """\
---
title: {title}
summary: Ringkasan kegiatan dalam satu atau dua kalimat.
duration_minutes: 30              # lama kegiatan dalam menit
group_size: {{min: 6, max: 20}}    # jumlah peserta
setting: indoor                   # indoor | outdoor | online
materials: [Kertas plano, Spidol] # [] bila tidak perlu bahan
competencies: [kerja-sama]        # id kompetensi manajerial atau sosial kultural
objectives:
  - Peserta ...
safety: Hapus baris ini bila tidak ada catatan keselamatan.
status: draft                     # ubah menjadi published bila siap terbit
---
# {title}

## Persiapan

Apa yang disiapkan fasilitator sebelum kegiatan.

## Langkah fasilitator

1. **(5 menit)** Jelaskan tujuan kegiatan.
2. **(20 menit)** ...
3. **(5 menit)** Refleksi.

## Pertanyaan refleksi

- Apa yang terjadi dalam kelompok Anda?
- Apa yang dapat kita bawa ke pekerjaan sehari-hari?
"""

STANDALONE_MODULE = """\
---
title: {title}
summary: Ringkasan modul dalam satu kalimat.
jp: 1                         # 1 JP = 45 menit
competency: komunikasi        # id kompetensi; untuk kompetensi teknis tambahkan category: teknis
level: 1                      # 1..5
tags: []
status: draft                 # ubah menjadi published bila siap terbit
---
# {title}

Tulis materi modul di sini dengan Markdown: paragraf, daftar, tabel, dan gambar.
"""

ARTICLE = """\
---
title: {title}
summary: Ringkasan tulisan dalam satu kalimat.
tags: []
date: {today}
status: draft                 # ubah menjadi published bila siap terbit
---
# {title}

Tulis isi tulisan di sini dengan Markdown.
"""

STANDARD = """\
# yaml-language-server: $schema=../../schemas/standard.schema.json
id: {id}
service: {title}
unit: Nama unit pelayanan
summary: Untuk siapa dan untuk apa layanan ini, dalam satu kalimat.
status: draft                 # ubah menjadi published bila siap terbit
last_reviewed: {today}        # tanggal terakhir standar ditinjau bersama masyarakat
maklumat: >-
  Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan ini,
  dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan yang berlaku.
# --- komponen penyampaian layanan (PermenPAN-RB 15/2014)
persyaratan:
  - Fotokopi KTP pemohon
sistem_mekanisme_prosedur:
  - Pemohon menyerahkan berkas di loket.
  - Petugas memeriksa kelengkapan berkas.
  - Pemohon menerima hasil layanan.
jangka_waktu: {{jumlah: 1, satuan: hari kerja}}
biaya: {{jumlah: 0, keterangan: Tidak dipungut biaya.}}
produk_pelayanan:
  - Nama dokumen yang diterima pemohon
penanganan_pengaduan:
  saluran:
    - Kotak saran di ruang tunggu
# --- komponen pengelolaan pelayanan (internal)
dasar_hukum:
  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
sarana_prasarana:
  - Ruang tunggu dan loket
kompetensi_pelaksana:
  - Memahami persyaratan dan prosedur layanan ini
pengawasan_internal:
  - Supervisi oleh atasan langsung
jumlah_pelaksana: 1
jaminan_pelayanan: Layanan diberikan sesuai standar ini.
jaminan_keamanan_keselamatan: Berkas dan data pemohon dijaga kerahasiaannya.
evaluasi_kinerja_pelaksana: Evaluasi setiap triwulan berdasarkan pengaduan dan Survei Kepuasan Masyarakat.
"""

KINDS = {  # kind -> (file under the project, skeleton)
    "module": ("content/modul/{id}.md", STANDALONE_MODULE),
    "guide": ("content/team-building/{id}.md", GUIDE),
    "article": ("content/pengetahuan/{id}.md", ARTICLE),
    "standard": ("content/standar-pelayanan/{id}.yml", STANDARD),
}


def valid_id(value: str) -> bool:
    return re.fullmatch(ID_PATTERN, value) is not None


def title_of(content_id: str) -> str:
    return content_id.replace("-", " ").capitalize()


def new(root: Path, kind: str, content_id: str, today: dt.date) -> list[str]:
    """Write one piece of content of a kind; return the path written ([] if it exists)."""
    path, skeleton = KINDS[kind]
    rel = path.format(id=content_id)
    text = skeleton.format(id=content_id, title=title_of(content_id), today=today.isoformat())
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
