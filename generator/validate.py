"""Rules: turn what was read into a typed project, or every problem at once."""

from __future__ import annotations

import datetime as dt
import html
import os
import posixpath
import re
import types
import typing
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

import pydantic

from . import data, model
from .load import ContentFile, Document, Sources, key_path, type_name
from .problems import WARNING, Problem, Term, choice_hint, suggest


@dataclass
class Project:
    """A checked project: typed config, courses and standards (drafts included), content files."""

    root: Path
    config: model.SiteConfig
    courses: list[model.Course]
    content: dict[str, ContentFile]
    front: dict[str, Any] = field(default_factory=dict)  # content path -> its typed front matter
    standards: list[model.ServiceStandard] = field(default_factory=list)
    paths: list[model.LearningPath] = field(default_factory=list)

    @property
    def published(self) -> list[model.Course]:
        return [c for c in self.courses if c.status == "published"]

    @property
    def published_paths(self) -> list[model.LearningPath]:
        return [p for p in self.paths if p.status == "published"]

    @property
    def published_standards(self) -> list[model.ServiceStandard]:
        return [s for s in self.standards if s.status == "published"]


# Markdown under content/ is typed by its folder; everything else is a plain page.
FOLDER_KINDS = {"modul": "module", "team-building": "guide", "pengetahuan": "article"}
FRONT_MATTER = {"module": model.ModuleFrontMatter, "guide": model.GuideFrontMatter,
                "article": model.ArticleFrontMatter, "page": model.PageFrontMatter}


def kind_of(rel: str) -> str:
    """The kind of a Markdown file from its path relative to content/."""
    return FOLDER_KINDS.get(rel.split("/", 1)[0] if "/" in rel else "", "page")


def language(sources: Sources) -> str:
    """The language for messages: the site's, or Indonesian when it cannot be read."""
    raw = sources.config.data if sources.config else None
    return "en" if isinstance(raw, dict) and raw.get("language") == "en" else "id"


def validate(sources: Sources, today: dt.date | None = None) -> tuple[Project | None, list[Problem]]:
    """Apply every rule; return the project (None when there are errors) and all problems.

    today is the build date that review dates are measured against (default: build_date()).
    """
    problems = list(sources.problems)
    config = None
    if sources.config is not None:
        config, found = structure(sources.config, model.SiteConfig)
        problems += found + yaml_links(sources.config)
        if config is not None:
            problems += theme_files(config, sources.config, sources.root)
    courses: list[model.Course] = []
    seen: dict[str, Document] = {}
    for doc in sources.courses:
        course, found = structure(doc, model.Course)
        problems += found + yaml_links(doc) + course_rules(doc, sources.content)
        if course is not None:
            courses.append(course)
        cid = _text(doc.data, "id")
        if cid in seen:
            problems.append(Problem(doc.path, *doc.where(("id",)), "id", "duplicate-course",
                                    {"id": cid, "other": seen[cid].path}, "hint-unique-id"))
        elif cid is not None:
            seen[cid] = doc
    problems += prerequisite_rules(seen)
    fronts = {}
    users = _users(seen)
    for rel, item in sources.content.items():
        fronts[rel], found = front_matter(item, kind_of(rel), users.get(rel, []))
        problems += found + content_rules(item, sources.assets)
    problems += draft_content_rules(seen, sources.content)
    standards, found = standard_rules(sources.standards, today or build_date())
    problems += found
    paths, found = path_rules(sources.paths, seen)
    problems += found
    if config is None or any(p.severity != WARNING for p in problems):
        return None, problems
    project = Project(sources.root, config, courses, sources.content, fronts, standards, paths)
    return project, problems


