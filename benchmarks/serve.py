"""Edit-to-reload time of `lms serve`: from saving a module's Markdown to the page serving the edit.

Runs `lms serve` on a copy of the sample project and on a synthetic project, edits one module
file several times, and polls the module's page over HTTP until the new sentence is there. The
time includes noticing the change (the file watcher), our stages and the engine. The last line
is one JSON object.

    python benchmarks/serve.py [--modules 1000] [--edits 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from build import make_project  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def measure(root: Path, source: Path, page: str, edits: int) -> list[float]:
    """Seconds from each edit of source to the page showing it."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(port), "--project", str(root)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}/{page}"
    try:
        deadline = time.monotonic() + 600
        while "<h1" not in fetch(url):
            if time.monotonic() > deadline:
                raise SystemExit(f"lms serve did not come up for {root}")
            time.sleep(0.5)
        original, times = source.read_text(encoding="utf-8"), []
        for n in range(edits):
            marker = f"Kalimat suntingan nomor {n} {time.time_ns()}."
            start = time.monotonic()
            source.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            while marker not in fetch(url):
                if time.monotonic() - start > 600:
                    raise SystemExit("the edit never showed")
                time.sleep(0.05)
            times.append(time.monotonic() - start)
            time.sleep(1.5)  # let the server settle before the next edit
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="lms-serve-"))
    sample = work / "sample"
    shutil.copytree(REPO, sample, ignore=shutil.ignore_patterns(".git", ".venv", ".lms", "site", "tests", "*.zip"))
    synthetic = work / "synthetic"
    make_project(synthetic, args.modules)
    report = {}
    for name, root, source, page in (
        ("sample", sample, sample / "content/modul/mendengarkan-aktif.md",
         "kursus/komunikasi-pelayanan/mendengarkan-aktif.html"),
        (f"{args.modules}_modules", synthetic, synthetic / "content/modul/m0.md", "kursus/kursus-0/modul-0.html"),
    ):
        times = measure(root, source, page, args.edits)
        report[name] = {"median_s": round(statistics.median(times), 2), "runs": [round(t, 2) for t in times]}
        print(f"{name}: {report[name]}", flush=True)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
