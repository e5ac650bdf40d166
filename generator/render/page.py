"""Pieces every kind's pages use: the author's body under its title, a plain page, a filter drop-down."""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from .. import sanitize, schema
from .body import with_file_links, without_title
from .catalogue import Entry, to_root

REFERENCE = "<!-- lms:reference -->"  # a page may ask for the format reference, generated so it never drifts


def body_of(entry: Entry, lang: str) -> Markup:
    """The author's Markdown under its page's title, fenced for the sanitizer, not escaped."""
    body = without_title(with_file_links(entry.item, to_root(entry.page)))
    if REFERENCE in body:
        # the reference's sections are h4 under the page's h2: one level down only (axe: heading-order)
        body = body.replace(REFERENCE, schema.reference_markdown(lang).replace("#### ", "### "))
    return Markup(sanitize.fence(body))  # the engine cleans exactly the fenced part (sanitize.py)


def plain_page(env: jinja2.Environment, entry: Entry, lang: str) -> str:
    return env.get_template("page.md.j2").render(entry=entry, body=body_of(entry, lang))


def select(name: str, label: str, values: list, text, match: str = "eq", options=None) -> dict:
    """A filter drop-down; values are (value, text) pairs when text is None, or made by options()."""
    if options is not None:
        options = [options(v) for v in values]
    else:
        options = list(values) if text is None else [(str(v), text(v)) for v in values]
    return {"name": name, "label": label, "kind": "select", "match": match, "options": options}