def build_date() -> dt.date:
    """The date of this build: SOURCE_DATE_EPOCH's when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch.isdigit() else dt.date.today()


def _users(courses: dict[str, Document]) -> dict[str, list[Document]]:
    """For each content file a course uses, the courses that use it."""
    out: dict[str, list[Document]] = {}
    for doc in courses.values():
        for module in _items(doc.data, "modules"):
            path = _text(module, "content")
            if path is not None:
                out.setdefault(content_path(path), []).append(doc)
    return out


# --- structure: the model's verdict, translated into our messages


def structure(doc: Document, cls: type[model.Strict]) -> tuple[Any, list[Problem]]:
    """Validate a document against a model class; translate every error."""
    try:
        return cls.model_validate(doc.data), []
    except pydantic.ValidationError as exc:
        return None, [_translate(doc, cls, err) for err in exc.errors(include_url=False)]


COMPONENTS = model.DELIVERY_COMPONENTS + model.INTERNAL_COMPONENTS
KIND_OF_ERROR = {
    "string_type": "kind-text", "int_type": "kind-integer", "float_type": "kind-number",
    "bool_type": "kind-true/false", "list_type": "kind-list", "model_type": "kind-mapping",
    "dict_type": "kind-mapping", "model_attributes_type": "kind-mapping", "date_type": "kind-date",
    "tuple_type": "kind-pair", "int_from_float": "kind-integer", "model_class_type": "kind-mapping",
}
PATTERN_CODES = {
    model.ID_PATTERN: ("bad-id", "hint-bad-id"),
    model.TEXT_PATTERN: ("empty-text", None),
    model.URL_PATTERN: ("bad-url", "hint-bad-url"),
    model.DOMAIN_PATTERN: ("bad-domain", "hint-bad-domain"),
}


def _translate(doc: Document, cls: type, err: dict) -> Problem:
    loc = _data_loc(doc.data, err["loc"])
    kind, ctx, value = err["type"], err.get("ctx", {}), err.get("input")
    key = key_path(loc)

    def at(code, params=None, hint=None, hint_params=None, of_key=False, where=loc, key=key):
        return Problem(doc.path, *doc.where(where, of_key), key, code, params or {}, hint, hint_params or {})

    if kind == "missing" and isinstance(loc[-1], int):  # a [left, right] pair with one side
        return at("too-few", {"limit": loc[-1] + 1, "actual": loc[-1]}, where=loc[:-1], key=key_path(loc[:-1]))
    if kind == "missing" and cls is model.ServiceStandard and len(loc) == 1 and loc[0] in COMPONENTS:
        return at("component-missing", {"key": loc[0]}, "hint-component-missing", {"key": loc[0]}, where=())
    if kind == "missing":
        return at("missing", {"key": loc[-1]}, "hint-missing", {"key": loc[-1]}, where=loc[:-1])
    if kind == "extra_forbidden":
        allowed = _fields_at(cls, doc.data, loc[:-1])
        best = suggest(loc[-1], allowed)
        if best:
            return at("unknown-key", {"key": loc[-1]}, "hint-did-you-mean", {"suggestion": best}, of_key=True)
        return at("unknown-key", {"key": loc[-1]}, "hint-allowed-keys", {"allowed": ", ".join(allowed)}, of_key=True)
    if kind in KIND_OF_ERROR:
        expected = KIND_OF_ERROR[kind]
        actual = type_name(value)
        hint, hint_params = None, {}
        if expected == "kind-text" and actual in ("number", "true/false"):
            hint, hint_params = "hint-quote-text", {"value": _yaml_scalar(value)}
        elif expected == "kind-true/false" and actual == "text":
            hint = "hint-yes-no"
        elif expected in ("kind-number", "kind-integer") and actual == "text":
            hint = "hint-number"
        elif expected == "kind-list":
            hint = "hint-list"
        if cls is model.ServiceStandard and loc[:1] in (("biaya",), ("jangka_waktu",)):
            hint, hint_params = f"hint-{loc[0]}", {}
        actual_term = Term("kind-" + actual) if "kind-" + actual in data.table("messages") else actual
        return at("wrong-type", {"expected": Term(expected), "actual": actual_term}, hint, hint_params)
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", ctx.get("expected", ""))
        hint, hint_params = choice_hint(value, allowed)
        return at("not-allowed", {"value": value, "allowed": ", ".join(allowed)}, hint, hint_params)
    if kind in ("greater_than_equal", "greater_than"):
        return at("too-small", {"limit": _number(ctx.get("ge", ctx.get("gt"))), "value": _number(value)})
    if kind in ("less_than_equal", "less_than"):
        return at("too-large", {"limit": _number(ctx.get("le", ctx.get("lt"))), "value": _number(value)})
    if kind == "too_short":
        return at("too-few", {"limit": ctx["min_length"], "actual": ctx["actual_length"]})
    if kind == "too_long":
        return at("too-many", {"limit": ctx["max_length"], "actual": ctx["actual_length"]})
    if kind == "string_pattern_mismatch":
        code, hint = PATTERN_CODES.get(ctx.get("pattern"), ("invalid", None))
        return at(code, {"value": value, "detail": err["msg"]}, hint)
    allowed_types = ", ".join(model.QUESTION_TYPES)
    if kind == "union_tag_invalid":
        hint, hint_params = choice_hint(ctx.get("tag"), model.QUESTION_TYPES)
        return at("question-type-unknown", {"value": ctx.get("tag"), "allowed": allowed_types},
                  hint, hint_params, where=loc + ("type",), key=key_path(loc + ("type",)))
    if kind == "union_tag_not_found":
        return at("question-type-missing", {}, "hint-question-type", {"allowed": allowed_types})
    return at("invalid", {"detail": err["msg"]})


def _number(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _yaml_scalar(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _data_loc(raw: Any, loc: tuple) -> tuple:
    """Drop the union tags pydantic adds to a location (e.g. ...questions.0.single.choices)."""
    out: list = []
    here = raw
    for part in loc:
        if isinstance(here, dict) and part not in here and part == here.get("type"):
            continue
        out.append(part)
        if isinstance(here, dict):
            here = here.get(part)
        elif isinstance(here, list) and isinstance(part, int) and 0 <= part < len(here):
            here = here[part]
        else:
            here = None
    return tuple(out)


def _fields_at(cls: Any, raw: Any, loc: tuple) -> list[str]:
    """The keys the model allows at a location of the raw data."""
    here = raw
    for part in loc:
        here = here[part] if isinstance(here, (dict, list)) else None
        cls = _inner(cls, part, here)
    cls = _pick(cls, here)
    return list(cls.model_fields) if isinstance(cls, type) and issubclass(cls, pydantic.BaseModel) else []


def _inner(cls: Any, part: Any, here: Any) -> Any:
    cls = _pick(cls, here)
    if isinstance(cls, type) and issubclass(cls, pydantic.BaseModel):
        field = cls.model_fields.get(part)
        return field.annotation if field else None
    args = typing.get_args(cls)
    return args[0] if args else None


def _pick(cls: Any, here: Any) -> Any:
    """Unwrap Annotated/Optional, and choose a question class by its `type`."""
    while typing.get_origin(cls) is typing.Annotated:
        cls = typing.get_args(cls)[0]
    if typing.get_origin(cls) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(cls) if a is not type(None)]
        chosen = [o for o in options if isinstance(o, type) and issubclass(o, pydantic.BaseModel)
                  and isinstance(here, dict) and "type" in o.model_fields
                  and here.get("type") in typing.get_args(o.model_fields["type"].annotation)]
        cls = chosen[0] if chosen else options[0] if len(options) == 1 else None
        return _pick(cls, here) if cls is not None else None
    return cls


# --- rules beyond the model's types
# These rules read the raw data, so they still run when the model rejected part of a file:
# a trainer sees every problem in one run. A value of the wrong type is skipped here (the
# model has already reported it).


def _text(raw: Any, key: Any) -> str | None:
    value = raw.get(key) if isinstance(raw, dict) else None
    return value if isinstance(value, str) else None


def _int(raw: Any, key: Any) -> int | None:
    value = raw.get(key) if isinstance(raw, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _items(raw: Any, key: Any) -> list:
    value = raw.get(key) if isinstance(raw, dict) else None
    return value if isinstance(value, list) else []


def course_rules(doc: Document, content: dict[str, ContentFile]) -> list[Problem]:
    """Rules within one course: ids, JP, competency, content files and quizzes."""
    raw = doc.data
    out: list[Problem] = []

    def add(loc, code, params=None, hint=None, hint_params=None, severity="error"):
        out.append(Problem(doc.path, *doc.where(loc), key_path(loc), code, params or {}, hint,
                           hint_params or {}, severity))

    cid, stem = _text(raw, "id"), PurePosixPath(doc.path).stem
    if cid is not None and cid != stem:
        add(("id",), "id-not-filename", {"id": cid, "stem": stem}, "hint-id-not-filename", {"id": cid}, WARNING)
    modules, objectives = _items(raw, "modules"), _items(raw, "objectives")
    for key, items, code in (("modules", modules, "duplicate-module"),
                             ("objectives", objectives, "duplicate-objective")):
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            iid = _text(item, "id")
            if iid in seen:
                first = doc.where((key, seen[iid], "id"))[0]
                add((key, i, "id"), code, {"id": iid, "line": first}, "hint-unique-id")
            elif iid is not None:
                seen[iid] = i
    for i, module in enumerate(modules):
        if _text(module, "id") in RESERVED_MODULE_IDS:
            add(("modules", i, "id"), "reserved-id", {"id": module["id"]}, "hint-reserved-id")
    jps = [_int(m, "jp") for m in modules]
    jp = _int(raw, "jp")
    if jp is not None and modules and None not in jps and sum(jps) != jp:
        total = sum(jps)
        add(("jp",), "jp-sum", {"jp": jp, "total": total, "terms": " + ".join(map(str, jps))},
            "hint-jp-sum", {"total": total})
    category, competency = _text(raw, "category"), _text(raw, "competency")
    if category in data.categories() and competency is not None and not data.is_free_category(category):
        allowed = data.competency_ids(category)
        if competency not in allowed:
            hint, hint_params = choice_hint(competency, allowed)
            add(("competency",), "competency-unknown", {"value": competency, "category": category},
                hint, hint_params)
    for i, module in enumerate(modules):
        path = _text(module, "content")
        if path is not None:
            out += _content_reference(path, content, doc, ("modules", i, "content"))
    objective_ids = [o["id"] for o in objectives if _text(o, "id")]
    covered = set()
    for i, module in enumerate(modules):
        quiz = module.get("quiz") if isinstance(module, dict) else None
        for j, question in enumerate(_items(quiz, "questions")):
            loc = ("modules", i, "quiz", "questions", j)
            objective = _text(question, "objective")
            if objective is not None:
                covered.add(objective)
                if objective not in objective_ids:
                    hint, hint_params = choice_hint(objective, objective_ids)
                    add(loc + ("objective",), "objective-unknown", {"id": objective}, hint, hint_params)
            for problem in question_rules(question):
                add(loc + problem[0], *problem[1:])
    for i, objective in enumerate(objective_ids):
        if objective not in covered:
            add(("objectives", i, "id"), "objective-uncovered", {"id": objective},
                "hint-objective-uncovered", {"id": objective}, WARNING)
    return out


def question_rules(q: Any) -> list[tuple]:
    """Sanity of one question: (relative location, code, params, hint) for each problem."""
    kind = _text(q, "type")
    if kind in ("single", "multiple"):
        choices = [c for c in _items(q, "choices") if isinstance(c, dict)]
        right = sum(c.get("correct") is True for c in choices)
        wrong = len(choices) - right
        if kind == "single" and right != 1:
            return [(("choices",), "single-correct", {"count": right}, "hint-single-correct")]
        if kind == "multiple" and (right == 0 or wrong == 0):
            return [(("choices",), "multiple-correct", {"right": right, "wrong": wrong}, "hint-multiple-correct")]
    if kind == "order":
        return _duplicates(_items(q, "items"), lambda i: ("items", i))
    if kind == "match":
        pairs = [p if isinstance(p, list) and len(p) == 2 else [None, None] for p in _items(q, "pairs")]
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
    where = doc.where(loc)
    key = key_path(loc)
    norm = content_path(path)
    outside = (path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path) or norm.startswith("..")
               or (norm in content and content[norm].outside))
    if outside:
        return [Problem(doc.path, *where, key, "content-outside", {"path": path}, "hint-content-outside")]
    if not norm.endswith(".md"):
        return [Problem(doc.path, *where, key, "content-not-markdown", {"path": path}, "hint-content-not-markdown")]
    if norm not in content:
        best = suggest(norm, content)
        if best:
            return [Problem(doc.path, *where, key, "content-missing", {"path": norm}, "hint-did-you-mean",
                            {"suggestion": best})]
        return [Problem(doc.path, *where, key, "content-missing", {"path": norm}, "hint-content-create",
                        {"path": norm})]
    return []


def content_path(path: str) -> str:
    """The key of a module's content file in Sources.content."""
    return posixpath.normpath(path.replace("\\", "/"))


