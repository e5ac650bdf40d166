"""The whole pipeline, top to bottom: load -> validate -> render -> write -> engine."""

from __future__ import annotations

import gc
import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import engine, load, render, search, validate, write
from .problems import Problem, failed

FIXED_EPOCH = 315532800  # 1980-01-01: used when neither SOURCE_DATE_EPOCH nor git can say
BUILD_TREE = ".lms/build"  # the generated MkDocs project, kept between builds


@dataclass
class Outcome:
    """What a check or build found: the problems, in the site's language, over how many files."""

    problems: list[Problem]
    language: str
    files: int
    project: validate.Project | None = None
    warnings: tuple[str, ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)  # time spent in our stages and the engine


def check(root: Path) -> Outcome:
    """Read and validate everything; write nothing."""
    sources = load.read_project(root)
    project, problems = validate.validate(sources)
    return Outcome(problems, validate.language(sources), sources.file_count, project)


def build(root: Path, out: Path, strict: bool = False, offline: bool = False, progress=None,
          serve: bool = False) -> Outcome:
    """Check, then build the site into out; on any failure out is left as it was.

    offline builds a site that works opened from file:// and zips it as out + ".zip"; progress
    hears (pages written, pages in all) while the engine works.
    """
    start = time.perf_counter()
    outcome = check(root)
    if outcome.project is None or failed(outcome.problems, strict):
        return outcome
    tree = root / (BUILD_TREE + ("-offline" if offline else "-serve" if serve else ""))
    write.write_tree(render.render(outcome.project, offline, serve), render.copied_files(outcome.project), tree)
    outcome.seconds["ours"] = time.perf_counter() - start
    staging = write.staging_dir(out)
    gc.collect()
    gc.freeze()  # our objects stay alive but out of the collector's way while MkDocs allocates
    try:
        outcome.warnings = tuple(engine.build(tree, staging, source_date_epoch(root), strict, progress))
        search.localize(staging, outcome.project.config.language)
    except BaseException:
        write.discard(staging)
        raise
    finally:
        gc.unfreeze()
    write.swap_in(staging, out)
    outcome.seconds["engine"] = time.perf_counter() - start - outcome.seconds["ours"]
    if offline:
        write.zip_folder(out, zip_path(out), source_date_epoch(root))
    return outcome


def zip_path(out: Path) -> Path:
    """Where an offline build's zip goes: beside the site folder, e.g. site.zip."""
    return out.with_name(out.name + ".zip")


def source_date_epoch(root: Path) -> int:
    """SOURCE_DATE_EPOCH, else the newest commit touching the content, else a fixed date."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        found = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "site_config.yml", "courses", "content"],
            cwd=root, capture_output=True, text=True, timeout=10, check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        found = ""
    return int(found) if found.isdigit() else FIXED_EPOCH
