"""Evaluate benchmark: `lms evaluate` on a 100,000-row SKM survey (CSV and .xlsx) and 5,000 complaints.

Each run is a fresh `lms evaluate ... --format json` process on the sample project (Python
start-up and the project check included). The CSV case is the project's own layout; the .xlsx
case is the common office template (title rows, a merged "Unsur Pelayanan" header, `U1
(Persyaratan)`.. columns, a date column) read with no flags. Prints the median wall time and
CPU time (user + system of the child) per case; the last line is one JSON object.
Targets: CSV under 5 s, .xlsx under 10 s.

    python benchmarks/evaluate.py [--rows 100000] [--repeat 3] [--case csv|xlsx|all]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ELEMENTS = ("persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana")
UNITS = {"Kecamatan Medan Belawan": ["Legalisasi", "Domisili", "Izin Keramaian"],
         "Kelurahan Bagan Deli": ["Surat Pengantar", "Keterangan Usaha"],
         "Kelurahan Belawan I": ["Surat Pengantar", "Keterangan Tidak Mampu"]}


def make_files(folder: Path, rows: int) -> tuple[Path, Path]:
    rng = random.Random(7)
    survey, complaints = folder / "survei.csv", folder / "aduan.csv"
    lines = ["\ufeffunit;layanan;tanggal;" + ";".join(ELEMENTS)]
    for _ in range(rows):
        unit = rng.choice(list(UNITS))
        scores = [str(rng.choice((1, 2, 3, 3, 4, 4))) if rng.random() > 0.03 else "" for _ in ELEMENTS]
        lines.append(f"{unit};{rng.choice(UNITS[unit])};2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d};"
                     + ";".join(scores))
    survey.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    lines = ["unit,layanan,tanggal,kategori,uraian"]
    for _ in range(rows // 20):
        unit = rng.choice(list(UNITS))
        lines.append(f"{unit},{rng.choice(UNITS[unit])},2026-06-01,{rng.choice(ELEMENTS)},\"Keluhan, contoh\"")
    complaints.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return survey, complaints


def make_workbook(folder: Path, rows: int) -> Path:
    """The office template shape, written with openpyxl's streaming writer."""
    from openpyxl import Workbook

    rng = random.Random(11)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Data SKM")
    labels = ("Persyaratan", "Prosedur", "Waktu", "Biaya", "Produk", "Kompetensi", "Perilaku", "Sarana",
              "Pengaduan")
    sheet.append(["SURVEI KEPUASAN MASYARAKAT"])
    sheet.append(["Kecamatan Medan Belawan"])
    sheet.append([])
    sheet.append(["No", "Tanggal", "Unit", "Jenis Layanan", "Unsur Pelayanan"])
    sheet.append([None, None, None, None, *[f"U{i} ({label})" for i, label in enumerate(labels, start=1)]])
    for n in range(1, rows + 1):
        unit = rng.choice(list(UNITS))
        scores = [rng.choice((1, 2, 3, 3, 4, 4)) if rng.random() > 0.03 else None for _ in labels]
        sheet.append([n, f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", unit, rng.choice(UNITS[unit]),
                      *scores])
    path = folder / "survei.xlsx"
    book.save(path)
    return path


def measure(name: str, command: list[str], repeat: int) -> dict:
    """Median wall and CPU seconds of `repeat` fresh processes."""
    walls, cpus = [], []
    for n in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        units = json.loads(done.stdout)["units"]
        print(f"{name} run {n + 1}: {walls[-1]:.2f} s wall, {cpus[-1]:.2f} s CPU, {len(units)} units and services",
              flush=True)
    return {"median_s": round(statistics.median(walls), 2), "median_cpu_s": round(statistics.median(cpus), 2),
            "runs": [round(t, 2) for t in walls]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--case", choices=("csv", "xlsx", "all"), default="all")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="lms-evaluate-"))
    survey, complaints = make_files(folder, args.rows)
    base = [sys.executable, "-m", "generator", "evaluate", "--format", "json", "--project", str(REPO)]
    result = {"rows": args.rows, "complaints": args.rows // 20}
    if args.case in ("csv", "all"):
        result["csv"] = measure("csv", base + [str(survey), "--complaints", str(complaints)], args.repeat)
    if args.case in ("xlsx", "all"):
        result["xlsx"] = measure("xlsx", base + [str(make_workbook(folder, args.rows))], args.repeat)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
