"""Moodle XML, the question format Moodle imports and exports: write a course's quizzes as one bank."""

from __future__ import annotations

from lxml import etree
from lxml.builder import E

from ..model import Course
from .bank import OBJECTIVE_TAG, Loss, fraction, number, question_dicts, quiz_losses

# Moodle's qtype names for ours; ordering is core since Moodle 4.4 (the qtype_ordering plugin before).
QTYPES = {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse", "short": "shortanswer",
          "numeric": "numerical", "order": "ordering", "match": "matching"}
MARKDOWN = "markdown"  # Moodle's FORMAT_MARKDOWN: our Markdown travels as it is


def text(tag: str, value: str, fmt: str | None = MARKDOWN, **attrs) -> etree._Element:
    """An element holding a <text> child, with a Moodle text format when given."""
    if fmt:
        attrs["format"] = fmt
    return E(tag, E.text(value), **attrs)


def _answer(value: str, share: float, feedback: str | None = None, fmt: str | None = MARKDOWN, *extra):
    return E.answer(E.text(value), text("feedback", feedback or ""), *extra, fraction=number(share),
                    **({"format": fmt} if fmt else {}))


def _choices(q: dict) -> list:
    if q["type"] == "single":
        return [_answer(c["text"], 100 if c.get("correct") else 0, c.get("feedback")) for c in q["choices"]]
    right = sum(1 for c in q["choices"] if c.get("correct"))
    wrong = len(q["choices"]) - right
    return [_answer(c["text"], fraction(right) if c.get("correct") else -fraction(wrong), c.get("feedback"))
            for c in q["choices"]]


def _body(q: dict) -> list:
    """The type-specific children of one question."""
    kind = q["type"]
    if kind in ("single", "multiple"):
        return [E.single("true" if kind == "single" else "false"), E.shuffleanswers("false"),
                E.answernumbering("abc"), *_choices(q)]
    if kind == "true-false":
        return [_answer("true", 100 if q["answer"] else 0, fmt="moodle_auto_format"),
                _answer("false", 0 if q["answer"] else 100, fmt="moodle_auto_format")]
    if kind == "short":
        return [E.usecase("0"), *(_answer(a, 100, fmt="moodle_auto_format") for a in q["answers"])]
    if kind == "numeric":
        return [_answer(number(q["answer"]), 100, None, "moodle_auto_format",
                        E.tolerance(number(q.get("tolerance", 0))))]
    if kind == "order":
        return [E.layouttype("VERTICAL"), E.selecttype("ALL"), E.selectcount("0"),
                E.gradingtype("ABSOLUTE_POSITION"), E.showgrading("SHOW"), E.numberingstyle("none"),
                *(_answer(item, i + 1) for i, item in enumerate(q["items"]))]  # fraction: position, as Moodle has it
    return [E.shuffleanswers("true"),
            *(E.subquestion(E.text(left), E.answer(E.text(right)), format=MARKDOWN) for left, right in q["pairs"])]


def question(q: dict, name: str, ident: str) -> etree._Element:
    """One <question> element; every one of our seven types has a Moodle counterpart."""
    children = [E.name(E.text(name)), text("questiontext", q["prompt"]),
                text("generalfeedback", q.get("explanation", "")), E.defaultgrade(number(q.get("points", 1))),
                E.penalty("0.3333333"), E.hidden("0"), E.idnumber(ident), *_body(q)]
    if q.get("hint"):
        children.append(text("hint", q["hint"]))
    if q.get("objective"):
        children.append(E.tags(E.tag(E.text(OBJECTIVE_TAG + q["objective"]))))
    return E.question(*children, type=QTYPES[q["type"]])


def category(path: str, ident: str) -> etree._Element:
    """The pseudo-question that puts the questions after it into a category."""
    return E.question(E.category(E.text(path)), E.info(E.text(""), format="html"), E.idnumber(ident),
                      type="category")


def write_course(course: Course, path: str, site: str) -> tuple[str, list[Loss]]:
    """The Moodle XML text of one course's quizzes (a category per module) and what it could not carry."""
    quiz = E.quiz(etree.Comment(f" {site}: {course.title} ({path}) ".replace("--", "- -")))
    title = course.title.replace("/", "//")
    for m_index, module in enumerate(course.modules):
        items = question_dicts(course, m_index)
        if not items:
            continue
        quiz.append(category(f"$course$/top/{title}/{module.title.replace('/', '//')}", f"{course.id}/{module.id}"))
        for index, q in enumerate(items, start=1):
            quiz.append(question(q, f"{module.id} {index}", f"{course.id}/{module.id}/{index}"))
    body = etree.tostring(quiz, encoding="UTF-8", xml_declaration=True, pretty_print=True).decode()
    return body, quiz_losses(path, course)
