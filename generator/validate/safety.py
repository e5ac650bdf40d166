"""Author text that could run script, and links to files that are not there."""

from __future__ import annotations

import re
from typing import Any

from ..markup import unsafe_url
from ..problems import Problem
from ..structure import ContentFile, Document

_MD_LINK = re.compile(r"\]\(\s*<?([^)>\s]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+)|<([a-zA-Z][\w+.-]*:[^>\s]*)>", re.M)
_SCRIPT = re.compile(r"<\s*script\b", re.I)
_HANDLER = re.compile(r"<[a-zA-Z][^>]*?[\s\"'/](on[a-zA-Z]+)\s*=", re.S)
_URL_ATTR = re.compile(r"""\b(?:href|src|action|formaction|xlink:href|data)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
HINTS = {"javascript-link": "hint-javascript-link", "asset-missing": "hint-asset-missing",
         "asset-outside": "hint-asset-outside"}


def yaml_links(doc: Document) -> list[Problem]:
    """Markdown link targets in YAML text that would run script."""
    out = []

    def walk(value: Any, loc: tuple) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, loc + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, loc + (i,))
        elif isinstance(value, str) and ":" in value:
            for m in _MD_LINK.finditer(value):
                if unsafe_url(next(g for g in m.groups() if g is not None)):
                    out.append(doc.problem(loc, "javascript-link", {}, "hint-javascript-link"))
                    return

    walk(doc.data, ())
    return out


def content_rules(item: ContentFile, assets: frozenset[str] = frozenset()) -> list[Problem]:
    """Unsafe HTML and links to missing files in one Markdown file."""
    found: list[tuple[int, str, dict]] = []
    text = item.masked
    if "<" in text:  # cheap tests first: most pages have no raw HTML at all
        found += [(m.start(), "script-tag", {}) for m in _SCRIPT.finditer(text)]
        found += [(m.start(1), "event-handler", {"attr": m.group(1)}) for m in _HANDLER.finditer(text)]
        found += [(m.start(1), "javascript-link", {}) for m in _URL_ATTR.finditer(text)
                  if unsafe_url(m.group(1).strip("\"'"))]
    for m in _MD_LINK.finditer(text) if ":" in text else ():
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        if unsafe_url(m.group(g)):
            found.append((m.start(g), "javascript-link", {}))
    for link in item.links:
        if link.path.startswith("../") or link.path == "..":
            found.append((link.start, "asset-outside", {"path": link.url}))
        elif link.path not in assets:
            found.append((link.start, "asset-missing", {"path": link.path}))
    return [item.problem_at(index, code, params, HINTS.get(code, "hint-unsafe-html"), params)
            for index, code, params in found]
