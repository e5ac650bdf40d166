"""The navigation: small and the same size whatever the size of the site, public services first.

Every page carries the navigation, so a navigation that lists every course makes each page cost
more as the site grows (Material's nav macro was 37% of build CPU at 1,000 modules). Tabs list
their catalogue and, while a section stays small, its pages; a course's own pages are out of the
navigation and show the course's outline instead (templates/module.md.j2), reached from the
catalogue, its filters and search: every page is within three clicks of the home page.
"""

from __future__ import annotations

from .. import data, kinds
from .catalogue import Catalogue

COURSES, COMPETENCIES = 10, 50  # tab positions of the sections that are not kinds; kinds.Nav places the rest
SMALL = 15  # a tab lists its pages up to this many; beyond, its catalogue page alone
HEADS = ("index.md", "tag.md")  # a section's catalogue pages, always listed
NOT_IN_NAV = "/kursus/*/*.md"  # a course's own pages: its outline leads through them
# pages that list others, and the learner's own pages: out of the search index (search.tidy), so a word
# is found on the page that explains it
UNSEARCHED = ("kursus/index.html", "kursus/*/bukti.html", "progres.html", "jalur/index.html", "kompetensi/*",
              "layanan/index.html")


def nav(site: Catalogue, pages: dict[str, str], sections: dict[str, dict[str, str]]) -> list:
    """Tabs in order of position; a kind's tab lists its pages in the order its `pages` made them."""
    ui = data.table("ui")
    lang = site.project.config.language
    tabs: list[tuple[int, str, list]] = [(COURSES, "courses", _courses(site, pages, sections))]
    competencies = ["kompetensi/index.md"] + [f"kompetensi/{c}.md" for c in data.categories()]
    tabs.append((COMPETENCIES, "competencies", [p for p in competencies if p in pages]))
    for kind in kinds.REGISTRY:
        if kind.nav is not None:
            tabs.append((kind.nav.position, kind.nav.label, small(list(sections.get(kind.name, {})))))
    out: list = [{ui["home"][lang]: "index.md"}]
    for _, label, entries in sorted(tabs, key=lambda tab: tab[0]):
        if entries:
            out.append({ui[label][lang]: titled(entries, pages)})
    return out  # plain pages (an author guide, "about us") are linked from the home page, not tabs for everyone


def titled(entries: list, pages: dict[str, str]) -> list:
    """Each page with its title, as its H1 says: the engine then need not read a page to list it.

    The H1 is our templates' (render/text.py `heading`): no angle brackets, entities escaped, so the
    title is safe where Material prints it unescaped (<title>, the sidebar).
    """
    out = []
    for entry in entries:
        title = _h1(pages.get(entry, "")) if isinstance(entry, str) else None
        if isinstance(entry, dict):
            entry = {label: titled(items, pages) for label, items in entry.items()}
        out.append({title: entry} if title else entry)
    return out


def _h1(text: str) -> str | None:
    return next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), None)


def small(entries: list[str]) -> list[str]:
    """A section's pages while they are few; else its catalogue pages only."""
    return entries if len(entries) <= SMALL else [e for e in entries if e.rsplit("/", 1)[-1] in HEADS]


def _courses(site: Catalogue, pages: dict[str, str], sections: dict[str, dict[str, str]]) -> list:
    """The courses tab: the catalogue, the learner's progress, and the learning paths."""
    ui = data.table("ui")
    lang = site.project.config.language
    paths = small(list(sections.get("path", {})))
    heads = [p for p in ("kursus/index.md", "progres.md") if p in pages]
    return heads + ([{ui["paths-title"][lang]: paths}] if paths else [])


def unsearched() -> tuple[str, ...]:
    """Patterns of the built pages search leaves out: ours, and each kind's catalogue pages."""
    catalogues = {page[:-3] + ".html" for kind in kinds.REGISTRY for page in kind.reserved if page.endswith(".md")}
    return UNSEARCHED + tuple(sorted(catalogues))


def not_in_nav(pages: dict[str, str], listed: list) -> str:
    """Patterns (gitignore lines, as MkDocs reads them) matching the pages left out of the navigation."""
    inside = set(_flatten(listed))
    left = {p.rsplit("/", 1)[0] + "/*.md" if "/" in p else p for p in pages if p not in inside}
    return "\n".join([NOT_IN_NAV] + sorted(f"/{p}" for p in left if not p.startswith("kursus/")))


def _flatten(items: list):
    for item in items:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                yield from _flatten(value if isinstance(value, list) else [value])
