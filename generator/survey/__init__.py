"""From public feedback to training: SKM survey files as offices have them, to IKM, trends and courses.

`evaluate(Request)` is the one entry point (the CLI parses options, calls it, prints): it reads CSV
and workbook exports (reading), recognises columns by meaning (columns), turns answers into scores
(answers), checks and adds up every row (tally), computes NRR and IKM exactly as PermenPAN-RB
14/2017 defines them (scoring) and renders text, JSON, CSV or the site page (report, text, page).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .. import pipeline, problems
from ..problems import Problem
from ..write import write_file
from . import columns, mapping, page, reading, report, tally, text


@dataclass(frozen=True)
class Request:
    """What `lms evaluate` was asked to do."""

    root: Path
    surveys: tuple[Path, ...]
    complaints: Path | None = None
    fmt: str = "text"
    share: float = 0.25
    out: Path | None = None
    period: str | None = None
    sheet: str | None = None
    map: Path | None = None
    population: dict[str, int] = field(default_factory=dict)  # unit (or "*") -> people served in the period
    unit: str | None = None
    explain: bool = False


@dataclass
class Result:
    """What to print, where, and the exit code."""

    code: int
    out: str = ""
    err: str = ""


def population(values: tuple[str, ...]) -> dict[str, int] | None:
    """`1200` for every unit or `Kecamatan=1200` for one, as given to --population; None when one is not."""
    out = {}
    for value in values:
        unit, _, number = value.rpartition("=")
        if not number.strip().isdigit() or int(number) < 1:
            return None
        out[unit.strip() or "*"] = int(number)
    return out


def _layouts(paths, kind: str, req: Request, mapped: dict) -> tuple[list[tuple[columns.Layout, str]], list]:
    found, out = [], []
    for path in paths:
        sheets, more = reading.read(path)
        found += more
        if not sheets:
            continue
        layout, more = columns.find_layout(sheets, kind, mapped, req.sheet, path.name)
        found += more
        if layout is not None:
            found += columns.check_columns(layout, kind)
            out.append((layout, path.name))
    return out, found


def _render(res: dict, req: Request, lang: str) -> Result:
    if req.fmt == "json":
        return Result(0, json.dumps(res, ensure_ascii=False, indent=2))
    if req.fmt == "csv":
        body = report.to_csv(res, lang)
        if req.out is None:
            return Result(0, body.removeprefix("\ufeff"))
        write_file(req.out, body, overwrite=True)
        return Result(0, problems.say("evaluate-csv-written", lang, path=req.out))
    if req.fmt == "page":
        target = req.out or req.root / "content" / "evaluasi-layanan.md"
        write_file(target, page.page(res, lang), overwrite=True)
        return Result(0, problems.say("evaluate-written", lang, path=target))
    return Result(0, text.text(res, lang))


def evaluate(req: Request) -> Result:
    """Check the project, read and check every file, and report; nothing is written when anything is wrong."""
    outcome = pipeline.check(req.root)
    lang, found = outcome.language, list(outcome.problems)
    mapped, words = {}, {}
    if req.map is not None:
        mapped, words, more = mapping.load(req.map)
        found += more
    config = outcome.project.config if outcome.project is not None else None
    options = tally.Options(req.period, req.unit or (config and (config.organization or config.site_name)) or "-",
                            words, by_file=len(req.surveys) > 1 and not req.period)
    surveys, more = _layouts(req.surveys, "survey", req, mapped)
    others, extra = _layouts([req.complaints] if req.complaints else [], "complaints", req, mapped)
    found += more + extra
    files = len(req.surveys) + (req.complaints is not None) + (req.map is not None)
    files += outcome.files if outcome.problems else 0  # the project's files count only when they are reported on
    if req.explain:
        res = {"files": [p.name for p in req.surveys], "u8_u9_by_questionnaire_order": any(
            c.how == "order" and c.role in ("sarana", "pengaduan") for lay, _ in surveys for c in lay.columns),
               "mapping": [report.explain(lay, options) for lay, _ in surveys]}
        body = json.dumps(res, ensure_ascii=False, indent=2) if req.fmt == "json" else "\n".join(
            text.mapping(res, lang))
        failed = problems.failed(found, False)
        return Result(int(failed), body, problems.text_report(problems.sort(found), lang, files) if found else "")
    counted = tally.Tally()
    if not problems.failed(found, False):
        for rank, (layout, source) in enumerate(surveys):
            tally.survey(layout, source, options, counted, rank)
        if not counted.groups and not problems.failed(counted.problems, False):
            counted.problems.append(Problem(req.surveys[0].name, 1, 1, "", "survey-empty", {}, "hint-survey-empty"))
        for layout, _ in others:
            tally.complaints(layout, options, counted)
    found += counted.problems
    if outcome.project is None or problems.failed(found, False):
        return Result(1, err=problems.text_report(problems.sort(found), lang, files))
    res = report.result(counted, [lay for lay, _ in surveys], outcome.project.published, req.share,
                        req.population, options, config.site_url)
    done = _render(res, req, lang)
    if found:
        done.err = problems.text_report(problems.sort(found), lang, files)
    return done
