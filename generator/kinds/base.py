"""What a content kind declares: where its files live, how they are checked, what pages they make."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from ..model import ID_PATTERN
from ..problems import WARNING
from ..structure import Document, text_at

MARKDOWN, YAML = "markdown", "yaml"


@dataclass(frozen=True)
class Context:
    """What a kind's rules may look at beyond its own files."""

    courses: Mapping[str, Document]  # course id -> its document, drafts included
    users: Mapping[str, list[Document]]  # content path -> the courses that use the file
    today: dt.date


@dataclass(frozen=True)
class Nav:
    """A kind's place in the navigation: a top-level tab of its own."""

    position: int  # tabs are ordered by position; home 0, courses 10, competencies 50
    label: str  # key in the ui table


def id_file_rule(doc: Document) -> list:
    """A warning when a valid id differs from its file's name; an invalid id has its own error, no rename hint."""
    did, stem = text_at(doc.data, "id"), PurePosixPath(doc.path).stem
    if did is None or did == stem or not re.fullmatch(ID_PATTERN, did):
        return []
    return [doc.problem(("id",), "id-not-filename", {"id": did, "stem": stem}, "hint-id-not-filename",
                        {"id": did}, WARNING)]


def _no_rules(*_: Any) -> list:
    return []


def _no_facts(_: Any) -> dict:
    return {}


@dataclass(frozen=True)
class Kind:
    """One kind of content under the content folder; the registry (kinds/__init__.py) lists them.

    - markdown kinds: `rules(item, raw front matter, context)` returns problems beyond the model's;
    - yaml kinds: `rules(documents, context)` returns (typed items, problems), the model's included;
    - `pages(env, site)` returns the kind's pages (path in the build tree -> Markdown text);
    - `facts(front)` gives the catalogue what it shows and filters on (jp, category, competency, level).
    """

    name: str  # e.g. "guide"; also the schema file's name and `lms new NAME`
    folder: str  # folder in the content folder; "" for the fallback kind (plain pages)
    source: str  # MARKDOWN or YAML
    model: type  # front matter (markdown) or document (yaml) model
    noun: str  # for people, e.g. "team-building guide"
    pages: Callable[..., dict[str, str]] | None = None
    rules: Callable[..., Any] = _no_rules
    facts: Callable[[Any], dict] = _no_facts
    nav: Nav | None = None
    reserved: frozenset[str] = frozenset()  # pages of the build tree the kind writes itself; "x/" for a folder
    scaffold: str | None = None  # skeleton for `lms new NAME`: {id}, {title}, {today} are filled in
    counted: str | None = None  # message key of its count in the build summary

    @property
    def front_matter_required(self) -> bool:
        """A Markdown kind whose model has required keys cannot do without front matter."""
        return self.source == MARKDOWN and any(f.is_required() for f in self.model.model_fields.values())

    def file(self, content_id: str, content_dir: str = "content") -> str:
        """The project-relative path of a new file of this kind."""
        suffix = ".md" if self.source == MARKDOWN else ".yml"
        return f"{content_dir}/{self.folder}/{content_id}{suffix}"
