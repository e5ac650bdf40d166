"""Write the SKM sample files used by docs/evaluate.md and the tests (synthetic answers, fixed seed).

    python samples/skm/make_samples.py

google-forms.csv: a Google Forms export (timestamp, profile, the questionnaire's texts, answer
words, a suggestion column). template-skm.xlsx: the common office template (title rows, a merged
"Unsur Pelayanan" header over U1 (Persyaratan)..U9 (Pengaduan), a Jumlah row). pengaduan.csv:
complaints in the project's own layout.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from generator.survey.answers import WORDS  # noqa: E402  the questionnaire's answer words, 1 -> 4

ORDER = ("persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "sarana", "pengaduan")
QUESTIONS = (
    "1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
    "2. Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "3. Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "4. Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "5. Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
    "pelayanan dengan hasil yang diberikan?",
    "6. Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "7. Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
    "8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    "9. Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
)
SERVICES = ("Legalisasi", "Surat Keterangan Domisili", "Izin Keramaian")
# waktu is the weak element; it improves in the second half of the year
WEIGHTS = {e: (1, 2, 6, 4) for e in ORDER} | {"waktu": (3, 6, 4, 1), "biaya": (0, 1, 3, 8)}


def answers(rng: random.Random, later: bool) -> list[int]:
    weights = {**WEIGHTS, "waktu": (1, 2, 6, 5)} if later else WEIGHTS
    return [rng.choices((1, 2, 3, 4), weights[e])[0] for e in ORDER]


def google_forms(rng: random.Random) -> None:
    rows = [["Timestamp", "Alamat email", "Jenis Kelamin", "Pendidikan Terakhir", "Pekerjaan", "Jenis Layanan",
             *QUESTIONS, "Saran dan masukan untuk kami"]]
    for n in range(60):
        month = 1 + n * 12 // 60
        scores = answers(rng, month > 6)
        rows.append([f"2026/{month:02d}/{rng.randint(1, 28):02d} {rng.randint(8, 15)}:{rng.randint(0, 59):02d}:00",
                     "", rng.choice(("Laki-laki", "Perempuan")), rng.choice(("SMA", "D3", "S1", "SMP")),
                     rng.choice(("Wiraswasta", "Nelayan", "PNS", "Pelajar/Mahasiswa", "Lainnya")),
                     rng.choice(SERVICES), *[WORDS[e][s - 1] for e, s in zip(ORDER, scores, strict=True)],
                     rng.choice(("", "", "Antrean lebih cepat, ya", "Petugas ramah"))])
    with open(HERE / "google-forms.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


def template(rng: random.Random) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Data SKM"
    sheet.append(["SURVEI KEPUASAN MASYARAKAT (SKM)"])
    sheet.append(["Kecamatan Medan Belawan, Semester II 2026"])
    sheet.append([])
    sheet.append(["No", "Tanggal", "Jenis Kelamin", "Pendidikan", "Pekerjaan", "Unsur Pelayanan"])
    names = ("Persyaratan", "Prosedur", "Waktu", "Biaya", "Produk", "Kompetensi", "Perilaku", "Sarana", "Pengaduan")
    sheet.append([None] * 5 + [f"U{i} ({name})" for i, name in enumerate(names, start=1)])
    for col in "ABCDE":
        sheet.merge_cells(f"{col}4:{col}5")
    sheet.merge_cells("F4:N4")
    sheet["A1"].font = sheet["F4"].font = Font(bold=True)
    sheet["F4"].alignment = Alignment(horizontal="center")
    scores = []
    for n in range(1, 41):
        row = answers(rng, True)
        scores.append(row)
        sheet.append([n, f"2026-{6 + (n - 1) * 6 // 40 + 1:02d}-{rng.randint(1, 28):02d}",
                      rng.choice(("L", "P")), rng.choice(("SMA", "S1", "D3")), rng.choice(("Nelayan", "Wiraswasta")),
                      *row])
    sheet.append(["Jumlah", None, None, None, None, *[sum(r[i] for r in scores) for i in range(9)]])
    book.create_sheet("Petunjuk").append(["Isi satu baris per responden; nilai 1 sampai 4."])
    book.save(HERE / "template-skm.xlsx")


def complaints() -> None:
    rows = [["unit", "layanan", "tanggal", "kategori", "uraian"],
            ["Kecamatan Medan Belawan", "Legalisasi", "2026-03-04", "waktu", "Menunggu tiga hari"],
            ["Kecamatan Medan Belawan", "Izin Keramaian", "2026-05-11", "waktu", "Tidak ada kabar berkas"],
            ["Kecamatan Medan Belawan", "Legalisasi", "2026-08-19", "perilaku", "Petugas kurang ramah"]]
    with open(HERE / "pengaduan.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


def main() -> None:
    rng = random.Random(2026)
    google_forms(rng)
    template(rng)
    complaints()


if __name__ == "__main__":
    main()
