"""Evaluate benchmark: `lms evaluate` on a 100,000-row SKM survey and 5,000 complaints, end to end.

Each run is a fresh `lms evaluate ... --format json` process on the sample project (Python
start-up and the project check included). Prints the median of the runs; the last line is one
JSON object.

    python benchmarks/evaluate.py [--rows 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import random
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    survey, complaints = make_files(Path(tempfile.mkdtemp(prefix="lms-evaluate-")), args.rows)
    command = [sys.executable, "-m", "generator", "evaluate", str(survey), "--complaints", str(complaints),
               "--format", "json", "--project", str(REPO)]
    times = []
    for n in range(args.repeat):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=True)
        times.append(time.perf_counter() - start)
        units = json.loads(done.stdout)["units"]
        print(f"run {n + 1}: {times[-1]:.2f} s, {len(units)} units and services", flush=True)
    result = {"rows": args.rows, "complaints": args.rows // 20, "median_s": round(statistics.median(times), 2),
              "runs": [round(t, 2) for t in times]}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
