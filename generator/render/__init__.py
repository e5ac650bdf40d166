"""Pure functions from a checked project to the build tree's files (path -> text)."""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup

from .. import data
from ..model import Course, Quiz
from ..validate import Project, content_path, linked_files
from .text import heading, inline, plain

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter: a large nav dumps 10x faster
TEMPLATES = Path(__file__).parent.parent / "templates"
ASSETS = Path(__file__).parent.parent / "assets"
DOCS = "docs"


def render(project: Project) -> dict[str, str]:
    """Every file of the build tree: mkdocs.yml, the Markdown pages and our assets."""
    env = environment(project.config.language)
    courses = project.published
    known = {c.id: c for c in courses}
    pages = {"index.md": env.get_template("home.md.j2").render(config=project.config, courses=courses)}
    for course in courses:
        pages[f"kursus/{course.id}/index.md"] = course_page(env, course, known)
        for i, module in enumerate(course.modules):
            body = with_file_links(project.content[content_path(module.content)], "../../")
            pages[f"kursus/{course.id}/{module.id}.md"] = module_page(env, course, i, body)
    tree = {f"{DOCS}/{path}": text for path, text in pages.items()}
    for asset in sorted(ASSETS.iterdir()):
        tree[f"{DOCS}/assets/lms/{asset.name}"] = asset.read_text(encoding="utf-8")
    tree["mkdocs.yml"] = mkdocs_yml(project)
    return tree


def course_page(env: jinja2.Environment, course: Course, known: dict[str, Course]) -> str:
    prerequisites = [
        {"title": known[p].title if p in known else p, "url": f"../{p}/index.html" if p in known else None}
        for p in course.prerequisites
    ]
    return env.get_template("course.md.j2").render(course=course, prerequisites=prerequisites)


def module_page(env: jinja2.Environment, course: Course, index: int, body: str) -> str:
    modules = course.modules
    quiz = modules[index].quiz
    return env.get_template("module.md.j2").render(
        course=course,
        module=modules[index],
        quiz_hash=quiz_hash(quiz) if quiz else "",
        previous=modules[index - 1] if index > 0 else None,
        next=modules[index + 1] if index + 1 < len(modules) else None,
        body=Markup(without_title(body)),  # the trainer's Markdown: checked for scripts, not escaped
    )


FILES = "konten"  # where files linked from Markdown go in the build tree, under their content/ path


def with_file_links(item, to_root: str) -> str:
    """The Markdown body with relative links to files pointing at their copies in the build tree."""
    body = item.body
    for start, end, url, path in reversed(linked_files(item)):
        suffix = url[len(re.split(r"[?#]", url, maxsplit=1)[0]):]
        body = body[:start] + f"{to_root}{FILES}/{path}{suffix}" + body[end:]
    return body


def quiz_hash(quiz: Quiz) -> str:
    """A short hash of the quiz content: stored results are keyed by it, so an edited quiz starts afresh."""
    return hashlib.sha256(quiz.model_dump_json().encode("utf-8")).hexdigest()[:12]


def answer_key(question) -> str:
    """What the quiz script needs to score a question (order and match keep theirs in the DOM)."""
    if question.type in ("single", "multiple"):
        key = {"correct": [i for i, c in enumerate(question.choices) if c.correct]}
    elif question.type == "true-false":
        key = {"answer": question.answer}
    elif question.type == "short":
        key = {"answers": list(question.answers)}
    elif question.type == "numeric":
        key = {"answer": question.answer, "tolerance": question.tolerance}
    else:
        key = {}
    return json.dumps(key, ensure_ascii=False, separators=(",", ":"))


_LEADING_H1 = re.compile(r"\A\s*# [^\n]*\n?|\A\s*[^\n]+\n=+[ \t]*(\n|\Z)")


def without_title(body: str) -> str:
    """Drop the content file's own leading H1: the module title from YAML heads the page."""
    return _LEADING_H1.sub("", body, count=1).strip("\n")


