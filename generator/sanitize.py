"""The allowlist every author's HTML passes through: what is kept, what is removed, and fences around it.

Authors write Markdown; what it becomes (raw HTML and attribute lists included) is cleaned by nh3 (the
Rust `ammonia` sanitizer) against the list below: the tags and attributes Material and our Markdown
extensions produce. Everything else is removed, so a trick nobody has thought of yet is removed too.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

# The Markdown extensions of every page: mkdocs.yml (render) and the checker read this one list.
MARKDOWN_EXTENSIONS: list = ["attr_list", "tables", "admonition", "pymdownx.details",
                             "pymdownx.superfences", {"toc": {"permalink": True}}]

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
}) | frozenset(SVG := {"svg", "g", "line", "rect", "text", "tspan", "polyline", "polygon", "circle"})
# SVG drawn, never run: shapes and text (the charts `lms evaluate --format page` writes) without links,
# animation, <use>, <foreignObject> or <image>, which stay removed
# removed with everything inside: their content is code or another document, never text for the reader
DROP_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "math", "template",
                               "noscript", "textarea", "title", "xmp", "noembed", "noframes", "frameset",
                               "applet", "select"})
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "td": {"colspan", "rowspan", "align", "style"},  # style: the tables extension aligns columns with it
    "th": {"colspan", "rowspan", "align", "style", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "svg": {"viewBox", "width", "height", "role", "aria-label", "aria-hidden", "focusable"},
    **{tag: {"x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "points", "fill", "stroke",
             "stroke-width", "text-anchor", "dx", "dy", "transform"} for tag in SVG - {"svg"}},
}
ATTRIBUTE_VALUES = {"a": {"target": {"_blank", "_self"}}}  # a new tab, never a named frame
STYLE_PROPERTIES = frozenset({"text-align"})  # the only property the tables extension writes
SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# removals that mean script, a foreign document or a hijacked page: errors; anything else: a warning
DANGEROUS_TAGS = DROP_WITH_CONTENT | {"base", "form", "meta", "link", "input", "button", "frame", "animate",
                                      "set", "animatemotion", "animatetransform", "portal", "param", "source",
                                      "video", "audio", "track", "area", "map", "dialog", "foreignobject",
                                      "use", "image", "a"}
_URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "xlink:href", "data", "poster",
                             "background", "srcset", "ping", "values", "to", "from", "by", "srcdoc"})


def clean(html: str) -> str:
    """Return html with everything outside the allowlist removed."""
    return _cleaners()[0].clean(html)


@functools.cache
def _cleaners() -> tuple[nh3.Cleaner, nh3.Cleaner]:
    """The authors' allowlist and the wider one of the backstop, each built once (a fifth of a call's time)."""
    authors = nh3.Cleaner(
        tags=set(TAGS), clean_content_tags=set(DROP_WITH_CONTENT),
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        tag_attribute_values={t: {a: set(v) for a, v in av.items()} for t, av in ATTRIBUTE_VALUES.items()},
        url_schemes=set(SCHEMES), link_rel=None, filter_style_properties=set(STYLE_PROPERTIES), strip_comments=True)
    templates = nh3.Cleaner(
        tags=set(TEMPLATE_TAGS), clean_content_tags=set(DROP_WITH_CONTENT - {"noscript", "select"}),
        attributes={k: set(v) for k, v in TEMPLATE_ATTRIBUTES.items()}, generic_attribute_prefixes={"data-", "aria-"},
        url_schemes=set(SCHEMES), link_rel=None, filter_style_properties=set(STYLE_PROPERTIES), strip_comments=True)
    return authors, templates


@dataclass(frozen=True)
class Removal:
    """One thing clean() takes out: a tag, or an attribute (with its value) of a tag."""

    tag: str
    attribute: str | None = None
    value: str = ""

    @property
    def dangerous(self) -> bool:
        """True when what is removed could run script, load another document or take over the page."""
        if self.attribute is None:
            return self.tag in DANGEROUS_TAGS
        name = self.attribute
        return name.startswith("on") or name in _URL_ATTRIBUTES or name == "attributename"

    @property
    def construct(self) -> str:
        """How an author would recognise it: <iframe>, onclick=, href="javascript:...", style: color."""
        if self.attribute is None:
            return f"<{self.tag}>"
        if self.attribute.startswith("style:"):
            return f"style: {self.attribute[6:]}"
        if self.value and self.attribute in _URL_ATTRIBUTES:
            return f'{self.attribute}="{_short(self.value)}"'
        return f"{self.attribute}=" if self.value else self.attribute


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 40 else value[:37] + "..."


class _Tokens(HTMLParser):
    """Start tags and attributes of an HTML fragment, counted: what clean() removed is the difference."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: Counter = Counter()
        self.order: list[Removal] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._add(Removal(tag))
        for name, value in attrs:
            if name == "style":
                for prop in filter(None, (p.split(":", 1)[0].strip().lower() for p in (value or "").split(";"))):
                    self._add(Removal(tag, f"style:{prop}"))
            else:
                self._add(Removal(tag, name, value or ""))

    handle_startendtag = handle_starttag

    def _add(self, item: Removal) -> None:
        self.found[item] += 1
        self.order.append(item)


