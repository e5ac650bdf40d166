"""Learning paths (content/jalur-belajar/*.yml): an ordered list of courses for one audience."""

from __future__ import annotations

import jinja2

from .. import model
from ..problems import WARNING, choice_hint
from ..render.catalogue import Catalogue
from ..structure import Document, items_at, text_at
from .base import YAML, Context, Kind, id_file_rule


def rules(docs: list[Document], context: Context) -> list:
    """Known, published courses, each once, every prerequisite before the course needing it; unique ids."""
    out: list = []
    seen: dict[str, str] = {}
    for doc in docs:
        out += _courses(doc, context.courses)
        out += id_file_rule(doc)
        pid = text_at(doc.data, "id")
        if pid in seen:
            out.append(doc.problem(("id",), "duplicate-path", {"id": pid, "other": seen[pid]}, "hint-unique-id"))
        elif pid is not None:
            seen[pid] = doc.path
    return out


def _courses(doc: Document, courses) -> list:
    out = []
    listed = [c if isinstance(c, str) else None for c in items_at(doc.data, "courses")]
    published = text_at(doc.data, "status") != "draft"
    for i, cid in enumerate(listed):
        if cid is None:
            continue
        if cid not in courses:
            hint, hint_params = choice_hint(cid, sorted(courses))
            out.append(doc.problem(("courses", i), "path-course-unknown", {"id": cid},
                                   "hint-known-courses" if hint == "hint-allowed-values" else hint, hint_params))
        elif listed.index(cid) < i:
            out.append(doc.problem(("courses", i), "path-course-twice", {"id": cid}, "hint-duplicate-item"))
        else:
            out += _order(doc, i, cid, listed, courses, published)
    return out


def _order(doc: Document, i: int, cid: str, listed: list, courses, published: bool) -> list:
    out = []
    if published and text_at(courses[cid].data, "status") == "draft":
        out.append(doc.problem(("courses", i), "path-course-draft", {"id": cid}, "hint-path-course-draft",
                               {"id": cid}))
    for pre in items_at(courses[cid].data, "prerequisites"):
        if pre in listed and listed.index(pre) > i:
            out.append(doc.problem(("courses", i), "path-order", {"id": cid, "pre": pre}, "hint-path-order",
                                   {"id": cid, "pre": pre}))
        elif isinstance(pre, str) and pre in courses and pre not in listed:
            out.append(doc.problem(("courses", i), "path-prerequisite-missing", {"id": cid, "pre": pre},
                                   "hint-path-prerequisite-missing", {"pre": pre}, WARNING))
    return out


def pages(env: jinja2.Environment, site: Catalogue) -> dict[str, str]:
    """The list of learning paths and a page per path (in the courses tab, after the learner's progress)."""
    paths = site.project.published_of("path")
    if not paths or not site.courses:
        return {}
    known = {c.id: c for c in site.courses}
    totals = {p.id: sum(known[c].jp for c in p.courses) for p in paths}
    out = {"jalur/index.md": env.get_template("paths.md.j2").render(paths=paths, totals=totals)}
    for path in paths:
        out[f"jalur/{path.id}.md"] = env.get_template("path.md.j2").render(
            path=path, courses=[known[c] for c in path.courses])
    return out


KIND = Kind("path", "jalur-belajar", YAML, model.LearningPath, "learning path", pages, rules,
            reserved=frozenset({"jalur/"}))
