"""The Indonesian stemmer and word rules of the site's search, the reference implementation: the
browser's JavaScript is tested against it. The browser's copy of the rules is
generator/assets/lms-stem.js (ported from the lunr language script of commit e93efeb, which this
module was first a faithful port of); docs/search.md explains the rules and their sources.

A word can often be read more than one way (meng+irim or meng+kirim? selesai or selesa+i?); the
site's own vocabulary decides: each reading gets a vote from every site word it could be the root
of, and the readings with most votes are the word's roots. Here are the stemming and word rules
(roots, stop words, closed compounds, synonym groups and phrases); the index's terms are made in
generator/shards.py, the queries run in generator/assets/lms-search.js.

The answers are the JavaScript's, quirks included: its regular expressions ("." stops at line ends,
"$" is the very end) and, where lengths and slices decide, its string lengths (UTF-16 code units).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

STOP_WORDS = tuple(
    ("ada adalah agar akan aku anda antara apa apabila atau bagaimana bagi bahwa baik "
     "bila bisa boleh dalam dan dapat dari daripada demikian dengan di dia dimana harus hingga ia ialah ini itu "
     "jika juga ka kali kalau kami kamu karena ke kepada ketika kita lagi lain maka masih meskipun mereka nya "
     "oleh pada para per saat saja sama sambil sangat saya se sebagai sebelum secara sedang sehingga sekali "
     "selama semua seperti serta sesudah setelah sudah supaya tanpa tapi telah tentang terhadap tetapi tidak "
     "untuk walau walaupun yaitu yakni yang").split(" "))

_DOT = "[^\n\r\u2028\u2029]"  # JavaScript's "."


def _js(pattern: str) -> re.Pattern:
    """A JavaScript regular expression (no flags) as Python reads it: "." and "$" as in JavaScript."""
    return re.compile(pattern.replace(".", _DOT).replace("$", r"\Z"))


ONE_SYLLABLE = _js(r"^[^aeiou]{1,2}[aeiou][^aeiou]{1,2}$")  # bom, cek, sah, tik: roots of menge-/penge-
ONSET = _js(r"^([aeiou]|[^aeiou][aeiouy]|bl|br|dr|fl|fr|gl|gr|kl|kr|pl|pr|sk|sl|sm|sn|sp|st|sw|tr|ny|ng|kh|sy)")
_VOWEL = re.compile("[aeiou]")
_BAD_END = _js(r"([^aeiou])\1$|(mb|nd|nj|nc|ngg|ny)$")
_NOT_AZ = re.compile("[^a-z]")
_SPACES = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff-]+")  # /[\s-]+/


def _units(s: str) -> str:
    """s as JavaScript counts it: a character beyond U+FFFF is two UTF-16 code units (surrogates)."""
    if s.isascii() or max(s) <= "\uffff":
        return s
    data = s.encode("utf-16-le", "surrogatepass")
    return "".join(chr(int.from_bytes(data[k:k + 2], "little")) for k in range(0, len(data), 2))


def _text(u: str) -> str:
    """The string back from its UTF-16 code units (_units)."""
    return u if u.isascii() else u.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _length(s: str) -> int:
    """JavaScript's s.length."""
    return len(_units(s))


def root_like(s: str) -> bool:
    """A possible root: three letters or more, a vowel, and an end Indonesian roots have
    (a start a root can have: service is not se+rvice; no doubled or nasal-cluster final
    consonants: berpelanggan is not ber+pelangg+an)."""
    return len(s) >= 3 and bool(ONSET.match(s)) and bool(_VOWEL.search(s)) and not _BAD_END.search(s)


_NGE, _SUFFIX_END = _js(r"^nge(.+)$"), _js(r"(kan|an|i)$")
_NASAL = [(_js(pattern), pattern[1] if pattern[1] != "(" else "lrwy", heads) for pattern, heads in [
    (r"^ng([aeiou].*)$", ("", "k")), (r"^ng([gkhqlr].*)$", ("",)),  # l, r: penglihatan, pengrajin
    (r"^ny([aeiou].*)$", ("s", "ny")), (r"^n(sy.*)$", ("",)), (r"^m([bfvp].*)$", ("",)),
    (r"^m([aeiou].*)$", ("p", "m")), (r"^n([cdjzst].*)$", ("",)), (r"^n([aeiou].*)$", ("t", "n")),
    (r"^([lrwy][aeiou].*)$", ("",))]]