def prerequisite_rules(courses: dict[str, Document]) -> list[Problem]:
    """Prerequisites must name known courses, not drafts (from published ones), and not loop."""
    out = []
    known = sorted(courses)

    def draft(doc: Document) -> bool:
        return _text(doc.data, "status") == "draft"

    graph = {}
    for cid, doc in courses.items():
        pres = _items(doc.data, "prerequisites")
        graph[cid] = [p for p in pres if isinstance(p, str) and p in courses]
        for i, pre in enumerate(pres):
            loc = ("prerequisites", i)
            if not isinstance(pre, str):
                continue
            if pre not in courses:
                hint, hint_params = choice_hint(pre, known)
                if hint == "hint-allowed-values":
                    hint = "hint-known-courses"
                out.append(Problem(doc.path, *doc.where(loc), key_path(loc), "prerequisite-unknown",
                                   {"id": pre}, hint, hint_params))
            elif not draft(doc) and draft(courses[pre]):
                out.append(Problem(doc.path, *doc.where(loc), key_path(loc), "prerequisite-draft",
                                   {"id": pre}, "hint-prerequisite-draft", {"id": pre}))
    for cycle in _cycles(graph):
        doc = courses[cycle[0]]
        loc = ("prerequisites", _items(doc.data, "prerequisites").index(cycle[1]))
        out.append(Problem(doc.path, *doc.where(loc), key_path(loc), "prerequisite-cycle",
                           {"cycle": " → ".join(cycle)}, "hint-prerequisite-cycle"))
    return out


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


