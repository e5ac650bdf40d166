"""Indonesian search in Material's built-in search (lunr): the one place that knows its internals.

Material has no Indonesian: with `language: id` its search indexes words as written. After the
engine has built the site, this step (for Indonesian sites only):

- writes `assets/javascripts/lunr/min/lunr.id.min.js`, which Material's search worker loads for
  the language "id": our stemmer, stop words and query hook (`generator/assets/lunr.id.js`),
  with the site's vocabulary, gathered from the search index, filled in;
- switches the index's configuration to that language and its pipeline on (MkDocs' own option
  check would turn "id" back into "en", so it cannot be set in mkdocs.yml);
- rewrites the offline build's inlined copy of the index (`search_index.js`) to match.

Nothing else depends on it: without this step (another engine) search still works, word for word.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from .write import write_file

SCRIPT = Path(__file__).parent / "assets" / "lunr.id.js"
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[a-z]{4,}")


def vocabulary(docs: list[dict]) -> set[str]:
    """Every word of four letters or more in the indexed titles and texts, lower-cased."""
    words: set[str] = set()
    for doc in docs:
        text = html.unescape(_TAG.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}")).lower()
        words.update(_WORD.findall(text))
    return words


def script(words: set[str]) -> str:
    """The lunr language file for this site: the stemmer with the site's words in it."""
    return SCRIPT.read_text(encoding="utf-8").replace("__VOCABULARY__", " ".join(sorted(words)))


def localize(site: Path, language: str) -> None:
    """Turn the built site's search into Indonesian search (a no-op for other languages)."""
    index_file = site / "search" / "search_index.json"
    if language != "id" or not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    index["config"]["lang"] = ["id"]
    index["config"]["pipeline"] = ["trimmer", "stopWordFilter", "stemmer"]
    write_file(site / "assets/javascripts/lunr/min/lunr.id.min.js", script(vocabulary(index["docs"])), overwrite=True)
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    write_file(index_file, text, overwrite=True)
    inlined = site / "search" / "search_index.js"
    if inlined.is_file():  # the offline plugin's copy, made before this step ran
        write_file(inlined, f"var __index = {text}", overwrite=True)
