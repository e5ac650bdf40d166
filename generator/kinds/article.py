"""Knowledge-base articles (content/pengetahuan/*.md), with tags and a tag index."""

from __future__ import annotations

import json

import jinja2

from .. import model
from ..render.catalogue import Catalogue, url
from ..render.page import body_of
from ..render.text import plain
from .base import MARKDOWN, Kind, Nav

SKELETON = """\
---
title: {title}
summary: Ringkasan tulisan dalam satu kalimat.
tags: []
date: {today}
status: draft                 # ubah menjadi published bila siap terbit
---
# {title}

Tulis isi tulisan di sini dengan Markdown.
"""


def pages(env: jinja2.Environment, site: Catalogue) -> dict[str, str]:
    """The knowledge-base list, its tag index (Material's tags plugin) and one page per article."""
    entries = site.of_kind("article")
    if not entries:
        return {}
    page = "pengetahuan/index.md"
    lang = site.project.config.language
    out = {page: env.get_template("articles.md.j2").render(entries=entries, link=lambda e: url(page, e.page)),
           "pengetahuan/tag.md": env.get_template("tags.md.j2").render()}
    for entry in entries:
        # Material prints tag names unescaped: escape them here, as for every other text
        tags = json.dumps([plain(t) for t in entry.front.tags], ensure_ascii=False)
        out[entry.page] = env.get_template("article.md.j2").render(entry=entry, tags=tags, body=body_of(entry, lang))
    return out


KIND = Kind("article", "pengetahuan", MARKDOWN, model.ArticleFrontMatter, "knowledge-base article", pages,
            nav=Nav(40, "knowledge"), reserved=frozenset({"pengetahuan/index.md", "pengetahuan/tag.md"}),
            scaffold=SKELETON)
