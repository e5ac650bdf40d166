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
    for kind, (path, skeleton) in KINDS.items():
        name = {"module": "contoh-modul", "guide": "contoh-kegiatan", "article": "contoh-tulisan",
                "standard": "contoh-layanan"}[kind]
        text = skeleton.format(id=name, title=title_of(name), today=today.isoformat())
        if kind == "standard":
            text = text.replace("status: draft ", "example: true\nstatus: draft ")
        files[path.format(id=name)] = text
    written = []
    for rel, text in files.items():
        text = re.sub(r"^status: draft\b.*$", "status: published", text, flags=re.M)
        write_file(dest / rel, text)
        written.append(rel)
    return written
