"""Lighthouse benchmark: the sample site's scores on six pages, mobile preset, served with gzip as GitHub Pages serves.

Builds a copy of the sample site with an "Evaluasi Layanan" page made by `lms evaluate --format page` from the
sample survey, serves it on 127.0.0.1 with gzip for text responses (and GitHub Pages' max-age=600), runs
Lighthouse 12.2.3 (`make lighthouse`; Node 20) with Debian's chromium on each page, prints a table and, last,
one JSON line. Targets: accessibility 100, best practices 100, SEO >= 95, performance >= 95.

    make lighthouse && python benchmarks/lighthouse.py [--runs 3] [--tmp DIR]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator import pipeline  # noqa: E402

LIGHTHOUSE = REPO / ".lms" / "npm" / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {
    "home": "index.html",
    "course": "kursus/pelayanan-prima/index.html",
    "module + quiz": "kursus/pelayanan-prima/standar-pelayanan.html",
    "Progres Saya": "progres.html",
    "service": "layanan/legalisasi-dokumen.html",
    "evaluation": "evaluasi-layanan.html",
}
CATEGORIES = ("accessibility", "best-practices", "seo", "performance")
METRICS = {"FCP": "first-contentful-paint", "LCP": "largest-contentful-paint", "TBT": "total-blocking-time",
           "CLS": "cumulative-layout-shift"}
TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as GitHub Pages sends them: text gzipped when the client accepts it, max-age=600."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (not path.is_file() or path.suffix not in TEXT
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    """A file-like object over bytes for SimpleHTTPRequestHandler.copyfile."""

    def __init__(self, data: bytes):
        self.data, self.done = data, False

    def read(self, size: int = -1) -> bytes:
        if self.done:
            return b""
        self.done = True
        return self.data

    def close(self):
        pass


def sample_site(tmp: Path) -> Path:
    """The sample project with a published evaluation page from the sample survey, built into tmp/site."""
    project = tmp / "project"
    project.mkdir(parents=True, exist_ok=True)
    for name in ("site_config.yml", "courses", "content"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    page = project / "content" / "evaluasi-layanan.md"
    lms = [sys.executable, "-m", "generator", "evaluate", "--project", str(project),
           str(REPO / "samples" / "skm" / "google-forms.csv"), "--complaints",
           str(REPO / "samples" / "skm" / "pengaduan.csv"), "--format", "page", "--out", str(page)]
    done = subprocess.run(lms, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise SystemExit(f"lms evaluate --format page failed:\n{done.stdout}{done.stderr}")
    page.write_text(page.read_text(encoding="utf-8").replace("status: draft", "status: published", 1),
                    encoding="utf-8")
    outcome = pipeline.build(project, tmp / "site")
    refused = [p for p in outcome.problems if p.severity == "error" and p.path == "content/evaluasi-layanan.md"]
    if refused:  # measure the rest, and say why the evaluation page is missing
        print(f"evaluation page refused by lms check: {refused[0].path}:{refused[0].line}:{refused[0].col}: "
              f"{refused[0].code} {refused[0].params}", file=sys.stderr)
        page.unlink()
        outcome = pipeline.build(project, tmp / "site")
    if outcome.problems and any(p.severity == "error" for p in outcome.problems):
        raise SystemExit(f"the sample site does not build: {outcome.problems[:3]}")
    return tmp / "site"


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse(url: str, out: Path) -> dict:
    """One Lighthouse run (mobile preset, the default) on url; its JSON report."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    command = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"]
    subprocess.run(command, check=True, env=env, capture_output=True, timeout=300)
    return json.loads(out.read_text(encoding="utf-8"))


def figures(report: dict) -> dict:
    """Scores (0-100), metrics (ms; CLS unitless), bytes transferred, and the audits that cost points."""
    cats = report["categories"]
    audits = report["audits"]
    row = {c: round(cats[c]["score"] * 100) for c in CATEGORIES}
    row.update({m: audits[a]["numericValue"] for m, a in METRICS.items()})
    row["bytes"] = audits["total-byte-weight"]["numericValue"]
    row["lost"] = {c: sorted(f"{r['id']} ({audits[r['id']]['score']})" for r in cats[c]["auditRefs"]
                             if r["weight"] > 0 and audits[r["id"]]["score"] is not None
                             and audits[r["id"]]["score"] < 1) for c in CATEGORIES}
    return row


def median_row(rows: list[dict]) -> dict:
    out = {k: statistics.median(r[k] for r in rows) for k in rows[0] if k != "lost"}
    out["lost"] = rows[-1]["lost"]
    return out


def table(results: dict[str, dict]) -> str:
    head = ["page", "a11y", "best pr.", "SEO", "perf", "FCP ms", "LCP ms", "TBT ms", "CLS", "KB (gz)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, r in results.items():
        cells = [name, *(f"{r[c]:.0f}" for c in CATEGORIES), f"{r['FCP']:.0f}", f"{r['LCP']:.0f}",
                 f"{r['TBT']:.0f}", f"{r['CLS']:.3f}", f"{r['bytes'] / 1024:.0f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is reported")
    parser.add_argument("--tmp", type=Path, default=None)
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        raise SystemExit("lighthouse is missing: run make lighthouse")
    tmp = args.tmp or Path(tempfile.mkdtemp(prefix="lms-lighthouse-"))
    site = sample_site(tmp)
    server, base = serve(site)
    results = {}
    try:
        for name, page in PAGES.items():
            if not (site / page).is_file():
                continue
            rows = [figures(lighthouse(base + page, tmp / f"report-{i}.json")) for i in range(args.runs)]
            results[name] = median_row(rows)
    finally:
        server.shutdown()
    print(table(results))
    for name, r in results.items():
        for category, lost in r["lost"].items():
            if lost:
                print(f"{name}: {category}: {', '.join(lost)}")
    meets = all(r["accessibility"] == 100 and r["best-practices"] == 100 and r["seo"] >= 95
                and r["performance"] >= 95 for r in results.values())
    print(json.dumps({"pages": {n: {k: v for k, v in r.items() if k != "lost"} for n, r in results.items()},
                      "targets_met": meets}))


if __name__ == "__main__":
    main()
