"""Where every published piece of content lives on the site, worked out once per build."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any

from .. import data, model
from ..structure import ContentFile, Project, content_path


@dataclass(frozen=True)
class Entry:
    """One published Markdown file under content/ and its one canonical page."""

    rel: str  # path relative to content/
    kind: str  # module | guide | article | page
    item: ContentFile
    front: Any  # its typed front matter
    title: str
    page: str  # canonical page in the build tree's docs/, e.g. modul/x.md or kursus/c/m.md
    course: model.Course | None = None  # the course that shows it, for modules used by one
    module: model.Module | None = None
    facts: dict = field(default_factory=dict, compare=False)  # what its kind tells: jp, category, competency, level

    @property
    def summary(self) -> str | None:
        return getattr(self.front, "summary", None) or (self.module.summary if self.module else None)

    @property
    def jp(self) -> int | None:
        return self.facts.get("jp") or (self.module.jp if self.module else None)

    @property
    def category(self) -> str | None:
        """The competency category: the kind's facts, else the course's."""
        return self.facts.get("category") or (self.course.category if self.course else None)

    @property
    def competency(self) -> str | None:
        return self.facts.get("competency") or (self.course.competency if self.course else None)

    @property
    def level(self) -> int | None:
        return self.facts.get("level") or (self.course.level if self.course else None)


@dataclass
class Catalogue:
    """Published courses, content entries by kind, standards, and each content file's canonical page."""

    project: Project
    courses: list[model.Course] = field(default_factory=list)
    entries: dict[str, Entry] = field(default_factory=dict)  # by rel
    standards: list[model.ServiceStandard] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.kind == kind]

    @property
    def home(self) -> Entry | None:
        """content/index.md, which replaces the generated home page when present."""
        return self.entries.get("index.md")

    def canonical(self, course: model.Course, module: model.Module) -> str | None:
        """The page of a module's material when another course shows it first (else None)."""
        entry = self.entries.get(content_path(module.content))
        if entry is None or (entry.course is course and entry.module is module):
            return None
        return entry.page


def category_of(competency: str) -> str | None:
    for category in data.categories():
        if competency in data.competency_ids(category):
            return category
    return None


def build(project: Project, facts) -> Catalogue:
    """Give every published content file exactly one page: the first course showing it, or its own.

    facts(kind name, front matter) is what the kind tells the catalogue about a file (kinds.Kind.facts).
    """
    out = Catalogue(project, project.published, standards=project.published_standards)
    for course in out.courses:
        for module in course.modules:
            rel = content_path(module.content)
            if rel not in out.entries:
                item, front, kind = project.content[rel], project.front[rel], project.kinds[rel]
                out.entries[rel] = Entry(rel, kind, item, front, module.title, f"kursus/{course.id}/{module.id}.md",
                                         course, module, facts(kind, front))
    # material of a draft course waits with its course; it is never a page of its own
    used = {content_path(m.content) for c in project.courses for m in c.modules}
    for rel, item in project.content.items():
        front = project.front[rel]
        if rel in out.entries or rel in used or front is None or front.status != "published":
            continue
        kind = project.kinds[rel]
        title = getattr(front, "title", None) or item.heading or ""
        out.entries[rel] = Entry(rel, kind, item, front, title, rel, facts=facts(kind, front))
    out.entries = dict(sorted(out.entries.items(), key=lambda kv: (kv[1].kind, kv[1].title.casefold(), kv[0])))
    return out


# a catalogue filter's name in the page's address (?kategori=teknis&level=2): short, Indonesian, the same on every site
FILTER_PARAMS = {"category": "kategori", "competency": "kompetensi", "level": "level", "jp": "jp",
                 "duration": "durasi", "group": "peserta", "setting": "tempat"}


def addressed(filters: list[dict]) -> list[dict]:
    """Catalogue filters with the name each one has in the address, so a filtered list can be shared."""
    return [dict(f, param=FILTER_PARAMS.get(f["name"], f["name"])) for f in filters]


def url(from_page: str, to_page: str) -> str:
    """A relative link between two pages of the build tree (use_directory_urls is off)."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return target[:-3] + ".html" if target.endswith(".md") else target


def to_root(page: str) -> str:
    return "../" * page.count("/")
