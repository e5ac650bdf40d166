"""The only module that imports MkDocs: build a written tree into a site, or serve it.

The plugin's events:

- on_env: templates compiled once into a bytecode cache beside the build tree, and rendered with
  trim_blocks/lstrip_blocks. Material's templates loop over every
  navigation child to find the active page, leaving a blank line per child: about half of each
  page's bytes on a large site. Trimmed, pages are half the size and render the same (a browser
  test compares the visible text).
- on_page_markdown, on_page_content: the HTML blocks render marked (verbatim.py) go around
  Markdown: lifted out before conversion, put back after (Markdown would parse each only to pass
  it on: half of the engine's time on a site of quizzes and catalogues).
- on_page_content: the authors' parts of the page, fenced by render, cleaned by the allowlist
  (sanitize.py); the rest of such a page passes the wider list our templates need (a backstop).
  The cleaned content then goes to collect(URL, title, HTML): the site's search (search.py).
- on_files, on_post_page: progress (pages written, pages in all) for big sites, and which pages
  were built (a dirty build skips the pages whose source did not change); then the page's
  Content-Security-Policy (csp.py), hashing the theme's inline scripts.
- on_post_template: the same policy on static templates (404.html).

build() returns the warnings and the pages (in order, and those built this time): the caller then
writes the search index, once the engine's objects are gone (a lower peak of memory).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # MkDocs' end-of-life banner is not for trainers


class Pages(NamedTuple):
    """The site's pages (their URLs) in the order the engine builds them, and those built this time."""

    order: list[str]
    built: frozenset[str]


Listener = Callable[[int, int], None]
Collect = Callable[[str, str, str], None]  # each built page's URL, title and content (HTML)
TRIM = True  # trim Material's template whitespace (a test turns it off to compare the visible text)
# Theme files no page uses: Material's search (the site has its own, search.py) and source maps
UNUSED = ("assets/javascripts/lunr/", "assets/javascripts/workers/", "__pycache__/")
UNUSED_ENDINGS = (".map", ".py", ".pyc")
ICONS = ".icons"  # 14,000 files the templates include by name: linked, so MkDocs' listing does not walk them


def theme_file(rel: str) -> bool:
    """True for a file of the theme that the site uses or may use."""
    return not rel.startswith(UNUSED) and not rel.endswith(UNUSED_ENDINGS)


class EngineError(Exception):
    """MkDocs failed or (under --strict) warned; the message says what it said."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _environment(epoch: int) -> Iterator[_Collect]:
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    old_level, old_propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        logger.propagate = old_propagate
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def _bytecode_cache(folder: Path):
    import jinja2

    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def _plugin(progress: Listener | None, cache: Path | None = None, policy: bool = True,
            collect: Collect | None = None):
    """Our one plugin: it reaches Material only through MkDocs' events, in their order (see the top)."""
    from mkdocs.plugins import BasePlugin

    from . import csp, sanitize, verbatim

    class Lms(BasePlugin):
        done = total = 0
        lifted: dict[str, str] = {}  # the page being built: its generated blocks, by placeholder

        def on_config(self, config):
            if cache is not None:  # the theme as the site uses it: see theme_dirs()
                config.theme.dirs[:] = theme_dirs(config.theme.dirs, cache.parent / "theme")
            return config

        def on_env(self, env, *, config, files):
            env.trim_blocks = env.lstrip_blocks = TRIM
            if cache is not None:  # Material's templates compile once, not at every build (serve: 1.2 s)
                env.bytecode_cache = _bytecode_cache(cache / ("trimmed" if TRIM else "plain"))  # options shape it
            return env

        def on_files(self, files, *, config):
            self.order, self.built = [f.url for f in files.documentation_pages()], set()
            self.total = len(self.order)
            return files

        def on_page_markdown(self, markdown, *, page, config, files):
            markdown, self.lifted = verbatim.lift(markdown)
            return markdown

        def on_page_content(self, html, *, page, config, files):
            html = sanitize.clean_fenced(verbatim.restore(html, self.lifted))
            if self.lifted and page.present_anchor_ids is not None:  # as MkDocs finds them in raw HTML
                page.present_anchor_ids |= verbatim.ids(self.lifted)
            if collect is not None:
                collect(page.file.url, page.title or "", html)
            return html

        def on_post_page(self, output, *, page, config):
            self.built.add(page.file.url)
            self.done += 1
            if progress is not None:
                progress(self.done, self.total)
            return csp.with_policy(output, page.content or "") if policy else output  # content: not the theme's

        def on_post_template(self, output_content, *, template_name, config):
            return csp.with_policy(output_content) if policy else output_content  # 404.html; not sitemap.xml

    return Lms()


