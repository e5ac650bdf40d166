"""The whole pipeline, top to bottom: load -> validate -> render -> write -> engine."""

from __future__ import annotations

import gc
import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import engine, kinds, load, render, search, validate, write
from .problems import WARNING, Problem, failed, say
from .render.catalogue import Catalogue
from .render.text import decimal
from .structure import BuildOptions, Project

FIXED_EPOCH = 315532800  # 1980-01-01: used when neither SOURCE_DATE_EPOCH nor git can say


@dataclass
class Outcome:
    """What a check or build found: the problems, in the site's language, over how many files."""

    problems: list[Problem]
    language: str
    files: int
    project: Project | None = None
    warnings: tuple[str, ...] = ()  # the engine's
    seconds: dict[str, float] = field(default_factory=dict)  # time spent in our stages and the engine
    site: Catalogue | None = None

    @property
    def ok(self) -> bool:
        """True when there is a project and no error."""
        return self.project is not None and not failed(self.problems, False)


def check(root: Path) -> Outcome:
    """Read and validate everything; write nothing."""
    sources = load.read_project(root, kinds.yaml_folders())
    project, problems = validate.validate(sources)
    return Outcome(problems, validate.language(sources), sources.file_count, project)


def build(root: Path, out: Path, options: BuildOptions | None = None, progress=None, waiting=None,
          **flags: bool) -> Outcome:
    """Check, then build the site into out; on any failure out is left as it was.

    options (or, for short, its fields as flags: offline=True) say how; an offline build also zips
    the site as out + ".zip"; progress hears (pages written, pages in all) while the engine works;
    waiting hears a message (in the site's language) when another build of the project goes first.
    """
    options = options or BuildOptions(**flags)
    start, cpu = time.perf_counter(), time.process_time()
    outcome = check(root)
    if outcome.project is None or failed(outcome.problems, options.strict):
        return outcome
    lock = root / options.lock
    notice = (lambda: waiting(say("build-waiting", outcome.language, lock=lock))) if waiting else None
    with write.exclusive(lock, notice):  # one build of a project's tree at a time
        render_and_build(outcome, root, out, options, progress, start, cpu)
    return outcome


def render_and_build(outcome: Outcome, root: Path, out: Path, options: BuildOptions, progress,
                     start: float, cpu: float) -> None:
    """Render the checked project, let the engine build it, index it, and swap the site into out."""
    outcome.site = site = render.site_of(outcome.project)
    tree = root / options.tree
    write.write_tree(render.render(site, options), render.copied_files(site), tree)
    load.forget()  # what lms serve keeps between rebuilds: a one-off build gives the memory to the engine
    render.course.forget()
    outcome.seconds["ours"] = time.perf_counter() - start
    outcome.seconds["ours_cpu"] = time.process_time() - cpu
    epoch = source_date_epoch(root)
    staging = write.staging_dir(out)
    gc.collect()
    gc.freeze()  # our objects stay alive but out of the collector's way while MkDocs allocates
    try:
        index = search_step(outcome.project)
        warnings, pages = engine.build(tree, staging, epoch, options.strict, progress, policy=not options.serve,
                                       collect=index.page)
        outcome.warnings = tuple(warnings)
        gc.collect()  # the engine's pages and navigation go before the index is made: a lower peak of memory
        started = time.process_time()
        index.write(staging, pages.order)
        outcome.seconds["search_cpu"] = time.process_time() - started
        archive = write.zip_folder(staging, zip_path(out), epoch, name=out.name) if options.offline else None
    except BaseException:
        write.discard(staging)
        raise
    finally:
        gc.unfreeze()
    write.swap_in(staging, out)
    if archive is not None:  # site and zip are both complete before either replaces the old one
        os.replace(archive, zip_path(out))
    outcome.seconds["engine"] = time.perf_counter() - start - outcome.seconds["ours"]


def search_step(project: Project) -> search.Indexer:
    """The site's search: it collects each page the engine builds and writes the index after the last."""
    synonyms = search.synonym_groups(project.config.search.synonyms)
    return search.Indexer(project.config.language, synonyms, render.nav.unsearched())


def sources_of(root: Path) -> list[Path]:
    """What `lms serve` watches: the site config, the courses and the content folder."""
    raw = load.load_mapping((root / "site_config.yml").read_bytes(), "site_config.yml")[0]
    return [root / "site_config.yml", root / "courses", root / load.content_dir(raw.data if raw else None)]


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


def summary(outcome: Outcome, out: Path, seconds: float) -> str:
    """One line for people: what was built, how long it took and how big it is."""
    site, lang = outcome.site, outcome.language
    modules = [m for c in site.courses for m in c.modules]
    files = [p for p in out.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files) / 1e6
    counted = "".join(say(kind.counted, lang, n=_count(site, kind)) for kind in kinds.REGISTRY if kind.counted)
    return say("build-summary", lang, courses=len(site.courses), modules=len(modules),
               quizzes=sum(m.quiz is not None for m in modules), kinds=counted,
               pages=sum(p.suffix == ".html" for p in files),
               warnings=sum(p.severity == WARNING for p in outcome.problems) + len(outcome.warnings),
               seconds=decimal(seconds, lang, 1), size=decimal(size, lang, 1))


def _count(site: Catalogue, kind: kinds.Kind) -> int:
    """Published pieces of a kind: its catalogue entries, or its published YAML documents."""
    if kind.source == kinds.YAML:
        return len(site.project.published_of(kind.name))
    return len(site.of_kind(kind.name))
