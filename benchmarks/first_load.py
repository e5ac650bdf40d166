"""First load of a page: bytes transferred (gzip, as GitHub Pages serves) by ours and by plain Material.

Builds the sample site, and plain Material (Material's defaults, no plugin or script of ours) on the same
Markdown pages, serves both on 127.0.0.1 with gzip (benchmarks/lighthouse.py's server), opens the same
pages in Chromium with an empty cache and sums what travelled: every response's body and headers, the
search index apart (both load it; its size is benchmarks/search.py's subject). The last line is one JSON
object; `ratio` is ours over plain Material for the module page with a quiz.

    python benchmarks/first_load.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "tests"))

from build import plain_tree  # noqa: E402
from lighthouse import serve  # noqa: E402

from generator import pipeline  # noqa: E402

PAGES = {"module + quiz": "kursus/pelayanan-prima/standar-pelayanan.html", "home": "index.html",
         "service": "layanan/legalisasi-dokumen.html"}
SEARCH_INDEX = "search/search_index.json"


def sites(tmp: Path) -> dict[str, Path]:
    """The sample site built by `lms build`, and plain Material on the same Markdown."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    outcome = pipeline.build(REPO, tmp / "ours")
    assert outcome.ok, outcome.problems[:3]
    plain_tree(REPO / ".lms" / "build", tmp / "plain-source", nav=True)
    mkdocs_build(load_config(config_file=str(tmp / "plain-source/mkdocs.yml"), site_dir=str(tmp / "plain")))
    return {"ours": tmp / "ours", "plain": tmp / "plain"}


def first_load(browser, url: str) -> dict:
    """Bytes and requests of one first visit, with an empty cache, until the network is idle."""
    context = browser.new_context()
    page = context.new_page()
    seen: list[tuple[str, int]] = []

    def finished(request) -> None:
        sizes = request.sizes()
        seen.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    page.on("requestfinished", finished)
    page.goto(url, wait_until="networkidle")
    context.close()
    kept = [(u, n) for u, n in seen if SEARCH_INDEX not in u]
    return {"bytes": sum(n for _, n in kept), "requests": len(kept),
            "files": sorted(u.rsplit("/", 1)[-1].split("?")[0] for u, _ in kept)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_FLAGS, chromium_path

    with tempfile.TemporaryDirectory(prefix="first-load-", dir=REPO / ".lms") as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        servers = {name: serve(folder) for name, folder in sites(Path(tmp)).items()}
        report: dict = {}
        for label, page in PAGES.items():
            for name, (_, base) in servers.items():
                runs = [first_load(browser, base + page) for _ in range(args.runs)]
                report.setdefault(label, {})[name] = {
                    "kb": round(statistics.median(r["bytes"] for r in runs) / 1024, 1),
                    "requests": runs[0]["requests"], "files": runs[0]["files"]}
            row = report[label]
            row["ratio"] = round(row["ours"]["kb"] / row["plain"]["kb"], 3)
            print(f"{label}: ours {row['ours']['kb']} KB in {row['ours']['requests']} requests, plain Material "
                  f"{row['plain']['kb']} KB in {row['plain']['requests']}: {row['ratio']}x", file=sys.stderr)
        for server, _ in servers.values():
            server.shutdown()
        browser.close()
    print(json.dumps({"ratio": report["module + quiz"]["ratio"],
                      "pages": {k: {n: v[n] if n == "ratio" else {"kb": v[n]["kb"], "requests": v[n]["requests"]}
                                    for n in v} for k, v in report.items()}}))
    for label, row in report.items():
        print(f"{label}: ours {row['ours']['files']}\n  plain {row['plain']['files']}", file=sys.stderr)


if __name__ == "__main__":
    main()
