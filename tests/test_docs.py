"""The README documents every command and option, and its format reference is current."""

from __future__ import annotations

import re

import click

from generator import schema
from generator.cli import main

from conftest import REPO

START, END = "<!-- reference:start -->", "<!-- reference:end -->"


def readme_with_reference(text: str) -> str:
    """The README text with the generated reference between its markers."""
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{schema.reference_markdown()}{END}{tail}"


def readme() -> str:
    return (REPO / "README.md").read_text(encoding="utf-8")


def test_reference_is_current():
    assert readme() == readme_with_reference(readme()), "README reference is stale: run `make refresh`"


def _commands(group: click.Group, prefix: str = "lms"):
    for name, command in group.commands.items():
        yield f"{prefix} {name}", command
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix} {name}")


def test_every_command_and_option_is_documented():
    text = readme()
    for name, command in _commands(main):
        assert f"`{name}" in text, f"{name} is not in the README"
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert re.search(rf"{re.escape(opt)}\b", text), f"{name} {opt} is not in the README"


def test_quick_start_has_the_two_commands():
    quick = readme().split("## Quick start", 1)[1].split("##", 1)[0]
    assert re.findall(r"^make \w+", quick, re.M) == ["make site", "make test"]
    assert (REPO / ".ci/run").read_text().strip().endswith("exec make test")
