"""The search index as the browser reads it: a small manifest, term shards and record chunks, each a script.

The whole index never travels: a query loads the manifest once, the one or two shards that hold its
words' terms, and the chunks that hold the records it shows. Every file is a script calling
`__lmsSearch(name, data)` (not JSON: a page opened from file:// cannot fetch()), and every name but
the manifest's carries a hash of its content, so a browser never mixes two builds.

- `search/index.js` (name "index"): {"lang", "records", "chunk", "keys": {shard key: hash},
  "chunks": [hash...], "stop": [stop words], "groups": [[synonym group]...]}.
- `search/t/<key>.<hash>.js` (name "t/<key>"): the terms starting with key (the longest key of the
  manifest that starts a term holds it): {"t": {term: [page, section, weight, page, section,
  weight...]} (page numbers as gaps from the previous one; section 0 is the page's own record),
  "r": {site word: its roots, where they are not the word itself}, "c": {site word: [the two
  parts of a closed compound]}, "v": {term: votes, where not 1}, "x": [terms that are roots but
  no site word]}. A shard splits by one more letter past LIMIT.
- `search/d/<n>.<hash>.js` (name "d/<n>"): pages n*CHUNK...: each a list of its records
  [location, title, teaser], the page's own first, then its sections.

Terms of a word: the word as written, the parts of a hyphenated word, and on Indonesian sites its
roots, the parts of a closed compound and its synonym group's key ("_synN"); a phrase of a group adds
the key at its first word. A weight is the term's count in the record (at most 7) plus 10 in its title.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import re
from collections import Counter, defaultdict
from operator import itemgetter, sub

from .stemmer import Stemmer

LIMIT = 24_000  # characters of a shard's JSON before it splits by one more letter
CHUNK = 8  # pages per chunk: a result list of ten pages loads a few small files
MAX_POSTINGS = 2_000  # per term, the heaviest: a stop word on every page lists no more
TEASER = 320  # characters of a record's text shown under its title in the results
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")  # the browser's: /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu
_SAFE_KEY = re.compile(r"^[a-z0-9_]*$")
_WORD = re.compile(r"[a-z]{3,}")


def vocabulary(records: list) -> set[str]:
    """The site's words, the stemmer's dictionary: every word of three letters or more, lower-cased."""
    words: set[str] = set()
    for record in records:
        words.update(_WORD.findall(f"{record.title} {record.text}".lower()))
    return words


def tokens(text: str) -> list[str]:
    """The words of a text as the index and the search box read them: lower case, hyphenated words whole."""
    return _TOKEN.findall(text.lower())


class Terms:
    """The index terms of each word of one site (memoised: a site repeats its words).

    With keep, the weights of each record are remembered too: `lms serve` keeps one Terms while the
    site's words stay the same, so a rebuild only weighs the records an edit changed.
    """

    def __init__(self, language: str, vocabulary: set[str], groups: list[list[str]], keep: bool = False) -> None:
        self.key = (language, frozenset(vocabulary), tuple(map(tuple, groups)))
        self.stemmer = Stemmer(vocabulary, groups) if language == "id" else None
        self.memo: dict[str, tuple[str, ...]] = {}
        self.weighed: dict | None = {} if keep else None

    def of(self, word: str) -> tuple[str, ...]:
        """The word and the terms it adds (parts, roots, compound parts, group key), no repeats."""
        found = self.memo.get(word)
        if found is None:
            out = [word, *(p for p in word.split("-") if p)] if "-" in word else [word]
            if self.stemmer is not None:
                out += self.stemmer.roots(word)
                out += self.stemmer.compound(word) or ()
                key = self.stemmer.group_of(word)
                out += [key] if key else []
            found = self.memo[word] = tuple(dict.fromkeys(out))
        return found

    def phrase_keys(self, words: list[str]) -> list[str]:
        """The group keys of the synonym phrases in a run of words (Indonesian sites)."""
        return self.stemmer.phrase_keys(words) if self.stemmer is not None else []


def postings(pages: list[list], terms: Terms) -> dict[str, list[tuple[int, int, int]]]:
    """term -> [(page, section, weight)] in page order, at most MAX_POSTINGS (the heaviest)."""
    out: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for number, records in enumerate(pages):
        for section, record in enumerate(records):
            for term, weight in weights(record, terms).items():
                out[term].append((number, section, weight))
    for term, found in out.items():
        if len(found) > MAX_POSTINGS:
            out[term] = sorted(heapq.nlargest(MAX_POSTINGS, found, key=itemgetter(2)))
    return out


def weights(record, terms: Terms) -> dict[str, int]:
    """Each term of a record: its count (at most 7), plus 10 when its title has it."""
    if terms.weighed is not None:
        found = terms.weighed.get(record)
        if found is None:
            found = terms.weighed[record] = _weights(record, terms)
        return found
    return _weights(record, terms)


def _weights(record, terms: Terms) -> dict[str, int]:
    heading, body = tokens(record.title), tokens(record.text)
    counts: dict[str, int] = defaultdict(int)
    for key in terms.phrase_keys(heading) + terms.phrase_keys(body):
        counts[key] += 1
    of = terms.of
    for word, n in Counter(heading + body).items():
        for term in of(word):
            counts[term] += n
    titled = {term for word in set(heading) for term in of(word)}
    return {term: min(n, 7) + (10 if term in titled else 0) for term, n in counts.items()}


def entries(pages: list[list], language: str, groups: list[list[str]], last: Terms | None = None,
            keep: bool = False) -> tuple[dict[str, dict], Terms]:
    """Each term's entry: its postings as page gaps, and what the browser needs to read words it has not seen.

    last is the previous build's Terms (lms serve): used again when the site's words are the same.
    """
    words = vocabulary([r for records in pages for r in records])
    same = last is not None and last.key == (language, frozenset(words), tuple(map(tuple, groups)))
    terms = last if same else Terms(language, words, groups, keep)
    out: dict[str, dict] = {}
    for term, found in postings(pages, terms).items():
        pages = [number for number, _, _ in found]
        gaps = map(sub, pages, [0, *pages[:-1]])
        flat = [x for gap, (_, section, weight) in zip(gaps, found, strict=True) for x in (gap, section, weight)]
        entry = out[term] = {"t": flat}
        if terms.stemmer is None or term.startswith("_"):
            continue
        if term in words:
            roots = terms.stemmer.roots(term)
            if roots != [term]:
                entry["r"] = roots
            parts = terms.stemmer.compound(term)
            if parts:
                entry["c"] = list(parts)
        elif term.isalpha() and term.isascii():
            entry["x"] = 1
        votes = terms.stemmer.votes.get(term, 0)
        if votes != 1:
            entry["v"] = votes
    return out, terms


def split(terms: list[str], sizes: dict[str, int], key: str = "") -> list[tuple[str, list[str]]]:
    """Shards of sorted terms that all start with key: one shard, or one per next letter past LIMIT."""
    if sum(sizes[t] for t in terms) <= LIMIT or len(terms) == 1:
        return [(key, terms)]
    depth = len(key)
    out = [(key, [t for t in terms if len(t) <= depth])] if any(len(t) <= depth for t in terms) else []
    by_letter: dict[str, list[str]] = defaultdict(list)
    for term in terms:
        if len(term) > depth:
            by_letter[term[depth]].append(term)
    for letter in sorted(by_letter):
        out += split(by_letter[letter], sizes, key + letter)
    return out


def script(name: str, data) -> tuple[str, str]:
    """The file text for one part of the index, and the short hash of its content."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")  # inert anywhere
    return f"__lmsSearch({json.dumps(name)},{text});\n", hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def file_key(key: str) -> str:
    """A shard key as a file name part: itself when plain, else hex (keys may hold any letter)."""
    return key if _SAFE_KEY.match(key) and key else "u" + key.encode("utf-8").hex()


