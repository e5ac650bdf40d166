"""The "Evaluasi Layanan" page: per unit a bar chart of NRR, a trend of IKM by period, the audit table."""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .. import data
from .report import decimal

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def bars(unit: str, nrr: dict[str, float | None], lang: str) -> str:
    """NRR per element as an inline SVG bar chart (scale 1-4); its label carries the same numbers."""
    skm, elements = data.table("skm"), data.skm_ids()
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


def trend(unit: str, points: list[dict], lang: str) -> str:
    """IKM per period as an inline SVG line (25-100), labelled with the same numbers for screen readers."""
    shown = [p for p in points if p["ikm"] is not None]
    if len(shown) < 2:
        return ""
    step, height, left, top = 70, 120, 34, 10
    width = left + step * (len(shown) - 1) + 40
    summary = ", ".join(f"{p['period']} {decimal(p['ikm'], lang)}" for p in shown)
    label = data.table("ui")["evx-trend"][lang].format(unit=unit, summary=summary)

    def y(ikm: float) -> float:
        return top + height - height * (ikm - 25) / 75

    parts = [f'<svg class="lms-chart" viewBox="0 0 {width} {height + 40}" width="{width}" height="{height + 40}" '
             f'role="img" aria-label="{escape(label)}">']
    for tick in (25, 50, 75, 100):
        parts.append(f'<line x1="{left}" x2="{width}" y1="{y(tick):.0f}" y2="{y(tick):.0f}" '
                     f'class="lms-chart__grid"/><text x="{left - 6}" y="{y(tick) + 4:.0f}" '
                     f'text-anchor="end">{tick}</text>')
    xy = [(left + 20 + i * step, y(p["ikm"])) for i, p in enumerate(shown)]
    parts.append('<polyline fill="none" stroke="currentColor" stroke-width="2" points="'
                 + " ".join(f"{a:.0f},{b:.0f}" for a, b in xy) + '"/>')
    for (a, b), p in zip(xy, shown, strict=True):
        parts.append(f'<circle cx="{a:.0f}" cy="{b:.0f}" r="4" class="lms-chart__bar is-met"/>'
                     f'<text x="{a:.0f}" y="{height + 30}" text-anchor="middle">{escape(p["period"])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def environment(lang: str) -> jinja2.Environment:
    """Autoescaping templates with the few filters the page needs."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    ui = data.table("ui")
    env.filters.update(ui=lambda key, **kw: ui[key][lang].format(**kw) if kw else ui[key][lang],
                       number2=lambda x: decimal(x, lang), number4=lambda x: decimal(x, lang, 4))
    env.globals.update(skm_label=lambda e: data.table("skm")[e][lang])
    env.filters.update(skm_label_filter=env.globals["skm_label"])
    return env


def page(res: dict, lang: str) -> str:
    """The Markdown source of the page: a chart, a trend, an audit table and linked courses per unit."""
    units: dict[str, dict] = {}
    for item in res["units"]:
        unit = units.setdefault(item["unit"], {"groups": []})
        if item["layanan"] is None:
            unit["total"] = item
            unit["chart"] = Markup(bars(item["unit"], item["nrr"], lang))
            points = [p for p in res["periods"] if p["unit"] == item["unit"]]
            unit["periods"] = points
            unit["trend"] = Markup(trend(item["unit"], points, lang))
        unit["groups"].append(item)
    respondents = sum(u["total"]["respondents"] for u in units.values())
    return environment(lang).get_template("evaluation.md.j2").render(
        units=list(units.values()), respondents=respondents, elements=data.skm_ids(), res=res)
