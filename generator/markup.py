"""Facts about an author's Markdown text: code to skip, links to files, the first heading, script URLs."""

from __future__ import annotations

import html
import posixpath
import re
from typing import NamedTuple


class Link(NamedTuple):
    """A relative link from a Markdown body to a file: where it is written and where it points."""

    start: int
    end: int
    url: str  # as written
    path: str  # relative to the content folder


UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def unsafe_url(url: str) -> bool:
    """True for URLs a browser would run as script (entities and whitespace as browsers see them)."""
    return _CONTROL.sub("", html.unescape(url)).lower().startswith(UNSAFE_SCHEMES)


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def mask_code(text: str) -> str:
    """Blank out fenced code blocks and code spans, keeping every other character in place."""
    if "`" not in text and "~~~" not in text:
        return text
    lines = text.split("\n")
    fence = None
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)[0] * len(m.group(1))
            lines[i] = " " * len(line)
        elif fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            lines[i] = " " * len(line)
        else:
            lines[i] = _CODE_SPAN.sub(lambda s: " " * len(s.group(0)), line)
    return "\n".join(lines)


_LOCAL_LINK = re.compile(r"""\]\(\s*<?([^)>\s]+)|\b(?:src|href)\s*=\s*["']([^"']+)["']""", re.I)
_NOT_A_FILE = re.compile(r"^([a-zA-Z][\w+.-]*:|/|#)")


def linked_files(rel: str, body: str, masked: str) -> tuple[Link, ...]:
    """Relative links from a Markdown file (rel: its path in the content folder) to other files.

    Links to pages (.md as written, .html as built), anchors and absolute URLs are not files of this kind.
    """
    if "](" not in body and "src" not in body and "href" not in body:
        return ()
    folder = posixpath.dirname(rel)
    out = []
    for m in _LOCAL_LINK.finditer(masked):
        g = 1 if m.group(1) is not None else 2
        url = m.group(g)
        target = re.split(r"[?#]", url, maxsplit=1)[0]
        if not target or _NOT_A_FILE.match(html.unescape(url)) or target.endswith((".md", ".html")):
            continue
        out.append(Link(m.start(g), m.end(g), url, posixpath.normpath(posixpath.join(folder, target))))
    return tuple(out)


_H1 = re.compile(r"^[ ]{0,3}# +(.+?)[ #]*$|^[ ]{0,3}(\S[^\n]*)\n[ ]{0,3}=+[ \t]*$", re.M)


def first_heading(masked: str) -> str | None:
    """The text of the first level-one heading (ATX or setext) of a body with its code masked."""
    found = _H1.search(masked)
    return (found.group(1) or found.group(2)).strip() if found else None