# pages the generator writes itself: a Markdown file of its own may not take their place
RESERVED_PAGES = {"modul/index.md", "team-building/index.md", "pengetahuan/index.md", "pengetahuan/tag.md",
                  "progres.md"}
RESERVED_FOLDERS = {"kursus", "layanan", "kompetensi", "konten", "assets", "search", "jalur"}
RESERVED_MODULE_IDS = ("index", "bukti")  # a course's own page and its completion record
RESERVED_STANDARD_IDS = ("index", "pengaduan")


def front_matter(item: ContentFile, kind: str, used_by: list[Document]) -> tuple[Any, list[Problem]]:
    """The typed front matter of a Markdown file, checked against its kind's model and rules."""
    cls = FRONT_MATTER[kind]
    if item.front is None:
        if kind == "guide":
            return None, [Problem(item.path, 1, 1, "", "front-matter-missing", {}, "hint-guide-front-matter")]
        front, out = cls(), []
    else:
        front, out = structure(item.front, cls)
        out += yaml_links(item.front)
    raw = item.front.data if item.front is not None else {}
    doc = item.front

    def add(loc, code, params=None, hint=None, hint_params=None):
        out.append(Problem(item.path, *doc.where(loc), key_path(loc), code, params or {}, hint, hint_params or {}))

    if kind == "module":
        category, competency = _text(raw, "category"), _text(raw, "competency")
        if competency is not None and not (category in data.categories() and data.is_free_category(category)):
            allowed = data.competency_ids(category) if category in data.categories() else data.fixed_competency_ids()
            if competency not in allowed:
                hint, hint_params = choice_hint(competency, allowed)
                if hint == "hint-allowed-values" and category is None:
                    hint = "hint-competency-teknis"
                add(("competency",), "competency-unknown-any" if category is None else "competency-unknown",
                    {"value": competency, "category": category}, hint, hint_params)
    if kind == "guide":
        size = raw.get("group_size")
        low, high = _int(size, "min"), _int(size, "max")
        if low is not None and high is not None and low > high:
            add(("group_size", "max"), "group-size-order", {"min": low, "max": high}, "hint-group-size-order")
        for i, competency in enumerate(_items(raw, "competencies")):
            if isinstance(competency, str) and competency not in data.fixed_competency_ids():
                hint, hint_params = choice_hint(competency, data.fixed_competency_ids())
                add(("competencies", i), "competency-unknown-any", {"value": competency}, hint, hint_params)
    rel = item.path.removeprefix("content/")
    if not used_by and (rel in RESERVED_PAGES or rel.split("/")[0] in RESERVED_FOLDERS):
        out.append(Problem(item.path, 1, 1, "", "reserved-path", {"path": rel}, "hint-reserved-path"))
    standalone = not used_by and kind != "guide" and item.path != "content/index.md"
    if standalone and front is not None and front.status == "published" and not page_title(item, front):
        out.append(Problem(item.path, 1, 1, "title" if doc else "", "title-missing", {}, "hint-title-missing"))
    return front, out


