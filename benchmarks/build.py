"""Benchmark: our stages vs the engine vs plain Material on the same Markdown.

    python benchmarks/build.py --modules 1000 [--repeat 3]

Generates a synthetic project (N modules with quizzes across N/10 courses, ~3 KB of text
each) in a temp folder, then measures side by side in one run, each build in a fresh
process, ours and the floor in alternating order:
  ours   load + validate + render + write of the build tree (`lms build`'s own timer)
  engine Material for MkDocs on our tree, including the swap into place
  floor  plain Material (navigation.prune only) on the same Markdown pages
  check  `lms check` as a command, imports included
The last line printed is one JSON object with the medians.
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


def floor_tree(tree: Path, floor: Path) -> None:
    """The same Markdown pages and nav under plain Material with navigation.prune."""
    import yaml

    shutil.copytree(tree / "docs", floor / "docs", ignore=shutil.ignore_patterns("assets"))
    ours = yaml.safe_load((tree / "mkdocs.yml").read_text())
    config = {"site_name": "Benchmark", "site_url": ours.get("site_url"), "docs_dir": "docs",
              "theme": {"name": "material", "features": ["navigation.prune"]}, "nav": ours["nav"]}
    (floor / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))


def size_per_page(site: Path) -> tuple[float, int]:
    pages = list(site.rglob("*.html"))
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return total / 1024 / max(1, len(pages)), len(pages)


def measure(kind: str, project: Path, work: Path) -> dict:
    """One measurement in this fresh process: "ours" (our stages, then the engine) or "floor"."""
    if kind == "floor":  # plain MkDocs + Material, as anyone would run it: no adapter in between
        from mkdocs.commands.build import build as mkdocs_build
        from mkdocs.config import load_config

        logging.getLogger("mkdocs").setLevel(logging.ERROR)
        t0 = time.perf_counter()
        mkdocs_build(load_config(config_file=str(work / "floor/mkdocs.yml"), site_dir=str(work / "floor-site")))
        result = {"floor_s": time.perf_counter() - t0}
        result["floor_kb_per_page"], _ = size_per_page(work / "floor-site")
    else:  # exactly what `lms build` runs
        from generator import pipeline
        from generator.structure import BuildOptions

        shutil.rmtree(project / BuildOptions().tree, ignore_errors=True)  # a first build: every file new
        outcome = pipeline.build(project, work / "site")
        assert outcome.project is not None, outcome.problems[:3]
        result = {"ours_s": outcome.seconds["ours"], "engine_s": outcome.seconds["engine"]}
        result["kb_per_page"], result["pages"] = size_per_page(work / "site")
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def prepare_floor(project: Path, work: Path) -> None:
    """Render our tree once (untimed) and derive the floor project from its Markdown."""
    from generator import pipeline, render, write

    outcome = pipeline.check(project)
    assert outcome.project is not None, outcome.problems[:3]
    write.write_tree(render.render(render.site_of(outcome.project)), {}, work / "reference-tree")
    floor_tree(work / "reference-tree", work / "floor-source")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=1000)
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
    with tempfile.TemporaryDirectory(prefix="bench-", dir=args.tmp) as tmp:
        project = Path(tmp) / "project"
        make_project(project, args.modules)
        prepare_floor(project, Path(tmp))

        def child(kind: str, work: Path) -> dict:
            out = subprocess.run([sys.executable, __file__, "--measure", kind, str(project), str(work)],
                                 capture_output=True, text=True, env=env, check=True)
            return json.loads(out.stdout.strip().splitlines()[-1])

        runs, checks = [], []
        for i in range(args.repeat):
            work = Path(tmp) / f"work-{i}"
            work.mkdir()
            shutil.copytree(Path(tmp) / "floor-source", work / "floor")
            run: dict = {}
            for kind in (("ours", "floor") if i % 2 == 0 else ("floor", "ours")):  # alternate the order
                got = child(kind, work)
                run["peak_rss_mb"] = max(run.get("peak_rss_mb", 0), got.pop("peak_rss_mb"))
                run.update(got)
            runs.append(run)
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "generator", "check", "--project", str(project)],
                           capture_output=True, env=env, check=True, cwd=REPO)
            checks.append(time.perf_counter() - t0)
            shutil.rmtree(work)
            print(f"run {i + 1}: ours {run['ours_s']:.2f} s, engine {run['engine_s']:.2f} s, "
                  f"floor {run['floor_s']:.2f} s, check {checks[-1]:.2f} s", file=sys.stderr)

    def med(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    result = {
        "modules": args.modules,
        "pages": runs[0]["pages"],
        "repeat": args.repeat,
        "ours_s": round(med("ours_s"), 3),
        "engine_s": round(med("engine_s"), 3),
        "floor_s": round(med("floor_s"), 3),
        "ours_share": round(med("ours_s") / med("engine_s"), 4),
        "ratio": round(statistics.median((r["ours_s"] + r["engine_s"]) / r["floor_s"] for r in runs), 3),
        "check_s": round(statistics.median(checks), 3),
        "kb_per_page": round(med("kb_per_page"), 1),
        "floor_kb_per_page": round(med("floor_kb_per_page"), 1),
        "peak_rss_mb": round(max(r["peak_rss_mb"] for r in runs), 1),
    }
    print("| modules | pages | ours (s) | engine (s) | floor (s) | ours/engine | total/floor | check (s) "
          "| KB/page | floor KB/page | peak RSS (MB) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print(f"| {result['modules']} | {result['pages']} | {result['ours_s']} | {result['engine_s']} | "
          f"{result['floor_s']} | {result['ours_share']:.1%} | {result['ratio']} | {result['check_s']} | "
          f"{result['kb_per_page']} | {result['floor_kb_per_page']} | {result['peak_rss_mb']} |")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
