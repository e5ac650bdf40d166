"""The terminal report: the detected mapping first, then per unit and service the numbers and the audit."""

from __future__ import annotations

from .. import data
from .report import decimal


def _ui(key: str, lang: str, **params) -> str:
    text = data.table("ui")[key][lang]
    return text.format(**params) if params else text


def mapping(res: dict, lang: str) -> list[str]:
    """Column -> element (and how it was decided), sample answers -> scores, ignored columns."""
    skm = data.table("skm")
    lines = [_ui("evx-files", lang, n=len(res["files"]), files=", ".join(res["files"]))]
    for m in res["mapping"]:
        lines.append(_ui("evx-header-row", lang, file=m["file"], row=m["header_row"]))
        for c in m["columns"]:
            role = skm[c["role"]][lang] if c["role"] in skm else _ui("evx-role-" + c["role"], lang)
            how = _ui("evx-how-" + c["how"], lang)
            lines.append(f"    {c['column']} {c['header']!r} -> {role} ({how})")
            if c["answers"]:
                said = ", ".join(f"{k!r} = {'?' if v is None else v}" for k, v in c["answers"].items())
                lines.append(f"        {said}")
        if m["ignored"]:
            lines.append("    " + _ui("evx-ignored", lang, columns=", ".join(repr(h) for h in m["ignored"])))
    if res["u8_u9_by_questionnaire_order"]:
        lines.append(_ui("evx-order-note", lang))
    return lines


def audit(g: dict, lang: str) -> list[str]:
    """Sum, answers, NRR and NRR x 1/9 per element, their total, and the conversion x 25."""
    skm, a = data.table("skm"), g["audit"]
    lines = ["  " + _ui("evx-audit-head", lang)]
    for e, row in a["elements"].items():
        lines.append(f"    {skm[e][lang][:34]:<34} {row['sum']:>7} {row['answers']:>7} "
                     f"{decimal(row['nrr'], lang, 4):>7} {decimal(row['weighted'], lang, 4):>7}")
    if a["total_weighted"] is not None:
        lines.append("    " + _ui("evx-audit-total", lang, total=decimal(a["total_weighted"], lang, 4),
                                  ikm=decimal(a["times_25"], lang)))
    return lines


def notes(g: dict, lang: str) -> list[str]:
    """Why an IKM is missing, and whether the sample is large enough."""
    skm, out = data.table("skm"), []
    if g["ikm"] is None and g["ikm_missing"]:
        out.append("  " + _ui("evx-ikm-missing", lang, elements=", ".join(skm[e][lang] for e in g["ikm_missing"])))
    s = g["sample"]
    if s["below_minimum"]:
        out.append("  " + _ui("evx-sample-below", lang, n=s["respondents"], minimum=s["minimum"],
                              population=s["population"]))
    elif s["small"]:
        out.append("  " + _ui("evx-sample-small", lang, n=s["respondents"]))
    return out


def entry(g: dict, lang: str, detail: bool) -> list[str]:
    ui, skm = data.table("ui"), data.table("skm")
    name = g["unit"] + " / " + (g["layanan"] or ui["eval-all"][lang])
    grade_text = f" ({g['grade']}, {ui['grade-' + g['grade']][lang]})" if g["grade"] else ""
    lines = [f"{name}: IKM {decimal(g['ikm'], lang)}{grade_text}, "
             f"{ui['eval-respondents'][lang].format(n=g['respondents'])}"]
    lines += notes(g, lang) if g["layanan"] is None else []
    lines.append("  NRR: " + ", ".join(f"{e} {decimal(v, lang)}" for e, v in g["nrr"].items()))
    lines += audit(g, lang) if detail else []
    complained = {e: n for e, n in g["complaints"].items() if n}
    if complained:
        said = ui["eval-complaints"][lang]
        lines.append("  " + ", ".join(f"{e}: {said.format(n=n)}" for e, n in complained.items()))
    if g["weakest"]:
        lines.append(f"  {ui['eval-weakest'][lang]} " + ", ".join(skm[e][lang] for e in g["weakest"]))
    if g["recommended"]:
        lines.append(f"  {ui['eval-recommended'][lang]} "
                     + "; ".join(f"{c['title']} ({c['link']})" for c in g["recommended"]))
    return lines


def periods(res: dict, lang: str) -> list[str]:
    if not res["periods"]:
        return []
    lines = ["", _ui("evx-periods", lang)]
    for p in res["periods"]:
        change = "" if p["change"] is None else f" ({'+' if p['change'] >= 0 else ''}{decimal(p['change'], lang)})"
        grade = f" {p['grade']}" if p["grade"] else ""
        lines.append(f"  {p['unit']} {p['period']}: IKM {decimal(p['ikm'], lang)}{grade}{change}, "
                     + _ui("eval-respondents", lang, n=p["respondents"]))
        lines += ["  " + line for line in notes(p, lang)]
    return lines


def profile(res: dict, lang: str) -> list[str]:
    if not res["profile"]:
        return []
    lines = ["", _ui("evx-profile", lang)]
    for field, counts in res["profile"].items():
        lines.append(f"  {_ui('evx-role-' + field, lang)}: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    return lines


def text(res: dict, lang: str) -> str:
    """A plain report for the terminal; the mapping comes first so the numbers can be trusted."""
    lines = mapping(res, lang) + [""]
    for g in res["units"]:
        lines += entry(g, lang, detail=g["layanan"] is None)
    return "\n".join(lines + periods(res, lang) + profile(res, lang))
