"""Skeleton text left in published content: warnings (errors under --strict) with the key and position.

The placeholders are read from the skeletons themselves (`scaffold.COURSE`, `scaffold.MODULE` and each kind's
`scaffold`), so a skeleton's new placeholder is caught without a list to keep in step.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from .. import kinds, model, scaffold
from ..kinds import Context
from ..problems import WARNING, Problem
from ..structure import ContentFile, Document, Sources

# Skeleton texts that are real defaults an office may keep word for word (the law every service
# follows, the promise's standard wording, common requirements, steps and facilities): not placeholders.
# Shorter texts (under three words, without "...") are names and choices, never placeholders.
KEEP_KEYS = frozenset({"maklumat", "dasar_hukum"})
KEEP = frozenset({
    "Fotokopi KTP pemohon", "Kotak saran di ruang tunggu", "Ruang tunggu dan loket", "Supervisi oleh atasan langsung",
    "Tidak dipungut biaya.", "Layanan diberikan sesuai standar ini.", "Berkas dan data pemohon dijaga kerahasiaannya.",
    "Memahami persyaratan dan prosedur layanan ini",
    "Pemohon menyerahkan berkas di loket.", "Petugas memeriksa kelengkapan berkas.", "Pemohon menerima hasil layanan.",
    "Evaluasi setiap triwulan berdasarkan pengaduan dan Survei Kepuasan Masyarakat.",
})
_FILLED = {"id": "x-skeleton", "title": "Judul Kerangka", "today": "2000-01-01"}  # values format() puts in


def _skeletons() -> tuple[str, ...]:
    """The skeletons of the kinds registered now, as written (asked once per value checked: keep it cheap)."""
    return (scaffold.COURSE, scaffold.MODULE, *(k.scaffold for k in kinds.REGISTRY if k.scaffold))


def _split(text: str) -> tuple[Any, str]:
    """A skeleton's YAML (a YAML file, or a Markdown file's front matter) and its Markdown body."""
    if text.startswith("---\n"):
        front, _, body = text[4:].partition("\n---\n")
        return yaml.safe_load(front), body
    return (yaml.safe_load(text), "") if text.startswith("# yaml-language-server") else (None, text)


def _leaves(raw: Any) -> list[str]:
    if isinstance(raw, dict):
        return [t for k, v in raw.items() if k not in KEEP_KEYS for t in _leaves(v)]
    if isinstance(raw, list):
        return [t for v in raw for t in _leaves(v)]
    return [raw] if isinstance(raw, str) else []


def _is_placeholder(text: str) -> bool:
    """Free text written for the author to replace: not an id or a choice, not a value format() filled in."""
    text = text.strip()
    return ((len(text.split()) >= 3 or "..." in text) and text not in KEEP and not re.fullmatch(model.ID_PATTERN, text)
            and not any(value in text for value in _FILLED.values()) and not text.startswith("#"))


def placeholders() -> frozenset[str]:
    """Every placeholder text of every skeleton (of the kinds registered now): YAML values and Markdown lines."""
    return _placeholders(_skeletons())


@functools.cache
def _placeholders(skeletons: tuple[str, ...]) -> frozenset[str]:
    out = set()
    for text in (skeleton.format(**_FILLED) for skeleton in skeletons):
        raw, body = _split(text)
        out.update(t.strip() for t in _leaves(raw) if _is_placeholder(t))
        # a list item in a skeleton's body shows the shape (steps, questions); only its "..." is to be replaced
        out.update(line.strip() for line in body.splitlines() if _is_placeholder(line)
                   and ("..." in line or not re.match(r"\s*(-|\d+\.) ", line)))
    return frozenset(out)


def placeholder_rules(sources: Sources, context: Context) -> list[Problem]:
    """A warning for each placeholder left in a published course, content file or service standard."""
    known = placeholders()  # once per check: a large site has tens of thousands of values and lines
    out = [p for doc in sources.courses if _published(doc.data, model.Course) for p in _in_yaml(doc, known)]
    for kind in kinds.REGISTRY:
        if kind.source == kinds.YAML:
            out += [p for doc in sources.collections.get(kind.name, []) if _published(doc.data, kind.model)
                    for p in _in_yaml(doc, known)]
    for item in sources.content.values():
        out += _in_markdown(item, kinds.of_markdown(item.rel), context, known)
    return out


def _published(raw: Any, kind_model: type) -> bool:
    status = raw.get("status") if isinstance(raw, dict) else None
    default = kind_model.model_fields["status"].default if "status" in kind_model.model_fields else "published"
    return (status or default) == "published"


def _in_yaml(doc: Document, known: frozenset[str], loc: tuple = (), raw: Any = ...) -> list[Problem]:
    raw = doc.data if raw is ... else raw
    if isinstance(raw, dict):
        return [p for k, v in raw.items() for p in _in_yaml(doc, known, (*loc, k), v)]
    if isinstance(raw, list):
        return [p for i, v in enumerate(raw) for p in _in_yaml(doc, known, (*loc, i), v)]
    if isinstance(raw, str) and raw.strip() in known:
        return [doc.problem(loc, "placeholder-left", {"text": raw.strip()}, "hint-placeholder-left", {},
                            WARNING)]
    return []


def _in_markdown(item: ContentFile, kind: kinds.Kind, context: Context, known: frozenset[str]) -> list[Problem]:
    used_by = context.users.get(item.rel, [])
    if used_by:  # a course's module is published with the course
        published = any(_published(doc.data, model.Course) for doc in used_by)
    else:
        published = _published(item.front.data if item.front else {}, kind.model)
    if not published:
        return []
    out = _in_yaml(item.front, known) if item.front else []
    offset = 0
    for line in item.body.splitlines(keepends=True):
        text = line.strip()
        if text in known:
            out.append(item.problem_at(offset + line.index(text), "placeholder-left", {"text": text},
                                       "hint-placeholder-left", {}, WARNING))
        offset += len(line)
    return out
