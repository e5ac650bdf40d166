"""Usage errors (a missing argument, an unknown option or command) said in Indonesian, then English.

Click words them in English before any site is read to choose the language: Indonesian first, as the
site's default, then English, each with a hint to the command's help.
"""

from __future__ import annotations

import re

import click

from .problems import say

_NO_FILE = re.compile(r"(?:File|Path|Directory) '(?P<path>.+)' does not exist\.?")
_CHOICE = re.compile(r"'(?P<value>.*)' is not one of (?P<choices>.+?)\.?$")
_NO_COMMAND = re.compile(r"No such command '(?P<name>[^']+)'\.?(?: Did you mean '(?P<best>[^']+)'\?)?")


def words(exc: click.UsageError) -> tuple[str, dict]:
    """The message code and its parameters for one of click's usage errors."""
    if getattr(exc, "param", None) is not None and exc.ctx:
        name = exc.param.get_error_hint(exc.ctx)
    else:  # raised by a command itself, naming its option
        name = f"'{exc.param_hint}'" if isinstance(getattr(exc, "param_hint", None), str) else ""
    detail = exc.format_message() if not isinstance(exc, click.BadParameter) else exc.message
    if isinstance(exc, click.MissingParameter):
        return "usage-missing-argument", {"name": name or exc.param_hint or "?"}
    if isinstance(exc, click.NoSuchOption):
        return "usage-no-such-option", {"name": exc.option_name, "best": (exc.possibilities or [None])[0]}
    if found := _NO_COMMAND.match(detail):
        return "usage-no-such-command", found.groupdict()
    if isinstance(exc, click.BadParameter) and (found := _NO_FILE.search(detail)):
        return "usage-no-file", {"name": name, **found.groupdict()}
    if isinstance(exc, click.BadParameter) and (found := _CHOICE.search(detail)):
        return "usage-not-a-choice", {"name": name, **found.groupdict()}
    if isinstance(exc, click.BadParameter):
        return "usage-invalid-value", {"name": name, "detail": detail}
    return "usage-other", {"detail": detail}


def report(exc: click.UsageError) -> str:
    """The error in both languages, each with the hint to the command's help."""
    code, params = words(exc)
    best = params.pop("best", None)
    command = " ".join(["lms", *(exc.ctx.command_path.split()[1:] if exc.ctx else [])])  # whatever ran it

    def hint(lang: str) -> str:
        usage = say("hint-usage", lang, command=command)
        return f"{say('hint-did-you-mean', lang, suggestion=best)} {usage}" if best else usage

    return "\n".join(f"{say('label-error', lang)}: {say(code, lang, **params)}\n"
                     f"    {say('label-hint', lang)}: {hint(lang)}" for lang in ("id", "en"))


class Bilingual(click.UsageError):
    """A usage error of click's, shown by report()."""

    def __init__(self, original: click.UsageError):
        super().__init__(original.format_message(), original.ctx)
        self.original = original

    def show(self, file=None) -> None:
        click.echo(report(self.original), err=True)


class Group(click.Group):
    """The `lms` group: usage errors of any command below it come out through Bilingual."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            raise exc if isinstance(exc, Bilingual) else Bilingual(exc) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise exc if isinstance(exc, Bilingual) else Bilingual(exc) from None
