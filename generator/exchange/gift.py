"""GIFT, Moodle's plain-text question format: write a course's quizzes, read a bank back."""

from __future__ import annotations

from ..model import Course
from .bank import OBJECTIVE_TAG, Loss, fraction, number, question_dicts, quiz_losses

SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    """Text safe inside GIFT: special characters escaped, line breaks as \\n (a blank line ends a question)."""
    out = "".join("\\" + ch if ch in SPECIAL else ch for ch in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def category_name(text: str) -> str:
    """A category name for a $CATEGORY path, where a slash separates levels (Moodle doubles it)."""
    return text.replace("/", "//").replace("\n", " ")


def _feedback(item: dict) -> str:
    return f"#{escape(item['feedback'])}" if item.get("feedback") else ""


def _answers(q: dict) -> str | None:
    """The part between braces for one question, or None when GIFT has no such question type."""
    kind = q["type"]
    if kind == "single":
        return " ".join(("=" if c.get("correct") else "~") + escape(c["text"]) + _feedback(c) for c in q["choices"])
    if kind == "multiple":
        right = [c for c in q["choices"] if c.get("correct")]
        wrong = [c for c in q["choices"] if not c.get("correct")]
        marks = {True: number(fraction(len(right))), False: "-" + number(fraction(len(wrong)))}
        return " ".join(f"~%{marks[bool(c.get('correct'))]}%" + escape(c["text"]) + _feedback(c)
                        for c in q["choices"])
    if kind == "true-false":
        return "T" if q["answer"] else "F"
    if kind == "short":
        return " ".join("=" + escape(a) for a in q["answers"])
    if kind == "numeric":
        return f"#{number(q['answer'])}:{number(q.get('tolerance', 0))}"
    if kind == "match":
        return " ".join(f"={escape(left)} -> {escape(right)}" for left, right in q["pairs"])
    return None


def question(q: dict, name: str, ident: str) -> str | None:
    """One question in GIFT, or None when the format cannot express its type."""
    answers = _answers(q)
    if answers is None:
        return None
    if q.get("explanation"):
        answers += f"####{escape(q['explanation'])}"
    tags = f" [tag:{OBJECTIVE_TAG}{q['objective']}]" if q.get("objective") else ""
    return f"// [id:{ident}]{tags}\n::{escape(name)}::[markdown]{escape(q['prompt'])}{{{answers}}}\n"


def losses(path: str, course: Course, module_id: str, index: int, q: dict) -> list[Loss]:
    """What GIFT cannot carry of one question."""
    where = (path, course.id, module_id, index, q["type"])
    if q["type"] == "order":
        return [Loss(*where, "exchange-why-gift-order", dropped=True)]
    found = []
    if q.get("hint"):
        found.append(Loss(*where, "exchange-why-gift-hint"))
    if q.get("points", 1) != 1:
        found.append(Loss(*where, "exchange-why-gift-points"))
    return found


def write_course(course: Course, path: str, site: str) -> tuple[str, list[Loss]]:
    """The GIFT text of one course's quizzes (a category per module) and what it could not carry."""
    parts = [f"// {site}: {course.title} ({path})\n"]
    found = quiz_losses(path, course)
    for m_index, module in enumerate(course.modules):
        items = question_dicts(course, m_index)
        if not items:
            continue
        parts.append(f"$CATEGORY: $course$/top/{category_name(course.title)}/{category_name(module.title)}\n")
        for index, q in enumerate(items, start=1):
            found += losses(path, course, module.id, index, q)
            text = question(q, f"{module.id} {index}", f"{course.id}/{module.id}/{index}")
            if text is not None:
                parts.append(text)
    return "\n".join(parts), found