def _tokens(html: str) -> _Tokens:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser


def removed(html: str) -> list[Removal]:
    """What clean(html) takes out, in the order it appears: a removed tag stands for its attributes too.

    Comments are left out: clean() drops them, but they never reach a reader.
    """
    before = _tokens(html)
    after = _tokens(clean(html)).found
    out: list[Removal] = []
    tag_gone = False
    for item in before.order:
        kept = after[item] > 0
        if kept:
            after[item] -= 1
        if item.attribute is None:
            tag_gone = not kept
        if not kept and (item.attribute is None or not tag_gone):
            out.append(item)
    return out


# --- fences: the author's part of a page, marked so the engine cleans exactly that part

# an author's part between its markers (in the Markdown too, where verbatim.lift leaves it alone)
AUTHOR_PART = re.compile(r"<!-- lms-author:([0-9a-f]{32})( raw)? -->(.*?)(?:<!-- /lms-author:\1 -->|\Z)", re.S)
_RAW = re.compile(r"<!-- lms-author:[0-9a-f]{32} raw -->")  # a body with a "<" (no other can write this)


def digest(text: str) -> str:
    """A marker's name for text: 32 hex digits of its SHA-256 (no text can hold its own digest)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def fence(body: str) -> str:
    """Wrap an author's Markdown in marker comments the engine's plugin finds after conversion.

    The nonce is a digest of the body itself: the same body always gives the same page (reproducible
    builds), and no body can hold its own digest, so an author cannot write a marker that closes early.
    """
    nonce = digest(body)
    raw = " raw" if "<" in body else ""  # no "<", no raw HTML: nothing of it can move past the closing marker
    return f"\n\n<!-- lms-author:{nonce}{raw} -->\n\n{body}\n\n<!-- /lms-author:{nonce} -->\n\n"


def clean_fenced(html: str) -> str:
    """Clean every fenced part of a converted page with the authors' allowlist and drop the markers.

    A part whose closing marker was swallowed (an unclosed code fence) is cleaned to the end of the page.
    Markdown may still move a piece of raw HTML past its fence (an unclosed tag at the end of a body is
    flushed after everything else), so a page with an author's part that holds raw HTML (its marker
    says " raw": the body has a "<") then goes through the wider list our own templates need: forms and
    data attributes, still no script, handler or script URL. A body without "<" has no raw HTML to
    move (half of the sanitizer's time at 1,000 plain-text modules).
    """
    if "<!-- lms-author:" not in html:
        return html
    cleaned = AUTHOR_PART.sub(lambda m: clean(m.group(3)), html)
    return _backstop(cleaned) if _RAW.search(html) else cleaned


TEMPLATE_TAGS = TAGS | {"form", "fieldset", "legend", "label", "input", "button", "select", "option", "output",
                        "progress", "section", "nav", "noscript", "article", "aside", "header", "footer"}
TEMPLATE_ATTRIBUTES = {
    "*": ATTRIBUTES["*"] | {"role", "tabindex", "hidden"},
    **{tag: names for tag, names in ATTRIBUTES.items() if tag != "*"},
    "a": ATTRIBUTES["a"] | {"rel", "target"},
    "input": {"type", "name", "value", "min", "max", "maxlength", "inputmode", "autocomplete", "spellcheck",
              "accept", "checked", "disabled", "required", "placeholder", "step"},
    "button": {"type", "name", "value", "disabled"},
    "select": {"name", "disabled", "multiple"},
    "option": {"value", "selected"},
    "label": {"for"},
    "progress": {"value", "max"},
    "output": {"for", "name"},
}


def _backstop(html: str) -> str:
    return _cleaners()[1].clean(html)
