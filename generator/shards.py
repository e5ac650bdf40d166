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
import json
import re
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter, sub

from .stemmer import Stemmer

LIMIT = 24_000  # characters of a shard's JSON before it splits by one more letter
CHUNK = 8  # pages per chunk: a result list of ten pages loads a few small files
MAX_POSTINGS = 2_000  # per term, the heaviest: a stop word on every page lists no more
TEASER = 320  # characters of a record's text shown under its title in the results
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")  # the browser's: /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu
_SAFE_KEY = re.compile(r"^[a-z0-9_]*$")
_WORD = re.compile(r"[a-z]{3,}")
_HYPHENATED = re.compile(r"^[a-z]+(?:-[a-z]+)+$")


def vocabulary(records: list, known: dict | None = None) -> set[str]:
    """The site's words, the stemmer's dictionary: every word of three letters or more, lower-cased.

    known, when given, remembers each record's words (lms serve: an edit changes few records)."""
    words: set[str] = set()
    for record in records:
        found = known.get(record) if known is not None else None
        if found is None:
            found = frozenset(_WORD.findall(f"{record.title} {record.text}".lower()))
            if known is not None:
                known[record] = found
        words |= found
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
        self.phrase_starts = self.stemmer.phrase_starts if self.stemmer is not None else frozenset()
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

    def adopt(self, old: Terms, words_of: dict) -> None:
        """Take old's weights of the records none of whose words reads differently now (lms serve, after an
        edit brought new words or took some away: the votes, and so some roots, may have changed)."""
        if old.weighed is None or self.weighed is None or old.key[0::2] != self.key[0::2]:
            return
        changed = {w for w in old.key[1] | self.key[1] if old.of(w) != self.of(w)}
        self.weighed = {record: found for record, found in old.weighed.items()
                        if record in words_of and words_of[record].isdisjoint(changed)}

    def phrase_keys(self, words: list[str]) -> list[str]:
        """The group keys of the synonym phrases in a run of words (Indonesian sites)."""
        return self.stemmer.phrase_keys(words) if self.stemmer is not None else []


def postings(pages: list[tuple], terms: Terms) -> dict[str, array]:
    """term -> [page, section, weight, page, section, weight...] in page order, every one (entry() keeps
    the heaviest); flat arrays, not tuples: an eighth of the memory (3,000 modules: a million postings)."""
    out: dict[str, array] = defaultdict(lambda: array("i"))
    for number, records in enumerate(pages):
        for section, record in enumerate(records):
            for term, weight in weights(record, terms).items():
                out[term].extend((number, section, weight))
    return out


def triples(flat: array) -> list[tuple[int, int, int]]:
    """Flat postings as (page, section, weight) triples."""
    items = iter(flat)
    return list(zip(items, items, items, strict=True))


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
    found, counts = Counter(body), defaultdict(int)
    found.update(heading)
    if terms.phrase_starts and not terms.phrase_starts.isdisjoint(found):
        for key in terms.phrase_keys(heading) + terms.phrase_keys(body):
            counts[key] += 1
    memo, of = terms.memo, terms.of  # the memo first: a site repeats its words (a third of the index's time)
    for word, n in found.items():
        for term in memo.get(word) or of(word):
            counts[term] += n
    out = {term: n if n < 7 else 7 for term, n in counts.items()}
    for term in {term for word in heading for term in of(word)}:
        out[term] += 10
    return out


