"""Reference tables shipped with the generator: competencies, SKM elements, messages."""

from functools import cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent


@cache
def table(name: str) -> dict:
    """Load one reference table, e.g. table("skm")."""
    return yaml.safe_load((HERE / f"{name}.yml").read_text(encoding="utf-8"))


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
