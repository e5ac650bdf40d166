"""Pure functions from a checked project to the build tree's files (path -> text)."""

from __future__ import annotations

import json
import urllib.parse
from functools import cache
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup

from .. import data, kinds, sanitize, verbatim
from ..structure import BuildOptions, Project
from . import assets, catalogue, competency, course, journey, nav
from .body import FILES
from .catalogue import Catalogue
from .page import plain_page
from .quiz import answer_key, quiz_hash
from .text import decimal, heading, inline, plain

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter: a large nav dumps 10x faster
TEMPLATES = Path(__file__).parent.parent / "templates"
DOCS = "docs"
OVERRIDES = "overrides"  # theme.custom_dir: our 404.html in place of Material's
DATA_SCRIPT = "lms-data.js"  # window.LmsData: what every lms-*.js script reads (docs/browser.md)
SERVE_OVERLAY = "lms-serve.js"  # shows serve's problems over the page; only `lms serve` includes it
SERVE_SCRIPT = "lms-serve-data.js"  # the file serve rewrites after a failed rebuild (journey.serve_data_script)
DEFAULT = BuildOptions()


def site_of(project: Project) -> Catalogue:
    """Where every published piece of content lives: worked out once per build."""
    return catalogue.build(project, lambda kind, front: kinds.by_name(kind).facts(front))


def render(site: Catalogue, options: BuildOptions = DEFAULT) -> dict[str, str]:
    """Every file of the build tree: mkdocs.yml, the Markdown pages and our assets.

    Every site works opened from file:// too (pages are .html files; search loads scripts, no server);
    an offline build differs only by its zip (pipeline.py). serve adds the script that shows problems
    over the page while `lms serve` runs.
    """
    serve = options.serve
    project = site.project
    env = environment(project.config.language)
    pages = {"index.md": home_page(env, site)}
    pages.update(course.course_pages(env, site))
    sections = {}
    for kind in kinds.REGISTRY:
        sections[kind.name] = kind.pages(env, site) if kind.pages else {}
        pages.update(sections[kind.name])
    pages.update(competency.competency_pages(env, site))
    pages.update(journey.journey_pages(env, site))
    tree = {f"{DOCS}/{path}": text for path, text in pages.items()}
    tree.update({f"{DOCS}/assets/lms/{name}": text for name, text in assets.files(options).items()})
    tree[f"{DOCS}/assets/lms/{DATA_SCRIPT}"] = journey.data_script(site, env, quiz_hash)
    if serve:  # no problems yet: serve rewrites this file after a rebuild that fails
        tree[f"{DOCS}/assets/lms/{SERVE_SCRIPT}"] = journey.serve_data_script([], project.config.language)
    tree[f"{OVERRIDES}/404.html"] = not_found_page(env, site)
    listed = nav.nav(site, pages, sections)
    tree["mkdocs.yml"] = mkdocs_yml(project, listed, options, nav.not_in_nav(pages, listed))
    return tree


# The page a host shows for a missing address, at any depth under any path: GitHub Pages serves it for
# /<repo>/x/y/z.html, a local server at /404.html. Material's own uses absolute /<repo>/ addresses and loses its
# look served elsewhere; ours carries its style, and its one inline script (allowed by hash, csp.py) points the
# links at the site's root: the folder of 404.html when opened directly, else site_url's path when the address
# is under it, else the host's root. Without JavaScript the links keep site_url's path.
NOT_FOUND_SCRIPT = """(function () {
  var site = %s, path = location.pathname, root = "/";
  if (/\\/404\\.html$/.test(path)) root = path.replace(/404\\.html$/, "");
  else if (path.indexOf(site) === 0) root = site;
  var base = new URL(root, location.href);
  document.querySelectorAll("a[data-lms-path]").forEach(function (a) {
    a.href = new URL(a.getAttribute("data-lms-path"), base).href;
  });
})();"""


def not_found_page(env: jinja2.Environment, site: Catalogue) -> str:
    """404.html in the site's language, styled without any file of the site, with working ways back."""
    config = site.project.config
    base = urllib.parse.urlsplit(config.site_url).path if config.site_url else "/"
    base = base if base.endswith("/") else base + "/"
    ways = (("kursus/index.html", "not-found-courses", site.courses),
            ("layanan/index.html", "not-found-services", site.standards))
    links = [(p, label) for p, label, there in ways if there]
    script = NOT_FOUND_SCRIPT % json.dumps(base).replace("</", "<\\/")
    page = env.get_template("404.html.j2").render(lang=config.language, site_name=plain(config.site_name), base=base,
                                                  links=links, script=Markup(script))
    # MkDocs renders this file as a Jinja template again: nothing in it may read as Jinja
    return page.replace("{{", "{ {").replace("{%", "{ %").replace("{#", "{ #")


