"""The trainer's Markdown as it goes onto a page: own title dropped, file links pointing at the copies."""

from __future__ import annotations

import re

from ..structure import ContentFile

FILES = "konten"  # where files linked from Markdown go in the build tree, under their content/ path


def with_file_links(item: ContentFile, prefix: str) -> str:
    """The Markdown body with relative links to files pointing at their copies in the build tree.

    prefix leads from the page to the root of the site, e.g. "../../".
    """
    body = item.body
    for start, end, url, path in reversed(item.links):
        suffix = url[len(re.split(r"[?#]", url, maxsplit=1)[0]):]
        body = body[:start] + f"{prefix}{FILES}/{path}{suffix}" + body[end:]
    return body


_LEADING_H1 = re.compile(r"\A\s*# [^\n]*\n?|\A\s*[^\n]+\n=+[ \t]*(\n|\Z)")


def without_title(body: str) -> str:
    """Drop the content file's own leading H1: the module title from YAML heads the page."""
    return _LEADING_H1.sub("", body, count=1).strip("\n")
