"""The competency index: every course, module and guide that develops each competency, per category."""

from __future__ import annotations

import jinja2

from .. import data
from .catalogue import Catalogue, url


def competency_pages(env: jinja2.Environment, site: Catalogue) -> dict[str, str]:
    """A page per competency category: every course, module and guide that develops each competency."""
    if not site.courses and not site.of_kind("module") and not site.of_kind("guide"):
        return {}
    pages = {}
    table = data.table("competencies")
    counts = {}
    for category in data.categories():
        page = f"kompetensi/{category}.md"
        found: dict[str, list[tuple[str, str, str]]] = {c: [] for c in table[category]["competencies"]}
        for course in site.courses:
            if course.category == category:
                found.setdefault(course.competency, []).append(
                    ("course", course.title, url(page, f"kursus/{course.id}/index.md")))
        for entry in site.of_kind("module"):
            if entry.category == category and entry.competency:
                found.setdefault(entry.competency, []).append(("module", entry.title, url(page, entry.page)))
        for entry in site.of_kind("guide"):
            for competency in entry.front.competencies:
                if competency in found:
                    found[competency].append(("guide", entry.title, url(page, entry.page)))
        counts[category] = sum(map(len, found.values()))
        pages[page] = env.get_template("competency.md.j2").render(category=category, found=found)
    pages["kompetensi/index.md"] = env.get_template("competencies.md.j2").render(counts=counts)
    return pages