_H1 = re.compile(r"^[ ]{0,3}# +(.+?)[ #]*$|^[ ]{0,3}(\S[^\n]*)\n[ ]{0,3}=+[ \t]*$", re.M)


def page_title(item: ContentFile, front: Any) -> str | None:
    """A page's title: its front matter's, else its first '# ' heading."""
    if front is not None and getattr(front, "title", None):
        return front.title
    found = _H1.search(mask_code(item.body))
    return (found.group(1) or found.group(2)).strip() if found else None


def draft_content_rules(courses: dict[str, Document], content: dict[str, ContentFile]) -> list[Problem]:
    """A published course may not show a module whose file is marked draft."""
    out = []
    for doc in courses.values():
        if _text(doc.data, "status") == "draft":
            continue
        for i, module in enumerate(_items(doc.data, "modules")):
            path = _text(module, "content")
            item = content.get(content_path(path)) if path else None
            if item is not None and item.front is not None and _text(item.front.data, "status") == "draft":
                loc = ("modules", i, "content")
                out.append(Problem(doc.path, *doc.where(loc), key_path(loc), "content-draft",
                                   {"path": content_path(path)}, "hint-content-draft", {"path": item.path}))
    return out


def standard_rules(docs: list[Document], today: dt.date) -> tuple[list[model.ServiceStandard], list[Problem]]:
    """Service standards: all 14 components, ids, and a review date at most 12 months old."""
    standards, out, seen = [], [], {}
    year_ago = _year_before(today)
    for doc in docs:
        standard, found = structure(doc, model.ServiceStandard)
        out += found + yaml_links(doc)
        if standard is not None:
            standards.append(standard)
        sid, stem = _text(doc.data, "id"), PurePosixPath(doc.path).stem
        if sid is not None and sid != stem:
            out.append(Problem(doc.path, *doc.where(("id",)), "id", "id-not-filename", {"id": sid, "stem": stem},
                               "hint-id-not-filename", {"id": sid}, WARNING))
        if sid in RESERVED_STANDARD_IDS:
            out.append(Problem(doc.path, *doc.where(("id",)), "id", "reserved-id", {"id": sid},
                               "hint-reserved-id"))
        if sid in seen:
            out.append(Problem(doc.path, *doc.where(("id",)), "id", "duplicate-standard",
                               {"id": sid, "other": seen[sid]}, "hint-unique-id"))
        elif sid is not None:
            seen[sid] = doc.path
        reviewed = doc.data.get("last_reviewed")
        if isinstance(reviewed, dt.date) and not isinstance(reviewed, dt.datetime):
            where = doc.where(("last_reviewed",))
            if reviewed < year_ago:
                out.append(Problem(doc.path, *where, "last_reviewed", "review-overdue",
                                   {"date": reviewed.isoformat(), "today": today.isoformat()},
                                   "hint-review-overdue", {}, WARNING))
            elif reviewed > today:
                out.append(Problem(doc.path, *where, "last_reviewed", "review-in-future",
                                   {"date": reviewed.isoformat(), "today": today.isoformat()},
                                   "hint-review-in-future", {}, WARNING))
    return standards, out


