"""Every row of the survey and complaint tables checked and added up per unit, service and period."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from .. import data
from ..problems import Problem, choice_hint
from . import answers
from .columns import PROFILE, Column, Layout, element_of, recognise
from .reading import cell_text
from .scoring import Group

FOOTER = re.compile(r"(jumlah|total|nrr|rata|rerata|ikm|nilai)\b", re.IGNORECASE)  # a template's sums


@dataclass
class Options:
    """What the user chose: grouping by period, the unit for files without one, answer words of their own."""

    period: str | None = None
    unit: str = ""
    answers: dict[str, dict[str, int]] = field(default_factory=dict)  # element (or "*") -> word -> score
    by_file: bool = False  # several files and no --period: each file is a period


@dataclass
class Tally:
    groups: dict[tuple, Group] = field(default_factory=dict)
    profile: dict[str, Counter] = field(default_factory=lambda: {k: Counter() for k in PROFILE})
    problems: list[Problem] = field(default_factory=list)
    units: set[str] = field(default_factory=set)  # every unit named in the survey, bad rows too

    spelling: dict[str, str] = field(default_factory=dict)  # a profile answer as first written, by its case-fold

    def group(self, unit: str, layanan: str | None = None, period: str | None = None, rank: int = 0) -> Group:
        key = (unit, layanan, period)
        if key not in self.groups:
            self.groups[key] = Group(unit, layanan, period, rank)
        return self.groups[key]

    def count(self, role: str, value: str) -> None:
        text = " ".join(value.split()) or "–"
        self.profile[role][self.spelling.setdefault(text.casefold(), text)] += 1


def data_rows(layout: Layout):
    """The rows under the header, blank ones and a template's footer (Jumlah, NRR, IKM...) left out."""
    plain = layout.sheet.name is None  # CSV cells are text already: the fast path for 100,000 rows
    for number, cells in layout.sheet.rows[layout.at + 1:]:
        texts = [c.strip() for c in cells] if plain else [cell_text(c).strip() for c in cells]
        first = next((t for t in texts if t), None)
        if first is None:
            continue
        if FOOTER.match(first):
            return
        yield number, cells, texts


def extra_cells(layout: Layout, number: int, texts: list[str]) -> Problem | None:
    """A row with more cells than the header: refused, since the extra cells would be dropped unseen."""
    width = len(layout.columns)
    extra = next((i for i in range(width, len(texts)) if texts[i]), None)
    if extra is None:
        return None
    return Problem(layout.sheet.where, number, extra + 1, "", "survey-extra-cells",
                   {"cells": len([t for t in texts if t]), "columns": width}, "hint-survey-extra-cells")


class Dates:
    """The timestamp column of a table, read in the order its slash dates use."""

    def __init__(self, layout: Layout):
        self.column = layout.find("tanggal")
        rows = islice(data_rows(layout), 500) if self.column else ()
        sample = [t[self.column.index] for _, _, t in rows if self.column.index < len(t)]
        self.dmy = answers.day_first([s for s in sample if isinstance(s, str)])

    def check(self, layout: Layout, number: int, cells: list, texts: list[str]) -> tuple[object, Problem | None]:
        if self.column is None or self.column.index >= len(texts) or not texts[self.column.index]:
            return None, None
        day = answers.to_date(cells[self.column.index], self.dmy)
        if day is not None:
            return day, None
        code, hint = ("csv-date", "hint-csv-date") if layout.own else ("survey-date", "hint-survey-date")
        return None, Problem(layout.sheet.where, number, self.column.index + 1, self.column.header, code,
                             {"value": texts[self.column.index]}, hint)


def scorers(layout: Layout, options: Options) -> list[tuple[Column, dict[str, int]]]:
    extra = options.answers.get("*", {})
    return [(c, answers.answer_table(c.role, extra | options.answers.get(c.role, {}))) for c in layout.elements()]


def bad_answer(layout: Layout, number: int, c: Column, value: str) -> Problem:
    if layout.own:
        return Problem(layout.sheet.where, number, c.index + 1, c.header, "csv-score", {"value": value},
                       "hint-csv-score")
    accepted = ", ".join(answers.WORDS[c.role])
    return Problem(layout.sheet.where, number, c.index + 1, c.header, "survey-answer",
                   {"value": value, "element": data.table("skm")[c.role]["id"]}, "hint-survey-answer",
                   {"words": accepted})


