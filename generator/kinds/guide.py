"""Team-building guides (content/team-building/*.md): a facilitator's plan for one activity."""

from __future__ import annotations

import jinja2

from .. import data, model
from ..problems import choice_hint
from ..render.catalogue import Catalogue, addressed, url
from ..render.page import body_of, select
from ..structure import ContentFile, int_at, items_at
from .base import MARKDOWN, Kind, Nav

SKELETON = """\
---
title: {title}
summary: Ringkasan kegiatan dalam satu atau dua kalimat.
duration_minutes: 30              # lama kegiatan dalam menit
group_size: {{min: 6, max: 20}}    # jumlah peserta
setting: indoor                   # indoor | outdoor | online
materials: [Kertas plano, Spidol] # [] bila tidak perlu bahan
competencies: [kerja-sama]        # id kompetensi manajerial atau sosial kultural
objectives:
  - Peserta ...
safety: Hapus baris ini bila tidak ada catatan keselamatan.
status: draft                     # ubah menjadi published bila siap terbit
---
# {title}

## Persiapan

Apa yang disiapkan fasilitator sebelum kegiatan.

## Langkah fasilitator

1. **(5 menit)** Jelaskan tujuan kegiatan.
2. **(20 menit)** ...
3. **(5 menit)** Refleksi.

## Pertanyaan refleksi

- Apa yang terjadi dalam kelompok Anda?
- Apa yang dapat kita bawa ke pekerjaan sehari-hari?
"""
DURATIONS = [("5-30", "≤ 30"), ("31-60", "31–60"), ("61-120", "61–120"), ("121-480", "> 120")]


def rules(item: ContentFile, raw: dict, _context) -> list:
    """The group size runs from min to max; competencies come from the fixed lists."""
    out = []
    size = raw.get("group_size")
    low, high = int_at(size, "min"), int_at(size, "max")
    if low is not None and high is not None and low > high:
        out.append(item.front.problem(("group_size", "max"), "group-size-order", {"min": low, "max": high},
                                      "hint-group-size-order"))
    for i, competency in enumerate(items_at(raw, "competencies")):
        if isinstance(competency, str) and competency not in data.fixed_competency_ids():
            hint, hint_params = choice_hint(competency, data.fixed_competency_ids())
            out.append(item.front.problem(("competencies", i), "competency-unknown-any", {"value": competency},
                                          hint, hint_params))
    return out


def pages(env: jinja2.Environment, site: Catalogue) -> dict[str, str]:
    """The guide catalogue (filters: duration, group size, setting) and one page per guide."""
    entries = site.of_kind("guide")
    if not entries:
        return {}
    page = "team-building/index.md"
    ui = data.table("ui")
    lang = site.project.config.language
    filters = addressed([
        select("duration", "duration", [(v, ui["minutes"][lang].format(n=t)) for v, t in DURATIONS], None,
               match="range"),
        {"name": "group", "label": "group-size-filter", "kind": "number", "match": "within"},
        select("setting", "setting", [s for s in model.SETTINGS if any(e.front.setting == s for e in entries)],
               lambda s: ui[f"setting-{s}"][lang]),
    ])
    out = {page: env.get_template("guides.md.j2").render(
        entries=entries, filters=filters, link=lambda e: url(page, e.page))}
    for entry in entries:
        out[entry.page] = env.get_template("guide.md.j2").render(entry=entry, g=entry.front,
                                                                 body=body_of(entry, lang))
    return out


KIND = Kind("guide", "team-building", MARKDOWN, model.GuideFrontMatter, "team-building guide", pages, rules,
            nav=Nav(30, "guides-tab"), reserved=frozenset({"team-building/index.md"}), scaffold=SKELETON,
            counted="count-guides")
