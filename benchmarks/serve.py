"""Edit-to-reload time of `lms serve`: from saving a file to the page serving the edit.

Runs `lms serve` on a copy of the sample project and on a synthetic project (benchmarks/build.py's),
then edits, several times each, one module's Markdown (polling the module's page for the new
sentence) and one course's YAML (polling the course page for the new title). The time includes
noticing the change (the file watcher), our stages and the engine. The last line is one JSON
object with the synthetic project's medians: {"module_edit_s": ..., "course_edit_s": ...}.

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


class Server:
    """`lms serve` on a project, in a process of its own, for the duration of a with block."""

    def __init__(self, root: Path):
        self.root, self.port = root, free_port()

    def __enter__(self) -> Server:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--port", str(self.port), "--project", str(self.root)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        deadline = time.monotonic() + 900
        while "<h1" not in fetch(self.url("index.html")):
            if time.monotonic() > deadline:
                raise SystemExit(f"lms serve did not come up for {self.root}")
            time.sleep(0.5)
        return self

    def url(self, page: str) -> str:
        return f"http://127.0.0.1:{self.port}/{page}"

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def measure(server: Server, source: Path, page: str, edits: int, change) -> list[float]:
    """Seconds from each edit of source (change(original text, marker) -> new text) to the page showing it."""
    original, times = source.read_text(encoding="utf-8"), []
    for n in range(edits):
        marker = f"Suntingan {n} {time.time_ns()}"
        start = time.monotonic()
        source.write_text(change(original, marker), encoding="utf-8")
        while marker not in fetch(server.url(page)):
            if time.monotonic() - start > 600:
                raise SystemExit("the edit never showed")
            time.sleep(0.05)
        times.append(time.monotonic() - start)
        time.sleep(1.5)  # let the server settle before the next edit
    source.write_text(original, encoding="utf-8")
    return times


def append(text: str, marker: str) -> str:
    return text + f"\n\n{marker}.\n"


def rename_course(first_title: str):
    return lambda text, marker: text.replace(f"title: {first_title}", f"title: {first_title} {marker}", 1)


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
    cases = (
        ("sample", sample, "content/modul/mendengarkan-aktif.md", "kursus/komunikasi-pelayanan/mendengarkan-aktif.html",
         "courses/komunikasi-pelayanan.yml", "kursus/komunikasi-pelayanan/index.html", "Komunikasi"),
        (f"{args.modules}_modules", synthetic, "content/modul/m0.md", "kursus/kursus-0/modul-0.html",
         "courses/kursus-0.yml", "kursus/kursus-0/index.html", "Kursus 0"),
    )
    for name, root, module, module_page, course, course_page, title in cases:
        with Server(root) as server:
            runs = {"module_edit": measure(server, root / module, module_page, args.edits, append),
                    "course_edit": measure(server, root / course, course_page, args.edits, rename_course(title))}
        report[name] = {kind: {"median_s": round(statistics.median(t), 2), "runs": [round(x, 2) for x in t]}
                        for kind, t in runs.items()}
        print(f"{name}: {report[name]}", flush=True)
    big = report[f"{args.modules}_modules"]
    print(json.dumps({"module_edit_s": big["module_edit"]["median_s"], "course_edit_s": big["course_edit"]["median_s"],
                      "sample": {k: v["median_s"] for k, v in report["sample"].items()}}))


if __name__ == "__main__":
    main()
