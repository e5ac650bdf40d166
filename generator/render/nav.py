"""The navigation: home, courses, then each kind's tab by its position, competencies, then other pages."""

from __future__ import annotations

from .. import data, kinds
from .catalogue import Catalogue
from .text import plain

COURSES, COMPETENCIES = 10, 50  # tab positions of the sections that are not kinds; kinds.Nav places the rest


def nav(site: Catalogue, pages: dict[str, str], sections: dict[str, dict[str, str]]) -> list:
    """Tabs in order of position; a kind's tab lists its pages in the order its `pages` made them."""
    ui = data.table("ui")
    lang = site.project.config.language
    tabs: list[tuple[int, str, list]] = [(COURSES, "courses", _courses(site, pages, sections))]
    competencies = ["kompetensi/index.md"] + [f"kompetensi/{c}.md" for c in data.categories()]
    tabs.append((COMPETENCIES, "competencies", [p for p in competencies if p in pages]))
    for kind in kinds.REGISTRY:
        if kind.nav is not None:
            tabs.append((kind.nav.position, kind.nav.label, list(sections.get(kind.name, {}))))
    out: list = [{ui["home"][lang]: "index.md"}]
    for _, label, entries in sorted(tabs, key=lambda tab: tab[0]):
        if entries:
            out.append({ui[label][lang]: entries})
    # a page's nav title comes from its H1: Material un-escapes explicit titles into <title>
    return out + [page for page in sections.get("page", {}) if page != "index.md"]


def _courses(site: Catalogue, pages: dict[str, str], sections: dict[str, dict[str, str]]) -> list:
    """The courses tab: the catalogue, the learner's progress, learning paths, then each course and its modules."""
    ui = data.table("ui")
    lang = site.project.config.language
    paths = list(sections.get("path", {}))
    heads = [p for p in ("kursus/index.md", "progres.md") if p in pages]
    courses = [
        {plain(c.title): [f"kursus/{c.id}/index.md"] + [f"kursus/{c.id}/{m.id}.md" for m in c.modules]}
        for c in site.courses
    ]
    return heads + ([{ui["paths-title"][lang]: paths}] if paths else []) + courses
