"""From public feedback to training: SKM survey results and complaints, per unit and service.

Reads the survey and complaint CSV files an office already keeps (Excel-style too: `;`, BOM,
CRLF), checks every row, computes NRR, IKM and grade exactly as PermenPAN-RB 14/2017 defines
them, finds the weakest elements and recommends the published courses that improve them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from . import data
from .load import decode
from .problems import Problem, choice_hint, suggest
from .render.text import decimal

SURVEY_COLUMNS = ("unit", "layanan", "tanggal")
COMPLAINT_COLUMNS = ("unit", "layanan", "tanggal", "kategori", "uraian")
GRADES = ((88.31, "A"), (76.61, "B"), (65.00, "C"), (25.00, "D"))  # lower bounds of IKM, PermenPAN-RB 14/2017


@dataclass
class Table:
    """A CSV file's rows as dicts, with the file's header and each row's line number."""

    path: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)


@dataclass
class Group:
    """One unit (layanan None) or one service of a unit, and what was said about it."""

    unit: str
    layanan: str | None
    respondents: int = 0
    sums: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    complaints: dict[str, int] = field(default_factory=dict)

    def nrr(self) -> dict[str, float | None]:
        return {e: round(self.sums[e] / self.counts[e], 3) if self.counts[e] else None for e in data.skm_ids()}

    def ikm(self) -> float | None:
        """Sum over the nine elements of NRR x 1/9, times 25; None when an element has no answer."""
        values = [self.sums[e] / self.counts[e] for e in data.skm_ids() if self.counts[e]]
        return round(sum(v / 9 for v in values) * 25, 2) if len(values) == 9 else None


def grade(ikm: float | None) -> str | None:
    if ikm is None:
        return None
    return next((letter for bound, letter in GRADES if ikm >= bound), "D")


def read_table(raw: bytes, path: str) -> tuple[Table | None, list[Problem]]:
    """Decode (UTF-8, BOM allowed) and split a CSV whose delimiter is `,` or `;`."""
    text, problems = decode(raw, path)
    if text is None:
        return None, problems
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows, line = [], 1  # each record with the line it starts on (a quoted cell may span lines)
    try:
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        return None, [Problem(path, reader.line_num, 1, "", "csv-invalid", {"detail": str(exc)})]
    if not rows or not any(cell.strip() for cell in rows[0][1]):
        return None, [Problem(path, 1, 1, "", "csv-empty", {}, "hint-csv-empty")]
    header = [cell.strip().lower() for cell in rows[0][1]]
    table = Table(path, header)
    for number, cells in rows[1:]:
        if not any(cell.strip() for cell in cells):
            continue  # blank lines, as spreadsheets leave at the end
        table.rows.append((number, dict(zip(header, (c.strip() for c in cells), strict=False))))
    return table, problems


def check_header(table: Table, required: tuple[str, ...]) -> list[Problem]:
    """Every required column present; unknown columns named, with the likely intended one."""
    out = []
    for name in required:
        if name not in table.header:
            out.append(Problem(table.path, 1, 1, name, "csv-column-missing", {"column": name}, "hint-csv-columns",
                               {"columns": ", ".join(required)}))
    for col, name in enumerate(table.header, start=1):
        if name and name not in required:
            best = suggest(name, [r for r in required if r not in table.header])
            hint, params = ("hint-did-you-mean", {"suggestion": best}) if best else ("hint-csv-columns",
                                                                                   {"columns": ", ".join(required)})
            out.append(Problem(table.path, 1, col, name, "csv-column-unknown", {"column": name}, hint, params))
    return out


def _date(table: Table, line: int, row: dict) -> list[Problem]:
    value = row.get("tanggal", "")
    try:
        dt.date.fromisoformat(value)
        return []
    except ValueError:
        return [Problem(table.path, line, table.header.index("tanggal") + 1, "tanggal", "csv-date",
                        {"value": value}, "hint-csv-date")]


