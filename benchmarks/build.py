"""Benchmark: `lms build` against plain Material on the same pages, at one or more sizes.

    python benchmarks/build.py --modules 1000,3000 [--repeat 3]

For each size, generates a synthetic project (N modules with quizzes across N/10 courses, ~3 KB
of text each) and measures side by side in one run, each build in a fresh process, in alternating
order, CPU seconds (user + system, imports included) as well as wall time:
  build   the whole `lms build` (our stages, the engine, the swap into place)
  ours    our stages inside it (load, validate, render, write of the build tree)
  floor   plain Material on our build tree (our navigation and pages, no plugin of ours)
  anchor  plain Material with navigation.prune and MkDocs' default navigation over the same
          Markdown pages: what a team would get without this project
  check   `lms check` as a command
Per-page CPU and KB are the whole build's over its HTML pages; RSS is the build's peak.
The last line printed is one JSON object: {"sizes": {"1000": {...}, "3000": {...}}} (medians).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

WORDS = ("pelayanan publik masyarakat petugas loket standar prosedur persyaratan waktu biaya produk "
         "pengaduan keluhan warga kantor kecamatan belawan informasi dokumen berkas layanan cepat ramah "
         "transparan akuntabel kompeten harmonis loyal adaptif kolaboratif tindak lanjut catat dengarkan "
         "beri kabar survei kepuasan unsur nilai indeks mutu kinerja jaminan sarana prasarana").split()


def paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def make_project(root: Path, modules: int) -> None:
    rng = random.Random(42)
    (root / "courses").mkdir(parents=True)
    (root / "content/modul").mkdir(parents=True)
    (root / "site_config.yml").write_text("site_name: Benchmark\nsite_url: https://contoh.go.id/\n")
    courses = max(1, modules // 10)
    for c in range(courses):
        mods = [m for m in range(modules) if m % courses == c]
        lines = [f"id: kursus-{c}", f"title: Kursus {c}", "summary: Ringkasan kursus.", "category: manajerial",
                 "competency: pelayanan-publik", "level: 2", f"jp: {len(mods)}",
                 "objectives:", "  - id: t1", "    text: Tujuan.", "modules:"]
        for m in mods:
            lines += [f"  - id: modul-{m}", f"    title: Modul {m} {rng.choice(WORDS)}", "    jp: 1",
                      f"    content: modul/m{m}.md", "    quiz:", "      questions:",
                      "        - type: single", "          prompt: Pilih yang benar.", "          objective: t1",
                      "          choices:", "            - {text: Benar, correct: true}", "            - {text: Salah}",
                      "        - type: true-false", "          prompt: Pernyataan ini benar.", "          answer: true",
                      "        - type: short", "          prompt: Nama sistem?", "          answers: [LAPOR]"]
        (root / f"courses/kursus-{c}.yml").write_text("\n".join(lines) + "\n")
    for m in range(modules):
        body = [f"# Modul {m}", ""]
        for s in range(4):
            body += [f"## Bagian {s + 1}", "", paragraph(rng, 60), "", paragraph(rng, 50), ""]
        (root / f"content/modul/m{m}.md").write_text("\n".join(body))


def plain_tree(tree: Path, dest: Path, nav: bool) -> None:
    """The same Markdown pages under plain Material with navigation.prune: our nav, or MkDocs' default."""
    import yaml

    shutil.copytree(tree / "docs", dest / "docs", ignore=shutil.ignore_patterns("assets"))
    ours = yaml.safe_load((tree / "mkdocs.yml").read_text())
    config = {"site_name": "Benchmark", "site_url": ours.get("site_url"), "docs_dir": "docs",
              "use_directory_urls": False, "theme": {"name": "material", "features": ["navigation.prune"]}}
    if nav:
        config.update(nav=ours["nav"], not_in_nav=ours.get("not_in_nav"))
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))


def size_per_page(site: Path) -> tuple[float, int]:
    pages = list(site.rglob("*.html"))
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return total / 1024 / max(1, len(pages)), len(pages)


