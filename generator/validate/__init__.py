"""Rules: turn what was read into a typed project, or every problem at once.

Only the pipeline imports this package; render and the kinds read the checked Project (structure.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import kinds, model
from ..kinds import Context
from ..problems import WARNING, Problem
from ..structure import Document, Project, Sources, build_date, text_at
from .content import front_matter, theme_files
from .course import course_rules, draft_content_rules, prerequisite_rules, users
from .placeholders import placeholder_rules
from .safety import content_rules, yaml_links
from .translate import structure


def language(sources: Sources) -> str:
    """The language for messages: the site's, or Indonesian when it cannot be read."""
    raw = sources.config.data if sources.config else None
    return "en" if isinstance(raw, dict) and raw.get("language") == "en" else "id"


def validate(sources: Sources, today: dt.date | None = None) -> tuple[Project | None, list[Problem]]:
    """Apply every rule; return the project (None when there are errors) and all problems.

    today is the build date that review dates are measured against (default: build_date()).
    """
    problems = list(sources.problems)
    config, found = _config(sources)
    problems += found
    courses, by_id, found = _courses(sources)
    problems += found
    context = Context(by_id, users(by_id), today or build_date())
    fronts, kind_names = {}, {}
    for rel, item in sources.content.items():
        kind = kinds.of_markdown(rel)
        kind_names[rel] = kind.name
        fronts[rel], found = front_matter(item, kind, context)
        problems += found + content_rules(item, sources.assets)
    problems += draft_content_rules(by_id, sources.content)
    collections, found = _collections(sources, context)
    problems += found
    problems += placeholder_rules(sources, context)
    if config is None or any(p.severity != WARNING for p in problems):
        return None, problems
    return Project(sources.root, config, courses, sources.content, fronts, kind_names, collections,
                   sources.content_dir), problems


def _config(sources: Sources) -> tuple[model.SiteConfig | None, list[Problem]]:
    if sources.config is None:
        return None, []
    config, found = structure(sources.config, model.SiteConfig)
    found += yaml_links(sources.config)
    if config is not None:
        found += theme_files(config, sources.config, sources.root)
    return config, found


def _courses(sources: Sources) -> tuple[list[model.Course], dict[str, Document], list[Problem]]:
    """Every course checked on its own, then ids across courses and prerequisites."""
    courses, problems, seen = [], [], {}
    for doc in sources.courses:
        course, found = structure(doc, model.Course)
        problems += found + yaml_links(doc) + course_rules(doc, sources.content)
        if course is not None:
            courses.append(course)
        cid = text_at(doc.data, "id")
        if cid in seen:
            problems.append(doc.problem(("id",), "duplicate-course", {"id": cid, "other": seen[cid].path},
                                        "hint-unique-id"))
        elif cid is not None:
            seen[cid] = doc
    return courses, seen, problems + prerequisite_rules(seen)


def _collections(sources: Sources, context: Context) -> tuple[dict[str, list[Any]], list[Problem]]:
    """The YAML kinds (service standards, learning paths): the model's verdict and the kind's rules."""
    out, problems = {}, []
    for kind in kinds.REGISTRY:
        if kind.source != kinds.YAML:
            continue
        docs = sources.collections.get(kind.name, [])
        out[kind.name] = []
        for doc in docs:
            item, found = structure(doc, kind.model)
            problems += found + yaml_links(doc)
            if item is not None:
                out[kind.name].append(item)
        problems += kind.rules(docs, context)
    return out, problems
