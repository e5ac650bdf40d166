"""Skeletons for new content, valid by construction."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from . import data, model
from .kinds import REGISTRY, Kind
from .model import ID_PATTERN
from .write import write_file

COURSE = """\
# yaml-language-server: $schema=../schemas/course.schema.json
id: {id}
title: {title}
summary: Ringkasan kursus dalam satu atau dua kalimat.
category: manajerial            # teknis | manajerial | sosial-kultural
competency: pelayanan-publik    # lihat README: Daftar kompetensi per kategori
level: 1                        # 1..5
jp: 1                           # jumlah jp semua modul; 1 JP = 45 menit
status: draft                   # ubah menjadi published bila siap terbit
audience: [pelaksana]
tags: []
prerequisites: []
improves: []                    # id unsur SKM (README: Unsur SKM), misalnya waktu, perilaku
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
        - type: single                # jenis soal: lihat README, Jenis soal
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
# What `lms init` writes in place of each skeleton placeholder, so its published examples read as examples;
# tests/test_trainer.py keeps the keys equal to the placeholders lms check looks for.
EXAMPLE_TEXTS = {
    "Ringkasan kursus dalam satu atau dua kalimat.": "Contoh kursus singkat tentang menyapa warga di loket.",
    "Peserta mampu menjelaskan ...": "Peserta mampu menyapa warga dengan ramah dan jelas.",
    "Tulis pertanyaan di sini.": "Apa yang pertama kali diucapkan petugas ketika warga datang ke loket?",
    "Jawaban yang benar": "Salam dan tawaran bantuan",
    "Jawaban yang salah": "Langsung meminta berkas",
    "Jelaskan mengapa pilihan ini kurang tepat.": "Warga belum tahu harus menyerahkan apa; sapa dulu.",
    "Penjelasan yang tampil setelah peserta menjawab.": "Sapaan yang ramah membuat warga merasa dihargai.",
    "Tulis materi modul di sini dengan Markdown: paragraf, daftar, tabel, dan gambar.":
        "Sapa setiap warga yang datang, tawarkan bantuan, lalu dengarkan keperluannya sampai selesai.",
    "Ringkasan modul dalam satu kalimat.": "Contoh modul mandiri tentang mengatur napas saat antrean panjang.",
    "Ringkasan kegiatan dalam satu atau dua kalimat.": "Contoh kegiatan kelompok untuk saling mengenal.",
    "Peserta ...": "Peserta mengenal rekan dari bidang lain.",
    "Hapus baris ini bila tidak ada catatan keselamatan.": "Pastikan ruangan cukup lapang untuk bergerak.",
    "Apa yang disiapkan fasilitator sebelum kegiatan.": "Siapkan kertas plano dan spidol untuk setiap kelompok.",
    "2. **(20 menit)** ...": "2. **(20 menit)** Kelompok saling bercerita tentang pekerjaan masing-masing.",
    "Ringkasan tulisan dalam satu kalimat.": "Contoh tulisan basis pengetahuan tentang jam layanan kantor.",
    "Tulis isi tulisan di sini dengan Markdown.": "Kantor melayani warga pada hari kerja, pukul 08.00 sampai 15.00.",
    "Nama unit pelayanan": "Seksi Pelayanan Umum",
    "Untuk siapa dan untuk apa layanan ini, dalam satu kalimat.":
        "Contoh standar pelayanan untuk warga yang memerlukan surat keterangan.",
    "Nama dokumen yang diterima pemohon": "Surat keterangan yang ditandatangani camat",
}


def with_examples(text: str) -> str:
    """A skeleton's text with each placeholder replaced by its example, for content published at once."""
    for placeholder in sorted(EXAMPLE_TEXTS, key=len, reverse=True):  # "Peserta ..." is inside a longer one
        text = text.replace(placeholder, EXAMPLE_TEXTS[placeholder])
    return text


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
        "README.md": trainer_readme(site_name),
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
        if rel.startswith(("courses/", "content/")):  # published examples: example text, not placeholders
            text = with_examples(re.sub(r"^status: draft\b.*$", "status: published", text, flags=re.M))
        write_file(dest / rel, text)
        written.append(rel)
    return written


CODES = "<!-- lms:codes -->"  # where `lms init` puts the lists below in the README


def trainer_readme(site_name: str) -> str:
    """The new project's README, with the codes a course uses generated from the reference tables."""
    text = (PROJECT / "README.md").read_text(encoding="utf-8").replace("{site_name}", site_name)
    return text.replace(CODES, codes_markdown())


def codes_markdown() -> str:
    """Competencies per category, SKM element ids and question types, from data/ and the model."""
    table = data.table("competencies")
    out = ["### Daftar kompetensi per kategori", "", "Isi `category:` dengan id kategori dan `competency:` "
           "dengan id kompetensi dari kategori itu.", "", "| kategori (`category`) | id kompetensi (`competency`) |",
           "|---|---|"]
    for category in data.categories():
        if data.is_free_category(category):
            names = "bebas: id apa pun (huruf kecil, angka, tanda hubung) sesuai jabatan"
        else:
            names = ", ".join(f"`{c}` ({table[category]['competencies'][c]['id']})"
                              for c in data.competency_ids(category))
        out.append(f"| `{category}` ({table[category]['label']['id']}) | {names} |")
    skm = data.table("skm")
    out += ["", "### Unsur SKM", "", "Id untuk `improves:` (unsur Survei Kepuasan Masyarakat yang diperbaiki "
            "kursus):", "", "| id | unsur |", "|---|---|"]
    out += [f"| `{e}` | {skm[e]['id']} |" for e in data.skm_ids()]
    out += ["", "### Jenis soal", "", "Nilai `type:` untuk setiap soal kuis:", "", "| `type` | arti |", "|---|---|"]
    out += [f"| `{t}` | {_question_meaning(t)} |" for t in model.QUESTION_TYPES]
    return "\n".join(out)


def _question_meaning(question_type: str) -> str:
    for cls in vars(model).values():
        if isinstance(cls, type) and issubclass(cls, model.QuestionBase) and "type" in cls.model_fields:
            field = cls.model_fields["type"]
            if question_type in getattr(field.annotation, "__args__", ()):
                return field.description or ""
    raise KeyError(question_type)
