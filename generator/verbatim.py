"""Our generated HTML blocks go around Markdown: marked by render, lifted out before conversion, put back after.

Python-Markdown parses every raw HTML block it meets (html.parser, in Python) only to pass it on
unchanged, and MkDocs parses each one again to find its ids: half of the engine's time on a site of
quizzes and catalogues. The blocks our templates write (quizzes, course outlines, card lists) need
neither, so:

- render wraps each such block in marker comments: mark(html), as the `verbatim` template filter;
- the engine's plugin, before conversion (on_page_markdown), swaps each marked block for a
  placeholder comment: lift(markdown);
- after conversion (on_page_content), each placeholder becomes its block again: restore(html, lifted),
  before the sanitizer and the search index see the page; the ids in the blocks go to the engine's
  list of the page's anchors, as if Markdown had read them: ids(lifted).

A marker names the digest of its block, and lift() takes a block only when its digest matches and
only outside the authors' bodies (their fences, sanitize.fence): a marked block copied into a body
is converted and cleaned with the rest of the body. A placeholder carries a digest of the whole
page's Markdown, which no author can write into the page (as with the bodies' own markers), and
which keeps builds reproducible. A build tree read by plain MkDocs (no plugin) renders the same
pages, with the markers left in them as comments.
"""

from __future__ import annotations

import html as html_lib
import re

from markupsafe import Markup

from .sanitize import AUTHOR_PART, digest

_BLOCK = re.compile(r"<!-- lms-html:([0-9a-f]{32}) -->\n(.*?)\n<!-- /lms-html:\1 -->", re.S)
_LIFTED = re.compile(r"<!-- lms-lifted:[0-9a-f]{32}:[0-9]+ -->")
_ID = re.compile(r"""\sid="([^"]*)\"""")  # our templates quote every attribute with "


def mark(html: str) -> Markup:
    """A generated HTML block (one or more whole elements) between markers, as its own Markdown block."""
    html = str(html).strip("\n")
    if not html:
        return Markup("")
    key = digest(html)
    return Markup(f"<!-- lms-html:{key} -->\n{html}\n<!-- /lms-html:{key} -->")


def lift(markdown: str) -> tuple[str, dict[str, str]]:
    """The Markdown with each marked block outside the authors' bodies (whose digest matches) replaced by
    a placeholder; the blocks by placeholder."""
    if "<!-- lms-html:" not in markdown:
        return markdown, {}
    lifted: dict[str, str] = {}
    token = digest(markdown)  # the page's own: an author cannot write a placeholder that restore() takes

    def swap(m: re.Match) -> str:
        if digest(m.group(2)) != m.group(1):
            return m.group(0)  # not a block render marked: Markdown converts it as it is
        placeholder = f"<!-- lms-lifted:{token}:{len(lifted)} -->"
        lifted[placeholder] = m.group(2)
        return placeholder

    out, start = [], 0
    for body in AUTHOR_PART.finditer(markdown):  # an author's body is always converted (and then cleaned)
        out += [_BLOCK.sub(swap, markdown[start:body.start()]), body.group(0)]
        start = body.end()
    out.append(_BLOCK.sub(swap, markdown[start:]))
    return "".join(out), lifted


def restore(html: str, lifted: dict[str, str]) -> str:
    """The converted page with each placeholder lift() made replaced by its block."""
    if not lifted:
        return html
    return _LIFTED.sub(lambda m: lifted.get(m.group(0), m.group(0)), html)


def ids(lifted: dict[str, str]) -> set[str]:
    """The ids in the lifted blocks: anchors a link may point to."""
    return {html_lib.unescape(found) for block in lifted.values() for found in _ID.findall(block)}