def evaluate(survey: Table, complaints: Table | None) -> tuple[list[Group], list[Problem]]:
    """Check every row of both files and add them up per unit and per (unit, service)."""
    elements = data.skm_ids()
    problems = check_header(survey, SURVEY_COLUMNS + elements)
    if complaints is not None:
        problems += check_header(complaints, COMPLAINT_COLUMNS)
    if problems:
        return [], problems
    if not survey.rows:
        return [], [Problem(survey.path, 1, 1, "", "survey-empty", {}, "hint-survey-empty")]
    groups: dict[tuple[str, str | None], Group] = {}

    def group(unit: str, layanan: str | None) -> Group:
        key = (unit, layanan)
        if key not in groups:
            groups[key] = Group(unit, layanan, 0, dict.fromkeys(elements, 0), dict.fromkeys(elements, 0),
                                dict.fromkeys(elements, 0))
        return groups[key]

    columns = {name: i + 1 for i, name in enumerate(survey.header)}
    for line, row in survey.rows:
        found = _date(survey, line, row)
        for name in ("unit", "layanan"):
            if not row.get(name):
                found.append(Problem(survey.path, line, columns[name], name, "csv-value-missing", {"column": name}))
        scores = {}
        for e in elements:
            value = row.get(e, "")
            if value == "":
                continue  # not answered
            if value not in ("1", "2", "3", "4"):
                found.append(Problem(survey.path, line, columns[e], e, "csv-score", {"value": value},
                                     "hint-csv-score"))
            else:
                scores[e] = int(value)
        problems += found
        if found:
            continue
        for g in (group(row["unit"], None), group(row["unit"], row["layanan"])):
            g.respondents += 1
            for e, score in scores.items():
                g.sums[e] += score
                g.counts[e] += 1
    if complaints is not None:
        units = sorted({row["unit"] for _, row in survey.rows if row.get("unit")})
        columns = {name: i + 1 for i, name in enumerate(complaints.header)}
        for line, row in complaints.rows:
            found = _date(complaints, line, row)
            unit, kind = row.get("unit", ""), row.get("kategori", "")
            if unit not in units:
                hint, params = choice_hint(unit, units)
                found.append(Problem(complaints.path, line, columns["unit"], "unit", "csv-unit-unknown",
                                     {"value": unit}, hint, params))
            if kind not in elements:
                hint, params = choice_hint(kind, elements)
                found.append(Problem(complaints.path, line, columns["kategori"], "kategori", "csv-element-unknown",
                                     {"value": kind}, hint, params))
            problems += found
            if not found:
                group(unit, None).complaints[kind] += 1
                group(unit, row.get("layanan") or None).complaints[kind] += 1
    ordered = sorted(groups.values(), key=lambda g: (g.unit.casefold(), g.layanan is not None,
                                                    (g.layanan or "").casefold()))
    return ordered, problems


def weakest(g: Group, share: float) -> list[str]:
    """The elements with the lowest NRR, and every element with more than `share` of the complaints."""
    nrr = {e: v for e, v in g.nrr().items() if v is not None}
    low = min(nrr.values()) if nrr else None
    out = [e for e in data.skm_ids() if low is not None and nrr.get(e) == low]
    total = sum(g.complaints.values())
    out += [e for e in data.skm_ids() if total and g.complaints[e] / total > share and e not in out]
    return out


def recommend(weak: list[str], courses) -> list[str]:
    """Published courses that improve a weak element: most weak elements first, then fewer JP, then id."""
    scored = [(len(set(weak) & set(c.improves)), c) for c in courses]
    return [c.id for hits, c in sorted(scored, key=lambda x: (-x[0], x[1].jp, x[1].id)) if hits]


def report(groups: list[Group], courses, share: float) -> dict:
    """The documented JSON structure: one entry per unit (layanan null) and per service."""
    units = []
    for g in groups:
        ikm = g.ikm()
        weak = weakest(g, share)
        units.append({"unit": g.unit, "layanan": g.layanan, "respondents": g.respondents, "ikm": ikm,
                      "grade": grade(ikm), "nrr": g.nrr(), "complaints": dict(g.complaints), "weakest": weak,
                      "recommended_courses": recommend(weak, courses)})
    return {"units": units}


