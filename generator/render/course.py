"""Course pages: the catalogue of courses, a page per course and a page per module."""

from __future__ import annotations

import hashlib

import jinja2
from markupsafe import Markup

from .. import data, sanitize
from ..model import Course
from ..structure import content_path
from . import catalogue
from .body import with_file_links, without_title
from .catalogue import Catalogue, to_root
from .page import select
from .quiz import quiz_hash

# A course's pages by a digest of everything they are made from: `lms serve` renders again only the
# courses an edit touched (1,000 modules: 0.5 s of each rebuild). Rendering stays a pure function.
_RENDERED: dict[str, dict[str, str]] = {}


def course_pages(env: jinja2.Environment, site: Catalogue) -> dict[str, str]:
    known = {c.id: c for c in site.courses}
    pages = {"kursus/index.md": env.get_template("courses.md.j2").render(
        courses=site.courses, filters=course_filters(env, site.courses))} if known else {}
    wanted = {}
    for course in site.courses:
        bodies = [_body(env, site, course, module) for module in course.modules]
        titles = [known[p].title if p in known else None for p in course.prerequisites]
        key = hashlib.sha256("\0".join([str(id(env)), course.model_dump_json(), *bodies, *map(str, titles)])
                             .encode("utf-8")).hexdigest()
        wanted[key] = _RENDERED.get(key) or _course(env, course, known, bodies)
        pages.update(wanted[key])
    _RENDERED.clear()
    _RENDERED.update(wanted)  # only the latest build's: memory stays the size of one site
    return pages


def forget() -> None:
    """Drop the kept pages (a one-off build needs them no more: its memory goes to the engine)."""
    _RENDERED.clear()


def _body(env: jinja2.Environment, site: Catalogue, course: Course, module) -> str:
    """A module page's text: the author's Markdown, or a link to the page that shows it first."""
    page = f"kursus/{course.id}/{module.id}.md"
    elsewhere = site.canonical(course, module)
    if elsewhere:  # one canonical page per piece of content: this one links to it
        title = site.entries[content_path(module.content)].title
        return env.get_template("reused.md.j2").render(url=catalogue.url(page, elsewhere), title=title)
    return sanitize.fence(without_title(with_file_links(site.project.content[content_path(module.content)],
                                                        to_root(page))))  # cleaned by the engine


def _course(env: jinja2.Environment, course: Course, known: dict[str, Course], bodies: list[str]) -> dict[str, str]:
    pages = {f"kursus/{course.id}/index.md": course_page(env, course, known)}
    for i, (module, body) in enumerate(zip(course.modules, bodies, strict=True)):
        pages[f"kursus/{course.id}/{module.id}.md"] = module_page(env, course, i, body)
    return pages


def course_filters(env: jinja2.Environment, courses: list[Course]) -> list[dict]:
    """Drop-downs for the course catalogue: category, competency, level and JP range."""
    return catalogue.addressed([
        select("category", "category", [c for c in data.categories() if any(x.category == c for x in courses)],
                     env.globals["category_label"]),
        select("competency", "competency", sorted({(c.competency, c.category) for c in courses}), None,
                     options=lambda pair: (pair[0], env.globals["competency_name"](*pair))),
        select("level", "level", sorted({c.level for c in courses}), str),
        select("jp", "jp", [("1-2", "1–2 JP"), ("3-4", "3–4 JP"), ("5-1000", "≥ 5 JP")], None, match="range"),
    ])


def course_page(env: jinja2.Environment, course: Course, known: dict[str, Course]) -> str:
    prerequisites = [
        {"id": p, "title": known[p].title if p in known else p, "url": f"../{p}/index.html" if p in known else None}
        for p in course.prerequisites
    ]
    return env.get_template("course.md.j2").render(course=course, prerequisites=prerequisites)


def module_page(env: jinja2.Environment, course: Course, index: int, body: str) -> str:
    modules = course.modules
    quiz = modules[index].quiz
    return env.get_template("module.md.j2").render(
        course=course,
        module=modules[index],
        quiz_hash=quiz_hash(quiz) if quiz else "",
        previous=modules[index - 1] if index > 0 else None,
        next=modules[index + 1] if index + 1 < len(modules) else None,
        body=Markup(without_title(body)),  # the trainer's Markdown: checked for scripts, not escaped
    )
