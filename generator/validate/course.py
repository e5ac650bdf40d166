"""Rules for courses beyond the model's types: ids, JP sums, competencies, content files, quizzes, prerequisites.

These rules read the raw data, so they still run when the model rejected part of a file: a trainer sees
every problem in one run. A value of the wrong type is skipped here (the model has already reported it).
"""

from __future__ import annotations

import re
from typing import Any

from .. import data
from ..kinds.base import id_file_rule
from ..problems import WARNING, Problem, choice_hint, suggest
from ..structure import RESERVED_MODULE_IDS, ContentFile, Document, content_path, int_at, items_at, text_at


def course_rules(doc: Document, content: dict[str, ContentFile]) -> list[Problem]:
    """Rules within one course: ids, JP, competency, content files and quizzes."""
    raw = doc.data
    modules = items_at(raw, "modules")
    out = _id_rules(doc) + _jp_rule(doc, modules) + _competency_rule(doc)
    for i, module in enumerate(modules):
        path = text_at(module, "content")
        if path is not None:
            out += _content_reference(path, content, doc, ("modules", i, "content"))
    return out + _quiz_rules(doc, modules)


# course ids the site keeps: a standalone module's done mark is modul/<module>, a course module's <course>/<module>
RESERVED_COURSE_IDS = ("modul",)


def _id_rules(doc: Document) -> list[Problem]:
    out = id_file_rule(doc)
    if text_at(doc.data, "id") in RESERVED_COURSE_IDS:
        out.append(doc.problem(("id",), "course-id-reserved", {"id": doc.data["id"]}, "hint-course-id-reserved"))
    for key, code in (("modules", "duplicate-module"), ("objectives", "duplicate-objective")):
        seen: dict[str, int] = {}
        for i, item in enumerate(items_at(doc.data, key)):
            iid = text_at(item, "id")
            if iid in seen:
                first = doc.where((key, seen[iid], "id"))[0]
                out.append(doc.problem((key, i, "id"), code, {"id": iid, "line": first}, "hint-unique-id"))
            elif iid is not None:
                seen[iid] = i
    for i, module in enumerate(items_at(doc.data, "modules")):
        if text_at(module, "id") in RESERVED_MODULE_IDS:
            out.append(doc.problem(("modules", i, "id"), "reserved-id", {"id": module["id"]}, "hint-reserved-id"))
    return out


def _jp_rule(doc: Document, modules: list) -> list[Problem]:
    jps = [int_at(m, "jp") for m in modules]
    jp = int_at(doc.data, "jp")
    if jp is None or not modules or None in jps or sum(jps) == jp:
        return []
    total = sum(jps)
    return [doc.problem(("jp",), "jp-sum", {"jp": jp, "total": total, "terms": " + ".join(map(str, jps))},
                        "hint-jp-sum", {"total": total})]


def _competency_rule(doc: Document) -> list[Problem]:
    category, competency = text_at(doc.data, "category"), text_at(doc.data, "competency")
    if category not in data.categories() or competency is None or data.is_free_category(category):
        return []
    allowed = data.competency_ids(category)
    if competency in allowed:
        return []
    hint, hint_params = choice_hint(competency, allowed)
    return [doc.problem(("competency",), "competency-unknown", {"value": competency, "category": category},
                        hint, hint_params)]


def _quiz_rules(doc: Document, modules: list) -> list[Problem]:
    """Questions name known objectives and are sane; every objective is tested somewhere."""
    out = []
    objective_ids = [o["id"] for o in items_at(doc.data, "objectives") if text_at(o, "id")]
    covered = set()
    for i, module in enumerate(modules):
        quiz = module.get("quiz") if isinstance(module, dict) else None
        for j, question in enumerate(items_at(quiz, "questions")):
            loc = ("modules", i, "quiz", "questions", j)
            objective = text_at(question, "objective")
            if objective is not None:
                covered.add(objective)
                if objective not in objective_ids:
                    hint, hint_params = choice_hint(objective, objective_ids)
                    out.append(doc.problem(loc + ("objective",), "objective-unknown", {"id": objective}, hint,
                                           hint_params))
            out += [doc.problem(loc + where, *rest) for where, *rest in question_rules(question)]
    for i, objective in enumerate(objective_ids):
        if objective not in covered:
            out.append(doc.problem(("objectives", i, "id"), "objective-uncovered", {"id": objective},
                                   "hint-objective-uncovered", {"id": objective}, WARNING))
    return out


