"""Problems found while checking a project, and the reports that show them."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field

from .data import table

ERROR = "error"
WARNING = "warning"


class Term(str):
    """A parameter that is itself a message code, translated when the message is shown."""


def say(code: str, lang: str, **params: object) -> str:
    """Fill in the template for a message code in one language."""
    words = {k: say(v, lang) if isinstance(v, Term) else v for k, v in params.items()}
    return table("messages")[code][lang].format(**words)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the project, with where it is and how to fix it."""

    path: str
    line: int
    col: int
    key: str
    code: str
    params: dict = field(default_factory=dict, compare=False)
    hint: str | None = None
    hint_params: dict = field(default_factory=dict, compare=False)
    severity: str = ERROR

    def message(self, lang: str) -> str:
        return say(self.code, lang, **self.params)

    def hint_text(self, lang: str) -> str | None:
        return say(self.hint, lang, **self.hint_params) if self.hint else None

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.col, self.key, self.code)


def suggest(word: object, choices) -> str | None:
    """Return the closest known word, in the manner of click's "Did you mean"."""
    found = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return found[0] if found else None


def choice_hint(word: object, choices) -> tuple[str, dict]:
    """Hint naming the closest choice when there is one, else every choice."""
    allowed = ", ".join(str(c) for c in choices)
    best = suggest(word, choices)
    if best is not None:
        return "hint-did-you-mean-or", {"suggestion": best, "allowed": allowed}
    return "hint-allowed-values", {"allowed": allowed}


def sort(problems) -> list[Problem]:
    """Sort problems by file and position, dropping exact repeats."""
    return sorted(set(problems), key=Problem.sort_key)


def _location(p: Problem) -> str:
    head = f"{p.path}:{p.line}:{p.col}:"
    return f"{head} {p.key}:" if p.key else head


def _escape_github(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_line(p: Problem, lang: str) -> str:
    """Render a problem as a GitHub Actions workflow command."""
    kind = "error" if p.severity == ERROR else "warning"
    text = f"{p.key}: {p.message(lang)}" if p.key else p.message(lang)
    hint = p.hint_text(lang)
    if hint:
        text += f" ({hint})"
    return f"::{kind} file={p.path},line={p.line},col={p.col}::{_escape_github(text)}"


def text_report(problems: list[Problem], lang: str, files: int, github: bool = False) -> str:
    """Render problems as `path:line:col: key: message` lines with hints and a summary."""
    lines = []
    for p in problems:
        label = "" if p.severity == ERROR else say("label-warning", lang) + ": "
        lines.append(f"{_location(p)} {label}{p.message(lang)}")
        hint = p.hint_text(lang)
        if hint:
            lines.append(f"    {say('label-hint', lang)}: {hint}")
    if github:
        lines.extend(github_line(p, lang) for p in problems)
    lines.append(summary(problems, lang, files))
    return "\n".join(lines)


def summary(problems: list[Problem], lang: str, files: int) -> str:
    errors = sum(p.severity == ERROR for p in problems)
    if not problems:
        return say("summary-clean", lang, files=files)
    return say("summary", lang, errors=errors, warnings=len(problems) - errors, files=files)


def json_report(problems: list[Problem], lang: str, files: int) -> str:
    """Render problems as one JSON document for tools."""
    return json.dumps(
        {
            "files": files,
            "errors": sum(p.severity == ERROR for p in problems),
            "warnings": sum(p.severity == WARNING for p in problems),
            "problems": [
                {
                    "path": p.path,
                    "line": p.line,
                    "col": p.col,
                    "key": p.key,
                    "code": p.code,
                    "severity": p.severity,
                    "message": p.message(lang),
                    "hint": p.hint_text(lang),
                }
                for p in problems
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


def report(problems: list[Problem], lang: str, files: int, fmt: str, ci: bool) -> str:
    if fmt == "json":
        return json_report(problems, lang, files)
    if fmt == "github":
        return "\n".join([github_line(p, lang) for p in problems] + [summary(problems, lang, files)])
    return text_report(problems, lang, files, github=ci)


def failed(problems: list[Problem], strict: bool) -> bool:
    """True when the problems should stop a build (warnings too under --strict)."""
    return any(p.severity == ERROR or strict for p in problems)