def path_rules(docs: list[Document], courses: dict[str, Document]) -> tuple[list[model.LearningPath], list[Problem]]:
    """Learning paths: known, published courses, each once, every prerequisite before the course needing it."""
    paths, out, seen = [], [], {}
    for doc in docs:
        path, found = structure(doc, model.LearningPath)
        out += found + yaml_links(doc) + _path_courses(doc, courses)
        if path is not None:
            paths.append(path)
        pid, stem = _text(doc.data, "id"), PurePosixPath(doc.path).stem
        where = doc.where(("id",))
        if pid is not None and pid != stem:
            out.append(Problem(doc.path, *where, "id", "id-not-filename", {"id": pid, "stem": stem},
                               "hint-id-not-filename", {"id": pid}, WARNING))
        if pid in seen:
            out.append(Problem(doc.path, *where, "id", "duplicate-path", {"id": pid, "other": seen[pid]},
                               "hint-unique-id"))
        elif pid is not None:
            seen[pid] = doc.path
    return paths, out


def _path_courses(doc: Document, courses: dict[str, Document]) -> list[Problem]:
    out = []

    def add(i, code, params, hint=None, hint_params=None, severity="error"):
        loc = ("courses", i)
        out.append(Problem(doc.path, *doc.where(loc), key_path(loc), code, params, hint, hint_params or {},
                           severity))

    listed = [c if isinstance(c, str) else None for c in _items(doc.data, "courses")]
    published = _text(doc.data, "status") != "draft"
    for i, cid in enumerate(listed):
        if cid is None:
            continue
        if cid not in courses:
            hint, hint_params = choice_hint(cid, sorted(courses))
            add(i, "path-course-unknown", {"id": cid},
                "hint-known-courses" if hint == "hint-allowed-values" else hint, hint_params)
        elif listed.index(cid) < i:
            add(i, "path-course-twice", {"id": cid}, "hint-duplicate-item")
        else:
            if published and _text(courses[cid].data, "status") == "draft":
                add(i, "path-course-draft", {"id": cid}, "hint-path-course-draft", {"id": cid})
            for pre in _items(courses[cid].data, "prerequisites"):
                if pre in listed and listed.index(pre) > i:
                    add(i, "path-order", {"id": cid, "pre": pre}, "hint-path-order", {"id": cid, "pre": pre})
                elif isinstance(pre, str) and pre in courses and pre not in listed:
                    add(i, "path-prerequisite-missing", {"id": cid, "pre": pre}, "hint-path-prerequisite-missing",
                        {"pre": pre}, WARNING)
    return out


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def theme_files(config: model.SiteConfig, doc: Document, root: Path) -> list[Problem]:
    """The logo and favicon must be files inside the project."""
    out = []
    for name in ("logo", "favicon"):
        value = getattr(config.theme, name)
        if value is None:
            continue
        target = (root / value).resolve()
        if not target.is_file() or not target.is_relative_to(root.resolve()):
            out.append(Problem(doc.path, *doc.where(("theme", name)), f"theme.{name}", "logo-missing",
                               {"path": value}, "hint-logo-missing"))
    return out


