"""Turn YAML text into safe HTML: inline Markdown allowed, raw HTML shown as typed."""

from __future__ import annotations

import html
import re
from functools import cache, lru_cache

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .. import sanitize
from ..markup import unsafe_url


class _DropUnsafeLinks(Treeprocessor):
    """Remove script URLs; the checker refuses them, this keeps render safe on its own."""

    def run(self, root):
        for el in root.iter():
            for attr in ("href", "src"):
                if attr in el.attrib and unsafe_url(el.attrib[attr]):
                    del el.attrib[attr]


class _Safety(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_DropUnsafeLinks(md), "lms_drop_unsafe_links", 0)
        md.inlinePatterns.deregister("html", strict=False)  # raw HTML arrives escaped anyway


@cache
def _md() -> markdown.Markdown:
    return markdown.Markdown(extensions=[_Safety()], output_format="html")


_PARA = re.compile(r"^<p>(.*)</p>$", re.S)


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MARKUP = re.compile(r"[*_`\[\]\\!&<>]|^(#|[+*-]\s|\d+[.)]\s|[-*_]{3})")


@lru_cache(maxsize=65536)
def inline(text: str | None) -> Markup:
    """Render one line of YAML text as inline HTML."""
    if not text:
        return Markup("")
    line = " ".join(_CONTROL_CHARS.sub("", str(text)).split())
    if not _MARKUP.search(line):  # plain words: Markdown would only wrap them in <p>
        return Markup(_protect(line))
    md = _md()
    md.reset()
    out = md.convert(_block_markers(html.escape(line, quote=False)))
    m = _PARA.match(out)
    return Markup(_protect(sanitize.clean(m.group(1) if m else out)))  # before _protect: clean() decodes entities


# The page around this HTML is Markdown that MkDocs reads again: text must not turn into
# links ("\\[x\\](...)"), attribute lists ("{: onclick=...}") or emphasis on that second pass.
_MARKDOWN_CHARS = {c: f"&#{ord(c)};" for c in "[]*_`{}\\~^"}
_TEXT = re.compile(r"(^|>)([^<]+)")


def _protect(fragment: str) -> str:
    return _TEXT.sub(lambda m: m.group(1) + m.group(2).translate(str.maketrans(_MARKDOWN_CHARS)), fragment)


def _block_markers(line: str) -> str:
    """Keep a line that starts like a heading, list or rule as plain text."""
    numbered = re.match(r"(\d+)([.)]\s)", line)
    if numbered:
        return numbered.group(1) + "\\" + line[numbered.end(1):]
    if re.match(r"(#+|[+*-])(\s|$)|[-*_]{3,}\s*$", line):
        return "\\" + line
    return line


def heading(text: str | None) -> Markup:
    """Inline HTML for a page title (H1), with angle brackets shown as ‹ ›.

    Material writes the title into <title> through Jinja's striptags, which un-escapes
    entities: an escaped "</title><script>" would come back to life there.
    """
    return inline(str(text or "").replace("<", "‹").replace(">", "›"))


def plain(text: str | None) -> str:
    """HTML-escape text for places that take no markup (titles, attributes, YAML config)."""
    return html.escape(" ".join(str(text or "").split()), quote=True)


def decimal(value: float | None, lang: str, places: int = 2) -> str:
    """A number with a fixed count of decimals, a decimal comma in Indonesian; "–" for none."""
    if value is None:
        return "–"
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if lang == "id" else text