def nasal(w: str, p: str, add) -> None:
    """meN-/peN- with the sound changes of the nasal (p: "me" or "pe"), each recoded to its root:
    add(root, p) for every reading."""
    if w[:2] != p:
        return
    r = w[2:]
    if r[:3] == "nge" and (m := _NGE.match(r)) and ONE_SYLLABLE.match(_SUFFIX_END.sub("", m[1], count=1)):
        add(m[1], p)
    for pattern, lead, heads in _NASAL:
        if r[:1] in lead and (m := pattern.match(r)):  # the lead letter test only saves time
            for head in heads:
                add(head + m[1], p)


_FIRST, _KE = _js(r"^(di|ke|se)(.+)$"), _js(r"^ke(.+)$")
_LATER = [_js(r"^(ber|per|ter)(.+)$"),  # the kinds are be, pe, te
          _js(r"^(be|pe|te)(r[aeiou].*)$"),  # be+ragam, te+rambah
          _js(r"^(be|pe|te)([^aeiourl]er.*)$"),  # be+kerja, pe+kerja
          _js(r"^(bel|pel)(ajar.*)$")]
_PE = _js(r"^pe([^aeiourwylmn][aeiou].*)$")  # pe+tani, pe+dagang
_HEADS = frozenset(("di", "ke", "se", "me", "pe", "be", "te"))  # how every prefix rule starts


def prefix_once(w: str, first: bool, after: str | None) -> list[tuple[str, str]]:
    """One prefix off: (rest, kind) for every rule that applies. di- ke- se- meN- only come first;
    peN-/per-/pe-, ber-/be- and ter-/te- may follow another prefix (ke-ter-, ke-peN-, memper-)."""
    out = []
    if w[:2] not in _HEADS:  # no rule applies: the common case, answered at once
        return out

    def add(rest: str, kind: str) -> None:
        if root_like(rest):
            out.append((rest, kind))

    if first:
        if m := _FIRST.match(w):
            add(m[2], m[1])
        nasal(w, "me", add)
    elif after in ("me", "pe", "di"):  # mengetahui, pengetahuan, diketahui
        if m := _KE.match(w):
            add(m[1], "ke")
    nasal(w, "pe", add)
    for pattern in _LATER:
        if m := pattern.match(w):
            add(m[2], m[1][:2])
    if m := _PE.match(w):
        add(m[1], "pe")
    return out


def prefixes(w: str) -> list[tuple[str, str]]:
    """Readings of up to three prefixes, each (rest, first prefix); the same prefix never twice."""
    out = []

    def walk(s: str, kinds: tuple[str, ...]) -> None:
        for rest, kind in prefix_once(s, not kinds, kinds[-1] if kinds else None):
            if kind in kinds:
                continue
            later = (*kinds, kind)
            if len(later) < 3:
                walk(rest, later)
            out.append((rest, later[0]))

    walk(w, ())
    return out


_KAN, _AN = _js(r"^(.+)kan$"), _js(r"^(.+)an$")
_I, _SI = _js(r"^(.+[^s])i$"), _js(r"^(.+s)i$")


def suffixes(s: str, kind: str, whole: str) -> list[str]:
    """The word with and without a derivational suffix, where its first prefix allows one (no be-i,
    di-an, ke-i but ketahui, ke-kan, me-an, se-i, se-kan, te-an). -i after s is tried last
    (informasi is whole, fasilitasi is fasilitas + i): the votes decide."""
    out = []
    i = kind != "be" and kind != "se" and (kind != "ke" or whole == "ketahui")
    if s.endswith("an"):  # the endswith tests only save time
        if (m := _KAN.match(s)) and kind != "ke" and kind != "se" and root_like(m[1]):
            out.append(m[1])
        if (m := _AN.match(s)) and kind != "di" and kind != "me" and kind != "te" and root_like(m[1]):
            out.append(m[1])
    elif i and s.endswith("i") and (m := _I.match(s)) and root_like(m[1]):
        out.append(m[1])
    out.append(s)
    if i and s.endswith("si") and (m := _SI.match(s)) and root_like(m[1]):
        out.append(m[1])
    return out


_PARTICLE, _POSSESSIVE = _js(r"^(.+)(lah|kah|tah|pun)$"), _js(r"^(.+)(ku|mu|nya)$")


def readings(word: str) -> list[str]:
    """Every way to read a word as root + affixes, the most stripped first. Particles (-lah -kah
    -tah -pun) and possessives (-ku -mu -nya) are optional too: bertanya is not berta + nya."""
    bases = [word]
    if (m := _PARTICLE.match(word)) and len(m[1]) >= 4 and root_like(m[1]):
        bases.insert(0, m[1])
    for b in list(bases):
        if (m := _POSSESSIVE.match(b)) and len(m[1]) >= 4 and root_like(m[1]):
            bases.insert(0, m[1])
    return list(dict.fromkeys(root for w in bases for rest, kind in [*prefixes(w), (w, "")]
                              for root in suffixes(rest, kind, w)))