def cpu() -> float:
    """CPU seconds (user + system) of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(kind: str, project: Path, work: Path) -> dict:
    """One measurement in this fresh process: "ours" (`lms build`), or plain Material: "floor", "anchor"."""
    if kind in ("floor", "anchor"):  # plain MkDocs + Material, as anyone would run it: no adapter in between
        from mkdocs.commands.build import build as mkdocs_build
        from mkdocs.config import load_config

        logging.getLogger("mkdocs").setLevel(logging.ERROR)
        t0 = time.perf_counter()
        mkdocs_build(load_config(config_file=str(work / f"{kind}/mkdocs.yml"), site_dir=str(work / f"{kind}-site")))
        result = {f"{kind}_s": time.perf_counter() - t0, f"{kind}_cpu_s": cpu()}
        result[f"{kind}_kb_per_page"], _ = size_per_page(work / f"{kind}-site")
        shutil.rmtree(work / f"{kind}-site")
    else:  # exactly what `lms build` runs
        from generator import pipeline
        from generator.structure import BuildOptions

        shutil.rmtree(project / BuildOptions().tree, ignore_errors=True)  # a first build: every file new
        outcome = pipeline.build(project, work / "site")
        assert outcome.project is not None, outcome.problems[:3]
        result = {"ours_s": outcome.seconds["ours"], "engine_s": outcome.seconds["engine"],
                  "ours_cpu_s": outcome.seconds["ours_cpu"], "build_cpu_s": cpu()}
        result["kb_per_page"], result["pages"] = size_per_page(work / "site")
        shutil.rmtree(work / "site")
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def prepare_plain(project: Path, work: Path) -> None:
    """Render our tree once (untimed) and derive the floor and anchor projects from its Markdown."""
    from generator import pipeline, render, write

    outcome = pipeline.check(project)
    assert outcome.project is not None, outcome.problems[:3]
    write.write_tree(render.render(render.site_of(outcome.project)), {}, work / "reference-tree")
    plain_tree(work / "reference-tree", work / "floor-source", nav=True)
    plain_tree(work / "reference-tree", work / "anchor-source", nav=False)


KINDS = ("ours", "floor", "anchor")


def one_size(modules: int, repeat: int, tmp: Path, env: dict) -> dict:
    """Every kind of build, `repeat` times in rotating order, on a fresh project of this size; the medians."""
    project = tmp / "project"
    make_project(project, modules)
    prepare_plain(project, tmp)

    def child(kind: str, work: Path) -> dict:
        out = subprocess.run([sys.executable, __file__, "--measure", kind, str(project), str(work)],
                             capture_output=True, text=True, env=env, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])

    runs, checks = [], []
    for i in range(repeat):
        work = tmp / f"work-{i}"
        work.mkdir()
        for kind in ("floor", "anchor"):
            shutil.copytree(tmp / f"{kind}-source", work / kind)
        run: dict = {}
        for kind in KINDS[i % 3:] + KINDS[:i % 3]:  # rotate the order
            got = child(kind, work)
            rss = got.pop("peak_rss_mb")
            if kind == "ours":
                run["rss_mb"] = rss
            run.update(got)
        runs.append(run)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "generator", "check", "--project", str(project)],
                       capture_output=True, env=env, check=True, cwd=REPO)
        checks.append(time.perf_counter() - t0)
        shutil.rmtree(work)
        wall = run["ours_s"] + run["engine_s"]
        print(f"{modules} modules, run {i + 1}: build {run['build_cpu_s']:.1f} s CPU ({wall:.1f} s wall), "
              f"floor {run['floor_cpu_s']:.1f} s CPU, anchor {run['anchor_cpu_s']:.1f} s CPU", file=sys.stderr)
    shutil.rmtree(project)
    return summary(modules, runs, checks)


def summary(modules: int, runs: list[dict], checks: list[float]) -> dict:
    """Medians of the runs of one size, and the figures per page."""
    def med(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    pages = runs[0]["pages"]
    return {
        "modules": modules, "pages": pages, "repeat": len(runs),
        "build_cpu_s": round(med("build_cpu_s"), 2), "ours_cpu_s": round(med("ours_cpu_s"), 2),
        "floor_cpu_s": round(med("floor_cpu_s"), 2), "anchor_cpu_s": round(med("anchor_cpu_s"), 2),
        "build_s": round(statistics.median(r["ours_s"] + r["engine_s"] for r in runs), 2),
        "floor_s": round(med("floor_s"), 2), "anchor_s": round(med("anchor_s"), 2),
        "build_per_anchor": round(statistics.median(r["build_cpu_s"] / r["anchor_cpu_s"] for r in runs), 3),
        "build_per_floor": round(statistics.median(r["build_cpu_s"] / r["floor_cpu_s"] for r in runs), 3),
        "cpu_ms_per_page": round(med("build_cpu_s") * 1000 / pages, 2),
        "kb_per_page": round(med("kb_per_page"), 1), "floor_kb_per_page": round(med("floor_kb_per_page"), 1),
        "anchor_kb_per_page": round(med("anchor_kb_per_page"), 1),
        "rss_mb": round(max(r["rss_mb"] for r in runs), 1), "check_s": round(statistics.median(checks), 2),
    }


COLUMNS = ("modules", "pages", "build_cpu_s", "ours_cpu_s", "floor_cpu_s", "anchor_cpu_s", "build_per_anchor",
           "build_per_floor", "cpu_ms_per_page", "kb_per_page", "anchor_kb_per_page", "rss_mb", "build_s", "check_s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", default="1000", help="one size or several, comma-separated: 1000,3000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tmp", type=Path, default=REPO / ".lms",
                        help="where the temp project goes (default .lms/ in the repo: where a project's build lives)")
    parser.add_argument("--measure", nargs=3, metavar=("KIND", "PROJECT", "WORK"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        kind, project, work = args.measure
        print(json.dumps(measure(kind, Path(project), Path(work))))
        return
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    args.tmp.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for modules in (int(n) for n in args.modules.split(",")):
        with tempfile.TemporaryDirectory(prefix="bench-", dir=args.tmp) as tmp:
            sizes[str(modules)] = one_size(modules, args.repeat, Path(tmp), env)
    print("| " + " | ".join(COLUMNS) + " |")
    print("|" + "---|" * len(COLUMNS))
    for row in sizes.values():
        print("| " + " | ".join(str(row[c]) for c in COLUMNS) + " |")
    print(json.dumps({"sizes": sizes}))


if __name__ == "__main__":
    main()
