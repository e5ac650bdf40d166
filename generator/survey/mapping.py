"""`--map MAP.yml`: the user says which column is which and which answer word is which score."""

from __future__ import annotations

from pathlib import Path

import yaml

from .. import data
from ..problems import Problem, choice_hint
from .columns import PROFILE, words

ROLES = ("unit", "layanan", "tanggal", *PROFILE, "kategori", "uraian", "ignored")


def _where(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _pairs(node, path: str, key: str) -> tuple[list, list[Problem]]:
    if not isinstance(node, yaml.MappingNode):
        return [], [Problem(path, *_where(node), key, "map-not-mapping", {}, "hint-map")]
    return node.value, []


def _columns(node, path: str) -> tuple[dict[str, str], list[Problem]]:
    pairs, problems = _pairs(node, path, "columns")
    out, allowed = {}, (*data.skm_ids(), *ROLES)
    for k, v in pairs:
        if v.value not in allowed:
            hint, params = choice_hint(v.value, allowed)
            problems.append(Problem(path, *_where(v), f"columns.{k.value}", "map-role", {"value": v.value},
                                    hint, params))
        else:
            out[str(k.value).strip().casefold()] = v.value
    return out, problems


def _scores(node, path: str, key: str) -> tuple[dict[str, int], list[Problem]]:
    pairs, problems = _pairs(node, path, key)
    out = {}
    for k, v in pairs:
        if not isinstance(v, yaml.ScalarNode) or v.value not in ("1", "2", "3", "4"):
            problems.append(Problem(path, *_where(v), f"{key}.{k.value}", "map-score",
                                    {"value": getattr(v, "value", "")}, "hint-map"))
        else:
            out[" ".join(words(str(k.value)))] = int(v.value)
    return out, problems


def load(path: Path) -> tuple[dict[str, str], dict[str, dict[str, int]], list[Problem]]:
    """Column names -> roles, and answer words -> scores (under `answers:` for all, or per element)."""
    name = path.name
    try:
        root = yaml.compose(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        return {}, {}, [Problem(name, 1, 1, "", "survey-unreadable", {"detail": str(exc)})]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return {}, {}, [Problem(name, line, col, "", "map-yaml", {"detail": getattr(exc, "problem", "") or ""},
                                "hint-map")]
    if root is None:
        return {}, {}, [Problem(name, 1, 1, "", "map-not-mapping", {}, "hint-map")]
    pairs, problems = _pairs(root, name, "")
    columns, answers = {}, {}
    for k, v in pairs:
        if k.value == "columns":
            columns, more = _columns(v, name)
        elif k.value == "answers":
            more = []
            flat = [(a, b) for a, b in getattr(v, "value", []) if isinstance(b, yaml.ScalarNode)]
            nested = [(a, b) for a, b in getattr(v, "value", []) if not isinstance(b, yaml.ScalarNode)]
            if flat or not isinstance(v, yaml.MappingNode):
                answers["*"], more = _scores(yaml.MappingNode(v.tag, flat, v.start_mark, v.end_mark)
                                             if isinstance(v, yaml.MappingNode) else v, name, "answers")
            for a, b in nested:
                if a.value not in data.skm_ids():
                    hint, params = choice_hint(a.value, data.skm_ids())
                    more.append(Problem(name, *_where(a), f"answers.{a.value}", "map-element", {"value": a.value},
                                        hint, params))
                    continue
                answers[a.value], extra = _scores(b, name, f"answers.{a.value}")
                more += extra
        else:
            more = [Problem(name, *_where(k), k.value, "map-key", {"value": k.value}, "hint-map")]
        problems += more
    return columns, answers, problems