def shard_data(terms: list[str], table: dict[str, dict]) -> dict:
    data: dict = {"t": {t: table[t]["t"] for t in terms}}
    for part in ("r", "c", "v"):
        found = {t: table[t][part] for t in terms if part in table[t]}
        if found:
            data[part] = found
    extra = [t for t in terms if "x" in table[t]]
    if extra:
        data["x"] = extra
    return data


def files(pages: list[list], language: str, groups: list[list[str]], last: Terms | None = None,
          keep: bool = False) -> tuple[dict[str, str], Terms]:
    """search/'s files for these pages (each a list of records, the page's own first): path -> script text;
    and the Terms used (for the next build of `lms serve`: last, keep)."""
    table, terms = entries(pages, language, groups, last, keep)
    sizes = {t: len(t) + 5 * len(e["t"]) // 3 + 24 for t, e in table.items()}
    out: dict[str, str] = {}
    keys: dict[str, str] = {}
    for key, members in split(sorted(table), sizes):
        text, digest = script(f"t/{key}", shard_data(members, table))
        keys[key] = digest
        out[f"t/{file_key(key)}.{digest}.js"] = text
    chunks = []
    for n in range(0, len(pages), CHUNK):
        rows = [[[r.location, r.title, r.text[:TEASER]] for r in records] for records in pages[n:n + CHUNK]]
        text, digest = script(f"d/{n // CHUNK}", rows)
        chunks.append(digest)
        out[f"d/{n // CHUNK}.{digest}.js"] = text
    manifest = {"lang": language, "records": sum(map(len, pages)), "chunk": CHUNK, "keys": keys,
                "chunks": chunks, "stop": sorted(terms.stemmer.stop) if terms.stemmer else [],
                "groups": groups if terms.stemmer else []}
    out["index.js"] = script("index", manifest)[0]
    return out, terms
