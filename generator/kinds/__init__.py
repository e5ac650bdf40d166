"""The registry of content kinds: adding a kind is one module beside this file and one line below.

docs/architecture.md lists what a kind declares (kinds/base.py) and where each declaration is used.
"""

from __future__ import annotations

from . import article, guide, module, page, path, standard
from .base import MARKDOWN, YAML, Context, Kind, Nav

REGISTRY: list[Kind] = [
    module.KIND,
    guide.KIND,
    article.KIND,
    standard.KIND,
    path.KIND,
    page.KIND,  # the fallback for Markdown in any other folder: keep it last
]

__all__ = ["MARKDOWN", "YAML", "Context", "Kind", "Nav", "REGISTRY", "by_name", "of_markdown", "yaml_folders"]


def by_name(name: str) -> Kind:
    return next(k for k in REGISTRY if k.name == name)


def of_markdown(rel: str) -> Kind:
    """The kind of a Markdown file from its path in the content folder (its first folder decides)."""
    folder = rel.split("/", 1)[0] if "/" in rel else ""
    return next((k for k in REGISTRY if k.source == MARKDOWN and k.folder and k.folder == folder),
                next(k for k in REGISTRY if k.source == MARKDOWN and not k.folder))


def yaml_folders() -> dict[str, str]:
    """Folder in the content folder -> name of the YAML kind read from it."""
    return {k.folder: k.name for k in REGISTRY if k.source == YAML}