def read(path: Path) -> tuple[Table | None, list[Problem]]:
    return read_table(path.read_bytes(), path.name)


def chart(unit: str, nrr: dict[str, float | None], lang: str) -> str:
    """NRR per element as an inline SVG bar chart (scale 1-4); its label carries the same numbers."""
    from markupsafe import escape

    skm = data.table("skm")
    elements = data.skm_ids()
    bar, gap, height, left = 28, 12, 120, 30
    width = left + len(elements) * (bar + gap)
    summary = ", ".join(f"{skm[e][lang]} {'–' if nrr[e] is None else format(nrr[e], '.2f')}" for e in elements)
    label = data.table("ui")["eval-chart"][lang].format(unit=unit, summary=summary)
    parts = [f'<svg class="lms-chart" viewBox="0 0 {width} {height + 40}" width="{width * 1.5:.0f}" '
             f'height="{(height + 40) * 1.5:.0f}" role="img" aria-label="{escape(label)}">']
    for tick in (1, 2, 3, 4):
        y = height - height * tick / 4 + 10
        parts.append(f'<line x1="{left}" x2="{width}" y1="{y:.0f}" y2="{y:.0f}" class="lms-chart__grid"/>'
                     f'<text x="{left - 6}" y="{y + 4:.0f}" text-anchor="end">{tick}</text>')
    for i, e in enumerate(elements):
        x, value = left + i * (bar + gap) + gap / 2, nrr[e] or 0
        h = height * value / 4
        parts.append(f'<rect x="{x:.0f}" y="{height - h + 10:.0f}" width="{bar}" height="{h:.0f}" '
                     f'class="lms-chart__bar{" is-met" if value >= 3 else ""}"/>'
                     f'<text x="{x + bar / 2:.0f}" y="{height + 26}" text-anchor="middle">{i + 1}</text>')
    parts.append("</svg>")
    return "".join(parts)


def page(result: dict, courses, lang: str) -> str:
    """The Markdown source of an "Evaluasi Layanan" page: a chart and a table per unit, linked courses."""
    from markupsafe import Markup

    from .render import environment

    units: dict[str, dict] = {}
    for entry in result["units"]:
        unit = units.setdefault(entry["unit"], {"groups": []})
        if entry["layanan"] is None:
            unit["total"] = entry
            unit["chart"] = Markup(chart(entry["unit"], entry["nrr"], lang))
        unit["groups"].append(entry)
    respondents = sum(u["total"]["respondents"] for u in units.values())
    return environment(lang).get_template("evaluation.md.j2").render(
        units=list(units.values()), respondents=respondents, elements=data.skm_ids(),
        titles={c.id: c.title for c in courses})


def text(result: dict, lang: str) -> str:
    """A plain report for the terminal."""
    ui, skm = data.table("ui"), data.table("skm")
    lines = []
    for g in result["units"]:
        name = g["unit"] + " / " + (g["layanan"] or ui["eval-all"][lang])
        grade_text = f" ({g['grade']}, {ui['grade-' + g['grade']][lang]})" if g["grade"] else ""
        lines.append(f"{name}: IKM {decimal(g['ikm'], lang)}{grade_text}, "
                     f"{ui['eval-respondents'][lang].format(n=g['respondents'])}")
        lines.append("  NRR: " + ", ".join(f"{e} {decimal(v, lang)}" for e, v in g["nrr"].items()))
        complained = {e: n for e, n in g["complaints"].items() if n}
        if complained:
            said = ui["eval-complaints"][lang]
            lines.append("  " + ", ".join(f"{e}: {said.format(n=n)}" for e, n in complained.items()))
        if g["weakest"]:
            lines.append(f"  {ui['eval-weakest'][lang]} " + ", ".join(skm[e][lang] for e in g["weakest"]))
        if g["recommended_courses"]:
            lines.append(f"  {ui['eval-recommended'][lang]} " + ", ".join(g["recommended_courses"]))
    return "\n".join(lines)
