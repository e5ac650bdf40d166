"""The shared vocabulary: files as read, the checked project, and where things are (after MkDocs' structure/)."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import markup, model
from .problems import ERROR, Problem

Pos = tuple[int, int]
RESERVED_MODULE_IDS = ("index", "bukti")  # a course's own page and its completion record


def key_path(loc: tuple) -> str:
    """A location as trainers read it: modules[0].quiz.questions[1]."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass
class Document:
    """A parsed YAML mapping with the source position of each key and value."""

    path: str  # project-relative, with forward slashes
    data: Any
    keys: dict[tuple, Pos] = field(default_factory=dict)
    values: dict[tuple, Pos] = field(default_factory=dict)

    def where(self, loc: tuple, of_key: bool = False) -> Pos:
        """Position of the value (or key) at loc, falling back to its nearest parent."""
        table = self.keys if of_key else self.values
        while loc:
            if loc in table:
                return table[loc]
            if of_key:
                table = self.values
                of_key = False
                continue
            loc = loc[:-1]
        return self.values.get((), (1, 1))

    def problem(self, loc: tuple, code: str, params: dict | None = None, hint: str | None = None,
                hint_params: dict | None = None, severity: str = ERROR, of_key: bool = False,
                key: str | None = None) -> Problem:
        """A problem located at the value (or key) at loc, named by its key path."""
        return Problem(self.path, *self.where(loc, of_key), key_path(loc) if key is None else key, code,
                       params or {}, hint, hint_params or {}, severity)


@dataclass
class ContentFile:
    """A Markdown file in the content folder, split into front matter and body; facts about its text kept once."""

    path: str  # project-relative, e.g. content/modul/x.md
    rel: str = ""  # relative to the content folder, e.g. modul/x.md
    body: str = ""
    body_line: int = 1  # line of the file where the body starts
    front: Document | None = None
    outside: bool = False  # a symlink leading out of the content folder

    @cached_property
    def masked(self) -> str:
        """The body with code blanked out, every other character in place."""
        return markup.mask_code(self.body)

    @cached_property
    def links(self) -> tuple[markup.Link, ...]:
        """Relative links from the body to other files (images, PDFs), outside code."""
        return markup.linked_files(self.rel, self.body, self.masked)

    @cached_property
    def heading(self) -> str | None:
        """The text of the body's first level-one heading."""
        return markup.first_heading(self.masked)

    def problem_at(self, index: int, code: str, params: dict | None = None, hint: str | None = None,
                   hint_params: dict | None = None, severity: str = ERROR) -> Problem:
        """A problem at a character index of the body."""
        before = self.body[:index]
        line = self.body_line + before.count("\n")
        col = index - (before.rfind("\n") + 1) + 1
        return Problem(self.path, line, col, "", code, params or {}, hint, hint_params or {}, severity)

    def problem(self, code: str, params: dict | None = None, hint: str | None = None,
                hint_params: dict | None = None, key: str = "") -> Problem:
        """A problem about the whole file (its first line)."""
        return Problem(self.path, 1, 1, key, code, params or {}, hint, hint_params or {})


@dataclass
class Sources:
    """Everything read from a project, before any rule is applied."""

    root: Path
    config: Document | None
    courses: list[Document]
    content: dict[str, ContentFile]  # keyed by the path relative to the content folder
    problems: list[Problem]
    file_count: int = 0
    assets: frozenset[str] = frozenset()  # other files in the content folder (images, PDFs), relative to it
    collections: dict[str, list[Document]] = field(default_factory=dict)  # YAML kinds, by kind name
    content_dir: str = "content"


@dataclass
class Project:
    """A checked project: typed config, courses (drafts included), content files and typed collections."""

    root: Path
    config: model.SiteConfig
    courses: list[model.Course]
    content: dict[str, ContentFile]
    front: dict[str, Any] = field(default_factory=dict)  # content path -> its typed front matter
    kinds: dict[str, str] = field(default_factory=dict)  # content path -> the name of its kind
    collections: dict[str, list] = field(default_factory=dict)  # YAML kind name -> its typed items
    content_dir: str = "content"

    @property
    def published(self) -> list[model.Course]:
        return [c for c in self.courses if c.status == "published"]

    def published_of(self, kind: str) -> list:
        """The published items of a YAML kind (service standards, learning paths)."""
        return [x for x in self.collections.get(kind, []) if x.status == "published"]

    @property
    def published_paths(self) -> list[model.LearningPath]:
        return self.published_of("path")

    @property
    def published_standards(self) -> list[model.ServiceStandard]:
        return self.published_of("standard")

    def source(self, rel: str) -> Path:
        """The file on disk of a path relative to the content folder."""
        return self.root / self.content_dir / rel


def content_path(path: str) -> str:
    """The key of a module's content file in Sources.content."""
    return posixpath.normpath(path.replace("\\", "/"))


def build_date() -> dt.date:
    """The date of this build: SOURCE_DATE_EPOCH's when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch.isdigit() else dt.date.today()


# --- reading raw YAML data: rules run on it even where the model rejected part of a file


def text_at(raw: Any, key: Any) -> str | None:
    """raw[key] when raw is a mapping and the value is text, else None."""
    value = raw.get(key) if isinstance(raw, dict) else None
    return value if isinstance(value, str) else None


def int_at(raw: Any, key: Any) -> int | None:
    """raw[key] when raw is a mapping and the value is an integer, else None."""
    value = raw.get(key) if isinstance(raw, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def items_at(raw: Any, key: Any) -> list:
    """raw[key] when raw is a mapping and the value is a list, else []."""
    value = raw.get(key) if isinstance(raw, dict) else None
    return value if isinstance(value, list) else []


@dataclass(frozen=True)
class BuildOptions:
    """How to build: the same value flows from the command line through render to the engine."""

    strict: bool = False  # warnings (ours and the engine's) stop the build
    offline: bool = False  # a site that works opened from file://, zipped beside the output
    serve: bool = False  # `lms serve`: the problem overlay script is included

    @property
    def tree(self) -> str:
        """The generated MkDocs project, kept between builds of the same kind."""
        return ".lms/build" + ("-offline" if self.offline else "-serve" if self.serve else "")

    @property
    def lock(self) -> str:
        """The file a build of that tree holds (write.exclusive): builds of one kind take turns."""
        return self.tree + ".lock"