# --- unsafe links and HTML

UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def unsafe_url(url: str) -> bool:
    """True for URLs a browser would run as script (entities and whitespace as browsers see them)."""
    return _CONTROL.sub("", html.unescape(url)).lower().startswith(UNSAFE_SCHEMES)


_MD_LINK = re.compile(r"\]\(\s*<?([^)>\s]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+)|<([a-zA-Z][\w+.-]*:[^>\s]*)>", re.M)


def yaml_links(doc: Document) -> list[Problem]:
    """Markdown link targets in YAML text that would run script."""
    out = []

    def walk(value: Any, loc: tuple) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, loc + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, loc + (i,))
        elif isinstance(value, str) and ":" in value:
            for m in _MD_LINK.finditer(value):
                if unsafe_url(next(g for g in m.groups() if g is not None)):
                    out.append(Problem(doc.path, *doc.where(loc), key_path(loc), "javascript-link", {},
                                       "hint-javascript-link"))
                    return

    walk(doc.data, ())
    return out


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_SCRIPT = re.compile(r"<\s*script\b", re.I)
_HANDLER = re.compile(r"<[a-zA-Z][^>]*?[\s\"'/](on[a-zA-Z]+)\s*=", re.S)
_URL_ATTR = re.compile(r"""\b(?:href|src|action|formaction|xlink:href|data)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)


def mask_code(text: str) -> str:
    """Blank out fenced code blocks and code spans, keeping every other character in place."""
    if "`" not in text and "~~~" not in text:
        return text
    lines = text.split("\n")
    fence = None
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)[0] * len(m.group(1))
            lines[i] = " " * len(line)
        elif fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            lines[i] = " " * len(line)
        else:
            lines[i] = _CODE_SPAN.sub(lambda s: " " * len(s.group(0)), line)
    return "\n".join(lines)


_LOCAL_LINK = re.compile(r"""\]\(\s*<?([^)>\s]+)|\b(?:src|href)\s*=\s*["']([^"']+)["']""", re.I)
_NOT_A_FILE = re.compile(r"^([a-zA-Z][\w+.-]*:|/|#)")


def linked_files(item: ContentFile) -> tuple[tuple[int, int, str, str], ...]:
    """Relative links from a Markdown file to other files (images, PDFs), outside code.

    Each is (start, end, url as written, path relative to content/); links to pages (.md as
    written, .html as built), anchors and absolute URLs are not files of this kind.
    """
    return _linked_files(item.path, item.body)


@lru_cache(maxsize=4096)  # asked by the checker, the page renderer and the copy list
def _linked_files(path: str, body: str) -> tuple[tuple[int, int, str, str], ...]:
    if "](" not in body and "src" not in body and "href" not in body:
        return ()
    text = mask_code(body)
    folder = posixpath.dirname(path.removeprefix("content/"))
    out = []
    for m in _LOCAL_LINK.finditer(text):
        g = 1 if m.group(1) is not None else 2
        url = m.group(g)
        target = re.split(r"[?#]", url, maxsplit=1)[0]
        if not target or _NOT_A_FILE.match(html.unescape(url)) or target.endswith((".md", ".html")):
            continue
        out.append((m.start(g), m.end(g), url, posixpath.normpath(posixpath.join(folder, target))))
    return tuple(out)


def content_rules(item: ContentFile, assets: frozenset[str] = frozenset()) -> list[Problem]:
    """Unsafe HTML and links to missing files in one Markdown file."""
    out = []
    text = mask_code(item.body)

    def add(index: int, code: str, params: dict) -> None:
        before = text[:index]
        line = item.body_line + before.count("\n")
        col = index - (before.rfind("\n") + 1) + 1
        hint = {"javascript-link": "hint-javascript-link", "asset-missing": "hint-asset-missing",
                "asset-outside": "hint-asset-outside"}.get(code, "hint-unsafe-html")
        out.append(Problem(item.path, line, col, "", code, params, hint, params))

    if "<" in text:  # cheap tests first: most pages have no raw HTML at all
        for m in _SCRIPT.finditer(text):
            add(m.start(), "script-tag", {})
        for m in _HANDLER.finditer(text):
            add(m.start(1), "event-handler", {"attr": m.group(1)})
        for m in _URL_ATTR.finditer(text):
            if unsafe_url(m.group(1).strip("\"'")):
                add(m.start(1), "javascript-link", {})
    for m in _MD_LINK.finditer(text) if ":" in text else ():
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        if unsafe_url(m.group(g)):
            add(m.start(g), "javascript-link", {})
    for start, _, url, path in linked_files(item):
        if path.startswith("../") or path == "..":
            add(start, "asset-outside", {"path": url})
        elif path not in assets:
            add(start, "asset-missing", {"path": path})
    return out
