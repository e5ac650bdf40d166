"""`lms serve`'s rebuilds: after an edit, only the pages it changed go through the engine again.

Our stages run in full (they are fast and decide what changed); the build tree is rewritten file by
file, so only changed Markdown is newer than its page, and the engine runs dirty: it rebuilds those
pages and keeps the rest. What a page shows of other pages is kept right:

- the navigation is on every page: when it changes (mkdocs.yml, which holds every listed page's title,
  render/nav.py), everything is rebuilt;
- the tag index lists every tagged page: when one changes, all of them and the index are rebuilt;
- the search index holds every page: the records of the pages built now join the others' earlier ones;
- the problem overlay script is rewritten after a failed rebuild: the next good one restores it;
- files that left the build tree leave the site too.

A test edits, adds, renames and deletes files under a running preview and compares the site, file by
file, with a clean full build.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import engine, pipeline, render, write
from .problems import WARNING
from .structure import BuildOptions

OPTIONS = BuildOptions(serve=True)
TAGGED = "---\ntags:"  # how a page with tags starts (templates/article.md.j2)


@dataclass
class Preview:
    """The state kept between rebuilds of one `lms serve` session."""

    root: Path
    out: Path
    fingerprint: str | None = None  # of the navigation, when the site in out was last built in full
    tree: set[str] = field(default_factory=set)  # paths of the build tree last written
    records: dict[str, list] = field(default_factory=dict)  # page URL -> its search records, the whole site
    memory: object = None  # what the last rebuild's search index was made of (shards.Memory)
    overlay: bool = False  # the problem overlay was written over the last good site

    def __post_init__(self) -> None:
        self.root, self.out = self.root.resolve(), self.out.resolve()

    def rebuild(self) -> pipeline.Outcome:
        """Check and render everything; send only what changed through the engine."""
        outcome = pipeline.check(self.root)
        if not outcome.ok:
            self._show_problems(outcome)
            return outcome
        outcome.site = render.site_of(outcome.project)
        with write.exclusive(self.root / OPTIONS.lock):  # two `lms serve` of one project take turns
            self._build(outcome)
        return outcome

    def _build(self, outcome: pipeline.Outcome) -> None:
        """Write the build tree, run the engine dirty when the navigation is unchanged, update the index."""
        site = outcome.site
        tree = render.render(site, OPTIONS)
        folder = self.root / OPTIONS.tree
        print_ = fingerprint(tree)
        full = print_ != self.fingerprint or not (self.out / "index.html").is_file()
        copies = render.copied_files(site)
        changed = write.write_tree(tree, copies, folder)
        if not full:
            self._prepare_dirty(tree, folder, changed)
        self._forget(set(tree) | set(copies))
        index = pipeline.search_step(outcome.project)
        warnings, pages = engine.build(folder, self.out, pipeline.source_date_epoch(self.root), dirty=not full,
                                       policy=False, collect=index.page)  # live reload's script is inline
        outcome.warnings = tuple(warnings)
        self._write_index(index, pages)
        self.fingerprint, self.overlay = print_, False

    def _prepare_dirty(self, tree: dict[str, str], folder: Path, changed: list[str]) -> None:
        """Mark as changed what a dirty build would otherwise leave stale.

        The engine rebuilds a page whose source is newer than its output; a source written in the same
        clock tick as its page would look older, so every changed source is stamped just after it.
        """
        stale = list(changed)
        tagged = [p for p, text in tree.items() if p.endswith(".md") and text.startswith(TAGGED)]
        if any(_newer(folder / p, self.out / _page(p)) for p in tagged):
            stale += tagged + [p for p in tree if p.endswith("/tag.md")]
        if self.overlay:
            stale.append(f"{render.DOCS}/assets/lms/{render.SERVE_SCRIPT}")
        for path in stale:
            if (folder / path).is_file():
                built = self.out / _page(path)
                after = built.stat().st_mtime_ns + 1_000_000 if built.is_file() else 0
                stamp = max(time.time_ns(), after)
                os.utime(folder / path, ns=(stamp, stamp))

    def _forget(self, now: set[str]) -> None:
        """Remove from the site what a file that left the build tree had made."""
        for gone in self.tree - now:
            if gone.startswith(f"{render.DOCS}/"):
                (self.out / _page(gone)).unlink(missing_ok=True)
        self.tree = now

    def _write_index(self, index, pages: engine.Pages) -> None:
        """The search index of the whole site: this build's records and the other pages' earlier ones."""
        self.records = {url: index.records.get(url, []) if url in pages.built else self.records.get(url, [])
                        for url in pages.order}
        index.records, index.memory = self.records, self.memory
        index.write(self.out, pages.order, keep=True)
        self.memory = index.memory

    def _show_problems(self, outcome: pipeline.Outcome) -> None:
        """Keep the last good site and show the problems over its pages."""
        if outcome.project is None and not (self.out / "index.html").is_file():
            return
        if (self.out / "index.html").is_file():
            errors = [p for p in outcome.problems if p.severity != WARNING]
            write.write_file(self.out / "assets/lms" / render.SERVE_SCRIPT,
                             render.journey.serve_data_script(errors, outcome.language), overwrite=True)
            self.overlay = True


def fingerprint(tree: dict[str, str]) -> str:
    """What every page shows of the others: the engine's configuration, the navigation and its titles."""
    return hashlib.sha256(tree["mkdocs.yml"].encode("utf-8")).hexdigest()


def _page(tree_path: str) -> str:
    """Where a file of the build tree's docs/ ends up in the site."""
    rel = tree_path.removeprefix(f"{render.DOCS}/")
    return rel[:-3] + ".html" if rel.endswith(".md") else rel


def _newer(source: Path, built: Path) -> bool:
    return not built.is_file() or source.stat().st_mtime > built.stat().st_mtime