class Stemmer:
    """The stemmer for one site: its vocabulary votes on readings; synonym groups get keys "_synN"."""

    def __init__(self, vocabulary: Iterable[str], groups: Iterable[Iterable[str]] = ()):
        self.vocabulary = set(vocabulary)
        self._readings: dict[str, list[str]] = {}  # the site's words', for their roots
        votes: Counter = Counter()
        for w in self.vocabulary:  # how many of the site's words each reading could be the root of
            u = _units(w)
            if len(u) < 4:
                votes[w] += 1  # a short root votes for itself
            elif u is w:
                votes.update(self._readings.setdefault(w, readings(w)))
            else:
                votes.update(_text(r) for r in readings(u))
        self.votes: dict[str, int] = dict(votes)
        self._roots: dict[str, list[str]] = {}
        self._compounds: dict[str, tuple[str, str] | None] = {}
        # a stop word that is the root of another word on the site (baik: perbaikan) is content
        self.stop = frozenset(w for w in STOP_WORDS if not self.votes.get(w, 0) > (1 if w in self.vocabulary else 0))
        self._single: dict[str, str] = {}  # synonym groups: each single word to its key
        self._phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # each phrase, by its first word
        for n, group in enumerate(groups):
            for member in group:
                words = tuple(x for x in _SPACES.split(member.lower()) if x)
                if len(words) == 1:
                    self._single[words[0]] = f"_syn{n}"
                elif words:
                    self._phrases.setdefault(words[0], []).append((words, f"_syn{n}"))

    def _roots_of(self, word: str) -> list[str]:
        """roots(), the remembered list itself."""
        w = word.lower()
        known = self._roots.get(w)
        if known is None:
            known = self._roots[w] = self._find_roots(w)
        return known

    def _find_roots(self, w: str) -> list[str]:
        """roots() of a lower-case word, worked out."""
        if w.find("-") > 0:
            return self._reduplicated(w)
        if len(w) < 4 or _NOT_AZ.search(w):
            return [w]
        found = self._readings.get(w) or readings(w)
        most = max(self.votes.get(r, 0) for r in found)
        out = [found[0]] if most == 0 else [r for r in found if self.votes.get(r, 0) == most]
        return [r for r in out if r in self.vocabulary] + [r for r in out if r not in self.vocabulary]

    def _reduplicated(self, w: str) -> list[str]:
        """buku-buku, memijit-mijit, sebaik-baiknya, bermain-main: the part that carries the affixes
        is read; a repeated root alone adds nothing."""
        parts = [p for p in w.split("-") if p]
        longest = ""
        for p in parts:
            if _length(p) > _length(longest):
                longest = p
        first = parts[0] if parts else w
        return self._roots_of(first if _length(first) >= _length(longest) - 3 else longest)

    def roots(self, word: str) -> list[str]:
        """The roots of a word: the readings with the most votes, all of them in a tie (so pages and
        queries meet even when the site cannot tell ajar from kajar), the site's own words first
        (percaya before per+caya), then the most stripped. Remembered per word."""
        return list(self._roots_of(word))

    def stem(self, word: str) -> str:
        """The first root."""
        return self._roots_of(word)[0]

    def compound(self, word: str) -> tuple[str, str] | None:
        """A closed compound: two of the site's content words of four letters or more (kerjasama)."""
        if word in self._compounds:
            return self._compounds[word]
        out, u = None, _units(word)
        for i in range(4, len(u) - 3) if len(u) >= 8 else ():
            a, b = _text(u[:i]), _text(u[i:])
            if a in self.vocabulary and b in self.vocabulary and a not in self.stop and b not in self.stop:
                out = (a, b)
                break
        self._compounds[word] = out
        return out

    def group_of(self, word: str) -> str | None:
        """The key of the synonym group of a word or of one of its roots."""
        if word in self._single:
            return self._single[word]
        return next((self._single[r] for r in self._roots_of(word) if r in self._single), None)

    @property
    def phrase_starts(self) -> frozenset[str]:
        """The first words of the synonym phrases."""
        return frozenset(self._phrases)

    def phrase_keys(self, words: list[str]) -> list[str]:
        """The group keys of the synonym phrases in a run of words (kartu tanda penduduk: KTP's key)."""
        out: list[str] = []
        firsts = self._phrases.keys() & set(words) if self._phrases else ()
        for i, word in enumerate(words) if firsts else ():
            if word in firsts:
                out += [key for phrase, key in self._phrases[word] if tuple(words[i:i + len(phrase)]) == phrase]
        return out
