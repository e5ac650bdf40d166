"""Any other Markdown page in the content folder: shown as written, linked from the home page (not a tab)."""

from __future__ import annotations

import jinja2

from .. import model
from ..render.catalogue import Catalogue
from ..render.page import plain_page
from .base import MARKDOWN, Kind


def pages(env: jinja2.Environment, site: Catalogue) -> dict[str, str]:
    lang = site.project.config.language
    return {e.page: plain_page(env, e, lang) for e in site.of_kind("page") if e.rel != "index.md"}


KIND = Kind("page", "", MARKDOWN, model.PageFrontMatter, "page", pages)
