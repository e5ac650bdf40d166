"""Reference tables shipped with the generator: competencies, SKM elements, messages."""

from functools import cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent


@cache
def table(name: str) -> dict:
    """Load one reference table, e.g. table("skm"); `NAME-<area>.yml` files add to table NAME.

    Each area of the tool (evaluate, exchange, search...) keeps its own messages and UI texts
    in a file of its own; a key defined twice is a mistake and fails loudly.
    """
    out = dict(yaml.safe_load((HERE / f"{name}.yml").read_text(encoding="utf-8")) or {})
    for part in sorted(HERE.glob(f"{name}-*.yml")):
        more = yaml.safe_load(part.read_text(encoding="utf-8")) or {}
        twice = sorted(set(out) & set(more))
        if twice:
            raise ValueError(f"{part.name} repeats keys of {name}.yml: {', '.join(twice)}")
        out.update(more)
    return out


def skm_ids() -> tuple[str, ...]:
    return tuple(table("skm"))


def categories() -> tuple[str, ...]:
    return tuple(table("competencies"))


def competency_ids(category: str) -> tuple[str, ...]:
    return tuple(table("competencies")[category]["competencies"])


def is_free_category(category: str) -> bool:
    return bool(table("competencies")[category].get("free"))


@cache
def fixed_competency_ids() -> tuple[str, ...]:
    """Every competency id of the categories with a fixed list (all but teknis)."""
    return tuple(c for cat in categories() if not is_free_category(cat) for c in competency_ids(cat))
