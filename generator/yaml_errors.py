"""PyYAML's and libyaml's English problem texts turned into our own messages, each with a specific hint."""

from __future__ import annotations

import json
import re

# (pattern on the parser's problem text, pattern on its context or "", our message key): first match wins.
# Both loaders are covered: libyaml's wording (CSafeLoader) and PyYAML's pure-Python wording.
KNOWN = (
    (r"found character '\\t' that cannot start any token|found a tab character", "", "yaml-tab"),
    (r"mapping values are not allowed", "", "yaml-colon"),
    (r"could not find expected ':'", "", "yaml-colon-missing"),
    (r"did not find expected '-' indicator|expected <block end>, but found '\?'", "", "yaml-dash"),
    (r"found undefined alias|found duplicate anchor|second occurrence", "", "yaml-alias"),
    (r"found unexpected end of stream", "quoted scalar", "yaml-unclosed-quote"),
    (r"did not find expected ',' or|expected ',' or '.', but got", "", "yaml-unclosed-bracket"),
    (r"found (unknown escape character|unknown escape)", "", "yaml-escape"),
    (r"found character .*that cannot start any token", "", "yaml-reserved-character"),
    (r"but found another document", "", "yaml-two-documents"),
    (r"did not find expected key|expected <block end>, but found", "", "yaml-indent"),
)


def describe(problem: str | None, context: str | None, context_line: int | None,
             source_line: str) -> tuple[str, dict, str, dict]:
    """Our (code, params, hint, hint params) for a parser problem; the generic message when it is not known.

    context_line is the file line the context refers to; source_line the text of the problem's line.
    """
    for pattern, where, code in KNOWN:
        if problem and re.search(pattern, problem) and where in (context or ""):
            return (code, {"line": context_line or "?"}, *_hint(code, source_line, context_line))
    detail = problem or "?"
    if context and context_line:
        detail = f"{context} (line {context_line}): {detail}"
    return "yaml-syntax", {"detail": detail}, "hint-yaml-syntax", {}


def _hint(code: str, source_line: str, context_line: int | None) -> tuple[str, dict]:
    quoted = quote_value(source_line) if code == "yaml-colon" else None
    if quoted:
        return "hint-yaml-colon-quote", {"quoted": quoted}
    return f"hint-{code}", {"line": context_line or "?"}


def quote_value(line: str) -> str | None:
    """The line with its value in double quotes, when the value itself holds ': ' (else None)."""
    found = re.match(r"^(\s*(?:-\s+)?[^\s:#][^:#]*?:\s+)(.*?)\s*$", line)
    if not found or ": " not in found.group(2) and not found.group(2).endswith(":"):
        return None
    value = found.group(2)
    if value[:1] in "\"'":
        return None
    return f"{found.group(1)}{json.dumps(value, ensure_ascii=False)}".strip()
