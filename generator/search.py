"""The site's own search: what each page says, gathered while the engine builds, written as a sharded index.

Search does not use the engine's or the theme's search (Material's lunr worker ends with Material):
- while the engine builds, the plugin hands each page's HTML to Indexer.page, which keeps its
  searchable records: the page (its title and the text before the first subheading) and each
  section under an h2-h6 with an id, without code blocks;
- pages that only list others (catalogues, the tag index, a learner's records) are left out, so a
  word is found on the page that explains it;
- after the build, Indexer.write stems the whole site's words (generator/stemmer.py, Indonesian
  sites) and writes search/ as small script files (generator/shards.py) that the search box
  (generator/assets/lms-search.js) loads a few at a time, also from file://.

docs/search.md explains the rules and the index format.
"""

from __future__ import annotations

import fnmatch
import html as html_lib
import re
from pathlib import Path
from typing import NamedTuple

import yaml

from . import shards, write

ABBREVIATIONS = Path(__file__).parent / "data" / "search-abbreviations.yml"
_TAG = re.compile(r"<[^>]+>")
_SKIP = re.compile(r"<(pre|script|style|template)\b.*?</\1\s*>|<a\b[^>]*class=\"headerlink\"[^>]*>.*?</a>", re.S | re.I)
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1\s*>", re.S | re.I)
_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")
_EXCLUDED = re.compile(r"<([a-z][a-z0-9]*)\b[^>]*\sdata-search-exclude\b[^>]*>", re.I)


class Record(NamedTuple):
    """One searchable unit: a page (location without "#") or one of its sections."""

    location: str
    title: str
    text: str


def builtin_synonyms() -> list[list[str]]:
    """The built-in abbreviation groups (generator/data/search-abbreviations.yml), each short form first."""
    table = yaml.safe_load(ABBREVIATIONS.read_text(encoding="utf-8")) or {}
    return [[short, *longs] for short, longs in table.items()]


def synonym_groups(extra: list[list[str]] = ()) -> list[list[str]]:
    """The built-in groups and a site's own (search.synonyms), lower-cased, repeats and lone words dropped."""
    out = []
    for group in [*builtin_synonyms(), *extra]:
        members = [m for m in dict.fromkeys(" ".join(m.lower().replace("-", " ").split()) for m in group) if m]
        if len(members) >= 2:
            out.append(members)
    return out


def plain(fragment: str) -> str:
    """Text of an HTML fragment: tags off, entities read, white space made single."""
    return " ".join(html_lib.unescape(_TAG.sub(" ", fragment)).split())


def without_excluded(content: str) -> str:
    """content without the elements marked data-search-exclude (card lists, a quiz's answers), nested or not."""
    kept, start = [], 0
    while (m := _EXCLUDED.search(content, start)) is not None:
        tag, depth, end = m.group(1).lower(), 1, m.end()
        pattern = re.compile(rf"<(/?){tag}\b[^>]*>", re.I)
        while depth and (n := pattern.search(content, end)) is not None:
            depth += -1 if n.group(1) else 1
            end = n.end()
        kept.append(content[start:m.start()])
        start = end if not depth else len(content)
    kept.append(content[start:])
    return " ".join(kept)


def sections(url: str, title: str, content: str) -> list[Record]:
    """A page's records: the page with its text up to the first subheading, then each section.

    content is the page's converted Markdown (the engine's page content, already sanitized); code
    blocks, scripts and the headings' permalink marks are not searched.
    """
    content = _SKIP.sub(" ", without_excluded(content))
    out = [[url, " ".join(title.split()), []]]
    start = 0
    for m in _HEADING.finditer(content):
        out[-1][2].append(content[start:m.start()])
        start = m.end()
        anchor = _ID.search(m.group(2))
        if m.group(1) != "1" and anchor:
            out.append([f"{url}#{anchor.group(1)}", plain(m.group(3)), []])
        elif m.group(1) != "1":  # a heading without an anchor is text of its record; the h1 is the title
            out[-1][2].append(m.group(3))
    out[-1][2].append(content[start:])
    return [Record(location, heading, plain(" ".join(parts))) for location, heading, parts in out]


class Indexer:
    """Collects the records of each page the engine builds; writes the site's index when it has finished."""

    def __init__(self, language: str, synonyms: list[list[str]], hidden: tuple[str, ...] = ()) -> None:
        self.language, self.synonyms, self.hidden = language, synonyms, hidden
        self.records: dict[str, list[Record]] = {}  # page URL -> its records (none for a hidden page)
        self.memory: shards.Memory | None = None  # lms serve: what the last write made

    def page(self, url: str, title: str, content: str) -> None:
        """Keep a built page's records (hidden pages: none)."""
        searched = not any(fnmatch.fnmatchcase(url, pattern) for pattern in self.hidden)
        self.records[url] = sections(url, title, content) if searched else []

    def write(self, site: Path, order: list[str], keep: bool = False) -> None:
        """Write site/search/ from the records of the pages in order (the engine's page order).

        keep (lms serve): remember what was made for the next write, which redoes only what changed;
        files that did not change (their names carry their content's hash) are left where they are.
        """
        pages = [self.records[url] for url in order if self.records.get(url)]
        folder = site / "search"

        def sink(name: str, text: str) -> None:  # a name with its content's hash: already there is the same
            write.write_file(folder / name, text, overwrite=name == "index.js")

        names, memory = shards.files(pages, self.language, self.synonyms, sink, self.memory, keep)
        self.memory = memory if keep else None
        write.keep_only(folder, names)  # a dirty build (lms serve) keeps the site: old parts of the index go