@cache
def environment(lang: str) -> jinja2.Environment:
    """Templates with autoescaping on: every value is escaped unless a filter says otherwise."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    ui = data.table("ui")
    competencies = data.table("competencies")
    env.filters.update(
        md=inline,
        heading=heading,
        plain=plain,
        ui=lambda key, **kw: ui[key][lang].format(**kw),
        rotate=lambda items: list(items)[1:] + list(items)[:1],  # never shown already solved
        positions=lambda items: list(enumerate(items, start=1)),
        answer_key=answer_key,
        number=lambda x: f"{x:g}".replace(".", ",") if lang == "id" else f"{x:g}",
    )
    env.globals.update(
        quiz_text=json.dumps({k[3:]: v[lang] for k, v in ui.items() if k.startswith("js-")}, ensure_ascii=False),
        category_label=lambda c: competencies[c]["label"][lang],
        competency_label=lambda course: competencies[course.category]["competencies"]
        .get(course.competency, {})
        .get(lang, course.competency),
        skm_label=lambda e: data.table("skm")[e][lang],
        jp_long=lambda jp: ui["jp-long"][lang].format(jp=jp, minutes=jp * 45),
    )
    return env


def mkdocs_yml(project: Project) -> str:
    """The engine's configuration; every text from the project is HTML-escaped here."""
    config, lang = project.config, project.config.language
    theme = config.theme
    ui = data.table("ui")
    palette = [
        {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": theme.primary,
         "accent": theme.accent, "toggle": {"icon": "material/brightness-7", "name": ui["to-dark"][lang]}},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": theme.primary,
         "accent": theme.accent, "toggle": {"icon": "material/brightness-4", "name": ui["to-light"][lang]}},
    ]
    if theme.scheme == "slate":
        palette.reverse()
    out: dict = {
        "site_name": plain(config.site_name),
        "site_description": plain(config.site_description) or None,
        "site_url": config.site_url,
        "repo_url": config.repo_url,
        "copyright": plain(f"© {config.organization}") if config.organization else None,
        "docs_dir": DOCS,
        "use_directory_urls": False,
        "theme": {
            "name": "material",
            "language": lang,
            "font": False,  # no Google Fonts: the site must not call the network
            # navigation.indexes is left out on purpose: it costs ~9% more engine work on a large nav
            "features": ["navigation.instant", "navigation.prune", "navigation.tabs", "search.highlight"],
            "palette": palette,
        },
        "extra_css": ["assets/lms/lms.css"],
        "extra_javascript": ["assets/lms/lms-state.js", "assets/lms/lms-quiz.js"],
        "extra": {"generator": False},
        "plugins": ["search"],
        "markdown_extensions": ["attr_list", "tables", "admonition", "pymdownx.details",
                                "pymdownx.superfences", {"toc": {"permalink": True}}],
        "nav": nav(project),
        "validation": {"links": {"not_found": "warn", "anchors": "info"}},
    }
    for name in ("logo", "favicon"):
        if getattr(theme, name):
            out["theme"][name] = f"assets/site/{Path(getattr(theme, name)).name}"
    return yaml.dump({k: v for k, v in out.items() if v is not None}, Dumper=_Dumper, sort_keys=False,
                     allow_unicode=True)


def nav(project: Project) -> list:
    ui = data.table("ui")
    lang = project.config.language
    courses = [
        {plain(c.title): [f"kursus/{c.id}/index.md"] + [f"kursus/{c.id}/{m.id}.md" for m in c.modules]}
        for c in project.published
    ]
    return [{ui["home"][lang]: "index.md"}, {ui["courses"][lang]: courses}] if courses else ["index.md"]


def copied_files(project: Project) -> dict[str, Path]:
    """Files the build tree takes as they are: logo, favicon, and files linked from published modules."""
    out = {}
    for course in project.published:
        for module in course.modules:
            for *_, path in linked_files(project.content[content_path(module.content)]):
                out[f"{DOCS}/{FILES}/{path}"] = project.root / "content" / path
    for name in ("logo", "favicon"):
        value = getattr(project.config.theme, name)
        if value:
            out[f"{DOCS}/assets/site/{Path(value).name}"] = project.root / value
    return out

