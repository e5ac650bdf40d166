"""Author text the sanitizer would change, links to files that are not there, and nesting too deep to render.

The checker renders a body as the engine would (python-markdown, the same extensions) and asks the
sanitizer what it would remove: check and build agree because they run the same allowlist.
"""

from __future__ import annotations

import html
import re
from functools import cache
from typing import Any

import markdown

from .. import sanitize
from ..markup import unsafe_url
from ..problems import WARNING, Problem
from ..structure import ContentFile, Document

MAX_DEPTH = 20  # nested lists and quotes; python-markdown recurses per level and fails near 300
MAX_HTML_DEPTH = 200  # nested raw HTML elements: nobody writes 200; 10,000 take the sanitizer a second

_MD_LINK = re.compile(r"\]\(\s*<?([^)>\s]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+)|<([a-zA-Z][\w+.-]*:[^>\s]*)>", re.M)
# a link target or reference definition (in a quote too) whose address starts with a scheme
_SCHEMED = re.compile(r"\]\(\s*<?\s*([a-zA-Z][\w+.-]*):|\]:\s*<?\s*([a-zA-Z][\w+.-]*):")
_SAFE_SCHEMES = sanitize.SCHEMES
HINTS = {"javascript-link": "hint-javascript-link", "asset-missing": "hint-asset-missing",
         "asset-outside": "hint-asset-outside", "html-removed": "hint-html-removed",
         "link-scheme": "hint-link-scheme", "nesting-too-deep": "hint-nesting-too-deep",
         "html-too-deep": "hint-nesting-too-deep"}


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
    """What the sanitizer would remove from one Markdown file, its links to missing files, its nesting."""
    found: list[tuple[int, str, dict]] = []
    deep = nesting(item.masked)
    if deep is not None:
        found.append(deep)
    elif might_change(item.masked):  # a body too deep to render is reported once, not rendered
        found += removals(item)
    for link in item.links:
        if link.path.startswith("../") or link.path == "..":
            found.append((link.start, "asset-outside", {"path": link.url}))
        elif link.path not in assets:
            found.append((link.start, "asset-missing", {"path": link.path}))
    return [item.problem_at(index, code, params, HINTS.get(code, "hint-unsafe-html"), params,
                            WARNING if code in ("html-removed", "link-scheme") else "error")
            for index, code, params in found]


def might_change(text: str) -> bool:
    """Cheap test first: only raw HTML, attribute lists, entities or schemed links can give removals."""
    if "<" in text or "{" in text or "&" in text:
        return True
    return any((m.group(1) or m.group(2)).lower() not in _SAFE_SCHEMES for m in _SCHEMED.finditer(text))


@cache
def _markdown() -> markdown.Markdown:
    names = [e if isinstance(e, str) else next(iter(e)) for e in sanitize.MARKDOWN_EXTENSIONS]
    configs = {k: v for e in sanitize.MARKDOWN_EXTENSIONS if isinstance(e, dict) for k, v in e.items()}
    return markdown.Markdown(extensions=names, extension_configs=configs)


def removals(item: ContentFile) -> list[tuple[int, str, dict]]:
    """Each thing the sanitizer would remove from the rendered body, located in the Markdown."""
    md = _markdown()
    md.reset()
    rendered = md.convert(item.body)
    cursors: dict[str, int] = {}
    return [(_locate(item.masked, r, cursors), *_code(r)) for r in sanitize.removed(rendered)]


def _code(r: sanitize.Removal) -> tuple[str, dict]:
    """The message for one removal: errors for what could run or load something, warnings otherwise."""
    if r.attribute is None:
        if r.tag == "script":
            return "script-tag", {}
        return ("unsafe-html" if r.dangerous else "html-removed"), {"construct": r.construct}
    if r.attribute.startswith("on"):
        return "event-handler", {"attr": r.attribute}
    if r.attribute in ("href", "src") and r.value:
        if unsafe_url(r.value):
            return "javascript-link", {}
        return "link-scheme", {"url": r.construct.split('="', 1)[1].rstrip('"')}
    return ("unsafe-html" if r.dangerous else "html-removed"), {"construct": r.construct}


def _locate(text: str, r: sanitize.Removal, cursors: dict[str, int]) -> int:
    """Where a removal was written: its tag, its value as written, or its attribute name; else the start."""
    if r.attribute is None:
        patterns = [rf"<\s*{re.escape(r.tag)}(?![\w-])"]
    else:
        name = r.attribute.split(":", 1)[1] if r.attribute.startswith("style:") else r.attribute
        patterns = [re.escape(r.value)] if r.value and r.attribute in ("href", "src") else []
        patterns += [rf"(?<![\w-]){re.escape(r.attribute)}\s*=\s*[\"']?" if not r.attribute.startswith("style:")
                     else rf"(?<![\w-]){re.escape(name)}\s*:",
                     rf"(?<![\w-]){re.escape(name)}(?![\w-])"]
    for pattern in patterns:
        key = f"{r.tag}|{pattern}"
        m = re.compile(pattern, re.I).search(text, cursors.get(key, 0))
        if m is None and r.value and pattern == patterns[0]:
            m = _entity_encoded(text, r.value, cursors.get(key, 0))
        if m is not None:
            cursors[key] = m.end()
            at = m.end() if pattern.endswith("[\"']?") else m.start()
            return at - 1 if r.value and at > 0 and text[at - 1] in "\"'" else at  # an attribute: its quote
    return 0


def _entity_encoded(text: str, value: str, start: int) -> re.Match | None:
    """A value written with entities (jav&#x61;script:): find the first quoted or linked text that decodes to it."""
    for m in _QUOTED.finditer(text, start):
        written = next(g for g in m.groups() if g is not None)
        if html.unescape(written).strip() == value.strip():
            return re.compile(re.escape(written)).search(text, m.start())
    return None


_QUOTED = re.compile(r"\"([^\"]*)\"|'([^']*)'|\]\(\s*<?([^\s>]+)|\]:\s*<?(\S+)")


_LEAD = re.compile(r"[ \t]*((?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)*)")


def nesting(text: str) -> tuple[int, str, dict] | None:
    """The first place (index, code, params) where lists and quotes nest deeper than MAX_DEPTH, if any.

    A level is a quote marker, a list marker or four spaces of indentation, as python-markdown counts;
    raw HTML elements count too (the sanitizer's parser slows down sharply past a few thousand).
    """
    html_deep = _html_nesting(text) if "<" in text else None
    if html_deep is not None:
        return html_deep
    index = 0
    for line in text.split("\n"):
        stripped = line.lstrip(" \t")
        indent = len(line.expandtabs(4)) - len(stripped.expandtabs(4)) if stripped else 0
        depth = indent // 4 + len(re.findall(r">|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])", _LEAD.match(line).group(1)))
        if depth > MAX_DEPTH:
            return index, "nesting-too-deep", {"depth": depth, "limit": MAX_DEPTH}
        index += len(line) + 1
    return None


_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^<>]*?(/?)>")
# void elements and those whose end tag may be left out: they never nest by being left open
_FLAT = frozenset("area base br col embed hr img input link meta source track wbr p li td th tr dt dd option "
                  "thead tbody tfoot colgroup rp rt".split())


def _html_nesting(text: str) -> tuple[int, str, dict] | None:
    depth = 0
    for m in _TAG.finditer(text):
        if m.group(2).lower() in _FLAT or m.group(3):
            continue
        depth = max(depth - 1, 0) if m.group(1) else depth + 1
        if depth > MAX_HTML_DEPTH:
            return m.start(), "html-too-deep", {"limit": MAX_HTML_DEPTH}
    return None