def heaviest(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The MAX_POSTINGS heaviest postings, in page order; of equal weights the first pages (weights are
    small numbers: counted, not sorted)."""
    counts = Counter(map(itemgetter(2), found))
    room, cut = MAX_POSTINGS, 0
    for weight in sorted(counts, reverse=True):
        if counts[weight] >= room:
            cut = weight
            break
        room -= counts[weight]
    out = []
    for posting in found:
        if posting[2] > cut:
            out.append(posting)
        elif posting[2] == cut and room:
            out.append(posting)
            room -= 1
    return out


def entry(term: str, flat: array, terms: Terms) -> dict:
    """A term's entry: its heaviest MAX_POSTINGS postings as page gaps, and what the browser needs to read
    words it has not seen (roots, compound parts, votes; "x" for a root that is no site word)."""
    if len(flat) > 3 * MAX_POSTINGS:
        flat = array("i", [x for posting in heaviest(triples(flat)) for x in posting])
    numbers, encoded = flat[0::3], array("i", flat)
    encoded[0::3] = array("i", map(sub, numbers, [0, *numbers[:-1]]))
    out: dict = {"t": encoded}
    if terms.stemmer is None or term.startswith("_"):
        return out
    if term in terms.stemmer.vocabulary or _HYPHENATED.match(term):  # berhati-hati: read as its parts
        roots = terms.stemmer.roots(term)
        if roots != [term]:
            out["r"] = roots
        parts = terms.stemmer.compound(term)
        if parts:
            out["c"] = list(parts)
    elif term.isalpha() and term.isascii():
        out["x"] = 1
    votes = terms.stemmer.votes.get(term, 0)
    if votes != 1:
        out["v"] = votes
    return out


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
    data: dict = {"t": {t: table[t]["t"].tolist() for t in terms}}
    for part in ("r", "c", "v"):
        found = {t: table[t][part] for t in terms if part in table[t]}
        if found:
            data[part] = found
    extra = [t for t in terms if "x" in table[t]]
    if extra:
        data["x"] = extra
    return data


@dataclass
class Memory:
    """What one write of the index made, for the next (lms serve): an edit redoes only what it changed."""

    terms: Terms
    pages: list[tuple] = field(default_factory=list)  # each page's records, in order
    postings: dict[str, array] = field(default_factory=dict)  # every posting of each term (lms serve)
    table: dict[str, dict] = field(default_factory=dict)  # term -> entry
    shards: dict[tuple[str, tuple[str, ...]], tuple[str, str]] = field(default_factory=dict)  # -> (text, hash)
    chunks: dict[int, tuple[tuple, str, str]] = field(default_factory=dict)  # n -> (pages, text, hash)
    words: dict = field(default_factory=dict)  # record -> its words (vocabulary)


def remember(pages: list[tuple], language: str, groups: list[list[str]], last: Memory | None,
             keep: bool) -> tuple[Memory, set[str] | None]:
    """The index's terms and entries for these pages, from last where the words and the page order are
    the same (then only the terms of the pages that changed are redone); and those terms (None: all)."""
    words = vocabulary([r for records in pages for r in records], last.words if last is not None else None)
    key = (language, frozenset(words), tuple(map(tuple, groups)))
    if last is None or last.terms.key != key or len(last.pages) != len(pages):
        terms = last.terms if last is not None and last.terms.key == key else Terms(language, words, groups, keep)
        if last is not None and terms is not last.terms:
            terms.adopt(last.terms, last.words)
        found = postings(pages, terms)
        table = {t: entry(t, found[t] if keep else found.pop(t), terms) for t in list(found)}  # one-off: freed
        return Memory(terms, pages, found, table, words=last.words if last is not None else {}), None
    terms, changed = last.terms, {n for n, records in enumerate(pages) if records != last.pages[n]}
    dirty = {t for n in changed for records in (pages[n], last.pages[n]) for r in records for t in weights(r, terms)}
    found, table = dict(last.postings), dict(last.table)
    for term in dirty:
        now = found.get(term, array("i"))
        for n in sorted(changed):  # the page's postings out, its new ones in (the array is in page order)
            numbers = now[0::3]
            at, end = 3 * bisect_left(numbers, n), 3 * bisect_left(numbers, n + 1)
            fresh = [x for s, r in enumerate(pages[n]) if (w := weights(r, terms).get(term)) for x in (n, s, w)]
            now = now[:at] + array("i", fresh) + now[end:]
        if now:
            found[term], table[term] = now, entry(term, now, terms)
        else:
            found.pop(term, None)
            table.pop(term, None)
    return Memory(terms, pages, found, table, last.shards, last.chunks, last.words), dirty


def files(pages: list[list], language: str, groups: list[list[str]], sink: Callable[[str, str], None],
          last: Memory | None = None, keep: bool = False) -> tuple[set[str], Memory]:
    """Hand each of search/'s files for these pages (each a list of records, the page's own first) to sink
    (path, script text) as it is made (one at a time: a large site's index is never whole in memory);
    return their paths, and what was made (for the next write of `lms serve`, with keep)."""
    memory, dirty = remember([tuple(records) for records in pages], language, groups, last, keep)
    table, names, keys, chunks = memory.table, set(), {}, []
    sizes = {t: len(t) + 5 * len(e["t"]) // 3 + 24 for t, e in table.items()}
    shards, made_chunks = {}, {}
    for key, members in split(sorted(table), sizes):
        made = memory.shards.get((key, tuple(members)))
        if made is None or dirty is None or not dirty.isdisjoint(members):
            made = script(f"t/{key}", shard_data(members, table))
        keys[key] = made[1]
        names.add(name := f"t/{file_key(key)}.{keys[key]}.js")
        sink(name, made[0])
        if keep:
            shards[key, tuple(members)] = made
    for n in range(0, len(pages), CHUNK):
        group = memory.pages[n:n + CHUNK]
        known = memory.chunks.get(n // CHUNK)
        if known is None or known[0] != group:
            rows = [[[r.location, r.title, r.text[:TEASER]] for r in records] for records in group]
            known = (group, *script(f"d/{n // CHUNK}", rows))
        chunks.append(known[2])
        names.add(name := f"d/{n // CHUNK}.{known[2]}.js")
        sink(name, known[1])
        if keep:
            made_chunks[n // CHUNK] = known
    memory.shards, memory.chunks = shards, made_chunks
    stop = sorted(memory.terms.stemmer.stop) if memory.terms.stemmer else []
    manifest = {"lang": language, "records": sum(map(len, pages)), "chunk": CHUNK, "keys": keys,
                "chunks": chunks, "stop": stop, "groups": groups if memory.terms.stemmer else []}
    sink("index.js", script("index", manifest)[0])
    return names | {"index.js"}, memory
