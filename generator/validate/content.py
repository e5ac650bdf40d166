"""Rules every file in the content folder shares, whatever its kind; the theme's files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import data, kinds, model
from ..kinds import Context, Kind
from ..problems import Problem, Term
from ..structure import ContentFile, Document
from .safety import yaml_links
from .translate import structure

# pages the generator writes itself besides the kinds' own: a Markdown file may not take their place
RESERVED = frozenset({"progres.md", "kursus/", "kompetensi/", "konten/", "assets/", "search/"})


def reserved() -> tuple[frozenset[str], frozenset[str]]:
    """The reserved pages and folders (without their slash), the kinds' included."""
    names = RESERVED.union(*(k.reserved for k in kinds.REGISTRY))
    return (frozenset(n for n in names if not n.endswith("/")),
            frozenset(n.rstrip("/") for n in names if n.endswith("/")))


def front_matter(item: ContentFile, kind: Kind, context: Context) -> tuple[Any, list[Problem]]:
    """The typed front matter of a Markdown file, checked against its kind's model and rules."""
    used_by = context.users.get(item.rel, [])
    if item.front is None:
        if kind.front_matter_required:
            return None, [_front_matter_missing(item, kind)]
        front, out = kind.model(), []
    else:
        front, out = structure(item.front, kind.model)
        out += yaml_links(item.front) + kind.rules(item, item.front.data, context)
    pages, folders = reserved()
    if not used_by and (item.rel in pages or item.rel.split("/")[0] in folders):
        out.append(item.problem("reserved-path", {"path": item.rel}, "hint-reserved-path"))
    standalone = not used_by and not kind.front_matter_required and item.rel != "index.md"
    titled = getattr(front, "title", None) or item.heading
    if standalone and front is not None and front.status == "published" and not titled:
        out.append(item.problem("title-missing", {}, "hint-title-missing", key="title" if item.front else ""))
    return front, out


def _front_matter_missing(item: ContentFile, kind: Kind) -> Problem:
    noun = f"noun-{kind.name}"  # the kind's name for people, in the message table (else its English noun)
    keys = ", ".join(name for name, f in kind.model.model_fields.items() if f.is_required())
    return item.problem("front-matter-missing", {"noun": Term(noun) if noun in data.table("messages") else kind.noun},
                        "hint-front-matter", {"keys": keys, "kind": kind.name, "example": Term("example-id")})


def theme_files(config: model.SiteConfig, doc: Document, root: Path) -> list[Problem]:
    """The logo and favicon must be files inside the project."""
    out = []
    for name in ("logo", "favicon"):
        value = getattr(config.theme, name)
        if value is None:
            continue
        target = (root / value).resolve()
        if not target.is_file() or not target.is_relative_to(root.resolve()):
            out.append(doc.problem(("theme", name), "logo-missing", {"path": value}, "hint-logo-missing",
                                   key=f"theme.{name}"))
    return out