def home_page(env: jinja2.Environment, site: Catalogue) -> str:
    """The generated home page with entry points for each audience, or content/index.md instead."""
    if site.home is not None:
        return plain_page(env, site.home, site.project.config.language)
    counts = {kind: len(site.of_kind(kind)) for kind in ("module", "guide", "article")}
    return env.get_template("home.md.j2").render(config=site.project.config, site=site, counts=counts)


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
        verbatim=verbatim.mark,  # a generated HTML block that goes around Markdown (verbatim.py)
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
        category_label=lambda c: competencies[c]["label"][lang],
        competency_name=competency_name,
        competency_label=lambda course: competency_name(course.competency, course.category),
        skm_label=lambda e: data.table("skm")[e][lang],
        jp_long=lambda jp: ui["jp-long"][lang].format(jp=jp, minutes=jp * 45),
        categories=data.categories(),
    )
    return env


def mkdocs_yml(project: Project, navigation: list, options: BuildOptions, hidden: str = nav.NOT_IN_NAV) -> str:
    """The engine's configuration; every text from the project is HTML-escaped here."""
    serve = options.serve
    config, lang = project.config, project.config.language
    theme = config.theme
    out: dict = {
        "site_name": plain(config.site_name),
        "site_description": plain(config.site_description) or None,
        "site_url": config.site_url,
        "repo_url": plain(config.repo_url) or None,  # printed unescaped by Material (source.html): & -> &amp;
        "copyright": plain(f"© {config.organization}") if config.organization else None,
        "docs_dir": DOCS,
        "use_directory_urls": False,
        "theme": {
            "name": "material",
            "language": lang,
            "font": False,  # no Google Fonts: the site must not call the network
            # navigation.indexes is left out on purpose: it costs ~9% more engine work on a large nav;
            # navigation.instant too: it fetches sitemap.xml (440 KB at 3,000 pages) on every first load
            # and file:// forbids it; each page loads whole, our scripts and Material's come from the cache
            "features": ["navigation.prune", "navigation.tabs"],
            "palette": _palette(theme, lang),
            "custom_dir": OVERRIDES,
        },
        "extra_css": [f"assets/lms/{assets.STYLE}"],
        # the site's data script, then the bundle of our scripts, core first (render/assets.py, docs/browser.md)
        "extra_javascript": [f"assets/lms/{name}" for name in (DATA_SCRIPT, assets.BUNDLE)]
        + ([f"assets/lms/{SERVE_SCRIPT}", f"assets/lms/{SERVE_OVERLAY}"] if serve else []),
        "extra": {"generator": False},
        # tags: chips on knowledge-base articles and the tag index page (pengetahuan/tag.md); no "search":
        # the site's own search (search.py, assets/lms-search*.js) does not depend on the theme's
        "plugins": [{"tags": {"export": False}}],
        "not_in_nav": hidden,  # a course's pages are reached through its outline (render/nav.py)
        # the checker renders with the same list; the heading links' tooltip in the site's language
        "markdown_extensions": _markdown_extensions(lang),
        "nav": navigation,
        "validation": {"links": {"not_found": "warn", "anchors": "info"}},
    }
    for name in ("logo", "favicon"):
        if getattr(theme, name):
            out["theme"][name] = f"assets/site/{Path(getattr(theme, name)).name}"
    return yaml.dump({k: v for k, v in out.items() if v is not None}, Dumper=_Dumper, sort_keys=False,
                     allow_unicode=True)


def _markdown_extensions(lang: str) -> list:
    """sanitize's extensions, with toc's permalink title from the ui table (not Python-Markdown's English)."""
    title = data.table("ui")["permalink"][lang]
    return [{"toc": {**ext["toc"], "permalink_title": title}} if isinstance(ext, dict) and "toc" in ext else ext
            for ext in sanitize.MARKDOWN_EXTENSIONS]


def _palette(theme, lang: str) -> list[dict]:
    """Light and dark schemes with their toggles; the site's own scheme first."""
    ui = data.table("ui")
    palette = [
        {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": theme.primary,
         "accent": theme.accent, "toggle": {"icon": "material/brightness-7", "name": ui["to-dark"][lang]}},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": theme.primary,
         "accent": theme.accent, "toggle": {"icon": "material/brightness-4", "name": ui["to-light"][lang]}},
    ]
    return palette[::-1] if theme.scheme == "slate" else palette


def copied_files(site: Catalogue) -> dict[str, Path]:
    """Files the build tree takes as they are: logo, favicon, and files linked from published content."""
    project = site.project
    out = {}
    for entry in site.entries.values():
        for link in entry.item.links:
            out[f"{DOCS}/{FILES}/{link.path}"] = project.source(link.path)
    for name in ("logo", "favicon"):
        value = getattr(project.config.theme, name)
        if value:
            out[f"{DOCS}/assets/site/{Path(value).name}"] = project.root / value
    return out
