"""Read a GIFT question bank into categories of question dicts, locating every problem by line and column."""

from __future__ import annotations

import re

from ..problems import Problem
from .bank import Category, objective_of

ESCAPES = {"n": "\n", "~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "\\": "\\"}
TRUE_FALSE = re.compile(r"^(T|TRUE|F|FALSE)\s*(#.*)?$", re.S)
WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
META = re.compile(r"\[(id|tag):([^\]]*)\]")


def unescape(text: str) -> str:
    """GIFT text with its backslash escapes undone."""
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), "\\" + m.group(1)), text, flags=re.S).strip()


def split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """Split text before each unescaped mark character: [(mark or '', piece), ...]."""
    pieces, mark, start, i = [], "", 0, 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in marks:
            pieces.append((mark, text[start:i]))
            mark, start = text[i], i + 1
        i += 1
    pieces.append((mark, text[start:]))
    return pieces


def find_unescaped(text: str, target: str, start: int = 0) -> int:
    """Index of the first unescaped target at or after start, or -1."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(target, i):
            return i
        i += 1
    return -1


class Reader:
    """One GIFT file being read: its categories and its problems."""

    def __init__(self, path: str, text: str):
        self.path, self.text = path, text
        self.categories: list[Category] = []
        self.problems: list[Problem] = []

    def problem(self, line: int, col: int, code: str, **params) -> None:
        self.problems.append(Problem(self.path, line, col, "", code, params, hint="hint-" + code))

    def read(self) -> tuple[list[Category], list[Problem]]:
        """Read every block (questions are separated by blank lines)."""
        block, first = [], 1
        for number, line in enumerate(self.text.splitlines() + [""], start=1):
            if line.strip():
                if not block:
                    first = number
                block.append(line)
            elif block:
                self.block(block, first)
                block = []
        return [c for c in self.categories if c.questions], self.problems

    def block(self, lines: list[str], first: int) -> None:
        meta: dict[str, list[str]] = {"id": [], "tag": []}
        while lines and (lines[0].lstrip().startswith("//") or lines[0].startswith("$CATEGORY:")):
            head = lines.pop(0)
            if head.startswith("$CATEGORY:"):
                path = head[len("$CATEGORY:"):].strip()
                names = tuple(n.replace("\0", "/") for n in path.replace("//", "\0").split("/") if n)
                self.categories.append(Category(tuple(n for n in names if n not in ("$course$", "$system$", "top")),
                                                line=first))
            else:
                for key, value in META.findall(head):
                    meta[key].append(value.strip())
            first += 1
        if lines:
            self.question("\n".join(lines), first, meta)

    def where(self, body: str, offset: int, first: int) -> tuple[int, int]:
        """File line and column of an offset in a block that starts on line first."""
        before = body[:offset]
        return first + before.count("\n"), offset - (before.rfind("\n") + 1) + 1

    def question(self, body: str, first: int, meta: dict) -> None:
        title, rest = "", body
        if body.startswith("::"):
            end = find_unescaped(body, "::", 2)
            if end < 0:
                return self.problem(first, 1, "exchange-gift-title")
            title, rest = body[2:end], body[end + 2:]
        rest = re.sub(r"^\s*\[(markdown|html|plain|moodle)\]", "", rest)
        rest_at = len(body) - len(rest)
        opening = find_unescaped(rest, "{")
        closing = find_unescaped(rest, "}", opening + 1) if opening >= 0 else -1
        if opening < 0 or closing < 0:
            return self.problem(*self.where(body, rest_at + max(opening, 0), first), "exchange-gift-braces")
        after = rest[closing + 1:].strip()
        prompt = unescape(rest[:opening]) + (" _____ " + unescape(after) if after else "")
        found = answers(rest[opening + 1:closing])
        if isinstance(found, str):
            return self.problem(*self.where(body, rest_at + opening, first), found, title=unescape(title) or "-")
        found = {"type": found.pop("type"), "prompt": prompt.strip(), **found}
        objective = objective_of(meta["tag"])
        if objective:
            found["objective"] = objective
        if not self.categories:
            self.categories.append(Category(("GIFT",), line=first))
        category = self.categories[-1]
        category.questions.append(found)
        ident = meta["id"][0].split("/") if meta["id"] else []
        if len(ident) == 3 and category.module_id is None:
            category.module_id = ident[1]


def _feedback(piece: str) -> tuple[str, str | None]:
    parts = split_unescaped(piece, "#")
    text = parts[0][1]
    feedback = unescape("#".join(p for _, p in parts[1:])) if len(parts) > 1 else None
    return unescape(text), feedback or None


def answers(inner: str) -> dict | str:
    """The question dict (without prompt) an answer block describes, or the code of why it cannot be read."""
    general = find_unescaped(inner, "####")
    explanation = unescape(inner[general + 4:]) if general >= 0 else ""
    inner = (inner[:general] if general >= 0 else inner).strip()
    extra = {"explanation": explanation} if explanation else {}
    if not inner:
        return "exchange-gift-essay"
    if TRUE_FALSE.match(inner):
        return {"type": "true-false", "answer": inner[0] == "T", **extra}
    if inner.startswith("#"):
        return numeric(inner[1:].lstrip("="), extra)
    items = [(mark, piece.strip()) for mark, piece in split_unescaped(inner, "=~") if mark]
    if not items:
        return "exchange-gift-answers"
    if all(mark == "=" and find_unescaped(piece, "->") >= 0 for mark, piece in items):
        pairs = [[unescape(p[:find_unescaped(p, "->")]), unescape(p[find_unescaped(p, "->") + 2:])] for _, p in items]
        return {"type": "match", "pairs": pairs, **extra}
    if all(mark == "=" for mark, _ in items):
        return {"type": "short", "answers": [_feedback(WEIGHT.sub("", p))[0] for _, p in items], **extra}
    choices, weighted = [], False
    for mark, piece in items:
        weight = WEIGHT.match(piece)
        weighted = weighted or weight is not None
        text, feedback = _feedback(WEIGHT.sub("", piece))
        correct = mark == "=" or (weight is not None and float(weight.group(1)) > 0)
        choices.append({"text": text, "correct": correct, **({"feedback": feedback} if feedback else {})})
    kind = "multiple" if weighted or sum(c["correct"] for c in choices) != 1 else "single"
    return {"type": kind, "choices": choices, **extra}


def numeric(body: str, extra: dict) -> dict | str:
    """A numeric answer written as value:tolerance or min..max."""
    value = _feedback(WEIGHT.sub("", split_unescaped(body, "=")[0][1]))[0]
    try:
        if ".." in value:
            low, high = (float(v) for v in value.split("..", 1))
            return {"type": "numeric", "answer": (low + high) / 2, "tolerance": abs(high - low) / 2, **extra}
        answer, _, tolerance = value.partition(":")
        return {"type": "numeric", "answer": float(answer), "tolerance": float(tolerance or 0), **extra}
    except ValueError:
        return "exchange-gift-number"


def read(path: str, text: str) -> tuple[list[Category], list[Problem]]:
    """Categories of question dicts from a GIFT text, and the problems found."""
    return Reader(path, text).read()