def row_scores(layout, number, texts, table, caches, scale) -> tuple[dict[str, int], list[Problem]]:
    """The scores of one row; answers on another scale are noted once for the whole table, not per cell."""
    scores, found = {}, []
    for c, accepted in table:
        value = texts[c.index] if c.index < len(texts) else ""
        if not value:
            continue
        cache = caches[c.index]
        if value not in cache:
            cache[value] = answers.score(value, accepted)
        if cache[value] is not None:
            scores[c.role] = cache[value]
            continue
        high = None if layout.own else answers.other_scale(value)
        if high is None:
            found.append(bad_answer(layout, number, c, value))
        elif not scale or high > scale[0][0]:
            scale[:] = [(high, number, c)]
    return scores, found


def survey(layout: Layout, source: str, options: Options, tally: Tally, rank: int = 0) -> None:
    """Check every row of one survey table and add its answers to the unit, service and period groups."""
    where, table = layout.sheet.where, scorers(layout, options)
    unit_col, service_col = layout.find("unit"), layout.find("layanan")
    dates, caches, scale = Dates(layout), {c.index: {} for c, _ in table}, []
    if options.period and dates.column is None:
        tally.problems.append(Problem(where, layout.row, 1, "--period", "survey-no-dates", {},
                                      "hint-survey-no-dates"))
    profile = [c for c in layout.columns if c.role in PROFILE]
    for number, cells, texts in data_rows(layout):
        found = [p for p in (extra_cells(layout, number, texts),) if p]
        day, problem = dates.check(layout, number, cells, texts)
        found += [problem] if problem else []
        if options.period and dates.column is not None and day is None and problem is None:
            found.append(Problem(where, number, dates.column.index + 1, dates.column.header, "csv-value-missing",
                                 {"column": dates.column.header}))
        unit, service = options.unit, None
        for col, name in ((unit_col, "unit"), (service_col, "layanan")):
            if col is None:
                continue
            value = texts[col.index] if col.index < len(texts) else ""
            if not value:
                found.append(Problem(where, number, col.index + 1, col.header, "csv-value-missing",
                                     {"column": col.header}))
            elif name == "unit":
                unit = value
                tally.units.add(value)
            else:
                service = value
        scores, bad = row_scores(layout, number, texts, table, caches, scale)
        tally.problems += found + bad
        if found or bad:
            continue
        period = (answers.period_of(day, options.period) if options.period and day else
                  source if options.by_file else None)
        groups = [tally.group(unit), tally.group(unit, service)] if service else [tally.group(unit)]
        groups += [tally.group(unit, None, period, 0 if options.period else rank)] if period else []
        for g in groups:
            g.add(scores)
        for c in profile:
            tally.count(c.role, texts[c.index] if c.index < len(texts) else "")
    if scale:
        high, number, c = scale[0]
        tally.problems.append(Problem(where, number, c.index + 1, c.header, "survey-scale", {"high": high},
                                      "hint-survey-scale", {"high": high}))


def kategori(value: str) -> str | None:
    """A complaint's element: our id, a U code, or the element's name in words."""
    role, how = recognise(value, "survey", {})
    if role in data.skm_ids():
        return role
    return element_of(value)


def complaints(layout: Layout, options: Options, tally: Tally) -> None:
    """Check every complaint row and count it for its unit and service; units must be the survey's."""
    where, elements = layout.sheet.where, data.skm_ids()
    units = sorted(tally.units | {g.unit for g in tally.groups.values()})
    unit_col, kind_col, service_col = layout.find("unit"), layout.find("kategori"), layout.find("layanan")
    if kind_col is None:
        tally.problems.append(Problem(where, layout.row, 1, "kategori", "csv-column-missing",
                                      {"column": "kategori"}, "hint-complaints-no-columns"))
        return
    dates = Dates(layout)
    for number, cells, texts in data_rows(layout):
        found = [p for p in (extra_cells(layout, number, texts), dates.check(layout, number, cells, texts)[1]) if p]
        def cell(c, texts=texts):
            return texts[c.index] if c is not None and c.index < len(texts) else ""

        unit = cell(unit_col) if unit_col else options.unit
        kind = kategori(cell(kind_col)) if cell(kind_col) else None
        if unit not in units:
            hint, params = choice_hint(unit, units)
            found.append(Problem(where, number, unit_col.index + 1 if unit_col else 1, "unit", "csv-unit-unknown",
                                 {"value": unit}, hint, params))
        if kind is None:
            hint, params = choice_hint(cell(kind_col), elements)
            found.append(Problem(where, number, kind_col.index + 1, kind_col.header, "csv-element-unknown",
                                 {"value": cell(kind_col)}, hint, params))
        tally.problems += found
        if not found:
            tally.group(unit).complaints[kind] += 1
            if cell(service_col):
                tally.group(unit, cell(service_col)).complaints[kind] += 1
