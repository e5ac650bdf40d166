"""Pure functions from a checked project to the build tree's files (path -> text)."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup

from .. import data
from ..model import Course, Quiz
from ..validate import Project, content_path, linked_files
from . import catalogue, journey, kinds
from .body import FILES, with_file_links, without_title
from .catalogue import Catalogue, to_root
from .text import decimal, heading, inline, plain

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter: a large nav dumps 10x faster
TEMPLATES = Path(__file__).parent.parent / "templates"
ASSETS = Path(__file__).parent.parent / "assets"
DOCS = "docs"
SERVE_SCRIPT = "lms-serve.js"


def render(project: Project, offline: bool = False, serve: bool = False) -> dict[str, str]:
    """Every file of the build tree: mkdocs.yml, the Markdown pages and our assets.

    offline makes a site that works opened from file:// (no instant navigation, search inlined);
    serve adds the script that shows problems over the page while `lms serve` runs.
    """
    env = environment(project.config.language)
    site = catalogue.build(project)
    pages = {"index.md": home_page(env, site)}
    pages.update(course_pages(env, site))
    pages.update(kinds.module_pages(env, site))
    pages.update(kinds.guide_pages(env, site))
    pages.update(kinds.article_pages(env, site))
    pages.update(kinds.standard_pages(env, site))
    pages.update(kinds.competency_pages(env, site))
    pages.update(kinds.other_pages(env, site))
    pages.update(journey.journey_pages(env, site))
    tree = {f"{DOCS}/{path}": text for path, text in pages.items()}
    for asset in sorted(ASSETS.iterdir()):
        if asset.name.startswith("lunr.") or (asset.name == SERVE_SCRIPT and not serve):
            continue  # search's language file is written after the build (search.py); the serve script by serve
        tree[f"{DOCS}/assets/lms/{asset.name}"] = asset.read_text(encoding="utf-8")
    if site.courses:
        tree[f"{DOCS}/assets/lms/catalogue.js"] = journey.catalogue_js(site, env, quiz_hash)
    tree["mkdocs.yml"] = mkdocs_yml(project, nav(site, pages), offline, bool(site.courses), serve)
    return tree


def home_page(env: jinja2.Environment, site: Catalogue) -> str:
    """The generated home page with entry points for each audience, or content/index.md instead."""
    if site.home is not None:
        return kinds.plain_page(env, site.home)
    counts = {kind: len(site.of_kind(kind)) for kind in ("module", "guide", "article")}
    return env.get_template("home.md.j2").render(config=site.project.config, site=site, counts=counts)


def course_pages(env: jinja2.Environment, site: Catalogue) -> dict[str, str]:
    known = {c.id: c for c in site.courses}
    pages = {"kursus/index.md": env.get_template("courses.md.j2").render(
        courses=site.courses, filters=course_filters(env, site.courses))} if known else {}
    for course in site.courses:
        pages[f"kursus/{course.id}/index.md"] = course_page(env, course, known)
        for i, module in enumerate(course.modules):
            page = f"kursus/{course.id}/{module.id}.md"
            elsewhere = site.canonical(course, module)
            if elsewhere:  # one canonical page per piece of content: this one links to it
                title = site.entries[content_path(module.content)].title
                body = env.get_template("reused.md.j2").render(url=catalogue.url(page, elsewhere), title=title)
            else:
                body = with_file_links(site.project.content[content_path(module.content)], to_root(page))
            pages[page] = module_page(env, course, i, body)
    return pages


def course_filters(env: jinja2.Environment, courses: list[Course]) -> list[dict]:
    """Drop-downs for the course catalogue: category, competency, level and JP range."""
    return [
        kinds.select("category", "category", [c for c in data.categories() if any(x.category == c for x in courses)],
                     env.globals["category_label"]),
        kinds.select("competency", "competency", sorted({(c.competency, c.category) for c in courses}), None,
                     options=lambda pair: (pair[0], env.globals["competency_name"](*pair))),
        kinds.select("level", "level", sorted({c.level for c in courses}), str),
        kinds.select("jp", "jp", [("1-2", "1–2 JP"), ("3-4", "3–4 JP"), ("5-1000", "≥ 5 JP")], None, match="range"),
    ]


def course_page(env: jinja2.Environment, course: Course, known: dict[str, Course]) -> str:
    prerequisites = [
        {"id": p, "title": known[p].title if p in known else p, "url": f"../{p}/index.html" if p in known else None}
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
        ui=lambda key, **kw: ui[key][lang].format(**kw) if kw else ui[key][lang],
        rotate=lambda items: list(items)[1:] + list(items)[:1],  # never shown already solved
        positions=lambda items: list(enumerate(items, start=1)),
        answer_key=answer_key,
        number=lambda x: f"{x:g}".replace(".", ",") if lang == "id" else f"{x:g}",
        number2=lambda x: decimal(x, lang),
    )
    def competency_name(competency: str, category: str | None = None) -> str:
        names = competencies.get(category or catalogue.category_of(competency) or "", {}).get("competencies", {})
        return names[competency][lang] if competency in names else competency.replace("-", " ").capitalize()

    env.filters.update(
        rupiah=lambda n: "Rp" + f"{n:,}".replace(",", "." if lang == "id" else ","),
        date=lambda d: f"{d.day} {ui['month-' + str(d.month)][lang]} {d.year}",
    )
    env.globals.update(
        quiz_text=json.dumps({k[3:]: v[lang] for k, v in ui.items() if k.startswith("js-")}, ensure_ascii=False),
        category_label=lambda c: competencies[c]["label"][lang],
        competency_name=competency_name,
        competency_label=lambda course: competency_name(course.competency, course.category),
        skm_label=lambda e: data.table("skm")[e][lang],
        jp_long=lambda jp: ui["jp-long"][lang].format(jp=jp, minutes=jp * 45),
        categories=data.categories(),
    )
    return env


def mkdocs_yml(project: Project, navigation: list, offline: bool = False, progress: bool = False,
               serve: bool = False) -> str:
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
            # instant navigation fetches pages, which file:// forbids: offline builds go without it
            "features": (["navigation.instant"] if not offline else [])
            + ["navigation.prune", "navigation.tabs", "search.highlight"],
            "palette": palette,
        },
        "extra_css": ["assets/lms/lms.css"],
        "extra_javascript": ["assets/lms/lms-state.js", "assets/lms/lms-quiz.js", "assets/lms/lms-filter.js"]
        + (["assets/lms/catalogue.js", "assets/lms/lms-progress.js", "assets/lms/lms-ledger.js"] if progress else [])
        + ([f"assets/lms/{SERVE_SCRIPT}"] if serve else []),
        "extra": {"generator": False},
        # tags: chips on knowledge-base articles and the tag index page (pengetahuan/tag.md)
        "plugins": ["search", {"tags": {"export": False}}],
        "not_in_nav": "/kursus/*/bukti.md",  # completion records are reached from their course
        "markdown_extensions": ["attr_list", "tables", "admonition", "pymdownx.details",
                                "pymdownx.superfences", {"toc": {"permalink": True}}],
        "nav": navigation,
        "validation": {"links": {"not_found": "warn", "anchors": "info"}},
    }
    for name in ("logo", "favicon"):
        if getattr(theme, name):
            out["theme"][name] = f"assets/site/{Path(getattr(theme, name)).name}"
    if offline:
        # Material's offline plugin inlines the search index; it would load its Web Worker shim from a
        # CDN unless a polyfill named iframe-worker is already there, so ours (vendored) goes first
        out["plugins"].append("offline")
        out["extra"]["polyfills"] = ["assets/lms/iframe-worker.js"]
    return yaml.dump({k: v for k, v in out.items() if v is not None}, Dumper=_Dumper, sort_keys=False,
                     allow_unicode=True)


def nav(site: Catalogue, pages: dict[str, str]) -> list:
    """Tabs: home, courses, modules, team building, knowledge base, competencies, public services, pages."""
    ui = data.table("ui")
    lang = site.project.config.language

    def section(label: str, prefix: str, entries: list) -> list:
        heads = [p for p in (f"{prefix}/index.md", f"{prefix}/tag.md") if p in pages]
        return [{ui[label][lang]: heads + entries}] if heads or entries else []

    courses = [
        {plain(c.title): [f"kursus/{c.id}/index.md"] + [f"kursus/{c.id}/{m.id}.md" for m in c.modules]}
        for c in site.courses
    ]
    # a page's nav title comes from its H1: Material un-escapes explicit titles into <title>
    own = {kind: [e.page for e in site.of_kind(kind) if e.course is None]
           for kind in ("module", "guide", "article", "page")}
    out: list = [{ui["home"][lang]: "index.md"}]
    paths = [p for p in pages if p.startswith("jalur/") and p != "jalur/index.md"]
    journey = (["progres.md"] if "progres.md" in pages else []) + (
        [{ui["paths-title"][lang]: ["jalur/index.md"] + paths}] if paths else [])
    out += section("courses", "kursus", journey + courses)
    out += section("modules", "modul", own["module"])
    out += section("guides", "team-building", own["guide"])
    out += section("knowledge", "pengetahuan", own["article"])
    out += section("competencies", "kompetensi", [p for c in data.categories() if (p := f"kompetensi/{c}.md") in pages])
    out += section("public-services", "layanan", [f"layanan/{s.id}.md" for s in site.standards]
                   + (["layanan/pengaduan.md"] if "layanan/pengaduan.md" in pages else []))
    out += [e for e in own["page"] if e != "index.md"]
    return out


def copied_files(project: Project) -> dict[str, Path]:
    """Files the build tree takes as they are: logo, favicon, and files linked from published modules."""
    out = {}
    for entry in catalogue.build(project).entries.values():
        for *_, path in linked_files(entry.item):
            out[f"{DOCS}/{FILES}/{path}"] = project.root / "content" / path
    for name in ("logo", "favicon"):
        value = getattr(project.config.theme, name)
        if value:
            out[f"{DOCS}/assets/site/{Path(value).name}"] = project.root / value
    return out



def serve_script(found: list, lang: str) -> str:
    """lms-serve.js with the problems of the latest rebuild written in (none: an empty list)."""
    items = [{"where": f"{p.path}:{p.line}:{p.col}" + (f": {p.key}" if p.key else ""),
              "message": p.message(lang), "hint": p.hint_text(lang)} for p in found]
    title = data.table("ui")["serve-problems"][lang].format(n=len(found)) if found else ""
    body = json.dumps({"title": title, "problems": items}, ensure_ascii=False).replace("</", "<\\/")
    script = (ASSETS / SERVE_SCRIPT).read_text(encoding="utf-8")
    start, end = script.index("/*PROBLEMS*/"), script.index("/*END*/") + len("/*END*/")
    return script[:start] + body + script[end:]
