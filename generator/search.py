"""Indonesian search in Material's built-in search (lunr): the one place that knows its internals.

Material has no Indonesian: with `language: id` its search indexes words as written. After the
engine has built the site, this step (for Indonesian sites only):

- writes `assets/javascripts/lunr/min/lunr.id.min.js`, which Material's search worker loads for
  the language "id": our stemmer, stop words and query hook (`generator/assets/lunr.id.js`),
  with the site's vocabulary, gathered from the search index, filled in;
- switches the index's configuration to that language and its pipeline on (MkDocs' own option
  check would turn "id" back into "en", so it cannot be set in mkdocs.yml);
- runs as an MkDocs event between the search plugin and the offline plugin (engine.py), so the
  offline build's inlined copy of the index is made from this one by Material itself.

Nothing else depends on it: without this step (another engine) search still works, word for word.
"""

from __future__ import annotations

import fnmatch
import html
import json
import re
from pathlib import Path

import yaml

from .data import table
from .write import write_file

SCRIPT = Path(__file__).parent / "assets" / "lunr.id.js"
ABBREVIATIONS = Path(__file__).parent / "data" / "search-abbreviations.yml"
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[a-z]{3,}")


def vocabulary(docs: list[dict]) -> set[str]:
    """Every word of three letters or more in the indexed titles and texts, lower-cased."""
    words: set[str] = set()
    for doc in docs:
        text = html.unescape(_TAG.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}")).lower()
        words.update(_WORD.findall(text))
    return words


def builtin_synonyms() -> list[list[str]]:
    """The built-in abbreviation groups (generator/data/search-abbreviations.yml), each short form first."""
    table = yaml.safe_load(ABBREVIATIONS.read_text(encoding="utf-8")) or {}
    return [[short, *longs] for short, longs in table.items()]


def synonym_groups(extra: list[list[str]] = ()) -> list[list[str]]:
    """The built-in groups and a site's own (search.synonyms), lower-cased, repeats and lone words dropped."""
    out = []
    for group in [*builtin_synonyms(), *extra]:
        members = list(dict.fromkeys(" ".join(m.lower().replace("-", " ").split()) for m in group if m.strip()))
        if len(members) >= 2:
            out.append(members)
    return out


def script(words: set[str], synonyms: list[list[str]] | None = None) -> str:
    """The lunr language file for this site: the stemmer with the site's words and synonym groups in it."""
    groups = synonym_groups() if synonyms is None else synonyms
    text = {"didYouMean": table("ui")["search-did-you-mean"]["id"]}
    return (SCRIPT.read_text(encoding="utf-8")
            .replace("__SYNONYMS__", json.dumps(groups, ensure_ascii=False))
            .replace("__TEXT__", json.dumps(text, ensure_ascii=False))
            .replace("__VOCABULARY__", " ".join(sorted(words))))


def localize(site: Path, language: str, synonyms: list[list[str]] | None = None, hidden: tuple[str, ...] = ()) -> None:
    """Tidy the built site's search index; for an Indonesian site, make its search Indonesian.

    synonyms are the groups the site's search treats as one (default: the built-in abbreviations);
    hidden are patterns of pages (catalogues, records) whose entries leave the index: tidy().
    """
    index_file = site / "search" / "search_index.json"
    if not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    index["docs"] = tidy(index["docs"], hidden)
    if language == "id":
        index["config"]["lang"] = ["id"]
        index["config"]["pipeline"] = ["trimmer", "stopWordFilter", "stemmer"]
        language_file = site / "assets/javascripts/lunr/min/lunr.id.min.js"
        write_file(language_file, script(vocabulary(index["docs"]), synonyms), overwrite=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(index, separators=(",", ":"), default=str)  # as the search plugin writes it
    write_file(index_file, text, overwrite=True)  # the offline plugin inlines this file after us (engine.py)


_CODE_BLOCK = re.compile(r"<pre\b.*?</pre>", re.S)


def tidy(docs: list[dict], hidden: tuple[str, ...]) -> list[dict]:
    """The index without the pages that only list others (each text is found on its own page) and code blocks.

    A search for a word should land on the page that explains it, not on a catalogue card, a learner's
    record or a sample of YAML in the author guide.
    """
    out = []
    for doc in docs:
        if any(fnmatch.fnmatchcase(doc["location"].split("#", 1)[0], pattern) for pattern in hidden):
            continue
        text = doc.get("text", "")
        out.append({**doc, "text": _CODE_BLOCK.sub(" ", text)} if "<pre" in text else doc)
    return out
