"""Soft-skill modules (content/modul/*.md): read within a course, or on a page of their own."""

from __future__ import annotations

import jinja2

from .. import data, model
from ..problems import choice_hint
from ..render.catalogue import Catalogue, addressed, category_of, url
from ..render.page import body_of, select
from ..structure import ContentFile, text_at
from .base import MARKDOWN, Kind, Nav

SKELETON = """\
---
title: {title}
summary: Ringkasan modul dalam satu kalimat.
jp: 1                         # 1 JP = 45 menit
competency: komunikasi        # id kompetensi; untuk kompetensi teknis tambahkan category: teknis
level: 1                      # 1..5
tags: []
status: draft                 # ubah menjadi published bila siap terbit
---
# {title}

Tulis materi modul di sini dengan Markdown: paragraf, daftar, tabel, dan gambar.
"""


def rules(item: ContentFile, raw: dict, _context) -> list:
    """A module's competency must belong to its category (any fixed list when no category is given)."""
    category, competency = text_at(raw, "category"), text_at(raw, "competency")
    if competency is None or (category in data.categories() and data.is_free_category(category)):
        return []
    allowed = data.competency_ids(category) if category in data.categories() else data.fixed_competency_ids()
    if competency in allowed:
        return []
    hint, hint_params = choice_hint(competency, allowed)
    if hint == "hint-allowed-values" and category is None:
        hint = "hint-competency-teknis"
    return [item.front.problem(("competency",), "competency-unknown-any" if category is None else "competency-unknown",
                               {"value": competency, "category": category}, hint, hint_params)]


def facts(front: model.ModuleFrontMatter) -> dict:
    """The category is stated, or implied by the competency."""
    category = front.category or (category_of(front.competency) if front.competency else None)
    return {"jp": front.jp, "category": category, "competency": front.competency, "level": front.level}


def pages(env: jinja2.Environment, site: Catalogue) -> dict[str, str]:
    """The module catalogue, and a page for each module no course shows."""
    entries = site.of_kind("module")
    if not entries:
        return {}
    page = "modul/index.md"
    filters = addressed([
        select("competency", "competency", sorted({e.competency for e in entries if e.competency}),
               env.globals["competency_name"]),
        select("level", "level", sorted({e.level for e in entries if e.level}), str),
        select("jp", "jp", [("1-1", "1 JP"), ("2-2", "2 JP"), ("3-1000", "≥ 3 JP")], None, match="range"),
    ])
    out = {page: env.get_template("modules.md.j2").render(
        entries=entries, filters=filters, link=lambda e: url(page, e.page))}
    lang = site.project.config.language
    for entry in entries:
        if entry.course is None:
            out[entry.page] = env.get_template("module-page.md.j2").render(entry=entry, body=body_of(entry, lang))
    return out


KIND = Kind("module", "modul", MARKDOWN, model.ModuleFrontMatter, "soft-skill module", pages, rules, facts,
            Nav(20, "modules"), frozenset({"modul/index.md"}), SKELETON)
