"""The result as a documented structure, and as text for people and spreadsheet-safe CSV for offices."""

from __future__ import annotations

import csv
import io

from .. import data
from . import answers
from .columns import Layout
from .scoring import SMALL_SAMPLE, Group, grade, minimum_sample, ordered, recommend, weakest
from .tally import Tally, data_rows

UNSAFE = ("=", "+", "-", "@", "\t", "\r")  # what Excel and LibreOffice read as the start of a formula


def decimal(value: float | None, lang: str, places: int = 2) -> str:
    """A number with a fixed count of decimals, a decimal comma in Indonesian; "–" for none."""
    if value is None:
        return "–"
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if lang == "id" else text


def link(course, site_url: str | None) -> str:
    return f"{(site_url or '').rstrip('/')}/kursus/{course.id}/".lstrip("/") if site_url else f"kursus/{course.id}/"


def sample(g: Group, population: dict[str, int]) -> dict:
    """Respondents against the Krejcie-Morgan minimum (when the people served are known) and the 30 floor."""
    people = population.get(g.unit, population.get("*"))
    minimum = minimum_sample(people) if people else None
    return {"respondents": g.respondents, "population": people, "minimum": minimum,
            "below_minimum": None if minimum is None else g.respondents < minimum,
            "small": g.respondents < SMALL_SAMPLE}


def entry(g: Group, courses, share: float, population: dict[str, int], site_url: str | None) -> dict:
    ikm, weak = g.ikm(), weakest(g, share)
    picked = recommend(weak, courses)
    return {"unit": g.unit, "layanan": g.layanan, "period": g.period, "respondents": g.respondents, "ikm": ikm,
            "grade": grade(ikm), "ikm_missing": g.missing(), "nrr": g.nrr(), "audit": g.audit(),
            "complaints": dict(g.complaints), "weakest": weak, "recommended_courses": [c.id for c in picked],
            "recommended": [{"id": c.id, "title": c.title, "link": link(c, site_url)} for c in picked],
            "sample": sample(g, population)}


def explain(layout: Layout, options) -> dict:
    """Which column was read as what, and how the first distinct answers of each element were scored."""
    columns, ignored = [], []
    elements = {c.index: answers.answer_table(c.role, options.answers.get("*", {}) | options.answers.get(c.role, {}))
                for c in layout.elements()}
    seen: dict[int, dict[str, int | None]] = {i: {} for i in elements}
    for n, (_, _, texts) in enumerate(data_rows(layout)):
        for i, table in elements.items():
            value = texts[i] if i < len(texts) else ""
            if value and value not in seen[i] and len(seen[i]) < 4:
                seen[i][value] = answers.score(value, table)
        if n > 500:
            break
    for c in layout.columns:
        if c.role == "ignored":
            ignored.append(c.header) if c.header else None
            continue
        columns.append({"column": c.letter, "header": c.header, "role": c.role, "how": c.how,
                        "answers": seen.get(c.index, {})})
    return {"file": layout.sheet.where, "header_row": layout.row, "columns": columns, "ignored": ignored,
            "layout": "own" if layout.own else "recognised"}


def result(tally: Tally, layouts: list[Layout], courses, share: float, population: dict[str, int],
           options, site_url: str | None = None) -> dict:
    """The documented JSON structure: files, mapping, units and services, periods with their change, profile."""
    groups = ordered(tally.groups.values())
    units = [entry(g, courses, share, population, site_url) for g in groups if g.period is None]
    periods, previous = [], {}
    for g in groups:
        if g.period is None:
            continue
        item = entry(g, courses, share, population, site_url)
        before = previous.get(g.unit)
        item["change"] = (round(item["ikm"] - before, 2) if before is not None and item["ikm"] is not None
                          else None)
        previous[g.unit] = item["ikm"]
        periods.append(item)
    order = any(c.how == "order" and c.role in ("sarana", "pengaduan") for lay in layouts for c in lay.columns)
    return {"files": sorted({lay.sheet.path for lay in layouts}), "mapping": [explain(lay, options) for lay in layouts],
            "u8_u9_by_questionnaire_order": order, "units": units, "periods": periods,
            "profile": {k: dict(sorted(v.items())) for k, v in tally.profile.items() if v}}


def safe(cell) -> str:
    """A CSV cell Excel will not run: text starting with =, +, -, @, tab or CR gets a leading '."""
    text = str(cell)
    return "'" + text if text.startswith(UNSAFE) else text


def to_csv(res: dict, lang: str) -> str:
    """One row per unit, service and period: respondents, IKM, grade, the nine NRR (Excel's delimiter)."""
    ids = data.skm_ids()
    delimiter = ";" if lang == "id" else ","
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["unit", "layanan", "periode", "responden", "ikm", "mutu", *ids, "perubahan", "kursus"])
    for item in res["units"] + res["periods"]:
        texts = [safe(item["unit"]), safe(item["layanan"] or ""), safe(item["period"] or "")]
        numbers = [str(item["respondents"]), decimal(item["ikm"], lang).replace("–", ""), item["grade"] or ""]
        nrr = [decimal(item["nrr"][e], lang, 3).replace("–", "") for e in ids]
        change = decimal(item.get("change"), lang).replace("–", "")
        titles = safe(", ".join(c["title"] for c in item["recommended"]))
        writer.writerow(texts + numbers + nrr + [change, titles])
    return "\ufeff" + out.getvalue()
