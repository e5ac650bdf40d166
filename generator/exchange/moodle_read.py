"""Read a Moodle XML question bank into categories of question dicts, locating problems by line and element."""

from __future__ import annotations

from lxml import etree

from ..problems import Problem
from .bank import Category, objective_of

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


def _text(element, path: str) -> str:
    found = element.find(path)
    return (found.findtext("text") if found is not None and found.find("text") is not None
            else (found.text if found is not None else "")) or ""


def _frac(answer) -> float:
    try:
        return float(answer.get("fraction", "0"))
    except ValueError:
        return 0.0


class Reader:
    """One Moodle XML file being read."""

    def __init__(self, path: str):
        self.path = path
        self.categories: list[Category] = []
        self.problems: list[Problem] = []
        self.tree = None

    def problem(self, element, code: str, **params) -> None:
        where = self.tree.getpath(element) if self.tree is not None else ""
        self.problems.append(Problem(self.path, element.sourceline or 1, 1, where, code, params, hint="hint-" + code))

    def read(self, data: bytes) -> tuple[list[Category], list[Problem]]:
        """Parse the file and read every question element."""
        try:
            root = etree.fromstring(data, PARSER)
        except etree.XMLSyntaxError as exc:
            line, col = exc.position if exc.position else (1, 1)
            self.problems.append(Problem(self.path, line or 1, col or 1, "", "exchange-xml-syntax",
                                         {"detail": exc.msg}, hint="hint-exchange-xml-syntax"))
            return [], self.problems
        self.tree = root.getroottree()
        if root.tag != "quiz":
            self.problem(root, "exchange-xml-root", tag=root.tag)
            return [], self.problems
        for element in root.iterchildren("question"):
            self.question(element)
        return [c for c in self.categories if c.questions], self.problems

    def question(self, element) -> None:
        kind = element.get("type")
        if kind == "category":
            path = _text(element, "category")
            names = tuple(n.replace("\0", "/") for n in path.replace("//", "\0").split("/") if n)
            ident = (element.findtext("idnumber") or "").split("/")
            self.categories.append(Category(tuple(n for n in names if n not in ("$course$", "$system$", "top")),
                                            line=element.sourceline or 1,
                                            module_id=ident[1] if len(ident) == 2 else None))
            return
        reader = READERS.get(kind)
        if reader is None:
            return self.problem(element, "exchange-xml-type", type=kind or "-")
        prompt = _text(element, "questiontext").strip()
        if not prompt:
            return self.problem(element, "exchange-xml-missing", element="questiontext")
        found = reader(element)
        if isinstance(found, str):
            return self.problem(element, found)
        q = {"type": found.pop("type"), "prompt": prompt, **found}
        self.extras(element, q)
        if not self.categories:
            self.categories.append(Category(("Moodle",), line=element.sourceline or 1))
        self.categories[-1].questions.append(q)

    def extras(self, element, q: dict) -> None:
        """Explanation, hint, points and objective: the parts every question type shares."""
        explanation = _text(element, "generalfeedback").strip()
        if explanation:
            q["explanation"] = explanation
        hint = _text(element, "hint").strip()
        if hint:
            q["hint"] = hint
        try:
            points = round(float(element.findtext("defaultgrade") or 1))
        except ValueError:
            points = 1
        if points != 1:
            q["points"] = points
        objective = objective_of([t.findtext("text") or "" for t in element.iterfind("tags/tag")])
        if objective:
            q["objective"] = objective


def _choices(element) -> dict | str:
    answers = element.findall("answer")
    choices = []
    for a in answers:
        choice = {"text": (a.findtext("text") or "").strip(), "correct": _frac(a) > 0}
        feedback = _text(a, "feedback").strip()
        if feedback:
            choice["feedback"] = feedback
        choices.append(choice)
    single = (element.findtext("single") or "true").strip() == "true"
    return {"type": "single" if single else "multiple", "choices": choices}


def _truefalse(element) -> dict | str:
    for a in element.findall("answer"):
        if _frac(a) >= 100:
            return {"type": "true-false", "answer": (a.findtext("text") or "").strip().lower() == "true"}
    return "exchange-xml-no-answer"


def _short(element) -> dict | str:
    found = [(a.findtext("text") or "").strip() for a in element.findall("answer") if _frac(a) >= 100]
    return {"type": "short", "answers": found} if found else "exchange-xml-no-answer"


def _numeric(element) -> dict | str:
    for a in element.findall("answer"):
        if _frac(a) >= 100:
            try:
                return {"type": "numeric", "answer": float(a.findtext("text") or ""),
                        "tolerance": float(a.findtext("tolerance") or 0)}
            except ValueError:
                return "exchange-xml-number"
    return "exchange-xml-no-answer"


def _ordering(element) -> dict | str:
    return {"type": "order", "items": [(a.findtext("text") or "").strip() for a in element.findall("answer")]}


def _matching(element) -> dict | str:
    pairs = [[(s.findtext("text") or "").strip(), (s.findtext("answer/text") or "").strip()]
             for s in element.findall("subquestion")]
    # A subquestion with no text is a distractor: an extra right-hand answer our match type does not have.
    return {"type": "match", "pairs": [p for p in pairs if p[0]]}


READERS = {"multichoice": _choices, "truefalse": _truefalse, "shortanswer": _short, "numerical": _numeric,
           "ordering": _ordering, "matching": _matching}


def read(path: str, data: bytes) -> tuple[list[Category], list[Problem]]:
    """Categories of question dicts from Moodle XML bytes, and the problems found."""
    return Reader(path).read(data)