def question_rules(q: Any) -> list[tuple]:
    """Sanity of one question: (relative location, code, params, hint) for each problem."""
    kind = text_at(q, "type")
    if kind in ("single", "multiple"):
        choices = [c for c in items_at(q, "choices") if isinstance(c, dict)]
        right = sum(c.get("correct") is True for c in choices)
        wrong = len(choices) - right
        if kind == "single" and right != 1:
            return [(("choices",), "single-correct", {"count": right}, "hint-single-correct")]
        if kind == "multiple" and (right == 0 or wrong == 0):
            return [(("choices",), "multiple-correct", {"right": right, "wrong": wrong}, "hint-multiple-correct")]
    if kind == "order":
        return _duplicates(items_at(q, "items"), lambda i: ("items", i))
    if kind == "match":
        pairs = [p if isinstance(p, list) and len(p) == 2 else [None, None] for p in items_at(q, "pairs")]
        return (_duplicates([p[0] for p in pairs], lambda i: ("pairs", i, 0))
                + _duplicates([p[1] for p in pairs], lambda i: ("pairs", i, 1)))
    return []


def _duplicates(items: list[str], where) -> list[tuple]:
    seen: set[str] = set()
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, str):
            continue
        norm = " ".join(item.split()).casefold()
        if norm in seen:
            out.append((where(i), "duplicate-item", {"item": item}, "hint-duplicate-item"))
        seen.add(norm)
    return out


def _content_reference(path: str, content: dict[str, ContentFile], doc: Document, loc: tuple) -> list[Problem]:
    norm = content_path(path)
    outside = (path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path) or norm.startswith("..")
               or (norm in content and content[norm].outside))
    if outside:
        return [doc.problem(loc, "content-outside", {"path": path}, "hint-content-outside")]
    if not norm.endswith(".md"):
        return [doc.problem(loc, "content-not-markdown", {"path": path}, "hint-content-not-markdown")]
    if norm not in content:
        best = suggest(norm, content)
        if best:
            return [doc.problem(loc, "content-missing", {"path": norm}, "hint-did-you-mean", {"suggestion": best})]
        return [doc.problem(loc, "content-missing", {"path": norm}, "hint-content-create", {"path": norm})]
    return []


def draft_content_rules(courses: dict[str, Document], content: dict[str, ContentFile]) -> list[Problem]:
    """A published course may not show a module whose file is marked draft."""
    out = []
    for doc in courses.values():
        if text_at(doc.data, "status") == "draft":
            continue
        for i, module in enumerate(items_at(doc.data, "modules")):
            path = text_at(module, "content")
            item = content.get(content_path(path)) if path else None
            if item is not None and item.front is not None and text_at(item.front.data, "status") == "draft":
                out.append(doc.problem(("modules", i, "content"), "content-draft", {"path": content_path(path)},
                                       "hint-content-draft", {"path": item.path}))
    return out


def users(courses: dict[str, Document]) -> dict[str, list[Document]]:
    """For each content file a course uses, the courses that use it."""
    out: dict[str, list[Document]] = {}
    for doc in courses.values():
        for module in items_at(doc.data, "modules"):
            path = text_at(module, "content")
            if path is not None:
                out.setdefault(content_path(path), []).append(doc)
    return out


def prerequisite_rules(courses: dict[str, Document]) -> list[Problem]:
    """Prerequisites must name known courses, not drafts (from published ones), and not loop."""
    out = []
    graph = {}
    for cid, doc in courses.items():
        pres = items_at(doc.data, "prerequisites")
        graph[cid] = [p for p in pres if isinstance(p, str) and p in courses]
        for i, pre in enumerate(pres):
            if isinstance(pre, str):
                out += _prerequisite(doc, ("prerequisites", i), pre, courses)
    for cycle in _cycles(graph):
        doc = courses[cycle[0]]
        loc = ("prerequisites", items_at(doc.data, "prerequisites").index(cycle[1]))
        out.append(doc.problem(loc, "prerequisite-cycle", {"cycle": " → ".join(cycle)}, "hint-prerequisite-cycle"))
    return out


def _prerequisite(doc: Document, loc: tuple, pre: str, courses: dict[str, Document]) -> list[Problem]:
    if pre not in courses:
        hint, hint_params = choice_hint(pre, sorted(courses))
        if hint == "hint-allowed-values":
            hint = "hint-known-courses"
        return [doc.problem(loc, "prerequisite-unknown", {"id": pre}, hint, hint_params)]
    if text_at(doc.data, "status") != "draft" and text_at(courses[pre].data, "status") == "draft":
        return [doc.problem(loc, "prerequisite-draft", {"id": pre}, "hint-prerequisite-draft", {"id": pre})]
    return []


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Each elementary cycle found by depth-first search, once, starting at its smallest id."""
    found: dict[tuple, list[str]] = {}
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                loop = stack[stack.index(nxt):]
                start = loop.index(min(loop))
                loop = loop[start:] + loop[:start]
                found.setdefault(tuple(loop), loop + [loop[0]])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return [found[k] for k in sorted(found)]