def theme_dirs(dirs: list[str], folder: Path) -> list[str]:
    """The theme's folders with Material's replaced by a mirror (write.mirror) of the files the site uses.

    MkDocs lists every file of the theme at each build to copy its assets, 14,500 files with the icons:
    half of a one-page build's time. The mirror links the icons' folder whole, so the listing skips it
    (the templates still include icons by name), and leaves out Material's search and source maps,
    which would otherwise be copied into every site (2.3 MB, in the offline zip too).
    """
    from importlib.metadata import version

    from . import write

    out = []
    for name in dirs:
        source = Path(name)
        if (source / ICONS).is_dir() and (source / "mkdocs_theme.yml").is_file():
            # one mirror per installed theme (its place too: a new virtual environment gets its own) and rules
            key = hashlib.sha256(repr((str(source.resolve()), UNUSED, UNUSED_ENDINGS, ICONS)).encode()).hexdigest()
            name = str(write.mirror(source, folder / f"material-{version('mkdocs-material')}-{key[:8]}", theme_file,
                                    linked=(ICONS,), probe="main.html"))
        out.append(name)
    return out


def build(tree: Path, site_dir: Path, epoch: int, strict: bool = False, progress: Listener | None = None,
          dirty: bool = False, policy: bool = True, collect: Collect | None = None) -> tuple[list[str], Pages]:
    """Run Material for MkDocs on tree/mkdocs.yml into site_dir; return its warnings and the pages.

    progress, when given, hears (pages written, pages in all) after each page; collect(URL, title, HTML)
    gets each page's content. A dirty build keeps
    site_dir and rebuilds only the pages whose source is newer than their output (`lms serve`). Without
    policy the pages carry no Content-Security-Policy: `lms serve`'s live reload injects an inline script.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _environment(epoch) as log:
        try:
            config = load_config(config_file=str(tree / "mkdocs.yml"), site_dir=str(site_dir), strict=strict)
            plugin = config.plugins["lms"] = _plugin(progress, tree.parent / "templates-cache", policy, collect)
            mkdocs_build(config, dirty=dirty)
        except (MkDocsException, OSError) as exc:
            raise EngineError("\n".join(log.messages + [str(exc)])) from None
    return log.messages, Pages(plugin.order, frozenset(plugin.built))


def serve(rebuild: Callable[[], None], root: Path, watch: list[Path], port: int, host: str = "127.0.0.1") -> None:
    """Serve root with live reload; call rebuild (which refreshes root) when a watched path changes."""
    from mkdocs.livereload import LiveReloadServer

    # the watcher polls; MkDocs' default 0.5 s wait is a quarter of the edit-to-reload time on the sample
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(root), polling_interval=0.2)
    for path in watch:
        if path.exists():
            server.watch(str(path))
    quiet_disconnects(server)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


DISCONNECTS = (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)


def quiet_disconnects(server) -> None:
    """Log a client that hung up (a closed tab, a reload) in one line; any other error as before."""
    original = server.handle_error

    def handle_error(request, client_address) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, DISCONNECTS):
            logging.getLogger("mkdocs.livereload").info("client %s:%s disconnected (%s)", *client_address[:2],
                                                         type(error).__name__)
            return
        original(request, client_address)

    server.handle_error = handle_error
