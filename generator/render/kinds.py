"""Pages for each kind of content: modules, guides, articles, service standards, competencies, pages."""

from __future__ import annotations

import json

import jinja2
from markupsafe import Markup

from .. import data, model, schema
from .body import with_file_links, without_title
from .catalogue import Catalogue, Entry, to_root, url
from .text import plain

REFERENCE = "<!-- lms:reference -->"  # a page may ask for the format reference, generated so it never drifts


def body_of(entry: Entry, lang: str = "id") -> Markup:
    """The trainer's Markdown under its page's title: checked for scripts, not escaped."""
    body = without_title(with_file_links(entry.item, to_root(entry.page)))
    if REFERENCE in body:
        body = body.replace(REFERENCE, schema.reference_markdown(lang))
    return Markup(body)


def plain_page(env: jinja2.Environment, entry: Entry, lang: str = "id") -> str:
    return env.get_template("page.md.j2").render(entry=entry, body=body_of(entry, lang))


def other_pages(env: jinja2.Environment, site: Catalogue) -> dict[str, str]:
    lang = site.project.config.language
    return {e.page: plain_page(env, e, lang) for e in site.of_kind("page") if e.rel != "index.md"}


def module_pages(env: jinja2.Environment, site: Catalogue) -> dict[str, str]:
    """The module catalogue, and a page for each module no course shows."""
    entries = site.of_kind("module")
    if not entries:
        return {}
    page = "modul/index.md"
    filters = [
        select("competency", "competency", sorted({e.competency for e in entries if e.competency}),
               env.globals["competency_name"]),
        select("level", "level", sorted({e.level for e in entries if e.level}), str),
        select("jp", "jp", [("1-1", "1 JP"), ("2-2", "2 JP"), ("3-1000", "≥ 3 JP")], None, match="range"),
    ]
    pages = {page: env.get_template("modules.md.j2").render(
        entries=entries, filters=filters, link=lambda e: url(page, e.page))}
    for entry in entries:
        if entry.course is None:
            pages[entry.page] = env.get_template("module-page.md.j2").render(entry=entry, body=body_of(entry))
    return pages


DURATIONS = [("5-30", "≤ 30"), ("31-60", "31–60"), ("61-120", "61–120"), ("121-480", "> 120")]


def guide_pages(env: jinja2.Environment, site: Catalogue) -> dict[str, str]:
    """The guide catalogue (filters: duration, group size, setting) and one page per guide."""
    entries = site.of_kind("guide")
    if not entries:
        return {}
    page = "team-building/index.md"
    ui = data.table("ui")
    lang = site.project.config.language
    filters = [
        select("duration", "duration", [(v, ui["minutes"][lang].format(n=t)) for v, t in DURATIONS], None,
               match="range"),
        {"name": "group", "label": "group-size-filter", "kind": "number", "match": "within"},
        select("setting", "setting", [s for s in model.SETTINGS if any(e.front.setting == s for e in entries)],
               lambda s: ui[f"setting-{s}"][lang]),
    ]
    pages = {page: env.get_template("guides.md.j2").render(
        entries=entries, filters=filters, link=lambda e: url(page, e.page))}
    for entry in entries:
        pages[entry.page] = env.get_template("guide.md.j2").render(entry=entry, g=entry.front, body=body_of(entry))
    return pages


def article_pages(env: jinja2.Environment, site: Catalogue) -> dict[str, str]:
    """The knowledge-base list, its tag index (Material's tags plugin) and one page per article."""
    entries = site.of_kind("article")
    if not entries:
        return {}
    page = "pengetahuan/index.md"
    pages = {page: env.get_template("articles.md.j2").render(entries=entries, link=lambda e: url(page, e.page)),
             "pengetahuan/tag.md": env.get_template("tags.md.j2").render()}
    for entry in entries:
        # Material prints tag names unescaped: escape them here, as for every other text
        tags = json.dumps([plain(t) for t in entry.front.tags], ensure_ascii=False)
        pages[entry.page] = env.get_template("article.md.j2").render(entry=entry, tags=tags, body=body_of(entry))
    return pages


def standard_pages(env: jinja2.Environment, site: Catalogue) -> dict[str, str]:
    """The public-services section: a list by unit, a page per service, and how to complain."""
    if not site.standards:
        return {}
    config = site.project.config
    units: dict[str, list[model.ServiceStandard]] = {}
    for standard in sorted(site.standards, key=lambda s: (s.unit.casefold(), s.service.casefold())):
        units.setdefault(standard.unit, []).append(standard)
    pages = {
        "layanan/index.md": env.get_template("standards.md.j2").render(units=units, config=config),
        "layanan/pengaduan.md": env.get_template("complaints.md.j2").render(
            config=config, standards=sorted(site.standards, key=lambda s: s.service.casefold())),
    }
    for standard in site.standards:
        pages[f"layanan/{standard.id}.md"] = env.get_template("standard.md.j2").render(s=standard, config=config)
    return pages


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


def select(name: str, label: str, values: list, text, match: str = "eq", options=None) -> dict:
    """A filter drop-down; values are (value, text) pairs when text is None, or made by options()."""
    if options is not None:
        options = [options(v) for v in values]
    else:
        options = list(values) if text is None else [(str(v), text(v)) for v in values]
    return {"name": name, "label": label, "kind": "select", "match": match, "options": options}
